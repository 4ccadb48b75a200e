"""Attributions found by their shape in token order, where the parse cannot be trusted.

News with its punctuation stripped (FA-KES) ends sentences with the reporting clause and
no comma: "... killing 22 a monitor said", "... the Dogan news agency reported",
"... Abdulrahman told AFP on Monday". The parser then hangs the speaker on the clause
before it ("the army Abdulrahman", "Idlib the Dogan news agency" as an apposition) and
the reporting verb gets no subject. The shape is plainer than the parse: a noun phrase,
a reporting verb with no complement of its own, perhaps whom it was told, then only
when and where, at the end of the sentence. Source phrases ("according to X", "as
reported by X", "citing X") are matched the same way, from the ``according_to`` list.

Noun phrases are read by token order: a phrase starts at a determiner or possessive,
and two phrases that touch are told apart where English noun phrases do not continue:
after a plural common noun ("civilians | observatory director ..."), before an
adjective that follows a noun ("Raqqa | Syrian state media"), between two named
entities of different kinds, and before a person's name preceded by a word that is
no role ("the army | Abdulrahman", but "observatory director Rami Abdel Rahman").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon

# Prepositions inside a speaker's description: "an official from the forces", "a source
# in the army", "residents of the town".
_INNER_PREPS = ("from", "of", "in", "at", "on", "with", "for", "inside", "within", "near")
# Prepositions inside a name between capitalised words: "Observatory for Human Rights",
# "Ministry of Defence".
_NAME_PREPS = ("for", "of", "de", "al")
_PLACE_ENTS = ("GPE", "LOC", "FAC")
_WHEN_ENTS = ("DATE", "TIME")
_SPEAKER_ENTS = ("PERSON", "ORG", "NORP", "GPE")
# Entities that end a phrase before a name: "on Wednesday | Al-Alam News Network".
_NOT_SPEAKER_ENTS = ("DATE", "TIME", "CARDINAL", "QUANTITY", "GPE", "LOC", "FAC")
# Words before a phrase that make it the object of a clause, not a speaker: "the town
# that the ministry said", "what officials reported".
_RELATIVIZERS = ("that", "which", "who", "whom", "what", "whose", "where", "when", "how", "why")


@dataclass(frozen=True)
class ShapedReport:
    """A speaker phrase (tokens ``start``..``end``-1, its head ``speaker``) that asserts the
    words of ``content``; ``verb`` is the reporting verb, None for a source phrase."""

    speaker: int
    start: int
    end: int
    cue: str
    content: tuple[int, ...]
    report_end: int  # the end (exclusive) of the reporting clause: speaker, verb, "told AFP on Monday"
    verb: int | None = None
    participle: int | None = None  # the speaker's own act after the report: "said blaming ..."


class ReportShapes:
    def __init__(self, lexicon: Lexicon, person_nouns: frozenset[str], body_nouns: frozenset[str] = frozenset()):
        self.lexicon = lexicon
        # Nouns that describe a person before a name ("observatory director Rami ...",
        # "media activist Musafa ..."), and with nouns of bodies ("army", "ministry"),
        # a speaker before a prepositional phrase ("an official from the forces").
        self.person_nouns = person_nouns
        self.speaker_nouns = person_nouns | body_nouns
        self._according = [tuple(p.lower().split()) for p in lexicon.according_to]

    def find(self, doc: Doc) -> list[ShapedReport]:
        entities = {t.i: k for k, e in enumerate(doc.ents) for t in e}
        found = []
        for sentence in doc.sents:
            final = self._final_report(doc, sentence, entities)
            if final is not None:
                found.append(final)
            found += self._source_phrases(doc, sentence, entities)
        return found

    # -- "... killing 22 a monitor said" -------------------------------------------------

    def _final_report(self, doc: Doc, sentence: Span, entities: dict[int, int]) -> ShapedReport | None:
        words = [t for t in sentence if not (t.is_punct or t.is_space)]
        if len(words) < 4:
            return None
        verbs = [t for t in words if t.pos_ in ("VERB", "AUX") and not _hyphen_joined(t)]
        if not verbs:
            return None
        verb = verbs[-1]
        # "... the Observatory said blaming the attack on forces loyal to Assad": the
        # speaker's own act may follow as a participle; the report ends before it.
        participle = None
        if verb.tag_ == "VBG" and len(verbs) > 1 and verbs[-2].i < verb.i and self._only_circumstances(doc, verbs[-2], verb.i - 1, entities):
            participle, verb = verb, verbs[-2]
            last = verb.i
            for token in doc[verb.i + 1:participle.i]:
                last = token.i if not (token.is_punct or token.is_space) else last
        if verb.is_title and verb.i != sentence.start:
            return None  # a headline's label ("... kill 8 IS group militants Report")
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or verb.lemma_.lower() not in self.lexicon.reporting_verbs:
            return None
        if participle is None:
            last = words[-1].i
        if not self._only_circumstances(doc, verb, last, entities):
            return None
        # "has also said", "later reported": auxiliaries and adverbs between speaker and verb;
        # "did not say" reports nothing.
        k = verb.i - 1
        while k > sentence.start and (doc[k].pos_ in ("AUX", "PART") or doc[k].pos_ == "ADV" and doc[k].i > sentence.start):
            if doc[k].lower_ in self.lexicon.negations or doc[k].lemma_.lower() == "be":
                return None  # "was accused of", "has been described as": a passive, no report
            k -= 1
        start = self.phrase_before(doc, k, sentence.start, entities)
        if start is None or start <= sentence.start:
            return None
        start = self._owner_before(doc, start, k + 1, sentence.start, entities)
        before = doc[start - 1]
        if before.lower_ in _RELATIVIZERS:
            return None  # "the strike that the ministry reported": the verb's object is before it
        clause = [t for t in doc[sentence.start:start] if not (t.is_punct or t.is_space)]
        if not any(t.pos_ in ("VERB", "AUX") for t in clause):
            return None  # no clause to report: "Lebanese army chief said"
        return ShapedReport(speaker=self._head(doc, start, k + 1).i, start=start, end=k + 1, cue=verb.lemma_.lower(),
                            content=tuple(t.i for t in clause), verb=verb.i, report_end=last + 1,
                            participle=participle.i if participle is not None else None)

    def _only_circumstances(self, doc: Doc, verb: Token, last: int, entities: dict[int, int]) -> bool:
        """After the verb: nothing, or whom it was told ("told AFP"), then only when, where
        and how ("on Monday", "in a statement"): no object, no clause."""
        i = verb.i + 1
        if i <= last and verb.lemma_.lower() in self.lexicon.addressed_reporting_verbs:
            end = self.phrase_after(doc, i, last + 1, entities)
            if end is None:
                return False  # "told reporters that ..." has its clause after it
            i = end
        if i > last:
            return True
        first = doc[i]
        if first.lower_ == "by" or not (first.pos_ in ("ADP", "ADV") or first.ent_type_ in _WHEN_ENTS):
            return False  # "reported clashes in Homs" has an object; "reported by X" is passive
        for token in doc[i:last + 1]:
            if token.pos_ in ("VERB", "AUX", "SCONJ") or token.lower_ == "that":
                return False
        return True

    def _owner_before(self, doc: Doc, start: int, end: int, first: int, entities: dict[int, int]) -> int:
        """A phrase after a preposition is the object inside a longer speaker phrase when
        the word before the preposition describes speakers: "sources familiar with the
        government's thinking", "doctors at the scene", "Zakaria Malahifji of the Fastaqim
        group". Not "the district of Aleppo | Syrian state television"."""
        adp = start - 1
        if adp - 1 < first or doc[adp].pos_ != "ADP" or doc[adp].lower_ in ("as", "than"):
            return start
        if any(t.pos_ == "PROPN" for t in doc[start:end]):
            return start  # a name speaks for itself: "shelled positions in Homs | Rami Abdulrahman told AFP"
        owner = doc[adp - 1]
        if owner.pos_ == "ADJ" and adp - 2 >= first:  # "sources close to", "familiar with"
            owner = doc[adp - 2]
        describes = (owner.lemma_.lower() in self.speaker_nouns or owner.tag_ == "NNS"
                     or owner.ent_type_ == "PERSON" and owner.pos_ == "PROPN")
        if not describes:
            return start
        outer = self.phrase_before(doc, owner.i, first, entities)
        return outer if outer is not None and outer > first else start

    # -- "according to X", "as reported by X", "citing X" -------------------------------

    def _source_phrases(self, doc: Doc, sentence: Span, entities: dict[int, int]) -> list[ShapedReport]:
        found = []
        lowered = [t.lower_ for t in sentence]
        for words in self._according:
            for offset in range(len(lowered) - len(words) + 1):
                if tuple(lowered[offset:offset + len(words)]) != words:
                    continue
                start = sentence.start + offset + len(words)
                end = self.phrase_after(doc, start, sentence.end, entities)
                if end is None:
                    continue
                head = self._head(doc, start, end)
                if doc[start - 1].pos_ == "VERB" and not self.names_someone(doc[start:end]):
                    continue  # "citing security concerns" gives a reason; "citing Reuters" a source
                own = set(range(sentence.start + offset, end))
                content = tuple(t.i for t in sentence if t.i not in own and not (t.is_punct or t.is_space))
                found.append(ShapedReport(speaker=head.i, start=start, end=end, report_end=end,
                                          cue=" ".join(words), content=content))
        return found

    # -- noun phrases by token order ----------------------------------------------------

    def phrase_before(self, doc: Doc, last: int, first: int, entities: dict[int, int]) -> int | None:
        """The first token of the noun phrase that ends at ``last`` (not before ``first``)."""
        if last < first or not _phrase_word(doc[last]) and doc[last].pos_ != "PRON":
            return None
        if doc[last].pos_ == "PRON":
            return last if doc[last].tag_ == "PRP" else None  # "he said", "they reported"
        i = last
        while i > first:
            left, right = doc[i - 1], doc[i]
            if left.pos_ == "DET" or left.tag_ == "PRP$":
                # "an official from the forces": the determiner of a phrase inside the
                # speaker's description.
                if i - 3 >= first and doc[i - 2].lower_ in _INNER_PREPS and doc[i - 3].lemma_.lower() in self.speaker_nouns:
                    i -= 3
                    continue
                return i - 1
            if left.lower_ in _NAME_PREPS and i - 2 >= first and right.is_title and doc[i - 2].is_title:
                i -= 2  # "the Syrian Observatory for Human Rights"
                continue
            if left.lower_ in _INNER_PREPS and i - 2 >= first and doc[i - 2].lemma_.lower() in self.speaker_nouns:
                i -= 2  # "a source at Aleppo Police Command"
                continue
            if not _phrase_word(left) or self._boundary(left, right, entities):
                return i
            i -= 1
        return i

    def phrase_after(self, doc: Doc, start: int, stop: int, entities: dict[int, int]) -> int | None:
        """The end (exclusive) of the noun phrase that starts at ``start`` (before ``stop``)."""
        if start >= stop:
            return None
        i = start
        while i < stop and (doc[i].pos_ == "DET" or doc[i].tag_ == "PRP$"):
            i += 1
        if i >= stop or not _phrase_word(doc[i]):
            return None
        while i + 1 < stop:
            left, right = doc[i], doc[i + 1]
            if right.lower_ in _NAME_PREPS and i + 2 < stop and left.is_title and doc[i + 2].is_title:
                i += 2  # "the Syrian Observatory for Human Rights"
                continue
            if right.lower_ in _INNER_PREPS and i + 2 < stop and left.lemma_.lower() in self.speaker_nouns:
                i += 2  # "sources on the ground", "residents of the town"
                while i < stop and (doc[i].pos_ == "DET" or doc[i].tag_ == "PRP$"):
                    i += 1
                if i >= stop or not _phrase_word(doc[i]):
                    return None
                continue
            if not _phrase_word(right) or self._boundary(left, right, entities):
                break
            if left.tag_ == "NNS" and right.lower_ not in ("'s", "’s", "-"):
                break  # "according to activists | Russian jets ..."
            i += 1
        return i + 1

    def _boundary(self, left: Token, right: Token, entities: dict[int, int]) -> bool:
        """Whether two touching words belong to two noun phrases."""
        if left.text in ("-", "–") or right.text in ("-", "–") or right.lower_ in ("'s", "’s"):
            return False  # "Britain-based", "al-Assad's"
        if left.pos_ == "NUM" or right.pos_ == "NUM" and left.pos_ != "NUM":
            return True  # "killing 22 | monitors said", "according to initial information | eight people"
        speaker_noun = right.lemma_.lower() in self.person_nouns
        if left.tag_ == "NNS" and right.pos_ in ("NOUN", "PROPN", "ADJ") and not speaker_noun:
            return True  # "18 civilians | observatory director ...", not "media | activist"
        if left.pos_ in ("NOUN", "PROPN") and right.pos_ == "ADJ":
            return True  # "in Raqqa | Syrian state media", "according to SANA | Syrian forces"
        left_entity, right_entity = entities.get(left.i), entities.get(right.i)
        if left_entity is not None and right_entity is not None and left_entity != right_entity and left.ent_type_ != "NORP":
            return True  # "Raqqa | Syrian Observatory"; not "the Lebanese | Al-Manar TV channel"
        if right.pos_ == "PROPN" and right_entity is None or right_entity != left_entity:
            if left.pos_ == "NOUN" and left.lemma_.lower() not in self.person_nouns and right.pos_ == "PROPN":
                return True  # "the army | Abdulrahman", "sarin gas | Turkeys health ministry"
            if right.pos_ == "PROPN" and left.ent_type_ in _NOT_SPEAKER_ENTS:
                return True  # "on Wednesday | Al-Alam News Network"; not "Syrian | Observatory"
        return False

    def names_someone(self, phrase: Span) -> bool:
        """A phrase that names a speaker: a name, or a noun that describes one."""
        return any(self._names_someone(t) for t in phrase)

    def _names_someone(self, token: Token) -> bool:
        if token.pos_ == "PROPN" or token.ent_type_ in _SPEAKER_ENTS or token.lemma_.lower() in self.speaker_nouns:
            return True
        if token.is_title and token.i != token.sent.start and token.pos_ in ("NOUN", "ADJ"):
            return True  # "the Observatory", tagged a common noun
        return token.is_upper and len(token.text) > 1 and token.is_alpha  # "SANA", tagged an adjective

    def _head(self, doc: Doc, start: int, end: int) -> Token:
        """The phrase's head: a person's name in it ("Peter Salama Executive Director of
        the WHO ..."), else its last noun before any preposition ("the Syrian Observatory
        for Human Rights", "an official from the forces")."""
        head = None
        for token in doc[start:end]:
            if token.pos_ == "ADP" and head is not None:
                break
            if token.ent_type_ == "PERSON" and token.pos_ == "PROPN" and (token.i + 1 == end or doc[token.i + 1].ent_iob_ != "I"):
                return token
            if token.pos_ in ("NOUN", "PROPN", "PRON"):
                head = token
        return head if head is not None else doc[end - 1]


def _phrase_word(token: Token) -> bool:
    """A word that can stand inside a noun phrase."""
    if token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or token.lower_ in ("'s", "’s"):
        return True
    return _hyphen_joined(token)  # "British-based", "pro-government"


def _hyphen_joined(token: Token) -> bool:
    """A hyphen, or a word joined to a neighbour by one ("Britain-based")."""
    doc = token.doc
    if token.text in ("-", "–"):
        return True
    before = token.i > 0 and doc[token.i - 1].text in ("-", "–") and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "–") and not token.whitespace_
    return bool(before or after)
