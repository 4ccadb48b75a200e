"""Articles from local files: .txt, .md, .html/.htm, .json/.jsonl records, .csv rows, feeds.

Each reader yields Article values, or a Problem for each input it cannot read (a bad row of
a CSV does not spoil the other rows). Checks that apply to every file — exists, readable,
not empty, not binary, not too large, decodable — run once in ``read_file`` before the
type's reader. Metadata overrides (sidecar, flags) are applied by the caller.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Iterator, Mapping

from ..errors import InputError
from ..options import (
    AUTHOR_FIELDS,
    DATE_FIELDS,
    OUTLET_FIELDS,
    TEXT_FIELDS,
    TITLE_FIELDS,
    URL_FIELDS,
    Options,
)
from ..values import Article, Problem
from .dates import find_dateline, from_timestamp, parse_date
from .html import article_from_html

# File suffix -> how to read it. A folder walk reads only these and leaves other files
# (images, PDFs, sidecars) alone; a file named on the command line with another suffix
# is reported.
SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl",
    ".ndjson": "jsonl", ".csv": "csv", ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
SIDECAR_SUFFIX = ".meta.json"
_BINARY_SNIFF = 8192


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def walk_folder(folder: Path) -> Iterator[Path | Problem]:
    """Readable article files under a folder, recursively, in a stable order, and a
    Problem for each subfolder that cannot be entered and each symlink that leads out.

    Hidden files and folders (.git, .DS_Store) and sidecars are left out. Symlinks are
    read only when they point inside the folder: a link to /etc/passwd in a shared folder
    must not end up in the database. Symlinked folders are not entered.
    """
    root = folder.resolve()
    found: list[Path | Problem] = []

    def cannot_enter(error: OSError) -> None:
        reason = "permission denied" if isinstance(error, PermissionError) else f"cannot read folder: {error.strerror or error}"
        found.append(Problem(
            str(error.filename or folder), f"{reason}; the files in it were not read",
            "make the folder readable (chmod +rx) or move it out of the folder you ingest",
        ))

    for current, folders, names in os.walk(folder, onerror=cannot_enter):
        here = Path(current)
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in folders:
            if (here / name).is_symlink() and not _inside(here / name, root):
                found.append(_leads_out(here / name))
        for name in names:
            path = here / name
            if name.startswith(".") or is_sidecar(path) or path.suffix.lower() not in SUFFIXES:
                continue
            if path.is_symlink() and not _inside(path, root):
                found.append(_leads_out(path))
            elif path.is_file():
                found.append(path)
    return iter(sorted(found, key=lambda item: Path(item.location).parts if isinstance(item, Problem) else item.parts))


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root)


def _leads_out(link: Path) -> Problem:
    return Problem(
        str(link), "symlink points outside the folder; not followed",
        "copy the file into the folder, or name it on the command line if you mean to ingest it",
    )


def read_file(path: Path, options: Options) -> Iterator[Article | Problem]:
    """The articles in one file, or Problems saying why (some of) it could not be read."""
    location = str(path)
    try:
        kind = SUFFIXES.get(path.suffix.lower())
        if kind is None:
            raise InputError(
                location,
                f"unsupported file type '{path.suffix or '(none)'}'",
                "faultlines reads " + ", ".join(sorted(set(SUFFIXES))),
            )
        raw = _read_bytes(path, options)
        if kind == "feed":
            from .feeds import read_feed  # feeds pull in the network layer: load on use

            yield from read_feed(raw, location, options)
            return
        text = _decode(raw, location, options)
        if kind in ("txt", "md"):
            yield _article_from_plain_text(text, path, kind)
        elif kind == "html":
            yield article_from_html(text, key=str(path.resolve()), input_kind="html", path=location)
        elif kind == "json":
            yield from _articles_from_json(text, path, options)
        elif kind == "jsonl":
            yield from _articles_from_jsonl(text, path, options)
        elif kind == "csv":
            yield from _articles_from_csv(text, path, options)
    except InputError as error:
        yield error.problem


def read_stdin(raw: bytes, options: Options) -> Article:
    """An article piped on standard input: HTML if it looks like HTML, else plain text."""
    if not raw.strip():
        raise InputError("-", "standard input is empty", "pipe an article into faultlines")
    text = _decode(raw, "-", options)
    from ..store import content_hash  # the key must differ for each text piped in

    key = f"stdin:{content_hash(text)[:16]}"
    if text.lstrip()[:1] == "<":
        return article_from_html(text, key=key, input_kind="stdin")
    title, body = _split_title(text)
    return Article(
        text=text.strip(), key=key, input_kind="stdin", title=title,
        published=find_dateline(body), date_source="text" if find_dateline(body) else None,
    )


def read_sidecar(path: Path) -> dict:
    """Metadata from ``name.meta.json`` (or ``name.ext.meta.json``) next to a file."""
    for candidate in (path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
        if candidate.is_file():
            try:
                meta = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
                raise InputError(
                    str(candidate), f"sidecar is not valid JSON: {error}",
                    'fix the file or remove it; it should look like {"outlet": "...", "date": "YYYY-MM-DD"}',
                ) from error
            if not isinstance(meta, dict):
                raise InputError(str(candidate), "sidecar must hold a JSON object", 'e.g. {"outlet": "Reuters"}')
            for field in ("date", "published"):
                if meta.get(field) and parse_date(str(meta[field])) is None:
                    # Ignoring it would date the article by the file's time, without a word.
                    raise InputError(
                        str(candidate), f"sidecar {field} '{meta[field]}' is not a date",
                        f'write it as YYYY-MM-DD, e.g. {{"{field}": "2017-10-03"}}',
                    )
            return meta
    return {}


# -- checks shared by every file ----------------------------------------------------------


def _read_bytes(path: Path, options: Options) -> bytes:
    location = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(
                location,
                f"file is {size:,} bytes, over the {options.max_bytes:,}-byte limit",
                "raise the limit with --max-bytes if it really is one article or one dataset",
            )
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise InputError(location, "no such file", "check the path") from error
    except PermissionError as error:
        raise InputError(location, "permission denied", "make the file readable (chmod +r)") from error
    except IsADirectoryError as error:
        raise InputError(location, "is a directory", "pass the folder itself") from error
    except OSError as error:
        raise InputError(location, f"cannot read file: {error.strerror or error}") from error
    if not raw.strip():
        raise InputError(location, "file is empty", "remove it or fill it with an article")
    if b"\x00" in raw[:_BINARY_SNIFF] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            location, "binary file, not text",
            "convert it to .txt or .html first (faultlines does not read PDFs or Word files)",
        )
    return raw


def _decode(raw: bytes, location: str, options: Options) -> str:
    encoding = options.encoding
    if encoding.replace("-", "").lower() == "utf8":
        encoding = "utf-8-sig"  # tolerate the byte-order mark Windows editors write
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "utf-16"  # its byte-order mark says so (Notepad's "Unicode"); the codec drops it
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            location,
            f"not valid {options.encoding}: byte 0x{raw[error.start]:02x} at offset {error.start}",
            "re-save the file as UTF-8, or name its encoding with --encoding (e.g. cp1252)",
        ) from error
    except LookupError as error:
        raise InputError(location, f"unknown encoding '{options.encoding}'", "pass a Python codec name to --encoding") from error


# -- plain text ---------------------------------------------------------------------------


def _split_title(text: str) -> tuple[str | None, str]:
    """First non-blank line as the title, the rest as the body (a one-line text has no title)."""
    lines = text.strip().splitlines()
    if len(lines) < 2:
        return None, text.strip()
    title = re.sub(r"^#+\s*", "", lines[0]).strip() or None
    return title, "\n".join(lines[1:]).strip()


def _article_from_plain_text(text: str, path: Path, kind: str) -> Article:
    title, body = _split_title(text)
    if not body:
        raise InputError(str(path), "file has no text", "put the title on line 1 and the article below it")
    # The headline stays the first paragraph of the stored text: headlines make claims
    # ("Moscow: coalition sheltering militants") and offsets stay those of the file.
    published, date_source = find_dateline(body), "text"
    body = f"{title}\n\n{body}" if title else body
    if published is None:
        published, date_source = from_timestamp(path.stat().st_mtime), "file-mtime"
    return Article(
        text=body, key=str(path.resolve()), input_kind=kind, title=title,
        path=str(path), published=published, date_source=date_source,
    )


# -- records: JSON, JSONL, CSV ------------------------------------------------------------


def _pick(record: Mapping, names: tuple[str, ...]) -> str | None:
    """The first non-empty value among ``names`` (case-insensitive keys)."""
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if value not in (None, "") and str(value).strip():
            return str(value).strip()
    return None


def article_from_record(record: Mapping, *, key: str, kind: str, path: Path, options: Options) -> Article:
    """An article from one JSON object or CSV row."""
    text_fields = (options.text_field.lower(),) if options.text_field else TEXT_FIELDS
    text = _pick(record, text_fields)
    if not text:
        raise InputError(
            key,
            f"no text in field {' / '.join(text_fields)}; fields are: {', '.join(map(str, record))}",
            "name the text field with --text-field",
        )
    raw_date = _pick(record, DATE_FIELDS)
    published = parse_date(raw_date)
    return Article(
        text=text, key=key, input_kind=kind, title=_pick(record, TITLE_FIELDS),
        url=_pick(record, URL_FIELDS), path=str(path), outlet=_pick(record, OUTLET_FIELDS),
        author=_pick(record, AUTHOR_FIELDS), published=published,
        date_source="metadata" if published else None,
    )


def _load_json(text: str, location: str):
    """The value of a JSON text, or InputError naming what is wrong and the fix.

    Integers are kept as their digits: a 5,000-digit number is over Python's limit for
    turning digits into an int, and no field faultlines reads needs it as a number.
    """
    try:
        return json.loads(text, parse_int=str)
    except json.JSONDecodeError as error:
        raise InputError(location, f"invalid JSON at line {error.lineno}: {error.msg}", "fix the file") from error
    except RecursionError as error:
        raise InputError(
            location, "JSON nested too deeply to read",
            "records need only an object with a text field, or a list of such objects",
        ) from error
    except ValueError as error:
        raise InputError(location, f"invalid JSON: {error}", "fix the file") from error


def _articles_from_json(text: str, path: Path, options: Options) -> Iterator[Article | Problem]:
    data = _load_json(text, str(path))
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        key = f"{path.resolve()}#{number}" if isinstance(data, list) else str(path.resolve())
        if not isinstance(record, dict):
            yield Problem(key, "record is not a JSON object", "each record needs a text field")
            continue
        try:
            yield article_from_record(record, key=key, kind="json", path=path, options=options)
        except InputError as error:
            yield error.problem


def _articles_from_jsonl(text: str, path: Path, options: Options) -> Iterator[Article | Problem]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        key = f"{path.resolve()}#line-{number}"
        try:
            record = _load_json(line, key)
        except InputError as error:
            yield replace(error.problem, fix="fix or remove that line")
            continue
        if not isinstance(record, dict):
            yield Problem(key, "line is not a JSON object", "each line needs a text field")
            continue
        try:
            yield article_from_record(record, key=key, kind="jsonl", path=path, options=options)
        except InputError as error:
            yield error.problem


# After this many malformed rows a file is given up: it is probably not CSV at all.
_MAX_BAD_ROWS = 100


class _Lines:
    """The lines of a text, fed to csv.reader, with where the next one starts."""

    def __init__(self, text: str):
        self.lines = list(io.StringIO(text, newline=""))
        self.next = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.next >= len(self.lines):
            raise StopIteration
        self.next += 1
        return self.lines[self.next - 1]


def _articles_from_csv(text: str, path: Path, options: Options) -> Iterator[Article | Problem]:
    """One article per row. A row whose quoting is broken is reported and reading goes on
    from the line after the one it began on: a stray opening quote would otherwise run the
    field on through the following rows, and they would be lost without a word."""
    # Whole articles sit in one cell; the default 128 KiB field limit is too small.
    csv.field_size_limit(max(options.max_bytes, 1 << 20))
    lines = _Lines(text)
    try:
        header = next(csv.reader(lines, strict=True), [])
    except csv.Error as error:
        raise InputError(f"{path}#line-1", f"malformed CSV header: {error}", "fix the quoting of the first line") from error
    columns = [c.lower() for c in header]
    wanted = (options.text_field.lower(),) if options.text_field else TEXT_FIELDS
    if not any(name in columns for name in wanted):
        raise InputError(
            str(path),
            f"no text column ({' / '.join(wanted)}); columns are: {', '.join(header)}",
            "name the text column with --text-field",
        )
    reader, number, bad = csv.reader(lines, strict=True), 0, 0
    while True:
        first = lines.next
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            reason = f"malformed CSV row: {error}"
        else:
            if not row:
                continue
            spanned = lines.next - first
            if spanned == 1 or len(row) == len(header):
                number += 1
                key = f"{path.resolve()}#row-{number}"
                try:
                    yield article_from_record(dict(zip(header, row)), key=key, kind="csv", path=path, options=options)
                except InputError as error:
                    yield error.problem
                continue
            reason = f"row runs over {spanned} lines and has {len(row)} fields, not {len(header)}"
        number += 1  # the row keeps its number: fixing it must not renumber the rows after it
        bad += 1
        yield Problem(
            f"{path}#line-{first + 1}", f"{reason} (a stray quote?); the rows after it are read on",
            'fix the quoting of that row: a field with a quote in it is quoted, its quotes doubled ("")',
        )
        if bad >= _MAX_BAD_ROWS:
            yield Problem(str(path), f"{bad} malformed rows; the rest of the file was not read", "check that it is CSV")
            return
        lines.next = first + 1
        reader = csv.reader(lines, strict=True)
