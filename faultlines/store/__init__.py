"""Storage of articles and everything derived from them, in one SQLite file."""

from .db import SCHEMA_VERSION, Added, SchemaTooOld, Store, content_hash

__all__ = ["SCHEMA_VERSION", "Added", "SchemaTooOld", "Store", "content_hash"]
