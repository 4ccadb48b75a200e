"""Input normalisation: what every article's text and metadata go through before analysis.

Two kinds of characters are made safe here, once, for every reader:

- A lone UTF-16 surrogate ("\\ud800" in a JSON string) is no character at all: it cannot
  be encoded as UTF-8, so hashing or storing the text would fail. It becomes U+FFFD, the
  replacement character, as a decoder would make of a bad byte.
- A long run of punctuation with no space in it ("&&&&...", "((((...") costs spaCy's
  tokenizer time in the square of its length (it peels one prefix character at a time off
  the rest of the run). A space is put after every ``PUNCTUATION_RUN`` characters of such
  a run, so every run is cheap; no character is dropped. Runs this long carry no words.

The stored text is the normalised text, so offsets into it stay right.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace

from ..values import Article

PUNCTUATION_RUN = 32
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONG_PUNCTUATION = re.compile(rf"[^\w\s]{{{PUNCTUATION_RUN + 1},}}")


def without_surrogates(value: str) -> str:
    """``value`` with every lone surrogate replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


def _spaced(match: re.Match) -> str:
    run = match.group(0)
    return " ".join(run[i:i + PUNCTUATION_RUN] for i in range(0, len(run), PUNCTUATION_RUN))


def normalise_text(text: str) -> str:
    """An article text safe to hash, store and tokenize in time linear in its length."""
    return _LONG_PUNCTUATION.sub(_spaced, without_surrogates(text))


def normalise_article(article: Article) -> Article:
    """``article`` with its text normalised and no lone surrogate in any of its strings."""
    changes = {}
    for field in fields(article):
        value = getattr(article, field.name)
        if isinstance(value, str):
            clean = normalise_text(value) if field.name == "text" else without_surrogates(value)
            if clean != value:
                changes[field.name] = clean
    return replace(article, **changes) if changes else article
