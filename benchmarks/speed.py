"""Throughput and memory on AllSides articles (../shared/corpora/allsides_10k.jsonl.gz).

Runs, in one process and one after the other on the same N articles: bare ``nlp.pipe`` of the
same spaCy model over the raw texts (the baseline), then parley end to end (ingest record →
clean → parse → actors → quotes → events, without the store). Prints articles/s, tokens/s
(tokens as spaCy counts them in the raw text) and peak RSS of the process.

Usage: python benchmarks/speed.py [--shared ../shared] [--articles 200] [--skip-baseline]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from parley import nlp
from parley.pipeline import code_articles
from parley.records import Article, CodedArticle

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load(path: Path, n: int) -> list[dict[str, Any]]:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            rows.append(json.loads(line))
            if len(rows) >= n:
                break
    return rows


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def baseline(rows: list[dict[str, Any]]) -> tuple[float, int]:
    model = nlp.load()
    started = time.perf_counter()
    tokens = sum(
        len(doc) for doc in model.pipe((r["text"] for r in rows), batch_size=nlp.BATCH_SIZE)
    )
    return time.perf_counter() - started, tokens


def parley(rows: list[dict[str, Any]]) -> tuple[float, int, int]:
    articles = [
        Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published"),
                outlet=r.get("outlet"), url=r.get("url"))
        for r in rows
    ]  # fmt: skip
    started = time.perf_counter()
    events = quotes = 0
    for item in code_articles(articles):
        if isinstance(item, CodedArticle):
            events += len(item.events)
            quotes += len(item.quotes)
    return time.perf_counter() - started, events, quotes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    path = args.shared / "corpora" / "allsides_10k.jsonl.gz"
    if not path.exists():
        sys.exit(f"{path} not found: pass --shared PATH")
    rows = load(path, args.articles)
    nlp.load()  # model loading is not part of either timing
    if not args.skip_baseline:
        seconds, tokens = baseline(rows)
        speed = f"{len(rows) / seconds:6.2f} articles/s  {tokens / seconds:8.0f} tokens/s"
        print(f"bare nlp.pipe   {speed}")
    else:
        tokens = 0
    seconds, events, quotes = parley(rows)
    rate = f"{tokens / seconds:8.0f} tokens/s" if tokens else ""
    found = f"({events} events, {quotes} quotes)"
    print(f"parley          {len(rows) / seconds:6.2f} articles/s  {rate}  {found}")
    print(f"peak RSS        {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
