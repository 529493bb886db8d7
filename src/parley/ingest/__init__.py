"""Ingest: turn the paths a user gives into raw articles, one reader per source format.

Every reader yields ``Article`` records (text as found, not yet cleaned) or ``Problem`` records for
bad input; a bad file or line never stops the others. Ids follow docs/schema.md: the record's own
id, else the path relative to the folder given (or the file name) without extension, else a stable
hash of the text. Two inputs never silently share an id: the second is reported and skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from parley.errors import E, Problem
from parley.ingest.files import read_jsonl, read_text_file
from parley.records import Article

TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl", ".json"})
READABLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES


def _read_file(path: Path, article_id: str) -> Iterator[Article | Problem]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path)
    elif suffix in TEXT_SUFFIXES:
        yield read_text_file(path, article_id)
    else:
        where = str(path)
        yield Problem(where, E.E009.format(where=where, detail=f"file type {suffix or 'none'!r}"))


def _expand(raw: str) -> Iterator[Article | Problem]:
    path = Path(raw)
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in READABLE_SUFFIXES:
                rel = child.relative_to(path).with_suffix("")
                yield from _read_file(child, rel.as_posix())
    elif path.is_file():
        yield from _read_file(path, path.stem)
    else:
        yield Problem(raw, E.E001.format(where=raw))


def read(inputs: Iterable[str]) -> Iterator[Article | Problem]:
    """Stream raw articles from files, folders and JSONL, reporting bad input as it goes."""
    seen: dict[str, str] = {}
    for raw in inputs:
        for item in _expand(raw):
            if isinstance(item, Article):
                where = item.source or raw
                if item.id in seen:
                    other = seen[item.id]
                    yield Problem(where, E.E008.format(where=where, id=item.id, other=other))
                    continue
                seen[item.id] = where
            yield item
