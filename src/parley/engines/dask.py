"""The same pipeline on a Dask cluster (dask.distributed).

The client reads and cleans the input in order — cheap, and the only way outlet chrome learning
and duplicate detection see the whole stream as a local run does — then sends the cleaned
articles in partitions to the workers, which parse and code them (the model loaded once per
worker process) and write each partition's records as Parquet files. The client loads every
partition into the database in one transaction as it completes. With no scheduler address, a
LocalCluster on 127.0.0.1 is started for the run and stopped after it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from parley.errors import Problem
from parley.ingest import Fields, read
from parley.pipeline import Options, Summary, clean_stream, code_stream, text_digest
from parley.records import TABLES, Article, CodedArticle
from parley.store import Store, to_arrow

# Articles per task: big enough to amortise scheduling, small enough to spread over workers.
PARTITION_ARTICLES = 16
# Partitions submitted ahead of their results, per worker.
IN_FLIGHT_PER_WORKER = 3


def _code_partition(
    rows: list[dict[str, Any]], prefix: str, options: Options
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """On a worker: parse and code one partition, write its tables as Parquet files."""
    articles = [Article.model_validate(row) for row in rows]
    coded: list[CodedArticle] = []
    problems: list[tuple[str, str]] = []
    for item in code_stream(articles, options):
        if isinstance(item, Problem):
            problems.append((item.where, item.message))
        else:
            coded.append(item)
    paths = {}
    for table, data in to_arrow(coded).items():
        paths[table] = f"{prefix}-{table}.parquet"
        pq.write_table(data, paths[table])
    return paths, problems


def _partitions(
    items: Iterable[Article | Problem],
    summary: Summary,
    store: Store,
    done: Mapping[str, str] | None,
) -> Iterable[list[Article]]:
    """Cleaned articles to parse, in partitions; problems, duplicates and resumed articles are
    dealt with here, in the client."""
    part: list[Article] = []
    for item in items:
        if isinstance(item, Problem):
            summary.add(item)
        elif done and done.get(item.id) == text_digest(item.text):
            summary.resumed += 1
        elif item.duplicate_of is not None:
            coded = CodedArticle(article=item)
            store.write([coded])
            summary.add(coded)
        else:
            part.append(item)
            if len(part) >= PARTITION_ARTICLES:
                yield part
                part = []
    if part:
        yield part


def run_dask(
    inputs: Iterable[str],
    db: str,
    options: Options | None = None,
    *,
    fields: Fields | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    resume: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> Summary:
    from dask.distributed import Client, LocalCluster, as_completed

    options = options or Options()
    summary = Summary()
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        with (
            Store(db) as store,
            tempfile.TemporaryDirectory(prefix="parley-dask-", dir=Path(db).parent) as tmp,
        ):
            done = store.digests() if resume else None
            running = as_completed()
            in_flight = 0

            def collect(future: Any) -> None:
                paths, problems = future.result()
                tables = {table: pq.read_table(paths[table]) for table in TABLES}
                store.write_tables(tables)
                summary.articles += tables["articles"].num_rows
                summary.mentions += tables["mentions"].num_rows
                summary.quotes += tables["quotes"].num_rows
                summary.events += tables["events"].num_rows
                for where, message in problems:
                    summary.add(Problem(where, message))
                if on_progress:
                    on_progress(tables["articles"].num_rows)

            parts = _partitions(clean_stream(read(inputs, fields)), summary, store, done)
            for n, part in enumerate(parts):
                rows = [a.model_dump() for a in part]
                prefix = str(Path(tmp) / f"part-{n:06d}")
                running.add(client.submit(_code_partition, rows, prefix, options, pure=False))
                in_flight += 1
                # Keep memory flat: only a few partitions per worker wait at any time.
                while in_flight >= IN_FLIGHT_PER_WORKER * max(1, workers):
                    collect(next(running))
                    in_flight -= 1
            for future in running:
                collect(future)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return summary
