"""Ingest: turn what a user gives into raw articles, one reader per source format.

Inputs are files, folders (recursive), globs, ``-`` for standard input and http(s) URLs. By file
type: ``.txt`` one article; ``.jsonl``/``.jsonl.gz``/``.json``/``.csv`` records (field names
mapped by ``Fields``); ``.html``/``.htm`` a page (trafilatura); ``.rss``/``.atom``/``.xml`` a
feed (feedparser); ``.warc``/``.warc.gz`` a crawl (warcio). Every reader yields ``Article``
records (text as found, not yet cleaned) or ``Problem`` records; a bad file or line never stops
the others. Ids follow docs/schema.md, and two inputs never silently share one: the second is
reported and skipped.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from parley.errors import E, Problem
from parley.ingest.files import (
    Fields,
    read_bytes,
    read_csv,
    read_jsonl,
    read_stream,
    read_text_file,
)
from parley.records import Article

__all__ = ["Fields", "read"]

TEXT = (".txt",)
RECORDS = (".jsonl", ".jsonl.gz", ".json", ".ndjson")
TABLES = (".csv", ".csv.gz")
PAGES = (".html", ".htm")
FEEDS = (".rss", ".atom", ".xml")
ARCHIVES = (".warc", ".warc.gz")
READABLE = TEXT + RECORDS + TABLES + PAGES + FEEDS + ARCHIVES


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    return next((s for s in sorted(READABLE, key=len, reverse=True) if name.endswith(s)), None)


def _stem(path: Path, suffix: str) -> str:
    return path.as_posix()[: -len(suffix)] if suffix else path.as_posix()


def _read_file(path: Path, article_id: str, fields: Fields) -> Iterator[Article | Problem]:
    kind = _kind(path)
    where = str(path)
    if kind in TEXT:
        yield read_text_file(path, article_id)
    elif kind in RECORDS:
        yield from read_jsonl(path, fields)
    elif kind in TABLES:
        yield from read_csv(path, fields)
    elif kind in PAGES:
        from parley.ingest.html import html_to_article

        data = read_bytes(path)
        if isinstance(data, Problem):
            yield data
        elif not data.strip():
            yield Problem(where, E.E002.format(where=where))
        else:
            yield html_to_article(data, article_id=article_id, source=where)
    elif kind in FEEDS:
        from parley.ingest.feeds import read_feed

        data = read_bytes(path)
        if isinstance(data, Problem):
            yield data
        else:
            yield from read_feed(data, where)
    elif kind in ARCHIVES:
        from parley.ingest.warc import read_warc

        yield from read_warc(path)
    else:
        yield Problem(
            where, E.E009.format(where=where, detail=f"file type {path.suffix or 'none'!r}")
        )


def _expand(raw: str, fields: Fields) -> Iterator[Article | Problem]:
    if raw == "-":
        yield from read_stream(sys.stdin.buffer.read(), "<stdin>", fields)
        return
    if raw.startswith(("http://", "https://")):
        from parley.ingest.web import read_url

        yield from read_url(raw)
        return
    path = Path(raw)
    if not path.exists() and any(c in raw for c in "*?["):
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            yield Problem(raw, E.E001.format(where=raw))
        for match in matches:
            yield from _expand(match, fields)
        return
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            kind = _kind(child)
            if child.is_file() and kind:
                yield from _read_file(child, _stem(child.relative_to(path), kind), fields)
    elif path.is_file():
        kind = _kind(path) or path.suffix
        yield from _read_file(path, _stem(Path(path.name), kind), fields)
    else:
        yield Problem(raw, E.E001.format(where=raw))


def read(inputs: Iterable[str], fields: Fields | None = None) -> Iterator[Article | Problem]:
    """Stream raw articles from every input, reporting bad input as it goes."""
    fields = fields or Fields()
    seen: dict[str, str] = {}
    for raw in inputs:
        for item in _expand(raw, fields):
            if isinstance(item, Article):
                where = item.source or raw
                if item.id in seen:
                    other = seen[item.id]
                    yield Problem(where, E.E008.format(where=where, id=item.id, other=other))
                    continue
                seen[item.id] = where
            yield item
