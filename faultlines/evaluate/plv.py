"""Score PLOVER root codes and actors on the PLV news sentences (``data/plv_dev.tsv``).

Each PLV sentence marks a source (``<s>``) and a target (``<t>``) and gives the PLOVER
2019 root code a political scientist chose for that pair. PLOVER codes modality in the
type (a threatened attack is THREATEN, a refused meeting REJECT), so a statement is read
as a root code through ``plv_codes.yaml``: its type renamed where PLOVER 2019 names it
otherwise (CONCEDE -> YIELD), then its status applied (hypothetical ASSAULT -> THREATEN).

The pair is part of the task's input, so the statement scored for a sentence is the one
whose ends agree best with the marked spans (both, then one, then none), the first in
text order among equals. Root accuracy counts sentences whose scored statement has the
gold code; source and target agreement count sentences whose scored statement has that
end in the marked span, at state or group level (an actor agrees with "Iranian Foreign
Minister Zarif" through its name, a catalogue alias of it or of an actor above it, or a
demonym in the span). A sentence with no statement counts as wrong on all three.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from ..resolve.catalogue import normalize_name
from ..values import Problem
from .gold import GoldError

__all__ = ["PlvCodes", "PlvRecord", "PlvResult", "PlvScore", "load_plv", "load_plv_codes", "plv_root", "score_plv"]

CODES_FILE = Path(__file__).with_name("plv_codes.yaml")
_TOP_KEYS = {"classes", "types", "modality"}
_TYPE_KEYS = {"root", "why", "example"}
_MODALITY_KEYS = {"by_class", "keep", "why", "example"}
_COLUMNS = ("sentence", "source", "target", "gold_root")
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True)
class PlvCodes:
    """The reading of statements as PLV root codes (``plv_codes.yaml``)."""

    classes: Mapping[str, int]                        # root code -> class 1..4
    types: Mapping[str, str | None]                   # faultlines type -> root code (None: no event)
    modality: Mapping[str, Mapping[int, str]]         # status -> class -> root code
    keep: Mapping[str, frozenset[str]]                # status -> codes it leaves alone


@dataclass(frozen=True)
class PlvRecord:
    id: str
    sentence: str
    source: str        # the text of the <s> span
    target: str        # the text of the <t> span
    root: str          # gold PLOVER 2019 root code


@dataclass(frozen=True)
class PlvResult:
    """One sentence: the statement scored (None without one) and what it agreed on."""

    record: PlvRecord
    statements: int
    root: str | None           # the scored statement's root code
    source_right: bool
    target_right: bool
    statement: Mapping[str, Any] | None

    @property
    def right(self) -> bool:
        return self.root == self.record.root


@dataclass(frozen=True)
class PlvScore:
    results: tuple[PlvResult, ...]

    sentences = property(lambda self: len(self.results))
    root_accuracy = property(lambda self: _ratio(sum(r.right for r in self.results), len(self.results)))
    source_accuracy = property(lambda self: _ratio(sum(r.source_right for r in self.results), len(self.results)))
    target_accuracy = property(lambda self: _ratio(sum(r.target_right for r in self.results), len(self.results)))
    no_output = property(lambda self: sum(not r.statements for r in self.results))

    @property
    def confusion(self) -> tuple[tuple[str, str | None, int], ...]:
        """(gold code, system code or None, count), most frequent first within each gold code."""
        counts = Counter((r.record.root, r.root) for r in self.results)
        return tuple((g, s, n) for (g, s), n in sorted(counts.items(), key=lambda i: (i[0][0], -i[1], str(i[0][1]))))


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# ---------------------------------------------------------------- the codes table


@functools.lru_cache(maxsize=4)
def load_plv_codes(path: Path = CODES_FILE) -> PlvCodes:
    """Read and check ``plv_codes.yaml``; GoldError names the entry and the fix."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    name, problems = Path(path).name, []

    def problem(where: str, reason: str, fix: str) -> None:
        problems.append(Problem(f"{name}: {where}", reason, fix))

    for key in sorted(set(data) - _TOP_KEYS):
        problem(key, "unknown key", f"use only {', '.join(sorted(_TOP_KEYS))}")
    classes = {str(k): v for k, v in (data.get("classes") or {}).items()}
    for code, cls in classes.items():
        if cls not in (1, 2, 3, 4):
            problem(f"classes: {code}", f"class {cls!r} is not 1-4", "write CODE: 1, 2, 3 or 4")
    types: dict[str, str | None] = {}
    for type_, entry in (data.get("types") or {}).items():
        for key in sorted(set(entry) - _TYPE_KEYS if isinstance(entry, dict) else ()):
            problem(f"types: {type_}", f"unknown key {key!r}", f"use only {', '.join(sorted(_TYPE_KEYS))}")
        if not isinstance(entry, dict) or "root" not in entry or "example" not in entry:
            problem(f"types: {type_}", "needs root: and example:", "write TYPE: {root: CODE, why: ..., example: ...}")
            continue
        if entry["root"] is not None and entry["root"] not in classes:
            problem(f"types: {type_}", f"root {entry['root']!r} is not in classes", "use a code listed under classes")
        types[str(type_)] = entry["root"]
    modality: dict[str, Mapping[int, str]] = {}
    keep: dict[str, frozenset[str]] = {}
    for status, entry in (data.get("modality") or {}).items():
        where = f"modality: {status}"
        for key in sorted(set(entry) - _MODALITY_KEYS if isinstance(entry, dict) else ()):
            problem(where, f"unknown key {key!r}", f"use only {', '.join(sorted(_MODALITY_KEYS))}")
        if not isinstance(entry, dict) or "example" not in entry:
            problem(where, "needs by_class: and example:", "write STATUS: {by_class: {CLASS: CODE}, keep: [], example: ...}")
            continue
        by_class = {int(k): v for k, v in (entry.get("by_class") or {}).items()}
        for cls, code in by_class.items():
            if cls not in (1, 2, 3, 4) or code not in classes:
                problem(where, f"{cls}: {code!r} is not a class 1-4 and a listed code", "write CLASS: CODE")
        modality[str(status)] = MappingProxyType(by_class)
        keep[str(status)] = frozenset(entry.get("keep") or ())
    if problems:
        raise GoldError(problems)
    return PlvCodes(MappingProxyType(classes), MappingProxyType(types), MappingProxyType(modality),
                    MappingProxyType(keep))


def plv_root(statement: Mapping[str, Any], codes: PlvCodes | None = None) -> str | None:
    """The PLV root code a statement reads as: hypothetical ASSAULT -> THREATEN, CONCEDE -> YIELD."""
    codes = codes or load_plv_codes()
    type_ = str(statement.get("type") or "").upper()
    root = codes.types[type_] if type_ in codes.types else type_
    if root not in codes.classes:
        return None
    status = statement.get("status")
    if status in codes.modality and root not in codes.keep[status]:
        return codes.modality[status].get(codes.classes[root], root)
    return root


# ---------------------------------------------------------------- the sentences


def load_plv(path: Path) -> list[PlvRecord]:
    """Read the PLV sentences (tab-separated, with sentence, source, target and gold_root columns)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except OSError as error:
        raise GoldError([Problem(str(path), f"cannot be read: {error.strerror or error}", "check the path")])
    missing = [c for c in _COLUMNS if rows and c not in rows[0]]
    if not rows or missing:
        raise GoldError([Problem(path.name, f"has no rows or lacks columns {', '.join(missing)}",
                                 "give the PLV file: a TSV with sentence, source, target and gold_root")])
    return [PlvRecord(str(row.get("sentence_id") or n), row["sentence"], row["source"], row["target"],
                      row["gold_root"].strip().upper()) for n, row in enumerate(rows, start=1)]


# ---------------------------------------------------------------- scoring


def score_plv(records: Sequence[PlvRecord], statements: Sequence[Sequence[Mapping]], catalogue=None,
              codes: PlvCodes | None = None) -> PlvScore:
    """Score each record against the statements the system made of its sentence (same order)."""
    codes = codes or load_plv_codes()
    agrees = _SpanAgreement(catalogue)
    return PlvScore(tuple(_score_one(record, list(found), agrees, codes) for record, found in zip(records, statements)))


def _score_one(record: PlvRecord, statements: list[Mapping], agrees: Callable, codes: PlvCodes) -> PlvResult:
    scored = [(s, plv_root(s, codes)) for s in statements]
    scored = [(s, root) for s, root in scored if root]
    if not scored:
        return PlvResult(record, len(statements), None, False, False, None)
    judged = [(agrees(s.get("source"), record.source), agrees(s.get("target"), record.target), _start(s), n)
              for n, (s, _) in enumerate(scored)]
    source_ok, target_ok, _, best = max(judged, key=lambda j: (j[0] + j[1], -j[2], -j[3]))
    statement, root = scored[best]
    return PlvResult(record, len(statements), root, source_ok, target_ok, statement)


def _start(statement: Mapping) -> float:
    start = statement.get("start")
    return start if isinstance(start, (int, float)) else float("inf")


class _SpanAgreement:
    """Does a system actor agree with a marked span? Cached per actor id and span."""

    def __init__(self, catalogue):
        self.catalogue = catalogue
        self._names: dict[str, frozenset[str]] = {}

    def __call__(self, actor: Any, span: str) -> bool:
        if not isinstance(actor, Mapping) or not span.strip():
            return False
        text = f" {_comparable(span)} "
        names = self.names(actor)
        if any(f" {name} " in text for name in names):
            return True
        # The span inside the actor's name: "Zarif" for person:mohammad-javad-zarif.
        if any(text in f" {name} " for name in names):
            return True
        ids = self.lineage(actor)
        return any(state.id in ids for state in self.demonyms(span))

    def lineage(self, actor: Mapping) -> set[str]:
        actor_id = str(actor.get("id") or "").removeprefix("anon:")
        if self.catalogue is None or actor_id not in self.catalogue:
            return {actor_id}
        return {actor_id} | {a.id for a in self.catalogue.ancestors(actor_id)}

    def names(self, actor: Mapping) -> frozenset[str]:
        key = f"{actor.get('id')}|{actor.get('name')}"
        if key not in self._names:
            names = {_comparable(str(actor.get("name") or ""))}
            actor_id = str(actor.get("id") or "")
            if actor_id.startswith("person:"):
                names.add(_comparable(actor_id.removeprefix("person:").replace("-", " ")))
            for each in self.lineage(actor):
                if self.catalogue is not None and each in self.catalogue:
                    names |= {_comparable(a.text) for a in self.catalogue.entry(each).aliases}
                    names.add(_comparable(self.catalogue.get(each).name))
            self._names[key] = frozenset(n for n in names if len(n) > 1)
        return self._names[key]

    def demonyms(self, span: str) -> list:
        if self.catalogue is None:
            return []
        return [state for word in _comparable(span).split() if (state := self.catalogue.demonym(word))]


def _comparable(text: str) -> str:
    """A name as spans and actors are compared: normalized, possessives off, plurals singular.

    "Syria's president" -> "syria president", "rebel positions" -> "rebel position",
    "rebels" -> "rebel"; short words ("US") stay as they are.
    """
    words = normalize_name(_POSSESSIVE.sub("", text)).split()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)
