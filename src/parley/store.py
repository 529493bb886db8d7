"""The only module that speaks SQL: coded articles in and out of an embedded DuckDB file.

One table per record kind. Scalar fields are typed columns (queryable as they are); nested
objects and lists are JSON columns. Every row also carries its provenance: the input it came from,
the parley version and when it was coded. Writing an article first deletes whatever an earlier run
stored for it, in the same transaction, so re-running the same input replaces and never duplicates,
and a crash mid-run leaves every committed article whole.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from parley import __version__
from parley.errors import E, ParleyError
from parley.records import TABLES, CodedArticle, Record

PROVENANCE = ("_input", "_parley_version", "_coded_at")
_SCALARS = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}


def _sql_type(annotation: Any) -> str:
    """DuckDB type of a record field: scalars as themselves, anything nested as JSON."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _sql_type(args[0])
    if typing.get_origin(annotation) is typing.Literal:
        return "VARCHAR"
    return _SCALARS.get(annotation, "JSON")


def columns(table: str) -> dict[str, str]:
    """Record field -> DuckDB type, in the record's field order."""
    model = TABLES[table]
    hints = typing.get_type_hints(model)
    return {name: _sql_type(hints[name]) for name in model.model_fields}


def _key(table: str) -> str:
    return "id" if table in ("articles", "actors") else "article_id"


def to_arrow(items: list[CodedArticle]) -> dict[str, pa.Table]:
    """Coded articles as one Arrow table per record kind, in the store's column layout
    (scalars typed, nested fields as JSON text, provenance columns last)."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows: dict[str, list[tuple[Record, str | None]]] = {t: [] for t in TABLES}
    for item in items:
        source = item.article.source
        rows["articles"].append((item.article, source))
        for table, records in (
            ("mentions", item.mentions),
            ("quotes", item.quotes),
            ("events", item.events),
        ):
            rows[table].extend((r, source) for r in records)
    # One row per actor, however many articles of the batch name it.
    actors = {actor.id: (actor, item.article.source) for item in items for actor in item.actors}
    rows["actors"] = list(actors.values())
    return {table: _table(table, rows[table], now) for table in TABLES}


def _table(table: str, records: list[tuple[Record, str | None]], now: dt.datetime) -> pa.Table:
    cols = columns(table)
    data: dict[str, list[Any]] = {name: [] for name in (*cols, *PROVENANCE)}
    for record, source in records:
        dumped = record.model_dump(mode="json")
        for name, kind in cols.items():
            value = dumped[name]
            data[name].append(json.dumps(value, ensure_ascii=False) if kind == "JSON" else value)
        data["_input"].append(source)
        data["_parley_version"].append(__version__)
        data["_coded_at"].append(now)
    schema = pa.schema(
        [(name, _ARROW.get(kind, pa.string())) for name, kind in cols.items()]
        + [
            ("_input", pa.string()),
            ("_parley_version", pa.string()),
            ("_coded_at", pa.timestamp("us")),
        ]
    )
    return pa.table(data, schema=schema)


_ARROW = {
    "VARCHAR": pa.string(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
}


class Store:
    """A parley database. Use as a context manager, or call ``close``."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = str(path)
        if not create and not Path(self.path).exists():
            raise ParleyError(E.E020.format(where=self.path))
        self.con = duckdb.connect(self.path)
        for table in TABLES:
            cols = columns(table)
            defs = [f'"{name}" {kind}' for name, kind in cols.items()]
            defs += ['"_input" VARCHAR', '"_parley_version" VARCHAR', '"_coded_at" TIMESTAMP']
            self.con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({", ".join(defs)})')
            # A database an earlier parley wrote lacks the fields added since: add them (null for
            # the records already there) rather than fail on the first write.
            for name, kind in cols.items():
                self.con.execute(f'ALTER TABLE "{table}" ADD COLUMN IF NOT EXISTS "{name}" {kind}')

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def write(self, batch: Iterable[CodedArticle]) -> int:
        """Store coded articles in one transaction, replacing earlier versions of them."""
        items = list(batch)
        if not items:
            return 0
        self.write_tables(to_arrow(items))
        return len(items)

    def write_tables(self, tables: dict[str, pa.Table]) -> None:
        """Store a batch already in table form (``to_arrow``, or Parquet partitions written by a
        distributed run), in one transaction, replacing earlier versions of its articles."""
        article_ids = tables["articles"].column("id").to_pylist()
        actor_ids = tables["actors"].column("id").to_pylist()
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in TABLES:
                ids = actor_ids if table == "actors" else article_ids
                if ids:
                    self.con.execute(
                        f'DELETE FROM "{table}" WHERE "{_key(table)}" IN (SELECT unnest(?))', [ids]
                    )
                data = tables[table]
                if data.num_rows:
                    names = ", ".join(f'"{n}"' for n in data.column_names)
                    self.con.register("_parley_batch", data)
                    try:
                        self.con.execute(
                            f'INSERT INTO "{table}" ({names}) SELECT {names} FROM _parley_batch'
                        )
                    finally:
                        self.con.unregister("_parley_batch")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every record of a table, as exported (documented fields only), in a stable order."""
        if table not in TABLES:
            raise ParleyError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
        cols = columns(table)
        names = ", ".join(f'"{n}"' for n in cols)
        order = '"id"' if table in ("articles", "actors") else '"article_id", "start", "end"'
        if table == "mentions":
            order = '"article_id", "start", "end"'
        cursor = self.con.execute(f'SELECT {names} FROM "{table}" ORDER BY {order}')
        while chunk := cursor.fetchmany(1000):
            for values in chunk:
                yield {
                    name: json.loads(v) if kind == "JSON" and v is not None else v
                    for (name, kind), v in zip(cols.items(), values, strict=True)
                }

    def count(self, table: str) -> int:
        result = self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        return int(result[0]) if result else 0

    def digests(self) -> dict[str, str]:
        """Article id -> MD5 of its cleaned text: what a resumed run has already coded."""
        rows = self.con.execute('SELECT "id", md5("text") FROM "articles"').fetchall()
        return {str(i): str(d) for i, d in rows}

    def article_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute('SELECT "id" FROM "articles"').fetchall()}
