"""``faultlines articles`` and ``faultlines show``: read what the database holds."""

from __future__ import annotations

from typing import Optional

import typer
from rich.panel import Panel
from rich.text import Text

from .. import api
from ..values import StoredArticle
from . import app, reports_errors
from .ingest import DB_OPTION
from .output import Format, emit, emit_object, stdout
from .statements import flat

ARTICLE_COLUMNS = ["id", "published", "outlet", "title", "sentences", "statements"]
FORMAT_OPTION = typer.Option(Format.table, "--format", "-f", help="Output format.")


def article_rows(articles: list[StoredArticle]) -> list[dict]:
    """Articles as flat rows (without their text) for listing."""
    return [
        {
            "id": a.id, "published": a.published, "outlet": a.outlet, "title": a.title,
            "sentences": a.sentence_count, "statements": a.statement_count,
            "version": a.version, "author": a.author, "url": a.url, "path": a.path,
            "key": a.key, "input_kind": a.input_kind, "date_source": a.date_source,
            "ingested_at": a.ingested_at,
        }
        for a in articles
    ]


@app.command(
    epilog="Examples:\n\n  faultlines articles --since 2017-06-01 --outlet 'Levant Wire'\n\n  faultlines articles --format csv > articles.csv"
)
@reports_errors
def articles(
    db: str = DB_OPTION,
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only this outlet (case-insensitive)."),
    since: Optional[str] = typer.Option(None, "--since", help="Published on or after this date."),
    until: Optional[str] = typer.Option(None, "--until", help="Published on or before this date."),
    search: Optional[str] = typer.Option(None, "--search", "-s", help="Words in the title or text."),
    all_versions: bool = typer.Option(False, "--all-versions", help="List every stored version, not only the newest."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many."),
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List stored articles, oldest first."""
    with api.open(db, create=False) as fl:
        rows = article_rows(
            fl.articles(outlet=outlet, since=since, until=until, search=search, all_versions=all_versions, limit=limit)
        )
    columns = ARTICLE_COLUMNS if fmt is Format.table else list(rows[0]) if rows else ARTICLE_COLUMNS
    emit(rows, fmt, columns=columns, title=f"{len(rows)} articles")


@app.command(epilog="Examples:\n\n  faultlines show 3\n\n  faultlines show 3 --format json | jq .statements")
@reports_errors
def show(
    article_id: int = typer.Argument(..., help="Article id, as listed by faultlines articles."),
    db: str = DB_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Show an article's text, sentence by sentence, with the statements found in it."""
    with api.open(db, create=False) as fl:
        view = fl.article(article_id)
    statements = [flat(r) for r in view.statements]
    if fmt is Format.json:
        emit_object({"article": view.article, "sentences": view.sentences, "statements": view.statements})
        return
    if fmt in (Format.jsonl, Format.csv):
        by_sentence: dict[int, list] = {}
        for record in view.statements:
            by_sentence.setdefault(record["sentence_index"], []).append(record)
        rows = [
            {
                "article_id": view.article.id, "sentence": s.index, "start": s.start, "end": s.end,
                "text": s.text,
                "statements": by_sentence.get(s.index, []) if fmt is Format.jsonl else len(by_sentence.get(s.index, [])),
            }
            for s in view.sentences
        ]
        emit(rows, fmt)
        return
    a = view.article
    meta = " · ".join(str(x) for x in (a.outlet, a.published, a.author, f"version {a.version}") if x)
    by_sentence: dict[int, list] = {}
    for record in statements:
        by_sentence.setdefault(record["sentence_index"], []).append(record)
    body = Text()
    for sentence in view.sentences:
        body.append(f"[{sentence.index}] ", style="dim")
        body.append(sentence.text + "\n")
        for r in by_sentence.get(sentence.index, []):
            voice = r["asserted_by"] if r["asserted_by_kind"] not in ("outlet",) else "outlet"
            status = "" if r["status"] == "fact" else f" [{r['status']}]"
            body.append(f"    → {r['type']} {r['source']} → {r['target']}", style="bold cyan")
            body.append(f"  (by {voice}{status}{', ' + r['date'] if r['date'] and r['date'] != a.published else ''})\n", style="cyan")
    stdout.print(Panel(body, title=f"#{a.id} {a.title or '(untitled)'}", subtitle=meta, title_align="left"))
    stdout.print(f"{len(statements)} statements" if statements else "No statements found in this article.", style="dim")
