"""Claims named by a noun: "Russian accusations that American helicopters had evacuated
ISIS commanders", "the coalition's claim that ...", "claims of a Russian strike on the SDF".

What such a noun's that-clause or of-complement says is asserted by whoever makes the
claim, never by the outlet: the possessor ("the coalition's claim"), the object of "by"
or "from", a name or demonym before the noun ("Russian accusations"), or the subject of
the verb that makes the claim ("Turkey renewed its accusation that ..."); when no one is
named, an unnamed source. A rejecting verb over the noun ("denied Russian accusations
that ...", "rejected as invented the coalition's claim", "the allegations were rejected
by the SDF") makes its subject the rejecter of the claimant and of what is claimed.

It marks token indices only; which actors they are is resolved later. The claim words
are data: ``claim_nouns``, ``claim_making_verbs`` and ``denial_verbs`` in
``rules/attribution.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .attribution import Frame
from .candidates import EventCandidate, expand
from .lexicon import Lexicon
from .status import is_hypothetical, is_negated

_CLAUSE_DEPS = ("acl", "ccomp", "relcl", "appos")
# Named entity labels of a word before the noun that names who claims ("Russian", "US").
_CLAIMANT_ENTS = ("NORP", "GPE", "ORG", "PERSON")


@dataclass(frozen=True)
class ClaimNoun:
    """A claim noun with what it claims: ``content`` (token indices) is asserted by
    ``claimant`` (a token index, None when no one is named). ``rejecter`` is the subject
    of ``rejecting_verb`` when the claim is denied, rejected or dismissed."""

    noun: int
    claimant: int | None
    content: tuple[int, ...]
    rejecting_verb: int | None = None
    rejecter: int | None = None


class ClaimNounReader:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._event_words = frozenset(lexicon.verbs) | frozenset(lexicon.nouns)

    def read(self, doc: Doc) -> list[ClaimNoun]:
        found = []
        for noun in doc:
            if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in self.lexicon.claim_nouns:
                continue
            if _idiom(noun):
                continue
            content, of_claimant = self._content(noun)
            if not content:
                continue
            verb, rejecter = self._rejection(noun)
            claimant = self._claimant(noun, of_claimant)
            found.append(ClaimNoun(noun=noun.i, claimant=claimant, content=tuple(sorted(content)),
                                   rejecting_verb=verb.i if verb is not None else None,
                                   rejecter=rejecter.i if rejecter is not None else None))
        return found

    def _content(self, noun: Token) -> tuple[set[int], Token | None]:
        """The words the noun claims, and the object of an "of" that names the claimant
        instead ("the claims of the coalition that ...")."""
        content: set[int] = set()
        of_claimant = None
        for child in noun.children:
            if child.dep_ in _CLAUSE_DEPS and child.pos_ in ("VERB", "AUX") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
                content |= {t.i for t in child.subtree}  # "the claim that Russian aircraft had struck ..."
            elif child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                # "claims of a Russian strike", "accusations of having helped ISIS": an act;
                # "the claims of the coalition": who claims.
                if any(self._names_an_act(t) for o in objects for t in o.subtree):
                    content |= {t.i for t in child.subtree}
                elif objects:
                    of_claimant = objects[0]
        return content, of_claimant

    def _names_an_act(self, token: Token) -> bool:
        if token.pos_ in ("VERB", "AUX"):  # not a modifier: "the claims of the US-backed SDF"
            return token.dep_ not in ("amod", "compound") and token.lemma_.lower() in self.lexicon.verbs
        return token.pos_ == "NOUN" and token.lemma_.lower() in self.lexicon.nouns

    def _claimant(self, noun: Token, of_claimant: Token | None) -> int | None:
        for child in noun.children:
            if child.dep_ == "poss":
                return child.i  # "the coalition's claim", "its accusation"
        for child in noun.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj.i  # "claims by the Syrian Observatory that ..."
        if of_claimant is not None:
            return of_claimant.i
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i and _names_someone(child):
                return child.i  # "Russian accusations", "US claims"
        head = noun.head
        if noun.dep_ in ("dobj", "obj") and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in self.lexicon.claim_making_verbs:
            subjects = _subjects(head)  # "Moscow repeated its charge that ..." (its: Moscow's)
            return subjects[0].i if subjects else None
        return None

    def _rejection(self, noun: Token) -> tuple[Token | None, Token | None]:
        """The verb that denies, rejects or dismisses the claim, and its subject."""
        head = noun.head
        if noun.dep_ in ("dobj", "obj") and head.dep_ in ("advcl", "xcomp", "oprd") and any(
                c.dep_ == "mark" and c.lower_ == "as" for c in head.children):
            head = head.head  # "rejected as invented the coalition's claim"
        if noun.dep_ not in ("dobj", "obj", "nsubjpass") or head.pos_ != "VERB":
            return None, None
        if head.lemma_.lower() not in self.lexicon.denial_verbs:
            return None, None
        if noun.dep_ == "nsubjpass":  # "the allegations were rejected by the SDF"
            agents = [p for a in head.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            return head, agents[0] if agents else None
        subjects = _subjects(head)
        return head, subjects[0] if subjects else None


def rejected_claims(doc: Doc, claims: list[ClaimNoun], frames: dict[int, Frame],
                     found: list[EventCandidate], lexicon: Lexicon) -> list[EventCandidate]:
    """"The coalition denied Russian accusations that American helicopters had evacuated
    ISIS commanders": the coalition REJECTs Russia, and says the evacuation did not happen
    (Russia's claim that it did is read through the claim's frame)."""
    rejections = []
    for claim in claims:
        if claim.rejecting_verb is None or claim.rejecter is None:
            continue
        verb = doc[claim.rejecting_verb]
        rejecters = tuple(t.i for t in expand([doc[claim.rejecter]]))
        negated, hypothetical = is_negated(verb, lexicon), is_hypothetical(verb, lexicon)
        if claim.claimant is not None:
            rejections.append(EventCandidate(
                trigger=verb.i, type="REJECT", kind="event", how="claim", sources=rejecters,
                targets=tuple(t.i for t in expand([doc[claim.claimant]])), frame=frames.get(verb.i),
                negated=negated, hypothetical=hypothetical,
            ))
        if negated or hypothetical:
            continue  # "did not deny reports that ...", "is expected to dismiss the claim"
        content, cue = set(claim.content), doc[claim.noun].lemma_.lower()
        claimed = [c for c in found if c.trigger in content and c.frame is not None
                   and c.frame.speaker == claim.claimant and c.frame.cue == cue]
        for rejecter in rejecters:  # "Russia and Iran dismissed ...": each says it did not happen
            denial = Frame(speaker=rejecter, cue=verb.lemma_.lower(), denied=True)
            rejections += [replace(c, frame=denial) for c in claimed]
    return rejections


def responsible_party(act: Token, lexicon: Lexicon) -> Token | None:
    """Who an act is put on by a word of responsibility (``responsibility_words``): "ISIS
    claimed responsibility for the attack", "Russia has been responsible for the bombing",
    "the government denied responsibility for the attack", "the group's responsibility
    for the bombing". Whether it is claimed or denied is read as any report is."""
    if act.dep_ != "pobj" or act.head.lower_ != "for":
        return None
    word = act.head.head
    if word.lemma_.lower() not in lexicon.responsibility_words:
        return None
    owners = [c for c in word.children if c.dep_ == "poss"]
    if owners:
        return owners[0]
    if word.dep_ in ("acomp", "attr", "oprd", "dobj", "obj") and word.head.pos_ in ("VERB", "AUX"):
        subjects = _subjects(word.head)
        return subjects[0] if subjects else None
    return None


def _idiom(noun: Token) -> bool:
    """A bare singular noun is no claim: "in charge of the offensive", "took charge of the
    operation to attack ISIS". A claim has a determiner, a claimant or a plural: "the
    charge that", "Moscow's charge", "charges of"."""
    return noun.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "amod", "compound", "nmod") for c in noun.children)


def _names_someone(token: Token) -> bool:
    """A name or demonym ("Russian", "US", "Kremlin"), not a description ("false", "new")."""
    if token.pos_ == "PROPN" or token.ent_type_ in _CLAIMANT_ENTS:
        return True
    return token.is_title and token.i != token.sent.start and token.pos_ == "ADJ"


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject, or that of the verb it is coordinated with ("met and rejected")
    or whose infinitive it is ("is expected to dismiss", "vowed to refute")."""
    for depth in range(3):
        subjects = [c for c in verb.children if c.dep_ == "nsubj" or depth and c.dep_ == "nsubjpass"]
        if subjects or verb.dep_ not in ("conj", "xcomp"):
            return subjects
        verb = verb.head
    return []
