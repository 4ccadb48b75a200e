"""Who asserts each part of a Doc: reporting verbs, "according to", quotes.

``AttributionFinder.frames`` maps token indices to the innermost ``Frame`` they stand in:
the clause under "Konashenkov said ...", the clause that "according to the ministry"
modifies, the main clause around a parenthetical ", two defense officials said,", and the
words inside quotation marks, whose speaker may be named in the same sentence or in the
sentence just before or after the quote. Tokens in no frame are in the outlet's voice.

It marks speakers as token indices; which actor a speaker is, is resolved later.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon

if TYPE_CHECKING:  # claim_nouns builds Frames: no import at run time
    from .claim_nouns import ClaimNoun

# Each Doc's sentences, listed once (quotes look up their sentence by bisection).
_SENTENCES: WeakKeyDictionary = WeakKeyDictionary()
_QUOTE = re.compile(r"[\"“”]([^\"“”]{2,}?)[\"“”]", re.S)


@dataclass(frozen=True)
class Frame:
    """An attribution: ``speaker`` (a token index, None if unnamed) asserts the clause.
    Only a claim noun with no claimant named ("claims of a Russian strike") gives a frame
    with no speaker: an unnamed source asserts it."""

    speaker: int | None
    cue: str
    denied: bool = False
    quoted: bool = False


class AttributionFinder:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def frames(self, doc: Doc, claims: list[ClaimNoun] = ()) -> dict[int, Frame]:
        frames: dict[int, Frame] = {}
        reporting = [t for t in doc if self._is_reporting(t)]
        # Outer frames first, so a frame nested inside another ("X said Y claimed Z")
        # overwrites it for the words it covers.
        for verb in sorted(reporting, key=_depth):
            speaker = self._speaker(verb)
            if speaker is None:
                continue
            frame = Frame(speaker=speaker.i, cue=verb.lemma_.lower(), denied=verb.lemma_.lower() in self.lexicon.denial_verbs)
            for token in self._content(verb):
                frames[token.i] = frame
        for token in doc:
            if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
                source = next((p for to in token.children if to.lower_ == "to" for p in to.children if p.dep_ == "pobj"), None)
                if source is not None:
                    frame = Frame(speaker=source.i, cue="according to")
                    skip = set(t.i for t in token.subtree)
                    for t in token.head.subtree:
                        if t.i not in skip:
                            frames.setdefault(t.i, frame)
        self._quotes(doc, frames, reporting)
        self._headline_colons(doc, frames)
        self._claims(doc, frames, claims, reporting)
        return frames

    def _claims(self, doc: Doc, frames: dict[int, Frame], claims: list[ClaimNoun], reporting: list[Token]) -> None:
        """What a claim noun claims is its claimant's, whoever reports the sentence or
        quotes it ("These claims that we evacuated ISIS are lies," Mercer said), except a
        report nested inside the claim ("the claim that officials said ...")."""
        for claim in sorted(claims, key=lambda c: _depth(doc[c.noun])):
            content = set(claim.content)
            nested = {t.i for verb in reporting if verb.i in content for t in self._content(verb)}
            frame = Frame(speaker=claim.claimant, cue=doc[claim.noun].lemma_.lower())
            for index in content - nested:
                frames[index] = frame

    def _headline_colons(self, doc: Doc, frames: dict[int, Frame]) -> None:
        """"Moscow: coalition sheltering militants": the name before the colon says the rest."""
        for sentence in doc.sents:
            colon = next((t for t in sentence[:7] if t.text == ":"), None)
            if colon is None or colon.i == sentence.start:
                continue
            before = doc[sentence.start:colon.i]
            if any(t.pos_ in ("VERB", "AUX") for t in before):
                continue
            # A name ("Moscow:", "Russia:") or a source ("Military source:"), not a label
            # ("The issue:", "Update:").
            if not (before.root.pos_ == "PROPN" or before.root.lemma_.lower() in self.lexicon.colon_speakers):
                continue
            speaker = before.root
            frame = Frame(speaker=speaker.i, cue="headline colon")
            for token in doc[colon.i + 1:sentence.end]:
                frames.setdefault(token.i, frame)

    def _is_reporting(self, token: Token) -> bool:
        return token.pos_ == "VERB" and token.lemma_.lower() in self.lexicon.reporting_verbs

    def _speaker(self, verb: Token) -> Token | None:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects:
            return None
        subject = subjects[0]
        if subject.lower_ in ("it", "there", "this", "that"):
            return None  # "it is said", "this suggests": no one is named
        return subject

    def _content(self, verb: Token):
        """The words a reporting verb attributes to its subject."""
        clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.pos_ == "VERB")]
        # "accused the US of ferrying ISIS fighters": the "of" clause is the accusation.
        clauses += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "with")]
        for clause in clauses:
            yield from clause.subtree
        if verb.dep_ in ("parataxis", "advcl") and not clauses:
            # "The Russians, two defense officials said, could not be trusted" and
            # "ISIS lost the town, officials said": the clause around the verb.
            own = set(t.i for t in verb.subtree)
            for token in verb.head.subtree:
                if token.i not in own:
                    yield token
        elif verb.dep_ == "ROOT" and not clauses:
            # "ISIS was pushed back, the ministry said": spaCy may hang the main clause
            # as a sibling; take the rest of the sentence before the verb's subject.
            speaker_start = min(t.i for t in verb.subtree)
            for token in verb.sent:
                if token.i < speaker_start and token.dep_ != "punct":
                    yield token

    def _quotes(self, doc: Doc, frames: dict[int, Frame], reporting: list[Token]) -> None:
        """Words inside quotation marks belong to the speaker named next to the quote."""
        for match in _QUOTE.finditer(doc.text):
            span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
            if span is None:
                continue
            speaker = self._quote_speaker(doc, span, reporting)
            if speaker is None:
                continue
            frame = Frame(speaker=speaker.i, cue="quote", quoted=True)
            for token in span:
                existing = frames.get(token.i)
                # A frame inside the quote ("we know that they said ...") stays; the
                # quote's own speaker replaces only the outlet's voice or the frame of
                # the sentence around the quote.
                if existing is None or existing.speaker == speaker.i or not _inside(existing.speaker, span):
                    frames[token.i] = frame

    def _quote_speaker(self, doc: Doc, quote: Span, reporting: list[Token]) -> Token | None:
        # Found by bisection, not by scanning the Doc's sentences and verbs per quote,
        # so that a long article costs in proportion to its length.
        sentences = _SENTENCES.get(doc) or _SENTENCES.setdefault(doc, list(doc.sents))
        first = bisect_right(sentences, quote.start, key=lambda s: s.start) - 1
        last = bisect_left(sentences, quote.end, key=lambda s: s.end)
        # The same sentences first (outside the quote), then the one after, then the one before.
        for index in [*range(first, last + 1), last + 1, first - 1]:
            if not 0 <= index < len(sentences):
                continue
            sentence = sentences[index]
            after = bisect_left(reporting, sentence.start, key=lambda t: t.i)
            for verb in (reporting[k] for k in range(after, len(reporting))):
                if verb.i >= sentence.end:
                    break
                if not (quote.start <= verb.i < quote.end):
                    speaker = self._speaker(verb)
                    if speaker is not None and not (quote.start <= speaker.i < quote.end):
                        return speaker
        return None


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _inside(index: int | None, span: Span) -> bool:
    return index is not None and span.start <= index < span.end
