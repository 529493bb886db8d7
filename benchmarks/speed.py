"""Throughput and memory on AllSides articles (../shared/corpora/allsides_10k.jsonl.gz).

In one run, on the same N articles, one after the other: bare ``nlp.pipe`` of the same spaCy
model over the raw texts (the baseline) with 1 and with 2 processes; parley end to end into a
fresh DuckDB file (ingest → clean → parse → actors → quotes → events → store) with 1 and 2
parser processes; and parley on a Dask LocalCluster of 1 and 2 workers. Prints articles/s,
tokens/s (spaCy's tokens in the raw texts) and the peak RSS of this process.

Usage: python benchmarks/speed.py [--shared ../shared] [--articles 200] [--only local,dask,bare]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import DEFAULT_SHARED, load_jsonl_gz
from parley import nlp
from parley.engines.dask import run_dask
from parley.pipeline import Options, run


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare(rows: list[dict[str, Any]], processes: int) -> tuple[float, int]:
    model = nlp.load()
    started = time.perf_counter()
    texts = (r["text"] for r in rows)
    tokens = sum(
        len(doc) for doc in model.pipe(texts, batch_size=nlp.BATCH_SIZE, n_process=processes)
    )
    return time.perf_counter() - started, tokens


def report(label: str, n: int, seconds: float, tokens: int) -> None:
    rates = f"{n / seconds:7.2f} articles/s  {tokens / seconds:8.0f} tokens/s"
    print(f"{label:<28} {rates}  {seconds:7.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--only", default="bare,local,dask")
    args = parser.parse_args()
    path = args.shared / "corpora" / "allsides_10k.jsonl.gz"
    if not path.exists():
        sys.exit(f"{path} not found: pass --shared PATH")
    rows = load_jsonl_gz(path, args.articles)
    which = set(args.only.split(","))
    nlp.load()  # model loading is not part of any timing
    seconds, tokens = bare(rows, 1)
    if "bare" in which:
        report("bare nlp.pipe, 1 process", len(rows), seconds, tokens)
        report("bare nlp.pipe, 2 processes", len(rows), *bare(rows, 2))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in rows))
        runs = []
        if "local" in which:
            runs += [(f"parley, {w} process(es)", "local", w) for w in (1, 2)]
        if "dask" in which:
            runs += [(f"parley on Dask, {w} worker(s)", "dask", w) for w in (1, 2)]
        for label, engine, workers in runs:
            db = str(Path(tmp) / f"{engine}{workers}.duckdb")
            started = time.perf_counter()
            if engine == "local":
                summary = run([str(source)], db, Options(workers=workers))
            else:
                summary = run_dask([str(source)], db, workers=workers)
            report(label, summary.articles, time.perf_counter() - started, tokens)
    print(f"peak RSS of this process: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
