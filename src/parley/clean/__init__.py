"""Clean: from text as scraped to the article and only the article, with its metadata.

``clean_article`` returns a new ``Article`` whose ``text`` is what every later offset refers to:
paragraphs separated by blank lines, the headline moved to ``title``, boilerplate moved to
``removed`` with its reason, subheadings recorded in ``headings``.
"""

from __future__ import annotations

from parley.clean.boilerplate import find_boilerplate, looks_like_sentence, removed_lines
from parley.clean.dates import infer_published
from parley.clean.metadata import credited_to, is_heading, outlet_from, parse_dateline
from parley.clean.normalize import normalize, unwrap
from parley.errors import E, Problem
from parley.records import Article, Dateline, Heading

PARAGRAPH_SEPARATOR = "\n\n"


def _split_title(lines: list[str], given: str | None) -> tuple[str | None, list[str]]:
    """Take the headline off the top of the body; a title given by the input wins."""
    if not lines:
        return given, lines
    first = lines[0]
    if given is not None:
        same = " ".join(first.split()).casefold() == " ".join(given.split()).casefold()
        return given, lines[1:] if same else lines
    if len(lines) > 1 and not looks_like_sentence(first) and parse_dateline(first) is None:
        return first, lines[1:]
    return None, lines


def _find_dateline(paragraphs: list[str]) -> Dateline | None:
    # The dateline opens the first or second body paragraph (a standfirst may come first).
    for paragraph in paragraphs[:3]:
        found = parse_dateline(paragraph)
        if found:
            return found[0]
    return None


def clean_article(raw: Article, *, learned: dict[str, str] | None = None) -> Article | Problem:
    """Clean one raw article. ``learned`` holds chrome lines learnt for its outlet."""
    text = normalize(raw.text)
    lines = [line.strip() for line in unwrap(text).split("\n")]
    lines = [line for line in lines if line]
    verdict = find_boilerplate(lines, learned)
    kept = [line for i, line in enumerate(lines) if i not in verdict]
    title, body = _split_title(kept, raw.title)
    if not body:
        where = raw.source or raw.id
        return Problem(where, E.E007.format(where=where))

    headings: list[Heading] = []
    offset = 0
    for i, paragraph in enumerate(body):
        following = body[i + 1] if i + 1 < len(body) else None
        if is_heading(paragraph, following) and i > 0:
            headings.append(Heading(text=paragraph, start=offset, end=offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    cleaned = PARAGRAPH_SEPARATOR.join(body)

    dateline = _find_dateline(body)
    outlet = raw.outlet or outlet_from(text, raw.url, dateline)
    return raw.model_copy(
        update={
            "text": cleaned,
            "title": title,
            "headings": headings,
            "dateline": dateline,
            "outlet": outlet,
            "credited_to": credited_to(cleaned, outlet, dateline),
            "removed": removed_lines(lines, verdict),
            "published_inferred": None
            if raw.published
            else infer_published(cleaned, title, dateline),
        }
    )
