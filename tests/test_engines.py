"""Parallel parsing and the Dask engine give exactly the records of a one-process run."""

from __future__ import annotations

from pathlib import Path

from parley.engines.dask import run_dask
from parley.pipeline import Options, run
from parley.records import TABLES
from parley.store import Store

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def _records(db: Path) -> dict[str, list[dict[str, object]]]:
    with Store(db, create=False) as store:
        return {table: list(store.rows(table)) for table in TABLES}


def test_two_worker_processes_give_the_same_records(
    seeds_db: tuple[Path, object], tmp_path: Path
) -> None:
    db = tmp_path / "two.duckdb"
    # Batches of two: both workers get work, and results must come back in input order.
    missing = str(tmp_path / "missing.txt")
    summary = run([str(SEEDS), missing], str(db), Options(workers=2, batch_size=2))
    assert summary.articles == 5 and len(summary.problems) == 1
    assert _records(db) == _records(seeds_db[0])


def test_a_dask_local_cluster_gives_the_same_records(
    seeds_db: tuple[Path, object], tmp_path: Path
) -> None:
    db = tmp_path / "dask.duckdb"
    summary = run_dask([str(SEEDS), str(tmp_path / "missing.txt")], str(db), workers=2)
    assert summary.articles == 5 and summary.events > 0
    assert len(summary.problems) == 1 and "missing.txt" in summary.problems[0].where
    assert _records(db) == _records(seeds_db[0])
