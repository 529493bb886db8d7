"""RSS and Atom feeds: each entry an article with its link, date, and content or summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from parley.errors import E, Problem
from parley.ingest.files import text_id
from parley.ingest.html import html_to_article
from parley.records import Article


def _published(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()


def read_feed(data: bytes, source: str) -> Iterator[Article | Problem]:
    import feedparser

    feed = feedparser.parse(data)
    entries = list(feed.entries)
    if not entries:
        detail = str(feed.get("bozo_exception") or "no entries")
        yield Problem(source, E.E013.format(where=source, detail=detail))
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(entries, start=1):
        where = f"{source}: entry {number}"
        contents = entry.get("content") or []
        body = contents[0].get("value") if contents else entry.get("summary")
        link = entry.get("link")
        if not body or not str(body).strip():
            yield Problem(where, E.E014.format(where=where))
            continue
        article_id = text_id(link or entry.get("id") or body)
        article = html_to_article(
            f"<html><body><article>{body}</article></body></html>",
            article_id=article_id,
            source=where,
            url=link,
        )
        if isinstance(article, Problem):
            # A summary too short for the extractor is still the entry's text.
            article = Article(id=article_id, source=where, url=link, text=_strip_tags(str(body)))
        yield article.model_copy(
            update={
                "title": entry.get("title") or article.title,
                "published": _published(entry) or article.published,
                "outlet": outlet or article.outlet,
                "source": link or where,
            }
        )


def _strip_tags(html: str) -> str:
    import lxml.html

    try:
        return str(lxml.html.fromstring(html).text_content()).strip()
    except Exception:  # malformed fragments: the raw text is better than nothing
        return html
