"""The ``faultlines`` command: each subcommand parses arguments and calls one API method.

Exit codes: 0 success; 1 the command ran but something failed (an input skipped, an
unknown article id, a missing model); 2 wrong usage (unknown option, bad value).
"""

from __future__ import annotations

import functools
import logging
import sqlite3
import sys
from typing import Callable

import typer

from ..errors import FaultlinesError, SettingError
from .output import stderr

app = typer.Typer(
    name="faultlines",
    help=(
        "Read conflict news and find who backs, fights, arms, accuses or deals with whom, "
        "since when, where, and who says so.\n\n"
        "Example: faultlines ingest articles/ --db conflict.db && faultlines articles --db conflict.db"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def reports_errors(command: Callable) -> Callable:
    """Turn our exceptions into one red line on stderr and exit code 1 (2 for a bad setting)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except SettingError as error:
            stderr.print(f"[red]usage error:[/red] {error}", highlight=False)
            raise typer.Exit(2) from None
        except FaultlinesError as error:
            stderr.print(f"[red]error:[/red] {error}", highlight=False)
            raise typer.Exit(1) from None
        except sqlite3.DatabaseError as error:
            # Damage quick_check did not see when the file was opened (or that came later).
            db = kwargs.get("db", "the database")
            stderr.print(f"[red]error:[/red] cannot read {db}: {error} (check it with: sqlite3 {db} "
                         f"'PRAGMA integrity_check'; restore it from a backup, or save what can be read with: "
                         f"sqlite3 {db} .recover | sqlite3 recovered.db)", highlight=False)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            stderr.print("interrupted: what was stored stays; run the same command again to go on.", highlight=False)
            raise typer.Exit(130) from None

    return wrapper


def version_callback(value: bool) -> None:
    if value:
        from .. import __version__

        print(f"faultlines {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what faultlines does, to stderr."),
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True, help="Print the version."),
) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not verbose:
        # trafilatura and htmldate log every page they find hard to read; a skipped input
        # is reported by faultlines itself.
        for name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
            logging.getLogger(name).setLevel(logging.CRITICAL)


from . import ingest as _ingest  # noqa: E402,F401  (registers commands)
from . import query as _query  # noqa: E402,F401
from . import actors as _actors  # noqa: E402,F401
from . import statements as _statements  # noqa: E402,F401
from . import evaluate as _evaluate  # noqa: E402,F401
from . import claims as _claims  # noqa: E402,F401
from . import network as _network  # noqa: E402
from . import serve as _serve  # noqa: E402

_network.register(app)
_serve.register(app)


def main() -> None:
    app()
