"""Run the real pipeline over many texts for the evaluation, parsing them with nlp.pipe.

The scorers are pure functions over statement dicts; this module is what turns a list of
sentences (PLOVER records, PLV) or articles (FA-KES rows) into those dicts, in batches,
exactly as ``extract`` would for each text alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core import analyse_doc, analysis_pipeline
from ..export import analysis_records
from ..options import Options
from ..values import Article

# Sentences are short: larger batches keep spaCy busy without much memory.
SENTENCE_BATCH = 128


def records_of_articles(articles: Sequence[Article], options: Options, *, batch_size: int | None = None) -> list[list[dict]]:
    """The statement records of each article, in order (``options.one_sided`` decides one-sided events)."""
    nlp = analysis_pipeline(options.model, options.catalogue)
    docs = nlp.pipe((article.text for article in articles), batch_size=batch_size or options.batch_size,
                    n_process=options.workers)
    return [analysis_records(article, analyse_doc(doc, article, nlp, one_sided=options.one_sided))
            for doc, article in zip(docs, articles)]


def records_of_sentences(texts: Sequence[str], options: Options) -> list[list[dict]]:
    """The statement records of each text given as a string, like ``api.extract_text`` on each."""
    articles = [Article(text=text, key=f"text-{n}", input_kind="stdin") for n, text in enumerate(texts)]
    return records_of_articles(articles, options, batch_size=SENTENCE_BATCH)
