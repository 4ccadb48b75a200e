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
import re
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


def walk_folder(folder: Path) -> Iterator[Path]:
    """Readable article files under a folder, recursively, in a stable order.

    Hidden files and folders (.git, .DS_Store) and sidecars are left out.
    """
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and not is_sidecar(path) and path.suffix.lower() in SUFFIXES:
            yield path


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


def _articles_from_json(text: str, path: Path, options: Options) -> Iterator[Article | Problem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(str(path), f"invalid JSON at line {error.lineno}: {error.msg}", "fix the file") from error
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
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Problem(key, f"invalid JSON: {error.msg}", "fix or remove that line")
            continue
        if not isinstance(record, dict):
            yield Problem(key, "line is not a JSON object", "each line needs a text field")
            continue
        try:
            yield article_from_record(record, key=key, kind="jsonl", path=path, options=options)
        except InputError as error:
            yield error.problem


def _articles_from_csv(text: str, path: Path, options: Options) -> Iterator[Article | Problem]:
    # Whole articles sit in one cell; the default 128 KiB field limit is too small.
    csv.field_size_limit(max(options.max_bytes, 1 << 20))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.lower() for c in (reader.fieldnames or [])]
    wanted = (options.text_field.lower(),) if options.text_field else TEXT_FIELDS
    if not any(name in columns for name in wanted):
        raise InputError(
            str(path),
            f"no text column ({' / '.join(wanted)}); columns are: {', '.join(reader.fieldnames or [])}",
            "name the text column with --text-field",
        )
    try:
        for number, row in enumerate(reader, start=1):
            key = f"{path.resolve()}#row-{number}"
            row = {k: v for k, v in row.items() if k is not None}
            try:
                yield article_from_record(row, key=key, kind="csv", path=path, options=options)
            except InputError as error:
                yield error.problem
    except csv.Error as error:
        yield Problem(f"{path}#line-{reader.line_num}", f"malformed CSV: {error}", "fix the quoting of that row")
