"""Readers for plain-text files (one article each) and JSONL records."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from parley.errors import E, Problem
from parley.records import Article

# A NUL byte in the first block is the cheapest reliable sign of a binary file; text never has one.
BINARY_SNIFF_BYTES = 8192
OPTIONAL_FIELDS = ("title", "outlet", "url")


def text_id(text: str) -> str:
    """A stable id for a record that brings none: the same text always gets the same id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _decode(data: bytes, where: str) -> str | Problem:
    if not data.strip():
        return Problem(where, E.E002.format(where=where))
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return Problem(where, E.E003.format(where=where))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        detail = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        return Problem(where, E.E004.format(where=where, detail=detail))


def read_text_file(path: Path, article_id: str) -> Article | Problem:
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Problem(where, E.E023.format(where=where, kind="text", detail=exc.strerror))
    text = _decode(data, where)
    if isinstance(text, Problem):
        return text
    return Article(id=article_id, source=where, text=text)


def _iso_date(value: Any, where: str) -> tuple[str | None, Problem | None]:
    if value in (None, ""):
        return None, None
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat(), None
    except ValueError:
        return None, Problem(where, E.E011.format(where=where, value=value))


def record_to_article(record: Any, where: str, source: str) -> list[Article | Problem]:
    """One input record (a JSON object) as an article, plus any non-fatal problems with it."""
    if not isinstance(record, dict):
        detail = f"expected an object, got {type(record).__name__}"
        return [Problem(where, E.E005.format(where=where, detail=detail))]
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return [Problem(where, E.E006.format(where=where, field="text"))]
    published, problem = _iso_date(record.get("published"), where)
    raw_id = record.get("id")
    article_id = str(raw_id) if raw_id not in (None, "") else text_id(text)
    extra = {k: str(record[k]) for k in OPTIONAL_FIELDS if record.get(k) not in (None, "")}
    article = Article(id=article_id, source=source, text=text, published=published, **extra)
    return [article] if problem is None else [problem, article]


def read_jsonl(path: Path) -> Iterator[Article | Problem]:
    """Records from a JSONL file (one object per line) or a JSON file holding a list of them."""
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(where, E.E023.format(where=where, kind="JSONL", detail=exc.strerror))
        return
    content = _decode(data, where)
    if isinstance(content, Problem):
        yield content
        return
    if path.suffix.lower() == ".json" and content.lstrip().startswith("["):
        try:
            records = json.loads(content)
        except json.JSONDecodeError as exc:
            detail = f"{exc.msg} at line {exc.lineno}"
            yield Problem(where, E.E005.format(where=where, detail=detail))
            return
        for number, record in enumerate(records, start=1):
            yield from record_to_article(record, f"{where}: record {number}", where)
        return
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        line_where = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            detail = f"{exc.msg} at column {exc.colno}"
            yield Problem(line_where, E.E005.format(where=line_where, detail=detail))
            continue
        yield from record_to_article(record, line_where, where)
