"""Run the stages in order: ingest -> nlp -> (extract -> resolve) -> store.

``run_ingest`` reads every input, skips what is already stored (same source, text and
metadata as its newest version), parses the rest with spaCy in batches, and stores each
article with what was derived from it in its own transaction. Because nothing is stored
twice and each article commits alone, running the same command again after a crash
resumes where the first run stopped.

``analyse_doc`` is where the stages meet the parsed Doc: sentences, actor mentions
resolved on the article's date, and statements. A new stage adds its findings there.
"""

from __future__ import annotations

import functools
import logging
import time
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import extract  # noqa: F401  (registers the spaCy factories)
from .ingest import collect
from .ingest.normalise import normalise_text
from .nlp import load_pipeline, long_text, parse, pipeline_label, sentences_of
from .options import Options
from .resolve.catalogue import Catalogue
from .resolve.mentions import MentionResolver
from .resolve.statements import StatementResolver
from .store import Store, content_hash
from .values import (
    Actor, Article, IngestResult, IngestSummary, Mention, Problem, RoleInArticle, Sentence, Statement,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analysis:
    """What the NLP stages derive from one article's parse, stored with the article."""

    sentences: tuple[Sentence, ...]
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    roles: tuple[RoleInArticle, ...] = ()
    statements: tuple[Statement, ...] = ()


@functools.lru_cache(maxsize=4)
def analysis_pipeline(model: str, catalogue_files: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline ``model`` with faultlines' components added (cached per process)."""
    nlp = load_pipeline(model)
    nlp.add_pipe("faultlines_actors", config={"catalogue_files": list(catalogue_files)})
    nlp.add_pipe("faultlines_statements")
    return nlp


@functools.lru_cache(maxsize=4)
def _resolvers(nlp: Language) -> tuple[Catalogue, MentionResolver, StatementResolver]:
    """The resolvers for a pipeline's catalogue and lexicon, built once per pipeline."""
    catalogue = nlp.get_pipe("faultlines_actors").catalogue
    lexicon = nlp.get_pipe("faultlines_statements").lexicon
    return catalogue, MentionResolver(catalogue), StatementResolver(catalogue, lexicon)


def analyse_doc(doc: Doc, article: Article, nlp: Language, *, one_sided: bool = False) -> Analysis:
    """Everything faultlines derives from one parsed article: sentences, actors, statements.

    ``one_sided`` adds events with one unknown end (``Options.one_sided``); such an
    analysis is for output, never for the store.
    """
    catalogue, mentions, statement_resolver = _resolvers(nlp)
    # A file's modification time says when it was saved, not written: let the names in
    # the text date it instead.
    on = article.published if article.reliably_dated else None
    found = mentions.resolve(doc, on)
    statements = statement_resolver.resolve(doc, article, found, one_sided=one_sided)
    return Analysis(
        sentences=sentences_of(doc),
        actors=_with_parents(found.actors + statements.actors, catalogue),
        mentions=found.mentions,
        roles=found.roles,
        statements=statements.statements,
    )


def _with_parents(actors: Iterable[Actor], catalogue: Catalogue) -> tuple[Actor, ...]:
    """The actors and every catalogue parent above them, so the store can refer to them."""
    every: dict[str, Actor] = {}
    for actor in actors:
        every.setdefault(actor.id, actor)
        parent = actor.parent
        while parent and parent not in every and parent in catalogue:
            every[parent] = catalogue.get(parent)
            parent = every[parent].parent
    return tuple(every.values())


def run_ingest(
    store: Store,
    inputs: Iterable[str],
    options: Options,
    *,
    stdin: BinaryIO | None = None,
) -> Iterator[IngestResult]:
    """Ingest ``inputs`` into ``store``, yielding one result per input as it is decided."""
    seen_this_run: set[str] = set()

    def new_articles() -> Iterator[IngestResult | tuple[Article, str]]:
        for item in collect(inputs, options, stdin=stdin):
            if isinstance(item, Problem):
                yield IngestResult(outcome="skipped", location=item.location, problem=item)
                continue
            if not item.text.strip():
                problem = Problem(item.key, "no article text", "check the input holds an article")
                yield IngestResult(outcome="skipped", location=item.key, problem=problem)
                continue
            digest = content_hash(item.text)
            newest = store.newest_version(item.key)
            if newest is not None and _same_article(newest, item, digest):
                yield IngestResult(
                    outcome="unchanged", location=item.key, article_id=newest["id"], version=newest["version"],
                )
            elif item.key in seen_this_run:
                yield IngestResult(outcome="unchanged", location=item.key, note="given twice in this run")
            else:
                # A changed text or changed metadata (a new sidecar, --date, --outlet) is a
                # new version, analysed again; a copy of another source's text is an article
                # of its own (a syndicated story counts for its outlet too).
                seen_this_run.add(item.key)
                yield (item, digest)

    # Results that need no parsing pass straight through; articles go to spaCy. The
    # generator below feeds nlp.pipe lazily, so decided results are reported in input
    # order relative to their batch, and memory stays flat on large corpora.
    for item in _parse_in_batches(new_articles(), options):
        if isinstance(item, IngestResult):
            yield item
            continue
        article, digest, doc = item
        nlp = analysis_pipeline(options.model, options.catalogue)  # cached after the first call
        # Never one-sided here, whatever the options say: the statements table holds two
        # actors a row (target NOT NULL); the filter guards that contract.
        analysis = analyse_doc(doc, article, nlp, one_sided=False)
        article_id, version, unchanged = store.add_article(
            article, analysis.sentences, digest=digest, model=pipeline_label(nlp),
            actors=analysis.actors, mentions=analysis.mentions, roles=analysis.roles,
            statements=tuple(s for s in analysis.statements if s.source_actor_id and s.target_actor_id),
            # Checked again inside the write transaction: another process may have stored
            # the same article since the check above.
            unless_same=functools.partial(_same_article, article=article, digest=digest),
        )
        if unchanged:
            yield IngestResult(outcome="unchanged", location=article.key, article_id=article_id, version=version)
            continue
        yield IngestResult(
            outcome="ingested", location=article.key, article_id=article_id, version=version,
            sentences=len(analysis.sentences),
            note=_copy_note(store, article, digest) or ("new version" if version > 1 else ""),
        )


def _copy_note(store: Store, article: Article, digest: str) -> str:
    copy = store.find_hash(digest, other_than=article.key)
    return f"same text as article {copy['id']} ({copy['key']})" if copy else ""


def _same_article(stored, article: Article, digest: str) -> bool:
    """Same text and same metadata as the newest stored version of this source.

    A date read from the file's modification time is left out: copying or touching a file
    changes it without changing the article.
    """
    if stored["content_hash"] != digest:
        return False
    fields = ["title", "outlet", "author", "url"]
    if "file-mtime" not in (stored["date_source"], article.date_source):
        fields += ["published", "date_source"]
    return all(stored[name] == getattr(article, name) for name in fields)


def _parse_in_batches(
    items: Iterator[IngestResult | tuple[Article, str]],
    options: Options,
) -> Iterator[IngestResult | tuple[Article, str, Doc]]:
    """Parse the articles among ``items`` with nlp.pipe, passing other results through."""
    batch: list[tuple[Article, str]] = []

    def flush() -> Iterator[tuple[Article, str, Doc]]:
        if not batch:
            return
        nlp = analysis_pipeline(options.model, options.catalogue)
        texts = ((article.text, index) for index, (article, _) in enumerate(batch))
        docs = nlp.pipe(texts, as_tuples=True, batch_size=options.batch_size, n_process=options.workers)
        for doc, index in docs:
            article, digest = batch[index]
            yield article, digest, doc
        batch.clear()

    # With several workers, spaCy pays a process start-up per pipe() call, so batches are
    # larger there; with one, small batches keep the first results (and commits) early.
    limit = options.batch_size * max(1, options.workers) * (4 if options.workers > 1 else 1)
    for item in items:
        if isinstance(item, IngestResult):
            yield item
        elif len(item[0].text) > long_text.PART_CHARS:
            # A long article is parsed alone, in parts (spaCy refuses texts over its
            # max_length, and the parser's memory grows with what it sees at once).
            yield from flush()
            article, digest = item
            yield article, digest, parse(analysis_pipeline(options.model, options.catalogue), article.text)
        else:
            batch.append(item)
            if len(batch) >= limit:
                yield from flush()
    yield from flush()


def extract_inputs(
    inputs: Iterable[str], options: Options, *, stdin: BinaryIO | None = None
) -> Iterator[tuple[Article, Analysis] | Problem]:
    """Parse and analyse every article in ``inputs`` without storing anything."""
    def articles() -> Iterator[IngestResult | tuple[Article, str]]:
        for item in collect(inputs, options, stdin=stdin):
            if isinstance(item, Problem):
                yield IngestResult(outcome="skipped", location=item.location, problem=item)
            else:
                yield (item, "")

    for item in _parse_in_batches(articles(), options):
        if isinstance(item, IngestResult):
            yield item.problem
        else:
            article, _, doc = item
            nlp = analysis_pipeline(options.model, options.catalogue)
            yield article, analyse_doc(doc, article, nlp, one_sided=options.one_sided)


def analyse_text(text: str, options: Options, *, published: str | None = None) -> tuple[Article, Analysis]:
    """One text given as a string (a sentence or an article), analysed with ``options``
    (``one_sided`` included), without storing anything."""
    article = Article(text=normalise_text(text), key="text", input_kind="stdin", published=published,
                      date_source="flag" if published else None)
    nlp = analysis_pipeline(options.model, options.catalogue)
    return article, analyse_doc(parse(nlp, article.text), article, nlp, one_sided=options.one_sided)


def summarize(results: Iterable[IngestResult], on_result: Callable[[IngestResult], None] | None = None) -> IngestSummary:
    """Count results into a summary, calling ``on_result`` for each (e.g. a progress bar)."""
    started = time.perf_counter()
    ingested = new_versions = unchanged = sentences = 0
    skipped: list[Problem] = []
    for result in results:
        if on_result:
            on_result(result)
        if result.outcome == "ingested":
            ingested += 1
            sentences += result.sentences
            new_versions += (result.version or 1) > 1
        elif result.outcome == "unchanged":
            unchanged += 1
        elif result.problem is not None:
            skipped.append(result.problem)
    return IngestSummary(
        ingested=ingested, new_versions=new_versions, unchanged=unchanged,
        skipped=tuple(skipped), sentences=sentences,
        seconds=round(time.perf_counter() - started, 3),
    )
