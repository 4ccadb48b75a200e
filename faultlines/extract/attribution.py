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

from .cues import actor_cues
from .lexicon import Lexicon
from .report_shapes import ReportShapes, ShapedReport

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
    # The speaker's whole phrase (tokens start..end-1) when it was read by its shape
    # ("... killing 22 a monitor said"): none of its words is a party to what it reports.
    speaker_start: int | None = None
    speaker_end: int | None = None
    report_end: int | None = None  # the end of the whole reporting clause ("... told AFP on Monday")


class AttributionFinder:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        cues = actor_cues()
        # Nouns that describe a speaker: "observatory director Rami ...", "an official from ..."
        self.shapes = ReportShapes(lexicon, cues.role_nouns | cues.anonymous_heads, lexicon.colon_speakers)
        self._final: dict[int, ShapedReport] = {}
        self.participle_subjects: dict[int, int] = {}  # of the Doc last read by ``frames``

    def frames(self, doc: Doc, claims: list[ClaimNoun] = ()) -> dict[int, Frame]:
        frames: dict[int, Frame] = {}
        shaped = self.shapes.find(doc)
        # A sentence-final report ("... killing 22 a monitor said") is the outermost frame
        # of its sentence; the parse of its verb is not trusted.
        self._final = {r.verb: r for r in shaped if r.verb is not None}
        # Who does what a participle after a final report says ("... the Observatory said
        # blaming the attack on forces loyal to Assad"): the speaker, whatever the parse.
        self.participle_subjects = {r.participle: r.speaker for r in self._final.values() if r.participle is not None}
        for report in self._final.values():
            frame = _shaped_frame(report, denied=report.cue in self.lexicon.denial_verbs)
            for index in report.content:
                frames[index] = frame
        reporting = [t for t in doc if self._is_reporting(t)]
        # Outer frames first, so a frame nested inside another ("X said Y claimed Z")
        # overwrites it for the words it covers.
        for verb in sorted(reporting, key=_depth):
            if verb.i in self._final:
                continue
            speaker = self._speaker(verb)
            if speaker is None:
                continue
            frame = Frame(speaker=speaker.i, cue=verb.lemma_.lower(), denied=verb.lemma_.lower() in self.lexicon.denial_verbs)
            for token in self._content(verb):
                frames[token.i] = frame
        # "according to X", "as reported by X", "citing X": the rest of the sentence,
        # unless a reporting verb already says whose it is.
        for report in shaped:
            if report.verb is None:
                frame = _shaped_frame(report)
                for index in report.content:
                    frames.setdefault(index, frame)
        self._quotes(doc, frames, reporting)
        self._headline_colons(doc, frames)
        self._claims(doc, frames, claims, reporting)
        self._unnamed(doc, frames, reporting)
        return frames

    def _unnamed(self, doc: Doc, frames: dict[int, Frame], reporting: list[Token]) -> None:
        """Words the writer passes on as someone's word without naming anyone: a passive
        report ("the strike is believed to have been carried out by Russian jets", "it was
        reported that ..."; "by X" names X) and a hearsay hedge ("Russian jets reportedly
        bombed the town", "a suspected coalition strike", "killed by suspected ISIS
        militants"). Only where no one else is said to assert them: in "the Observatory
        said the strike was believed to ..." the Observatory speaks."""
        for verb in reporting:
            if verb.i in self._final or not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
                continue
            clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
            if not clauses:
                continue
            agent = next((p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
            frame = Frame(speaker=agent.i if agent is not None else None, cue=verb.lemma_.lower())
            for clause in clauses:
                for token in clause.subtree:
                    frames.setdefault(token.i, frame)
        for hedge in doc:
            if hedge.lower_ not in self.lexicon.hearsay_hedges or hedge.dep_ not in ("advmod", "amod", "acomp", "npadvmod"):
                continue
            frame = Frame(speaker=None, cue=hedge.lower_)
            for token in _hedged(hedge):
                frames.setdefault(token.i, frame)

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
        if verb.i in self._final:
            return verb.doc[self._final[verb.i].speaker]
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
        # "claimed (denied) responsibility for the attack": the act it is responsible for.
        clauses += [p for c in verb.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.lexicon.responsibility_words
                    for p in c.children if p.dep_ == "prep" and p.lower_ == "for"]
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


def _hedged(hedge: Token) -> list[Token]:
    """What a hearsay hedge leaves unasserted: the clause of the verb it modifies
    ("reportedly bombed the town, killing 20"), or the noun it modifies ("a suspected
    strike") with the verb of which that noun is the actor ("suspected militants attacked
    ...", "killed by suspected militants")."""
    head = hedge.head
    if hedge.dep_ in ("advmod", "npadvmod") and head.pos_ in ("VERB", "AUX"):
        return list(head.subtree)
    if head.pos_ in ("NOUN", "PROPN"):
        hedged = [head]
        if head.dep_ in ("nsubj", "nsubjpass"):
            hedged.append(head.head)
        elif head.dep_ == "pobj" and head.head.dep_ == "agent":
            hedged.append(head.head.head)
        return hedged
    return []


def _shaped_frame(report: ShapedReport, denied: bool = False) -> Frame:
    return Frame(speaker=report.speaker, cue=report.cue, denied=denied,
                 speaker_start=report.start, speaker_end=report.end, report_end=report.report_end)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _inside(index: int | None, span: Span) -> bool:
    return index is not None and span.start <= index < span.end
