"""Parse texts of any length: a long article is parsed in parts and joined into one Doc.

spaCy refuses texts over ``nlp.max_length`` (E088, 1,000,000 characters) because the
parser and the entity recogniser need temporary memory in proportion to the text they
see at once. Reports and transcripts are longer than that and are still articles, so a
text over ``PART_CHARS`` is cut after a paragraph break (else a sentence end, else a
space), each part runs through spaCy's own components one at a time, and the parts are
joined with ``Doc.from_docs`` into one Doc of the whole text. faultlines' components
(actors, statements) then run on that Doc, so offsets, sentence numbers and references
back to earlier paragraphs hold for the whole article. Peak memory is that of one part
plus the joined Doc, which grows linearly with the text.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# Parts are cut at this many characters: far under spaCy's limit, and large enough that
# a cut falls between paragraphs (where sentences end anyway) in any real article.
PART_CHARS = 100_000
# A cut is looked for in the last half of a part, so every part but the last is at least
# half the limit and the number of parts stays proportional to the text.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def split_text(text: str, limit: int | None = None) -> list[str]:
    """``text`` as consecutive parts of at most ``limit`` characters (``"".join`` gives it back).

    A part ends after a blank line where it can, else after a sentence's end, else after
    a space, else anywhere (a text with no spaces at all).
    """
    limit = limit or PART_CHARS
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        parts.append(window[:_cut(window)])
        start += len(parts[-1])
    parts.append(text[start:])
    return parts


def _cut(window: str) -> int:
    """Where to end a part that may hold at most ``window``: an offset into it, above 0."""
    half = len(window) // 2
    paragraph = window.rfind("\n\n", half)
    if paragraph >= 0:
        return paragraph + 2
    for pattern in (_SENTENCE_END, _SPACE):
        last = None
        for last in pattern.finditer(window, half):
            pass
        if last is not None:
            return last.end()
    return len(window)


def article_components(nlp: Language) -> list[str]:
    """Components that must see the whole article at once: faultlines' own, after parsing
    (they resolve references across paragraphs); every other one works part by part."""
    return [name for name in nlp.pipe_names if name.startswith("faultlines_") and name != "faultlines_paragraphs"]


def parse(nlp: Language, text: str) -> Doc:
    """The Doc of ``text`` through the whole pipeline, in parts if it is long."""
    if len(text) <= PART_CHARS:
        return nlp(text)
    whole = article_components(nlp)
    # batch_size=1: one part in the parser at a time is what bounds the memory.
    parts = list(nlp.pipe(split_text(text), batch_size=1, disable=whole))
    doc = Doc.from_docs(parts, ensure_whitespace=False)
    del parts
    for name in whole:
        doc = nlp.get_pipe(name)(doc)
    return doc
