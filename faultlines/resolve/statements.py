"""Turn event candidates into statements: actors at both ends, who asserts it, status,
date and place, resolved against the article.

A candidate becomes statements only when both its source and its target resolve to
actors (coordinated arguments give one statement per pair). The asserter is the speaker
of the candidate's attribution frame, else the author when the sentence is in the
writer's own voice (first person, evaluative words), else the outlet. Status is
hypothetical > negated > opinion > fact: a hypothetical is never stored as a fact.
Roles the text gives people ("SDF commander X") become MEMBER_OF statements.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime
from weakref import WeakKeyDictionary

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span, Token

from ..extract.attribution import Frame
from ..extract.cues import ActorCues, actor_cues
from ..extract.lexicon import FORMER_TIE, Lexicon
from ..extract.candidates import EventCandidate, events_of
from ..statement_types import type_table
from ..values import Actor, Article, Attribution, Statement
from .catalogue import Catalogue, normalize_name
from .mentions import ActorsFound
from .places import is_place

EXTRACTOR = "faultlines-rules-1"
_SYMMETRIC = type_table().names(symmetric=True)
UNKNOWN_SOURCE = Actor(id="anon:unknown", name="anonymous source", kind="anonymous")
_DATE_PARSER = DateDataParser(
    languages=["en"],
    settings={"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
)
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_NOT_DATES = re.compile(r"^(?:the )?(?:years?|months?|weeks?|days?|decades?|\d+ (?:years?|months?|days?) old)$", re.I)


@dataclass(frozen=True)
class StatementsFound:
    statements: tuple[Statement, ...]
    actors: tuple[Actor, ...]  # actors the statements need that the mentions did not bring (outlet)


def outlet_actor(name: str | None, catalogue: Catalogue) -> Actor | None:
    """The outlet as an actor: its catalogue entry when it has one ("Reuters")."""
    if not name:
        return None
    for actor in catalogue.lookup(name):
        if actor.kind == "media outlet":
            return actor
    return Actor(id=f"outlet:{normalize_name(name).replace(' ', '-')}", name=name, kind="media outlet")


class StatementResolver:
    def __init__(self, catalogue: Catalogue, lexicon: Lexicon, cues: ActorCues | None = None):
        self.catalogue = catalogue
        self.lexicon = lexicon
        cues = cues or actor_cues()
        self.possessed_nouns = (
            cues.military_nouns | cues.possessed_forces | cues.possessed_government
            | cues.anonymous_heads | {"official", "fighter", "militant", "man", "government", "leader", "commander"}
        )
        # Hyphenated participles whose name is another party: "US-backed fighters", "Iranian-built drones".
        self.tie_participles = frozenset(lexicon.compounds) | lexicon.origin_participles

    def resolve(self, doc: Doc, article: Article, found: ActorsFound, *, one_sided: bool = False) -> StatementsFound:
        """Statements of a Doc; with ``one_sided``, also events with only one known end."""
        index = _MentionIndex(doc, found, self.possessed_nouns, self.lexicon.first_person, self.tie_participles)
        outlet = outlet_actor(article.outlet, self.catalogue)
        sentences = list(doc.sents)
        statements: list[Statement] = []
        for candidate in events_of(doc):
            statements += self._from_candidate(doc, candidate, article, index, outlet, sentences, one_sided)
        statements += self._from_roles(found, article, outlet, sentences)
        extra = [outlet] if outlet else []
        if any(s.attribution.actor_id == UNKNOWN_SOURCE.id for s in statements):
            extra.append(UNKNOWN_SOURCE)
        return StatementsFound(statements=tuple(_unique(statements)), actors=tuple(extra))

    def _from_candidate(self, doc, candidate: EventCandidate, article, index, outlet, sentences,
                        one_sided: bool = False) -> list[Statement]:
        index.speaker_side = self._speaker_side(doc, candidate.frame, index, article)
        # The words that name who reports it are no party to it: "... struck Idlib the
        # Dogan news agency reported" (the parser hangs the agency on Idlib).
        frame = candidate.frame
        index.silenced = frozenset(range(frame.speaker_start, frame.report_end or frame.speaker_end)) \
            if frame is not None and frame.speaker_start is not None else frozenset()
        # Unnamed officials who act ("a top U.S. official praised Haiti") act for their
        # side; an unnamed source of no known side acts for no one.
        # People found as victims ("two children were killed") are never who acts.
        sources = _distinct(self._acting_for(a) for i in candidate.sources if not index.victim(doc[i])
                            for a in index.actors_for(doc[i]))
        if not sources:
            sources = _distinct(self._acting_for(a) for i in candidate.fallback_sources if not index.victim(doc[i])
                                for a in index.actors_for(doc[i]))
        source_ids = {a.id for a in sources}
        targets = []
        # Targets by tier: the trigger's own arguments, then the fallbacks, then either
        # read loosely ("praised Haiti's efforts" -> Haiti, "an investigation into crimes
        # by Croat forces" -> Croatia).
        # Not read as targets: a phrase the act did not reach ("instead of the official"),
        # and a responsibility ("denied responsibility for the attack on the rebels" rejects
        # no one: it denies the attack, read with the attack).
        contrasted = {i for i in candidate.targets + candidate.fallback_targets
                      if self._contrasted(doc[i]) or doc[i].lemma_.lower() in self.lexicon.responsibility_words}
        for tier, loose in ((candidate.targets, False), (candidate.fallback_targets, False),
                            (candidate.targets + candidate.fallback_targets, True)):
            tier = tuple(i for i in tier if i not in contrasted)
            # An unnamed official acted upon stands for the side ("expelled two Russian
            # diplomats" -> Russia); one of no known side is no target.
            targets = _distinct(self._acting_for(a) for a in (index.actor_for(doc[i], loose=loose) for i in tier) if a)
            targets = [a for a in targets if a.id not in source_ids]
            if targets:
                break
        # Coordinated subjects ("Russia and Iran back ...") each act; several actors read
        # out of one phrase's modifiers act together, as the first of them.
        coordinated = {a.id for i in candidate.sources for a in index.coordinated_owners(doc[i])}
        acting = sources if candidate.kind == "relation" or len(candidate.sources) > 1 else (
            sources[:1] + [a for a in sources[1:] if a.id in coordinated])
        pairs = [(s, t) for s in acting for t in targets]
        if not targets and len(sources) > 1 and (candidate.symmetric or candidate.type in _SYMMETRIC):
            # "Hungarian and Romanian officials agreed", "U.S. and Russian negotiators ... talks"
            pairs = [(sources[0], other) for other in sources[1:]]
        pairs = [(s, t) for s, t in pairs if self._distinct_parties(s, t, candidate.type)]
        if not pairs and one_sided and candidate.kind == "event" and not candidate.symmetric:
            # A commitment is its maker's: no statement without who makes it.
            pairs = self._one_sided(acting, [] if candidate.how == "commitment" else targets)
        index.silenced = frozenset()
        if not pairs:
            return []
        trigger = doc[candidate.trigger]
        sentence = trigger.sent
        attribution = self._attribution(doc, candidate.frame, sentence, index, outlet, article)
        status = self._status(candidate, attribution, sentence)
        # A plan or possibility points forward: "is scheduled to meet Thursday". A file's
        # modification time is no base for "last Friday": then only dates with a year count.
        base = article.published if article.reliably_dated else None
        when, granularity = _date_near(sentence, trigger, base, future=status == "hypothetical")
        if when and not _plausible(when, base):
            when, granularity = None, None  # "70+ wounded" is no year 1970
        place = _place_near(sentence, trigger, index)
        number = bisect_right(sentences, trigger.i, key=lambda s: s.start) - 1  # not a scan: long articles
        start, end = _evidence(sentence)
        return [
            Statement(
                kind=candidate.kind, type=candidate.type, source_actor_id=s.id if s else None,
                target_actor_id=t.id if t else None,
                attribution=attribution, status=status, sentence_index=number,
                start=start, end=end, date=when, date_granularity=granularity,
                place=place, extractor=f"{EXTRACTOR}:{candidate.how}:{trigger.lemma_.lower()}",
            )
            for s, t in pairs
        ]

    def _contrasted(self, token: Token) -> bool:
        """A coordinated phrase the act did not reach: "killed an agent instead of the ISIS
        official", "struck the town, not the rebels" (``contrastive_phrases``)."""
        if token.dep_ != "conj":
            return False
        start = token.left_edge.i
        doc = token.doc
        for phrase in self.lexicon.contrastive_phrases:
            before = doc[max(0, start - len(phrase)):start]
            if len(before) == len(phrase) and tuple(t.lower_ for t in before) == phrase:
                return True
        return False

    def _one_sided(self, sources: list[Actor], targets: list[Actor]) -> list[tuple[Actor | None, Actor | None]]:
        """An event with one known end: its actors as source ("thousands of Kurds
        demonstrated", "Britain mobilized its reservists": no target but itself), else,
        when no source is an actor, as target ("a roadside bomb killed two U.S. soldiers")."""
        if sources:
            return [(s, None) for s in sources]
        return [(None, t) for t in targets if t.kind != "anonymous"]

    def _acting_for(self, actor: Actor) -> Actor | None:
        if actor.kind == "media outlet":
            return None  # an outlet reports events ("AFP", "Sputnik" in a byline); it is no party to them
        if actor.kind != "anonymous":
            return actor
        return self.catalogue.get(actor.parent) if actor.parent else None

    def _distinct_parties(self, source: Actor, target: Actor, type_: str) -> bool:
        """Two sides, not one: no statement between an actor and its own parent or body
        ("the US government agreed with the United States"), and an unnamed source
        is never acted upon."""
        if target.kind == "anonymous":
            return False
        return not ({source.id} | self._family(source)) & ({target.id} | self._family(target)) or type_ == "MEMBER_OF" and source.id != target.id

    def _family(self, actor: Actor) -> set[str]:
        """The state an actor belongs to (or stands for, for an anonymous source), as a set."""
        actor_id = actor.parent if actor.kind == "anonymous" and actor.parent else actor.id
        if actor_id not in self.catalogue:
            return set()
        chain = [self.catalogue.get(actor_id)] + self.catalogue.ancestors(actor_id)
        return {a.id for a in chain if a.kind == "state"}

    def _speaker_side(self, doc, frame: Frame | None, index, article) -> Actor | None:
        """Whom "we", "us" and "our" stand for in a speaker's words: the speaker's organisation
        when the article or the catalogue gives one ("SDF spokeswoman Hevin Sidar"), else
        the speaker."""
        if frame is None or frame.speaker is None or _first_person(doc[frame.speaker], self.lexicon.first_person):
            return None
        speaker = index.actor_for(doc[frame.speaker])
        if speaker is None or speaker.kind != "person":
            return speaker
        for role in index.roles:
            if role.person_id == speaker.id:
                return index.actors.get(role.member_of) or speaker
        if speaker.id in self.catalogue:
            for role in self.catalogue.roles(speaker.id, article.published):
                return self.catalogue.get(role.member_of) or speaker
        return speaker

    def _attribution(self, doc, frame: Frame | None, sentence: Span, index, outlet, article) -> Attribution:
        if frame is not None and frame.speaker is not None and _first_person(doc[frame.speaker], self.lexicon.first_person) and not frame.quoted:
            # "I think ...", "We believe ..." outside quotes: the writer speaks.
            return Attribution(kind="author", actor_id=outlet.id if outlet else None,
                               name=article.author or (outlet.name if outlet else None), cue=frame.cue)
        if frame is not None and frame.speaker is None:
            # "claims of a Russian strike on the SDF": someone claims it, no one is named.
            return Attribution(kind="anonymous", actor_id=UNKNOWN_SOURCE.id, name=None, cue=frame.cue)
        if frame is not None and frame.speaker is not None:
            speaker = index.actor_for(doc[frame.speaker])
            if speaker is None or speaker.kind == "anonymous" and not speaker.parent:
                # "an official from Hezbollah said": an unnamed source of no known side
                # speaks for the body its phrase names.
                speaker = self._named_in_speaker(doc, frame, index) or speaker
            cue = frame.cue
            if speaker is None:
                words = " ".join(t.text for t in doc[frame.speaker].subtree if t.i <= frame.speaker)
                return Attribution(kind="anonymous", actor_id=UNKNOWN_SOURCE.id, name=words, cue=cue)
            kind = {"person": "person", "anonymous": "anonymous"}.get(speaker.kind, "organization")
            return Attribution(kind=kind, actor_id=speaker.id, name=speaker.name, cue=cue)
        if self._in_author_voice(sentence):
            return Attribution(kind="author", actor_id=outlet.id if outlet else None, name=article.author or (outlet.name if outlet else None), cue="first person")
        return Attribution(kind="outlet", actor_id=outlet.id if outlet else None, name=outlet.name if outlet else None)

    def _named_in_speaker(self, doc, frame: Frame, index) -> Actor | None:
        """A person or body named inside a speaker's phrase whose head names no one:
        "Pathologist at the Aleppo University Hashim told reporters", "a spokesman for the
        Homs Media Centre said", "an official from the forces said". A person first."""
        head = doc[frame.speaker]
        if frame.speaker_start is not None:
            words = doc[frame.speaker_start:frame.speaker_end]
        else:
            words = [t for t in head.subtree if t.i < head.head.i or head.head.i == head.i]
        found = [a for a in (index.actor_for(t) for t in words if index.covers(t))
                 if a is not None and (a.kind != "anonymous" or a.parent)]
        people = [a for a in found if a.kind == "person"]
        return (people or found or [None])[0]

    def _in_author_voice(self, sentence: Span) -> bool:
        unquoted = _unquoted_words(sentence)
        return bool(unquoted & self.lexicon.first_person) or bool(unquoted & self.lexicon.evaluative_words)

    def _status(self, candidate: EventCandidate, attribution: Attribution, sentence: Span) -> str:
        if candidate.hypothetical:
            return "hypothetical"
        denied = candidate.frame is not None and candidate.frame.denied
        if candidate.negated != denied:  # a denial of a negation asserts the act
            return "negated"
        if attribution.kind == "author" and _unquoted_words(sentence) & self.lexicon.evaluative_words:
            return "opinion"
        return "fact"

    def _from_roles(self, found: ActorsFound, article, outlet, sentences) -> list[Statement]:
        found_statements = []
        for role in found.roles:
            if role.sentence_index >= len(sentences):
                continue
            sentence = sentences[role.sentence_index]
            start, end = _evidence(sentence)
            found_statements.append(Statement(
                kind="relation", type="MEMBER_OF", source_actor_id=role.person_id, target_actor_id=role.member_of,
                attribution=Attribution(kind="outlet", actor_id=outlet.id if outlet else None, name=outlet.name if outlet else None),
                status="fact", sentence_index=role.sentence_index, start=start, end=end,
                date=article.published if article.reliably_dated else None,
                date_granularity="day" if article.reliably_dated else None,
                extractor=f"{EXTRACTOR}:role:{role.role}" + (FORMER_TIE if role.former else ""),
            ))
        return found_statements


class _MentionIndex:
    """Which actor a token stands for, through the mentions resolved in its Doc."""

    def __init__(self, doc: Doc, found: ActorsFound, possessed_nouns: frozenset[str], first_person: frozenset[str],
                 tie_participles: frozenset[str] = frozenset()):
        self.possessed_nouns = possessed_nouns
        self.first_person = first_person
        # "US-backed fighters" are not the US: the name in a hyphenated tie names the other end.
        self.tie_participles = tie_participles
        self.roles = found.roles
        self.speaker_side: Actor | None = None  # set per candidate: whom "we" means there
        self.silenced: frozenset[int] = frozenset()  # set per candidate: the speaker's words
        self._descriptions: dict[str, list[tuple[int, Actor]]] | None = None
        self._describing = False  # building the table above: do not look it up meanwhile
        self.actors = {a.id: a for a in found.actors}
        self.by_token: dict[int, str] = {}
        self.victims = {doc.char_span(m.start, m.end, alignment_mode="expand").root.i
                        for m in found.mentions if m.how == "civilians"}
        # The narrowest mention of a token names it: in "the army of Bashar al-Assad",
        # "army" is the army's and "Assad" is Assad's.
        for mention in sorted(found.mentions, key=lambda m: m.start - m.end):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    self.by_token[token.i] = mention.actor_id

    def actors_for(self, token: Token) -> list[Actor]:
        """The actor a phrase stands for, or each of several it names by coordinated
        modifiers ("Hungarian and Romanian officials", "U.S. and Russian negotiators")."""
        actor = self.actor_for(token)
        if token.i in self.by_token or actor is None:
            return [actor] if actor else []
        found = [actor]
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
                for conj in child.subtree:
                    if conj.dep_ == "conj" and conj.i in self.by_token:
                        found.append(self.actors[self.by_token[conj.i]])
        found += self.coordinated_owners(token)
        return _distinct(found)

    def coordinated_owners(self, token: Token) -> list[Actor]:
        """The owners after the first in "the air forces of Syria and its Russian ally":
        each of them acts, as coordinated subjects do."""
        if token.i in self.by_token:
            return []
        found = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    found += [a for a in (self.actor_for(c, 1) for c in pobj.conjuncts if c.i > pobj.i) if a]
        return found

    def actor_for(self, token: Token, depth: int = 0, loose: bool = False) -> Actor | None:
        if token.i in self.silenced:
            return None
        if token.lower_ in self.first_person and token.pos_ == "PRON":
            return self.speaker_side  # "we look to the Russians", "struck our positions"
        if token.i in self.by_token:
            return self.actors.get(self.by_token[token.i])
        if depth > 2:
            return None
        if loose:
            found = self._loosely(token, depth)
            if found is not None:
                return found
        # "ISIS fighters", "its Hezbollah allies", "American officials": a name inside the
        # phrase. A possessor names the phrase only for forces and officials ("Assad's
        # army", "its jets"), not for what it owns or faces ("the regime's opponents").
        for dep in ("compound", "amod", "nmod", "npadvmod", "poss"):
            if dep == "poss" and token.lemma_.lower() not in self.possessed_nouns and not any(
                    c.dep_ == "poss" and _first_person(c, self.first_person) for c in token.children):
                continue
            for child in token.children:
                if child.dep_ == dep and child.i < token.i and child.lower_ not in self.tie_participles:
                    actor = self.actor_for(child, depth + 1)
                    if actor is not None:
                        return actor
        # "fighters of ISIS", "the army of Bashar al-Assad", "forces loyal to Assad".
        for child in token.children:
            if child.dep_ in ("prep", "amod") and child.lower_ in ("of", "from", "loyal"):
                for grandchild in child.subtree:
                    if grandchild.dep_ == "pobj":
                        actor = self.actor_for(grandchild, depth + 1)
                        if actor is not None:
                            return actor
        for child in token.children:
            if child.dep_ == "appos":
                actor = self.actor_for(child, depth + 1)
                if actor is not None:
                    return actor
        if depth == 0 and not self._describing:
            return self._described_earlier(token)
        return None

    def _described_earlier(self, token: Token) -> Actor | None:
        """"the convoy" after "a convoy of ISIS fighters": the actor of the earlier phrase
        with the same head noun, when the text refers back with a definite article."""
        if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            return None
        if self._descriptions is None:
            self._descriptions, self._describing = {}, True
            for other in token.doc:
                if other.pos_ in ("NOUN", "PROPN") and other.i not in self.by_token:
                    actor = self.actor_for(other)
                    if actor is not None:
                        self._descriptions.setdefault(other.lemma_.lower(), []).append((other.i, actor))
            self._describing = False
        earlier = [actor for i, actor in self._descriptions.get(token.lemma_.lower(), []) if i < token.i]
        return earlier[-1] if earlier else None

    def _loosely(self, token: Token, depth: int) -> Actor | None:
        """A target read through what it belongs to or concerns: "Haiti's efforts",
        "the extension of the mandate for the force in Lebanon", "crimes committed by Croat forces"."""
        for child in token.children:
            if child.dep_ == "poss" and token.lemma_.lower() not in _OPPOSITES:
                actor = self.actor_for(child, depth + 1)
                if actor is not None:
                    return actor
        for child in token.children:
            # Not "in": "targets in Syria" names a place, not whom the act concerns.
            if child.dep_ in ("prep", "agent") and child.lower_ in ("of", "for", "on", "against", "by", "into", "to", "with"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actor = self.actor_for(pobj, depth + 1, loose=True)
                        if actor is not None:
                            return actor
            if child.dep_ in ("acl", "relcl"):
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            actor = self.actor_for(pobj, depth + 1)
                            if actor is not None:
                                return actor
        return None

    def victim(self, token: Token) -> bool:
        """Whether the token is people the recogniser found as victims ("two children were killed")."""
        return token.i in self.victims

    def covers(self, token: Token) -> bool:
        return token.i in self.by_token


def _first_person(token: Token, first_person: frozenset[str]) -> bool:
    """"we", "our"; not "US" (the United States), whose lower case is "us"."""
    return token.lower_ in first_person and (token.pos_ == "PRON" or token.text.islower())


def _plausible(when: str, base: str | None) -> bool:
    """A year between 1900 and a year after the article (or today): not a casualty count."""
    year = int(when[:4])
    latest = int(base[:4]) + 1 if base else datetime.now().year + 1
    return 1900 <= year <= latest


def _evidence(sentence: Span) -> tuple[int, int]:
    """Character offsets of a sentence without the blank lines around it."""
    text = sentence.text
    start = sentence.start_char + len(text) - len(text.lstrip())
    return start, start + len(text.strip())


def _unquoted_words(sentence: Span) -> set[str]:
    """Lower-cased words outside quotation marks; pronouns only as pronouns ("US" is no "us")."""
    words, inside = set(), False
    for token in sentence:
        if token.text in ('"', "“", "”"):
            inside = not inside if token.text == '"' else token.text == "“"
            continue
        if not inside and (token.pos_ == "PRON" or token.lower_ != token.text.lower() or not token.text.isupper()):
            words.add(token.lower_)
    return words


def _date_near(sentence: Span, trigger: Token, published: str | None, future: bool = False) -> tuple[str | None, str | None]:
    """The date the sentence gives, resolved against the article's date, with its granularity."""
    dates = [e for e in _sentence_ents(sentence) if e.label_ == "DATE" and not _NOT_DATES.match(e.text.strip())
             and (published or re.search(r"\b(1[89]|20)\d\d\b", e.text)) and not _a_count(e)]
    if not dates:
        return None, None
    nearest = min(dates, key=lambda e: abs(e.root.i - trigger.i))
    # Only a date inside the hypothetical clause points forward: in "Britain said on
    # Wednesday it would act", Wednesday is when it said so.
    future = future and nearest.root.i in {t.i for t in trigger.subtree}
    settings = {}
    if published:
        try:
            settings["RELATIVE_BASE"] = datetime.fromisoformat(published[:10])
        except ValueError:
            pass
    parser = _DATE_PARSER if not settings and not future else DateDataParser(
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "future" if future else "past", **settings},
    )
    data = parser.get_date_data(nearest.text)
    if data is None or data.date_obj is None:
        return None, None
    granularity = data.period or "day"
    value = data.date_obj.date()
    base = settings.get("RELATIVE_BASE")
    if base is not None and (base.date() - value).days == 7 and nearest.text.strip().lower().lstrip("on ").rstrip("s") in _WEEKDAYS:
        # "on Tuesday" in an article of a Tuesday is that day, not a week before.
        value = base.date()
    if granularity == "year":
        return f"{value.year:04d}", "year"
    if granularity == "month":
        return f"{value.year:04d}-{value.month:02d}", "month"
    return value.isoformat(), granularity


def _a_count(entity: Span) -> bool:
    """A bare number the tagger took for a year that counts something: "killed 1942
    people" (it modifies a common noun), "the toll rose to 2016", "killing 1942" (an
    object). A year stands after a preposition or in a date ("in 2013", "Jul 30 2015")."""
    if not all(t.like_num or t.is_punct for t in entity):
        return False
    root = entity.root
    if root.dep_ == "nummod":
        return root.head.pos_ == "NOUN"  # "1942 rebels"; not "Jul 30 2015" (a month's day)
    if root.dep_ == "pobj":
        return root.head.lower_ in ("to", "at")  # "rose to 2016", not "in 2016"
    return root.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "attr", "appos", "conj")


# Each Doc's entities by the first token of their sentence, built once per Doc: reading
# ``sentence.ents`` scans all the Doc's entities, once per event, which made the cost of an
# article grow with the square of its length.
_ENTS_BY_SENTENCE: WeakKeyDictionary = WeakKeyDictionary()


def _sentence_ents(sentence: Span) -> list[Span]:
    """``sentence.ents`` (the entities wholly inside it), from a per-Doc index."""
    doc = sentence.doc
    by_start = _ENTS_BY_SENTENCE.get(doc)
    if by_start is None:
        by_start, ents, i = {}, doc.ents, 0
        for sent in doc.sents:
            while i < len(ents) and ents[i].start < sent.start:
                i += 1
            inside = []
            by_start[sent.start] = (sent.end, inside)
            while i < len(ents) and ents[i].end <= sent.end:
                inside.append(ents[i])
                i += 1
        _ENTS_BY_SENTENCE[doc] = by_start
    end, found = by_start.get(sentence.start, (None, None))
    return found if end == sentence.end else list(sentence.ents)


def _place_near(sentence: Span, trigger: Token, index: _MentionIndex) -> str | None:
    places = [
        e for e in _sentence_ents(sentence)
        if (e.label_ in ("GPE", "LOC", "FAC") or is_place(e.text)) and not any(index.covers(t) for t in e)
        and not e.root.like_num and e.text[:1].isupper()  # "One", "two" are no places
    ]
    if not places:
        return None
    nearest = min(places, key=lambda e: abs(e.root.i - trigger.i))
    # The small model often cuts "Deir ez-Zor" to "Deir": extend while still a place name.
    doc, end, best = sentence.doc, nearest.end, nearest.text
    for extra in range(1, 4):
        added = doc[end + extra - 1] if end + extra <= sentence.end else None
        if added is None or added.is_space or added.is_punct and added.text != "-":
            break
        longer = doc[nearest.start:end + extra].text
        if is_place(longer):
            best = longer
    return best


_OPPOSITES = {"opponent", "enemy", "rival", "foe", "victim", "critic", "adversary"}


def _distinct(actors) -> list[Actor]:
    return list({a.id: a for a in actors if a is not None}.values())


def _unique(statements: list[Statement]) -> list[Statement]:
    """One statement per (type, source, target, sentence, asserter, status)."""
    seen, kept = set(), []
    for s in statements:
        key = (s.type, s.source_actor_id, s.target_actor_id, s.sentence_index, s.attribution.actor_id, s.status)
        if key not in seen:
            seen.add(key)
            kept.append(s)
    return kept
