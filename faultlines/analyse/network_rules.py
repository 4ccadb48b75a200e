"""The alignment weights of the alliance network, read from ``rules/network.yaml``.

This module only loads and checks the file: a user who changes a weight or adds a type
gets an error naming the file and the entry when it is malformed. What the weights mean
is documented in the YAML file itself.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from ..errors import ProblemsError
from ..extract.lexicon import PLOVER_EVENTS, RELATIONS
from ..values import Problem
from .claims import coarse_type

RULES_FILE = Path(__file__).with_name("rules") / "network.yaml"
ENTRY_FIELDS = frozenset({"sign", "weight", "why"})


class NetworkRulesError(ProblemsError):
    """The network rules file is invalid; ``problems`` names each entry and the fix."""

    what = "network rules"


@dataclass(frozen=True)
class TypeWeight:
    """How much one coarse claim type says about two actors' alignment."""

    type: str
    sign: int      # +1 same side, -1 opposed, 0 says nothing (not counted)
    weight: float  # 0..1
    why: str

    @property
    def signed(self) -> float:
        return self.sign * self.weight


@dataclass(frozen=True)
class NetworkRules:
    """Every coarse type's sign and weight, by type name."""

    weights: Mapping[str, TypeWeight]
    path: str = ""

    def signed(self, coarse: str) -> float | None:
        """sign x weight for a coarse type; None when the file does not know the type."""
        entry = self.weights.get(coarse)
        return entry.signed if entry else None


def load_network_rules(path: str | Path | None = None) -> NetworkRules:
    """Read and check a network rules file (the bundled one when ``path`` is None).

    Raises NetworkRulesError listing every malformed entry.
    """
    if path is None:
        return _bundled_rules()
    return _read(Path(path))


@functools.cache
def _bundled_rules() -> NetworkRules:
    return _read(RULES_FILE)


def _read(path: Path) -> NetworkRules:
    where = str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise NetworkRulesError([Problem(where, f"cannot read it: {error.strerror or error}", "check the path")]) from None
    except yaml.YAMLError as error:
        raise NetworkRulesError([Problem(where, f"not valid YAML: {error}", "fix the YAML syntax")]) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("types"), dict) or not raw["types"]:
        raise NetworkRulesError([Problem(where, "no 'types' mapping", "start the file with 'types:' and one entry per coarse type")])
    problems: list[Problem] = []
    if set(raw) != {"types"}:  # a section nothing reads is a bug: the user believes it works
        problems.append(Problem(where, f"unknown section(s) {', '.join(sorted(map(str, set(raw) - {'types'})))}",
                                "keep only 'types:'"))
    weights: dict[str, TypeWeight] = {}
    for name, entry in raw["types"].items():
        found = _entry(str(name), entry, f"{where}: types.{name}", problems)
        if found is not None:
            weights[found.type] = found
    # Every type the extractors can produce needs a weight: a forgotten one would
    # otherwise drop its claims from the network without anyone noticing.
    for name in sorted({coarse_type(t) for t in PLOVER_EVENTS | RELATIONS} - set(raw["types"])):
        problems.append(Problem(f"{where}: types", f"no entry for {name}", f"add '{name}:' with sign, weight and why"))
    if problems:
        raise NetworkRulesError(problems)
    return NetworkRules(weights=MappingProxyType(weights), path=where)


def _entry(name: str, entry: Any, where: str, problems: list[Problem]) -> TypeWeight | None:
    if not name.isupper() or not name.replace("_", "").isalpha():
        problems.append(Problem(where, f"'{name}' is not a type name", "use an upper-case coarse type such as SUPPORT or ASSAULT"))
        return None
    if not isinstance(entry, dict):
        problems.append(Problem(where, "is not a mapping", "give sign, weight and why"))
        return None
    before = len(problems)
    unknown = set(entry) - ENTRY_FIELDS
    if unknown:
        problems.append(Problem(where, f"unknown field(s) {', '.join(sorted(map(str, unknown)))}", "use only sign, weight and why"))
    missing = ENTRY_FIELDS - set(entry)
    if missing:
        problems.append(Problem(where, f"missing {', '.join(sorted(missing))}", "every entry needs sign, weight and why"))
        return None
    sign, weight, why = entry["sign"], entry["weight"], entry["why"]
    if isinstance(sign, bool) or sign not in (-1, 0, 1):
        problems.append(Problem(where, f"sign is {sign!r}", "use +1 (same side), -1 (opposed) or 0 (not counted)"))
    # bool is an int to Python: 'weight: yes' must not read as 1.0.
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not math.isfinite(weight) or not 0 <= weight <= 1:
        problems.append(Problem(where, f"weight is {weight!r}", "use a number from 0 to 1"))
    elif sign == 0 and weight != 0:
        problems.append(Problem(where, f"sign is 0 but weight is {weight}", "a neutral type has weight 0"))
    if not isinstance(why, str) or not why.strip():
        problems.append(Problem(where, "'why' is empty", "say in a sentence why the type weighs what it does"))
    if len(problems) > before:
        return None
    return TypeWeight(type=name, sign=int(sign), weight=float(weight), why=why.strip())
