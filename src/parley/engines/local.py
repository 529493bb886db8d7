"""Processes on one machine: each worker parses and codes whole batches of articles.

spaCy's own ``nlp.pipe(n_process=N)`` parallelises only the parse; every later stage (actors,
quotes, events) would still run in the main process, which then becomes the bottleneck. Here a
worker takes a batch of cleaned articles and hands back their coded records, so everything but
reading, cleaning and storing runs in parallel. Batches come back in input order, and at most a
few are in flight per worker, so memory stays flat however long the input.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING

from parley.errors import Problem
from parley.records import Article, CodedArticle

if TYPE_CHECKING:
    from parley.pipeline import Options

# Batches submitted ahead of their results, per worker: enough to keep every worker busy.
IN_FLIGHT_PER_WORKER = 2


def code_batch(articles: list[Article], options: Options) -> list[CodedArticle | Problem]:
    """In a worker: parse and code a batch of cleaned articles, in order."""
    from parley.pipeline import code_stream

    return list(code_stream(articles, options))


def _warm_up() -> None:
    # Under "spawn" each worker loads the model once here, not inside its first batch.
    from parley.pipeline import warm_up

    warm_up()


def code_in_processes(
    articles: Iterable[Article], options: Options
) -> Iterator[CodedArticle | Problem]:
    """Code articles in ``options.workers`` processes; results in input order."""
    # Forked workers share the parent's loaded model copy-on-write; spawn where fork is absent.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    remaining = iter(articles)
    batches = iter(lambda: list(islice(remaining, options.batch_size)), [])
    pending: deque[Future[list[CodedArticle | Problem]]] = deque()
    with ProcessPoolExecutor(options.workers, mp_context=context, initializer=_warm_up) as pool:
        for batch in batches:
            pending.append(pool.submit(code_batch, batch, options))
            if len(pending) >= options.workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
