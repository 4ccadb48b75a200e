"""``faultlines actors`` and ``faultlines actor``: who is in the catalogue and the articles."""

from __future__ import annotations

from typing import List, Optional

import typer

from .. import api
from ..options import Options
from . import app, reports_errors
from .ingest import CATALOGUE_OPTION, DB_OPTION
from .output import Format, emit, emit_object, stdout
from .query import FORMAT_OPTION

ACTOR_COLUMNS = ["id", "name", "kind", "mentions", "articles", "origin"]


@app.command(
    epilog=(
        "Examples:\n\n  faultlines actors --kind person\n\n"
        "  faultlines actors --search Daesh --all\n\n  faultlines actors --format csv > actors.csv"
    )
)
@reports_errors
def actors(
    db: str = DB_OPTION,
    kind: Optional[str] = typer.Option(None, "--kind", help="Only this kind (state, armed group, person, anonymous...)."),
    search: Optional[str] = typer.Option(None, "--search", "-s", help="Part of an id or name, or any catalogue alias."),
    include_catalogue: bool = typer.Option(False, "--all", help="Also list catalogue actors no article mentions."),
    catalogue: Optional[List[str]] = CATALOGUE_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List actors, most mentioned first."""
    with api.open(db, Options.from_env(catalogue=tuple(catalogue) if catalogue else None), create=False) as fl:
        rows = fl.actors(kind=kind, search=search, include_catalogue=include_catalogue)
    emit(rows, fmt, columns=ACTOR_COLUMNS if fmt is Format.table else None, title=f"{len(rows)} actors")


@app.command(epilog="Examples:\n\n  faultlines actor SYR.GOV.ASSAD\n\n  faultlines actor person:mustapha-sejari --format json")
@reports_errors
def actor(
    actor_id: str = typer.Argument(..., help="Actor id, as listed by faultlines actors."),
    db: str = DB_OPTION,
    catalogue: Optional[List[str]] = CATALOGUE_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Show one actor: names, parents, roles over time, and mentions per article."""
    with api.open(db, Options.from_env(catalogue=tuple(catalogue) if catalogue else None), create=False) as fl:
        view = fl.actor(actor_id)
    if fmt is Format.json:
        emit_object(view)
        return
    if fmt in (Format.jsonl, Format.csv):
        emit(list(view.mentions), fmt)
        return
    a = view.actor
    stdout.print(f"[bold]{a.name}[/bold]  ({a.id}, {a.kind}, {view.origin})", highlight=False)
    if view.parents:
        stdout.print("part of: " + " → ".join(f"{p.name} ({p.id})" for p in view.parents), highlight=False)
    if view.valid_from or view.valid_until:
        stdout.print(f"valid: {view.valid_from or '…'} to {view.valid_until or '…'}", highlight=False)
    ids = ", ".join(f"{k} {v}" for k, v in (("Wikidata", a.wikidata), ("CAMEO", a.cameo)) if v)
    if ids:
        stdout.print(ids, highlight=False)
    if view.aliases:
        stdout.print("names: " + "; ".join(view.aliases), highlight=False, soft_wrap=True)
    if view.roles:
        emit(list(view.roles), Format.table, columns=["from", "until", "last_seen", "role", "member_of_name", "source"], title="Roles over time")
    if view.relations:
        emit(list(view.relations), Format.table, columns=["from", "until", "source", "type", "target"], title="Relations (catalogue)")
    if view.mentions:
        emit(list(view.mentions), Format.table, columns=["article_id", "published", "outlet", "mentions", "as_written"], title="Mentions per article")
    else:
        stdout.print("No stored article mentions this actor.", style="dim")
