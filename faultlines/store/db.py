"""The SQLite store: one file holding articles, sentences, actors, mentions and statements.

It opens the file in WAL mode with foreign keys on, brings the schema up to date with the
numbered SQL files in ``migrations/`` (the version lives in ``PRAGMA user_version``), and
writes each article with everything derived from it in a single transaction, so a killed
run loses nothing it had committed. It does not parse text or decide what an article is:
callers hand it values.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import unicodedata
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Sequence

from ..errors import SchemaTooNew, StoreError
from ..values import Actor, Article, IngestSummary, Mention, RoleInArticle, Sentence, Statement, StoredArticle

_MIGRATION_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


def content_hash(text: str) -> str:
    """The identity of an article's text: sha256 of its NFC form with whitespace collapsed.

    Re-saving a file with other line endings or trailing spaces keeps the hash; any change
    to the words makes a new version.
    """
    normalized = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def _migrations() -> list[tuple[int, str, str]]:
    found = []
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = max(number for number, _, _ in _migrations())


class SchemaTooOld(StoreError):
    """A faultlines database of an older schema, opened read-only (migrating is a write)."""

    def __init__(self, path: str, found: int):
        super().__init__(
            f"{path} was written by an older faultlines (schema {found}, this one reads {SCHEMA_VERSION}); "
            f"upgrade it once with: faultlines articles --db {path}"
        )


class Added(NamedTuple):
    """What ``Store.add_article`` did: the article's id and version, and whether it was
    already stored (``unchanged``: nothing was written)."""

    id: int
    version: int
    unchanged: bool = False


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """A faultlines database file (or ``:memory:``)."""

    def __init__(self, path: str | Path = "faultlines.db", *, create: bool = True, read_only: bool = False):
        """Open the database at ``path``.

        With ``create=False`` a missing file is an error rather than a new empty database.
        With ``read_only`` (the query commands and the web app) SQLite opens the file so that
        it refuses every write; a file in a folder nobody may write to is read as immutable.

        Nothing is written before the file is known to be a faultlines database (or empty):
        another program's SQLite file is refused as it is, and a damaged one (``PRAGMA
        quick_check``) is refused before anything is added to it.
        """
        self.path = str(path)
        self.read_only = read_only and self.path != ":memory:"
        if self.path != ":memory:":
            if (not create or self.read_only) and not Path(self.path).expanduser().exists():
                raise StoreError(
                    f"no faultlines database at {self.path} "
                    f"(create one with: faultlines ingest ARTICLES --db {self.path})"
                )
            parent = Path(self.path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(
                    f"cannot create {self.path}: folder {parent} does not exist "
                    "(create it first or pass another --db)"
                )
            if not self.read_only:
                self._refuse_read_only_file()
        try:
            self.conn = self._connect()
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"cannot open {self.path} as a faultlines database: {error} "
                "(is it an SQLite file? pass another --db to start a new one)"
            ) from error
        try:
            self._prepare()
        except BaseException:
            self.conn.close()
            raise

    def _connect(self) -> sqlite3.Connection:
        """A new connection to the file, checked before anything is written to it."""
        if self.read_only:
            conn = _read_only_connection(Path(self.path).expanduser())
        else:
            # isolation_level=None: we open transactions ourselves, one per article.
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _prepare(self) -> None:
        """Refuse a foreign, damaged or newer file, then (writable only) switch to WAL and migrate.

        The order matters: ``journal_mode = WAL`` and migrations write to the file.
        """
        try:
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            self._refuse_foreign(tables)
            if tables:
                self._refuse_damaged()
            current = self.schema_version
            if current > SCHEMA_VERSION:
                raise SchemaTooNew(self.path, current, SCHEMA_VERSION)
            if self.read_only:
                if current < SCHEMA_VERSION:
                    raise SchemaTooOld(self.path, current)
                return
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.OperationalError as error:
            if "readonly" in str(error) or "read-only" in str(error):
                raise StoreError(
                    f"cannot write to {self.path}: {error} (make the file and its folder writable, "
                    "or copy the database somewhere you may write)"
                ) from error
            raise StoreError(f"cannot open {self.path} as a faultlines database: {error}") from error
        except sqlite3.DatabaseError as error:
            if "malformed" in str(error):
                raise self._damaged(str(error)) from error
            raise StoreError(
                f"cannot open {self.path} as a faultlines database: {error} "
                "(is it an SQLite file? pass another --db to start a new one)"
            ) from error

    def _refuse_foreign(self, tables: set[str]) -> None:
        """Another program's SQLite file: adding our tables to it (or WAL) would change it."""
        if not tables:
            return
        columns = set()
        if "articles" in tables:
            columns = {r[1] for r in self.conn.execute("PRAGMA table_info(articles)")}
        ours = self.schema_version > 0 and {"key", "version", "content_hash", "text"} <= columns
        if not ours:
            raise StoreError(
                f"{self.path} is an SQLite database of another program (tables: "
                f"{', '.join(sorted(tables)[:5])}); faultlines leaves it as it is. Pass another --db"
            )

    def _refuse_damaged(self) -> None:
        problems = [r[0] for r in self.conn.execute("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            raise self._damaged("; ".join(problems))

    def _damaged(self, detail: str) -> StoreError:
        return StoreError(
            f"{self.path} is damaged (SQLite: {detail[:300]}). Restore it from a backup, or save what "
            f"can be read with: sqlite3 {self.path} .recover | sqlite3 recovered.db, then pass --db recovered.db"
        )

    def _refuse_read_only_file(self) -> None:
        """Say why an ingest cannot write, before SQLite fails with "unable to open database file"."""
        file = Path(self.path).expanduser()
        if not os.access(file.resolve().parent, os.W_OK):
            raise StoreError(
                f"cannot write to {self.path}: its folder {file.resolve().parent} is read-only (SQLite needs "
                "to create a journal next to the file); ingest into another --db. Query commands can still read it"
            )
        if file.exists() and not os.access(file, os.W_OK):
            raise StoreError(
                f"cannot write to {self.path}: the file is read-only (make it writable with: "
                f"chmod u+w {self.path}, or ingest into another --db); query commands can still read it"
            )

    # -- schema ---------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.schema_version
        for number, name, sql in _migrations():
            if number <= current:
                continue
            # IMMEDIATE: a second process opening the same new file waits here instead
            # of applying the same migration twice.
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                if self.schema_version >= number:
                    self.conn.execute("ROLLBACK")
                    continue
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number}")
                self.conn.execute("COMMIT")
            except sqlite3.Error as error:
                self.conn.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed on {self.path}: {error}") from error

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------

    def newest_version(self, key: str) -> sqlite3.Row | None:
        """The newest stored version of the article from ``key`` (a path, row or URL), if any."""
        return self.conn.execute(
            """SELECT id, version, content_hash, title, outlet, author, published, date_source, url
               FROM articles WHERE key = ? ORDER BY version DESC LIMIT 1""",
            (key,),
        ).fetchone()

    def find_hash(self, digest: str, *, other_than: str) -> sqlite3.Row | None:
        """An article from another source with the same text (a copy), if any."""
        return self.conn.execute(
            "SELECT id, key FROM articles WHERE content_hash = ? AND key != ? ORDER BY id LIMIT 1",
            (digest, other_than),
        ).fetchone()

    def add_article(
        self,
        article: Article,
        sentences: Sequence[Sentence],
        *,
        digest: str,
        model: str,
        actors: Sequence[Actor] = (),
        mentions: Sequence[Mention] = (),
        roles: Sequence[RoleInArticle] = (),
        statements: Sequence[Statement] = (),
        unless_same: Callable[[sqlite3.Row], bool] | None = None,
    ) -> Added:
        """Store an article with all that was derived from it, in one transaction.

        Returns (id, version, unchanged): an article whose key is already stored with other
        text becomes its next version. With ``unless_same``, nothing is written when it says
        the newest stored version is this article: the check runs inside the write
        transaction, so two processes ingesting the same input cannot both store it.
        ``actors`` must hold every actor the mentions and roles refer to, and their parents.
        """
        with self._transaction():
            newest = self.newest_version(article.key)
            if newest is not None and unless_same is not None and unless_same(newest):
                return Added(newest["id"], newest["version"], unchanged=True)
            # Parents and children arrive in any order; check references at commit.
            self.conn.execute("PRAGMA defer_foreign_keys = ON")
            self._upsert_actors(actors)
            version = (newest["version"] if newest is not None else 0) + 1
            cursor = self.conn.execute(
                """INSERT INTO articles (key, version, content_hash, title, text, input_kind,
                       url, path, outlet, author, published, date_source, model, ingested_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    article.key, version, digest, article.title, article.text,
                    article.input_kind, article.url, article.path, article.outlet,
                    article.author, article.published, article.date_source, model, _now(),
                ),
            )
            article_id = cursor.lastrowid
            self.conn.executemany(
                "INSERT INTO sentences (article_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?)",
                [(article_id, s.index, s.start, s.end, s.text) for s in sentences],
            )
            self.conn.executemany(
                """INSERT INTO mentions (article_id, sentence_idx, actor_id, start, end, text, how)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                [(article_id, m.sentence_index, m.actor_id, m.start, m.end, m.text, m.how) for m in mentions],
            )
            self.conn.executemany(
                """INSERT INTO roles (person_id, member_of, role, article_id, sentence_idx, seen_on)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                [(r.person_id, r.member_of, r.role, article_id, r.sentence_index, article.published) for r in roles],
            )
            self.conn.executemany(
                """INSERT INTO statements (article_id, sentence_idx, kind, type, source_actor_id,
                       target_actor_id, asserted_by_kind, asserted_by_actor_id, asserted_by_name,
                       attribution_cue, status, date, date_granularity, place, start, end, extractor)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    (article_id, t.sentence_index, t.kind, t.type, t.source_actor_id, t.target_actor_id,
                     t.attribution.kind, t.attribution.actor_id, t.attribution.name, t.attribution.cue,
                     t.status, t.date, t.date_granularity, t.place, t.start, t.end, t.extractor)
                    for t in statements
                ],
            )
        return Added(article_id, version)

    def _upsert_actors(self, actors: Sequence[Actor]) -> None:
        # A catalogue entry may have been edited since it was first stored: keep the row
        # in step. An actor found in text keeps the name it was first stored with.
        self.conn.executemany(
            """INSERT INTO actors (id, name, kind, parent_id, wikidata, cameo, origin)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET
                 name = CASE WHEN excluded.origin = 'catalogue' THEN excluded.name ELSE actors.name END,
                 kind = CASE WHEN excluded.origin = 'catalogue' THEN excluded.kind ELSE actors.kind END,
                 parent_id = coalesce(excluded.parent_id, actors.parent_id),
                 wikidata = coalesce(excluded.wikidata, actors.wikidata),
                 cameo = coalesce(excluded.cameo, actors.cameo),
                 origin = excluded.origin""",
            [
                # Actors found in text have ids with a "kind:" prefix (person:, org:, anon:);
                # catalogue ids never hold a colon.
                (a.id, a.name, a.kind, a.parent, a.wikidata, a.cameo, "discovered" if ":" in a.id else "catalogue")
                for a in actors
            ],
        )

    def start_run(self, inputs: Iterable[str]) -> int:
        with self._transaction():
            return self.conn.execute(
                "INSERT INTO runs (started_at, inputs) VALUES (?, ?)",
                (_now(), json.dumps(list(inputs))),
            ).lastrowid

    def finish_run(self, run_id: int, summary: IngestSummary) -> None:
        with self._transaction():
            self.conn.execute(
                """UPDATE runs SET finished_at = ?, ingested = ?, unchanged = ?, skipped = ?
                   WHERE id = ?""",
                (_now(), summary.ingested, summary.unchanged, len(summary.skipped), run_id),
            )

    def _transaction(self):
        return _Transaction(self.conn)

    # -- reading --------------------------------------------------------------------

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
        """Stored articles, newest version of each unless ``all_versions``, by date then id."""
        where, params = [], []
        if outlet:
            where.append("lower(a.outlet) = lower(?)")
            params.append(outlet)
        if since:
            where.append("a.published >= ?")
            params.append(since)
        if until:
            where.append("a.published <= ?")
            params.append(until)
        if search:
            where.append("(a.title LIKE ? OR a.text LIKE ?)")
            params += [f"%{search}%", f"%{search}%"]
        table = "articles" if all_versions else "latest_articles"
        sql = f"""SELECT a.*,
                     (SELECT count(*) FROM sentences s WHERE s.article_id = a.id) AS sentence_count,
                     (SELECT count(*) FROM statements t WHERE t.article_id = a.id) AS statement_count
                  FROM {table} a
                  {"WHERE " + " AND ".join(where) if where else ""}
                  ORDER BY a.published IS NULL, a.published, a.id"""
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return [_stored_article(row) for row in self.conn.execute(sql, params)]

    def article(self, article_id: int) -> StoredArticle | None:
        row = self.conn.execute(
            """SELECT a.*,
                 (SELECT count(*) FROM sentences s WHERE s.article_id = a.id) AS sentence_count,
                 (SELECT count(*) FROM statements t WHERE t.article_id = a.id) AS statement_count
               FROM articles a WHERE a.id = ?""",
            (article_id,),
        ).fetchone()
        return _stored_article(row) if row else None

    def sentences(self, article_id: int) -> list[Sentence]:
        return [
            Sentence(index=r["idx"], start=r["start"], end=r["end"], text=r["text"])
            for r in self.conn.execute(
                "SELECT idx, start, end, text FROM sentences WHERE article_id = ? ORDER BY idx",
                (article_id,),
            )
        ]

    def actor_rows(
        self, *, kind: str | None = None, search: str | None = None, ids: Sequence[str] = (), parents: Sequence[str] = (),
    ) -> list[dict]:
        """Stored actors with how often and in how many articles they are mentioned.

        ``parents``: only actors whose parent is one of these (found-in-text actors such as
        anon:RUS.MIL under RUS.MIL).
        """
        where, params = [], []
        if parents:
            where.append(_in("a.parent_id", parents))
            params += list(parents)
        if kind:
            where.append("lower(a.kind) = lower(?)")
            params.append(kind)
        if search or ids:
            alternatives = []
            if search:
                alternatives.append("(a.name LIKE ? OR a.id LIKE ?)")
                params += [f"%{search}%", f"%{search}%"]
            if ids:
                alternatives.append(_in("a.id", ids))
                params += list(ids)
            where.append("(" + " OR ".join(alternatives) + ")")
        rows = self.conn.execute(
            f"""SELECT a.id, a.name, a.kind, a.parent_id, a.wikidata, a.cameo, a.origin,
                       count(m.id) AS mentions, count(DISTINCT m.article_id) AS articles
                FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id
                {"WHERE " + " AND ".join(where) if where else ""}
                GROUP BY a.id ORDER BY mentions DESC, a.name""",
            params,
        )
        return [dict(row) for row in rows]

    def actor_mentions_by_article(self, actor_id: str) -> list[dict]:
        rows = self.conn.execute(
            """SELECT m.article_id, a.title, a.outlet, a.published, count(*) AS mentions,
                      group_concat(DISTINCT CASE WHEN m.how NOT IN ('pronoun', 'group_pronoun', 'anaphor')
                                               THEN m.text END) AS as_written
               FROM mentions m JOIN articles a ON a.id = m.article_id
               WHERE m.actor_id = ? GROUP BY m.article_id ORDER BY a.published, a.id""",
            (actor_id,),
        )
        return [dict(row) for row in rows]

    def roles_in_articles(self, person_id: str) -> list[dict]:
        """The roles articles give a person, each with when it was first and last seen."""
        rows = self.conn.execute(
            """SELECT r.role, r.member_of, m.name AS member_of_name,
                      min(r.seen_on) AS first_seen, max(r.seen_on) AS last_seen,
                      count(DISTINCT r.article_id) AS articles
               FROM roles r JOIN actors m ON m.id = r.member_of
               WHERE r.person_id = ? GROUP BY r.role, r.member_of ORDER BY first_seen""",
            (person_id,),
        )
        return [dict(row) for row in rows]

    def statement_rows(
        self,
        *,
        actor: Sequence[str] = (),
        types: Sequence[str] = (),
        by: str | Sequence[str] | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        article_id: int | None = None,
        limit: int | None = None,
    ) -> list[dict]:
        """Stored statements of the newest article versions, with actor names and evidence.

        ``actor`` ids match the source or the target; ``by`` is the asserter's kind
        (outlet, author, person, organization, anonymous) as a string, or asserter ids. Dates filter on the
        statement's date, or the article's when the statement has none.
        """
        where, params = ["a.id IN (SELECT id FROM latest_articles)"], []
        if actor:
            where.append(f"({_in('t.source_actor_id', actor)} OR {_in('t.target_actor_id', actor)})")
            params += list(actor) * 2
        if types:
            where.append(_in("t.type", types))
            params += [x.upper() for x in types]
        if isinstance(by, str):
            where.append("t.asserted_by_kind = lower(?)")
            params.append(by)
        elif by:
            where.append(_in("t.asserted_by_actor_id", by))
            params += list(by)
        if status:
            where.append("t.status = lower(?)")
            params.append(status)
        # A statement dated "2011" or "2017-10" spans that year or month: it is on or after
        # a day if its period ends then or later, on or before it if its period starts so.
        when = "coalesce(t.date, a.published)"
        if since:
            where.append(f"(CASE length({when}) WHEN 4 THEN {when} || '-12-31' WHEN 7 THEN {when} || '-31' "
                         f"ELSE substr({when}, 1, 10) END) >= ?")
            params.append(since)
        if until:
            where.append(f"substr({when}, 1, 10) <= ?")
            params.append(until)
        if article_id is not None:
            where.append("t.article_id = ?")
            params.append(article_id)
        sql = f"""SELECT t.*, a.key, a.path, a.outlet, a.published, a.text AS article_text,
                         src.name AS source_name, src.kind AS source_kind,
                         tgt.name AS target_name, tgt.kind AS target_kind,
                         by.name AS by_actor_name
                  FROM statements t
                  JOIN articles a ON a.id = t.article_id
                  JOIN actors src ON src.id = t.source_actor_id
                  JOIN actors tgt ON tgt.id = t.target_actor_id
                  LEFT JOIN actors by ON by.id = t.asserted_by_actor_id
                  WHERE {" AND ".join(where)}
                  ORDER BY coalesce(t.date, a.published), t.article_id, t.start, t.id"""
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return [dict(row) for row in self.conn.execute(sql, params)]

    def evidence_rows(self) -> list[dict]:
        """Every statement of the newest article versions, with its sentence and the
        article's outlet and date: what the claims layer reads (no article texts)."""
        sql = """SELECT t.id, t.article_id, t.sentence_idx, t.kind, t.type, t.source_actor_id,
                        t.target_actor_id, t.asserted_by_kind, t.asserted_by_actor_id,
                        coalesce(t.asserted_by_name, by.name) AS asserted_by_name, t.attribution_cue,
                        t.status, t.date, t.place, t.start, t.end, t.extractor,
                        substr(a.text, t.start + 1, t.end - t.start) AS sentence,
                        a.key, a.path, a.outlet, a.published
                 FROM statements t
                 JOIN articles a ON a.id = t.article_id
                 LEFT JOIN actors by ON by.id = t.asserted_by_actor_id
                 WHERE a.id IN (SELECT id FROM latest_articles)
                 ORDER BY t.id"""
        return [dict(row) for row in self.conn.execute(sql)]

    def actor_names(self) -> dict[str, str]:
        """id -> name of every stored actor."""
        return dict(self.conn.execute("SELECT id, name FROM actors").fetchall())

    def article_texts(self) -> list[dict]:
        """id, text and date of the newest version of every article (for finding copies)."""
        return [dict(row) for row in self.conn.execute(
            "SELECT id, text, published, outlet FROM latest_articles ORDER BY id")]

    def outlet_counts(self) -> dict[str, int]:
        """Articles per outlet (newest versions); articles without one under ''."""
        return {row[0] or "": row[1] for row in self.conn.execute(
            "SELECT outlet, count(*) FROM latest_articles GROUP BY outlet")}

    def data_version(self) -> tuple:
        """Changes whenever articles or statements are added or removed (for caches)."""
        return tuple(self.conn.execute(
            "SELECT (SELECT max(id) FROM articles), (SELECT count(*) FROM articles),"
            " (SELECT max(id) FROM statements), (SELECT count(*) FROM statements)").fetchone())

    def counts(self) -> dict[str, int]:
        return {
            table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "sentences", "actors", "mentions", "roles", "statements")
        }


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (sqlite3 in autocommit mode).

    IMMEDIATE takes the write lock before the first read, so what a transaction reads
    (the newest version of an article) cannot change under it before it writes.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type:
            self.conn.execute("ROLLBACK")
            return
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error:
            # A deferred foreign key fails at COMMIT, which leaves the transaction open.
            self.conn.execute("ROLLBACK")
            raise


def _read_only_connection(file: Path) -> sqlite3.Connection:
    """``mode=ro``; where the folder is read-only too, ``immutable=1``.

    A WAL database needs its -shm file, which SQLite cannot create in a read-only folder;
    nobody can write there either, so reading the file as immutable is safe.
    """
    uri = file.resolve().as_uri()
    folder_writable = os.access(file.resolve().parent, os.W_OK)
    conn = sqlite3.connect(f"{uri}?mode=ro" if folder_writable else f"{uri}?immutable=1", uri=True,
                           isolation_level=None, timeout=30, check_same_thread=False)
    conn.execute("PRAGMA query_only = ON")
    return conn


def _stored_article(row: sqlite3.Row) -> StoredArticle:
    return StoredArticle(
        id=row["id"], key=row["key"], version=row["version"],
        content_hash=row["content_hash"], title=row["title"], text=row["text"],
        input_kind=row["input_kind"], url=row["url"], path=row["path"],
        outlet=row["outlet"], author=row["author"], published=row["published"],
        date_source=row["date_source"], ingested_at=row["ingested_at"],
        sentence_count=row["sentence_count"], statement_count=row["statement_count"],
    )


def _in(column: str, values: Sequence) -> str:
    """``column IN (?, ?, ...)`` with one placeholder per value."""
    return f"{column} IN ({', '.join('?' * len(values))})"


def _split_sql(script: str) -> list[str]:
    """Statements of a migration file, for running them one by one inside a transaction.

    ``executescript`` would commit on its own; sqlite3.complete_statement finds where each
    statement ends without being fooled by semicolons in comments or strings.
    """
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        l.strip().startswith("--") or not l.strip() for l in buffer.splitlines()
    ):
        statements.append(buffer.strip())
    return statements
