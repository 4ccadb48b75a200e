"""The Python API: what the CLI does, as methods on an open database.

    import faultlines
    with faultlines.open("conflict.db") as db:
        summary = db.ingest(["articles/", "https://example.org/feed.xml"], outlet="Reuters")
        for article in db.articles(since="2017-01-01"):
            print(article.id, article.title)

Each CLI command is a thin layer over one method here.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence

from .core import run_ingest, summarize
from .errors import FaultlinesError
from .ingest.dates import parse_date
from .options import DEFAULT_DB, Options
from .store import Store
from .values import IngestResult, IngestSummary, Sentence, StoredArticle


@dataclass(frozen=True)
class ArticleView:
    """An article with its sentences and the statements found in it."""

    article: StoredArticle
    sentences: tuple[Sentence, ...]
    statements: tuple[dict, ...]


def demo_corpus_path() -> Path:
    """The folder of the bundled demo articles (fictional, written for faultlines)."""
    return Path(str(resources.files("faultlines").joinpath("demo", "corpus")))


class Faultlines:
    """An open faultlines database. Use ``faultlines.open(path)`` to get one."""

    def __init__(self, db: str | Path = DEFAULT_DB, options: Options | None = None):
        self.options = options or Options.from_env()
        self.store = Store(db)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Faultlines":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- ingestion ------------------------------------------------------------------

    def ingest_iter(
        self,
        inputs: Sequence[str | Path],
        *,
        stdin: BinaryIO | None = None,
        **settings,
    ) -> Iterator[IngestResult]:
        """Ingest inputs, yielding what happened to each as soon as it is known.

        ``settings`` override this database's Options for this run (e.g. ``outlet=``,
        ``date=``, ``max_bytes=``, ``allow_private=``).
        """
        options = self._options_for_run(settings)
        run_id = self.store.start_run(str(i) for i in inputs)
        results: list[IngestResult] = []
        try:
            for result in run_ingest(self.store, [str(i) for i in inputs], options, stdin=stdin):
                results.append(result)
                yield result
        finally:
            self.store.finish_run(run_id, summarize(results))

    def ingest(
        self,
        inputs: Sequence[str | Path],
        *,
        on_result: Callable[[IngestResult], None] | None = None,
        stdin: BinaryIO | None = None,
        **settings,
    ) -> IngestSummary:
        """Ingest files, folders, URLs, feeds or ``-`` (stdin); returns the run's summary."""
        return summarize(self.ingest_iter(inputs, stdin=stdin, **settings), on_result)

    def _options_for_run(self, settings: dict) -> Options:
        unknown = set(settings) - set(Options.__dataclass_fields__)
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
        options = self.options.but(**{k: v for k, v in settings.items() if v is not None})
        if options.date and parse_date(options.date) is None:
            raise FaultlinesError(f"cannot read the date '{options.date}': use YYYY-MM-DD")
        if options.max_bytes <= 0:
            raise FaultlinesError("max_bytes must be a positive number of bytes")
        if options.workers < 1:
            raise FaultlinesError("workers must be 1 or more")
        return options

    # -- queries --------------------------------------------------------------------

    def articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        search: str | None = None,
        all_versions: bool = False,
        limit: int | None = None,
    ) -> list[StoredArticle]:
        """Stored articles (newest version of each), oldest first."""
        return self.store.articles(
            outlet=outlet, since=_iso(since), until=_iso(until), search=search,
            all_versions=all_versions, limit=limit,
        )

    def article(self, article_id: int) -> ArticleView:
        """One article with its sentences and statements; raises if there is none."""
        article = self.store.article(article_id)
        if article is None:
            raise FaultlinesError(
                f"no article {article_id} in {self.store.path} (list them with: faultlines articles)"
            )
        return ArticleView(
            article=article,
            sentences=tuple(self.store.sentences(article_id)),
            statements=tuple(self.store.statement_rows(article_id)),
        )

    def counts(self) -> dict[str, int]:
        """How many articles, sentences, actors, mentions and statements are stored."""
        return self.store.counts()


def open(db: str | Path = DEFAULT_DB, options: Options | None = None) -> Faultlines:  # noqa: A001
    """Open (or create) a faultlines database file; ``":memory:"`` for a throwaway one."""
    return Faultlines(db, options)


def _iso(value: str | None) -> str | None:
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise FaultlinesError(f"cannot read the date '{value}': use YYYY-MM-DD")
    return parsed
