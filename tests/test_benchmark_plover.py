"""Event-type and actor-country floors on the PLOVER gold-standard records. Floors only move up."""

from __future__ import annotations

from pathlib import Path

TYPE_RECALL_FLOOR = 0.85
TYPE_PRECISION_FLOOR = 0.70
ACTOR_COUNTRY_FLOOR = 0.90
# The country of the coded event's source and target, where the gold type is coded.
SOURCE_COUNTRY_FLOOR = 0.865
TARGET_COUNTRY_FLOOR = 0.79


def test_plover_gold_stays_above_its_floors(shared: Path) -> None:
    import plover_gold  # benchmarks/plover_gold.py

    result = plover_gold.evaluate(shared / "gold" / "events" / "plover_gsr.jsonl")
    assert result["type_recall"] >= TYPE_RECALL_FLOOR
    assert result["type_precision"] >= TYPE_PRECISION_FLOOR
    assert result["actor_country_accuracy"] >= ACTOR_COUNTRY_FLOOR
    assert result["roles"]["source"][0] >= SOURCE_COUNTRY_FLOOR
    assert result["roles"]["target"][0] >= TARGET_COUNTRY_FLOOR
