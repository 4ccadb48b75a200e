"""The statement types, read from ``types.yaml``: the one table every stage asks.

Extraction asks which types are hostile, symmetric or speech acts; resolution which are
symmetric; claims, disputes and the network which class a type merges into and which way
it aligns two actors; evaluation which class the gold files use. Each of them used to keep
its own set; now a type added to ``types.yaml`` is known everywhere at once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from .errors import FaultlinesError

TYPES_FILE = Path(__file__).with_name("types.yaml")
FIELDS = ("kind", "gold_class", "claim_class", "symmetric", "hostile", "force", "speech_act", "alignment", "noun_preps")
OPTIONAL_FIELDS = ("plover",)
KINDS = ("event", "relation")
ALIGNMENTS = ("aligned", "opposed", "none")


@dataclass(frozen=True)
class StatementType:
    name: str
    kind: str
    gold_class: str
    claim_class: str
    symmetric: bool
    hostile: bool
    force: bool
    speech_act: bool
    alignment: str
    noun_preps: tuple[str, ...]
    plover: str | None = None  # the PLOVER event a relation is scored as


@dataclass(frozen=True)
class TypeTable:
    types: MappingProxyType  # name -> StatementType

    def __contains__(self, name: str) -> bool:
        return name in self.types

    def __getitem__(self, name: str) -> StatementType:
        return self.types[name]

    def names(self, **wanted) -> frozenset[str]:
        """The types whose fields have the given values: ``names(hostile=True)``."""
        return frozenset(n for n, t in self.types.items() if all(getattr(t, k) == v for k, v in wanted.items()))

    @property
    def events(self) -> frozenset[str]:
        return self.names(kind="event")

    @property
    def relations(self) -> frozenset[str]:
        return self.names(kind="relation")

    def claim_classes(self, **wanted) -> frozenset[str]:
        """Claim classes of the types with these fields ("aligned" classes: SUPPORT, ALLY, ...)."""
        return frozenset(self.types[n].claim_class for n in self.names(**wanted))

    def symmetric_claim_classes(self, column: str = "claim_class") -> frozenset[str]:
        """Classes in which every type is symmetric: "A and B agreed" = "B and A agreed"."""
        classes = {getattr(t, column) for t in self.types.values()}
        return frozenset(c for c in classes if all(t.symmetric for t in self.types.values() if getattr(t, column) == c))

    def class_map(self, column: str = "claim_class") -> MappingProxyType:
        """Type -> class, for the types whose class has another name (BACKS -> SUPPORT)."""
        return MappingProxyType({n: getattr(t, column) for n, t in self.types.items() if getattr(t, column) != n})

    def coarse(self, name: str, column: str = "claim_class") -> str:
        """The class of a type (``claim_class`` or ``gold_class``); an unknown name stays itself."""
        found = self.types.get((name or "").upper())
        return getattr(found, column) if found else (name or "").upper()


class _Loader(yaml.SafeLoader):
    """YAML 1.1 reads on/off/yes/no as booleans; here "on" is a preposition. Only
    true/false are booleans."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _fail(where: str, reason: str, fix: str):
    raise FaultlinesError(f"{where}: {reason} ({fix})")


@functools.lru_cache(maxsize=2)
def type_table(path: Path = TYPES_FILE) -> TypeTable:
    """The bundled table (cached). Raises ``FaultlinesError`` naming the entry and the fix."""
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    if set(raw) != {"types"} or not isinstance(raw["types"], dict):
        _fail(str(path), "expected one top-level key 'types'", "put every type under 'types:'")
    found = {}
    for name, entry in raw["types"].items():
        where = f"{path}: types.{name}"
        if not isinstance(entry, dict):
            _fail(where, "is not a mapping", f"give {', '.join(FIELDS)}")
        unknown = set(entry) - set(FIELDS) - set(OPTIONAL_FIELDS)
        missing = set(FIELDS) - set(entry)
        if unknown:
            _fail(where, f"unknown field(s) {', '.join(sorted(unknown))}", f"use only {', '.join(FIELDS + OPTIONAL_FIELDS)}")
        if missing:
            _fail(where, f"missing {', '.join(sorted(missing))}", "every type gives every field")
        if entry["kind"] not in KINDS:
            _fail(where, f"kind is {entry['kind']!r}", f"use one of {', '.join(KINDS)}")
        if entry["alignment"] not in ALIGNMENTS:
            _fail(where, f"alignment is {entry['alignment']!r}", f"use one of {', '.join(ALIGNMENTS)}")
        for flag in ("symmetric", "hostile", "force", "speech_act"):
            if not isinstance(entry[flag], bool):
                _fail(where, f"{flag} is {entry[flag]!r}", "use true or false")
        found[str(name)] = StatementType(
            name=str(name), kind=entry["kind"], gold_class=str(entry["gold_class"]), claim_class=str(entry["claim_class"]),
            symmetric=entry["symmetric"], hostile=entry["hostile"], force=entry["force"], speech_act=entry["speech_act"],
            alignment=entry["alignment"], noun_preps=tuple(str(p).lower() for p in entry["noun_preps"] or ()),
            plover=entry.get("plover"),
        )
    for t in found.values():
        if t.plover is not None and t.plover not in found:
            _fail(f"{path}: types.{t.name}", f"plover is {t.plover!r}", "name a type of this table or null")
        same_class = {o.alignment for o in found.values() if o.claim_class == t.claim_class}
        if len(same_class) > 1:
            _fail(f"{path}: types.{t.name}", f"claim class {t.claim_class} mixes alignments {sorted(same_class)}",
                  "give every type of one claim class the same alignment")
    return TypeTable(types=MappingProxyType(found))
