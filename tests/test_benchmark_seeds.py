"""Accuracy floors on the seed articles. A floor only moves up: raise it when parley improves."""

from __future__ import annotations

from pathlib import Path

FLOORS = {
    "metadata": 22,
    "boilerplate": 37,
    "subheadings": 3,
    "quotes": 29,
    "not_quotes": 1,
    "events": 18,
    "must_not": 1,
    "duplicated": 3,
}


def test_seed_expectations_stay_above_their_floors(shared: Path) -> None:
    import seeds as benchmark  # benchmarks/seeds.py

    totals = benchmark.evaluate(shared)["totals"]
    for field, floor in FLOORS.items():
        hit, _ = totals[field]
        assert hit >= floor, f"{field}: {hit} matched, floor {floor}"
