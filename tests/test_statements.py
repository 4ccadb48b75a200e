"""Statement extraction: sentence -> expected statements, one behaviour per case.

Each case gives the text, the article date, and statements that must be found as
(type, source, target, asserter kind, asserter id or None for any, status). Ids accept
their catalogue ancestors (USA.MIL counts for USA) through ``matches``. ``absent`` lists
statements that must NOT be output as facts (the hard cases of ANNOTATION.md).
"""

from __future__ import annotations

import json

import pytest

import faultlines
from faultlines.core import analyse_text
from faultlines.export import analysis_records
from faultlines.options import Options
from faultlines.resolve.catalogue import load_catalogue

CATALOGUE = load_catalogue()


def same_or_below(actor_id: str, expected: str) -> bool:
    if actor_id == expected or actor_id == f"anon:{expected}":
        return True
    if actor_id in CATALOGUE:
        return expected in {a.id for a in CATALOGUE.ancestors(actor_id)}
    if actor_id.startswith("anon:") and actor_id[5:] in CATALOGUE:
        return same_or_below(actor_id[5:], expected)
    return False


def matches(record: dict, type_, source, target, by_kind=None, by_id=None, status=None) -> bool:
    return (
        record["type"] == type_
        and same_or_below(record["source"]["id"], source)
        and same_or_below(record["target"]["id"], target)
        and (by_kind is None or record["asserted_by"]["kind"] == by_kind)
        and (by_id is None or same_or_below(record["asserted_by"]["id"] or "", by_id))
        and (status is None or record["status"] == status)
    )


def extract(text: str, published: str = "2017-10-24") -> list[dict]:
    return faultlines.extract_text(text, published=published)


def describe(records) -> str:
    return "\n".join(
        f"{r['type']} {r['source']['id']} -> {r['target']['id']} by {r['asserted_by']['kind']}:"
        f"{r['asserted_by']['id']} [{r['status']}] {r['date']}" for r in records
    )


CASES = [
    # -- voice and syntax -------------------------------------------------------------
    ("active-voice", "ISIS fighters attacked a Syrian army checkpoint.",
     [("ASSAULT", "ISIS", "SYR", "outlet", None, "fact")]),
    ("passive-voice", "The convoy of the SDF was attacked by Russian jets.",
     [("ASSAULT", "RUS", "SDF", "outlet", None, "fact")]),
    ("nominalization-light-verb", "The US-led coalition said it carried out strikes on ISIS positions near Raqqa.",
     [("ASSAULT", "CJTF_OIR", "ISIS", None, None, "fact")]),
    ("noun-with-preposition", "The Islamic State had cut a deal with the Syrian government.",
     [("AGREE", "ISIS", "SYR.GOV.ASSAD", "outlet", None, "fact")]),
    ("compound-backed", "The Russian-backed Syrian forces and the US-backed SDF raced toward Deir ez-Zor.",
     [("BACKS", "RUS", "SYR", "outlet", None, "fact"), ("BACKS", "USA", "SDF", "outlet", None, "fact")]),
    ("coordinated-subjects", "Russia and Iran back the Syrian government.",
     [("BACKS", "RUS", "SYR.GOV.ASSAD", "outlet", None, "fact"), ("BACKS", "IRN", "SYR.GOV.ASSAD", "outlet", None, "fact")]),
    ("coordinated-objects", "Turkish jets struck the YPG and ISIS on Monday.",
     [("ASSAULT", "TUR", "YPG", "outlet", None, "fact"), ("ASSAULT", "TUR", "ISIS", "outlet", None, "fact")]),
    ("relative-clause", "Hezbollah, which fights ISIS in Syria, sent more men.",
     [("HOSTILE_TO", "HEZBOLLAH", "ISIS", "outlet", None, "fact")]),
    ("infinitival-object-control", "Russia asked the United States to remove its drones from the area.",
     [("REQUEST", "RUS", "USA", "outlet", None, "fact")]),
    ("role-apposition", "SDF commander Rojhat Sheikhmous said the town had fallen.",
     [("MEMBER_OF", "person:rojhat-sheikhmous", "SDF", "outlet", None, "fact")]),
    ("relational-noun", "Jabhat al-Nusra, al-Qaeda's affiliate in Syria, attacked the rebels.",
     [("MEMBER_OF", "NUSRA", "AQ", "outlet", None, "fact"), ("ASSAULT", "NUSRA", "REBELS", "outlet", None, "fact")]),
    ("allies-possessive", "The Islamic State cut a deal with the Syrian government and its Hezbollah militia allies.",
     [("ALLIED_WITH", "HEZBOLLAH", "SYR.GOV.ASSAD", "outlet", None, "fact")]),
    # -- attribution ------------------------------------------------------------------
    ("said-person", "Russian military spokesman Igor Konashenkov said Russian jets struck ISIS near Palmyra.",
     [("ASSAULT", "RUS", "ISIS", "person", "KONASHENKOV", "fact")]),
    ("parenthetical-anonymous", "The Russians, two defense officials said, had struck SDF positions.",
     [("ASSAULT", "RUS", "SDF", "anonymous", None, "fact")]),
    ("according-to", "According to the Syrian Observatory for Human Rights, Russian jets struck rebel positions in Idlib.",
     [("ASSAULT", "RUS", "REBELS", "organization", "SOHR", "fact")]),
    ("accusation-two-statements", "Russia's defense ministry accused the United States of evacuating ISIS commanders from Raqqa.",
     [("ACCUSE", "RUS", "USA", "outlet", None, "fact"), ("AID", "USA", "ISIS", "organization", "RUS", "fact")]),
    ("quote-speaker-after", '"Russian jets struck our positions twice," SDF spokeswoman Hevin Sidar said.',
     [("ASSAULT", "RUS", "SDF", "person", None, "fact")]),
    ("headline-colon", "Moscow: the US-led coalition is sheltering ISIS fighters",
     [("SUPPORT", "CJTF_OIR", "ISIS", "organization", "RUS", "fact")]),
    ("demand-in-quote", '"The regime needs to end the shelling of civilians," State Department spokesman John Kirby said.',
     [("REQUEST", "KIRBY", "SYR.GOV.ASSAD", "person", "KIRBY", "fact")]),
    # -- status -----------------------------------------------------------------------
    ("negation", "The US-led coalition did not coordinate with Russia, the Pentagon said.",
     [("COOPERATE", "CJTF_OIR", "RUS", None, None, "negated")]),
    ("denial", "Russia denied that its jets had struck SDF positions.",
     [("ASSAULT", "RUS", "SDF", "organization", "RUS", "negated")]),
    ("conditional", "If Iranian-backed militias cross the Euphrates, the US-led coalition could strike them.",
     [("ASSAULT", "CJTF_OIR", "IRAN_BACKED_MILITIAS", None, None, "hypothetical")]),
    ("plan", "The White House is pushing to cooperate with Russia against ISIS.",
     [("COOPERATE", "USA", "RUS", "outlet", None, "hypothetical")]),
    ("scheduled", "Secretary of State John Kerry is scheduled to meet Russian President Vladimir Putin on Thursday.",
     [("CONSULT", "KERRY", "PUTIN", "outlet", None, "hypothetical")]),
    ("question", "Will Turkey attack the YPG in Manbij?",
     [("ASSAULT", "TUR", "YPG", "outlet", None, "hypothetical")]),
    ("author-opinion", "I think it is ridiculous that Washington arms the YPG.",
     [("BACKS", "USA", "YPG", "author", None, None)]),
]


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_statements_sentence_to_statements(name, text, expected):
    records = extract(text)
    for want in expected:
        assert any(matches(r, *want) for r in records), f"missing {want}; got:\n{describe(records)}"


ABSENT = [
    ("hypothetical-alliance", "So what happens if these thousand men actually make an alliance with ISIS?",
     ("ALLIED_WITH", "REBELS", "ISIS")),
    ("normative-not-event", "ISIS is a problem that should be dealt with by Iraq and Iran.",
     ("ASSAULT", "IRQ", "ISIS")),
    ("proposal-not-fact", "The Obama administration has warmed to a Russian proposal that allows U.S. forces to coordinate with the Kremlin.",
     ("COOPERATE", "USA", "RUS")),
    ("denied-not-fact", "Russia denied that its jets had struck SDF positions.",
     ("ASSAULT", "RUS", "SDF")),
]


@pytest.mark.parametrize("name, text, forbidden", ABSENT, ids=[c[0] for c in ABSENT])
def test_statements_hypotheticals_never_stored_as_fact(name, text, forbidden):
    records = extract(text)
    facts = [r for r in records if r["status"] == "fact" and r["asserted_by"]["kind"] in ("outlet", "author")]
    assert not any(matches(r, *forbidden) for r in facts), describe(records)


@pytest.mark.parametrize(
    "text, published, date, granularity",
    [
        ("Russian jets struck ISIS near Palmyra on Tuesday.", "2017-10-24", "2017-10-24", "day"),  # a Tuesday
        ("Russian jets struck ISIS near Palmyra last Friday.", "2017-10-24", "2017-10-20", "day"),
        ("Russian jets struck ISIS near Palmyra in October.", "2017-11-15", "2017-10", "month"),
        ("Russian jets struck ISIS near Palmyra on 5 July.", "2017-10-24", "2017-07-05", "day"),
    ],
)
def test_statements_dates_resolved_against_the_article(text, published, date, granularity):
    (strike,) = [r for r in extract(text, published) if r["type"] == "ASSAULT"]
    assert (strike["date"], strike["date_granularity"]) == (date, granularity)
    assert strike["place"] == "Palmyra"


def test_statements_stored_and_queried_with_filters(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Russia accuses US\n\nRussia's defense ministry accused the United States of evacuating ISIS "
        "commanders from Raqqa. Russian jets struck ISIS near Palmyra on Tuesday.\n"
    )
    (tmp_path / "a.meta.json").write_text(json.dumps({"outlet": "Northern Star Daily", "date": "2017-10-24"}))
    with faultlines.open(":memory:") as fl:
        fl.ingest([tmp_path])
        claims = fl.statements(by="organization")
        assert [(r["type"], r["source"]["id"], r["target"]["id"]) for r in claims] == [("AID", "USA", "ISIS")]
        assert {r["type"] for r in fl.statements(actor="Daesh")} >= {"AID", "ASSAULT"}
        # the headline and the first sentence both say it
        assert [r["type"] for r in fl.statements(type="ACCUSE")] == ["ACCUSE", "ACCUSE"]
        assert fl.statements(status="hypothetical") == []
        assert fl.statements(since="2017-11-01") == []
        outlet = fl.statements(type="ACCUSE")[0]["asserted_by"]
        assert (outlet["kind"], outlet["name"]) == ("outlet", "Northern Star Daily")
        with pytest.raises(faultlines.FaultlinesError, match="unknown type"):
            fl.statements(type="BOMBING")


@pytest.mark.slow
def test_statements_same_with_two_worker_processes(tmp_path):
    for n in range(6):
        (tmp_path / f"{n}.txt").write_text(f"Report {n}\n\nRussian jets struck ISIS near Palmyra {n} times, the ministry said.")
    results = []
    for workers in (1, 2):
        with faultlines.open(":memory:") as fl:
            summary = fl.ingest([tmp_path], workers=workers, batch_size=2)
            assert summary.ingested == 6
            results.append(sorted((r["doc"], r["type"], r["source"]["id"], r["target"]["id"]) for r in fl.statements()))
    assert results[0] == results[1] and len(results[0]) >= 6


@pytest.mark.parametrize(
    "text, commitment, act",
    [
        ("Finland will give Tanzania a grant of 580 million shillings.", "AGREE", "AID"),
        ("Hungary said it will support the UN Security Council resolution.", "AGREE", None),
        ("Iran will launch attacks on Iraq unless Baghdad accepts its terms.", "THREATEN", "ASSAULT"),
    ],
)
def test_statements_commitment_is_stated_beside_the_act(text, commitment, act):
    records = extract(text)
    assert any(r["type"] == commitment and r["status"] == "fact" for r in records), describe(records)
    if act:
        assert any(r["type"] == act and r["status"] == "hypothetical" for r in records), describe(records)


def test_statements_no_commitment_in_a_condition_or_question():
    for text in ("If Russia will attack Ukraine, NATO responds.", "Will Turkey attack the YPG in Manbij?"):
        assert not [r for r in extract(text) if r["type"] in ("AGREE", "THREATEN")], text


def test_statements_undated_file_is_dated_by_the_names_in_it(tmp_path):
    text = ("Convoy row\n\nBrett McGurk, the US envoy to the coalition against ISIS, said the Syrian government "
            "had cut a deal with ISIS. Jabhat al-Nusra fighters left last Friday.")
    (tmp_path / "undated.txt").write_text(text)
    records = [r for r in faultlines.extract_statements([tmp_path / "undated.txt"]) if isinstance(r, dict)]
    deal = [r for r in records if r["type"] == "AGREE"]
    # The file's date is its modification time (today); the names date it to about 2016,
    # when "the Syrian government" was Assad's.
    assert deal and deal[0]["target"]["id"] in ("SYR.GOV.ASSAD", "ISIS") and deal[0]["source"]["id"] in ("SYR.GOV.ASSAD", "ISIS")
    assert all(r["date"] is None for r in records), "no 'last Friday' resolved against a file time"
    (tmp_path / "undated.meta.json").write_text('{"date": "2025-03-01"}')
    records = [r for r in faultlines.extract_statements([tmp_path / "undated.txt"]) if isinstance(r, dict)]
    assert any("SYR.GOV.TRANS" in (r["source"]["id"], r["target"]["id"]) for r in records if r["type"] == "AGREE")


def test_statements_quote_across_paragraphs_belongs_to_its_speaker():
    text = (
        "SDF spokeswoman Hevin Sidar spoke to reporters in Raqqa on Monday.\n\n"
        "“Russian jets struck our positions near the river twice.\n\n"
        "“Turkey is shelling our villages every night,” she said."
    )
    records = extract(text, "2017-09-19")
    for source in ("RUS", "TUR"):
        (strike,) = [r for r in records if r["type"] == "ASSAULT" and same_or_below(r["source"]["id"], source)]
        # "our" in the spokeswoman's words is her side, the SDF; she asserts it.
        assert strike["target"]["id"] == "SDF"
        assert (strike["asserted_by"]["kind"], strike["asserted_by"]["id"]) == ("person", "person:hevin-sidar")


def test_statements_filters_by_period_and_by_any_name(tmp_path):
    (tmp_path / "a.txt").write_text("A\n\nRussian jets struck ISIS positions in 2016, the Syrian government said.")
    (tmp_path / "a.meta.json").write_text(json.dumps({"date": "2017-03-01"}))
    with faultlines.open(":memory:") as fl:
        fl.ingest([tmp_path])
        (strike,) = fl.statements(type="ASSAULT")
        assert strike["date"] == "2016"
        # A statement dated "2016" is within 2016, whatever day the filter names.
        assert len(fl.statements(type="ASSAULT", since="2016-06-01", until="2016-12-31")) == 1
        assert fl.statements(type="ASSAULT", since="2017") == []
        assert len(fl.statements(type="ASSAULT", until="2016")) == 1
        # Names stand for every actor they have named, and everything below them.
        assert len(fl.statements(type="ASSAULT", actor="Russia")) == 1
        assert len(fl.statements(type="ASSAULT", by="Syrian government")) == 1
        assert fl.actor("Daesh").actor.id == "ISIS"


def test_statements_accused_act_when_of_hangs_on_the_accused():
    records = extract("Syrian state media accused rebels of using chemical weapons against government troops.")
    assert any(matches(r, "ACCUSE", "SYR", "REBELS", "outlet", None, "fact") for r in records), describe(records)
    assert any(matches(r, "ASSAULT", "REBELS", "GOVERNMENT_FORCES", "organization", "SYR", "fact") for r in records), describe(records)


# -- one-sided events (Options.one_sided) ----------------------------------------------


def extract_one_sided(text: str, published: str = "2017-10-24") -> list[dict]:
    article, analysis = analyse_text(text, Options(one_sided=True), published=published)
    return analysis_records(article, analysis)


def one_sided(record: dict, type_, source, target, status) -> bool:
    """``source`` or ``target`` None: that end must be null in the record."""
    ends = [(record["source"], source), (record["target"], target)]
    return record["type"] == type_ and record["status"] == status and all(
        (got is None) if want is None else (got is not None and same_or_below(got["id"], want)) for got, want in ends)


ONE_SIDED = [
    # name, text, (type, source, target, status): an actor acts and no actor is acted upon ...
    ("protest-no-target", "Thousands of Iraqi Kurds demonstrated in Erbil on Friday.", ("PROTEST", "IRQ", None, "fact")),
    ("staged-protests", "Iranian students staged protests in Tehran on Sunday.", ("PROTEST", "STUDENTS", None, "fact")),
    ("withdrew-from-a-place", "Hezbollah fighters withdrew from the town of Qusayr on Monday.", ("RETREAT", "HEZBOLLAH", None, "fact")),
    ("surrendered", "Hundreds of Syrian rebels surrendered near Daraa last week.", ("RETREAT", "SYR.REB", None, "fact")),
    ("blocked-a-road", "Syrian rebels blocked the highway to Aleppo on Tuesday.", ("PROTEST", "SYR.REB", None, "fact")),
    # ... with the statuses of any event
    ("one-sided-negated", "Hezbollah fighters did not withdraw from Qusayr.", ("RETREAT", "HEZBOLLAH", None, "negated")),
    ("one-sided-hypothetical", "Hezbollah fighters may withdraw from Qusayr next month.", ("RETREAT", "HEZBOLLAH", None, "hypothetical")),
    # the only actor is the one acted upon
    ("unknown-perpetrator", "A roadside bomb killed three Turkish soldiers near the border.", ("ASSAULT", None, "TUR", "fact")),
    ("put-under-investigation", "A US citizen was put under investigation in Italy.", ("ACCUSE", None, "USA", "fact")),
]


@pytest.mark.parametrize("name, text, expected", ONE_SIDED, ids=[c[0] for c in ONE_SIDED])
def test_statements_one_sided_event_has_a_null_end(name, text, expected):
    records = extract_one_sided(text)
    assert any(one_sided(r, *expected) for r in records), describe_one_sided(records)
    # Off by default: a statement has two actors.
    assert all(r["source"] and r["target"] for r in extract(text))


def describe_one_sided(records) -> str:
    return "\n".join(f"{r['type']} {(r['source'] or {}).get('id')} -> {(r['target'] or {}).get('id')} [{r['status']}]"
                     for r in records)


def test_statements_one_sided_never_for_relations_or_when_both_ends_are_known():
    records = extract_one_sided("Hezbollah fighters attacked Israeli positions. Iran backs the militias.")
    assert any(matches(r, "ASSAULT", "HEZBOLLAH", "ISR") for r in records if r["target"]), describe_one_sided(records)
    assert not [r for r in records if r["type"] == "ASSAULT" and r["target"] is None]
    assert not [r for r in records if r["kind"] == "relation" and not (r["source"] and r["target"])]


def test_statements_one_sided_events_are_never_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("FAULTLINES_ONE_SIDED", "1")
    (tmp_path / "a.txt").write_text("Kirkuk\n\nThousands of Iraqi Kurds demonstrated in Kirkuk. Turkish jets struck the YPG.\n")
    with faultlines.open(":memory:") as fl:
        assert fl.options.one_sided  # the setting is read ...
        fl.ingest([tmp_path])
        stored = fl.statements()
    # ... and the store still holds two-actor statements only
    assert [(r["type"], r["source"]["id"], r["target"]["id"]) for r in stored] == [("ASSAULT", "TUR.MIL", "YPG")]


def test_statements_cli_extract_one_sided_prints_null_target(tmp_path):
    from typer.testing import CliRunner

    from faultlines.cli import app

    story = tmp_path / "story.txt"
    story.write_text("Kirkuk\n\nThousands of Iraqi Kurds demonstrated in Kirkuk on Friday.\n")
    plain = CliRunner().invoke(app, ["extract", str(story)])
    assert plain.exit_code == 0 and plain.output.strip() == ""
    result = CliRunner().invoke(app, ["extract", str(story), "--one-sided"])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert (record["type"], record["source"]["id"], record["target"]) == ("PROTEST", "IRQ", None)


# -- event types as the PLOVER codebook reads the verb ----------------------------------

RETYPED = [
    ("beat-up", "Israeli soldiers beat up two Palestinian detainees in Hebron.", ("ASSAULT", "ISR", "PSE")),
    ("torture-is-assault", "Turkish police tortured Syrian refugees, Amnesty said.", ("ASSAULT", "TUR", "REFUGEES")),
    ("signed-agreement-is-support", "Turkey signed an agreement with Azerbaijan on gas exports.", ("SUPPORT", "TUR", "AZE")),
    ("diplomatic-ties-are-support", "Qatar established diplomatic ties with Iraq.", ("SUPPORT", "QAT", "IRQ")),
    ("official-protest-is-accuse", "Russia lodged an official protest with Turkey.", ("ACCUSE", "RUS", "TUR")),
    ("summoned-ambassador", "Egypt summoned the Israeli ambassador on Monday.", ("ACCUSE", "EGY", "ISR")),
    ("withdrew-from-a-program-rejects-it", "The Free Syrian Army withdrew from the U.S. training program.", ("REJECT", "FSA", "USA")),
    ("would-in-reported-speech-commits", "Hezbollah said it would boycott the talks with the Lebanese government.",
     ("THREATEN", "HEZBOLLAH", "LBN.GOV")),
    ("unless-makes-a-threat", "Jordan will withdraw its troops from Yemen unless the Houthis accept the ceasefire.",
     ("THREATEN", "JOR", "YEM")),
    ("prepared-to-attack-is-mobilize", "The Lebanese army prepared to resume shelling ISIS positions.", ("MOBILIZE", "LBN", "ISIS")),
    ("us-is-not-we", "The EU concluded that the US must lift its tariffs.", ("REQUEST", "EU", "USA")),
]


@pytest.mark.parametrize("name, text, expected", RETYPED, ids=[c[0] for c in RETYPED])
def test_statements_verb_read_as_its_plover_type(name, text, expected):
    records = extract(text)
    assert any(matches(r, *expected, status="fact") for r in records), describe(records)
    # the main event comes first: the strict PLOVER score reads the first statement
    assert records[0]["type"] == expected[0], describe(records)


@pytest.mark.parametrize("text, not_type", [
    ("Negotiators from both sides returned to Geneva on Monday.", "RETREAT"),   # a journey, not a withdrawal
    ("A Western diplomat in Beirut asked: what happens next?", "REQUEST"),       # a question, not a request
])
def test_statements_no_event_without_its_object(text, not_type):
    assert not [r for r in extract_one_sided(text) if r["type"] == not_type]


# -- claim nouns: what "accusations that ...", "claims of ..." say is the claimant's ----

CLAIMED = [
    # name, text, statements that must be found, statement never in the outlet's voice as fact
    ("adjective-claimant-denied", "Iran denied Saudi accusations that Iranian advisers had armed the Houthis, calling them baseless.",
     [("BACKS", "IRN", "HOUTHIS", "organization", "SAU", "fact"), ("REJECT", "IRN", "SAU", "outlet", None, "fact"),
      ("BACKS", "IRN", "HOUTHIS", "organization", "IRN", "negated")],
     ("BACKS", "IRN", "HOUTHIS")),
    ("possessor-claimant-rejected-as", "Ankara dismissed as fabricated the Syrian government's claim that Turkish jets had struck Syrian army positions.",
     [("ASSAULT", "TUR", "SYR", "organization", "SYR", "fact"), ("REJECT", "TUR", "SYR", "outlet", None, "fact")],
     ("ASSAULT", "TUR", "SYR")),
    ("no-claimant-of-complement", "Turkey dismissed claims of a Turkish attack on the YPG near Manbij.",
     [("ASSAULT", "TUR", "YPG", "anonymous", None, "fact"), ("ASSAULT", "TUR", "YPG", "organization", "TUR", "negated")],
     ("ASSAULT", "TUR", "YPG")),
    ("by-claimant", "Israel rejected claims by Hezbollah that Israeli jets had bombed Syrian army positions.",
     [("REJECT", "ISR", "HEZBOLLAH", "outlet", None, "fact"), ("ASSAULT", "ISR", "SYR", "organization", "HEZBOLLAH", "fact")],
     ("ASSAULT", "ISR", "SYR")),
    ("claim-making-verb", "The Syrian government made the claim that Turkey arms the rebels.",
     [("BACKS", "TUR", "REBELS", "organization", "SYR", "fact")],
     ("BACKS", "TUR", "REBELS")),
    ("report-no-rejecter", "Reports that Hezbollah fighters attacked UN peacekeepers spread quickly.",
     [("ASSAULT", "HEZBOLLAH", "UN", "anonymous", None, "fact")],
     ("ASSAULT", "HEZBOLLAH", "UN")),
    ("coordinated-rejecters", "Russia and Iran dismissed Israeli allegations of Iranian attacks on Israeli troops in the Golan.",
     [("REJECT", "IRN", "ISR", "outlet", None, "fact"), ("ASSAULT", "IRN", "ISR", "organization", "ISR", "fact"),
      ("ASSAULT", "IRN", "ISR", "organization", "IRN", "negated")],
     ("ASSAULT", "IRN", "ISR")),
    ("claim-not-hypothetical-with-its-rejection", "Iran is expected to dismiss Saudi claims that Tehran arms the Houthis.",
     [("BACKS", "IRN", "HOUTHIS", "organization", "SAU", "fact"), ("REJECT", "IRN", "SAU", "outlet", None, "hypothetical")],
     ("BACKS", "IRN", "HOUTHIS")),
]


@pytest.mark.parametrize("name, text, expected, never_outlet_fact", CLAIMED, ids=[c[0] for c in CLAIMED])
def test_statements_claim_noun_content_is_the_claimants(name, text, expected, never_outlet_fact):
    records = extract(text)
    for want in expected:
        assert any(matches(r, *want) for r in records), f"missing {want}; got:\n{describe(records)}"
    in_own_voice = [r for r in records if r["status"] == "fact" and r["asserted_by"]["kind"] in ("outlet", "author")]
    assert not any(matches(r, *never_outlet_fact) for r in in_own_voice), describe(records)


@pytest.mark.parametrize("text, expected", [
    # a bare "charge" is no claim: what the phrase says stays the outlet's
    ("A Russian general is in charge of Russian airstrikes on ISIS near Palmyra.", ("ASSAULT", "RUS", "ISIS", "outlet", None, "fact")),
    # "of" naming who claims, not what: the claimant, and the modifier "US-backed" is no claimed act
    ("Ankara rejected the claims of the US-backed SDF that Turkish troops had attacked Kurdish fighters.",
     ("REJECT", "TUR", "SDF", "outlet", None, "fact")),
])
def test_statements_claim_noun_only_with_a_claim(text, expected):
    records = extract(text)
    assert any(matches(r, *expected) for r in records), describe(records)


# -- negation by the subject, and "no longer" ------------------------------------------

NEGATED_BY_SUBJECT = [
    ("no-determiner-quoted", '"No Turkish jets carried out raids on the YPG last week," the Turkish defense ministry said.',
     ("ASSAULT", "TUR", "YPG", "organization", "TUR", "negated")),
    ("none-of", "None of the rebel factions joined the SDF.", ("MEMBER_OF", "REBELS", "SDF", "outlet", None, "negated")),
    ("neither-nor", "Neither Russia nor Iran attacked the SDF.", ("ASSAULT", "IRN", "SDF", "outlet", None, "negated")),
    ("no-longer", "Washington no longer arms the YPG.", ("BACKS", "USA", "YPG", "outlet", None, "negated")),
    ("no-object", "The US-led coalition evacuated no ISIS commanders from Raqqa, the Pentagon said.",
     ("AID", "CJTF_OIR", "ISIS", None, None, "negated")),
    # not negations
    ("no-doubt", "Russia no doubt backs the Syrian government.", ("BACKS", "RUS", "SYR", "outlet", None, "fact")),
    ("no-fewer-than", "No fewer than twelve Israeli jets struck Hezbollah positions.", ("ASSAULT", "ISR", "HEZBOLLAH", "outlet", None, "fact")),
]


@pytest.mark.parametrize("name, text, expected", NEGATED_BY_SUBJECT, ids=[c[0] for c in NEGATED_BY_SUBJECT])
def test_statements_negation_by_no_none_neither(name, text, expected):
    records = extract(text)
    assert any(matches(r, *expected) for r in records), describe(records)
    assert not any(matches(r, *expected[:3]) and r["status"] != expected[5] for r in records), describe(records)


# -- relative clauses on a role noun: the person acts ----------------------------------

@pytest.mark.parametrize("text, person, joined, not_member", [
    ("Abu Omar, the former Nusra commander who joined ISIS, was killed.", "person:abu-omar", "ISIS", "NUSRA"),
    ("Abu Omar, a senior commander of the Syrian rebels who defected to ISIS last year, was killed.",
     "person:abu-omar", "ISIS", "SYR.REB"),
])
def test_statements_relative_clause_on_a_role_is_the_persons(text, person, joined, not_member):
    records = extract(text)
    assert any(matches(r, "MEMBER_OF", person, joined) for r in records), describe(records)
    assert not any(matches(r, "MEMBER_OF", not_member, joined) for r in records), describe(records)
