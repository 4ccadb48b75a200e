"""``faultlines ingest`` and ``faultlines demo``: read articles into a database."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .. import api
from ..options import DEFAULT_DB, DEFAULT_MODEL
from ..values import IngestResult, IngestSummary
from . import app, reports_errors
from .output import Format, emit, stderr, stdout, to_plain

DB_OPTION = typer.Option(DEFAULT_DB, "--db", envvar="FAULTLINES_DB", help="SQLite database file (created if missing).")
CATALOGUE_OPTION = typer.Option(
    None, "--catalogue",
    help="Your own actor catalogue file (YAML or CSV) adding to or overriding the bundled one; repeat for several.",
)
MODEL_OPTION = typer.Option(None, "--model", envvar="FAULTLINES_MODEL", help=f"Installed spaCy pipeline to use \\[default: {DEFAULT_MODEL}].")


class _Reporter:
    """Progress bar and per-input messages on stderr while a run goes on."""

    def __init__(self, *, quiet: bool, show_progress: bool):
        self.quiet = quiet
        self.sentences = 0
        self.progress = None
        if show_progress and not quiet and stderr.is_terminal:
            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("[bold]ingesting[/bold]"),
                BarColumn(),
                TextColumn("{task.completed} articles"),
                TextColumn("{task.fields[rate]} sentences/s"),
                TimeElapsedColumn(),
                console=stderr,
                transient=True,
            )
            self.task = self.progress.add_task("ingest", total=None, rate="0")

    def __enter__(self):
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc):
        if self.progress:
            self.progress.stop()

    def __call__(self, result: IngestResult) -> None:
        if result.outcome == "skipped" and result.problem:
            # Problems are reported even with --quiet: a script must still see them.
            stderr.print(f"[yellow]skipped[/yellow] {result.problem}", highlight=False, soft_wrap=True)
        if self.progress:
            self.sentences += result.sentences
            elapsed = self.progress.tasks[0].elapsed or 0
            rate = f"{self.sentences / elapsed:.0f}" if elapsed > 0 else "0"
            self.progress.update(self.task, advance=1, rate=rate)


def _print_summary(summary: IngestSummary, db: str, as_json: bool, quiet: bool) -> None:
    if as_json:
        print(json.dumps({**to_plain(summary), "db": db, "ok": summary.ok}, ensure_ascii=False, indent=2))
        return
    if quiet:
        return
    versions = f" ({summary.new_versions} new versions)" if summary.new_versions else ""
    stderr.print(
        f"[bold]{summary.ingested}[/bold] ingested{versions} ({summary.sentences} sentences), "
        f"[bold]{summary.unchanged}[/bold] unchanged, "
        f"[bold]{len(summary.skipped)}[/bold] skipped in {summary.seconds:.1f} s → {db}",
        highlight=False,
    )


@app.command(
    epilog=(
        "Examples:\n\n"
        "  faultlines ingest articles/ --db syria.db\n\n"
        "  faultlines ingest https://example.org/feed.xml --outlet 'Example News'\n\n"
        "  cat story.txt | faultlines ingest - --date 2017-10-12 --json"
    )
)
@reports_errors
def ingest(
    inputs: List[str] = typer.Argument(..., help="Folders, files, URLs, feed URLs, or - for stdin.", show_default=False),
    db: str = DB_OPTION,
    date: Optional[str] = typer.Option(None, "--date", help="Article date (YYYY-MM-DD) where a sidecar does not give one."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet name where a sidecar does not give one."),
    text_field: Optional[str] = typer.Option(None, "--text-field", help="JSON field / CSV column with the article text."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Encoding of local text files \\[default: utf-8]."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Skip files and downloads larger than this \\[default: 10 MiB]."),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="Seconds to wait for a URL \\[default: 15]."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow URLs on private and loopback addresses."),
    model: Optional[str] = MODEL_OPTION,
    catalogue: Optional[List[str]] = CATALOGUE_OPTION,
    workers: Optional[int] = typer.Option(None, "--workers", help="Processes for spaCy parsing \\[default: 1]."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but problems."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON on stdout."),
) -> None:
    """Read articles into the database: text, HTML, JSON/JSONL, CSV, web pages and feeds.

    Folders are read recursively. A plain-text file's first line is its title. A sidecar
    NAME.meta.json ({"outlet", "date", "author", "title", "url"}) beats --outlet/--date,
    which beat what is found in the input. Text already stored is left unchanged; a
    changed file becomes a new version. Bad inputs are reported and skipped; the exit code
    is 1 if any input was skipped, else 0. Running the same command again after an
    interruption resumes where it stopped.
    """
    with api.open(db) as fl:
        with _Reporter(quiet=quiet or as_json, show_progress=True) as reporter:
            summary = fl.ingest(
                inputs, on_result=reporter, stdin=sys.stdin.buffer if "-" in inputs else None,
                date=date, outlet=outlet, text_field=text_field, encoding=encoding,
                max_bytes=max_bytes, timeout=timeout, allow_private=allow_private or None,
                model=model, workers=workers, catalogue=catalogue or None,
            )
    _print_summary(summary, db, as_json, quiet)
    if not summary.ok:
        raise typer.Exit(1)


@app.command(epilog="Example:\n\n  faultlines demo && faultlines statements --db faultlines-demo.db --actor ISIS")
@reports_errors
def demo(
    db: str = typer.Option("faultlines-demo.db", "--db", help="Database to write the demo into."),
    model: Optional[str] = MODEL_OPTION,
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format of the article list."),
) -> None:
    """Ingest the bundled demo corpus (fictional articles written for faultlines) and show what it says.

    Lists the articles, then the claims that several independent sources carry, the
    contested claims with each side's sources, and the alliance network's factions.
    """
    from ..analyse.network import summary_text
    from ..export.claims import dispute_record, flat_claim
    from .claims import CLAIM_COLUMNS, print_disputes
    from .query import ARTICLE_COLUMNS, article_rows

    corpus = api.demo_corpus_path()
    with api.open(db) as fl:
        with _Reporter(quiet=fmt is not Format.table, show_progress=True) as reporter:
            summary = fl.ingest([str(corpus)], on_result=reporter, model=model)
        if fmt is not Format.table:
            emit(article_rows(fl.articles()), fmt, columns=ARTICLE_COLUMNS)
            raise typer.Exit(0 if summary.ok else 1)
        _print_summary(summary, db, as_json=False, quiet=False)
        emit(article_rows(fl.articles()), fmt, columns=ARTICLE_COLUMNS, title=f"Demo corpus in {Path(db).name}")
        corroborated = fl.claims(min_sources=2)
        rows = [flat_claim(c, fl.actor_name) for c in corroborated]
        rows = [{**r, "said_by": "; ".join(x for x in (r["own_voice"], r["reported"]) if x)} for r in rows]
        emit(rows, fmt, columns=CLAIM_COLUMNS, title=f"Claims carried by two or more independent sources ({len(rows)})")
        stdout.print("\n[bold]Most contested claims[/bold]", highlight=False)
        print_disputes([dispute_record(d, fl.actor_name) for d in fl.contested(limit=5)])
        stdout.print("\n" + summary_text(fl.network()).split("\nStrongest alliances")[0], highlight=False)
    stderr.print(
        f"Next: faultlines contested --db {db} --evidence   ·   faultlines timeline 'Farhan al-Hussein' --db {db}   ·   "
        f"faultlines network --db {db}   ·   faultlines show 17 --db {db}",
        highlight=False,
    )
    if not summary.ok:
        raise typer.Exit(1)
