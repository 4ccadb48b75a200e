"""One evaluation of everything: PLV root codes, FA-KES perpetrators, misses by kind, the sets table."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

import faultlines
from faultlines import api
from faultlines.cli import app
from faultlines.errors import FaultlinesError
from faultlines.evaluate import GoldError, load_gold, score_gold
from faultlines.evaluate.kinds import gold_kinds, perpetrator_kinds, plv_kinds
from faultlines.evaluate.perpetrator import load_fakes, load_perpetrator_map, score_perpetrators
from faultlines.evaluate.plv import load_plv, load_plv_codes, plv_root, score_plv
from faultlines.resolve.catalogue import load_catalogue

from conftest import write
from test_evaluate import ALIASES, DOC_A, DOC_B, ISIS, KIRBY, REBELS, RUS, USA, actor, st


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


# ---------------------------------------------------------------- PLV root codes


@pytest.mark.parametrize("type_, status, root", [
    ("ASSAULT", "fact", "ASSAULT"),
    ("ASSAULT", "hypothetical", "THREATEN"),   # a future attack is a threat
    ("ASSAULT", "negated", "YIELD"),           # an attack not carried out
    ("CONSULT", "negated", "REJECT"),          # a meeting refused
    ("AID", "negated", "SANCTION"),            # aid withheld
    ("ACCUSE", "negated", "AGREE"),
    ("SUPPORT", "hypothetical", "AGREE"),      # cooperation promised
    ("REQUEST", "hypothetical", "REQUEST"),    # verbal conflict keeps its code
    ("CONCEDE", "fact", "YIELD"),
    ("RETREAT", "hypothetical", "YIELD"),      # the codebook keeps future retreats
    ("BACKS", "fact", "AID"),
    ("HOSTILE_TO", "fact", "ASSAULT"),
    ("ALLIED_WITH", "opinion", "COOPERATE"),
    ("MEMBER_OF", "fact", None),
])
def test_evaluate_plv_root_code_follows_plover_modality(type_, status, root):
    assert plv_root({"type": type_, "status": status}) == root


PLV_ROWS = [
    {"sentence_id": "1", "sentence": "Russian jets bombed rebel positions near Hama.", "source": "Russian jets",
     "target": "rebel positions", "gold_root": "ASSAULT"},
    {"sentence_id": "2", "sentence": "Iranian Foreign Minister Zarif met Syria's president.",
     "source": "Iranian Foreign Minister Zarif", "target": "Syria's president", "gold_root": "CONSULT"},
    {"sentence_id": "3", "sentence": "Nothing to see here.", "source": "Nothing", "target": "here",
     "gold_root": "AGREE"},
]


@pytest.fixture
def plv_records(tmp_path):
    path = tmp_path / "plv.tsv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(PLV_ROWS[0]), delimiter="\t")
        writer.writeheader()
        writer.writerows(PLV_ROWS)
    return load_plv(path)


def test_evaluate_plv_scores_the_statement_on_the_marked_pair(plv_records, catalogue):
    statements = [
        # A statement on another pair comes first in the text; the one on the marked pair decides.
        [st("ACCUSE", USA, RUS, start=0), st("ASSAULT", actor("RUS.MIL", "Russian armed forces", "military"), REBELS, start=5)],
        [st("CONSULT", actor("IRN.GOV", "Iranian government", "government"), actor("SYR", "Syria"))],
        [],
    ]
    score = score_plv(plv_records, statements, catalogue)
    assert [(r.root, r.source_right, r.target_right) for r in score.results] == [
        ("ASSAULT", True, True),     # "Russian" is RUS's demonym and RUS.MIL is below RUS; "rebel positions"
        ("CONSULT", True, True),     # "Iranian" names IRN, above IRN.GOV; "Syria's president" names Syria
        (None, False, False),
    ]
    assert score.root_accuracy == pytest.approx(2 / 3)
    assert score.no_output == 1
    kinds = plv_kinds(score)
    assert [row["id"] for row in kinds["no statement"]] == ["3"]
    assert "wrong root code" not in kinds


def test_evaluate_plv_wrong_code_and_wrong_end_are_listed_by_kind(plv_records, catalogue):
    statements = [[st("COERCE", USA, REBELS)], [st("CONSULT", actor("IRN", "Iran"), USA)], []]
    score = score_plv(plv_records, statements, catalogue)
    kinds = plv_kinds(score)
    assert kinds["wrong root code"] == [{"gold": "ASSAULT", "system": "COERCE", "count": 1}]
    assert [(row["id"], row["system"]) for row in kinds["wrong source"]] == [("1", "USA")]
    assert [(row["id"], row["marked"]) for row in kinds["wrong target"]] == [("2", "Syria's president")]


def test_evaluate_plv_file_without_the_columns_is_named(tmp_path):
    path = write(tmp_path, "plv.tsv", "sentence\tsource\nA sentence.\tA\n")
    with pytest.raises(GoldError, match="plv.tsv.*lacks columns target, gold_root"):
        load_plv(path)


def test_evaluate_plv_codes_reject_unknown_keys(tmp_path):
    path = write(tmp_path, "codes.yaml", "classes: {AGREE: 1}\ntypes:\n  CONCEDE: {root: YIELD, example: x, exmaple: x}\n")
    with pytest.raises(GoldError) as error:
        load_plv_codes(path)
    assert "unknown key 'exmaple'" in str(error.value) and "root 'YIELD' is not in classes" in str(error.value)


def test_evaluate_plv_bundled_codes_cover_every_root_with_a_class():
    codes = load_plv_codes()
    assert set(codes.classes.values()) == {1, 2, 3, 4}
    assert codes.types["CONCEDE"] == "YIELD" and codes.types["MEMBER_OF"] is None


# ---------------------------------------------------------------- FA-KES perpetrator


GOVERNMENT, ISIS_LABEL, UNKNOWN = ("syrian government or russian troops",
                                   "the organization of the islamic state in iraq and the levant - isis", "unknown")


@pytest.fixture
def fakes(tmp_path):
    rows = [{"article_title": f"Title {n}", "article_content": f"Text of article {n}.", "date": "3/4/16",
             "source": "SANA", "actor": actor_} for n, actor_ in enumerate([GOVERNMENT, ISIS_LABEL, UNKNOWN, GOVERNMENT])]
    path = tmp_path / "fakes.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_evaluate_fakes_articles_load_as_ingest_reads_csv_rows(fakes):
    items = load_fakes(fakes, limit=3)
    assert [(i.row, i.perpetrator) for i in items] == [(1, GOVERNMENT), (2, ISIS_LABEL), (3, UNKNOWN)]
    assert items[0].article.published == "2016-03-04" and items[0].article.title == "Title 0"


def test_evaluate_perpetrator_is_the_most_frequent_attacking_category(fakes, catalogue):
    mapping = load_perpetrator_map(catalogue=catalogue)
    mod = actor("RUS.MIL.MOD", "Russian MoD", "agency")        # counts for RUS, so for the government side
    civilians = actor("CIVILIANS", "civilians", "generic")
    statements = [
        [st("ASSAULT", ISIS, civilians, start=0), st("ASSAULT", mod, REBELS, start=9),
         st("COERCE", actor("SYR.MIL.SAA", "Syrian Arab Army", "military"), civilians, start=20)],
        [st("ASSAULT", ISIS, civilians, status="negated"), st("ASSAULT", civilians, ISIS),   # denied; victims are no side
         st("ACCUSE", ISIS, USA)],                                                          # not an attack
        [],
        [st("ASSAULT", ISIS, civilians, start=3), st("ASSAULT", mod, civilians, start=40)],   # a tie: ISIS came first
    ]
    score = score_perpetrators(load_fakes(fakes), statements, mapping, catalogue)
    assert [r.predicted for r in score.results] == [GOVERNMENT, UNKNOWN, UNKNOWN, ISIS_LABEL]
    assert score.accuracy == pytest.approx(2 / 4)
    kinds = perpetrator_kinds(score)
    assert {"coded": ISIS_LABEL, "predicted": UNKNOWN, "count": 1} in kinds["confusion (coded -> predicted)"]
    assert [row["row"] for row in kinds["wrong perpetrator"]] == [2, 4]


def test_evaluate_perpetrator_map_rejects_ids_the_catalogue_lacks(tmp_path, catalogue):
    path = write(tmp_path, "map.yaml", "categories:\n  x: {label: x, actors: [NOT_AN_ACTOR], example: e, colour: red}\n")
    with pytest.raises(GoldError) as error:
        load_perpetrator_map(path, catalogue)
    message = str(error.value)
    assert "'NOT_AN_ACTOR' is not in the actor catalogue" in message and "unknown key 'colour'" in message
    assert "no category labelled 'unknown'" in message


# ---------------------------------------------------------------- misses by kind


def test_evaluate_gold_unmatched_statements_are_grouped_by_what_differs(tmp_path, catalogue):
    write(tmp_path, "aliases.yaml", ALIASES)
    write(tmp_path, "a.yaml", DOC_A)
    write(tmp_path, "b.yaml", DOC_B)
    gold = load_gold(tmp_path)
    statements = [
        st("ASSAULT", ISIS, USA, doc="b.txt"),                 # reversed: the US strikes ISIS
        st("ACCUSE", USA, ISIS, doc="b.txt"),                  # right pair, wrong type
        st("ASSAULT", RUS, ISIS, doc="b.txt"),                 # wrong source
        st("REQUEST", KIRBY, RUS, by=KIRBY),                   # wrong target (gold: the Syrian government)
        st("AGREE", actor("TUR", "Turkey"), actor("GRC", "Greece")),
    ]
    kinds = gold_kinds(gold, score_gold(gold, statements, catalogue), catalogue)
    assert {kind: len(rows) for kind, rows in kinds.items() if not kind.startswith("missed")} == {
        "reversed": 1, "wrong type": 1, "wrong source": 1, "wrong target": 1, "unmatched (no gold statement near)": 1}
    assert len(kinds["missed SUPPORT"]) == 2 and kinds["reversed"][0]["nearest gold"].startswith("ASSAULT US -> ISIS")


# ---------------------------------------------------------------- every set at once


def test_evaluate_public_api_exports_evaluate():
    assert faultlines.evaluate is api.evaluate and "evaluate" in faultlines.__all__


def test_evaluate_missing_sets_are_rows_with_a_reason(tmp_path):
    result = api.evaluate(tmp_path, sets=["seed", "fakes", "plover", "plv", "perpetrator"])
    assert [r.name for r in result.sets] == ["seed", "fakes", "plover", "plv", "perpetrator"]
    assert all(r.skipped and "is missing" in r.skipped for r in result.sets)
    assert str(tmp_path / "data" / "plv_dev.tsv") in result["plv"].skipped
    assert result.rows()[0]["note"].startswith("skipped: ")


def test_evaluate_without_a_shared_folder_skips_its_sets(monkeypatch, tmp_path):
    monkeypatch.delenv("FAULTLINES_SHARED", raising=False)
    monkeypatch.chdir(tmp_path)   # no ../shared here
    result = api.evaluate(sets=["seed", "plv"])
    assert [r.skipped for r in result.sets] == ["no shared data folder (give --shared PATH, or run next to ../shared)"] * 2


def test_evaluate_unknown_set_and_bad_limit_are_errors(tmp_path):
    with pytest.raises(FaultlinesError, match="unknown set plvv"):
        api.evaluate(tmp_path, sets=["plvv"])
    with pytest.raises(FaultlinesError, match="limit must be 1 or more"):
        api.evaluate(tmp_path, limit=0)


def test_evaluate_cli_prints_one_row_per_set_and_json(tmp_path):
    args = ["evaluate", "--shared", str(tmp_path), "--set", "seed", "--set", "plv", "--set", "perpetrator"]
    table = CliRunner().invoke(app, args)
    assert table.exit_code == 0, table.output
    first_words = [line.split()[0] for line in table.stdout.splitlines() if line.strip()]
    assert [w for w in first_words if w in ("seed", "plv", "perpetrator")] == ["seed", "plv", "perpetrator"]
    assert table.stdout.count("skipped: ") == 3
    as_json = CliRunner().invoke(app, [*args, "--format", "json", "-v"])
    report = json.loads(as_json.stdout)
    assert [row["set"] for row in report["sets"]] == ["seed", "plv", "perpetrator"]
    assert report["sets"][2]["title"] == "FA-KES perpetrator" and report["misses"] == {}


def test_evaluate_cli_gold_needs_corpus(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(tmp_path)])
    assert result.exit_code != 0 and "--gold needs --corpus" in result.output


@pytest.mark.slow
def test_evaluate_demo_gold_is_always_scored_and_lists_misses_by_kind(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    demo = api.evaluate(tmp_path, sets=["demo"])["demo"]
    assert demo.skipped is None and demo.items == 23
    assert 0 < demo.figures["recall"] <= 1 and demo.figures["must_not"] >= 0
    assert any(kind.startswith("missed ") for kind in demo.misses)


def test_evaluate_demo_gold_annotates_every_demo_article():
    gold_dir = faultlines.demo_corpus_path().parent / "gold"
    gold = load_gold(gold_dir)
    articles = sorted(p.name for p in faultlines.demo_corpus_path().glob("*.txt"))
    assert sorted(doc.doc for doc in gold.docs) == articles
    assert all(any(s.core for s in doc.statements) for doc in gold.docs)
    assert all(doc.must_not for doc in gold.docs)   # every article has a hypothetical, allegation or denial
