"""Who asserts a statement and how sure, in real news constructions: sentence -> expected.

Each case gives a sentence and statements that must be found as (type, source, target,
asserter kind, asserter id or None for any, status); ``absent`` cases give statements
that must not be output at all. The sentences are written for these tests; several drop
the comma before a final "X said", as news with stripped punctuation does.
"""

from __future__ import annotations

import dataclasses

import pytest

from faultlines.core import analysis_pipeline
from faultlines.extract.candidates import events_of
from faultlines.extract.lexicon import RULES_DIR, load_lexicon
from faultlines.extract.statements import StatementFinder
from faultlines.options import Options

from test_statements import describe, extract, matches

FOUND = [
    # -- reports at the end of a sentence, without a comma ----------------------------
    ("final-said-after-count", "Turkish jets bombed the rebels in Afrin killing 22 a monitor said.",
     ("ASSAULT", "TUR", "REBELS", "anonymous", None, "fact")),
    ("final-named-monitor", "Russian jets struck the rebels in Idlib the Syrian Observatory for Human Rights said on Monday.",
     ("ASSAULT", "RUS", "REBELS", "organization", "SOHR", "fact")),
    ("final-told-outlet", "Syrian troops shelled rebel positions in Homs Rami Abdulrahman told AFP.",
     ("ASSAULT", "SYR", "REBELS", "person", "RAMI_ABDULRAHMAN", "fact")),
    ("final-role-before-name", "Syrian troops shelled the rebels in Homs Observatory director Rami Abdel Rahman told AFP on Monday.",
     ("ASSAULT", "SYR", "REBELS", "person", "RAMI_ABDULRAHMAN", "fact")),
    ("final-unnamed-official-of-a-group", "Israeli jets struck the Syrian army on Sunday an official from Hezbollah said.",
     ("ASSAULT", "ISR", "SYR", "organization", "HEZBOLLAH", "fact")),
    ("final-speaker-with-preposition", "Turkish jets struck the YPG near Afrin officials in the Turkish army said.",
     ("ASSAULT", "TUR", "YPG", None, "TUR", "fact")),
    ("final-speaker-blames", "Barrel bombs killed 20 rebels in Aleppo the Syrian Observatory said blaming the attack on forces loyal to Bashar al-Assad.",
     ("ACCUSE", "SOHR", "ASSAD", "outlet", None, "fact")),
    # -- source phrases (according_to in rules/attribution.yaml) -----------------------
    ("as-reported-by", "Russian jets struck the rebels in Idlib as reported by the Syrian Observatory.",
     ("ASSAULT", "RUS", "REBELS", "organization", "SOHR", "fact")),
    ("according-to-unnamed", "Russian jets struck the rebels in Idlib according to activists.",
     ("ASSAULT", "RUS", "REBELS", "anonymous", None, "fact")),
    ("citing-a-reason-is-no-source", "Turkish jets struck the YPG near Afrin citing security concerns.",
     ("ASSAULT", "TUR", "YPG", "outlet", None, "fact")),
    # -- accusations, blame, responsibility ---------------------------------------------
    ("accused-by-of", "Turkey was accused by Russia of supporting ISIS.",
     ("BACKS", "TUR", "ISIS", "organization", "RUS", "fact")),
    ("accused-by-of-accusation", "Turkey was accused by Russia of supporting ISIS.",
     ("ACCUSE", "RUS", "TUR", "outlet", None, "fact")),
    ("accused-by-no-one-named", "Russia was accused of bombing the rebels in Idlib.",
     ("ASSAULT", "RUS", "REBELS", "anonymous", None, "fact")),
    ("claimed-responsibility", "ISIS claimed responsibility for the attack on the Syrian army.",
     ("ASSAULT", "ISIS", "SYR", "organization", "ISIS", "fact")),
    ("denied-responsibility", "The Syrian government denied responsibility for the attack on the rebels.",
     ("ASSAULT", "SYR", "REBELS", "organization", "SYR", "negated")),
    ("say-responsible-for", "Activists say that Russia has been responsible for attacks on the rebels.",
     ("ASSAULT", "RUS", "REBELS", "anonymous", None, "fact")),
    # -- hedges ------------------------------------------------------------------------------
    ("reportedly", "Russian jets reportedly bombed the rebels in Idlib.",
     ("ASSAULT", "RUS", "REBELS", "anonymous", None, "fact")),
    ("suspected-strike", "A suspected Russian air strike hit rebels in Idlib.",
     ("ASSAULT", "RUS", "REBELS", "anonymous", None, "fact")),
    ("suspected-attackers", "Syrian troops were killed by suspected ISIS militants.",
     ("ASSAULT", "ISIS", "SYR", "anonymous", None, "fact")),
    ("passive-belief", "Russian jets were believed to have struck the rebels.",
     ("ASSAULT", "RUS", "REBELS", "anonymous", None, "fact")),
    ("passive-belief-inside-a-report", "The Observatory said Russian jets were believed to have struck the rebels.",
     ("ASSAULT", "RUS", "REBELS", "organization", "SOHR", "fact")),
    ("apparently", "Russian jets apparently targeted ISIS.",
     ("ASSAULT", "RUS", "ISIS", "outlet", None, "hypothetical")),
    ("likely-strike", "A likely Russian air strike hit rebels in Idlib.",
     ("ASSAULT", "RUS", "REBELS", "outlet", None, "hypothetical")),
    # -- commands, refusals, negation words --------------------------------------------------
    ("ordered-to-attack", "Russia ordered Syrian troops to attack the SDF.",
     ("ASSAULT", "SYR", "SDF", "outlet", None, "hypothetical")),
    ("ordered-is-the-request", "Russia ordered Syrian troops to attack the SDF.",
     ("REQUEST", "RUS", "SYR", "outlet", None, "fact")),
    ("declined-to-attack", "The rebels declined to attack the Syrian army.",
     ("ASSAULT", "REBELS", "SYR", "outlet", None, "negated")),
    ("without-warning-is-no-negation", "Turkish jets attacked the rebels without warning.",
     ("ASSAULT", "TUR", "REBELS", "outlet", None, "fact")),
]

ABSENT = [
    # (name, text, statement that must not be output, in any voice or status)
    ("reporting-agency-is-no-target", "Russian jets struck Idlib the Dogan news agency reported.",
     ("ASSAULT", "RUS", "org:dogan")),
    ("told-outlet-is-no-target", "Islamic State fighters attacked the army Abdulrahman told AFP.",
     ("ASSAULT", "ISIS", "AFP")),
    ("instead-of", "The US raid killed an Iraqi agent instead of the ISIS official.",
     ("ASSAULT", "USA", "ISIS")),
    ("rather-than", "Turkish jets struck the YPG rather than ISIS.",
     ("ASSAULT", "TUR", "ISIS")),
    ("denied-responsibility-rejects-no-one", "The Syrian government denied responsibility for the attack on the rebels.",
     ("REJECT", "SYR", "REBELS")),
]

FACT_ABSENT = [
    # (name, text, statement that must not be the outlet's plain fact)
    ("ordered-attack-not-fact", "Russia ordered Syrian troops to attack the SDF.", ("ASSAULT", "SYR", "SDF")),
    ("reportedly-not-fact", "Russian jets reportedly bombed the rebels in Idlib.", ("ASSAULT", "RUS", "REBELS")),
    ("suspected-not-fact", "A suspected Russian air strike hit rebels in Idlib.", ("ASSAULT", "RUS", "REBELS")),
    ("final-report-not-fact", "Turkish jets bombed the rebels in Afrin killing 22 a monitor said.", ("ASSAULT", "TUR", "REBELS")),
]


@pytest.mark.parametrize("name, text, expected", FOUND, ids=[c[0] for c in FOUND])
def test_attribution_asserter_and_status(name, text, expected):
    records = extract(text)
    assert any(matches(r, *expected) for r in records), describe(records)


@pytest.mark.parametrize("name, text, forbidden", ABSENT, ids=[c[0] for c in ABSENT])
def test_attribution_speaker_and_contrast_are_no_party(name, text, forbidden):
    records = extract(text)
    assert not any(matches(r, *forbidden) for r in records), describe(records)


@pytest.mark.parametrize("name, text, forbidden", FACT_ABSENT, ids=[c[0] for c in FACT_ABSENT])
def test_attribution_reported_acts_are_not_the_outlets_fact(name, text, forbidden):
    records = extract(text)
    assert not any(matches(r, *forbidden, "outlet", None, "fact") for r in records), describe(records)


@pytest.mark.parametrize("text", ["Turkish jets killed 1942 rebels in Afrin.", "Turkish jets struck the rebels in Afrin killing 1999."])
def test_attribution_casualty_numbers_are_no_years(text):
    records = extract(text)
    assert records and all(r["date"] is None for r in records), describe(records)


def test_attribution_year_after_a_preposition_is_a_date():
    records = extract("Turkish jets killed 40 rebels in Afrin in 2016.")
    assert any(r["date"] == "2016" for r in records), describe(records)


def _candidates(text: str, lexicon) -> list:
    nlp = analysis_pipeline(Options().model)
    doc = nlp(text)
    return events_of(StatementFinder(lexicon)(doc))


def test_attribution_negations_come_from_the_rules(tmp_path):
    """A word taken out of ``negations`` no longer negates: the list, not the code, decides."""
    rules = (RULES_DIR / "attribution.yaml").read_text(encoding="utf-8")
    edited = tmp_path / "attribution.yaml"
    edited.write_text(rules.replace('negations: [not, never, "n\'t", no,', 'negations: [not, never, "n\'t",'), encoding="utf-8")
    text = "No Russian jets attacked the rebels."
    bundled = [c for c in _candidates(text, load_lexicon()) if c.type == "ASSAULT"]
    without_never = [c for c in _candidates(text, load_lexicon(attribution=edited)) if c.type == "ASSAULT"]
    assert bundled and all(c.negated for c in bundled)
    assert without_never and not any(c.negated for c in without_never)


def test_attribution_infinitive_key_decides_the_status():
    """``infinitive`` of a trigger in events.yaml: "order" makes its infinitive hypothetical;
    without the key, the same sentence reports the attack."""
    lexicon = load_lexicon()
    text = "Russia ordered Syrian troops to attack the SDF."
    with_key = [c for c in _candidates(text, lexicon) if c.type == "ASSAULT"]
    verbs = dict(lexicon.verbs, order=dataclasses.replace(lexicon.verbs["order"], infinitive=None))
    without_key = [c for c in _candidates(text, dataclasses.replace(lexicon, verbs=verbs)) if c.type == "ASSAULT"]
    assert with_key and all(c.hypothetical for c in with_key)
    assert without_key and not any(c.hypothetical for c in without_key)


def test_attribution_infinitive_values_are_known():
    lexicon = load_lexicon()
    values = {t.infinitive for section in (lexicon.verbs, lexicon.nouns) for t in section.values()}
    assert values <= {None, "hypothetical", "negated"}
