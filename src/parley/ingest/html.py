"""HTML pages to articles: main text, title, date and site name (trafilatura, htmldate)."""

from __future__ import annotations

import logging
from typing import Any

from parley.errors import E, Problem
from parley.records import Article

# trafilatura logs every page it finds too short; parley reports that itself, once.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def html_to_article(
    html: str | bytes, *, article_id: str, source: str, url: str | None = None
) -> Article | Problem:
    """The article in a page, or a Problem when the page holds no article text."""
    import trafilatura

    document: Any = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        return Problem(source, E.E012.format(where=source))
    title = getattr(document, "title", None)
    date = getattr(document, "date", None)
    # trafilatura puts the headline on the first line of the text as well: keep it once.
    if title and text.startswith(title):
        text = text[len(title) :].lstrip("\n")
    return Article(
        id=article_id,
        source=source,
        url=url or getattr(document, "url", None),
        title=title or None,
        outlet=getattr(document, "sitename", None) or None,
        published=date[:10] if date else None,
        text=text,
    )
