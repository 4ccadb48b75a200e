"""Evaluation: score extracted statements against the gold files and the PLOVER records.

Pure functions over statement dicts (the contract in ANNOTATION.md), one scorer module
per kind of set (gold.py, plover.py, plv.py, perpetrator.py); suite.py runs every set at
once for ``faultlines evaluate`` and ``faultlines.evaluate()``.

After ``import faultlines`` the attribute ``faultlines.evaluate`` is that API function, not
this package: import from here with ``from faultlines.evaluate.plv import score_plv``
(``import faultlines.evaluate.plv as plv`` would look the module up on the function).
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
