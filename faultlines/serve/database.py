"""The database behind the web app, opened read-only and shared by every request.

SQLite opens the file with ``mode=ro`` and ``PRAGMA query_only``, so nothing the app does
can change it, and the schema is checked instead of migrated (migrating is a write). One
connection serves all requests under a lock: the claims layer caches its analysis on the
open database, and a per-request connection would rebuild it every time.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path
from typing import Iterator

from ..api import Faultlines
from ..errors import SchemaTooNew, StoreError
from ..options import Options
from ..store import SCHEMA_VERSION, Store


class ReadOnlyStore(Store):
    """A ``Store`` on an existing file, opened so that SQLite refuses every write."""

    def __init__(self, path: str | Path):  # noqa: D107 (deliberately not calling Store.__init__: it migrates)
        file = Path(path).expanduser()
        self.path = str(path)
        if not file.is_file():
            raise StoreError(f"no faultlines database at {path} (create one with: faultlines ingest ARTICLES --db {path})")
        try:
            self.conn = sqlite3.connect(
                file.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None, check_same_thread=False,
            )
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA query_only = ON")
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open {path} as a faultlines database: {error} (is it an SQLite file?)") from error
        if "articles" not in tables:
            self.conn.close()
            raise StoreError(f"{path} is not a faultlines database (create one with: faultlines ingest ARTICLES --db {path})")
        version = self.schema_version
        if version > SCHEMA_VERSION:
            self.conn.close()
            raise SchemaTooNew(self.path, version, SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            self.conn.close()
            raise StoreError(
                f"{path} was written by an older faultlines (schema {version}, this one reads {SCHEMA_VERSION}); "
                f"upgrade it once with: faultlines articles --db {path}"
            )


class ReadOnlyFaultlines(Faultlines):
    """``Faultlines`` whose store is a ``ReadOnlyStore``.

    ``Faultlines.__init__`` runs on a throwaway in-memory store (it would open the file
    writable and migrate it), so everything else it sets up stays as the API defines it.
    """

    def __init__(self, path: str | Path, options: Options | None = None):
        store = ReadOnlyStore(path)
        try:
            super().__init__(":memory:", options)
        except BaseException:
            store.close()
            raise
        self.store.close()
        self.store = store


class ReadOnlyDatabase:
    """A ``ReadOnlyFaultlines`` shared by all requests, used by one request at a time."""

    def __init__(self, path: str | Path, options: Options | None = None):
        self.path = Path(path)
        self._db = ReadOnlyFaultlines(path, options)
        # A plain Lock, not an RLock: FastAPI may leave a dependency in another thread than it entered.
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def use(self) -> Iterator[Faultlines]:
        """The open database, for the duration of one request's reading."""
        with self._lock:
            yield self._db

    def close(self) -> None:
        with self._lock:
            self._db.close()
