"""Every rule's example is a test, and the rules files refuse what the code would ignore.

Each trigger entry of ``faultlines/extract/rules/events.yaml`` with an ``example:`` is
extracted here: the sentence must give a statement of the entry's type, made by that
entry (the extractor names the word), with both ends resolved to actors.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from faultlines.errors import FaultlinesError
from faultlines.extract.lexicon import RULES_DIR, load_lexicon
from faultlines.statement_types import type_table

EVENTS = yaml.safe_load((RULES_DIR / "events.yaml").read_text(encoding="utf-8"))
SECTIONS = {"verbs": "verb", "nouns": "noun", "compounds": "compound", "relational_nouns": "relational"}
EXAMPLES = [
    pytest.param(section, word, entry, id=f"{section}.{word}")
    for section in SECTIONS
    for word, entry in (EVENTS.get(section) or {}).items()
    if entry.get("example")
]


@pytest.fixture(scope="module")
def extract():
    from faultlines.api import extract_text
    return extract_text


@pytest.mark.slow
@pytest.mark.parametrize("section, word, entry", EXAMPLES)
def test_rules_example_gives_its_type(extract, section, word, entry):
    records = extract(entry["example"])
    # The extractor names the trigger's kind and lemma ("verb:retook", "compound:affiliate").
    made = [r for r in records if r["extractor"].split(":")[1:2] == [SECTIONS[section]]
            and r["extractor"].split(":")[2][:3] == str(word).lower()[:3]]
    assert made, f"{section}.{word}: no statement from {entry['example']!r}; got {[(r['type'], r['extractor']) for r in records]}"
    types = {r["type"] for r in made}
    expected = {entry["type"], entry.get("object_type"), *(entry.get("by_prep") or {}).values(),
                *(entry.get("by_object") or {}).values(), *(entry.get("by_modifier") or {}).values()}
    assert types & expected, f"{section}.{word}: {entry['example']!r} gave {types}, expected {entry['type']}"
    assert all(r["source"] and r["target"] for r in made)


def test_rules_every_hand_entry_has_an_example():
    missing = [f"{section}.{word}" for section in SECTIONS for word, entry in (EVENTS.get(section) or {}).items()
               if not entry.get("example")]
    assert not missing, f"write an example: for {', '.join(missing)}"


def test_rules_every_type_of_the_lexicon_is_in_the_type_table():
    lexicon = load_lexicon()
    table = type_table()
    for triggers in (lexicon.verbs, lexicon.nouns, lexicon.compounds, lexicon.relational_nouns):
        assert {t.type for t in triggers.values()} <= set(table.types)


def test_rules_codebook_entries_sit_under_the_hand_entries():
    lexicon = load_lexicon()
    assert lexicon.verbs["attack"].source == "hand"
    assert lexicon.verbs["outlaw"].source.startswith("codebook CAMEO 172") and lexicon.verbs["outlaw"].type == "COERCE"
    assert lexicon.nouns["shelling"].source == "hand" and lexicon.nouns["blockade"].type == "COERCE"
    # a light verb passes its event to its object, whatever the codebook says of it
    assert "escalate" not in lexicon.verbs


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("events, message", [
    ("verbs:\n  attack: {type: ASSAULT, prepz: [on]}\n", "unknown key(s) prepz"),
    ("verbs:\n  attack: {type: ATTACK}\n", "unknown type 'ATTACK'"),
    ("verbs:\n  attack: {type: ASSAULT, by_prep: {on: BOMB}}\n", "unknown type 'BOMB'"),
    ("verbs:\n  order: {type: REQUEST, infinitive: maybe}\n", "infinitive is 'maybe'"),
    ("verbz:\n  attack: {type: ASSAULT}\n", "unknown section(s) verbz"),
])
def test_rules_loader_rejects_what_the_code_would_ignore(tmp_path, events, message):
    path = _write(tmp_path, "events.yaml", events)
    with pytest.raises(FaultlinesError) as error:
        load_lexicon(path, RULES_DIR / "attribution.yaml", None)
    assert message in str(error.value) and str(path) in str(error.value)


def test_rules_attribution_loader_rejects_an_unknown_list(tmp_path):
    path = _write(tmp_path, "attribution.yaml", "reporting_verbz: [say]\n")
    with pytest.raises(FaultlinesError, match="reporting_verbz"):
        load_lexicon(RULES_DIR / "events.yaml", path, None)


def test_rules_type_table_rejects_an_unknown_field(tmp_path):
    path = _write(tmp_path, "types.yaml", "types:\n  ASSAULT: {kind: event, colour: red}\n")
    with pytest.raises(FaultlinesError, match="unknown field"):
        type_table(path)


def test_rules_type_table_answers_what_the_stages_ask():
    table = type_table()
    assert table.names(speech_act=True) == {"REQUEST", "ACCUSE", "THREATEN", "REJECT", "PROTEST"}
    assert "THREATEN" not in table.names(hostile=True) and "ASSAULT" in table.names(hostile=True)
    assert table.coarse("PROTEST", "gold_class") == "ACCUSE" and table.coarse("BACKS") == "SUPPORT"
    assert table.symmetric_claim_classes() == {"AGREE", "CONSULT", "COOPERATE", "ALLY"}


def test_rules_codebook_lexicon_is_what_the_build_script_makes(shared, tmp_path):
    """tools/build_lexicon.py over ../shared/codebooks writes the committed file exactly."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_lexicon", Path(__file__).resolve().parents[1] / "tools" / "build_lexicon.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    out = tmp_path / "lexicon_codebook.yaml"
    build.main(["--codebooks", str(shared / "codebooks"), "--out", str(out)])
    assert out.read_text(encoding="utf-8") == (RULES_DIR / "lexicon_codebook.yaml").read_text(encoding="utf-8")
