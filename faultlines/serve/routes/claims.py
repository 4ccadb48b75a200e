"""Claims (a filterable table, and one claim with its evidence) and contested claims."""

from __future__ import annotations

from typing import Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ...analyse.claims import COARSE_TYPES
from ...api import Faultlines
from ..schemas import ClaimOut, DisputeOut
from ..web import STATUSES, cached_json, claim_view, database, dispute_view, render

router = APIRouter()
PAGE_ROWS = 300
API_PAGE = 100       # claims per /api/claims answer unless ?limit= says otherwise
MAX_API_PAGE = 5000

Status = Literal["fact", "negated", "opinion"]  # hypothetical statements never become claims


class ClaimFilters:
    """The claims table's filters, shared by the page and its JSON twin."""

    def __init__(
        self,
        type: Optional[str] = Query(None, max_length=40, description="A type (AID) or a class (SUPPORT)."),  # noqa: A002
        actor: Optional[str] = Query(None, max_length=200, description="Source or target: an id or any name."),
        by: Optional[str] = Query(None, max_length=200,
                                  description="Asserter: a kind (outlet, person, organization, anonymous) or an id or name."),
        status: Optional[Status] = Query(None, description="Keep claims with evidence of this status."),
        polarity: Optional[Literal["asserted", "denied"]] = Query(None),
        contested: bool = Query(False, description="Only claims that are part of a dispute."),
        since: Optional[str] = Query(None, max_length=10),
        until: Optional[str] = Query(None, max_length=10),
        min_sources: int = Query(1, ge=1, le=100),
    ):
        self.type, self.actor, self.by, self.status, self.polarity = type or None, actor or None, by or None, status, polarity
        self.contested, self.since, self.until, self.min_sources = contested, since or None, until or None, min_sources

    def params(self) -> dict:
        return {k: v for k, v in vars(self).items() if v not in (None, False, 1)}

    def apply(self, db: Faultlines) -> list:
        found = db.claims(actor=self.actor, type=self.type, by=self.by, polarity=self.polarity, since=self.since,
                          until=self.until, contested=self.contested, min_sources=self.min_sources)
        if self.status:
            found = [c for c in found if any(e.status == self.status for e in c.evidence)]
        return found


@router.get("/api/claims", response_model=list[ClaimOut], tags=["claims"],
            summary="Claims across sources, oldest first, with every piece of evidence, a page at a time",
            description="`limit` claims from `offset` on; the `X-Total-Count` header says how many match.")
def api_claims(request: Request, filters: ClaimFilters = Depends(),
               limit: int = Query(API_PAGE, ge=1, le=MAX_API_PAGE, description="Claims in this page."),
               offset: int = Query(0, ge=0, description="Claims to skip (the page's start).")):
    def page(db: Faultlines):
        found = filters.apply(db)
        return [claim_view(db, c) for c in found[offset:offset + limit]], len(found)

    key = ("claims", tuple(sorted(filters.params().items())), limit, offset)
    return cached_json(request, key, list[ClaimOut], page, headers=lambda total: {"X-Total-Count": str(total)})


@router.get("/claims", response_class=HTMLResponse, include_in_schema=False)
def claims_page(request: Request, filters: ClaimFilters = Depends(), db: Faultlines = Depends(database)):
    found = filters.apply(db)
    return render(request, "claims.html", active="claims", rows=[claim_view(db, c) for c in found[:PAGE_ROWS]],
                  total=len(found), shown=min(len(found), PAGE_ROWS), filters=vars(filters), query=filters.params(),
                  types=sorted(set(COARSE_TYPES.values())), claim_statuses=[s for s in STATUSES if s != "hypothetical"])


def claim_data(db: Faultlines, claim_id: str) -> dict:
    for claim in db.claims():
        if claim.id == claim_id:
            return claim_view(db, claim)
    raise HTTPException(status_code=404, detail=f"no claim {claim_id} (list them at /claims)")


@router.get("/api/claims/{claim_id}", response_model=ClaimOut, tags=["claims"], summary="One claim with its evidence")
def api_claim(claim_id: str, db: Faultlines = Depends(database)):
    return claim_data(db, claim_id)


@router.get("/claims/{claim_id}", response_class=HTMLResponse, include_in_schema=False)
def claim_page(request: Request, claim_id: str, db: Faultlines = Depends(database)):
    claim = claim_data(db, claim_id)
    disputes = [dispute_view(db, d) for d in db.contested() if any(claim_id in s.claim_ids for s in d.sides)]
    return render(request, "claim.html", active="claims", claim=claim, disputes=disputes)


DisputeKind = Literal["denial", "alignment", "blame", "allegation"]


def contested_data(db: Faultlines, kind, actor, since, until) -> list[dict]:
    return [dispute_view(db, d) for d in db.contested(kind=kind, actor=actor or None, since=since or None,
                                                       until=until or None)]


@router.get("/api/contested", response_model=list[DisputeOut], tags=["claims"],
            summary="Claims sources disagree on, most disputed first, each side with its sources")
def api_contested(kind: Optional[DisputeKind] = Query(None), actor: Optional[str] = Query(None, max_length=200),
                  since: Optional[str] = Query(None, max_length=10), until: Optional[str] = Query(None, max_length=10),
                  db: Faultlines = Depends(database)):
    return contested_data(db, kind, actor, since, until)


@router.get("/contested", response_class=HTMLResponse, include_in_schema=False)
def contested_page(request: Request, kind: Optional[DisputeKind] = Query(None),
                   actor: Optional[str] = Query(None, max_length=200), since: Optional[str] = Query(None, max_length=10),
                   until: Optional[str] = Query(None, max_length=10), db: Faultlines = Depends(database)):
    return render(request, "contested.html", active="contested",
                  disputes=contested_data(db, kind, actor, since, until),
                  filters={"kind": kind or "", "actor": actor or "", "since": since or "", "until": until or ""},
                  kinds=["denial", "alignment", "blame", "allegation"])
