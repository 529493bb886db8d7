"""Peak memory as the input grows: parley end to end, one process, on AllSides articles.

Streams the first N articles of ../shared/corpora/allsides_10k.jsonl.gz through ``parley run``
(clean → parse → actors → quotes → events → DuckDB) in this process and prints, every STEP
articles, the peak resident set size so far: flat growth means memory does not depend on the
input's size. The input is written to a JSONL file first, as a user's would be.

Usage: python benchmarks/memory.py [--shared ../shared] [--articles 10000] [--step 1000]
"""

from __future__ import annotations

import argparse
import gzip
import resource
import tempfile
import time
from pathlib import Path

from _common import DEFAULT_SHARED, shared_path
from parley.errors import Problem
from parley.pipeline import Options, run
from parley.records import CodedArticle


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--step", type=int, default=1000)
    args = parser.parse_args()
    path = shared_path(args.shared, "corpora/allsides_10k.jsonl.gz")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        with gzip.open(path, "rt", encoding="utf-8") as rows, source.open("w") as out:
            for n, line in enumerate(rows):
                if n >= args.articles:
                    break
                out.write(line)
        print(f"before the run: peak RSS {peak_rss_mb():.0f} MB", flush=True)
        seen = 0
        started = time.perf_counter()

        def progress(item: CodedArticle | Problem) -> None:
            nonlocal seen
            seen += 1
            if seen % args.step == 0:
                elapsed = time.perf_counter() - started
                print(
                    f"{seen:6d} articles  peak RSS {peak_rss_mb():6.0f} MB  {elapsed:7.0f} s",
                    flush=True,
                )

        summary = run(
            [str(source)], str(Path(tmp) / "memory.duckdb"), Options(), on_article=progress
        )
        elapsed = time.perf_counter() - started
        print(
            f"done: {summary.articles} articles ({len(summary.problems)} problems), "
            f"{summary.events} events, {summary.articles / elapsed:.2f} articles/s, "
            f"peak RSS {peak_rss_mb():.0f} MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
