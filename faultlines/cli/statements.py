"""``faultlines extract`` and ``faultlines statements``: who does what to whom, and who says so."""

from __future__ import annotations

import sys
from typing import List, Optional

import typer

from .. import api
from ..options import Options
from ..values import Problem
from . import app, reports_errors
from .ingest import CATALOGUE_OPTION, DB_OPTION, MODEL_OPTION
import enum

from ..export.claims import plover_record
from .output import Format, emit, emit_object, stderr


class Status(str, enum.Enum):
    fact = "fact"
    negated = "negated"
    hypothetical = "hypothetical"
    opinion = "opinion"

class StatementFormat(str, enum.Enum):
    """The formats of every command, plus PLOVER JSON for events."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    plover = "plover"


STATEMENT_COLUMNS = ["published", "date", "type", "source", "target", "asserted_by", "status", "place", "doc"]


def flat(record: dict) -> dict:
    """A statement record with its actors as names, for tables and CSV (empty for the
    unknown end of a one-sided event)."""
    source, target = record["source"] or {}, record["target"] or {}
    return {
        **{k: v for k, v in record.items() if k not in ("source", "target", "asserted_by")},
        "date": record["date"],
        "source": source.get("name") or source.get("id"),
        "source_id": source.get("id"),
        "target": target.get("name") or target.get("id"),
        "target_id": target.get("id"),
        "asserted_by": record["asserted_by"]["name"] or record["asserted_by"]["kind"],
        "asserted_by_kind": record["asserted_by"]["kind"],
        "asserted_by_id": record["asserted_by"]["id"],
    }


def emit_statements(records: list[dict], fmt: Format, title: str) -> None:
    if fmt in (Format.json, Format.jsonl):
        emit(records, fmt)
    else:
        emit([flat(r) for r in records], fmt, columns=STATEMENT_COLUMNS if fmt is Format.table else None, title=title)


@app.command(
    epilog=(
        "Examples:\n\n  faultlines extract story.txt --format jsonl\n\n"
        "  faultlines extract story.txt --one-sided\n\n"
        "  faultlines extract https://example.org/news/1.html --format table\n\n"
        "  cat story.txt | faultlines extract - --date 2017-10-24"
    )
)
@reports_errors
def extract(
    inputs: List[str] = typer.Argument(..., help="Files, folders, URLs, feeds, or - for stdin.", show_default=False),
    fmt: Format = typer.Option(Format.jsonl, "--format", "-f", help="Output format."),
    date: Optional[str] = typer.Option(None, "--date", help="Article date (YYYY-MM-DD) where a sidecar does not give one."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet name where a sidecar does not give one."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow URLs on private and loopback addresses."),
    one_sided: bool = typer.Option(
        False, "--one-sided",
        help="Also print events with one unknown actor (target or source null): 'thousands demonstrated in Kirkuk'.",
    ),
    model: Optional[str] = MODEL_OPTION,
    catalogue: Optional[List[str]] = CATALOGUE_OPTION,
) -> None:
    """Print the statements in articles, without storing anything.

    One statement per line (JSON lines by default): doc, sentence, start, end, kind,
    type, source, target, asserted_by, status (fact, negated, hypothetical, opinion),
    date and place. With --one-sided (or FAULTLINES_ONE_SIDED=1), events with only one
    known actor are printed too, with the other end null; ingest never stores them.
    Inputs that cannot be read are reported on stderr; the exit code is 1 if any was
    skipped.
    """
    options = Options.from_env(
        date=date, outlet=outlet, allow_private=allow_private or None, model=model,
        catalogue=tuple(catalogue) if catalogue else None, one_sided=one_sided or None,
    )
    records, problems = [], 0
    for item in api.extract_statements(inputs, options, stdin=sys.stdin.buffer if "-" in inputs else None):
        if isinstance(item, Problem):
            problems += 1
            stderr.print(f"[yellow]skipped[/yellow] {item}", highlight=False, soft_wrap=True)
        elif fmt is Format.jsonl:
            emit([item], fmt)  # stream: a long run shows results as they come
        else:
            records.append(item)
    if fmt is not Format.jsonl:
        emit_statements(records, fmt, title=f"{len(records)} statements")
    if problems:
        raise typer.Exit(1)


@app.command(
    epilog=(
        "Examples:\n\n  faultlines statements --actor ISIS --status fact\n\n"
        "  faultlines statements --type ACCUSE --by organization --since 2017-10-01\n\n"
        "  faultlines statements --actor 'the Pentagon' --format csv > pentagon.csv\n\n"
        "  faultlines statements --type ASSAULT --format plover > events.json"
    )
)
@reports_errors
def statements(
    db: str = DB_OPTION,
    actor: Optional[List[str]] = typer.Option(None, "--actor", "-a", help="Source or target: an actor id or any catalogue name; repeatable."),
    type_: Optional[List[str]] = typer.Option(None, "--type", "-t", help="PLOVER type or relation (ASSAULT, BACKS...); repeatable."),
    by: Optional[str] = typer.Option(None, "--by", help="Asserted by: outlet, author, person, organization, anonymous, or an actor id."),
    status: Optional[Status] = typer.Option(None, "--status", help="fact, negated, hypothetical or opinion."),
    since: Optional[str] = typer.Option(None, "--since", help="On or after this date."),
    until: Optional[str] = typer.Option(None, "--until", help="On or before this date."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many."),
    catalogue: Optional[List[str]] = CATALOGUE_OPTION,
    fmt: StatementFormat = typer.Option(
        StatementFormat.table, "--format", "-f",
        help="Output format; plover writes the events as a PLOVER JSON list (relations are left out).",
    ),
) -> None:
    """List stored statements, oldest first, with filters."""
    with api.open(db, Options.from_env(catalogue=tuple(catalogue) if catalogue else None), create=False) as fl:
        records = fl.statements(
            actor=actor, type=type_, by=by, status=status.value if status else None, since=since, until=until, limit=limit,
        )
        if fmt is StatementFormat.plover:
            code_of = fl.actor_code
            events = [plover_record(r, code_of=code_of) for r in records]
            emit_object([e for e in events if e is not None])
            return
    emit_statements(records, Format(fmt.value), title=f"{len(records)} statements")
