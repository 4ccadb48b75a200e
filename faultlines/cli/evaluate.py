"""``faultlines evaluate``: score the extractor against gold files and PLOVER records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .. import api
from ..errors import FaultlinesError
from ..evaluate import load_gold, load_plover, score_gold, score_plover
from ..options import Options
from ..resolve.catalogue import load_catalogue
from ..values import Problem
from . import app, reports_errors
from .ingest import MODEL_OPTION
from .output import Format, emit, stderr, stdout


def _figures_row(name: str, f) -> dict:
    pct = lambda x: "-" if x is None else f"{x:.2f}"  # noqa: E731
    return {
        "doc": name, "core": f.core, "found": f.found, "recall": pct(f.recall),
        "system": f.system, "precision": pct(f.precision), "attribution": pct(f.attribution),
        "status": pct(f.status), "must_not": f.violations,
    }


def _describe(statement: dict | None) -> str:
    if not statement:
        return ""
    by = statement["asserted_by"]
    source, target = statement["source"] or {}, statement["target"] or {}
    return (f"{statement['type']} {source.get('id')} -> {target.get('id')} "
            f"by {by['kind']}:{by['id']} [{statement['status']}]")


@app.command(
    epilog=(
        "Examples:\n\n  faultlines evaluate --gold ../shared/gold --corpus ../shared/corpus -v\n\n"
        "  faultlines evaluate --plover ../shared/data/plover_gsr_dev.json --format json"
    )
)
@reports_errors
def evaluate(
    gold: Optional[Path] = typer.Option(None, "--gold", help="Folder of gold YAML files (with aliases.yaml)."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Folder of the documents the gold files describe."),
    plover: Optional[Path] = typer.Option(None, "--plover", help="PLOVER gold records (JSON list) to score event types on."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss, wrong attribution or status, and violation."),
    model: Optional[str] = MODEL_OPTION,
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table or json."),
) -> None:
    """Score statement extraction: recall, precision, attribution, status, must_not violations.

    With --gold and --corpus, extracts every document of the corpus and scores it against
    the gold files (../shared/ANNOTATION.md), with two-actor statements only. With
    --plover, scores event types and actors sentence by sentence on PLOVER gold records,
    with one-sided events on (PLOVER codes an event with only a source).
    """
    if not gold and not plover:
        raise typer.BadParameter("give --gold with --corpus, or --plover (or both)")
    if fmt not in (Format.table, Format.json):
        raise typer.BadParameter("evaluate prints a table or json", param_hint="--format")
    options = Options.from_env(model=model)
    catalogue = load_catalogue(options.catalogue)
    report: dict = {}
    if gold:
        if corpus is None:
            raise typer.BadParameter("--gold needs --corpus, the folder of the documents")
        gold_set = load_gold(gold)
        files = [str(corpus / d.doc) for d in gold_set.docs]
        statements, skipped = [], 0
        # The gold contract (ANNOTATION.md) is two actors a statement, whatever the environment says.
        for item in api.extract_statements(files, options.but(one_sided=False)):
            if isinstance(item, Problem):
                skipped += 1
                stderr.print(f"[yellow]skipped[/yellow] {item}", highlight=False)
            else:
                statements.append(item)
        if skipped:
            raise FaultlinesError(
                f"{skipped} of {len(files)} gold documents could not be read from {corpus} "
                "(is --corpus the folder the gold files describe?)"
            )
        score = score_gold(gold_set, statements, catalogue)
        rows = [_figures_row(d.doc, d.figures) for d in score.docs] + [_figures_row("all", score.figures)]
        report["gold"] = {"figures": rows}
        if verbose:
            report["gold"]["missed"] = [{"doc": m.doc, "gold": m.gold.note if m.gold else "", "type": m.gold.type if m.gold else ""} for m in score.missed]
            report["gold"]["wrong"] = [{"doc": m.doc, "gold": m.gold.note if m.gold else "", "wrong": ", ".join(m.wrong), "system": _describe(m.statement)} for m in score.wrong]
            report["gold"]["violations"] = [{"doc": m.doc, "gold": m.gold.note if m.gold else "", "system": _describe(m.statement)} for m in score.violations]
            report["gold"]["unmatched"] = [{"doc": m.doc, "system": _describe(m.statement), "sentence": (m.statement or {}).get("sentence", "")[:120]} for m in score.unmatched]
    if plover:
        records = load_plover(plover)
        plover_options = options.but(one_sided=True)

        def predict(text: str) -> list[dict]:
            return api.extract_text(text, plover_options)

        result = score_plover(records, predict, catalogue)
        pct = lambda x: "-" if x is None else f"{x:.2f}"  # noqa: E731
        report["plover"] = {"figures": [{
            "records": result.records, "one_sided": "on", "type_strict": pct(result.strict_accuracy),
            "type_lenient": pct(result.lenient_accuracy), "source": pct(result.source_accuracy),
            "target": pct(result.target_accuracy), "no_output": result.no_output,
        }]}
        if verbose:
            report["plover"]["per_type"] = [
                {"type": t.type, "records": t.records, "strict": t.strict, "lenient": t.lenient} for t in result.per_type
            ]
            report["plover"]["confusion"] = [
                {"gold": g, "system": s or "-", "count": n} for g, s, n in result.confusion if g != s
            ]
    if fmt is Format.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    for section, parts in report.items():
        for name, rows in parts.items():
            if rows:
                emit(rows, Format.table, title=f"{section}: {name}")
            else:
                stdout.print(f"{section}: no {name}", style="dim")
