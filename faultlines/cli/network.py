"""``faultlines network``: who stands with whom in a time window, as a summary or a graph file.

Registered by ``register(app)``; the command parses its options, calls
``Faultlines.network`` and writes what it returns in the chosen format.
"""

from __future__ import annotations

import enum
import io
import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .. import api
from ..analyse.network import AllianceNetwork, summary_text, to_dot, to_json, write_gexf, write_graphml
from ..errors import FaultlinesError
from ..options import Options
from . import reports_errors
from .ingest import CATALOGUE_OPTION, DB_OPTION
from .output import stderr

EPILOG = (
    "Examples:\n\n  faultlines network --since 2017-06-01 --until 2017-10-31\n\n"
    "  faultlines network --format gexf -o syria-2017.gexf   (open in Gephi)\n\n"
    "  faultlines network --format dot | dot -Tsvg > network.svg"
)


class NetworkFormat(str, enum.Enum):
    text = "text"
    json = "json"
    graphml = "graphml"
    gexf = "gexf"
    dot = "dot"


def register(app: typer.Typer) -> None:
    """Add the ``network`` command to ``app``."""
    app.command("network", epilog=EPILOG)(reports_errors(network))


def network(
    db: str = DB_OPTION,
    since: Optional[str] = typer.Option(None, "--since", help="Claims seen on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)."),
    until: Optional[str] = typer.Option(None, "--until", help="Claims seen on or before this date."),
    fmt: NetworkFormat = typer.Option(NetworkFormat.text, "--format", "-f", help="text (a summary), json, graphml, gexf or dot."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.", dir_okay=False),
    min_sources: int = typer.Option(1, "--min-sources", min=1, help="Only claims carried by at least this many independent sources."),
    no_rollup: bool = typer.Option(False, "--no-rollup", help="Keep sub-bodies (USA.MIL, anon:USA) apart from their top-level actor."),
    catalogue: Optional[List[str]] = CATALOGUE_OPTION,
) -> None:
    """Build the alliance network: factions, strongest alliances and hostilities, patrons and proxies.

    Actors are joined by signed edges: backing, alliance and cooperation count for them,
    fighting, threats, sanctions and accusations against, each weighed by how many
    independent sources carry it. Factions are found by structural balance. Only claims
    someone asserts count; denied ones do not.
    """
    options = Options.from_env(catalogue=tuple(catalogue) if catalogue else None)
    with api.open(db, options, create=False) as fl:
        found: AllianceNetwork = fl.network(since=since, until=until, rollup=not no_rollup, min_sources=min_sources)
    data = _render(found, fmt)
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
        return
    try:
        output.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    except OSError as error:
        raise FaultlinesError(f"cannot write {output}: {error.strerror or error} (choose another --output path)") from None
    stderr.print(f"wrote {len(found.nodes)} actors and {len(found.edges)} edges to {output}", highlight=False)


def _render(found: AllianceNetwork, fmt: NetworkFormat) -> str | bytes:
    if fmt is NetworkFormat.text:
        return summary_text(found)
    if fmt is NetworkFormat.json:
        return json.dumps(to_json(found), ensure_ascii=False, indent=2) + "\n"
    if fmt is NetworkFormat.dot:
        return to_dot(found)
    buffer = io.BytesIO()
    (write_graphml if fmt is NetworkFormat.graphml else write_gexf)(found, buffer)
    return buffer.getvalue()
