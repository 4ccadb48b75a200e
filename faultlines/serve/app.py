"""The web app: ``create_app(db_path)`` gives a FastAPI app over one database, read-only.

Pages are rendered on the server (Jinja2, autoescaped); each has a JSON twin under
``/api/...`` documented at ``/docs``. Scripts, styles, the graph and map libraries and the
world map are served from ``static/`` inside the package: the app loads nothing from the
internet. Only GET and HEAD are answered (HEAD as GET without the body), so any other
method is a 405; the database is opened with SQLite's read-only mode. Requests naming
another host than the loopback names (or those ``allowed_hosts`` adds: a test client's)
are refused, so a web page cannot reach the app through DNS rebinding.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..errors import FaultlinesError
from ..options import Options
from .database import ReadOnlyDatabase
from .routes import actors, articles, claims, network, overview, places
from .web import HERE, render

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")

# Pages may only load what this app serves. Swagger UI's page starts itself with an inline
# script, so /docs alone allows that.
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


def create_app(db_path: str | Path, *, options: Options | None = None,
               allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS) -> FastAPI:
    """A FastAPI app over the faultlines database at ``db_path``, opened read-only.

    Args:
        allowed_hosts: the ``Host`` names requests may use; ``None`` allows any (for a
            server bound to a non-loopback address on purpose).

    Raises:
        StoreError: the file is missing, not a faultlines database, or of another schema.
    """
    app = FastAPI(
        title="faultlines",
        version=__version__,
        description=("Read-only web app over a faultlines database: who backs, fights, arms, accuses "
                     "or deals with whom, and who says so. Every page has a JSON twin under /api."),
        docs_url=None, redoc_url=None, lifespan=_closing_database,
    )
    app.state.database = ReadOnlyDatabase(db_path, options)
    app.state.db_name = Path(db_path).name
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(HeadAsGet)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        docs = request.url.path == "/docs"
        response.headers["Content-Security-Policy"] = DOCS_CSP if docs else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="faultlines API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    # StaticFiles resolves every path under its folder and refuses anything outside it.
    app.mount("/static", StaticFiles(directory=HERE / "static", follow_symlink=False), name="static")
    for module in (overview, network, actors, claims, articles, places):
        app.include_router(module.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        if _wants_json(request):
            return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)
        return render(request, "error.html", status_code=error.status_code, status=error.status_code,
                      message=error.detail, active="")

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        if _wants_json(request):
            return JSONResponse({"detail": error.errors()}, status_code=422)
        message = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in error.errors())
        return render(request, "error.html", status_code=422, status=422, message=message, active="")

    @app.exception_handler(FaultlinesError)
    async def faultlines_error(request: Request, error: FaultlinesError):
        # A filter faultlines cannot read (an unknown type, a bad date): the user's to fix.
        if _wants_json(request):
            return JSONResponse({"detail": str(error)}, status_code=400)
        return render(request, "error.html", status_code=400, status=400, message=str(error), active="")

    @app.exception_handler(sqlite3.DatabaseError)
    async def unreadable_database(request: Request, error: sqlite3.DatabaseError):
        # Damage that appeared after the check at start (or that quick_check does not see).
        message = (f"cannot read {app.state.db_name}: {error}. Check it with: sqlite3 {app.state.db_name} "
                   "'PRAGMA integrity_check', and restore it from a backup")
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=503)
        return render(request, "error.html", status_code=503, status=503, message=message, active="")

    return app


@contextlib.asynccontextmanager
async def _closing_database(app: FastAPI):
    yield
    app.state.database.close()


class HeadAsGet:
    """Answer HEAD as GET without the body (headers, Content-Length included, unchanged).

    The routes are declared for GET only; without this a HEAD (link checkers, ``curl -I``)
    is a 405.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message):
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"
