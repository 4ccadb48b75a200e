"""The alliance network: a Cytoscape.js graph over ``faultlines network --format json``."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ...analyse.network_export import to_json
from ...api import Faultlines
from ..schemas import NetworkOut
from ..web import cached_json, render

router = APIRouter()

SINCE = Query(None, description="Claims seen on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).", max_length=10)
UNTIL = Query(None, description="Claims seen on or before this date.", max_length=10)


@router.get("/api/network", response_model=NetworkOut, tags=["network"],
            summary="The signed alliance network of a period, with factions, proxies and centrality")
def api_network(
    request: Request,
    since: Optional[str] = SINCE,
    until: Optional[str] = UNTIL,
    min_sources: int = Query(1, ge=1, le=100, description="Only claims carried by this many independent sources."),
    rollup: bool = Query(True, description="Roll government bodies and unnamed officials up into their state or group."),
):
    def build(db: Faultlines) -> dict:
        data = to_json(db.network(since=since or None, until=until or None, rollup=rollup, min_sources=min_sources))
        wanted = {claim_id for edge in data["edges"] for claim_id in edge["claims"]}
        # What each claim says, so the page can list an edge's claims by name, not by hash.
        data["claim_labels"] = {
            c.id: f"{db.actor_name(c.source_actor_id)} {c.type} {db.actor_name(c.target_actor_id)}"
                  f" ({c.polarity}, {c.independent_sources} source{'s' if c.independent_sources != 1 else ''})"
            for c in db.claims() if c.id in wanted
        }
        return data

    return cached_json(request, ("network", since, until, rollup, min_sources), NetworkOut, build)


@router.get("/network", response_class=HTMLResponse, include_in_schema=False)
def network_page(request: Request, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
                 min_sources: int = Query(1, ge=1, le=100), no_rollup: bool = Query(False)):
    return render(request, "network.html", active="network", since=since or "", until=until or "",
                  min_sources=min_sources, rollup=not no_rollup)
