"""What every page shares: the templates, the database dependency, links and records.

Templates autoescape everything; the only markup that reaches a page is in the templates.
Records for pages and for JSON are the same dicts, so a page and its ``/api`` twin cannot
disagree.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Callable, Hashable, Iterator
from urllib.parse import quote, urlencode

import jinja2
from fastapi import HTTPException, Request, Response
from fastapi.templating import Jinja2Templates
from pydantic import TypeAdapter

from ..api import Faultlines
from ..errors import FaultlinesError
from ..export.claims import claim_record, dispute_record
from ..values import Claim, Dispute

HERE = Path(__file__).parent
STATUSES = ("fact", "negated", "hypothetical", "opinion")


def actor_url(actor_id: str) -> str:
    return "/actors/" + quote(actor_id, safe=":")


def article_url(article_id: int, claim: str | None = None, at: int | None = None) -> str:
    """An article's page; with ``claim`` its evidence of that claim is highlighted, with
    ``at`` the statement sentence starting at that offset."""
    if claim:
        return f"/articles/{article_id}?claim={quote(claim)}#evidence"
    if at is not None:
        return f"/articles/{article_id}?at={int(at)}#evidence"
    return f"/articles/{article_id}"


def claim_url(claim_id: str) -> str:
    return "/claims/" + quote(claim_id)


def page_url(path: str, params: dict, **changes) -> str:
    """``path`` with ``params`` (dropping empty ones) and ``changes`` as its query."""
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "", False)}
    return path + ("?" + urlencode(merged, doseq=True) if merged else "")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every template, whatever its extension
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(actor_url=actor_url, article_url=article_url, claim_url=claim_url, page_url=page_url,
                       statuses=STATUSES)
    return env


templates = Jinja2Templates(env=_environment())


def render(request: Request, template: str, status_code: int = 200, **context):
    """A page from ``templates/``; ``context`` names the page's ``active`` tab and its data."""
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def database(request: Request) -> Iterator[Faultlines]:
    """FastAPI dependency: the read-only database, held for this request only."""
    with request.app.state.database.use() as db:
        yield db


def cached_json(request: Request, key: Hashable, shape: Any, build: Callable[[Faultlines], Any],
                headers: Callable[[Any], dict] | None = None) -> Response:
    """The JSON of ``build(db)`` in the endpoint's ``shape``, made once per database state.

    ``key`` names the endpoint and its parameters; the answer is kept until the database
    file changes, so a busy endpoint costs one build, not one per request. ``headers``
    gives extra headers from the built value (which is then ``(value, extra)``).
    """
    def made(db: Faultlines):
        value = build(db)
        extra = None
        if headers is not None:
            value, extra = value
        return _adapter(shape).dump_json(_adapter(shape).validate_python(value)), extra

    body, extra = request.app.state.database.cached(key, made)
    return Response(body, media_type="application/json", headers=headers(extra) if headers else None)


@functools.lru_cache(maxsize=None)
def _adapter(shape: Any) -> TypeAdapter:
    return TypeAdapter(shape)


def bad_request(error: FaultlinesError) -> HTTPException:
    return HTTPException(status_code=400, detail=str(error))


def actor_ref(db: Faultlines, actor_id: str | None) -> dict:
    if not actor_id:
        return {"id": "", "name": "", "kind": None}
    return {"id": actor_id, "name": db.actor_name(actor_id), "kind": _kinds(db).get(actor_id)}


def _kinds(db: Faultlines) -> dict[str, str]:
    kinds = db.__dict__.get("_serve_kinds")
    if kinds is None:
        kinds = db.__dict__["_serve_kinds"] = {r["id"]: r["kind"] for r in db.store.actor_rows()}
    return kinds


def is_actor(db: Faultlines, label: str) -> bool:
    """Asserter labels are actor ids or outlet names; True for the ids (they get a link)."""
    return label in _kinds(db) or label in db.catalogue


def who(db: Faultlines, labels) -> list[dict]:
    """Asserter labels as ``{name, id}``, ``id`` None for outlets (nothing to link to)."""
    return [{"name": db.actor_name(label), "id": label if is_actor(db, label) else None} for label in labels]


def claim_view(db: Faultlines, claim: Claim) -> dict:
    """``faultlines claims --format json``'s record, with actor kinds and linkable asserters."""
    record = claim_record(claim, db.actor_name)
    record["source"] = actor_ref(db, claim.source_actor_id)
    record["target"] = actor_ref(db, claim.target_actor_id)
    record["asserter_refs"] = who(db, claim.asserters)
    record["contradicted_by_refs"] = who(db, claim.contradicted_by)
    record["statuses"] = sorted({e.status for e in claim.evidence})
    return record


def dispute_view(db: Faultlines, dispute: Dispute) -> dict:
    record = dispute_record(dispute, db.actor_name)
    record.update(source=actor_ref(db, dispute.source_actor_id), target=actor_ref(db, dispute.target_actor_id),
                  type=dispute.type)
    for side, found in zip(record["sides"], dispute.sides):
        side["asserter_refs"] = who(db, found.asserters)
    return record
