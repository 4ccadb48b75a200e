"""``faultlines evaluate``: score the extractor on every development set, one table row per set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from .. import api
from ..evaluate.suite import DEFAULT_LIMIT, FIGURES, SETS, Evaluation
from ..options import Options
from . import app, reports_errors
from .ingest import MODEL_OPTION
from .output import Format, stderr, stdout

COLUMNS = ("set", "items", *FIGURES, "note")
# Short headers keep the table within a terminal; --format json has the full names.
HEADERS = {"attribution": "attrib", "precision": "prec", "type_lenient": "lenient", "perpetrator": "perp"}


def _cell(value) -> str | int | None:
    return f"{value:.2f}" if isinstance(value, float) else value


def _table(evaluation: Evaluation, verbose: bool) -> None:
    rows = [{k: _cell(v) for k, v in row.items()} for row in evaluation.rows()]
    shown = [c for c in COLUMNS[:-1] if c in ("set", "items") or any(row[c] is not None for row in rows)]
    table = Table(title="faultlines evaluate", box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for column in shown:
        table.add_column(HEADERS.get(column, column), no_wrap=True, justify="left" if column == "set" else "right")
    for row in rows:
        table.add_row(*("-" if row[c] is None else str(row[c]) for c in shown))
    # Piped into a file the table keeps all its columns; a terminal shows what fits.
    console = stdout if stdout.is_terminal else Console(width=max(stdout.width, 160), soft_wrap=False)
    console.print(table)
    for row in rows:
        console.print(f"  {row['set']}: {row['note']}", highlight=False, style="dim" if "skipped" not in row["note"] else "yellow")
    if not verbose:
        return
    for result in evaluation.sets:
        for kind, items in result.misses.items():
            _kind_table(console, f"{result.name}: {kind} ({len(items)})", items)
        if not result.misses and not result.skipped:
            console.print(f"{result.name}: nothing missed", style="dim")


def _kind_table(console: Console, title: str, items) -> None:
    """One kind of miss: every row in full, long cells folded onto more lines rather than cut."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    columns = list(items[0]) if items else []
    for column in columns:
        short = all(len(str(item.get(column, ""))) <= 12 for item in items)
        table.add_column(column, no_wrap=short, overflow="fold")
    for item in items:
        table.add_row(*("" if item.get(c) is None else str(item.get(c)) for c in columns))
    console.print(table)


def _json(evaluation: Evaluation, verbose: bool) -> dict:
    rows = [{k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()} for row in evaluation.rows()]
    report: dict = {"sets": [{**row, "title": result.title} for row, result in zip(rows, evaluation.sets)]}
    if verbose:
        report["misses"] = {r.name: {kind: [dict(i) for i in items] for kind, items in r.misses.items()}
                            for r in evaluation.sets if not r.skipped}
    return report


@app.command(
    epilog=(
        "Examples:\n\n"
        "  faultlines evaluate                       (every set: the demo gold, and ../shared if it is there)\n\n"
        "  faultlines evaluate --shared ../shared -v --set plv --set perpetrator --limit 50\n\n"
        "  faultlines evaluate --gold ../shared/gold --corpus ../shared/corpus --format json\n\n"
        "  faultlines evaluate --plover ../shared/data/plover_gsr_dev.json"
    )
)
@reports_errors
def evaluate(
    shared: Optional[Path] = typer.Option(
        None, "--shared", envvar="FAULTLINES_SHARED",
        help="Shared data folder (gold/, corpus/, data/) \\[default: ../shared if it is there]."),
    sets: Optional[List[str]] = typer.Option(
        None, "--set", help=f"Score only this set (repeatable): {', '.join(SETS)}."),
    gold: Optional[Path] = typer.Option(None, "--gold", help="Score only this folder of gold YAML files (with aliases.yaml)."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Folder of the documents the --gold files describe."),
    plover: Optional[Path] = typer.Option(None, "--plover", help="Score only these PLOVER gold records (JSON list)."),
    limit: int = typer.Option(DEFAULT_LIMIT, "--limit", help="FA-KES articles scored for the perpetrator (the first N)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List misses and wrong outputs of each set, grouped by kind."),
    model: Optional[str] = MODEL_OPTION,
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table or json."),
) -> None:
    """Score statement extraction on every development set at once, one row per set.

    demo: the bundled demo corpus against its gold (faultlines/demo/gold), always there.
    From the shared folder: seed (gold/ + corpus/) and fakes (gold/fakes + corpus/fakes):
    core recall, precision, attribution, status, must_not violations, on two-actor
    statements; plover (data/plover_gsr_dev.json): event type of the first event (type)
    and of any (type_lenient), source, target; plv (data/plv_dev.tsv): PLOVER root code
    with PLOVER's modality convention, and agreement of source and target with the marked
    spans; perpetrator (data/fakes_dev.csv): the most frequent ASSAULT-class source of an
    article against the coded perpetrator. A set whose files are missing is a row saying
    so. --gold/--corpus and --plover score just those files.
    """
    if fmt not in (Format.table, Format.json):
        raise typer.BadParameter("evaluate prints a table or json", param_hint="--format")
    if gold and corpus is None:
        raise typer.BadParameter("--gold needs --corpus, the folder of the documents")
    if limit < 1:
        raise typer.BadParameter("give 1 or more articles", param_hint="--limit")
    if shared is not None and not shared.is_dir():
        raise typer.BadParameter(f"{shared} is not a folder", param_hint="--shared")
    evaluation = api.evaluate(
        shared, gold=gold, corpus=corpus, plover=plover, sets=sets or None, limit=limit,
        options=Options.from_env(model=model),
        progress=lambda name: stderr.print(f"[dim]scoring {name} ...[/dim]", highlight=False),
    )
    if fmt is Format.json:
        print(json.dumps(_json(evaluation, verbose), indent=2, ensure_ascii=False))
    else:
        _table(evaluation, verbose)
