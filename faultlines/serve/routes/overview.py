"""The overview (counts, outlets, most named actors, statements per month) and the search box."""

from __future__ import annotations

from collections import Counter, defaultdict

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ...api import Faultlines
from ..schemas import OverviewOut, SearchOut
from ..web import STATUSES, cached_json, database, render

router = APIRouter()
TOP_ACTORS = 15


def article_summary(article) -> dict:
    return {
        "id": article.id, "title": article.title, "outlet": article.outlet, "author": article.author,
        "published": article.published, "date_source": article.date_source, "url": article.url,
        "version": article.version, "sentence_count": article.sentence_count,
        "statement_count": article.statement_count,
    }


def overview_data(db: Faultlines) -> dict:
    months: dict[str, dict] = defaultdict(lambda: {"articles": 0, "statements": Counter()})
    for article in db.articles():
        months[(article.published or "undated")[:7]]["articles"] += 1
    for statement in db.statements():
        months[(statement["published"] or "undated")[:7]]["statements"][statement["status"]] += 1
    month_rows = [
        {"month": month, "articles": row["articles"], "statements": {s: row["statements"][s] for s in STATUSES}}
        for month, row in sorted(months.items()) if row["articles"] or sum(row["statements"].values())
    ]
    outlets = [
        {"outlet": p.outlet, "articles": p.articles, "statements": p.statements,
         "own_voice_claims": len(p.own_voice_claims), "quoted": sum(n for _, n in p.quoted)}
        for p in db.sources()
    ]
    return {
        "counts": db.counts(), "claims": len(db.claims()), "disputes": len(db.contested()),
        "months": month_rows, "outlets": sorted(outlets, key=lambda o: -o["articles"]),
        "actors": db.actors()[:TOP_ACTORS],
    }


def chart(months: list[dict], height: int = 160) -> dict:
    """Bars for the statements-per-month chart: one stacked bar per month, by status."""
    top = max((sum(m["statements"].values()) for m in months), default=0) or 1
    bars = []
    for month in months:
        y, stack = height, []
        for status in STATUSES:
            size = month["statements"][status] * height / top
            y -= size
            stack.append({"status": status, "y": round(y, 1), "height": round(size, 1), "n": month["statements"][status]})
        bars.append({"month": month["month"], "stack": stack, "total": sum(month["statements"].values()),
                     "articles": month["articles"]})
    return {"bars": bars, "height": height, "top": top}


@router.get("/api/overview", response_model=OverviewOut, tags=["overview"],
            summary="Counts, outlets, most named actors and statements per month")
def api_overview(request: Request):
    return cached_json(request, ("overview",), OverviewOut, overview_data)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def overview_page(request: Request, db: Faultlines = Depends(database)):
    data = request.app.state.database.cached(("overview-data",), overview_data)
    return render(request, "overview.html", active="overview", data=data, chart=chart(data["months"]),
                  disputes=db.contested(limit=5), name=db.actor_name)


def search_data(db: Faultlines, q: str) -> dict:
    q = q.strip()
    if not q:
        return {"query": q, "actors": [], "articles": []}
    return {"query": q, "actors": db.actors(search=q)[:50],
            "articles": [article_summary(a) for a in db.articles(search=q, limit=50)]}


@router.get("/api/search", response_model=SearchOut, tags=["overview"],
            summary="Actors (by id, name or alias) and articles (by title or text) matching a query")
def api_search(q: str = Query("", max_length=200), db: Faultlines = Depends(database)):
    return search_data(db, q)


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, q: str = Query("", max_length=200), db: Faultlines = Depends(database)):
    return render(request, "search.html", active="", q=q, data=search_data(db, q))

