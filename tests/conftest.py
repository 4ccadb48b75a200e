"""Shared fixtures: an in-memory database, a folder of articles, the shared data when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import faultlines

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
if os.environ.get("FAULTLINES_SHARED"):
    SHARED = Path(os.environ["FAULTLINES_SHARED"])


@pytest.fixture
def fl():
    """A throwaway database, closed after the test."""
    with faultlines.open(":memory:") as db:
        yield db


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared evaluation data (corpus, gold, data); the test is skipped without it."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


ARTICLE = (
    "Coalition strikes hit ISIS near Raqqa\n\n"
    "RAQQA, Oct. 3, 2017 — Aircraft of the US-led coalition struck ISIS positions on the "
    "outskirts of Raqqa on Tuesday, a coalition spokesman said. The Syrian Democratic Forces "
    "said they had advanced two kilometres. Russia's defense ministry denied that its jets "
    "had flown over the area.\n"
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write a file (text as UTF-8) under ``folder``, creating folders on the way."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def article_text(n: int) -> str:
    """A distinct small article, numbered so every text hashes differently."""
    return (
        f"Report number {n} from the Euphrates valley\n\n"
        f"Fighters of the Syrian Democratic Forces clashed with ISIS near village {n} on "
        f"Monday, a local commander said. The coalition said it carried out {n} strikes."
    )
