"""Evaluation: score extracted statements against the gold files and the PLOVER records.

Pure functions over statement dicts (the contract in ANNOTATION.md); the
``faultlines evaluate`` command runs the extractor and prints what these return.
"""

from .gold import (
    DocScore,
    Figures,
    GoldDoc,
    GoldError,
    GoldScore,
    GoldSet,
    GoldStatement,
    Miss,
    MustNot,
    actor_keys,
    coarse_type,
    load_gold,
    score_gold,
)
from .plover import (
    PloverActor,
    PloverRecord,
    PloverResult,
    PloverScore,
    TypeAccuracy,
    gold_event_type,
    load_plover,
    score_plover,
    system_event_type,
)

__all__ = [
    "DocScore",
    "Figures",
    "GoldDoc",
    "GoldError",
    "GoldScore",
    "GoldSet",
    "GoldStatement",
    "Miss",
    "MustNot",
    "PloverActor",
    "PloverRecord",
    "PloverResult",
    "PloverScore",
    "TypeAccuracy",
    "actor_keys",
    "coarse_type",
    "gold_event_type",
    "load_gold",
    "load_plover",
    "score_gold",
    "score_plover",
    "system_event_type",
]
