"""Pure values passed between the stages of faultlines.

Every stage (ingest, nlp, extract, resolve, store, analyse, serve) imports this module;
it imports nothing of ours. All values are frozen: a stage returns new values instead of
changing the ones it was given. Identity (row ids, versions, hashes) is a storage
concern and lives in ``faultlines.store``; the ``Stored*`` values below are what the store
hands back, and carry it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

InputKind = Literal["txt", "md", "html", "json", "jsonl", "csv", "stdin", "url", "feed"]
StatementKind = Literal["event", "relation"]
AsserterKind = Literal["outlet", "author", "person", "organization", "anonymous"]
ASSERTER_KINDS: tuple[str, ...] = get_args(AsserterKind)
Status = Literal["fact", "negated", "hypothetical", "opinion"]
Outcome = Literal["ingested", "unchanged", "skipped"]
Polarity = Literal["asserted", "denied"]


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
    former: bool = False   # "the former rebel commander": a past tie, not a current one


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
    source_actor_id: str | None  # None only for a one-sided event (Options.one_sided), never stored
    target_actor_id: str | None
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


@dataclass(frozen=True)
class Evidence:
    """One stored statement behind a claim: the sentence, who asserts it and where it ran.

    ``syndication_group`` is the id of the earliest article in this article's group of
    near-duplicate copies, so copies of one story share it and count as one source.
    """

    statement_id: int
    article_id: int
    syndication_group: int
    source_actor_id: str
    target_actor_id: str
    doc: str
    sentence: str
    start: int
    end: int
    type: str
    status: Status
    asserted_by: Attribution
    outlet: str | None = None
    published: str | None = None
    date: str | None = None
    place: str | None = None
    former: bool = False             # a past tie: "the former rebel commander"

    @property
    def own_voice(self) -> bool:
        """True when the outlet or writer asserts it, False when they report someone else claiming it."""
        return self.asserted_by.kind in ("outlet", "author")

    @property
    def when(self) -> str | None:
        """The event's date where the text gives one, else the article's."""
        return self.date or self.published


class EvidenceSummary:
    """Who stands behind a set of evidence; shared by claims and the sides of a dispute."""

    evidence: tuple[Evidence, ...]

    @property
    def asserters(self) -> tuple[str, ...]:
        """Everyone who asserts it: outlets in their own voice, and the sources they report."""
        return tuple(dict.fromkeys(asserter_label(e) for e in self.evidence))

    @property
    def outlets(self) -> tuple[str, ...]:
        """Every outlet that carried it, copies included."""
        return tuple(dict.fromkeys(e.outlet or "(unknown outlet)" for e in self.evidence))

    @property
    def independent_sources(self) -> int:
        """How many independent stories carry it: syndicated copies count once."""
        return len({e.syndication_group for e in self.evidence})

    @property
    def independent_outlets(self) -> tuple[str, ...]:
        """The outlets that first ran each independent story (a copy's reprinters are left out)."""
        first: dict[int, Evidence] = {}
        for item in self.evidence:
            if item.syndication_group not in first or item.article_id == item.syndication_group:
                first[item.syndication_group] = item
        return tuple(dict.fromkeys(e.outlet or "(unknown outlet)" for e in first.values()))

    @property
    def own_voice(self) -> tuple[str, ...]:
        """Outlets (or writers) that assert it themselves."""
        return tuple(dict.fromkeys(asserter_label(e) for e in self.evidence if e.own_voice))

    @property
    def reported(self) -> tuple[str, ...]:
        """Sources the outlets report as claiming it (named, organisations, anonymous)."""
        return tuple(dict.fromkeys(asserter_label(e) for e in self.evidence if not e.own_voice))


@dataclass(frozen=True)
class Claim(EvidenceSummary):
    """Statements from any number of articles that say the same thing about two actors.

    Same source, coarse type (``SUPPORT`` covers AID/SUPPORT/BACKS), target and polarity,
    seen within one time window. ``contradicted_by`` names who asserts the opposite
    polarity in the same window: for an asserted claim, who denies it.
    """

    id: str
    source_actor_id: str
    target_actor_id: str
    type: str                        # coarse class: SUPPORT, ASSAULT, MEMBER, ALLY, ACCUSE...
    kind: StatementKind
    polarity: Polarity
    first_seen: str | None
    last_seen: str | None
    evidence: tuple[Evidence, ...]
    contradicted_by: tuple[str, ...] = ()

    @property
    def types(self) -> tuple[str, ...]:
        """The exact types the evidence uses (BACKS, AID...), most frequent first."""
        counts: dict[str, int] = {}
        for item in self.evidence:
            counts[item.type] = counts.get(item.type, 0) + 1
        return tuple(sorted(counts, key=lambda t: (-counts[t], t)))


@dataclass(frozen=True)
class DisputeSide(EvidenceSummary):
    """One side of a contested claim: what it says, and the evidence of those who say it."""

    says: str                        # "asserts", "denies", "X backs Y", "as fact", "as an allegation"
    claim_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Dispute:
    """A claim that sources disagree on, each side with its sources.

    ``kind``: ``denial`` (one asserts, another denies), ``alignment`` (one says X backs or
    allies with Y, another that X fights Y), ``blame`` (sources name different perpetrators
    of one attack on the same target), ``allegation`` (one outlet's fact is only another's
    reported claim). ``weight`` orders disputes, most disputed first.
    """

    id: str
    kind: Literal["denial", "alignment", "blame", "allegation"]
    subject: str
    source_actor_id: str
    target_actor_id: str
    type: str
    first_seen: str | None
    last_seen: str | None
    sides: tuple[DisputeSide, ...]
    weight: float


def asserter_label(evidence: Evidence) -> str:
    """Who asserts one piece of evidence, as a reader would name them: an outlet's own
    voice is the outlet; a quoted source is its actor id, or its name when it has none."""
    by = evidence.asserted_by
    if by.kind in ("outlet", "author"):
        return (by.name if by.kind == "author" and by.name else evidence.outlet) or "(unknown outlet)"
    return by.actor_id or by.name or by.kind
