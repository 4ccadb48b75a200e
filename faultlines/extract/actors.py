"""The ``faultlines_actors`` spaCy component: find the spans of a Doc that may name actors.

It marks candidates in ``doc.spans["faultlines_actors"]``, each labelled with how it was
found:

- ``catalogue``: the longest run of tokens that is a name in the actor catalogue ("the
  U.S.-led coalition", "Jabhat al-Nusra", "Russia's defense ministry");
- ``demonym``: a demonym the catalogue knows ("American" airstrikes, "Russian"-backed);
- ``person`` / ``organization``: a PERSON or ORG entity of the statistical NER that the
  catalogue does not cover, with ranks and titles cut off ("Major-General Igor
  Konashenkov" -> "Igor Konashenkov");
- ``anonymous``: an unnamed source ("two defense officials", "a U.S. official");
- ``civilians``: people who are nobody's party, counted or acted upon ("two children were
  killed", "dozens of people");
- ``pronoun`` / ``group_pronoun`` / ``anaphor``: "he", "its", "the group", to be linked
  to an earlier mention.

It only matches. Which actor a span names (that depends on the article's date), roles,
and links between mentions are decided in ``faultlines.resolve.mentions``.
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resolve.catalogue import Catalogue, load_catalogue, normalize_name, spelling_key
from ..resolve.places import is_place
from .cues import ActorCues, actor_cues

SPAN_KEY = "faultlines_actors"
# Two capitalised words written as one, as in a handle or text that lost its spaces
# ("CharlesLister", "ArabKurdish"); "McGurk", "MacDonald", "DeMistura" have a short prefix.
_JOINED_WORDS = re.compile(r"^[A-Z][a-z]{3,}[A-Z][a-z]{2,}$")
# A name in running text is at most this many tokens ("Islamic State of Iraq and the
# Levant" is 8; punctuation tokens count too).
_MAX_TOKENS = 12


@Language.factory(
    "faultlines_actors",
    default_config={"catalogue_files": []},
)
def make_actor_finder(nlp: Language, name: str, catalogue_files: list[str]) -> "ActorFinder":
    """spaCy factory: ``nlp.add_pipe("faultlines_actors", config={"catalogue_files": [...]})``."""
    return ActorFinder(load_catalogue(catalogue_files))


class ActorFinder:
    """Marks candidate actor spans; see the module docstring for the labels."""

    def __init__(self, catalogue: Catalogue, cues: ActorCues | None = None):
        self.catalogue = catalogue
        self.cues = cues or actor_cues()
        self.keys: dict[str, list] = {}
        self.first_words: set[str] = set()
        for alias in catalogue.aliases():
            self.keys.setdefault(alias.key, []).append(alias)
            self.first_words.add(alias.key.split(" ", 1)[0])
        # Another spelling of a name ("Rami Abdel Rahman" for "Rami Abdulrahman") is looked
        # up only from a word that begins a spelling key: few words do, so it costs little.
        self.spelling_first_words = {spelling_key(alias.text).split(" ", 1)[0] for alias in catalogue.aliases()}
        # "coalition", "ministry", "monitor": one-word heads of the anaphors ("the coalition").
        self._anaphor_heads = frozenset(key.split()[-1] for key in self.cues.group_anaphors if len(key.split()) == 2)

    def __call__(self, doc: Doc) -> Doc:
        names = filter_spans(self._catalogue_names(doc))
        taken = {i for span in names for i in range(span.start, span.end)}
        found = list(names)
        found += self._entities(doc, taken)
        found += self._civilians(doc, taken)
        found += self._anonymous_sources(doc, taken)
        found += self._references(doc, taken)
        doc.spans[SPAN_KEY] = sorted(found, key=lambda s: (s.start, -s.end))
        return doc

    # -- finders ----------------------------------------------------------------------

    def _catalogue_names(self, doc: Doc) -> Iterable[Span]:
        for i, token in enumerate(doc):
            word = normalize_name(token.text)
            if not word:
                continue
            spelled = token.text[:1].isupper() and spelling_key(token.text).split(" ", 1)[0] in self.spelling_first_words
            if self._may_start_name(token, word) or spelled:
                for end in range(min(len(doc), i + _MAX_TOKENS), i, -1):
                    span = doc[i:end]
                    if (span[-1].is_punct or span[-1].is_space or span[-1].tag_ == "POS") and end > i + 1:
                        continue  # "Putin's", "SDF.\n\n": the name without what follows it
                    aliases = self._names_actor(span, spelled)
                    if aliases:
                        if not self._inside_longer_name(doc, i) and not self._capital_as_place(span, aliases):
                            yield Span(doc, i, end, label="catalogue")
                        break
                else:
                    if self._is_demonym(token):
                        yield Span(doc, i, i + 1, label="demonym")
            elif self._is_demonym(token):
                yield Span(doc, i, i + 1, label="demonym")

    def _may_start_name(self, token, word: str) -> bool:
        if word in self.first_words:
            return True
        # "Hezbollahs grip", "Trumps statement"
        return token.text[:1].isupper() and word.endswith("s") and word[:-1] in self.first_words

    def _names_actor(self, span: Span, spelled: bool = False) -> list:
        """The aliases ``span`` is written as (empty when it names no actor)."""
        aliases = self.keys.get(normalize_name(span.text))
        if not aliases and span[-1].text.endswith("s") and span[-1].text[:1].isupper():
            # Text that lost its apostrophes ("Syrias army", "Assads forces", common in
            # scraped corpora): the possessive of a name the catalogue knows.
            aliases = self.keys.get(normalize_name(span.text[:-1]))
        if not aliases and spelled and span[-1].text[:1].isupper() and all(
                t.is_alpha or t.text == "-" for t in span):
            # Another transliteration of a catalogue name ("Walid al-Mouallem").
            aliases = self.catalogue.spelled_like(span.text)
        if not aliases:
            return []
        written = span.text.replace(".", "")
        matching = []
        for alias in aliases:
            if alias.exact_case:
                if written == alias.text.replace(".", ""):
                    matching.append(alias)
            elif not (written.islower() and not any(c.islower() for c in alias.text)):
                # An abbreviation ("U.S.", "IS") never matches a lower-case word ("us", "is").
                matching.append(alias)
        return matching

    def _inside_longer_name(self, doc: Doc, start: int) -> bool:
        """"Jaysh al-Fateh", "Liwa al-Quds": after a group word and the Arabic article, a
        catalogue name ("Fateh" = Fatah) is only the end of a longer name."""
        i = start - 1
        while i >= 0 and doc[i].text == "-":
            i -= 1
        if i < 0 or doc[i].lower_ not in ("al", "el", "al-", "el-"):
            return False
        i -= 1
        return i >= 0 and doc[i].lower_ in self.cues.group_name_words and doc[i].text[:1].isupper()

    def _capital_as_place(self, span: Span, aliases: list) -> bool:
        """A capital that stands for no government: "near Damascus", "headquarters in
        Baghdad", a dateline in capitals ("BEIRUT")."""
        if not all(alias.origin == "capital" for alias in aliases):
            return False
        if span.text.isupper() and len(span.text) > 3:
            return True
        return self._after_place_preposition(span.doc, span.start, locative=True)

    def _is_demonym(self, token) -> bool:
        return token.text[:1].isupper() and self.catalogue.demonym(token.text) is not None

    def _entities(self, doc: Doc, taken: set[int]) -> Iterable[Span]:
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG") or any(i in taken for i in range(ent.start, ent.end)):
                continue
            start, end = ent.start, ent.end
            while start > 0 and doc[start - 1].lower_ in self.cues.group_name_words and doc[start - 1].text[:1].isupper() \
                    and start - 1 not in taken:
                start -= 1  # "Liwa Thuwar al-Mayadin": the NER left out "Liwa" (brigade)
            while start < end and doc[start].lower_ in ("the", "a", "an"):
                start += 1
            stripped = self._strip_titles(doc, start, end)
            titled = stripped > start
            label = "person" if ent.label_ == "PERSON" or titled else "organization"
            if label == "person" and any(t.lower_ in self.cues.group_name_words for t in doc[start:end]):
                label = "organization"  # "Liwa Thuwar al-Mayadin" is a brigade, not a man
            start = stripped
            if label == "organization" and doc[start].is_sent_start and doc[start].pos_ != "PROPN":
                continue  # "Control of Al-Bukamal could ...": a capitalised first word, no name
            # NER often swallows a trailing possessive or punctuation.
            while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
                end -= 1
            if end <= start:
                continue  # only punctuation or a title: no name left
            if self._is_place(doc, start, end) or self._is_common_word(doc, start, end):
                continue
            if self._is_chrome(doc[start:end]) or not self._has_evidence(doc, start, end, titled):
                continue
            if any(t.text[:1].isupper() for t in doc[start:end]):
                taken.update(range(start, end))
                yield Span(doc, start, end, label=label)

    def _is_common_word(self, doc: Doc, start: int, end: int) -> bool:
        """"General", "Command", "Jihadi", "Residents": one capitalised common noun is not a name."""
        if end - start != 1:
            return False
        token = doc[start]
        word = token.lemma_.lower()
        common = self.cues.role_nouns | self.cues.military_nouns | self.cues.member_nouns | self.cues.civilian_nouns \
            | self._anaphor_heads
        return token.pos_ != "PROPN" or word in common or token.lower_ in common or any(
            word == title for title in self.cues.titles)

    def _is_place(self, doc: Doc, start: int, end: int, coordinated: bool = True) -> bool:
        """A place the NER mistook for an actor: a name after "near", "toward", "east of"...;
        an unknown name after "in" ("killed in Joban Bai") unless it names a group; a name
        before or ending in a place noun ("Waer neighbourhood", "Castello Road"); a name
        the gazetteer knows, possessive ("Idlibs") or two places run together ("Aleppo
        Hama")."""
        span = doc[start:end]
        heads = self.cues.place_head_nouns
        if span[-1].lower_ in heads or span[-1].lemma_.lower() in heads:
            return True
        if len(span) > 1 and span[0].lower_ in self.cues.arabic_place_words:
            return True  # "Khan Touman", "Ras al-Ain": an Arabic place word leads the name
        if end < len(doc) and (doc[end].lower_ in heads or doc[end].lemma_.lower() in heads):
            return True
        group = any(t.lower_ in self.cues.group_name_words for t in span)
        if self._after_place_preposition(doc, start, locative=not group):
            return True
        if len(span) == 2 and span[1].is_alpha and not group and span.root.ent_type_ != "PERSON" and is_place(span[0].text):
            return True  # "Zabadani State", "Aleppo Monitor": a place and a headline word, no body's name
        text = span.text
        if is_place(text) or (text.endswith("s") and len(text) > 4 and is_place(text[:-1])):
            return True
        # Two places run together ("Aleppo Hama"); not for a person's name, whose parts may
        # each be a town somewhere ("Ben Rhodes").
        if len(span) > 1 and span.root.ent_type_ != "PERSON" and any(
                is_place(doc[start:k].text) and is_place(doc[k:end].text) for k in range(start + 1, end)):
            return True
        # "the town of Kafr Zita and Qalaat Madiq": coordinated with a place, a place.
        head = span.root.head
        if coordinated and span.root.dep_ == "conj" and head.i < start:
            first = next((e for e in doc.ents if e.start <= head.i < e.end), None)
            return self._is_place(doc, first.start if first else head.i, first.end if first else head.i + 1,
                                  coordinated=False)
        return False

    def _after_place_preposition(self, doc: Doc, start: int, locative: bool = False) -> bool:
        """Whether a name at ``start`` follows "near", "east of the", and with ``locative``
        also "in", "at", "inside" (locative_prepositions)."""
        words = self.cues.place_prepositions | (self.cues.locative_prepositions if locative else frozenset())
        i = start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        if i >= 1 and doc[i].lower_ == "of":  # "east of", "the outskirts of", "the town of"
            i -= 1
            if doc[i].lemma_.lower() in self.cues.place_head_nouns:
                return True
        return i >= 0 and doc[i].lower_ in words

    def _is_chrome(self, span: Span) -> bool:
        """Page furniture read as a name: "Tags Waer", "Get short URL", "said on Twitter",
        "Thu Jul"; a byline or handle ("M. Smith/H. Jones", "@JaneDoe", "JaneDoe")."""
        if any(t.lower_ in self.cues.web_chrome for t in span):
            return True
        return any(c in span.text for c in "/@#") or any(_JOINED_WORDS.search(t.text) for t in span)

    def _has_evidence(self, doc: Doc, start: int, end: int, titled: bool) -> bool:
        """An unknown name in Title Case text (a headline, a menu) is a name only with more
        evidence than its capitals: a title ("Mr.", "President"), a role ("spokesman X",
        "X, a commander"), or the same name tagged in running text of the article."""
        if titled or not self._title_case_around(doc, start, end):
            return True
        span = doc[start:end]
        if any(t.lemma_.lower() in self.cues.role_nouns for t in doc[span.root.left_edge.i:start]):
            return True
        if any(c.dep_ == "appos" and c.i >= end for c in span.root.children):
            return True
        key = normalize_name(span.text)
        return any(normalize_name(e.text).endswith(key) and not self._title_case_around(doc, e.start, e.end)
                   for e in doc.ents if e.start != start and e.label_ in ("PERSON", "ORG"))

    @staticmethod
    def _title_case_around(doc: Doc, start: int, end: int) -> bool:
        """Whether the words around a span are capitalised as in a headline: of the nearest
        four words of four letters or more on each side that are no other name ("Saleh,
        Imran Khan and Ben Rhodes met" is a list of names in running text), nearly all are."""
        words = []
        for step, origin in ((-1, start - 1), (1, end)):
            i, seen = origin, 0
            while 0 <= i < len(doc) and seen < 4 and "\n" not in doc[i].text:
                if doc[i].is_alpha and len(doc[i]) >= 4 and not doc[i].ent_type_:
                    words.append(doc[i])
                    seen += 1
                i += step
        if len(words) < 2:
            return False
        capitalised = sum(1 for t in words if t.text[:1].isupper())
        return capitalised >= 0.75 * len(words)

    def _strip_titles(self, doc: Doc, start: int, end: int) -> int:
        """The index of the first token after any ranks and titles at ``start``.

        "Major-General Igor Konashenkov" -> the index of "Igor"; a span that would be
        left empty keeps its last token.
        """
        while start < end - 1:
            rest = doc[start:end].text.lower()  # not doc.text: that joins the whole Doc each time
            title = next((t for t in self.cues.titles if rest.startswith(t) and rest[len(t):len(t) + 1] in (" ", "-")), None)
            if title is None:
                break
            title_end = doc[start].idx + len(title)
            while start < end - 1 and (doc[start].idx < title_end or doc[start].text == "-"):
                start += 1
        return start

    def _civilians(self, doc: Doc, taken: set[int]) -> Iterable[Span]:
        """"Two children were killed", "killing women", "dozens of people": people counted
        or acted upon are civilians. "Residents said" stays an anonymous source."""
        for token in doc:
            lemma = token.lemma_.lower()
            if token.pos_ != "NOUN" or token.i in taken or token.dep_ == "compound":
                continue
            if lemma not in self.cues.civilian_nouns and token.lower_ not in self.cues.civilian_nouns:
                continue
            counted = self._counted(token)
            acted_upon = token.dep_ in ("dobj", "nsubjpass") or (
                token.dep_ == "pobj" and token.head.lower_ in ("of", "among", "including", "on", "against"))
            if token.dep_ == "conj" and token.head.i in taken:
                acted_upon = True  # "two children and three women": as the first of them
            if lemma in self.cues.anonymous_heads and token.dep_ != "nsubjpass" and not counted:
                continue
            if not (counted or acted_upon) or any(c.dep_ == "poss" for c in token.children):
                continue  # "the people said", "Syria's people"
            taken.add(token.i)
            yield Span(doc, token.i, token.i + 1, label="civilians")

    @staticmethod
    def _counted(token) -> bool:
        """"three women", "dozens of people", "at least 20 residents", "many families"."""
        if any(c.dep_ in ("nummod", "quantmod") or c.lower_ in ("many", "several", "dozens", "hundreds", "thousands")
               for c in token.children):
            return True
        head = token.head
        return token.dep_ == "pobj" and head.lower_ == "of" and (head.head.like_num or head.head.lower_ in (
            "dozens", "hundreds", "thousands", "scores", "tens", "number", "millions"))

    def _anonymous_sources(self, doc: Doc, taken: set[int]) -> Iterable[Span]:
        for token in doc:
            if token.pos_ != "NOUN" or token.lemma_.lower() not in self.cues.anonymous_heads:
                continue
            if token.dep_ == "compound" or token.i in taken:
                continue  # "spokesman John Kirby": a role before a name, not an anonymous source
            if not self._may_be_source(token):
                continue
            if any(child.dep_ == "appos" and child.ent_type_ == "PERSON" for child in token.children):
                continue
            left = token.i
            for child in token.lefts:
                if child.dep_ in ("det", "nummod", "amod", "compound", "nmod", "quantmod", "poss"):
                    left = min(left, child.left_edge.i)
            yield Span(doc, left, token.i + 1, label="anonymous")

    def _may_be_source(self, token) -> bool:
        """"The sources of financing", "two officers were killed", "witness accounts": a
        source word that is owned, acted upon or described is nobody speaking. A source is
        a subject, or the object of citing ("citing two officials", "according to residents")."""
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return False
        if token.dep_ == "nsubjpass" or token.dep_ == "dobj" and token.head.lemma_.lower() not in self.cues.citing_verbs:
            return False
        if token.dep_ == "pobj":
            governor = token.head.head
            return token.head.lower_ in ("to", "by", "from") and (
                governor.lemma_.lower() in self.cues.citing_verbs or governor.lower_ in self.cues.citing_verbs
                or governor.pos_ in ("NOUN", "PROPN"))  # "a statement from officials"
        return True

    def _references(self, doc: Doc, taken: set[int]) -> Iterable[Span]:
        for token in doc:
            if token.i in taken:
                continue
            if token.pos_ == "PRON" and token.lower_ in self.cues.person_pronouns:
                yield Span(doc, token.i, token.i + 1, label="pronoun")
            elif token.pos_ == "PRON" and (
                token.lower_ in self.cues.group_pronouns
                # "Hungary said it will support": "it" as the subject of an action (not "it is"),
                # or of "is willing", "is ready" (only an agent can be)
                or (token.lower_ == "it" and token.dep_ in ("nsubj", "nsubjpass") and (token.head.lemma_ != "be" or any(
                    c.dep_ == "acomp" and c.lower_ in self.cues.agentive_adjectives for c in token.head.children)))
            ):
                yield Span(doc, token.i, token.i + 1, label="group_pronoun")
            elif token.i > 0 and token.pos_ == "NOUN" and doc[token.i - 1].lower_ == "the":
                if f"the {token.lower_}" in self.cues.group_anaphors and token.i - 1 not in taken:
                    yield Span(doc, token.i - 1, token.i + 1, label="anaphor")
            elif token.text[:1].isupper() and token.lower_ in self._anaphor_heads and token.dep_ in ("compound", "nmod") \
                    and token.head.lemma_.lower() in self.cues.role_nouns:
                # "Coalition spokesman Colonel Daniel Mercer", "Ministry spokesman ...": the
                # coalition or ministry the article is about, written without "the".
                yield Span(doc, token.i, token.i + 1, label="anaphor")
            elif token.i > 1 and token.pos_ == "NOUN" and doc[token.i - 2].lower_ == "the" and token.i - 1 not in taken:
                # "the militant group", "the extremist group", "the Britain-based monitor"
                if f"the {doc[token.i - 1].lower_} {token.lower_}" in self.cues.group_anaphors:
                    yield Span(doc, token.i - 2, token.i + 1, label="anaphor")
