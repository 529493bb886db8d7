"""Milliseconds per article for each stage, on AllSides articles (allsides_10k.jsonl.gz).

Cleans, parses every sentence (one process), then runs the focus pass, parses only what it kept,
and on that resolves actors, extracts quotes and codes events for the first N articles, timing
each stage separately: what each stage adds on top of the parse, and what the focus pass saves.

Usage: python benchmarks/stages.py [--shared ../shared] [--articles 300]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from _common import DEFAULT_SHARED, load_jsonl_gz, shared_path
from parley import focus, nlp
from parley.actors.resolve import resolve_actors
from parley.events.coder import code_events
from parley.ingest.files import record_to_article
from parley.pipeline import clean_stream, warm_up
from parley.quotes import extract_quotes
from parley.records import Article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    path = shared_path(args.shared, "corpora/allsides_10k.jsonl.gz")
    raw = [
        a
        for row in load_jsonl_gz(path, args.articles)
        for a in record_to_article(row, path.name, str(path))
        if isinstance(a, Article)
    ]
    # Loading the model and parley's data is not part of any timing.
    warm_up()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    cleaned = [a for a in clean_stream(raw) if isinstance(a, Article) and not a.duplicate_of]
    timings["clean"] = time.perf_counter() - started
    # Parse everything once untimed: the model's and parley's per-word memories (lemmas, attribute
    # rules) fill on first sight, and neither timed parse should pay for that.
    list(nlp.parse(a.text for a in cleaned))
    started = time.perf_counter()
    list(nlp.parse(a.text for a in cleaned))
    timings["parse all"] = time.perf_counter() - started
    cue = focus.cues()
    started = time.perf_counter()
    focused = [focus.focus(a.text, cue) for a in cleaned]
    timings["focus"] = time.perf_counter() - started
    started = time.perf_counter()
    parsed = [replace(p, text=a.text) for a, p in zip(cleaned, nlp.parse(focused), strict=True)]
    timings["parse focused"] = time.perf_counter() - started
    totals = {"actors": 0.0, "quotes": 0.0, "events": 0.0}
    for article, doc in zip(cleaned, parsed, strict=True):
        t0 = time.perf_counter()
        layer = resolve_actors(doc, article)
        t1 = time.perf_counter()
        quotes = extract_quotes(doc, layer, article.id)
        t2 = time.perf_counter()
        code_events(doc, layer, article, quotes)
        t3 = time.perf_counter()
        totals["actors"] += t1 - t0
        totals["quotes"] += t2 - t1
        totals["events"] += t3 - t2
    timings.update(totals)
    n = len(cleaned)
    print(f"{n} articles, {sum(len(d.tokens) for d in parsed) / n:.0f} tokens each on average")
    for stage, seconds in timings.items():
        print(f"  {stage:<14} {1000 * seconds / n:7.1f} ms/article")


if __name__ == "__main__":
    main()
