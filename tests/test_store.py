from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from parley.export import export
from parley.pipeline import run
from parley.records import TABLES
from parley.store import Store, columns

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def test_rerunning_the_same_input_replaces_and_never_duplicates(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text((SEEDS / "004_159676f630bb4c25.txt").read_text())
    db = str(tmp_path / "p.duckdb")
    run([str(source)], db)
    with Store(db) as store:
        first = {t: store.count(t) for t in TABLES}
    run([str(source)], db)
    with Store(db) as store:
        second = {t: store.count(t) for t in TABLES}
        assert store.article_ids() == {"a"}
    assert first == second and first["articles"] == 1 and first["quotes"] > 0


def test_exports_carry_exactly_the_documented_fields(
    seeds_db: tuple[Path, object], tmp_path: Path
) -> None:
    import io

    db, _ = seeds_db
    with Store(db, create=False) as store:
        for table, model in TABLES.items():
            buffer = io.StringIO()
            n = export(store, table, "jsonl", buffer)
            rows = [json.loads(line) for line in buffer.getvalue().splitlines()]
            assert n == len(rows) > 0, table
            assert all(list(r) == list(model.model_fields) for r in rows), table
        out = tmp_path / "events.parquet"
        export(store, "events", "parquet", out)
        assert pq.read_table(out).column_names == list(columns("events"))


def test_every_row_carries_provenance(seeds_db: tuple[Path, object]) -> None:
    db, _ = seeds_db
    with Store(db, create=False) as store:
        for table in TABLES:
            where = '"_parley_version" IS NULL OR "_coded_at" IS NULL'
            missing = store.con.execute(f'SELECT count(*) FROM "{table}" WHERE {where}').fetchone()
            assert missing == (0,)


def test_a_database_an_earlier_version_wrote_takes_the_fields_added_since(tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "old.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute('ALTER TABLE events DROP COLUMN "target_basis"')  # as an earlier parley made it
    con.close()
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("Russia said on Tuesday that Sudan must return the helicopter.")
    run([str(source)], str(db))
    with Store(db, create=False) as store:
        events = list(store.rows("events"))
    assert [e["target_basis"] for e in events if e["target"]["country"] == "SDN"] == ["sentence"]
