"""Ingestion: turn command-line inputs (folders, files, stdin, URLs, feeds) into Articles.

``collect`` is the one entry point: it yields an Article for every article it can read and
a Problem for everything it cannot, never raising for bad input, so a batch always goes
on. It does no NLP and no storage. Every article leaves it normalised (``normalise``):
no lone surrogates, no punctuation runs that would make tokenizing quadratic.
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
from .normalise import normalise_article, without_surrogates

__all__ = ["collect", "is_url"]


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def collect(
    inputs: Iterable[str], options: Options, stdin: BinaryIO | None = None
) -> Iterator[Article | Problem]:
    """Every article in ``inputs``, with sidecar and flag overrides applied."""
    for item in _collect(inputs, options, stdin):
        if isinstance(item, Problem):
            # A file name that is not UTF-8 reaches Python with surrogates in it.
            yield replace(item, location=without_surrogates(item.location))
        else:
            yield normalise_article(item)


def _collect(inputs: Iterable[str], options: Options, stdin: BinaryIO | None) -> Iterator[Article | Problem]:
    for value in inputs:
        if value == "-":
            try:
                stream = stdin if stdin is not None else sys.stdin.buffer
                raw = stream.read(options.max_bytes + 1)
                if len(raw) > options.max_bytes:
                    # Cutting it would store part of an article as if it were all of it.
                    raise InputError(
                        "-", f"standard input is over the {options.max_bytes:,}-byte limit",
                        "raise the limit with --max-bytes, or save the text to a file and split it",
                    )
                yield _override(read_stdin(raw, options), {}, options)
            except InputError as error:
                yield error.problem
        elif is_url(value):
            from .web import read_url  # httpx is only imported when a URL is given

            for item in read_url(value, options):
                yield item if isinstance(item, Problem) else _override(item, {}, options)
        else:
            path = Path(value).expanduser()
            if path.is_dir():
                found = list(walk_folder(path))
                if not found:
                    yield Problem(value, "folder holds no readable article files", "faultlines reads .txt .md .html .json .jsonl .csv .rss .atom .xml")
                for file in found:
                    if isinstance(file, Problem):
                        yield file
                    else:
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
