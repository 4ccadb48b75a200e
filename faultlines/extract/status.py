"""Whether a trigger is said not to happen (negated) or not yet / only possibly
(hypothetical), read from the words around it in the parse.

Who says so is not decided here (``attribution.py``), nor how a denial turns a negation
around (``faultlines.resolve.statements``).
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon

_SUBJECTS = ("nsubj", "nsubjpass")


def is_negated(token: Token, lexicon: Lexicon) -> bool:
    """"did not attack", "never backed", "no strikes", "refused to attack", "without
    attacking", "No Russian aircraft struck", "None of the factions joined", "no longer backs"."""
    if any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in token.children):
        return True
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        return True
    if token.dep_ in ("xcomp",) and token.head.lemma_.lower() in lexicon.negating_governors:
        return True
    if token.pos_ in ("VERB", "AUX"):
        if any(c.dep_ == "advmod" and c.lower_ in lexicon.negating_after_no and _has_no(c) for c in token.children):
            return True  # "no longer backs"; not "no doubt backs"
        if any(c.dep_ in _SUBJECTS and negative_phrase(c, lexicon) for c in token.children):
            return True  # "No Russian aircraft carried out strikes", "Nobody attacked"
        if any(c.dep_ in ("dobj", "obj") and _no_determiner(c) for c in token.children):
            return True  # "evacuated no ISIS commanders"
    return False


def negative_phrase(token: Token, lexicon: Lexicon) -> bool:
    """A noun phrase that says none: "no aircraft", "none of the factions", "nobody", "no one"."""
    if token.lower_ in lexicon.negative_subjects or _no_determiner(token):
        return True
    # "Neither Russia nor Iran": on the first of the pair (a preconjunct, or a determiner).
    return any(c.dep_ in ("preconj", "det") and c.lower_ == "neither" for c in token.children)


def _no_determiner(token: Token) -> bool:
    """"no" as the phrase's determiner, not before a comparative ("no fewer than ten jets")."""
    for child in token.children:
        if child.dep_ == "det" and child.lower_ == "no":
            after = child.nbor(1) if child.i + 1 < len(child.doc) else None
            return after is None or after.tag_ not in ("JJR", "RBR") and after.lower_ not in ("more", "less", "fewer")
    return False


def _has_no(token: Token) -> bool:
    return any(c.lower_ == "no" for c in token.children) or token.i > 0 and token.nbor(-1).lower_ == "no"


def is_hypothetical(token: Token, lexicon: Lexicon) -> bool:
    """A possibility, plan, proposal, condition or question, not a fact."""
    if token.sent.text.rstrip().rstrip('"”’').endswith("?"):
        return True
    to = next((c for c in token.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is not None and to.i > 0 and to.nbor(-1).lemma_.lower() in lexicon.hypothetical_governors:
        return True  # "Obama's New Plan to Work With Russia", however the headline parses
    node = token
    for _ in range(5):
        if any(c.dep_ == "aux" and c.lower_ in lexicon.modal_auxiliaries for c in node.children):
            return True
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
