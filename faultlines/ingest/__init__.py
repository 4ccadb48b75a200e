"""Ingestion: turn command-line inputs (folders, files, stdin, URLs, feeds) into Articles.

``collect`` is the one entry point: it yields an Article for every article it can read and
a Problem for everything it cannot, never raising for bad input, so a batch always goes
on. It does no NLP and no storage.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..errors import InputError
from ..options import Options
from ..values import Article, Problem
from .dates import parse_date
from .files import read_file, read_sidecar, read_stdin, walk_folder

__all__ = ["collect", "is_url"]


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def collect(
    inputs: Iterable[str], options: Options, stdin: BinaryIO | None = None
) -> Iterator[Article | Problem]:
    """Every article in ``inputs``, with sidecar and flag overrides applied."""
    for value in inputs:
        if value == "-":
            try:
                stream = stdin if stdin is not None else sys.stdin.buffer
                yield _override(read_stdin(stream.read(options.max_bytes + 1), options), {}, options)
            except InputError as error:
                yield error.problem
        elif is_url(value):
            from .web import read_url  # httpx is only imported when a URL is given

            for item in read_url(value, options):
                yield item if isinstance(item, Problem) else _override(item, {}, options)
        else:
            path = Path(value).expanduser()
            if path.is_dir():
                files = list(walk_folder(path))
                if not files:
                    yield Problem(value, "folder holds no readable article files", "faultlines reads .txt .md .html .json .jsonl .csv .rss .atom .xml")
                for file in files:
                    yield from _read_with_sidecar(file, options)
            elif path.exists():
                yield from _read_with_sidecar(path, options)
            else:
                yield Problem(value, "no such file, folder or URL", "check the path; URLs must start with http:// or https://")


def _read_with_sidecar(path: Path, options: Options) -> Iterator[Article | Problem]:
    try:
        sidecar = read_sidecar(path)
    except InputError as error:
        yield error.problem
        return
    for item in read_file(path, options):
        yield item if isinstance(item, Problem) else _override(item, sidecar, options)


def _override(article: Article, sidecar: dict, options: Options) -> Article:
    """Apply metadata the user gave: a sidecar beats a flag, a flag beats what was found."""
    changes: dict = {}
    for field, flag in (("outlet", options.outlet), ("title", None), ("author", None), ("url", None)):
        if sidecar.get(field):
            changes[field] = str(sidecar[field])
        elif flag:
            changes[field] = flag
    sidecar_date = parse_date(sidecar.get("date") or sidecar.get("published"))
    if sidecar_date:
        changes.update(published=sidecar_date, date_source="sidecar")
    elif options.date:
        changes.update(published=parse_date(options.date), date_source="flag")
    return replace(article, **changes) if changes else article
