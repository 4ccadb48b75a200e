"""Score who the extractor says did the killing in FA-KES articles against the coded perpetrator.

FA-KES (``data/fakes_dev.csv``) codes for each article the perpetrator of its casualties
as one of seven categories (column ``actor``). The system's answer for an article is the
category most of its ASSAULT-class statements (ASSAULT, COERCE, MOBILIZE, HOSTILE_TO; not
negated, not hypothetical) have as source, ties going to the category named first; an
article with none is "unknown". Actors become categories through ``perpetrators.yaml``.
"""

from __future__ import annotations

import csv
import functools
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from ..ingest.files import article_from_record
from ..options import Options
from ..values import Article, Problem
from .gold import GoldError, coarse_type

__all__ = ["PerpetratorMap", "PerpetratorResult", "PerpetratorScore", "load_fakes", "load_perpetrator_map",
           "score_perpetrators"]

MAP_FILE = Path(__file__).with_name("perpetrators.yaml")
UNKNOWN = "unknown"
_CATEGORY_KEYS = {"label", "why", "actors", "example"}
# Statuses that say the attack did not (or not yet) happen.
_NOT_DONE = frozenset({"negated", "hypothetical"})


@dataclass(frozen=True)
class PerpetratorMap:
    """Category labels as FA-KES writes them, and the catalogue ids each covers."""

    labels: tuple[str, ...]
    actors: Mapping[str, str]     # catalogue id -> category label

    def category(self, actor: Mapping[str, Any] | None, catalogue) -> str | None:
        """The category of a system actor (or of the nearest catalogue actor above it), or None."""
        if not isinstance(actor, Mapping):
            return None
        actor_id = str(actor.get("id") or "").removeprefix("anon:")
        if actor_id in self.actors:
            return self.actors[actor_id]
        if catalogue is not None and actor_id in catalogue:
            for above in catalogue.ancestors(actor_id):
                if above.id in self.actors:
                    return self.actors[above.id]
        return None


@dataclass(frozen=True)
class FakesArticle:
    row: int                 # 1-based row of the CSV file
    article: Article
    perpetrator: str         # the coded category, as in the file


@dataclass(frozen=True)
class PerpetratorResult:
    item: FakesArticle
    predicted: str
    counts: Mapping[str, int]    # category -> ASSAULT-class statements with a source in it

    @property
    def right(self) -> bool:
        return self.predicted == self.item.perpetrator


@dataclass(frozen=True)
class PerpetratorScore:
    results: tuple[PerpetratorResult, ...]

    articles = property(lambda self: len(self.results))
    accuracy = property(lambda self: (sum(r.right for r in self.results) / len(self.results)) if self.results else None)

    @property
    def confusion(self) -> tuple[tuple[str, str, int], ...]:
        """(coded category, predicted category, count), most frequent first within each coded category."""
        counts = Counter((r.item.perpetrator, r.predicted) for r in self.results)
        return tuple((g, p, n) for (g, p), n in sorted(counts.items(), key=lambda i: (i[0][0], -i[1], i[0][1])))


@functools.lru_cache(maxsize=4)
def load_perpetrator_map(path: Path = MAP_FILE, catalogue=None) -> PerpetratorMap:
    """Read and check ``perpetrators.yaml`` (ids checked against ``catalogue`` when given)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    name, problems = Path(path).name, []
    if set(data) != {"categories"}:
        problems.append(Problem(name, f"has keys {sorted(data)}", "write one top-level key, categories:"))
    labels, actors = [], {}
    for key, entry in (data.get("categories") or {}).items():
        where = f"{name}: categories: {key}"
        if not isinstance(entry, dict) or not {"label", "actors", "example"} <= set(entry):
            problems.append(Problem(where, "needs label:, actors: and example:", "write {label: ..., actors: [IDS], example: ...}"))
            continue
        for extra in sorted(set(entry) - _CATEGORY_KEYS):
            problems.append(Problem(where, f"unknown key {extra!r}", f"use only {', '.join(sorted(_CATEGORY_KEYS))}"))
        label = str(entry["label"])
        labels.append(label)
        for actor_id in entry["actors"] or ():
            if catalogue is not None and actor_id not in catalogue:
                problems.append(Problem(where, f"{actor_id!r} is not in the actor catalogue",
                                        "use a catalogue id (faultlines actors --all --search NAME)"))
            elif actor_id in actors:
                problems.append(Problem(where, f"{actor_id!r} is also in {actors[actor_id]!r}", "list each id once"))
            else:
                actors[actor_id] = label
    if UNKNOWN not in labels:
        problems.append(Problem(name, f"has no category labelled {UNKNOWN!r}", "add unknown: {label: unknown, actors: []}"))
    if problems:
        raise GoldError(problems)
    return PerpetratorMap(tuple(labels), MappingProxyType(actors))


def load_fakes(path: Path, limit: int | None = None, options: Options | None = None) -> list[FakesArticle]:
    """The first ``limit`` articles of the FA-KES CSV, built as ``ingest`` builds CSV rows."""
    path, options = Path(path), options or Options()
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise GoldError([Problem(str(path), f"cannot be read: {error.strerror or error}", "check the path")])
    if not rows or "actor" not in rows[0]:
        raise GoldError([Problem(path.name, "has no rows or no 'actor' column",
                                 "give the FA-KES file: a CSV with article_content and actor columns")])
    items = []
    for number, row in enumerate(rows[:limit] if limit else rows, start=1):
        article = article_from_record(row, key=f"{path.resolve()}#row-{number}", kind="csv", path=path, options=options)
        items.append(FakesArticle(number, article, str(row["actor"]).strip()))
    return items


def score_perpetrators(items: Sequence[FakesArticle], statements: Sequence[Sequence[Mapping]],
                       mapping: PerpetratorMap, catalogue=None) -> PerpetratorScore:
    """Score each article against the statements the system made of it (same order)."""
    results = []
    for item, found in zip(items, statements):
        counts: Counter[str] = Counter()
        first: dict[str, float] = {}
        for statement in found:
            if coarse_type(statement.get("type")) != "ASSAULT" or statement.get("status") in _NOT_DONE:
                continue
            category = mapping.category(statement.get("source"), catalogue)
            if category is None or category == UNKNOWN:
                continue
            counts[category] += 1
            first.setdefault(category, statement.get("start") or 0)
        predicted = max(counts, key=lambda c: (counts[c], -first[c])) if counts else UNKNOWN
        results.append(PerpetratorResult(item, predicted, MappingProxyType(dict(counts))))
    return PerpetratorScore(tuple(results))
