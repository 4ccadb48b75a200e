"""Claims across articles: merging, syndicated copies, denials, disputes, timelines and
source profiles, on hand-built evidence where the right answer is known."""

from __future__ import annotations

import itertools

import pytest

from faultlines.analyse.claims import build_claims, claim_key
from faultlines.analyse.contested import find_disputes
from faultlines.analyse.sources import source_profiles
from faultlines.analyse.syndication import ArticleText, containment, shingles, syndication_groups
from faultlines.analyse.timeline import build_timeline
from faultlines.values import Attribution, Evidence

_ids = itertools.count(1)
OUTLET = Attribution("outlet")


def ev(source, type_, target, *, article, status="fact", by=OUTLET, outlet="Wire A", published="2017-10-01",
       date=None, group=None, place=None, start=0, former=False) -> Evidence:
    """One piece of evidence; ``group`` is the article's syndication group (itself by default)."""
    return Evidence(
        statement_id=next(_ids), article_id=article, syndication_group=group or article,
        source_actor_id=source, target_actor_id=target, doc=f"{article}.txt", sentence=f"{source} {type_} {target}.",
        start=start, end=start + 10, type=type_, status=status, asserted_by=by, outlet=outlet,
        published=published, date=date, place=place, former=former,
    )


def person(actor_id: str) -> Attribution:
    return Attribution("person", actor_id=actor_id, name=actor_id.split(":")[-1])


# ---------------------------------------------------------------- claims


def test_claims_merge_neighbouring_types_and_keep_every_piece_of_evidence():
    claims = build_claims([
        ev("USA", "BACKS", "SDF", article=1), ev("USA", "AID", "SDF", article=2, outlet="Wire B"),
        ev("USA", "SUPPORT", "SDF", article=3, outlet="Wire C", by=person("person:mercer")),
    ])
    assert len(claims) == 1
    claim = claims[0]
    assert (claim.source_actor_id, claim.type, claim.target_actor_id) == ("USA", "SUPPORT", "SDF")
    assert len(claim.evidence) == 3 and claim.independent_sources == 3
    assert claim.own_voice == ("Wire A", "Wire B") and claim.reported == ("person:mercer",)


def test_claims_syndicated_copies_count_once():
    # One wire story reprinted by three sites, plus one independent report.
    evidence = [ev("RUS", "ASSAULT", "SDF", article=a, group=10, outlet=o)
                for a, o in ((10, "Wire"), (11, "Site 1"), (12, "Site 2"), (13, "Site 3"))]
    evidence.append(ev("RUS", "ASSAULT", "SDF", article=20, outlet="Other paper"))
    claim, = build_claims(evidence)
    assert claim.independent_sources == 2
    assert len(claim.outlets) == 5
    assert claim.independent_outlets == ("Wire", "Other paper")


def test_claims_symmetric_types_merge_in_either_direction():
    claims = build_claims([ev("USA", "AGREE", "RUS", article=1), ev("RUS", "AGREE", "USA", article=2)])
    assert len(claims) == 1 and claims[0].independent_sources == 2
    assert claim_key("USA", "COOPERATE", "RUS") == claim_key("RUS", "COOPERATE", "USA")
    assert claim_key("USA", "BACKS", "SDF") != claim_key("SDF", "BACKS", "USA")


def test_claims_split_events_outside_the_window_but_not_standing_relations():
    events = build_claims([ev("RUS", "ASSAULT", "SDF", article=1, published="2017-01-10"),
                           ev("RUS", "ASSAULT", "SDF", article=2, published="2017-01-25"),
                           ev("RUS", "ASSAULT", "SDF", article=3, published="2017-06-01")], window_days=30)
    assert [len(c.evidence) for c in events] == [2, 1]
    assert events[0].first_seen == "2017-01-10" and events[0].last_seen == "2017-01-25"
    relations = build_claims([ev("IRN", "BACKS", "HEZBOLLAH", article=1, published="2014-01-01"),
                              ev("IRN", "BACKS", "HEZBOLLAH", article=2, published="2017-06-01")], window_days=30)
    assert len(relations) == 1


def test_claims_leave_hypotheticals_out_and_keep_denials_apart():
    claims = build_claims([
        ev("TUR", "ASSAULT", "SDF", article=1, status="hypothetical"),
        ev("RUS", "ASSAULT", "SDF", article=2, by=person("person:mercer")),
        ev("RUS", "ASSAULT", "SDF", article=3, status="negated", by=person("person:varnakov"), outlet="Wire B"),
    ])
    assert {(c.source_actor_id, c.polarity) for c in claims} == {("RUS", "asserted"), ("RUS", "denied")}
    asserted = next(c for c in claims if c.polarity == "asserted")
    assert asserted.contradicted_by == ("person:varnakov",)


def test_claims_event_dates_beat_publication_dates():
    claim, = build_claims([ev("RUS", "ASSAULT", "SDF", article=1, published="2017-10-01", date="2017-09-16")])
    assert claim.first_seen == "2017-09-16"


# ---------------------------------------------------------------- syndication

STORY = ("Russian aircraft struck positions of the Syrian Democratic Forces east of the Euphrates on Saturday, "
         "a coalition spokesman said, in what would be the first such attack on US-backed forces. The Russian "
         "defense ministry denied the report and said its pilots strike only confirmed ISIS targets. ") * 2


def test_syndication_finds_a_reprint_with_a_new_headline_and_an_added_sentence():
    reprint = "Moscow denies strike on SDF\n\n" + STORY + " Washington has asked Moscow for an explanation."
    groups = syndication_groups([ArticleText(1, STORY, "2017-09-17"), ArticleText(2, reprint, "2017-09-17"),
                                 ArticleText(3, "SDF fighters took two villages near Hajin from ISIS on Monday "
                                                "after a week of fighting, the group said.", "2017-09-18")])
    assert groups == {1: 1, 2: 1, 3: 3}


def test_syndication_names_a_group_by_its_earliest_article():
    groups = syndication_groups([ArticleText(7, STORY, "2017-09-18"), ArticleText(9, STORY, "2017-09-17")])
    assert groups == {7: 9, 9: 9}


def test_syndication_shingles_ignore_case_and_punctuation():
    assert shingles("The SDF, backed by the US, took Raqqa.") == shingles("the sdf backed by the us took raqqa")
    assert containment(shingles(STORY), shingles("Completely different words about another war in Yemen.")) == 0


# ---------------------------------------------------------------- disputes


def test_disputes_denial_has_both_sides_with_their_sources():
    claims = build_claims([
        ev("RUS", "ASSAULT", "SDF", article=1, by=person("person:mercer"), outlet="Wire A"),
        ev("RUS", "ASSAULT", "SDF", article=2, by=person("person:mercer"), outlet="Wire B"),
        ev("RUS", "ASSAULT", "SDF", article=3, status="negated", by=person("person:varnakov"), outlet="Moscow Daily"),
    ])
    dispute, = [d for d in find_disputes(claims) if d.kind == "denial"]
    asserts, denies = dispute.sides
    assert asserts.says == "asserts" and asserts.asserters == ("person:mercer",) and asserts.independent_sources == 2
    assert denies.says == "denies" and denies.asserters == ("person:varnakov",) and denies.outlets == ("Moscow Daily",)


def test_disputes_backs_versus_fights_from_different_sources():
    claims = build_claims([
        ev("TUR", "BACKS", "FSA", article=1, outlet="Wire A"),
        ev("TUR", "ASSAULT", "FSA", article=2, outlet="Wire B"),
    ])
    dispute, = find_disputes(claims)
    assert dispute.kind == "alignment"
    assert {s.says for s in dispute.sides} == {"TUR SUPPORT FSA", "TUR ASSAULT FSA"}


def test_disputes_one_source_saying_both_is_not_a_dispute():
    claims = build_claims([ev("TUR", "BACKS", "FSA", article=1), ev("TUR", "ASSAULT", "FSA", article=1, start=50)])
    assert find_disputes(claims) == []


def test_disputes_competing_blame_for_one_strike():
    claims = build_claims([
        ev("RUS", "ASSAULT", "CIVILIANS", article=1, outlet="Monitor", place="Al-Bukamal", date="2017-11-05"),
        ev("CJTF_OIR", "ASSAULT", "CIVILIANS", article=2, outlet="Moscow Daily", place="Al-Bukamal",
           by=Attribution("organization", actor_id="RUS.MIL.MOD"), date="2017-11-05"),
        # A raid elsewhere the same day is another event, not a dispute.
        ev("TUR", "ASSAULT", "CIVILIANS", article=3, outlet="Wire C", place="Afrin", date="2017-11-05"),
    ])
    blames = [d for d in find_disputes(claims) if d.kind == "blame"]
    assert len(blames) == 1
    assert {s.says for s in blames[0].sides} == {"RUS ASSAULT CIVILIANS", "CJTF_OIR ASSAULT CIVILIANS"}


def test_disputes_fact_for_one_outlet_allegation_for_another_ranks_below_denials():
    claims = build_claims([
        ev("USA", "AID", "ISIS", article=1, outlet="Moscow Daily"),
        ev("USA", "AID", "ISIS", article=2, outlet="Wire A", by=Attribution("organization", actor_id="RUS.MIL.MOD")),
        ev("USA", "AID", "ISIS", article=3, outlet="Wire B", status="negated", by=person("person:mercer")),
    ])
    disputes = find_disputes(claims)
    assert [d.kind for d in disputes] == ["denial", "allegation"]
    fact, alleged = disputes[1].sides
    assert fact.outlets == ("Moscow Daily",) and alleged.outlets == ("Wire A",)


# ---------------------------------------------------------------- timelines


def test_timeline_loyalty_switch_reads_in_order_and_current_affiliation_is_the_latest():
    me = "person:abu-jassem"
    claims = build_claims([
        ev(me, "MEMBER_OF", "ISIS", article=1, date="2014", published="2017-08-14"),
        ev(me, "MEMBER_OF", "LIWA", article=1, date="2015", published="2017-08-14", start=40),
        ev(me, "MEMBER_OF", "SDF", article=2, date="2017-06-20", published="2017-06-20"),
        ev(me, "MEMBER_OF", "REBELS", article=3, published="2017-09-19", former=True),
        ev("USA", "BACKS", "SDF", article=4),
    ])
    line = build_timeline([me], claims, is_former=lambda c: all(e.former for e in c.evidence))
    assert [e.other_actor_id for e in line.memberships] == ["ISIS", "LIWA", "SDF", "REBELS"]
    assert [e.other_actor_id for e in line.current_affiliations] == ["SDF"]
    assert line.memberships[-1].former


def test_timeline_same_date_switch_goes_by_the_order_of_the_text():
    me = "person:x"
    claims = build_claims([ev(me, "MEMBER_OF", "ISIS", article=1, start=10),
                           ev(me, "MEMBER_OF", "HTS", article=1, start=80)])
    assert [e.other_actor_id for e in build_timeline([me], claims).current_affiliations] == ["HTS"]


def test_timeline_names_backers_and_enemies():
    claims = build_claims([ev("USA", "BACKS", "SDF", article=1), ev("SDF", "ASSAULT", "ISIS", article=2),
                           ev("RUS", "ASSAULT", "SDF", article=3, status="negated")])
    line = build_timeline(["SDF"], claims)
    assert [e.other_actor_id for e in line.backers] == ["USA"]
    assert [e.other_actor_id for e in line.enemies] == ["ISIS"]   # a denied attack makes no enemy


# ---------------------------------------------------------------- source profiles


def test_source_profiles_own_voice_quotes_and_sides():
    claims = build_claims([
        ev("RUS", "ASSAULT", "SDF", article=1, outlet="Wire A", by=person("person:mercer")),
        ev("RUS", "ASSAULT", "SDF", article=2, outlet="Moscow Daily", status="negated", by=person("person:varnakov")),
        ev("USA", "BACKS", "SDF", article=3, outlet="Wire A"),
    ])
    profiles = {p.outlet: p for p in source_profiles(claims, find_disputes(claims), {"Wire A": 2, "Moscow Daily": 1, "Idle": 1})}
    wire = profiles["Wire A"]
    assert wire.articles == 2 and wire.quoted == (("person:mercer", 1),) and len(wire.own_voice_claims) == 1
    assert wire.own_voice_share == pytest.approx(0.5)
    assert [s.says for s in wire.stances] == ["asserts"]
    assert [s.says for s in profiles["Moscow Daily"].stances] == ["denies"]
    assert profiles["Idle"].statements == 0


def test_claims_a_denial_under_another_name_of_the_same_actor_contradicts():
    # Moscow says the US aided ISIS; the coalition the US leads denies doing so.
    same = lambda a, b: a == b or {a, b} == {"USA", "CJTF_OIR"}  # noqa: E731
    evidence = [ev("USA", "AID", "ISIS", article=1, by=Attribution("organization", actor_id="RUS.MIL.MOD")),
                ev("CJTF_OIR", "AID", "ISIS", article=2, status="negated", by=person("person:mercer"))]
    asserted = next(c for c in build_claims(evidence, same_actor=same) if c.polarity == "asserted")
    assert asserted.contradicted_by == ("person:mercer",)
    unrelated = next(c for c in build_claims(evidence) if c.polarity == "asserted")
    assert unrelated.contradicted_by == ()
    denial, = [d for d in find_disputes(build_claims(evidence, same_actor=same), same_actor=same) if d.kind == "denial"]
    assert denial.sides[1].asserters == ("person:mercer",)


def test_disputes_generic_names_take_no_part_in_alignment_disputes():
    claims = build_claims([ev("SYR", "AID", "CIVILIANS", article=1, outlet="Wire A"),
                           ev("SYR", "ASSAULT", "CIVILIANS", article=2, outlet="Wire B")])
    assert [d.kind for d in find_disputes(claims)] == ["alignment"]
    kinds = {"CIVILIANS": "generic", "SYR": "state"}
    assert find_disputes(claims, kind_of=kinds.get) == []


def test_disputes_an_outlet_named_as_attacker_is_no_side_of_a_blame():
    claims = build_claims([
        ev("RUS", "ASSAULT", "CIVILIANS", article=1, outlet="Monitor", place="Idlib", date="2017-11-05"),
        ev("TRT", "ASSAULT", "CIVILIANS", article=2, outlet="TRT", place="Idlib", date="2017-11-05"),
    ])
    assert [d.kind for d in find_disputes(claims)] == ["blame"]
    assert find_disputes(claims, kind_of={"TRT": "media outlet"}.get) == []
