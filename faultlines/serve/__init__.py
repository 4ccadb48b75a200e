"""The local web UI: a read-only FastAPI app over one faultlines database.

``create_app(db_path)`` builds it; ``faultlines serve`` runs it with uvicorn. Pages are
rendered on the server with their JSON twins under ``/api``; the graph and map libraries
ship in ``static/vendor`` (built from npm by ``ui/build``), so it works offline. It reads
through ``faultlines.api`` and never writes.
"""

from .app import create_app

__all__ = ["create_app"]
