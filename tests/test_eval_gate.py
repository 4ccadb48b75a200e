"""Evaluation gate: the extractor's figures on every development set may only go up.

Like trafilatura's eval gate: the minimums live in one table, ``tests/eval_floors.yaml``,
holding the figures of ``faultlines evaluate --shared ../shared`` when they were last
raised, rounded down. A change that lowers one fails; a change that raises one should
raise its floor there too. ``must_not`` is a maximum (violations may only go down).

The demo gold is bundled, so its row is checked everywhere, also without ../shared; the
rows of the shared sets are skipped when ../shared is not there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from faultlines import api
from faultlines.evaluate.suite import FIGURES, SETS

from conftest import SHARED

FLOORS_FILE = Path(__file__).with_name("eval_floors.yaml")
FLOORS = yaml.safe_load(FLOORS_FILE.read_text(encoding="utf-8"))
MAXIMUMS = {"must_not"}


@pytest.fixture(scope="module")
def evaluation():
    shared = SHARED if (SHARED / "corpus").is_dir() else None
    return api.evaluate(shared, sets=list(FLOORS))


def test_eval_gate_floors_table_names_known_sets_and_figures():
    assert set(FLOORS) <= set(SETS), f"{FLOORS_FILE.name}: unknown set in {sorted(FLOORS)}"
    for name, figures in FLOORS.items():
        assert set(figures) <= set(FIGURES), f"{FLOORS_FILE.name}: {name}: unknown figure in {sorted(figures)}"
    assert "demo" in FLOORS   # the one set every checkout has


@pytest.mark.slow
@pytest.mark.parametrize("name, figure", [(n, f) for n, figures in FLOORS.items() for f in figures])
def test_eval_gate_figure_holds_its_floor(evaluation, name, figure):
    result = evaluation[name]
    if result.skipped:
        assert name != "demo", f"the bundled demo gold was skipped: {result.skipped}"
        pytest.skip(f"{name}: {result.skipped}")
    value, pinned = result.figures[figure], FLOORS[name][figure]
    if figure in MAXIMUMS:
        assert value <= pinned, f"{name} {figure} rose to {value} (at most {pinned}, {FLOORS_FILE.name})"
    else:
        assert value is not None and value >= pinned, (
            f"{name} {figure} fell to {value:.4f} (floor {pinned}, {FLOORS_FILE.name}); "
            f"faultlines evaluate --set {name} -v lists the misses by kind")
