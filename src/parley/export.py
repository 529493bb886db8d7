"""Export stored records in the formats researchers load: JSONL, CSV, Parquet, PLOVER, CAMEO.

``jsonl`` rows are the records of docs/schema.md exactly. ``csv`` flattens nested objects into
dotted columns (``source.country``) and writes lists as JSON. ``parquet`` keeps nesting as structs.
For events, ``plover`` writes PLOVER-style JSON records and ``cameo`` the tab-separated layout of
the Phoenix/ICEWS event files.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from parley.errors import E, ParleyError
from parley.store import Store

FORMATS = ("jsonl", "csv", "parquet", "plover", "cameo")
EVENT_ONLY_FORMATS = ("plover", "cameo")
CAMEO_COLUMNS = (
    "date",
    "source",
    "target",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "location",
    "article_id",
    "sentence",
)


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects to dotted keys; lists as JSON text."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in rows:
        n += 1
        flat = flatten(row)
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
    return n


def write_parquet(rows: Iterable[dict[str, Any]], path: Path) -> int:
    table = pa.Table.from_pylist(list(rows))
    pq.write_table(table, path)
    return int(table.num_rows)


def _actor_code(actor: dict[str, Any] | None) -> str:
    """CAMEO-style actor code: country then sector, e.g. RUSGOV; empty when unknown."""
    if not actor:
        return ""
    return f"{actor.get('country') or ''}{actor.get('sector') or ''}"


def plover_records(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Events as PLOVER JSON records (the fields of the PLOVER gold-standard records)."""
    for e in rows:

        def side(actor: dict[str, Any]) -> list[dict[str, Any]]:
            if not actor or not (actor.get("text") or actor.get("country")):
                return []
            return [
                {
                    "actorText": actor.get("text"),
                    "code": actor.get("country"),
                    "sector": actor.get("sector"),
                    "name": actor.get("name"),
                }
            ]

        plover = e.get("plover") or {}
        yield {
            "id": e["id"],
            "date": e.get("date"),
            "event": plover.get("type"),
            "mode": plover.get("mode"),
            "context": plover.get("context"),
            "source": side(e.get("source") or {}),
            "target": side(e.get("target") or {}),
            "target_basis": e.get("target_basis"),
            "negated": e.get("negated"),
            "modality": e.get("modality"),
            "cameo": e.get("cameo"),
            "text": e.get("sentence"),
            "location": e.get("location"),
            "issues": e.get("issues"),
            "article_id": e.get("article_id"),
        }


def cameo_rows(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for e in rows:
        location = e.get("location") or {}
        yield {
            "date": e.get("date") or "",
            "source": _actor_code(e.get("source")),
            "target": _actor_code(e.get("target")),
            "cameo": e["cameo"],
            "root": e["cameo"][:2],
            "quad_class": e.get("quad_class"),
            "goldstein": e.get("goldstein"),
            "location": location.get("name") or "",
            "article_id": e["article_id"],
            "sentence": " ".join((e.get("sentence") or "").split()),
        }


def write_cameo(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(
        out, fieldnames=list(CAMEO_COLUMNS), delimiter="\t", lineterminator="\n"
    )
    writer.writeheader()
    n = 0
    for row in cameo_rows(rows):
        writer.writerow(row)
        n += 1
    return n


def export(store: Store, table: str, fmt: str, out: TextIO | Path) -> int:
    """Write a table in a format; ``out`` is a text stream, or a path (required for parquet)."""
    if fmt not in FORMATS:
        raise ParleyError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in EVENT_ONLY_FORMATS and table != "events":
        raise ParleyError(E.E022.format(fmt=fmt))
    rows = store.rows(table)
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ParleyError(E.E021)
        return write_parquet(rows, out)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as stream:
            return export(store, table, fmt, stream)
    if fmt == "jsonl":
        return write_jsonl(rows, out)
    if fmt == "csv":
        return write_csv(rows, out)
    if fmt == "plover":
        return write_jsonl(plover_records(rows), out)
    return write_cameo(rows, out)
