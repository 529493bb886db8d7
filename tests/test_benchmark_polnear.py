"""Quote attribution floors on PolNeAR dev (US political news, 2016). Floors only move up."""

from __future__ import annotations

from pathlib import Path

F1_FLOOR = 0.705
DIRECT_RECALL_FLOOR = 0.95
SPEAKER_FLOOR = 0.92


def test_polnear_quotes_stay_above_their_floors(shared: Path) -> None:
    import polnear  # benchmarks/polnear.py

    result = polnear.evaluate(shared / "gold" / "quotes" / "polnear" / "dev")
    assert result["f1"] >= F1_FLOOR
    assert result["direct_recall"] >= DIRECT_RECALL_FLOOR
    assert result["speaker_match"] >= SPEAKER_FLOOR
