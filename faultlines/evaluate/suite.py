"""One evaluation of everything: every development set scored in one run, one row each.

The sets: the bundled demo gold (always there), and from the shared data folder the seed
gold, the FA-KES gold, the PLOVER records, the PLV sentences and the FA-KES perpetrators.
A set whose files are missing is a row with the reason, never an error. Each set is run by
its own scorer module (gold.py, plover.py, plv.py, perpetrator.py); this module finds the
files, runs the pipeline over them in batches and gathers the figures and the misses.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..core import extract_inputs
from ..errors import FaultlinesError
from ..export import analysis_records
from ..options import Options
from ..resolve.catalogue import load_catalogue
from ..values import Problem
from .extraction import records_of_articles, records_of_sentences
from .gold import load_gold, score_gold
from .kinds import gold_kinds, perpetrator_kinds, plover_kinds, plv_kinds
from .perpetrator import load_fakes, load_perpetrator_map, score_perpetrators
from .plover import load_plover, score_plover
from .plv import load_plv, score_plv

__all__ = ["DEFAULT_LIMIT", "FIGURES", "SETS", "DataPaths", "Evaluation", "SetResult", "default_shared", "run_sets"]

SETS = ("demo", "seed", "fakes", "plover", "plv", "perpetrator")
# The columns of the table, in order; a set fills those it measures.
FIGURES = ("recall", "precision", "attribution", "status", "must_not", "type", "type_lenient", "source", "target",
           "perpetrator")
DEFAULT_LIMIT = 200   # FA-KES articles scored for the perpetrator, as issue 10 measured it
PACKAGE = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class SetResult:
    """One row of the table: a set's figures, or why it was skipped; ``misses`` by kind for -v."""

    name: str
    title: str
    items: int = 0
    figures: Mapping[str, float | int | None] = field(default_factory=dict)
    note: str = ""
    skipped: str | None = None
    misses: Mapping[str, tuple[Mapping[str, Any], ...]] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        """The table row: set, items, every figure column (None where not measured), note."""
        row: dict[str, Any] = {"set": self.name, "items": self.items}
        row.update({name: self.figures.get(name) for name in FIGURES})
        row["note"] = f"skipped: {self.skipped}" if self.skipped else self.note
        return row


@dataclass(frozen=True)
class Evaluation:
    sets: tuple[SetResult, ...]

    def __getitem__(self, name: str) -> SetResult:
        for result in self.sets:
            if result.name == name:
                return result
        raise KeyError(f"no set {name!r}; sets: {', '.join(r.name for r in self.sets)}")

    def rows(self) -> list[dict[str, Any]]:
        return [result.row() for result in self.sets]


@dataclass(frozen=True)
class DataPaths:
    """Where each set's files are; None for a set not asked for."""

    gold: Mapping[str, tuple[Path, Path]]      # set name -> (gold folder, corpus folder)
    plover: Path | None = None
    plv: Path | None = None
    fakes_csv: Path | None = None
    shared: Path | None = None

    @classmethod
    def under(cls, shared: Path | None) -> DataPaths:
        """Every set: the bundled demo, and the shared folder's sets (missing ones are skipped later)."""
        gold = {"demo": (PACKAGE / "demo" / "gold", PACKAGE / "demo" / "corpus")}
        if shared is None:
            return cls(MappingProxyType(gold))
        shared = Path(shared)
        gold["seed"] = (shared / "gold", shared / "corpus")
        gold["fakes"] = (shared / "gold" / "fakes", shared / "corpus" / "fakes")
        data = shared / "data"
        return cls(MappingProxyType(gold), data / "plover_gsr_dev.json", data / "plv_dev.tsv",
                   data / "fakes_dev.csv", shared)


def default_shared() -> Path | None:
    """$FAULTLINES_SHARED, else ../shared from the working folder, when it is a folder."""
    for candidate in (os.environ.get("FAULTLINES_SHARED"), "../shared"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


TITLES = MappingProxyType({
    "demo": "demo gold (bundled)", "seed": "seed gold", "fakes": "FA-KES gold", "plover": "PLOVER records",
    "plv": "PLV sentences", "perpetrator": "FA-KES perpetrator", "gold": "gold",
})


def run_sets(paths: DataPaths, options: Options, *, sets: Sequence[str] | None = None, limit: int | None = DEFAULT_LIMIT,
             progress: Callable[[str], None] | None = None) -> Evaluation:
    """Score every set of ``paths`` (or those named in ``sets``), in the order of SETS."""
    catalogue = load_catalogue(options.catalogue)
    wanted = list(sets) if sets else [*paths.gold, *(n for n in SETS if n not in paths.gold)]
    unknown = [n for n in wanted if n not in SETS and n not in paths.gold]
    if unknown:
        raise FaultlinesError(f"unknown set {', '.join(unknown)}: use {', '.join(SETS)}")
    results = []
    for name in wanted:
        if progress:
            progress(name)
        if name in paths.gold:
            results.append(_gold_set(name, *paths.gold[name], options, catalogue))
        elif name == "plover":
            results.append(_plover_set(paths.plover, options, catalogue))
        elif name == "plv":
            results.append(_plv_set(paths.plv, options, catalogue))
        elif name == "perpetrator":
            results.append(_perpetrator_set(paths.fakes_csv, limit, options, catalogue))
        else:
            results.append(SetResult(name, TITLES[name], skipped=_missing_reason(None)))
    return Evaluation(tuple(results))


def _missing_reason(path: Path | None) -> str:
    if path is None:
        return "no shared data folder (give --shared PATH, or run next to ../shared)"
    return f"{path} is missing"


def _skip(name: str, *paths: Path | None) -> SetResult | None:
    """A skipped row when a file of the set is missing, else None."""
    for path in paths:
        if path is None or not path.exists():
            return SetResult(name, TITLES.get(name, name), skipped=_missing_reason(path))
    return None


def _gold_set(name: str, gold_dir: Path, corpus: Path, options: Options, catalogue) -> SetResult:
    skipped = _skip(name, gold_dir / "aliases.yaml", corpus)
    if skipped:
        return skipped
    gold = load_gold(gold_dir)
    files = [str(corpus / doc.doc) for doc in gold.docs]
    statements, unread = [], []
    # The gold contract (ANNOTATION.md) is two actors a statement, whatever the environment says.
    for item in extract_inputs(files, options.but(one_sided=False)):
        if isinstance(item, Problem):
            unread.append(item.location)
        else:
            statements += analysis_records(*item)
    if unread:
        raise FaultlinesError(f"{len(unread)} of {len(files)} gold documents could not be read from {corpus} "
                              f"({', '.join(unread[:3])}): is the corpus the folder the gold files describe?")
    score = score_gold(gold, statements, catalogue)
    f = score.figures
    figures = {"recall": f.recall, "precision": f.precision, "attribution": f.attribution, "status": f.status,
               "must_not": f.violations}
    note = f"{f.found}/{f.core} core found, {f.matched}/{f.system} statements match"
    return SetResult(name, TITLES.get(name, name), len(gold.docs), MappingProxyType(figures), note,
                     misses=_frozen(gold_kinds(gold, score, catalogue)))


def _plover_set(path: Path | None, options: Options, catalogue) -> SetResult:
    skipped = _skip("plover", path)
    if skipped:
        return skipped
    records = load_plover(path)
    # PLOVER codes an event with only a source ("thousands demonstrated"): one-sided events on.
    found = records_of_sentences([r.text for r in records], options.but(one_sided=True))
    by_text = dict(zip((r.text for r in records), found))
    score = score_plover(records, lambda text: by_text[text], catalogue)
    figures = {"type": score.strict_accuracy, "type_lenient": score.lenient_accuracy,
               "source": score.source_accuracy, "target": score.target_accuracy}
    note = f"one-sided on; type = first event, lenient = any; {score.no_output} with no output"
    return SetResult("plover", TITLES["plover"], score.records, MappingProxyType(figures), note,
                     misses=_frozen(plover_kinds(score)))


def _plv_set(path: Path | None, options: Options, catalogue) -> SetResult:
    skipped = _skip("plv", path)
    if skipped:
        return skipped
    records = load_plv(path)
    found = records_of_sentences([r.sentence for r in records], options.but(one_sided=True))
    score = score_plv(records, found, catalogue)
    figures = {"type": score.root_accuracy, "source": score.source_accuracy, "target": score.target_accuracy}
    note = f"one-sided on; type = root code with PLOVER modality; {score.no_output} with no output"
    return SetResult("plv", TITLES["plv"], score.sentences, MappingProxyType(figures), note,
                     misses=_frozen(plv_kinds(score)))


def _perpetrator_set(path: Path | None, limit: int | None, options: Options,
                     catalogue) -> SetResult:
    skipped = _skip("perpetrator", path)
    if skipped:
        return skipped
    mapping = load_perpetrator_map(catalogue=catalogue)
    items = load_fakes(path, limit, options)
    # A perpetrator named without a victim ("regime jets carried out raids") still counts.
    found = records_of_articles([item.article for item in items], options.but(one_sided=True))
    score = score_perpetrators(items, found, mapping, catalogue)
    note = f"first {len(items)} articles; most frequent ASSAULT-class source"
    return SetResult("perpetrator", TITLES["perpetrator"], score.articles,
                     MappingProxyType({"perpetrator": score.accuracy}), note,
                     misses=_frozen(perpetrator_kinds(score)))


def _frozen(kinds: Mapping[str, list]) -> Mapping[str, tuple]:
    return MappingProxyType({kind: tuple(MappingProxyType(row) for row in rows) for kind, rows in kinds.items()})
