"""Articles: the list (outlet, dates, search) and one article with its statements marked inline."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from ...api import Faultlines
from ...errors import FaultlinesError
from ..highlight import cut
from ..schemas import ArticleDetailOut, ArticleOut
from ..web import database, render
from .claims import claim_data
from .overview import article_summary

router = APIRouter()
ARTICLE_ID = Path(..., ge=1, le=2**62)


def articles_data(db: Faultlines, outlet, since, until, search, limit=None) -> list[dict]:
    return [article_summary(a) for a in db.articles(outlet=outlet or None, since=since or None, until=until or None,
                                                     search=search or None, limit=limit)]


@router.get("/api/articles", response_model=list[ArticleOut], tags=["articles"],
            summary="Stored articles (newest version of each), oldest first")
def api_articles(outlet: Optional[str] = Query(None, max_length=200), since: Optional[str] = Query(None, max_length=10),
                 until: Optional[str] = Query(None, max_length=10), search: Optional[str] = Query(None, max_length=200),
                 limit: int = Query(1000, ge=1, le=100000), db: Faultlines = Depends(database)):
    return articles_data(db, outlet, since, until, search, limit)


@router.get("/articles", response_class=HTMLResponse, include_in_schema=False)
def articles_page(request: Request, outlet: Optional[str] = Query(None, max_length=200),
                  since: Optional[str] = Query(None, max_length=10), until: Optional[str] = Query(None, max_length=10),
                  search: Optional[str] = Query(None, max_length=200), db: Faultlines = Depends(database)):
    outlets = sorted({a.outlet for a in db.articles() if a.outlet})
    return render(request, "articles.html", active="articles", rows=articles_data(db, outlet, since, until, search),
                  outlets=outlets, filters={"outlet": outlet or "", "since": since or "", "until": until or "",
                                            "search": search or ""})


def article_data(db: Faultlines, article_id: int) -> dict:
    try:
        view = db.article(article_id)
    except FaultlinesError as error:
        raise HTTPException(status_code=404, detail=str(error)) from None
    return {
        "article": article_summary(view.article), "text": view.article.text,
        "sentences": [{"index": s.index, "start": s.start, "end": s.end, "text": s.text} for s in view.sentences],
        "statements": list(view.statements),
    }


@router.get("/api/articles/{article_id}", response_model=ArticleDetailOut, tags=["articles"],
            summary="One article: its text, sentences, and statements with offsets into the text")
def api_article(article_id: int = ARTICLE_ID, db: Faultlines = Depends(database)):
    return article_data(db, article_id)


@router.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, article_id: int = ARTICLE_ID,
                 claim: Optional[str] = Query(None, max_length=40, description="Highlight this claim's evidence."),
                 at: Optional[int] = Query(None, ge=0, description="Highlight the statements starting at this offset."),
                 db: Faultlines = Depends(database)):
    data = article_data(db, article_id)
    statements = data["statements"]
    evidence, claim_record = set(), None
    if claim:
        claim_record = claim_data(db, claim)
        evidence = {(e["start"], e["end"]) for e in claim_record["evidence"] if e["article_id"] == article_id}
    highlighted = {i for i, s in enumerate(statements) if (s["start"], s["end"]) in evidence or s["start"] == at}
    pieces = cut(data["text"], [(s["start"], s["end"]) for s in statements], highlighted)
    return render(request, "article.html", active="articles", data=data, pieces=pieces, statements=statements,
                  claim=claim_record, highlighted=highlighted)
