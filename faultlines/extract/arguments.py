"""Who acts and who is acted upon in an event named by a noun, and in the phrase of a
weapon: the general paths conflict news uses when it reports force as nouns.

"fierce government bombardment of an opposition-held town killed 43": the bombardment
is the government's (a modifier), the town is what it falls on (``of``); "three civilians
were killed in Russian air raids": the raids, and so the killing, are Russia's; "an IED
planted by the Taliban killed two soldiers": the bomb is the Taliban's (a participle's
``by`` phrase). Who acts is read from the construction, never from word order: in
"bombardment on a neighbourhood controlled by rebels killed five civilians" the rebels
hold the neighbourhood (they are on the receiving end), and the bombardment names no
agent at all.

This module only reads the parse and the lexicon; which actors the tokens name is decided
in ``faultlines.resolve.statements``.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon

# Dependencies by which a word before an event noun says whose event it is: "the regime's
# bombardment", "Russian air raids", "government shelling", "rebel fire".
_AGENT_MODIFIERS = ("poss", "compound", "amod", "nmod", "npadvmod")


def is_event_noun(token: Token, lexicon: Lexicon) -> bool:
    """A noun (or a gerund used as one) that names an act: "bombardment", "air raids",
    "shelling" in "killed in shelling by government forces"."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("NOUN", "PROPN") and lemma in lexicon.nouns:
        return True
    return token.tag_ == "VBG" and token.dep_ in ("pcomp", "pobj", "nsubj", "nsubjpass", "dobj") and lemma in lexicon.verbs


def is_instrument(token: Token, lexicon: Lexicon) -> bool:
    """A noun that names a means of force: "a car bomb", "barrel bombs", "an IED"."""
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in lexicon.instrument_nouns


def names_an_act(token: Token, lexicon: Lexicon) -> bool:
    """An event noun, an undertaking ("the army's operations") or a weapon: a phrase whose
    actor is whoever carries it out or uses it."""
    return (is_event_noun(token, lexicon) or is_instrument(token, lexicon)
            or token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.light_nouns)


def uses_force(verb: Token, lexicon: Lexicon) -> bool:
    """A clause that uses force: a verb of force ("shelled"), or any verb whose object is a
    weapon or an act of force ("dropped barrel bombs", "launched airstrikes")."""
    trigger = lexicon.verbs.get(verb.lemma_.lower())
    if trigger is not None and trigger.type in lexicon.force_types:
        return True
    return any(c.dep_ in ("dobj", "obj") and (_names_force(c, lexicon) or _quantity_of(c, lexicon) is not None)
               for c in verb.children)


def weapons_aimed(doc, lexicon: Lexicon) -> dict[int, Token]:
    """The weapon each verb's object names, by the verb's index: "dropped barrel bombs",
    "fired dozens of mortar shells". One pass over the Doc: reading every verb's children
    instead costs a scan of its whole span in long sentences."""
    found = {}
    for token in doc:
        if token.dep_ in ("dobj", "obj"):
            weapon = token if is_instrument(token, lexicon) else _quantity_of(token, lexicon)
            if weapon is not None:
                found.setdefault(token.head.i, weapon)
    return found


def agents(noun: Token, lexicon: Lexicon) -> list[Token]:
    """Who carries out the act a noun names or uses the weapon: a possessive or a modifier
    before it ("the regime's bombardment", "Russian airstrikes", "rebel fire"), the object
    of ``by``/``from`` ("shelling by government forces", "fire from ISIS positions"), a
    participle's agent ("an IED planted by the Taliban", "strikes carried out by the
    coalition"), or "at the hands of X". ("rebel-held" before a place says who holds it;
    before an act, "U.S.-led strikes", it says whose the act is.)"""
    found = [c for c in noun.children if c.dep_ in _AGENT_MODIFIERS and c.i < noun.i]
    if noun.tag_ == "VBG":  # "wounded by ISIS shelling": the gerund's subject
        found += [c for c in noun.children if c.dep_ == "nsubj"]
    for prep in noun.children:
        if prep.dep_ == "agent" or prep.dep_ == "prep" and (
                prep.lower_ == "by" or prep.lower_ == "from" and _names_force(noun, lexicon)):
            found += [p for p in prep.children if p.dep_ == "pobj"]
        elif prep.dep_ == "acl" and prep.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in prep.children):
            found += _by_agent(prep)
    return found


def participle_targets(noun: Token, lexicon: Lexicon) -> list[Token]:
    """What an act falls on when a participle says so: "an attack targeting a checkpoint",
    "airstrikes hitting the convoy"."""
    return [c for clause in noun.children
            if clause.dep_ == "acl" and clause.tag_ == "VBG" and clause.lemma_.lower() in lexicon.verbs
            for c in clause.children if c.dep_ in ("dobj", "obj")]


def passive_agents(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Who does what a passive verb says: its ``by`` phrase ("killed by ISIS"), "at the
    hands of X"; when the verb is done *in* or *by* an act, that act's agent ("killed in
    Russian airstrikes", "wounded by regime shelling"); when it happened as another clause
    used force, that clause's subject ("were killed when army helicopters dropped barrel
    bombs on the market")."""
    # "were killed and dozens injured in shelling by regime forces", "militias armed and
    # trained by Iran": coordinated passives share the phrase that says by whom or how.
    shared = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        shared.append(verb.head)
    found = _by_agent(verb) or [a for v in shared[1:] for a in _by_agent(v)]
    for prep in (p for v in shared for p in v.children):
        if prep.dep_ != "prep" or prep.lower_ not in lexicon.means_preps:
            continue
        # "due to rocket shells fired by terrorists", "because of": through the second word.
        acts = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        acts += [p for c in acts if c.pos_ == "ADP" for p in c.children if p.dep_ == "pobj"]
        for act in acts:
            if names_an_act(act, lexicon):
                found += agents(act, lexicon)
            elif act.i + 1 < len(act.doc) and _force_gerund(act.doc[act.i + 1], lexicon):
                # "killed in rebel shelling", parsed as "in rebel" + a clause "shelling ...":
                # the word before the act is its agent.
                found.append(act)
    if not found:
        for clause in verb.children:
            if clause.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in lexicon.cause_marks for m in clause.children) \
                    and uses_force(clause, lexicon):
                found += [c for c in clause.children if c.dep_ in ("nsubj",)]
    return found


def doers(token: Token, lexicon: Lexicon) -> list[Token]:
    """The phrase that stands for who acts, when the grammatical subject is an act or a
    weapon: "the bombardment killed 43" -> whoever bombarded; otherwise the token itself.
    An act with no agent but a patient ("bombardment on a neighbourhood controlled by
    rebels") stands for no one: reading an actor out of its patient would turn the victim
    into the attacker."""
    if not names_an_act(token, lexicon):
        return [token]
    found = agents(token, lexicon)
    if found:
        return found
    has_patient = any(c.dep_ == "prep" and c.lower_ not in ("by", "from") for c in token.children)
    return [] if has_patient else [token]


def _quantity_of(token: Token, lexicon: Lexicon) -> Token | None:
    """"dozens of mortar shells", "hundreds of missiles": the weapon counted."""
    if token.like_num or token.lemma_.lower() in lexicon.quantity_nouns:
        for of in token.children:
            if of.dep_ == "prep" and of.lower_ == "of":
                for weapon in of.children:
                    if weapon.dep_ == "pobj" and is_instrument(weapon, lexicon):
                        return weapon
    return None


def acted_upon(token: Token, lexicon: Lexicon) -> list[Token]:
    """Whom an act done to a phrase falls on: "the army repelled an ISIS attack" falls on
    ISIS, "condemned the attack on civilians" on no one named (the victims are not the ones
    condemned); an act done to talks or a deal ("boycotted the talks with the government")
    falls on the phrase, read as usual."""
    if not (is_instrument(token, lexicon) or _names_force(token, lexicon)):
        return [token]
    return doers(token, lexicon)


def _by_agent(verb: Token) -> list[Token]:
    found = [p for agent in verb.children if agent.dep_ == "agent" for p in agent.children if p.dep_ in ("pobj", "pcomp")]
    for at in verb.children:  # "killed at the hands of ISIS"
        if at.dep_ == "prep" and at.lower_ == "at":
            for hands in at.children:
                if hands.dep_ == "pobj" and hands.lower_ == "hands":
                    found += [p for of in hands.children if of.lower_ == "of" for p in of.children if p.dep_ == "pobj"]
    return found


def _force_gerund(token: Token, lexicon: Lexicon) -> bool:
    trigger = lexicon.verbs.get(token.lemma_.lower())
    return token.tag_ == "VBG" and trigger is not None and trigger.type in lexicon.force_types


def _names_force(noun: Token, lexicon: Lexicon) -> bool:
    """A weapon or an act of force: only then does ``from`` name its agent ("fire from ISIS
    positions"); "a withdrawal from Syria" names the place left."""
    trigger = lexicon.nouns.get(noun.lemma_.lower()) or lexicon.verbs.get(noun.lemma_.lower())
    return is_instrument(noun, lexicon) or trigger is not None and trigger.type in lexicon.force_types
