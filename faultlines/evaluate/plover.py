"""Score event types and actors against the PLOVER gold standard records.

Reads the PLOVER v0.5 gold standard records (a JSON list, see ``data/README.md``), maps
their event types to the ones faultlines uses, runs a caller's ``predict`` on each
sentence, and measures event-type accuracy, strict (the first event statement in text
order) and lenient (any statement), and, where the type is right, whether the source and
target match the gold actors by CAMEO code or by the actor's text.

It does not score attribution, status, dates or places (the records have none worth
scoring), and it does not run an extractor itself: ``predict`` is whatever the caller
passes, so tests give a dict and ``evaluate`` gives the real pipeline.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..resolve.catalogue import normalize_name
from ..statement_types import type_table
from ..values import Problem
from .gold import GoldError

__all__ = [
    "GOLD_TYPE_MAP", "SYSTEM_TYPE_MAP", "PloverActor", "PloverRecord", "PloverResult", "PloverScore",
    "TypeAccuracy", "gold_event_type", "load_plover", "score_plover", "system_event_type",
]

# PLOVER v0.5 types that later versions (and faultlines) fold into others (data/README.md).
GOLD_TYPE_MAP = MappingProxyType({"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
                                  "INVESTIGATE": "ACCUSE"})
# Standing relations read as the PLOVER event they most resemble; MEMBER_OF has none.
SYSTEM_TYPE_MAP = MappingProxyType({name: type_table()[name].plover for name in sorted(type_table().relations)})


@dataclass(frozen=True)
class PloverActor:
    text: str
    code: str          # CAMEO actor code: a country (USA, HUN), or IGO, CIV, ...
    sector: str = ""   # GOV, MIL, REB, ... (not scored)


@dataclass(frozen=True)
class PloverRecord:
    id: str
    text: str
    event: str                       # the type faultlines uses (DEMAND read as REQUEST)
    plover_event: str                # the type as written in the file
    sources: tuple[PloverActor, ...]
    targets: tuple[PloverActor, ...]
    mode: str = ""


@dataclass(frozen=True)
class PloverResult:
    """How the system did on one record; ``source_right`` is None where it was not scored."""

    record: PloverRecord
    statements: int                  # how many statements predict returned
    system_types: tuple[str, ...]    # their event types in text order (MEMBER_OF has none)
    strict: bool                     # the first event statement has the gold type
    lenient: bool                    # some statement has the gold type
    source_right: bool | None        # scored only when lenient and the record has a source
    target_right: bool | None

    @property
    def first(self) -> str | None:
        return self.system_types[0] if self.system_types else None


@dataclass(frozen=True)
class TypeAccuracy:
    type: str
    records: int
    strict: int
    lenient: int

    strict_accuracy = property(lambda self: _ratio(self.strict, self.records))
    lenient_accuracy = property(lambda self: _ratio(self.lenient, self.records))


@dataclass(frozen=True)
class PloverScore:
    """Overall figures, a per-type table and a confusion list; ratios are None over nothing."""

    records: int
    strict: int
    lenient: int
    no_output: int                   # records for which predict returned no statement
    source_scored: int
    source_right: int
    target_scored: int
    target_right: int
    per_type: tuple[TypeAccuracy, ...]
    confusion: tuple[tuple[str, str | None, int], ...]   # (gold type, first system type, count)
    results: tuple[PloverResult, ...]

    strict_accuracy = property(lambda self: _ratio(self.strict, self.records))
    lenient_accuracy = property(lambda self: _ratio(self.lenient, self.records))
    source_accuracy = property(lambda self: _ratio(self.source_right, self.source_scored))
    target_accuracy = property(lambda self: _ratio(self.target_right, self.target_scored))


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def gold_event_type(plover_type: str) -> str:
    """The faultlines type of a PLOVER v0.5 type: DEMAND -> REQUEST, FIGHT -> ASSAULT."""
    name = plover_type.strip().upper()
    return GOLD_TYPE_MAP.get(name, name)


def system_event_type(type_: Any) -> str | None:
    """The PLOVER event a system type counts as: BACKS -> SUPPORT; None for MEMBER_OF."""
    name = str(type_ or "").upper()
    return SYSTEM_TYPE_MAP.get(name, name) or None


# ---------------------------------------------------------------- loading


def load_plover(path: Path) -> list[PloverRecord]:
    """Read the PLOVER gold standard records; GoldError names each bad record and the fix."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GoldError([Problem(str(path), f"cannot be read: {error.strerror or error}", "check the path")])
    except json.JSONDecodeError as error:
        raise GoldError([Problem(path.name, f"is not valid JSON: {error}", "fix the syntax at the line shown")])
    if not isinstance(data, list):
        raise GoldError([Problem(path.name, "is not a JSON list of records", "give the PLOVER records file")])
    problems: list[Problem] = []
    records = [_record(raw, n, path.name, problems) for n, raw in enumerate(data, start=1)]
    if problems:
        raise GoldError(problems)
    return [record for record in records if record is not None]


def _record(raw: Any, n: int, filename: str, problems: list[Problem]) -> PloverRecord | None:
    label = f"{filename}: record {n}" + (f" ({raw.get('id')})" if isinstance(raw, dict) and raw.get("id") else "")
    if not isinstance(raw, dict):
        problems.append(Problem(label, "is not an object", "each record is {id, text, event, source, target}"))
        return None
    text, event = raw.get("text"), raw.get("event")
    if not isinstance(text, str) or not text.strip() or not isinstance(event, str) or not event.strip():
        problems.append(Problem(label, "has no text or no event", "give both as non-empty strings"))
        return None
    sources = _actors(raw.get("source"), f"{label} source", problems)
    targets = _actors(raw.get("target"), f"{label} target", problems)
    return PloverRecord(str(raw.get("id") or f"record {n}"), text, gold_event_type(event), event,
                        sources, targets, str(raw.get("mode") or ""))


def _actors(value: Any, label: str, problems: list[Problem]) -> tuple[PloverActor, ...]:
    # Absent actors are written as null, "" or a word ("diplomatic"): no actor to score.
    if not isinstance(value, list):
        return ()
    actors = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("actorText", ""), str):
            problems.append(Problem(label, f"{item!r} is not an actor", "write {actorText: ..., code: ...}"))
            continue
        actors.append(PloverActor(item.get("actorText") or "", str(item.get("code") or "").upper(),
                                  str(item.get("sector") or "")))
    return tuple(actors)


# ---------------------------------------------------------------- scoring


def score_plover(records: Iterable[PloverRecord], predict: Callable[[str], list[dict]],
                 catalogue=None) -> PloverScore:
    """Run ``predict`` on each record's sentence and score types and actors.

    Args:
        predict: a sentence -> the statement dicts the system makes of it.
        catalogue: for the CAMEO codes of catalogued actors and their ancestors; without
            one, actors match only by their text.
    """
    countries = frozenset(a.cameo[:3] for a in catalogue if a.kind == "state" and a.cameo) if catalogue else frozenset()
    results = tuple(_score_record(record, list(predict(record.text) or ()), catalogue, countries)
                    for record in records)
    per_type = []
    for type_ in sorted({r.record.event for r in results}):
        mine = [r for r in results if r.record.event == type_]
        per_type.append(TypeAccuracy(type_, len(mine), sum(r.strict for r in mine), sum(r.lenient for r in mine)))
    confusion = Counter((r.record.event, r.first) for r in results)
    return PloverScore(
        records=len(results), strict=sum(r.strict for r in results), lenient=sum(r.lenient for r in results),
        no_output=sum(not r.statements for r in results),
        source_scored=sum(r.source_right is not None for r in results),
        source_right=sum(r.source_right is True for r in results),
        target_scored=sum(r.target_right is not None for r in results),
        target_right=sum(r.target_right is True for r in results),
        per_type=tuple(per_type),
        confusion=tuple((gold, system, n) for (gold, system), n in
                        sorted(confusion.items(), key=lambda item: (item[0][0], -item[1], str(item[0][1])))),
        results=results)


def _score_record(record: PloverRecord, statements: list[Mapping], catalogue, countries) -> PloverResult:
    ordered = [s for _, s in sorted(enumerate(statements), key=lambda pair: (_start(pair[1]), pair[0]))]
    events = [(s, system_event_type(s.get("type"))) for s in ordered]
    events = [(s, type_) for s, type_ in events if type_]
    right = [s for s, type_ in events if type_ == record.event]
    # The lenient check counts any statement, so a relation read as an event (BACKS -> SUPPORT) counts too.
    source_right = target_right = None
    if right:
        judged = [(_actor_matches(s.get("source"), record.sources, catalogue, countries),
                   _actor_matches(s.get("target"), record.targets, catalogue, countries)) for s in right]
        best = max(judged, key=lambda pair: pair[0] + pair[1])   # the statement agreeing most with the gold
        source_right = best[0] if record.sources else None
        target_right = best[1] if record.targets else None
    types = tuple(type_ for _, type_ in events)
    return PloverResult(record, len(statements), types, bool(types) and types[0] == record.event, bool(right),
                        source_right, target_right)


def _start(statement: Mapping) -> float:
    start = statement.get("start")
    return start if isinstance(start, (int, float)) else float("inf")


def _actor_matches(actor: Any, gold: tuple[PloverActor, ...], catalogue, countries: frozenset[str]) -> bool:
    if not isinstance(actor, Mapping) or not gold:
        return False
    codes = _cameo_codes(actor, catalogue)
    names = {normalize_name(str(actor.get(key))) for key in ("name", "id") if actor.get(key)}
    for wanted in gold:
        if wanted.code and any(code.startswith(wanted.code) for code in codes):
            return True
        # A country code accepts any actor of that country: gold USAGOV, system USAMIL.
        if wanted.code[:3] in countries and any(code[:3] == wanted.code[:3] for code in codes):
            return True
        if wanted.text and normalize_name(wanted.text) in names:
            return True
    return False


def _cameo_codes(actor: Mapping, catalogue) -> list[str]:
    """CAMEO codes of the actor, its catalogue ancestors, and (for a person) what they hold a role in."""
    codes = [str(actor["cameo"]).upper()] if actor.get("cameo") else []
    actor_id = str(actor.get("id") or "")
    if actor_id.startswith("anon:"):
        actor_id = actor_id[len("anon:"):]
    if catalogue is None or actor_id not in catalogue:
        return codes
    ids = [actor_id] + [role.member_of for role in catalogue.roles(actor_id) if role.member_of in catalogue]
    for each in ids:
        codes += [a.cameo.upper() for a in [catalogue.get(each), *catalogue.ancestors(each)] if a.cameo]
    return codes
