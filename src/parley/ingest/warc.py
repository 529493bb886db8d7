"""Crawler archives (WARC, WARC.gz): each HTML response record extracted as a page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from parley.errors import E, Problem
from parley.ingest.files import text_id
from parley.ingest.html import html_to_article
from parley.records import Article


def read_warc(path: Path) -> Iterator[Article | Problem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = str(path)
    number = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                number += 1
                headers = record.http_headers
                kind = headers.get_header("Content-Type", "") if headers else ""
                if "html" not in kind.lower():
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                record_where = f"{where}: record {number} ({uri})"
                yield html_to_article(
                    record.content_stream().read(),
                    article_id=text_id(uri or record_where),
                    source=uri or record_where,
                    url=uri,
                )
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        detail = f"after record {number}: {exc}"
        yield Problem(where, E.E023.format(where=where, kind="WARC", detail=detail))
