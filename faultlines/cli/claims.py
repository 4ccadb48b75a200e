"""``faultlines claims``, ``claim``, ``contested``, ``timeline``, ``sources`` and ``copies``:
what many articles say together, and where they disagree."""

from __future__ import annotations

import enum
from typing import List, Optional

import typer

from .. import api
from ..analyse.claims import DEFAULT_WINDOW_DAYS
from ..errors import FaultlinesError
from ..export.claims import claim_record, dispute_record, flat_claim, flat_dispute
from ..options import Options
from . import app, reports_errors
from .ingest import CATALOGUE_OPTION, DB_OPTION
from .output import Format, emit, emit_object, stdout
from .query import FORMAT_OPTION

CLAIM_COLUMNS = ["id", "first_seen", "source", "type", "target", "polarity", "sources", "said_by", "contradicted_by"]
DISPUTE_COLUMNS = ["id", "kind", "first_seen", "subject", "side_a", "side_b"]
WINDOW_OPTION = typer.Option(
    DEFAULT_WINDOW_DAYS, "--window", min=0,
    help="Days within which the same event reported again is the same claim.",
)


class Polarity(str, enum.Enum):
    asserted = "asserted"
    denied = "denied"


class DisputeKind(str, enum.Enum):
    denial = "denial"
    alignment = "alignment"
    blame = "blame"
    allegation = "allegation"


def _open(db: str, catalogue: Optional[List[str]]) -> api.Faultlines:
    return api.open(db, Options.from_env(catalogue=tuple(catalogue) if catalogue else None), create=False)


def _sources(n: int) -> str:
    return f"{n} independent source{'s' if n != 1 else ''}"


@app.command(
    epilog=(
        "Examples:\n\n  faultlines claims --actor ISIS --min-sources 2\n\n"
        "  faultlines claims --type SUPPORT --since 2017-06 --format csv > backing.csv\n\n"
        "  faultlines claims --contested --format jsonl"
    )
)
@reports_errors
def claims(
    db: str = DB_OPTION,
    actor: Optional[List[str]] = typer.Option(None, "--actor", "-a", help="Source or target: an actor id or any name; repeatable."),
    type_: Optional[List[str]] = typer.Option(None, "--type", "-t", help="Type or class (SUPPORT, ASSAULT, MEMBER, BACKS...); repeatable."),
    by: Optional[str] = typer.Option(None, "--by", help="Asserted by: outlet, author, person, organization, anonymous, or an actor."),
    polarity: Optional[Polarity] = typer.Option(None, "--polarity", help="asserted or denied."),
    since: Optional[str] = typer.Option(None, "--since", help="Seen on or after this date."),
    until: Optional[str] = typer.Option(None, "--until", help="Seen on or before this date."),
    contested: bool = typer.Option(False, "--contested", help="Only claims that sources disagree on."),
    min_sources: int = typer.Option(1, "--min-sources", min=1, help="At least this many independent stories (copies count once)."),
    window: int = WINDOW_OPTION,
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many."),
    catalogue: Optional[List[str]] = CATALOGUE_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List claims: statements from all articles merged, with how many independent sources
    carry each, who asserts it in their own voice, who is reported claiming it, and who
    denies it. Hypothetical statements are not claims."""
    with _open(db, catalogue) as fl:
        found = fl.claims(actor=actor, type=type_, by=by, polarity=polarity.value if polarity else None,
                          since=since, until=until, contested=contested, min_sources=min_sources,
                          window_days=window, limit=limit)
        name_of = fl.actor_name
        if fmt in (Format.json, Format.jsonl):
            emit([claim_record(c, name_of) for c in found], fmt)
        else:
            rows = [flat_claim(c, name_of) for c in found]
            if fmt is Format.table:
                rows = [{**r, "said_by": "; ".join(x for x in (r["own_voice"], r["reported"]) if x)} for r in rows]
            emit(rows, fmt,
                 columns=CLAIM_COLUMNS if fmt is Format.table else None, title=f"{len(found)} claims")


@app.command(epilog="Example:\n\n  faultlines claim 8a51e0cf1b")
@reports_errors
def claim(
    claim_id: str = typer.Argument(..., help="Claim id, as listed by faultlines claims."),
    db: str = DB_OPTION,
    window: int = WINDOW_OPTION,
    catalogue: Optional[List[str]] = CATALOGUE_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Show one claim with every sentence that supports it."""
    with _open(db, catalogue) as fl:
        found = [c for c in fl.claims(window_days=window) if c.id == claim_id]
        if not found:
            raise FaultlinesError(f"no claim '{claim_id}' (list them with: faultlines claims)")
        record = claim_record(found[0], fl.actor_name)
    if fmt is not Format.table:
        emit([record], fmt) if fmt is not Format.json else emit_object(record)
        return
    stdout.print(f"[bold]{record['source']['name']} {record['type']} {record['target']['name']}[/bold]"
                 f"  ({record['polarity']}; {record['first_seen'] or '?'} to {record['last_seen'] or '?'};"
                 f" {_sources(record['independent_sources'])})", highlight=False)
    for label, key in (("in their own voice", "own_voice"), ("reported as claiming it", "reported"),
                       ("say the opposite", "contradicted_by")):
        if record[key]:
            stdout.print(f"{label}: {', '.join(record[key])}", highlight=False, soft_wrap=True)
    _print_evidence(record["evidence"])


def _print_evidence(evidence: list[dict]) -> None:
    for item in evidence:
        by = item["asserted_by"]
        who = by["name"] or by["kind"]
        copy = f", copy of article {item['copy_of']}" if item["copy_of"] else ""
        stdout.print(f"  [dim]{item['published'] or '?'} {item['outlet'] or ''} (article {item['article_id']}{copy}),"
                     f" {who}, {item['status']}:[/dim] {' '.join(item['sentence'].split())}", highlight=False, soft_wrap=True)


@app.command(
    epilog=(
        "Examples:\n\n  faultlines contested\n\n  faultlines contested --kind denial --actor Russia --evidence\n\n"
        "  faultlines contested --format json > disputes.json"
    )
)
@reports_errors
def contested(
    db: str = DB_OPTION,
    actor: Optional[List[str]] = typer.Option(None, "--actor", "-a", help="Only disputes involving this actor; repeatable."),
    kind: Optional[DisputeKind] = typer.Option(None, "--kind", help="denial, alignment, blame or allegation."),
    since: Optional[str] = typer.Option(None, "--since", help="Seen on or after this date."),
    until: Optional[str] = typer.Option(None, "--until", help="Seen on or before this date."),
    evidence: bool = typer.Option(False, "--evidence", "-e", help="Print each side's sentences."),
    window: int = WINDOW_OPTION,
    limit: Optional[int] = typer.Option(20, "--limit", min=1, help="At most this many."),
    catalogue: Optional[List[str]] = CATALOGUE_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List contested claims, most disputed first, each side with its sources.

    denial: one source asserts, another denies. alignment: one says X backs or allies
    with Y, another that X fights Y. blame: sources name different attackers of the same
    target. allegation: one outlet's fact is only another's reported claim."""
    with _open(db, catalogue) as fl:
        found = fl.contested(actor=actor, kind=kind.value if kind else None, since=since, until=until,
                             window_days=window, limit=limit)
        name_of = fl.actor_name
        records = [dispute_record(d, name_of) for d in found]
        if fmt in (Format.json, Format.jsonl):
            emit(records, fmt)
            return
        if fmt is Format.csv:
            emit([flat_dispute(d, name_of) for d in found], fmt)
            return
    print_disputes(records, evidence=evidence)


def print_disputes(records: list[dict], *, evidence: bool = False) -> None:
    """Disputes as numbered blocks: the subject, then each side with who says it and where."""
    if not records:
        stdout.print("No contested claims.", style="dim")
    for n, record in enumerate(records, 1):
        when = record["first_seen"] or "?"
        if record["last_seen"] and record["last_seen"] != record["first_seen"]:
            when += f" to {record['last_seen']}"
        stdout.print(f"\n[bold]{n}. {record['subject']}[/bold]  [dim]({record['kind']}, {when}, id {record['id']})[/dim]",
                     highlight=False, soft_wrap=True)
        for side in record["sides"]:
            stdout.print(f"   {side['says']}: {', '.join(side['asserters'])}  [dim]({_sources(side['independent_sources'])};"
                         f" {', '.join(side['outlets'])})[/dim]", highlight=False, soft_wrap=True)
            if evidence:
                _print_evidence(side["evidence"])


@app.command(epilog="Examples:\n\n  faultlines timeline 'Farhan al-Hussein'\n\n  faultlines timeline SDF --format json")
@reports_errors
def timeline(
    actor: str = typer.Argument(..., help="Actor id or name."),
    db: str = DB_OPTION,
    window: int = WINDOW_OPTION,
    catalogue: Optional[List[str]] = CATALOGUE_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Show an actor's memberships, backers, enemies and events in order, and its current affiliation."""
    with _open(db, catalogue) as fl:
        line = fl.timeline(actor, window_days=window)
        name_of = fl.actor_name
        rows = [{
            "from": e.when, "until": e.until if e.until != e.when else None, "relation": e.relation,
            "other": name_of(e.other_actor_id), "other_id": e.other_actor_id, "polarity": e.polarity,
            "sources": e.sources, "said_by": ", ".join(name_of(a) for a in e.asserters),
            "note": "former" if e.former else "", "claim": e.claim_id,
        } for e in line.entries]
        current = [name_of(e.other_actor_id) for e in line.current_affiliations]
        title = name_of(line.actor_id)
    if fmt is Format.json:
        emit_object({"actor": {"id": line.actor_id, "name": title}, "current_affiliations": current, "entries": rows})
        return
    if fmt is not Format.table:
        emit(rows, fmt)
        return
    stdout.print(f"[bold]{title}[/bold] ({line.actor_id})", highlight=False)
    stdout.print(f"current affiliation: {', '.join(current) if current else 'none stated'}", highlight=False)
    if rows:
        emit(rows, Format.table, columns=["from", "until", "relation", "other", "polarity", "sources", "said_by", "note", "claim"],
             title=f"{len(rows)} entries", full=("claim",))
    else:
        stdout.print("No stored statement involves this actor.", style="dim")


@app.command(epilog="Examples:\n\n  faultlines sources\n\n  faultlines sources 'Levant Wire' --format json")
@reports_errors
def sources(
    outlet: Optional[str] = typer.Argument(None, help="One outlet, as named in the articles."),
    db: str = DB_OPTION,
    window: int = WINDOW_OPTION,
    catalogue: Optional[List[str]] = CATALOGUE_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Profile outlets: claims they assert in their own voice, whom they quote and how
    often, and where they stand on contested claims."""
    with _open(db, catalogue) as fl:
        profiles = fl.sources(outlet, window_days=window)
        name_of = fl.actor_name
        if fmt is Format.json:
            emit([{**_plain_profile(p, name_of)} for p in profiles], fmt)
            return
        rows = [{
            "outlet": p.outlet, "articles": p.articles, "statements": p.statements,
            "own_voice": "-" if p.own_voice_share is None else f"{p.own_voice_share:.0%}",
            "quotes_most": "; ".join(f"{name_of(who)} ({n})" for who, n in p.quoted[:3]),
            "disputes": len({s.dispute_id for s in p.stances}),
        } for p in profiles]
        if fmt is not Format.table or not outlet:
            emit(rows, fmt, title=f"{len(rows)} outlets")
            return
        profile = profiles[0]
        emit(rows, fmt, title=profile.outlet)
        if profile.quoted:
            emit([{"quoted": name_of(who), "times": n} for who, n in profile.quoted], Format.table, title="Whom it quotes")
        if profile.stances:
            emit([{"dispute": s.dispute_id, "subject": s.subject, "side": s.says, "own_voice": s.own_voice, "quoted": s.quoted}
                  for s in profile.stances], Format.table, title="Where it stands on contested claims", full=("dispute",))


def _plain_profile(profile, name_of) -> dict:
    return {
        "outlet": profile.outlet, "articles": profile.articles, "statements": profile.statements,
        "own_voice_share": profile.own_voice_share,
        "own_voice_claims": [{"claim": cid, "evidence": n} for cid, n in profile.own_voice_claims],
        "quoted": [{"asserter": name_of(who), "id": who, "times": n} for who, n in profile.quoted],
        "stances": [{"dispute": s.dispute_id, "subject": s.subject, "side": s.says, "own_voice": s.own_voice,
                     "quoted": s.quoted} for s in profile.stances],
    }


@app.command(epilog="Example:\n\n  faultlines copies --format json")
@reports_errors
def copies(db: str = DB_OPTION, fmt: Format = FORMAT_OPTION) -> None:
    """List groups of articles that are copies of one story (syndicated or reprinted);
    claims count each group once."""
    with api.open(db, create=False) as fl:
        groups = fl.copies()
    if fmt in (Format.json, Format.jsonl):
        emit(groups, fmt)
        return
    rows = [{"group": g["group"], "article_id": a["id"], "outlet": a["outlet"], "published": a["published"], "title": a["title"]}
            for g in groups for a in g["articles"]]
    emit(rows, fmt, title=f"{len(groups)} groups of copies")
