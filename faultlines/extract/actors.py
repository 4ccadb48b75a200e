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
- ``pronoun`` / ``group_pronoun`` / ``anaphor``: "he", "its", "the group", to be linked
  to an earlier mention.

It only matches. Which actor a span names (that depends on the article's date), roles,
and links between mentions are decided in ``faultlines.resolve.mentions``.
"""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resolve.catalogue import Catalogue, load_catalogue, normalize_name
from .cues import ActorCues, actor_cues

SPAN_KEY = "faultlines_actors"
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

    def __call__(self, doc: Doc) -> Doc:
        names = filter_spans(self._catalogue_names(doc))
        taken = {i for span in names for i in range(span.start, span.end)}
        found = list(names)
        found += self._entities(doc, taken)
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
            if word in self.first_words:
                for end in range(min(len(doc), i + _MAX_TOKENS), i, -1):
                    span = doc[i:end]
                    if (span[-1].is_punct or span[-1].is_space or span[-1].tag_ == "POS") and end > i + 1:
                        continue  # "Putin's", "SDF.\n\n": the name without what follows it
                    if self._names_actor(span):
                        yield Span(doc, i, end, label="catalogue")
                        break
                else:
                    if self._is_demonym(token):
                        yield Span(doc, i, i + 1, label="demonym")
            elif self._is_demonym(token):
                yield Span(doc, i, i + 1, label="demonym")

    def _names_actor(self, span: Span) -> bool:
        aliases = self.keys.get(normalize_name(span.text))
        if not aliases and span[-1].text.endswith("s") and span[-1].text[:1].isupper():
            # Text that lost its apostrophes ("Syrias army", "Assads forces", common in
            # scraped corpora): the possessive of a name the catalogue knows.
            aliases = self.keys.get(normalize_name(span.text[:-1]))
        if not aliases:
            return False
        written = span.text.replace(".", "")
        for alias in aliases:
            if alias.exact_case:
                if written == alias.text.replace(".", ""):
                    return True
            elif not (written.islower() and not any(c.islower() for c in alias.text)):
                # An abbreviation ("U.S.", "IS") never matches a lower-case word ("us", "is").
                return True
        return False

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
            label = "person" if ent.label_ == "PERSON" or stripped > start else "organization"
            if label == "person" and any(t.lower_ in self.cues.group_name_words for t in doc[start:end]):
                label = "organization"  # "Liwa Thuwar al-Mayadin" is a brigade, not a man
            start = stripped
            if label == "organization" and doc[start].is_sent_start and doc[start].pos_ != "PROPN":
                continue  # "Control of Al-Bukamal could ...": a capitalised first word, no name
            # NER often swallows a trailing possessive or punctuation.
            while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
                end -= 1
            if self._is_place(doc, start, end) or self._is_common_word(doc, start, end):
                continue
            if end - start >= 1 and any(t.text[:1].isupper() for t in doc[start:end]):
                taken.update(range(start, end))
                yield Span(doc, start, end, label=label)

    def _is_common_word(self, doc: Doc, start: int, end: int) -> bool:
        """"General", "Command", "Ministry": one capitalised common noun is not a name."""
        if end - start != 1:
            return False
        token = doc[start]
        word = token.lemma_.lower()
        return token.pos_ != "PROPN" or word in self.cues.role_nouns or word in self.cues.military_nouns or any(
            word == title for title in self.cues.titles)

    def _is_place(self, doc: Doc, start: int, end: int) -> bool:
        """A name after "near", "toward", "east of"... is a place the NER mistook for an actor."""
        i = start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        if i >= 1 and doc[i].lower_ == "of":  # "east of", "the outskirts of"
            i -= 1
        return i >= 0 and doc[i].lower_ in self.cues.place_prepositions

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

    def _anonymous_sources(self, doc: Doc, taken: set[int]) -> Iterable[Span]:
        for token in doc:
            if token.pos_ != "NOUN" or token.lemma_.lower() not in self.cues.anonymous_heads:
                continue
            if token.dep_ == "compound" or token.i in taken:
                continue  # "spokesman John Kirby": a role before a name, not an anonymous source
            if any(child.dep_ == "appos" and child.ent_type_ == "PERSON" for child in token.children):
                continue
            left = token.i
            for child in token.lefts:
                if child.dep_ in ("det", "nummod", "amod", "compound", "nmod", "quantmod", "poss"):
                    left = min(left, child.left_edge.i)
            yield Span(doc, left, token.i + 1, label="anonymous")

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
