"""Pure values passed between the stages of faultlines.

Every stage (ingest, nlp, extract, resolve, store, analyse, serve) imports this module;
it imports nothing of ours. All values are frozen: a stage returns new values instead of
changing the ones it was given. Identity (row ids, versions, hashes) is a storage
concern and lives in ``faultlines.store``; the ``Stored*`` values below are what the store
hands back, and carry it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

InputKind = Literal["txt", "md", "html", "json", "jsonl", "csv", "stdin", "url", "feed"]
StatementKind = Literal["event", "relation"]
AsserterKind = Literal["outlet", "author", "person", "organization", "anonymous"]
Status = Literal["fact", "negated", "hypothetical", "opinion"]
Outcome = Literal["ingested", "unchanged", "skipped"]


@dataclass(frozen=True)
class Article:
    """One news article as read from its source, before it is stored.

    ``key`` says where it came from (an absolute path, ``path#row-N`` for a row of a
    CSV/JSONL file, or a URL); two versions of one article share a key.
    ``date_source`` says how ``published`` was found (sidecar, flag, metadata, text,
    file-mtime, feed), so a user can judge how far to trust it.
    """

    text: str
    key: str
    input_kind: InputKind
    title: str | None = None
    url: str | None = None
    path: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    date_source: str | None = None

    @property
    def reliably_dated(self) -> bool:
        """True unless the date is unknown or only the file's modification time."""
        return self.published is not None and self.date_source not in (None, "file-mtime")


@dataclass(frozen=True)
class Problem:
    """Why one input (a file, a row, a URL, a feed item) was not ingested, and the fix."""

    location: str
    reason: str
    fix: str = ""

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}" + (f" ({self.fix})" if self.fix else "")


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: character offsets into the article text."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A state, government body, armed group, organisation, person or outlet."""

    id: str
    name: str
    kind: str
    parent: str | None = None
    wikidata: str | None = None
    cameo: str | None = None


@dataclass(frozen=True)
class Mention:
    """A span of an article's text that names (or refers back to) an actor."""

    actor_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    how: str = "ner"


@dataclass(frozen=True)
class RoleInArticle:
    """A role an article gives a person: ``person_id`` is ``role`` of ``member_of``."""

    person_id: str
    member_of: str
    role: str
    sentence_index: int


@dataclass(frozen=True)
class Attribution:
    """Who asserts a statement: the outlet's voice, the author's, or a quoted source."""

    kind: AsserterKind
    actor_id: str | None = None
    name: str | None = None
    cue: str | None = None


@dataclass(frozen=True)
class Statement:
    """One thing someone asserts about two actors (see ANNOTATION.md in the project docs)."""

    kind: StatementKind
    type: str
    source_actor_id: str
    target_actor_id: str
    attribution: Attribution
    status: Status
    sentence_index: int
    start: int
    end: int
    date: str | None = None
    date_granularity: str | None = None
    place: str | None = None
    extractor: str = ""


@dataclass(frozen=True)
class IngestResult:
    """What happened to one input: ingested (new or a new version), unchanged, or skipped."""

    outcome: Outcome
    location: str
    article_id: int | None = None
    version: int | None = None
    sentences: int = 0
    problem: Problem | None = None
    note: str = ""


@dataclass(frozen=True)
class IngestSummary:
    """Counts over a whole ingest run, with every skipped input and its reason."""

    ingested: int = 0
    new_versions: int = 0
    unchanged: int = 0
    skipped: tuple[Problem, ...] = ()
    sentences: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped


@dataclass(frozen=True)
class StoredArticle:
    """An article as the store holds it, with its identity."""

    id: int
    key: str
    version: int
    content_hash: str
    title: str | None
    text: str
    input_kind: str
    url: str | None
    path: str | None
    outlet: str | None
    author: str | None
    published: str | None
    date_source: str | None
    ingested_at: str
    sentence_count: int = 0
    statement_count: int = 0
