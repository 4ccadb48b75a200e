"""The scorers of ``faultlines evaluate``: gold files (ANNOTATION.md) and PLOVER records."""

from __future__ import annotations

import json

import pytest

from faultlines.evaluate import (
    GoldError,
    actor_keys,
    coarse_type,
    gold_event_type,
    load_gold,
    load_plover,
    score_gold,
    score_plover,
    system_event_type,
)
from faultlines.evaluate.gold import PLOVER_EVENTS
from faultlines.resolve.catalogue import load_catalogue

from conftest import write

ALIASES = """\
# evaluation key -> lowercase names, ids or id prefixes
US: [usa, us, united states, washington, usa.gov, usa.mil]
RUS: [rus, russia, moscow, rus.mil]
ISIS: [isis, islamic state]
REBELS: [rebels, syr.reb]
ASSAD_GOV: [syr.gov, syrian government]
DAILY_BEAST: [the daily beast, daily beast]
KIRBY: [john kirby, kirby]
SEJARI: [mustapha sejari, sejari]
"""

DOC_A = """\
doc: a.txt
title: A test article
actors: [US, RUS, ISIS, REBELS, ASSAD_GOV, KIRBY, DAILY_BEAST]
statements:
  - {type: SUPPORT, src: US, tgt: [REBELS, SEJARI], by: [OUTLET, DAILY_BEAST], status: fact, core: true, note: "US trains rebels"}
  - {type: COOPERATE, src: US, tgt: RUS, by: [OUTLET], status: hypothetical, core: true, note: "proposal to cooperate"}
  - {type: ASSAULT, src: REBELS, tgt: ISIS, sym: true, by: [OUTLET], status: fact, core: true, note: "rebels fighting ISIS"}
  - {type: REQUEST, src: [US, KIRBY], tgt: ASSAD_GOV, by: [KIRBY, US], status: claim, core: true, note: "Kirby: the regime must stop"}
  - {type: SUPPORT, src: RUS, tgt: ASSAD_GOV, by: [ANON], status: [claim, hypothetical], core: true, note: "officials: Moscow would bolster the regime"}
  - {type: CONSULT, src: RUS, tgt: US, by: [OUTLET], status: fact, core: false, note: "a Russian proposal"}
must_not:
  - {type: ALLY, src: REBELS, tgt: ISIS, note: "only a hypothetical question"}
  - {type: COOPERATE, src: REBELS, tgt: ISIS, sentence_has: "alliance with ISIS", note: "the same hypothetical"}
  - {type: CONCEDE, src: US, tgt: ISIS, by: [OUTLET], status: negated, note: "the vow is not the outcome"}
"""

DOC_B = """\
doc: b.txt
title: Another one
statements:
  - {type: MEMBER, src: KIRBY, tgt: US, by: [OUTLET], status: fact, core: true, note: "spokesman John Kirby"}
  - {type: ASSAULT, src: US, tgt: ISIS, by: [OUTLET], status: fact, core: true, note: "US strikes ISIS"}
"""

OUTLET = {"id": None, "name": "The Daily Beast", "kind": "outlet"}
AUTHOR = {"id": None, "name": "Nancy Youssef", "kind": "author"}
BEAST_AS_ORG = {"id": "DAILY_BEAST", "name": "The Daily Beast", "kind": "organization"}
KIRBY_SAYS = {"id": "KIRBY", "name": "John Kirby", "kind": "person"}
ANON_US = {"id": "anon:USA.MIL", "name": "two defense officials", "kind": "anonymous"}
ANON_RUS = {"id": "anon:RUS.MIL", "name": "a Russian officer", "kind": "anonymous"}
ANON = {"id": "anon:unknown", "name": "officials", "kind": "anonymous"}

USA = {"id": "USA", "name": "United States", "kind": "state"}
USA_STATE_DEPT = {"id": "USA.GOV.STATE", "name": "United States Department of State", "kind": "agency"}
CENTCOM = {"id": "USA.MIL.CENTCOM", "name": "United States Central Command", "kind": "military"}
RUS = {"id": "RUS", "name": "Russia", "kind": "state"}
ISIS = {"id": "ISIS", "name": "Islamic State", "kind": "armed group"}
REBELS = {"id": "REBELS", "name": "rebels", "kind": "generic"}
SEJARI = {"id": "person:mustapha-sejari", "name": "Mustapha Sejari", "kind": "person"}
ASSAD = {"id": "SYR.GOV.ASSAD", "name": "Assad government (Ba'athist Syria)", "kind": "government"}
KIRBY = {"id": "KIRBY", "name": "John Kirby", "kind": "person"}


def st(type_, source, target, by=OUTLET, status="fact", doc="a.txt", sentence="A sentence.", start=0):
    """A statement dict as the extractor writes it."""
    return {"doc": doc, "sentence": sentence, "start": start, "end": start + len(sentence),
            "kind": "relation" if "_" in type_ else "event", "type": type_, "source": source,
            "target": target, "asserted_by": by, "status": status, "date": None, "place": None}


PERFECT = (
    st("BACKS", USA, REBELS),
    st("COOPERATE", USA, RUS, status="hypothetical"),
    st("ASSAULT", REBELS, ISIS),
    st("REQUEST", KIRBY, ASSAD, by=KIRBY_SAYS),
    st("SUPPORT", RUS, ASSAD, by=ANON_US, status="hypothetical"),
    st("MEMBER_OF", KIRBY, USA_STATE_DEPT, doc="b.txt"),
    st("ASSAULT", USA, ISIS, doc="b.txt"),
)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture
def gold(tmp_path):
    write(tmp_path, "aliases.yaml", ALIASES)
    write(tmp_path, "a.yaml", DOC_A)
    write(tmp_path, "b.yaml", DOC_B)
    return load_gold(tmp_path)


def replaced(index, statement):
    """PERFECT with one statement swapped (or dropped, with None)."""
    return [statement if n == index else s for n, s in enumerate(PERFECT) if n != index or statement]


def test_evaluate_gold_files_load_as_frozen_values(gold):
    assert [doc.doc for doc in gold.docs] == ["a.txt", "b.txt"]
    first = gold.docs[0].statements[0]
    assert (first.type, first.src, first.tgt, first.by, first.status, first.core) == (
        "SUPPORT", ("US",), ("REBELS", "SEJARI"), ("OUTLET", "DAILY_BEAST"), ("fact",), True)
    assert gold.docs[0].must_not[2].status == ("negated",)
    assert "usa.mil" in gold.aliases["US"]
    assert gold.doc("corpus/a.txt") is gold.docs[0]
    with pytest.raises(AttributeError):
        first.core = False


def test_evaluate_perfect_output_scores_one_everywhere(gold, catalogue):
    score = score_gold(gold, PERFECT, catalogue)
    figures = score.figures
    assert (figures.recall, figures.precision, figures.attribution, figures.status) == (1.0, 1.0, 1.0, 1.0)
    assert (figures.core, figures.system, figures.violations) == (7, 7, 0)
    assert not (score.missed or score.wrong or score.unmatched or score.violations)
    assert [(d.doc, d.figures.recall) for d in score.docs] == [("a.txt", 1.0), ("b.txt", 1.0)]


def test_evaluate_missed_core_statement_lowers_recall_and_is_listed(gold, catalogue):
    score = score_gold(gold, replaced(2, None), catalogue)
    assert score.figures.recall == pytest.approx(6 / 7)
    assert score.docs[0].figures.recall == pytest.approx(4 / 5)
    assert score.docs[1].figures.recall == 1.0
    assert [(m.doc, m.gold.note, m.statement) for m in score.missed] == [("a.txt", "rebels fighting ISIS", None)]


def test_evaluate_nothing_found_is_zero_recall_and_no_precision(gold, catalogue):
    figures = score_gold(gold, [], catalogue).figures
    assert (figures.recall, figures.precision, figures.attribution) == (0.0, None, None)


def test_evaluate_reversed_cooperate_matches_but_reversed_support_does_not(gold, catalogue):
    cooperate = score_gold(gold, replaced(1, st("COOPERATE", RUS, USA, status="hypothetical")), catalogue)
    assert cooperate.figures.recall == 1.0
    support = score_gold(gold, replaced(0, st("BACKS", REBELS, USA)), catalogue)
    assert [m.gold.note for m in support.missed] == ["US trains rebels"]
    assert [m.statement["source"]["id"] for m in support.unmatched] == ["REBELS"]


def test_evaluate_sym_true_matches_reversed_but_plain_assault_does_not(gold, catalogue):
    assert score_gold(gold, replaced(2, st("ASSAULT", ISIS, REBELS)), catalogue).figures.recall == 1.0
    reversed_plain = score_gold(gold, replaced(6, st("ASSAULT", ISIS, USA, doc="b.txt")), catalogue)
    assert [m.gold.note for m in reversed_plain.missed] == ["US strikes ISIS"]


@pytest.mark.parametrize("system_type, index, found", [
    ("BACKS", 0, True), ("AID", 0, True), ("SUPPORT", 0, True), ("ACCUSE", 0, False),
    ("HOSTILE_TO", 2, True), ("COERCE", 2, True), ("MOBILIZE", 2, True), ("SUPPORT", 2, False),
    ("ALLIED_WITH", 1, False),
])
def test_evaluate_coarse_classes_accept_neighbouring_types(gold, catalogue, system_type, index, found):
    statement = dict(PERFECT[index], type=system_type)
    score = score_gold(gold, replaced(index, statement), catalogue)
    assert (not score.missed) is found


def test_evaluate_catalogue_parents_count_for_the_gold_actor(gold, catalogue):
    # AFRICA_CORPS's parent is RUS.MIL.MOD, whose ancestors reach RUS; no id prefix says so.
    africa_corps = {"id": "AFRICA_CORPS", "name": "Africa Corps (Russia)", "kind": "military"}
    statements = replaced(4, dict(PERFECT[4], source=africa_corps))
    assert not score_gold(gold, statements, catalogue).missed
    assert [m.gold.note for m in score_gold(gold, statements, None).missed] == [
        "officials: Moscow would bolster the regime"]


def test_evaluate_alias_prefix_ids_match_sub_actors(gold, catalogue):
    assert score_gold(gold, replaced(0, st("BACKS", CENTCOM, REBELS)), catalogue).figures.recall == 1.0
    # Not catalogued: only the "usa.mil" prefix of aliases.yaml can match it.
    task_force = {"id": "USA.MIL.TASK_FORCE_99", "name": "Task Force 99", "kind": "military"}
    assert not score_gold(gold, replaced(0, st("BACKS", task_force, REBELS)), None).missed
    lookalike = {"id": "USAF_FAN_CLUB", "name": "fan club", "kind": "organization"}
    assert score_gold(gold, replaced(0, st("BACKS", lookalike, REBELS)), None).missed


def test_evaluate_actor_keys_cover_ids_names_anon_sides_and_ancestors(catalogue):
    assert {"usa.mil", "usa", "united states", "united states armed forces", "two defense officials"} <= (
        actor_keys(ANON_US, catalogue))
    assert {"usa.mil.centcom", "usa.mil", "usa"} <= actor_keys(CENTCOM, catalogue)
    assert "mustapha sejari" in actor_keys({"id": "person:mustapha-sejari", "name": "", "kind": "person"})
    assert actor_keys(None, catalogue) == set()


def test_evaluate_person_found_in_text_matches_gold_alias(gold, catalogue):
    assert not score_gold(gold, replaced(0, st("BACKS", USA, SEJARI)), catalogue).missed


@pytest.mark.parametrize("index, asserter, status, wrong", [
    (4, ANON_US, "hypothetical", ()),         # gold by ANON
    (4, ANON, "fact", ()),                    # an anonymous claim
    (4, KIRBY_SAYS, "fact", ("by",)),         # a named person is not ANON
    (3, ANON_US, "fact", ()),                 # anon:USA.MIL is on the US side, and gold accepts US
    (3, ANON_RUS, "fact", ("by",)),
])
def test_evaluate_anonymous_sources_match_anon_and_their_side(gold, catalogue, index, asserter, status, wrong):
    statement = dict(PERFECT[index], asserted_by=asserter, status=status)
    score = score_gold(gold, replaced(index, statement), catalogue)
    assert [m.wrong for m in score.wrong] == ([wrong] if wrong else [])


@pytest.mark.parametrize("index, asserter, status, wrong", [
    (3, KIRBY_SAYS, "fact", ()),                  # gold claim: fact asserted by a person
    (3, KIRBY_SAYS, "hypothetical", ("status",)),
    (0, OUTLET, "fact", ()),                      # gold fact: the outlet's voice
    (0, AUTHOR, "opinion", ("by", "status")),
    (0, BEAST_AS_ORG, "fact", ("status",)),       # right asserter key, but a claim is not a fact
])
def test_evaluate_claim_versus_fact_status(gold, catalogue, index, asserter, status, wrong):
    statement = dict(PERFECT[index], asserted_by=asserter, status=status)
    score = score_gold(gold, replaced(index, statement), catalogue)
    assert [m.wrong for m in score.wrong] == ([wrong] if wrong else [])
    assert score.figures.status == (1.0 if "status" not in wrong else pytest.approx(6 / 7))
    if wrong:
        assert score.wrong[0].statement["asserted_by"] == asserter


def test_evaluate_best_match_prefers_right_attribution_and_status(gold, catalogue):
    worse = dict(PERFECT[0], asserted_by=KIRBY_SAYS, status="hypothetical")
    score = score_gold(gold, [worse, *PERFECT], catalogue)
    assert not score.wrong
    assert (score.figures.attribution, score.figures.status) == (1.0, 1.0)


@pytest.mark.parametrize("statement, violations", [
    (st("ALLIED_WITH", REBELS, ISIS), 1),
    (st("ALLIED_WITH", ISIS, REBELS), 1),                              # ALLY holds both ways
    (st("ALLIED_WITH", REBELS, ISIS, by=AUTHOR), 1),
    (st("ALLIED_WITH", REBELS, ISIS, status="hypothetical"), 0),       # the question itself: fine
    (st("ALLIED_WITH", REBELS, ISIS, by=KIRBY_SAYS), 0),               # someone else's claim
    (st("COOPERATE", REBELS, ISIS, sentence="What if they make an alliance with ISIS?"), 1),
    (st("COOPERATE", REBELS, ISIS, sentence="They cooperate with ISIS."), 0),
    (st("CONCEDE", USA, ISIS, status="negated"), 1),                  # the entry's own status replaces fact
    (st("RETREAT", USA, ISIS, status="negated"), 1),
    (st("CONCEDE", USA, ISIS), 0),
])
def test_evaluate_must_not_counts_only_what_the_entry_forbids(gold, catalogue, statement, violations):
    score = score_gold(gold, [*PERFECT, statement], catalogue)
    assert score.figures.violations == len(score.violations) == violations
    if violations:
        assert score.violations[0].statement["type"] == statement["type"]


def test_evaluate_optional_statements_are_neither_missed_nor_wrong(gold, catalogue):
    wrongly_said = st("CONSULT", USA, RUS, by=KIRBY_SAYS, status="hypothetical")   # CONSULT: either way
    score = score_gold(gold, [*PERFECT, wrongly_said], catalogue)
    assert not (score.missed or score.wrong or score.unmatched)
    assert (score.figures.core, score.figures.matched, score.figures.system) == (7, 8, 8)


def test_evaluate_precision_counts_matches_of_non_core_gold_as_right(gold, catalogue):
    extra = [st("CONSULT", RUS, USA), st("ACCUSE", ISIS, RUS, sentence="ISIS blamed Moscow.")]
    score = score_gold(gold, [*PERFECT, *extra], catalogue)
    assert score.figures.precision == pytest.approx(8 / 9)
    assert score.docs[0].figures.precision == pytest.approx(6 / 7)
    assert [m.statement["sentence"] for m in score.unmatched] == ["ISIS blamed Moscow."]


def test_evaluate_statements_of_documents_without_gold_are_ignored(gold, catalogue):
    others = [st("ASSAULT", USA, ISIS, doc="zzz.txt"), st("ASSAULT", USA, ISIS, doc="corpus/b.txt")]
    score = score_gold(gold, [*PERFECT, *others], catalogue)
    assert (score.ignored, score.ignored_docs) == (1, ("zzz.txt",))
    assert score.figures.system == 8


@pytest.mark.parametrize("content, expected", [
    ("statements:\n  - {type: SUPPORT, src: USS, tgt: ISIS, by: [OUTLET], status: fact, core: true}\n",
     "unknown src key 'USS'"),
    ("statements:\n  - {type: SUPORT, src: US, tgt: ISIS, by: [OUTLET], status: fact, core: true}\n",
     "unknown type 'SUPORT'"),
    ("statements:\n  - {type: SUPPORT, src: US, tgt: ISIS, by: [OUTLET], status: fact}\n", "missing core"),
    ("statements:\n  - {type: SUPPORT, src: US, tgt: ISIS, by: [OUTLET], status: true, core: true}\n",
     "status True is not one of"),
    ("statements:\n  - {type: SUPPORT, src: US, tgt: ISIS, by: [OUTLET], stauts: fact, status: fact, core: true}\n",
     "unknown field 'stauts'"),
    ("statements:\n  - {type: SUPPORT, src: US, tgt: ISIS, by: [OUTLIER], status: fact, core: true}\n",
     "unknown by key 'OUTLIER'"),
    ("statements: [\n", "is not valid YAML"),
    ("title: no statements\n", "has no 'statements:' list"),
])
def test_evaluate_malformed_gold_file_is_named_in_the_error(tmp_path, content, expected):
    write(tmp_path, "aliases.yaml", ALIASES)
    write(tmp_path, "bad.yaml", content)
    with pytest.raises(GoldError) as error:
        load_gold(tmp_path)
    assert "bad.yaml" in str(error.value) and expected in str(error.value)


def test_evaluate_gold_without_aliases_file_says_so(tmp_path):
    write(tmp_path, "a.yaml", DOC_B)
    with pytest.raises(GoldError, match="aliases.yaml.*is missing"):
        load_gold(tmp_path)


# ---------------------------------------------------------------- PLOVER

PLOVER_RECORDS = [
    {"id": "T-AGREE-1", "event": "AGREE", "text": "Hungary and Romania agreed on a pact.",
     "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"}],
     "target": [{"actorText": "Romania", "code": "ROU"}]},
    {"id": "T-DEMAND-1", "event": "DEMAND", "text": "The United States demanded that Iraq comply.",
     "source": [{"actorText": "United States", "code": "USA"}], "target": [{"actorText": "Iraq", "code": "IRQ"}]},
    {"id": "T-FIGHT-1", "event": "FIGHT", "text": "Russian forces fought the Islamic State.",
     "source": [{"actorText": "Russian forces", "code": "RUS", "sector": "MIL"}],
     "target": [{"actorText": "Islamic State", "code": "IMG"}]},
    {"id": "T-SUPPORT-1", "event": "SUPPORT", "text": "Washington backs the SDF.",
     "source": [{"actorText": "Washington", "code": "USAGOV"}], "target": ""},
    {"id": "T-DISAPPROVE-1", "event": "DISAPPROVE", "text": "The Kremlin criticised the move.",
     "source": [{"actorText": "Kremlin", "code": "RUS"}], "target": None},
    {"id": "T-ASSAULT-1", "event": "ASSAULT", "text": "The Israeli army shelled Palestinian homes.",
     "source": [{"actorText": "Israeli army", "code": "ISR"}], "target": [{"actorText": "Palestinian", "code": "PSE"}]},
]


def actor(actor_id, name, kind="state"):
    return {"id": actor_id, "name": name, "kind": kind}


PREDICTIONS = {
    # Listed out of text order: CONSULT starts first, so the strict check sees CONSULT.
    "Hungary and Romania agreed on a pact.": [
        st("AGREE", actor("HUN.GOV", "Hungarian government", "government"), actor("ROU", "Romania"), start=10),
        st("CONSULT", actor("HUN", "Hungary"), actor("ROU", "Romania"), start=0)],
    "The United States demanded that Iraq comply.": [
        st("REQUEST", actor("USA.GOV", "United States government", "government"), actor("IRQ", "Iraq"))],
    "Russian forces fought the Islamic State.": [st("HOSTILE_TO", actor("RUS.MIL.MOD", "Russian MoD"), ISIS)],
    "Washington backs the SDF.": [
        st("MEMBER_OF", actor("person:someone", "Someone", "person"), USA, start=0),
        st("BACKS", actor("USA.MIL", "United States Armed Forces", "military"), actor("SDF", "SDF"), start=5)],
    "The Israeli army shelled Palestinian homes.": [
        st("ASSAULT", USA, actor("org:palestinian", "Palestinian", "organization"))],
}


@pytest.fixture
def plover_records(tmp_path):
    return load_plover(write(tmp_path, "plover.json", json.dumps(PLOVER_RECORDS)))


def test_evaluate_plover_records_load_with_mapped_types(plover_records):
    assert [r.event for r in plover_records] == ["AGREE", "REQUEST", "ASSAULT", "SUPPORT", "ACCUSE", "ASSAULT"]
    assert plover_records[1].plover_event == "DEMAND"
    assert plover_records[3].targets == () and plover_records[4].targets == ()
    assert plover_records[2].sources[0].code == "RUS"


@pytest.mark.parametrize("plover, ours", [
    ("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("FIGHT", "ASSAULT"), ("INVESTIGATE", "ACCUSE"),
    ("AGREE", "AGREE"), ("AID", "AID"),
])
def test_evaluate_plover_gold_type_mapping(plover, ours):
    assert gold_event_type(plover) == ours


@pytest.mark.parametrize("system, event", [
    ("BACKS", "SUPPORT"), ("HOSTILE_TO", "ASSAULT"), ("ALLIED_WITH", "COOPERATE"), ("MEMBER_OF", None),
    ("ACCUSE", "ACCUSE"),
])
def test_evaluate_plover_system_type_mapping(system, event):
    assert system_event_type(system) == event


def test_evaluate_plover_strict_and_lenient_accuracy(plover_records, catalogue):
    score = score_plover(plover_records, lambda text: PREDICTIONS.get(text, []), catalogue)
    assert [(r.record.id, r.strict, r.lenient) for r in score.results] == [
        ("T-AGREE-1", False, True), ("T-DEMAND-1", True, True), ("T-FIGHT-1", True, True),
        ("T-SUPPORT-1", True, True), ("T-DISAPPROVE-1", False, False), ("T-ASSAULT-1", True, True)]
    assert (score.strict_accuracy, score.lenient_accuracy, score.no_output) == (4 / 6, 5 / 6, 1)
    assert score.results[3].system_types == ("SUPPORT",)   # MEMBER_OF is no event; BACKS reads as SUPPORT
    assert ("AGREE", "CONSULT", 1) in score.confusion and ("ACCUSE", None, 1) in score.confusion
    agree = next(t for t in score.per_type if t.type == "AGREE")
    assert (agree.records, agree.strict_accuracy, agree.lenient_accuracy) == (1, 0.0, 1.0)


def test_evaluate_plover_actors_match_by_cameo_code_and_actor_text(plover_records, catalogue):
    score = score_plover(plover_records, lambda text: PREDICTIONS.get(text, []), catalogue)
    by_id = {r.record.id: (r.source_right, r.target_right) for r in score.results}
    assert by_id == {
        "T-AGREE-1": (True, True),        # HUN.GOV is HUNGOV: starts with HUN
        "T-DEMAND-1": (True, True),
        "T-FIGHT-1": (True, True),        # RUS.MIL.MOD has no code, its parent RUS.MIL has RUSMIL; ISIS by text
        "T-SUPPORT-1": (True, None),      # gold USAGOV, system USAMIL: same country; no gold target
        "T-DISAPPROVE-1": (None, None),   # type wrong: actors not scored
        "T-ASSAULT-1": (False, True),     # USA is not ISR; "Palestinian" by text
    }
    assert (score.source_scored, score.source_right, score.target_scored, score.target_right) == (5, 4, 4, 4)


def test_evaluate_plover_without_catalogue_matches_by_text_only(plover_records):
    score = score_plover(plover_records, lambda text: PREDICTIONS.get(text, []))
    assert score.results[2].target_right is True and score.results[2].source_right is False


def test_evaluate_plover_bad_record_is_named(tmp_path):
    path = write(tmp_path, "plover.json", json.dumps([{"id": "X-1", "text": "", "event": "AGREE"}]))
    with pytest.raises(GoldError, match="plover.json: record 1 \\(X-1\\): has no text"):
        load_plover(path)


# ---------------------------------------------------------------- the real files


def test_evaluate_real_gold_and_plover_files_parse(shared):
    if not (shared / "gold" / "aliases.yaml").is_file():
        pytest.skip("../shared/gold is not present")
    gold = load_gold(shared / "gold")
    assert len(gold.docs) >= 3
    assert sum(len(doc.statements) for doc in gold.docs) >= 40
    assert sum(s.core for doc in gold.docs for s in doc.statements) >= 25
    assert all(doc.must_not for doc in gold.docs)
    records = load_plover(shared / "data" / "plover_gsr_dev.json")
    assert len(records) == 161
    assert {r.event for r in records} <= set(PLOVER_EVENTS)
    assert sum(bool(r.sources) for r in records) >= 150


def test_evaluate_cli_plover_scores_with_one_sided_events_on(tmp_path):
    # An event with only a source: the PLOVER way to code a protest, not a statement of the gold files.
    records = [{"id": "own-1", "text": "Thousands of Iraqi Kurds demonstrated in Erbil on Friday.", "event": "PROTEST",
                "source": [{"actorText": "Iraqi Kurds", "code": "IRQ"}], "target": None}]
    path = write(tmp_path, "plover.json", json.dumps(records))
    from typer.testing import CliRunner

    from faultlines.cli import app

    result = CliRunner().invoke(app, ["evaluate", "--plover", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)["sets"]
    assert row["set"] == "plover" and row["note"].startswith("one-sided on")
    assert (row["items"], row["type"], row["source"]) == (1, 1.0, 1.0)


def test_evaluate_protest_counts_as_accuse_as_annotation_says(tmp_path, catalogue):
    # ANNOTATION.md: ACCUSE = ACCUSE or PROTEST ("Turkey has protested against Washington's decision").
    write(tmp_path, "aliases.yaml", ALIASES)
    write(tmp_path, "c.yaml", "doc: c.txt\nstatements:\n"
          "  - {type: ACCUSE, src: RUS, tgt: US, by: [OUTLET], status: fact, core: true}\n")
    score = score_gold(load_gold(tmp_path), [st("PROTEST", RUS, USA, doc="c.txt")], catalogue)
    assert coarse_type("PROTEST") == "ACCUSE" and score.figures.recall == 1.0
