"""Junk left after cleaning 1,000 AllSides articles. Ceilings only move down."""

from __future__ import annotations

from pathlib import Path

PHOTO_CREDIT_LEFT_CEILING = 0.15  # share of the articles with photo credits that keep one


def test_known_junk_is_gone_and_no_article_is_gutted(shared: Path) -> None:
    import cleaning  # benchmarks/cleaning.py

    r = cleaning.evaluate(shared / "corpora" / "allsides_10k.jsonl.gz", 1000)
    for junk in ("ADVERTISEMENT", "Story Continued Below", "Media playback is unsupported"):
        assert r["before"][junk] > 0 and r["after"][junk] == 0, junk
    photo = "photo credit (REUTERS/…, AP Photo/…, Getty Images)"
    assert r["after"][photo] <= PHOTO_CREDIT_LEFT_CEILING * r["before"][photo]
    assert r["over_half_removed"] == 0
