"""Who acts and who is acted upon when news reports force as nouns, weapons and
participles (``faultlines/extract/arguments.py``): sentence -> statements that must be
found, and readings that must never be output (the victim's side as the attacker).
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from test_statements import describe, extract, matches

FOUND = [
    ("passive-in-event-noun", "Three Syrian soldiers were killed in Russian airstrikes on Idlib.",
     ("ASSAULT", "RUS", "SYR")),
    ("passive-by-event-noun", "Two Iraqi policemen were wounded by ISIS shelling.",
     ("ASSAULT", "ISIS", "IRQ")),
    ("coordinated-passives-share-the-means", "Two Turkish soldiers were killed and five wounded in shelling by the YPG.",
     ("ASSAULT", "YPG", "TUR")),
    ("passive-due-to-weapon-with-agent", "Six Kurdish fighters were killed due to rocket shells fired by ISIS on their positions.",
     ("ASSAULT", "ISIS", "KURDISH_FORCES")),
    ("passive-in-modifier-before-gerund", "Eleven Iraqi soldiers were killed in ISIS shelling of the town on Friday.",
     ("ASSAULT", "ISIS", "IRQ")),
    ("at-the-hands-of", "Dozens of Iraqi soldiers were executed at the hands of ISIS.",
     ("ASSAULT", "ISIS", "IRQ")),
    ("weapon-subject-with-participle-agent", "An IED planted by the Taliban killed two American soldiers.",
     ("ASSAULT", "TALIBAN", "USA")),
    ("event-noun-subject-with-possessor", "The regime's bombardment killed twelve Hezbollah fighters.",
     ("ASSAULT", "SYR", "HEZBOLLAH")),
    ("passive-when-clause-uses-force", "ISIS fighters were killed when Turkish jets dropped bombs on their positions.",
     ("ASSAULT", "TUR", "ISIS")),
    ("weapon-aimed-whatever-the-verb", "YPG fighters fired dozens of mortar shells at Turkish troops.",
     ("ASSAULT", "YPG", "TUR")),
    ("act-upon-an-act-falls-on-its-agent", "The Syrian army repelled an ISIS attack on the airport.",
     ("ASSAULT", "SYR", "ISIS")),
    ("participle-on-a-noun-is-passive", "Syrian troops backed by Hezbollah seized the town.",
     ("BACKS", "HEZBOLLAH", "SYR")),
    ("undertaking-stands-for-its-agent", "Nusra Front fighters were killed in the Syrian army's operations near Idlib.",
     ("ASSAULT", "SYR", "NUSRA")),
    ("in-support-of", "Russian jets operate in support of the Assad regime.",
     ("BACKS", "RUS", "SYR")),
    ("with-the-help-of", "The SDF took the town with the help of American special forces.",
     ("AID", "USA", "SDF")),
    ("condemned-act-falls-on-its-agent", "Turkey condemned the war crimes committed by ISIS.",
     ("ACCUSE", "TUR", "ISIS")),
    ("relational-noun-names-its-referent", "The PKK's Syrian affiliate PYD controls the area.",
     ("MEMBER_OF", "PYD", "PKK")),
    ("act-preposition-hung-on-its-agent", "The strikes came after rocket attacks by ISIS on Turkish troops near Kilis.",
     ("ASSAULT", "ISIS", "TUR")),
    ("examples-after-including-act", "Several factions including Ahrar al-Sham attacked Syrian army positions.",
     ("ASSAULT", "AHRAR_ALSHAM", "SYR")),
    ("death-noun-by-agent", "The killing of two Turkish journalists by ISIS was condemned.",
     ("ASSAULT", "ISIS", "TUR")),
    ("verb-preposition-hung-on-object", "The rebels used US-provided weapons against ISIS.",
     ("ASSAULT", "REBELS", "ISIS")),
    ("death-in-an-act-of-its", "The US-led coalition acknowledged the deaths of 735 civilians in its strikes on Raqqa.",
     ("ASSAULT", "CJTF_OIR", "CIVILIANS")),
    ("act-targeting-participle", "An ISIS attack targeting Syrian army positions killed 12 soldiers.",
     ("ASSAULT", "ISIS", "SYR")),
    ("role-without-comma", "The talks were led by Zahran Alloush leader of the Army of Islam.",
     ("MEMBER_OF", "person:zahran-alloush", "JAISH_ALISLAM")),
    ("relational-noun-as-compound", "Al-Qaeda affiliate Nusra Front claimed the attack.",
     ("MEMBER_OF", "NUSRA", "AQ")),
]


@pytest.mark.slow
@pytest.mark.parametrize("name, text, expected", FOUND, ids=[c[0] for c in FOUND])
def test_arguments_found_through_the_construction(name, text, expected):
    records = extract(text)
    assert any(matches(r, *expected, status="fact") for r in records), describe(records)


NEVER = [
    # The town is the rebels'; the bombardment names no attacker.
    ("patient-never-the-attacker", "Bombardment of a neighbourhood controlled by rebels killed five Turkish soldiers.",
     ("ASSAULT", "REBELS", "TUR")),
    ("held-place-never-the-attacker", "Fierce bombardment of an opposition-held town killed 43 Iraqi soldiers.",
     ("ASSAULT", "OPPOSITION", "IRQ")),
    # "Syrian" says where the affiliate is, not whose it is.
    ("modifier-of-relational-noun-is-no-party", "The PKK's Syrian affiliate PYD controls the area.",
     ("MEMBER_OF", "SYR", "PKK")),
    # "Iranian-built" says where the drones come from; Iran is no party.
    ("origin-participle-names-no-party", "Russia deployed Iranian-built drones.", ("MOBILIZE", "RUS", "IRN")),
    # Condemning an attack on someone does not accuse the victims.
    ("victim-of-condemned-act-not-accused", "Jordan condemned the attack on Syrian soldiers.",
     ("ACCUSE", "JOR", "SYR")),
]


@pytest.mark.slow
@pytest.mark.parametrize("name, text, forbidden", NEVER, ids=[c[0] for c in NEVER])
def test_arguments_victims_side_never_acts(name, text, forbidden):
    records = extract(text)
    assert not any(matches(r, *forbidden) for r in records), describe(records)


WISHED = [
    ("planned-act", "The US plans strikes against ISIS.", ("ASSAULT", "USA", "ISIS")),
    ("wanted-act", "Russia wants a ceasefire with the rebels.", ("AGREE", "RUS", "REBELS")),
]


@pytest.mark.slow
@pytest.mark.parametrize("name, text, expected", WISHED, ids=[c[0] for c in WISHED])
def test_arguments_planned_or_wanted_act_is_its_subjects_and_hypothetical(name, text, expected):
    records = extract(text)
    assert any(matches(r, *expected, status="hypothetical") for r in records), describe(records)
    assert not any(matches(r, *expected, status="fact") for r in records), describe(records)


@pytest.mark.slow
def test_arguments_participle_act_is_presupposed_under_a_request():
    """"to stop crimes carried out by the regime": the crimes are a fact the request assumes."""
    records = extract("The coalition called on Russia to stop the crimes carried out by the Syrian regime against Kurdish civilians.")
    assert any(r["type"] == "ASSAULT" and matches(r, "ASSAULT", "SYR", r["target"]["id"], status="fact") for r in records), describe(records)
