"""Docs that cannot drift: every command, flag and setting is in the README."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
import typer.main

import faultlines
from faultlines.cli import app
from faultlines.options import Options

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = {c.name: c for c in typer.main.get_command(app).commands.values()}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_docs_every_command_in_readme(name):
    assert f"faultlines {name}" in README


@pytest.mark.parametrize(
    "flag",
    sorted({opt for c in COMMANDS.values() for p in c.params for opt in p.opts if opt.startswith("--") and opt != "--help"}),
)
def test_docs_every_flag_in_readme(flag):
    assert f"`{flag}" in README, f"{flag} is not documented in README.md"


@pytest.mark.parametrize("setting", [f.name for f in fields(Options) if f.name != "user_agent"])
def test_docs_every_setting_has_an_environment_variable_in_readme(setting):
    assert f"FAULTLINES_{setting.upper()}" in README


def test_docs_public_api_is_exactly_all():
    # As httpx does: what the package exports is what __all__ says, and all of it exists.
    public = {name for name in dir(faultlines) if not name.startswith("_")} - {
        "analyse", "api", "cli", "core", "errors", "export", "extract", "ingest", "nlp", "options", "resolve", "store",
        "values", "logging", "serve", "statement_types",
    }
    assert public == set(faultlines.__all__) - {"__version__"}
    for name in faultlines.__all__:
        assert hasattr(faultlines, name)
