"""Cleaning on AllSides articles (allsides_10k.jsonl.gz), as newspaper3k left them.

Runs the clean stage (with outlet chrome learnt along the way, as in a real run) and reports:
- for each kind of known junk, the articles containing it before and after cleaning;
- the share of each article's characters removed (percentiles), and how many articles lost
  more than half — a sign of body text lost;
- removed lines that read like body sentences (20+ words ending in a full stop), by reason,
  with examples: what a reviewer checks for lost text.

Usage: python benchmarks/cleaning.py [--shared ../shared] [--articles 10000] [--examples 5]
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

from _common import DEFAULT_SHARED, load_jsonl_gz, shared_path
from parley.ingest.files import record_to_article
from parley.pipeline import clean_stream
from parley.records import Article

JUNK = {
    "ADVERTISEMENT": re.compile(r"^\s*ADVERTISEMENT\s*$", re.M),
    "Story Continued Below": re.compile(r"Story Continued Below"),
    "Media playback is unsupported": re.compile(r"Media playback is unsupported on your device"),
    "photo credit (REUTERS/…, AP Photo/…, Getty Images)": re.compile(
        r"REUTERS/|AP Photo/|\(Getty Images\)|Getty Images$", re.M
    ),
}
SENTENCE_WORDS = 20


def evaluate(path: Path, n: int) -> dict[str, Any]:
    rows = load_jsonl_gz(path, n)
    raw: dict[str, str] = {}
    articles = []
    for row in rows:
        for item in record_to_article(row, path.name, str(path)):
            if isinstance(item, Article):
                raw[item.id] = item.text
                articles.append(item)
    started = time.perf_counter()
    cleaned = [a for a in clean_stream(articles) if isinstance(a, Article)]
    seconds = time.perf_counter() - started
    before = {name: sum(1 for t in raw.values() if rx.search(t)) for name, rx in JUNK.items()}
    after = {
        name: sum(1 for a in cleaned if rx.search(a.text) or rx.search(a.title or ""))
        for name, rx in JUNK.items()
    }
    shares = sorted(1 - len(a.text) / max(1, len(raw[a.id])) for a in cleaned if raw.get(a.id))
    sentence_like: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for a in cleaned:
        for r in a.removed:
            if len(r.text.split()) >= SENTENCE_WORDS and r.text.rstrip().endswith("."):
                sentence_like[r.reason] += 1
                examples.setdefault(r.reason, []).append(r.text[:160])

    def pct(q: float) -> float:
        return shares[min(len(shares) - 1, int(q * len(shares)))] if shares else 0.0

    return {
        "articles": len(cleaned),
        "before": before,
        "after": after,
        "removed_share": {"p50": pct(0.5), "p90": pct(0.9), "p99": pct(0.99), "max": pct(1.0)},
        "over_half_removed": sum(1 for s in shares if s > 0.5),
        "sentence_like_removed": dict(sentence_like.most_common()),
        "examples": examples,
        "articles_per_second": len(cleaned) / seconds if seconds else 0.0,
        "duplicates": sum(1 for a in cleaned if a.duplicate_of),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args()
    path = shared_path(args.shared, "corpora/allsides_10k.jsonl.gz")
    r = evaluate(path, args.articles)
    print(f"articles cleaned       {r['articles']} ({r['articles_per_second']:.0f}/s)")
    print(f"duplicates found       {r['duplicates']}")
    print("articles with junk     before → after")
    for name in JUNK:
        print(f"  {name:<50} {r['before'][name]:>5} → {r['after'][name]}")
    shares = r["removed_share"]
    print(
        "share of text removed  "
        + "  ".join(f"{k} {v:.1%}" for k, v in shares.items())
        + f"  (>50% removed: {r['over_half_removed']} articles)"
    )
    print("removed lines that read like sentences, by reason:")
    for reason, count in r["sentence_like_removed"].items():
        print(f"  {count:>5}  {reason}")
        for example in r["examples"][reason][: args.examples]:
            print(f"         · {example}")


if __name__ == "__main__":
    main()
