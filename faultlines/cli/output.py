"""Print rows as a rich table, JSON, JSON lines or CSV: the ``--format`` of every command.

Data goes to stdout, messages and progress to stderr, so ``--format jsonl > out.jsonl``
stays clean.
"""

from __future__ import annotations

import csv
import dataclasses
import enum
import json
import sys
from typing import Any, Iterable, Sequence

from rich.console import Console
from rich.table import Table

stdout = Console(soft_wrap=False)
stderr = Console(stderr=True)


class Format(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def to_plain(value: Any) -> Any:
    """Dataclasses and tuples as JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: to_plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    return value


def emit(rows: Sequence[dict], fmt: Format, *, columns: Sequence[str] | None = None, title: str | None = None) -> None:
    """Print ``rows`` in the chosen format; ``columns`` picks and orders table/CSV columns."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt is Format.json:
        print(json.dumps([to_plain(r) for r in rows], ensure_ascii=False, indent=2))
    elif fmt is Format.jsonl:
        for row in rows:
            print(json.dumps(to_plain(row), ensure_ascii=False))
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=title, show_lines=False, header_style="bold")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        stdout.print(table)


def emit_object(value: Any) -> None:
    print(json.dumps(to_plain(value), ensure_ascii=False, indent=2))


def lines(values: Iterable[str]) -> str:
    return "\n".join(values)
