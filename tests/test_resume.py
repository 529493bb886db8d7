"""A run killed with SIGKILL and started again finishes the rest, losing and duplicating nothing."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import duckdb

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
ARTICLES = 30
# A generous bound: the whole input codes in well under a minute.
RUN_TIMEOUT_SECONDS = 300


def _write_input(path: Path) -> None:
    """Thirty articles from the seeds, their words shuffled so none is a near-duplicate."""
    rng = random.Random(7)
    texts = [p.read_text() for p in sorted(SEEDS.glob("*.txt"))]
    with path.open("w") as out:
        for i in range(ARTICLES):
            words = texts[i % len(texts)].split()
            rng.shuffle(words)
            out.write(json.dumps({"id": f"a{i:02d}", "text": " ".join(words)}) + "\n")


def _run(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "parley", "run", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_kill_nine_then_resume_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    _write_input(source)
    db = tmp_path / "p.duckdb"
    first = _run([str(source), "--db", str(db), "--batch-size", "2", "--verbose"])
    assert first.stdout is not None
    # Kill as soon as the first batch is committed, with the rest still to code.
    line = first.stdout.readline().decode()
    assert line.startswith("committed 2 articles"), line
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    first.stdout.close()
    assert first.returncode == -signal.SIGKILL, "the first run ended before it could be killed"

    second = _run([str(source), "--db", str(db), "--resume"])
    output = second.communicate(timeout=RUN_TIMEOUT_SECONDS)[0].decode()
    assert second.returncode == 0, output
    assert "already coded" in output

    con = duckdb.connect(str(db))
    try:
        ids = [row[0] for row in con.execute('SELECT "id" FROM "articles"').fetchall()]
        assert sorted(ids) == [f"a{i:02d}" for i in range(ARTICLES)]
        for table in ("events", "quotes"):
            total, distinct = con.execute(
                f'SELECT count(*), count(DISTINCT "id") FROM "{table}"'
            ).fetchone()  # type: ignore[misc]
            assert total == distinct, table
    finally:
        con.close()
