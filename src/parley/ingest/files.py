"""Readers for plain-text files (one article each), JSONL/JSON records and CSV rows."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from parley.errors import E, Problem
from parley.records import Article

# A NUL byte in the first block is the cheapest reliable sign of a binary file; text never has one.
BINARY_SNIFF_BYTES = 8192
# One article is never this big; a file that is holds many (or is not an article at all).
MAX_ARTICLE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class Fields:
    """Which field of a JSONL record or CSV column holds what (`parley run --text-field …`)."""

    text: str = "text"
    id: str = "id"
    title: str = "title"
    published: str = "published"
    outlet: str = "outlet"
    url: str = "url"


def text_id(text: str) -> str:
    """A stable id for a record that brings none: the same text always gets the same id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def decode(data: bytes, where: str) -> str | Problem:
    if not data.strip():
        return Problem(where, E.E002.format(where=where))
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return Problem(where, E.E003.format(where=where))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        detail = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        return Problem(where, E.E004.format(where=where, detail=detail))


def read_bytes(path: Path) -> bytes | Problem:
    """A single-article file's bytes, refusing what cannot be one article."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            mb = f"{size / 1024 / 1024:.0f}"
            limit = MAX_ARTICLE_BYTES // 1024 // 1024
            return Problem(where, E.E016.format(where=where, size=mb, limit=limit))
        return path.read_bytes()
    except OSError as exc:
        return Problem(where, E.E023.format(where=where, kind="input", detail=exc.strerror))


def read_text_file(path: Path, article_id: str) -> Article | Problem:
    data = read_bytes(path)
    if isinstance(data, Problem):
        return data
    text = decode(data, str(path))
    if isinstance(text, Problem):
        return text
    return Article(id=article_id, source=str(path), text=text)


def _iso_date(value: Any, where: str) -> tuple[str | None, Problem | None]:
    if value in (None, ""):
        return None, None
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat(), None
    except ValueError:
        return None, Problem(where, E.E011.format(where=where, value=value))


def record_to_article(
    record: Any, where: str, source: str, fields: Fields = Fields()
) -> list[Article | Problem]:
    """One input record (a JSON object or CSV row) as an article, plus non-fatal problems."""
    if not isinstance(record, dict):
        detail = f"expected an object, got {type(record).__name__}"
        return [Problem(where, E.E005.format(where=where, detail=detail))]
    text = record.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        return [Problem(where, E.E006.format(where=where, field=fields.text))]
    published, problem = _iso_date(record.get(fields.published), where)
    raw_id = record.get(fields.id)
    article_id = str(raw_id) if raw_id not in (None, "") else text_id(text)
    extra = {
        name: str(record[key])
        for name, key in (("title", fields.title), ("outlet", fields.outlet), ("url", fields.url))
        if record.get(key) not in (None, "")
    }
    article = Article(id=article_id, source=source, text=text, published=published, **extra)
    return [article] if problem is None else [problem, article]


def _open(path: Path) -> IO[bytes]:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _lines(path: Path) -> Iterator[tuple[int, bytes] | Problem]:
    """Numbered lines of a (possibly gzipped) file, streaming; a corrupt tail is reported."""
    where = str(path)
    number = 0
    try:
        with _open(path) as stream:
            for number, line in enumerate(stream, start=1):
                yield number, line
    except (EOFError, OSError, zlib.error) as exc:
        detail = f"after line {number}: {exc}"
        yield Problem(where, E.E017.format(where=where, detail=detail))


def _json_line(line: str, where: str, source: str, fields: Fields) -> list[Article | Problem]:
    """One JSONL line as an article, or the reason it is not one."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg} at column {exc.colno}"
        return [Problem(where, E.E005.format(where=where, detail=detail))]
    return record_to_article(record, where, source, fields)


def read_jsonl(path: Path, fields: Fields = Fields()) -> Iterator[Article | Problem]:
    """Records from a JSONL file (one object per line, optionally .gz), or a JSON list."""
    where = str(path)
    if path.suffix.lower() == ".json":
        yield from _read_json_list(path, fields)
        return
    seen_any = False
    for item in _lines(path):
        if isinstance(item, Problem):
            yield item
            continue
        number, raw = item
        if not raw.strip():
            continue
        seen_any = True
        line_where = f"{where}:{number}"
        line = decode(raw, line_where)
        if isinstance(line, Problem):
            yield line
            continue
        yield from _json_line(line, line_where, where, fields)
    if not seen_any:
        yield Problem(where, E.E002.format(where=where))


def _read_json_list(path: Path, fields: Fields) -> Iterator[Article | Problem]:
    where = str(path)
    data = read_bytes(path)
    content = data if isinstance(data, Problem) else decode(data, where)
    if isinstance(content, Problem):
        yield content
        return
    try:
        parsed = json.loads(content)
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg} at line {exc.lineno}"
        yield Problem(where, E.E005.format(where=where, detail=detail))
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    for number, record in enumerate(records, start=1):
        yield from record_to_article(record, f"{where}: record {number}", where, fields)


def read_csv(path: Path, fields: Fields = Fields()) -> Iterator[Article | Problem]:
    """Rows of a CSV file (header row first), one article per row."""
    where = str(path)
    try:
        with _open(path) as raw:
            stream = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")
            reader = csv.DictReader(stream)
            if reader.fieldnames is None:
                yield Problem(where, E.E002.format(where=where))
                return
            if fields.text not in reader.fieldnames:
                found = ", ".join(reader.fieldnames)
                yield Problem(where, E.E018.format(where=where, field=fields.text, found=found))
                return
            for number, row in enumerate(reader, start=2):
                yield from record_to_article(dict(row), f"{where}:{number}", where, fields)
    except UnicodeDecodeError as exc:
        yield Problem(where, E.E004.format(where=where, detail=str(exc.reason)))
    except (csv.Error, EOFError, OSError, zlib.error) as exc:
        yield Problem(where, E.E017.format(where=where, detail=str(exc)))


def read_stream(data: bytes, where: str, fields: Fields) -> Iterable[Article | Problem]:
    """Standard input: JSONL when every line is an object, else one article of text."""
    text = decode(data, where)
    if isinstance(text, Problem):
        return [text]
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith("{") for line in lines):
        return [
            item
            for number, line in enumerate(lines, start=1)
            for item in _json_line(line, f"{where}:{number}", where, fields)
        ]
    return [Article(id=text_id(text), source=where, text=text)]
