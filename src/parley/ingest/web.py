"""URLs given on the command line, fetched politely: a timeout, a size cap, a user agent."""

from __future__ import annotations

from collections.abc import Iterator

from parley import __version__
from parley.errors import E, Problem
from parley.ingest.feeds import read_feed
from parley.ingest.files import text_id
from parley.ingest.html import html_to_article
from parley.records import Article

TIMEOUT_SECONDS = 20
# A news page is well under this; anything bigger is not an article.
MAX_BYTES = 10 * 1024 * 1024
USER_AGENT = f"parley/{__version__} (+https://pypi.org/project/parley; research use)"


def read_url(url: str) -> Iterator[Article | Problem]:
    import httpx

    try:
        with httpx.stream(
            "GET",
            url,
            timeout=TIMEOUT_SECONDS,
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
        ) as response:
            if response.status_code >= 400:
                detail = f"HTTP {response.status_code}"
                yield Problem(url, E.E015.format(where=url, detail=detail))
                return
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    detail = f"more than {MAX_BYTES // 1024 // 1024} MB"
                    yield Problem(url, E.E015.format(where=url, detail=detail))
                    return
                chunks.append(chunk)
            kind = response.headers.get("content-type", "").lower()
            final_url = str(response.url)
    except httpx.HTTPError as exc:
        yield Problem(url, E.E015.format(where=url, detail=f"{type(exc).__name__}: {exc}"))
        return
    data = b"".join(chunks)
    if any(k in kind for k in ("rss", "atom", "xml")) and b"<html" not in data[:1000].lower():
        yield from read_feed(data, url)
    else:
        yield html_to_article(data, article_id=text_id(final_url), source=url, url=final_url)
