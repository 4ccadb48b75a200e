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
from typing import Any, Sequence

from rich import box
from rich.console import Console
from rich.table import Table

stdout = Console(soft_wrap=False)
stderr = Console(stderr=True)


_SHORT = 12  # columns never wider than this are never cut
_FULL_MAX = 36  # ids are shown whole up to this width


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


def emit(
    rows: Sequence[dict],
    fmt: Format,
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    full: Sequence[str] = ("id",),
) -> None:
    """Print ``rows`` in the chosen format; ``columns`` picks and orders table/CSV columns.

    In a table, the ``full`` columns (ids, which a user copies into the next command)
    are never cut short.
    """
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
        table = Table(title=title, box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
        cells = [["" if row.get(c) is None else " ".join(str(row.get(c)).split()) for c in columns] for row in rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        # Ids, dates and counts are shown in full; titles and names share what is left of
        # the terminal, one line per row, cut with an ellipsis.
        # Ids a user copies stay whole, up to a width that leaves room for the rest.
        widths = [min(w, _FULL_MAX) if c in full else w for w, c in zip(widths, columns)]
        short = [w <= _SHORT or c in full for w, c in zip(widths, columns)]
        spare = stdout.width - sum(w for w, s in zip(widths, short) if s) - 3 * len(columns) - 2
        long_total = sum(w for w, s in zip(widths, short) if not s) or 1
        for column, width, is_short in zip(columns, widths, short):
            if is_short:
                table.add_column(column, no_wrap=True, min_width=width, max_width=max(width, _SHORT), overflow="ellipsis")
            else:
                share = max(8, spare * width // long_total)
                table.add_column(column, no_wrap=True, overflow="ellipsis", max_width=share)
        for row in cells:
            table.add_row(*row)
        stdout.print(table)


def emit_object(value: Any) -> None:
    print(json.dumps(to_plain(value), ensure_ascii=False, indent=2))
