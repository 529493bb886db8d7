"""Five-way class floor on the ConfliBERT sentences (measuring only: nothing is trained on them)."""

from __future__ import annotations

from pathlib import Path

MACRO_F1_FLOOR = 0.76


def test_pentaclass_macro_f1_stays_above_its_floor(shared: Path) -> None:
    import pentaclass  # benchmarks/pentaclass.py

    result = pentaclass.evaluate(shared / "gold" / "events" / "pentaclass_train.jsonl")
    assert result["macro_f1"] >= MACRO_F1_FLOOR
