"""Whether a trigger is said not to happen (negated) or not yet / only possibly
(hypothetical), read from the words around it in the parse.

Who says so is not decided here (``attribution.py``), nor how a denial turns a negation
around (``faultlines.resolve.statements``).
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon

_SUBJECTS = ("nsubj", "nsubjpass")
# A negation word in these relations negates something else: "attacked without warning"
# (a preposition over its own object), "neither Russia nor Iran" (the pair, read by
# ``negative_phrase``), "nothing" as an object ("said nothing").
_NOT_NEGATING_DEPS = ("prep", "cc", "preconj", "dobj", "obj", "nsubj", "nsubjpass", "pobj", "conj")
# How an infinitive or clause hangs on the verb that governs it: "ordered troops to
# attack" (xcomp), "ordered that troops attack" (ccomp). Not an adverbial clause: "sent
# troops to attack" says what they were sent for, and they may well have attacked.
_INFINITIVE_DEPS = ("xcomp", "ccomp")


def is_negated(token: Token, lexicon: Lexicon) -> bool:
    """"did not attack", "never backed", "no strikes", "refused to attack", "without
    attacking", "No Russian aircraft struck", "None of the factions joined", "no longer backs".
    The negating words are ``negations`` in ``rules/attribution.yaml``."""
    if any(c.dep_ == "neg" or c.lower_ in lexicon.negations and c.dep_ not in _NOT_NEGATING_DEPS for c in token.children):
        return True
    if token.dep_ in ("pcomp", "pobj") and token.head.pos_ == "ADP" and token.head.lower_ in lexicon.negations:
        return True  # "without attacking"
    if token.dep_ in _INFINITIVE_DEPS and _governs(token, lexicon, "negated"):
        return True  # "refused to attack", "declined to fight" (a trigger's ``infinitive: negated``)
    if token.pos_ in ("VERB", "AUX"):
        if any(c.dep_ == "advmod" and c.lower_ in lexicon.negating_after_no and _has_no(c, lexicon) for c in token.children):
            return True  # "no longer backs"; not "no doubt backs"
        if any(c.dep_ in _SUBJECTS and negative_phrase(c, lexicon) for c in token.children):
            return True  # "No Russian aircraft carried out strikes", "Nobody attacked"
        if any(c.dep_ in ("dobj", "obj") and _no_determiner(c, lexicon) for c in token.children):
            return True  # "evacuated no ISIS commanders"
    return False


def negative_phrase(token: Token, lexicon: Lexicon) -> bool:
    """A noun phrase that says none: "no aircraft", "none of the factions", "nobody", "no one",
    "neither Russia nor Iran" (on the first of the pair: a preconjunct or determiner)."""
    if token.lower_ in lexicon.negative_subjects or _no_determiner(token, lexicon):
        return True
    return any(c.dep_ == "preconj" and c.lower_ in lexicon.negations for c in token.children)


def _no_determiner(token: Token, lexicon: Lexicon) -> bool:
    """A negating determiner ("no", "neither"), not before a comparative ("no fewer than ten jets")."""
    for child in token.children:
        if child.dep_ == "det" and child.lower_ in lexicon.negations:
            after = child.nbor(1) if child.i + 1 < len(child.doc) else None
            return after is None or after.tag_ not in ("JJR", "RBR") and after.lower_ not in ("more", "less", "fewer")
    return False


def _has_no(token: Token, lexicon: Lexicon) -> bool:
    """"no longer": the adverb has a negation before it or as its child."""
    return any(c.lower_ in lexicon.negations for c in token.children) or token.i > 0 and token.nbor(-1).lower_ in lexicon.negations


def _governs(token: Token, lexicon: Lexicon, status: str) -> bool:
    """Whether the word the infinitive or clause hangs on says it has ``status``: a trigger
    with ``infinitive: hypothetical`` ("ordered troops to attack") or ``infinitive:
    negated`` ("declined to attack") in ``rules/events.yaml``, or, for a negation, a word of
    ``negating_governors`` ("failed to stop")."""
    head = token.head
    if head.i == token.i or head.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ != "xcomp" and not any(c.dep_ in ("aux", "mark") and c.lower_ in ("to", "that") for c in token.children):
        return False  # "attacked the town, killing 20" is no infinitive
    lemma = head.lemma_.lower()
    trigger = lexicon.verbs.get(lemma)
    if trigger is not None and trigger.infinitive == status and (
            not trigger.particle or any(c.lower_ in trigger.particle for c in head.children)):
        return True  # ("call" only as "call on X to": "what the military calls ... to make sure")
    return status == "negated" and token.dep_ == "xcomp" and lemma in lexicon.negating_governors


def is_hypothetical(token: Token, lexicon: Lexicon) -> bool:
    """A possibility, plan, proposal, condition or question, not a fact."""
    if token.sent.text.rstrip().rstrip('"”’').endswith("?"):
        return True
    to = next((c for c in token.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is not None and to.i > 0 and to.nbor(-1).lemma_.lower() in lexicon.hypothetical_governors:
        return True  # "Obama's New Plan to Work With Russia", however the headline parses
    # "A likely Russian strike hit the convoy", "killed by possible ISIS militants": a
    # hedged actor leaves the act it does uncertain.
    actors = [c for c in token.children if c.dep_ in _SUBJECTS]
    actors += [p for a in token.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    if any(h.dep_ == "amod" and h.lower_ in lexicon.uncertainty_hedges for a in actors for h in a.children):
        return True
    node = token
    for _ in range(5):
        if any(c.dep_ == "aux" and c.lower_ in lexicon.modal_auxiliaries for c in node.children):
            return True
        if any(c.dep_ in ("advmod", "amod") and c.lower_ in lexicon.uncertainty_hedges for c in node.children):
            return True  # "apparently targeted", "a likely Russian strike"
        if node.dep_ in _INFINITIVE_DEPS and _governs(node, lexicon, "hypothetical"):
            return True  # "ordered troops to attack", "urged Russia to stop" (``infinitive: hypothetical``)
        if any(c.dep_ == "mark" and c.lower_ in lexicon.conditional_marks - {"when", "once", "until"} for c in node.children):
            return True
        if node.pos_ in ("VERB", "AUX") and _wh_infinitive(node):
            return True  # "debate how much to expand coordination", "whether to strike"
        head = node.head.lemma_.lower()
        # ("prep": "on the verge of withdrawing", "the idea of working with Russia")
        if node.dep_ in ("xcomp", "ccomp", "acl", "relcl", "pcomp", "pobj", "prep") and head in lexicon.hypothetical_governors:
            return True  # "pushing to cooperate", "a proposal that allows U.S. forces to coordinate"
        if node.dep_ in ("dobj", "appos") and head in lexicon.wanting_verbs:
            return True  # "Russia wants a political solution, an agreement between ..."
        if node.dep_ in ("advcl",) and any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "conj", "pcomp", "pobj", "prep", "acl", "relcl", "advcl", "dobj", "appos", "ccomp") or node.head.i == node.i:
            break
        if node.head.lemma_.lower() in lexicon.claim_nouns and node.dep_ in ("acl", "ccomp", "relcl", "appos", "prep"):
            break  # what a claim says is as sure as the claimant says: "is expected to dismiss claims that ..."
        node = node.head
    return False


def _wh_infinitive(verb: Token) -> bool:
    """"how much to expand", "whether to attack": an open question, not an act."""
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    wh = any(c.lower_ in ("how", "whether", "what", "which", "when", "where") for c in verb.subtree if c.i < verb.i)
    return has_to and wh
