"""The ``faultlines_paragraphs`` component: a paragraph break always ends a sentence.

News text puts headlines, datelines and quotes on lines of their own; the parser, which
never saw our line breaks, sometimes runs a sentence across them. Marking the first token
after a blank line as a sentence start (before the parser runs) keeps evidence sentences
within their paragraph.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("faultlines_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            following = doc[token.i + 1]
            if not following.is_space:
                following.is_sent_start = True
    return doc
