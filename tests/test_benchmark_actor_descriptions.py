"""Floors for the actor-description stand-in suite (written for parley). Floors only move up."""

from __future__ import annotations

COUNTRY_FLOOR = 0.97
COUNTRY_AND_SECTOR_FLOOR = 0.94


def test_actor_descriptions_stay_above_their_floors() -> None:
    import actor_descriptions  # benchmarks/actor_descriptions.py

    result = actor_descriptions.evaluate()
    assert result["country"] >= COUNTRY_FLOOR  # type: ignore[operator]
    assert result["country_and_sector"] >= COUNTRY_AND_SECTOR_FLOOR  # type: ignore[operator]
