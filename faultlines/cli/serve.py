"""``faultlines serve``: the read-only web UI over a database, on this machine.

Registered by ``register(app)``. It checks the database and the address, then hands the
app (``faultlines.serve.create_app``) to uvicorn; the pages are the web app's business.
"""

from __future__ import annotations

import ipaddress
import threading
import webbrowser
from typing import List, Optional

import typer

from ..options import DEFAULT_DB, Options
from . import reports_errors
from .ingest import CATALOGUE_OPTION
from .output import stderr

EPILOG = (
    "Examples:\n\n  faultlines serve --db syria.db            (then open http://127.0.0.1:8765)\n\n"
    "  faultlines serve --db syria.db --port 9000 --open"
)


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""
    app.command("serve", epilog=EPILOG)(reports_errors(serve))


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    db: str = typer.Option(DEFAULT_DB, "--db", envvar="FAULTLINES_DB", help="SQLite database file to show (never changed)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; anything but loopback exposes the data to your network."),
    port: int = typer.Option(8765, "--port", min=1, max=65535, help="Port to listen on."),
    open_browser: bool = typer.Option(False, "--open", help="Open the app in your web browser."),
    catalogue: Optional[List[str]] = CATALOGUE_OPTION,
) -> None:
    """Open a read-only web app over the database: overview, alliance network, actors,
    claims with their evidence, contested claims, articles and a map of events.

    The JSON behind every page is under /api, documented at /docs. It loads nothing from
    the internet.
    """
    import uvicorn

    from ..serve import create_app
    from ..serve.app import LOOPBACK_HOSTS

    loopback = is_loopback(host)
    if not loopback:
        stderr.print(
            f"[yellow]warning:[/yellow] listening on {host} lets anyone who can reach this machine read "
            "the database, without a password; use --host 127.0.0.1 to keep it to yourself.", highlight=False,
        )
    options = Options.from_env(catalogue=tuple(catalogue) if catalogue else None)
    app = create_app(db, options=options, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    stderr.print(f"serving {db} read-only at {url} (API docs at {url}docs); press Ctrl+C to stop", highlight=False)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=host.strip("[]"), port=port, log_level="warning")
