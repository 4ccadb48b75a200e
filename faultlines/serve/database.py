"""The database behind the web app, opened read-only and shared by every request.

SQLite opens the file read-only (``mode=ro``, or ``immutable`` in a read-only folder, with
``PRAGMA query_only``), so nothing the app does can change it, and the schema is checked
instead of migrated (migrating is a write). Requests run side by side: each thread has
its own connection, while what is worth keeping -- the claims analysis, actor names, the
JSON of the heavy endpoints -- is shared and kept until the file changes (its size and
modification time, and its write-ahead log's, say when an ingest has written to it).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Callable, Hashable, Iterator, TypeVar

from ..api import Faultlines
from ..options import Options
from ..store import Store

T = TypeVar("T")
CACHED_RESPONSES = 256  # distinct (endpoint, filters) answers kept; the oldest go first


class PerThreadStore(Store):
    """A read-only ``Store`` with one SQLite connection per thread (a connection must not
    serve two requests at once; one per thread lets them run side by side)."""

    def __init__(self, path: str | Path):
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        super().__init__(path, create=False, read_only=True)  # checks the file once

    @property
    def conn(self) -> sqlite3.Connection:  # type: ignore[override]
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self.conn = self._connect()
        return conn

    @conn.setter
    def conn(self, conn: sqlite3.Connection) -> None:
        self._local.conn = conn
        with self._connections_lock:
            self._connections.append(conn)

    def close(self) -> None:
        with self._connections_lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()


class ReadOnlyFaultlines(Faultlines):
    """``Faultlines`` whose store is a ``PerThreadStore``.

    ``Faultlines.__init__`` runs on a throwaway in-memory store (it would open the file for
    the query commands' single thread), so everything else it sets up stays as the API
    defines it.
    """

    def __init__(self, path: str | Path, options: Options | None = None):
        store = PerThreadStore(path)
        try:
            super().__init__(":memory:", options)
        except BaseException:
            store.close()
            raise
        self.store.close()
        self.store = store


class ReadOnlyDatabase:
    """A ``ReadOnlyFaultlines`` shared by all requests, and the answers worth keeping."""

    def __init__(self, path: str | Path, options: Options | None = None):
        self.path = Path(path)
        self._db = ReadOnlyFaultlines(path, options)
        # Loaded now, not by the first requests at once: the catalogue and the actor names.
        self._db.catalogue  # noqa: B018
        self._db.actor_name("")
        self._answers: OrderedDict[Hashable, tuple[tuple, object]] = OrderedDict()
        # Only building an answer that is not kept is one at a time: the builds share the
        # claims analysis, which the first one makes for the rest.
        self._building = threading.Lock()
        self._seen_state = self.state()

    @contextlib.contextmanager
    def use(self) -> Iterator[Faultlines]:
        """The open database, for one request's reading (no lock: each thread has its connection)."""
        state = self.state()
        if state != self._seen_state:
            # Written since the last request: the actor kinds the pages keep (web._kinds) go.
            self._seen_state = state
            self._db.__dict__.pop("_serve_kinds", None)
        yield self._db

    def state(self) -> tuple:
        """What changes whenever the file is written: size and modification time of the
        database and of its write-ahead log."""
        found = []
        for file in (self.path, Path(f"{self.path}-wal")):
            try:
                stat = os.stat(file)
            except OSError:
                found.append(None)
            else:
                found.append((stat.st_size, stat.st_mtime_ns))
        return tuple(found)

    def cached(self, key: Hashable, build: Callable[[Faultlines], T]) -> T:
        """``build(db)``, kept for ``key`` until the database file changes."""
        state = self.state()
        kept = self._answers.get(key)
        if kept is not None and kept[0] == state:
            return kept[1]  # type: ignore[return-value]
        with self._building:
            kept = self._answers.get(key)
            if kept is not None and kept[0] == state:
                return kept[1]  # type: ignore[return-value]
            value = build(self._db)
            self._answers[key] = (state, value)
            self._answers.move_to_end(key)
            while len(self._answers) > CACHED_RESPONSES:
                self._answers.popitem(last=False)
            return value

    def close(self) -> None:
        self._db.close()
