"""Dateline accuracy on Reuters-21578 (../shared/gold/datelines/reuters21578_dev.jsonl.gz).

Each story is fed as the wire printed it, ``dateline + " " + body``, through ingest's record
reader and the clean stage (no parse is needed). Place is correct when parley's dateline place
equals the gold dateline's place (the text before ", Month day", without stray "****" or the
space before a comma), compared case-insensitively; month+day is correct when both equal the
printed dateline's (a misspelt month, "Narch 2", read as the month it means; the gold ``date``
field is Reuters' New York timestamp, a day behind for Asian datelines, so it is not used).
Reports accuracy over all stories and the throughput of the clean stage.

Usage: python benchmarks/datelines.py [--shared ../shared] [--limit N] [--misses 10]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from pathlib import Path
from typing import Any

from _common import DEFAULT_SHARED, shared_path
from parley.clean import clean_article
from parley.clean.metadata import month_number
from parley.ingest.files import record_to_article
from parley.records import Article

_GOLD = re.compile(r"^(?P<place>.+?),\s*(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})\s*-\s*$")


def gold_dateline(dateline: str) -> tuple[str, int | None, int | None] | None:
    """The gold place (as printed, without stray marks) and the story's true month and day."""
    match = _GOLD.match(dateline.strip())
    if not match:
        return None
    place = re.sub(r"\s+,", ",", match["place"]).strip().lstrip("*# ")
    return place, month_number(match["month"]), int(match["day"])


def evaluate(path: Path, limit: int | None = None) -> dict[str, Any]:
    place_ok = date_ok = total = 0
    misses: list[str] = []
    started = time.perf_counter()
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if limit is not None and n >= limit:
                break
            row = json.loads(line)
            gold = gold_dateline(row["dateline"])
            if gold is None:
                continue
            record = {"id": str(row["newid"]), "text": f"{row['dateline']} {row['body']}"}
            (raw,) = [
                a for a in record_to_article(record, path.name, str(path)) if isinstance(a, Article)
            ]
            article = clean_article(raw)
            total += 1
            got = article.dateline if isinstance(article, Article) else None
            p_ok = got is not None and (got.place or "").casefold() == gold[0].casefold()
            d_ok = got is not None and (got.month, got.day) == (gold[1], gold[2])
            place_ok += p_ok
            date_ok += d_ok
            if not (p_ok and d_ok) and len(misses) < 50:
                misses.append(f"{row['dateline']!r} -> {got}")
    seconds = time.perf_counter() - started
    return {
        "stories": total,
        "place_accuracy": place_ok / total if total else 0.0,
        "month_day_accuracy": date_ok / total if total else 0.0,
        "articles_per_second": total / seconds if seconds else 0.0,
        "misses": misses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--misses", type=int, default=10)
    args = parser.parse_args()
    path = shared_path(args.shared, "gold/datelines/reuters21578_dev.jsonl.gz")
    result = evaluate(path, args.limit)
    print(f"stories              {result['stories']}")
    print(f"place accuracy       {result['place_accuracy']:.4f}")
    print(f"month+day accuracy   {result['month_day_accuracy']:.4f}")
    print(f"clean stage          {result['articles_per_second']:.0f} articles/s")
    for miss in result["misses"][: args.misses]:
        print("  miss:", miss)


if __name__ == "__main__":
    main()
