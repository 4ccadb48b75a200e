"""The Python API: what the CLI does, as methods on an open database.

    import faultlines
    with faultlines.open("conflict.db") as db:
        summary = db.ingest(["articles/", "https://example.org/feed.xml"], outlet="Reuters")
        for article in db.articles(since="2017-01-01"):
            print(article.id, article.title)

Each CLI command is a thin layer over one method here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, Sequence

from .analyse import queries
from .analyse.claims import COARSE_TYPES, DEFAULT_WINDOW_DAYS
from .analyse.network import AllianceNetwork
from .analyse.network_api import network_of
from .analyse.sources import SourceProfile
from .analyse.timeline import Timeline
from .core import analyse_text, extract_inputs, run_ingest, summarize
from .export import analysis_records, doc_name
from .extract.lexicon import PLOVER_EVENTS, RELATIONS
from .errors import FaultlinesError
# The evaluate package is imported here, before faultlines/__init__ binds the name
# ``faultlines.evaluate`` to the function below: importing it later would rebind the name.
from .evaluate import suite as _suite
from .ingest.dates import parse_date, period_end
from .options import DEFAULT_DB, Options
from .resolve.catalogue import KINDS, Catalogue, load_catalogue
from .store import Store
from .values import ASSERTER_KINDS, Actor, Claim, Dispute, IngestResult, IngestSummary, Problem, Sentence, StoredArticle


# The classes claims use (SUPPORT covers AID and BACKS): accepted as types wherever types are.
COARSE_CLASSES = frozenset(COARSE_TYPES.values())
# Catalogue kinds, and the kinds of actors found in text.
ACTOR_KINDS = frozenset(KINDS) | {"organization", "anonymous"}


@dataclass(frozen=True)
class ActorView:
    """An actor with its names, parents, roles over time and mentions per article."""

    actor: Actor
    origin: str  # catalogue | discovered
    parents: tuple[Actor, ...]
    aliases: tuple[str, ...]
    valid_from: str | None
    valid_until: str | None
    roles: tuple[dict, ...]
    relations: tuple[dict, ...]
    mentions: tuple[dict, ...]


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

    def __init__(self, db: str | Path = DEFAULT_DB, options: Options | None = None, *, create: bool = True):
        self.options = options or Options.from_env()
        self.store = Store(db, create=create)
        self.analysis_cache: dict = {}   # claims and disputes per data version (analyse.queries)
        self._names: dict[str, str] = {}
        self._names_version: tuple | None = None
        if self.options.catalogue:
            self.catalogue  # a bad catalogue file is an error now, not at the first look-up  # noqa: B018

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
        if settings.get("catalogue") is not None:
            settings["catalogue"] = tuple(str(path) for path in settings["catalogue"])
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
            outlet=outlet, since=_iso(since), until=_iso(until, end=True), search=search,
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
            statements=tuple(self.statements(article_id=article_id)),
        )

    def statements(
        self,
        *,
        actor: str | Sequence[str] | None = None,
        type: str | Sequence[str] | None = None,  # noqa: A002 (the field's name)
        by: str | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        article_id: int | None = None,
        limit: int | None = None,
    ) -> list[dict]:
        """Stored statements as records (the ``extract`` contract), oldest first.

        ``actor`` takes ids or any catalogue name ("Daesh", "the Pentagon"); a statement
        matches when its source or target is that actor.
        """
        actors = self._actor_ids(actor)
        types = [type] if isinstance(type, str) else list(type or [])
        self._check_types(types)
        if by and by.lower() not in ASSERTER_KINDS:
            by = self._actor_ids(by)  # an asserter named by id or name: "Russia", "SOHR"
        rows = self.store.statement_rows(
            actor=actors, types=types, by=by, status=status, since=_iso(since), until=_iso(until, end=True),
            article_id=article_id, limit=limit,
        )
        return [_record_from_row(row) for row in rows]

    @staticmethod
    def _check_types(types: Sequence[str]) -> None:
        known = PLOVER_EVENTS | RELATIONS | COARSE_CLASSES
        unknown = [t for t in types if t.upper() not in known]
        if unknown:
            raise FaultlinesError(f"unknown type {', '.join(unknown)}: use one of {', '.join(sorted(known))}")

    def _actor_ids(self, actor: str | Sequence[str] | None) -> list[str]:
        """Ids for actor ids or names, with every actor below them: "Syrian government"
        finds Assad's government and the transitional one, "RUS" finds Russia's military
        and the unnamed Russian officials too."""
        names = [actor] if isinstance(actor, str) else list(actor or [])
        ids: list[str] = []
        for name in names:
            found = self.resolve_actor_name(name)
            for actor_id in found:
                ids.append(actor_id)
                if actor_id in self.catalogue:
                    ids += [a.id for a in self.catalogue.descendants(actor_id)]
            ids += [r["id"] for r in self.store.actor_rows(parents=found)]
        return list(dict.fromkeys(ids))

    def resolve_actor_name(self, name: str) -> list[str]:
        """The ids an id or name stands for; raises when there is none."""
        if self.store.actor_rows(ids=[name]) or name in self.catalogue:
            return [name]
        found = [a.id for a in self.catalogue.named(name)]
        found += [r["id"] for r in self.store.actor_rows(search=name) if r["name"].lower() == name.lower()]
        if not found:
            raise FaultlinesError(f"no actor '{name}' (find ids with: faultlines actors --search NAME)")
        return list(dict.fromkeys(found))

    @functools.cached_property
    def catalogue(self) -> Catalogue:
        """The actor catalogue: the bundled one plus the user's ``Options.catalogue`` files."""
        return load_catalogue(self.options.catalogue)

    def actors(
        self, *, kind: str | None = None, search: str | None = None, include_catalogue: bool = False
    ) -> list[dict]:
        """Actors with mention counts: those mentioned in stored articles, or the whole catalogue.

        ``search`` matches ids and names, and also every catalogue alias ("Daesh" finds ISIS).
        """
        if kind and kind.lower() not in ACTOR_KINDS:
            raise FaultlinesError(f"unknown kind '{kind}': use one of {', '.join(sorted(ACTOR_KINDS))}")
        ids = [a.id for a in self.catalogue.lookup(search)] if search else []
        rows = {r["id"]: r for r in self.store.actor_rows(kind=kind, search=search, ids=ids)}
        if include_catalogue:
            for actor in self.catalogue:
                if actor.id in rows or (kind and actor.kind.lower() != kind.lower()):
                    continue
                if search and actor.id not in ids and search.lower() not in (actor.name + actor.id).lower():
                    continue
                rows[actor.id] = {
                    "id": actor.id, "name": actor.name, "kind": actor.kind, "parent_id": actor.parent,
                    "wikidata": actor.wikidata, "cameo": actor.cameo, "origin": "catalogue",
                    "mentions": 0, "articles": 0,
                }
        return sorted(rows.values(), key=lambda r: (-r["mentions"], r["name"]))

    def actor(self, actor_id: str) -> ActorView:
        """Everything known about one actor; raises if neither the store nor the catalogue has it."""
        stored = self.store.actor_rows(ids=[actor_id])
        in_catalogue = actor_id in self.catalogue
        if not stored and not in_catalogue:
            named = self.catalogue.named(actor_id)
            if len(named) == 1:  # "faultlines actor Daesh" is ISIS
                return self.actor(named[0].id)
            hint = f" (one of: {', '.join(a.id for a in named)})" if named else " (find ids with: faultlines actors --search NAME)"
            raise FaultlinesError(f"no actor '{actor_id}'{hint}")
        mentions = tuple(self.store.actor_mentions_by_article(actor_id))
        seen_as = {text for m in mentions for text in (m["as_written"] or "").split(",") if text}
        roles_in_text = self.store.roles_in_articles(actor_id)
        if in_catalogue:
            entry = self.catalogue.entry(actor_id)
            actor = entry.actor
            aliases = tuple(dict.fromkeys([a.text for a in entry.aliases] + sorted(seen_as)))
            roles = [
                {"role": r.role, "member_of": r.member_of,
                 "member_of_name": (self.catalogue.get(r.member_of) or actor).name,
                 "from": _day(r.valid_from), "until": _day(r.valid_until), "source": "catalogue"}
                for r in entry.roles
            ]
            relations = [
                {"source": r.source, "type": r.type, "target": r.target,
                 "from": _day(r.valid_from), "until": _day(r.valid_until), "note": r.note}
                for r in self.catalogue.relations(actor_id)
            ]
            parents = tuple(self.catalogue.ancestors(actor_id))
            valid = (_day(entry.valid_from), _day(entry.valid_until))
        else:
            row = stored[0]
            actor = Actor(id=row["id"], name=row["name"], kind=row["kind"], parent=row["parent_id"])
            aliases, roles, relations, valid = tuple(sorted(seen_as)), [], [], (None, None)
            parent = self.catalogue.get(actor.parent) if actor.parent else None
            parents = tuple([parent] + self.catalogue.ancestors(parent.id)) if parent else ()
        # A role read in articles holds at least from its first to its last sighting.
        roles += [{"role": r["role"], "member_of": r["member_of"], "member_of_name": r["member_of_name"],
                   "from": r["first_seen"], "until": None, "last_seen": r["last_seen"],
                   "source": f"{r['articles']} article{'s' if r['articles'] > 1 else ''}"} for r in roles_in_text]
        return ActorView(
            actor=actor, origin="catalogue" if in_catalogue else "discovered", parents=parents,
            aliases=aliases, valid_from=valid[0], valid_until=valid[1],
            roles=tuple(sorted(roles, key=lambda r: (r["from"] or ""))),
            relations=tuple(relations), mentions=mentions,
        )

    def actor_name(self, actor_id: str) -> str:
        """An actor's display name: stored, else from the catalogue, else the id."""
        if actor_id not in self._names and self._names_version != self.store.data_version():
            # Read again only when an ingest has added something since the last read.
            self._names_version = self.store.data_version()
            self._names = self.store.actor_names()
        found = self._names.get(actor_id) or (self.catalogue.get(actor_id).name if actor_id in self.catalogue else None)
        return found or actor_id

    def actor_code(self, actor_id: str) -> str | None:
        """The CAMEO code of an actor or of its nearest catalogued ancestor (for PLOVER export)."""
        for actor in [self.catalogue.get(actor_id), *self.catalogue.ancestors(actor_id)] if actor_id in self.catalogue else []:
            if actor and actor.cameo:
                return actor.cameo
        stored = self.store.actor_rows(ids=[actor_id])
        parent = stored[0]["parent_id"] if stored else None
        return self.actor_code(parent) if parent and parent != actor_id else None

    # -- across articles ------------------------------------------------------------

    def claims(
        self,
        *,
        actor: str | Sequence[str] | None = None,
        type: str | Sequence[str] | None = None,  # noqa: A002 (the field's name)
        by: str | None = None,
        polarity: str | None = None,
        since: str | None = None,
        until: str | None = None,
        contested: bool = False,
        min_sources: int = 1,
        window_days: int = DEFAULT_WINDOW_DAYS,
        limit: int | None = None,
    ) -> list[Claim]:
        """Statements merged across articles into claims, oldest first.

        A claim is one source actor, coarse type, target actor and polarity (asserted or
        denied) within ``window_days`` (events; standing relations merge whatever their
        dates), with every piece of evidence. ``min_sources`` counts independent stories:
        syndicated copies count once. ``contested`` keeps claims that are part of a dispute.
        """
        if type:
            self._check_types([type] if isinstance(type, str) else list(type))
        return queries.claims(
            self, actor=actor, type=type, by=by, polarity=polarity, since=_iso(since),
            until=_iso(until, end=True), contested=contested, min_sources=min_sources,
            window_days=window_days, limit=limit,
        )

    def contested(
        self,
        *,
        actor: str | Sequence[str] | None = None,
        kind: str | None = None,
        since: str | None = None,
        until: str | None = None,
        window_days: int = DEFAULT_WINDOW_DAYS,
        limit: int | None = None,
    ) -> list[Dispute]:
        """Claims that sources disagree on, most disputed first, each side with its sources.

        ``kind``: denial, alignment, blame or allegation (see ``faultlines.analyse.contested``).
        """
        return queries.disputes(self, actor=actor, kind=kind, since=_iso(since), until=_iso(until, end=True),
                                window_days=window_days, limit=limit)

    def timeline(self, actor: str, *, window_days: int = DEFAULT_WINDOW_DAYS) -> Timeline:
        """An actor's memberships, backers, enemies and events in order, with its current affiliation."""
        return queries.timeline(self, actor, window_days=window_days)

    def sources(self, outlet: str | None = None, *, window_days: int = DEFAULT_WINDOW_DAYS) -> list[SourceProfile]:
        """Per outlet: claims in its own voice, whom it quotes, and its side on contested claims."""
        return queries.sources(self, outlet=outlet, window_days=window_days)

    def network(
        self, *, since: str | None = None, until: str | None = None, rollup: bool = True, min_sources: int = 1,
    ) -> AllianceNetwork:
        """The signed alliance network of the claims seen in [since, until]: factions,
        proxy chains and conflicts, centrality (see ``faultlines.analyse.network``)."""
        if min_sources < 1:
            raise FaultlinesError("min_sources must be 1 or more")
        return network_of(self, since=_iso(since), until=_iso(until, end=True), rollup=rollup, min_sources=min_sources)

    def copies(self) -> list[dict]:
        """Groups of stored articles that are copies of one story (syndicated or reprinted)."""
        return queries.syndicated_copies(self)

    def counts(self) -> dict[str, int]:
        """How many articles, sentences, actors, mentions and statements are stored."""
        return self.store.counts()


def extract_statements(
    inputs: Sequence[str | Path], options: Options | None = None, *, stdin: BinaryIO | None = None, **settings
) -> Iterator[dict | Problem]:
    """Statements in files, URLs or feeds, as records, without a database.

    Yields one record per statement, and a Problem for every input that could not be read.
    """
    options = (options or Options.from_env()).but(**{k: v for k, v in settings.items() if v is not None})
    for item in extract_inputs([str(i) for i in inputs], options, stdin=stdin):
        if isinstance(item, Problem):
            yield item
            continue
        yield from analysis_records(*item)


def extract_text(text: str, options: Options | None = None, *, published: str | None = None) -> list[dict]:
    """Statements in one text given as a string (a sentence or a whole article).

    With ``options.one_sided``, events with one unknown end are included (target or source None).
    """
    article, analysis = analyse_text(text, options or Options.from_env(), published=published)
    return analysis_records(article, analysis)


def evaluate(
    shared: str | Path | None = None,
    *,
    gold: str | Path | None = None,
    corpus: str | Path | None = None,
    plover: str | Path | None = None,
    sets: Sequence[str] | None = None,
    limit: int | None = _suite.DEFAULT_LIMIT,
    options: Options | None = None,
    progress: Callable[[str], None] | None = None,
) -> _suite.Evaluation:
    """Score the extractor on every development set at once: one ``SetResult`` row per set.

    With nothing given: the bundled demo gold, and from ``shared`` (default
    $FAULTLINES_SHARED or ../shared) the seed gold, the FA-KES gold, the PLOVER records,
    the PLV sentences and the perpetrator of the first ``limit`` FA-KES articles; a set
    whose files are missing is a row with the reason. With ``gold`` (and ``corpus``) or
    ``plover``, only those. ``sets`` picks sets by name (demo, seed, fakes, plover, plv,
    perpetrator).

        result = faultlines.evaluate("../shared")
        print(result["fakes"].figures["recall"], result["plv"].misses["wrong root code"][:3])
    """
    options = options or Options.from_env()
    if limit is not None and limit < 1:
        raise FaultlinesError("limit must be 1 or more articles")
    if gold or plover:
        if gold and not corpus:
            raise FaultlinesError("gold needs corpus, the folder of the documents the gold files describe")
        paths = _suite.DataPaths({"gold": (Path(gold), Path(corpus))} if gold else {},
                                 plover=Path(plover) if plover else None)
        sets = sets or [name for name, given in (("gold", gold), ("plover", plover)) if given]
    else:
        if shared is not None and not Path(shared).is_dir():
            raise FaultlinesError(f"{shared} is not a folder: give the shared data folder (with gold/, corpus/, data/)")
        paths = _suite.DataPaths.under(Path(shared) if shared is not None else _suite.default_shared())
    return _suite.run_sets(paths, options, sets=sets, limit=limit, progress=progress)


def _record_from_row(row: dict) -> dict:
    """A stored statement row as the same record ``extract`` prints."""
    text = row["article_text"]
    return {
        "doc": doc_name(row["path"], row["key"]),
        "article_id": row["article_id"],
        "sentence_index": row["sentence_idx"],
        "sentence": text[row["start"]:row["end"]],
        "start": row["start"],
        "end": row["end"],
        "kind": row["kind"],
        "type": row["type"],
        "source": {"id": row["source_actor_id"], "name": row["source_name"], "kind": row["source_kind"]},
        "target": {"id": row["target_actor_id"], "name": row["target_name"], "kind": row["target_kind"]},
        "asserted_by": {
            "id": row["asserted_by_actor_id"],
            "name": row["asserted_by_name"] or row["by_actor_name"],
            "kind": row["asserted_by_kind"],
        },
        "status": row["status"],
        "date": row["date"],
        "date_granularity": row["date_granularity"],
        "place": row["place"],
        "published": row["published"],
        "outlet": row["outlet"],
        "cue": row["attribution_cue"],
        "extractor": row["extractor"],
    }


def open(db: str | Path = DEFAULT_DB, options: Options | None = None, *, create: bool = True) -> Faultlines:  # noqa: A001
    """Open (or create) a faultlines database file; ``":memory:"`` for a throwaway one.

    With ``create=False`` a missing file is an error (for reading a database that should exist).
    """
    return Faultlines(db, options, create=create)


def _day(value) -> str | None:
    return value.isoformat() if value else None


def _iso(value: str | None, *, end: bool = False) -> str | None:
    """A filter date as YYYY-MM-DD; "2017" or "2017-10" as their first day, or their last with ``end``."""
    if value is None:
        return None
    parsed = period_end(value) if end else parse_date(value)
    if parsed is None:
        raise FaultlinesError(f"cannot read the date '{value}': use YYYY-MM-DD")
    return parsed
