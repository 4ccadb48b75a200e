"""Actors: the list (with search and kind) and one actor's page (timeline, backers,
enemies, and who says what about it)."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ...analyse.timeline import TimelineEntry
from ...api import Faultlines
from ...errors import FaultlinesError
from ..schemas import ActorDetailOut, ActorSummary
from ..web import actor_ref, claim_view, database, render, who

router = APIRouter()


def actors_data(db: Faultlines, kind: str | None, search: str | None) -> list[dict]:
    return db.actors(kind=kind or None, search=search or None)


@router.get("/api/actors", response_model=list[ActorSummary], tags=["actors"],
            summary="Actors named in the articles, most mentioned first")
def api_actors(kind: Optional[str] = Query(None, max_length=40), search: Optional[str] = Query(None, max_length=200),
               db: Faultlines = Depends(database)):
    return actors_data(db, kind, search)


@router.get("/actors", response_class=HTMLResponse, include_in_schema=False)
def actors_page(request: Request, kind: Optional[str] = Query(None, max_length=40),
                search: Optional[str] = Query(None, max_length=200), db: Faultlines = Depends(database)):
    rows = actors_data(db, kind, search)
    kinds = sorted({r["kind"] for r in db.actors() if r["kind"]})
    return render(request, "actors.html", active="actors", rows=rows, kinds=kinds, kind=kind or "", search=search or "")


def _entry(db: Faultlines, entry: TimelineEntry) -> dict:
    return {
        "when": entry.when, "until": entry.until, "relation": entry.relation, "other": actor_ref(db, entry.other_actor_id),
        "type": entry.type, "polarity": entry.polarity, "sources": entry.sources, "asserters": list(entry.asserters),
        "asserter_refs": who(db, entry.asserters), "claim_id": entry.claim_id, "former": entry.former,
        "origin": entry.origin,
    }


def actor_data(db: Faultlines, actor_id: str) -> dict:
    try:
        view = db.actor(actor_id)
    except FaultlinesError as error:
        raise HTTPException(status_code=404, detail=str(error)) from None
    timeline = db.timeline(view.actor.id)
    claims = db.claims(actor=view.actor.id)
    return {
        "actor": {**actor_ref(db, view.actor.id), "name": view.actor.name, "kind": view.actor.kind},
        "origin": view.origin,
        "parents": [{"id": p.id, "name": p.name, "kind": p.kind} for p in view.parents],
        "aliases": list(view.aliases), "valid_from": view.valid_from, "valid_until": view.valid_until,
        "roles": list(view.roles), "relations": list(view.relations), "mentions": list(view.mentions),
        "timeline": [_entry(db, e) for e in timeline.entries],
        "current_affiliations": [_entry(db, e) for e in timeline.current_affiliations],
        "backers": [_entry(db, e) for e in timeline.backers],
        "enemies": [_entry(db, e) for e in timeline.enemies],
        "claims": [claim_view(db, c) for c in claims],
    }


def says_about(data: dict) -> list[dict]:
    """Who says what about the actor: each asserter with the claims they carry, most first."""
    by: dict[str, dict] = {}
    for claim in data["claims"]:
        for ref in claim["asserter_refs"]:
            row = by.setdefault(ref["name"], {"who": ref, "claims": []})
            row["claims"].append(claim)
    return sorted(by.values(), key=lambda r: (-len(r["claims"]), r["who"]["name"]))


@router.get("/api/actors/{actor_id}", response_model=ActorDetailOut, tags=["actors"],
            summary="One actor: names, parents, roles, timeline, backers, enemies and the claims about it")
def api_actor(actor_id: str, db: Faultlines = Depends(database)):
    return actor_data(db, actor_id)


@router.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
def actor_page(request: Request, actor_id: str, db: Faultlines = Depends(database)):
    data = actor_data(db, actor_id)
    return render(request, "actor.html", active="actors", data=data, says=says_about(data))
