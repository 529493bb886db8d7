"""Event locations: the place a sentence names, else the dateline, with country and coordinates."""

from __future__ import annotations

from parley.geo import locate

__all__ = ["LOCATION_PREPOSITIONS", "PLACE_NOUNS", "VISIT_NOUNS", "locate"]

LOCATION_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside"})
VISIT_NOUNS = frozenset({"visit", "trip", "journey", "tour"})
PLACE_NOUNS = frozenset(
    {"city", "town", "village", "resort", "port", "capital", "region", "province"}
)
