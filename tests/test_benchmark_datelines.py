"""Dateline accuracy floors on the first 2,000 Reuters-21578 stories. Floors only move up."""

from __future__ import annotations

from pathlib import Path

PLACE_FLOOR = 0.99
MONTH_DAY_FLOOR = 0.99


def test_reuters_datelines_stay_above_their_floors(shared: Path) -> None:
    import datelines  # benchmarks/datelines.py

    result = datelines.evaluate(shared / "gold" / "datelines" / "reuters21578_dev.jsonl.gz", 2000)
    assert result["stories"] > 1900
    assert result["place_accuracy"] >= PLACE_FLOOR
    assert result["month_day_accuracy"] >= MONTH_DAY_FLOOR
