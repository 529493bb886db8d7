"""Quotation marks: pairing opening and closing marks per paragraph, the wire way."""

from __future__ import annotations

import re
from dataclasses import dataclass

# ''doubled single quotes'' (straight, or curly ‘‘…’’) are what some outlets print for double.
MARK = re.compile(r"''|‘‘|’’|[\"“”„«»]")
_OPENERS_ONLY = frozenset({"“", "„", "«", "‘‘"})
_CLOSERS_ONLY = frozenset({"”", "»", "’’"})
# Transcripts and interviews: "PENCE: Well, look, …" — a speaker's name in capitals, then a colon.
TRANSCRIPT = re.compile(r"^(?P<name>[A-Z][A-Z.'’\- ]{1,40}[A-Z])\s*:\s+(?P<text>\S.*)$", re.S)


@dataclass(frozen=True)
class Span:
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark)
    open_at: int  # the opening mark's offset
    close_end: int  # offset after the closing mark


def _opens_anyway(paragraph: str, at: int, mark: str) -> bool:
    """A closing mark used to open ('”Mr. Trump embodies…”'): it starts a word, after a space."""
    before = paragraph[at - 1] if at else " "
    after = paragraph[at + len(mark) : at + len(mark) + 1]
    return (before.isspace() or before in "([") and after.isalnum()


def _family(mark: str) -> str:
    """Straight, curly, doubled or angled: a paragraph re-opens a quotation with the kind of mark
    that opened it. A straight mark left open before a paragraph that opens with a curly one is
    a quotation the outlet copied in, unclosed, not the start of the next."""
    if mark in ("''", "‘‘", "’’"):
        return "doubled"
    if mark in ("“", "”", "„"):
        return "curly"
    return "angled" if mark in ("«", "»") else "straight"


def quote_spans(text: str) -> list[Span]:
    """Pair quotation marks into quoted spans, paragraph by paragraph."""
    spans: list[Span] = []
    open_mark: int | None = None  # offset of the mark that opened the current quote
    open_family = ""  # and its kind
    content_start = 0
    carried_end: int | None = None  # a quote left open at the end of the previous paragraph
    offset = 0
    for paragraph in text.split("\n\n"):
        marks = list(MARK.finditer(paragraph))
        if carried_end is not None and open_mark is not None:
            relabelled = bool(marks) and TRANSCRIPT.match(paragraph[marks[0].end() :])
            if (
                marks
                and marks[0].start() == 0
                and not relabelled
                and _family(marks[0].group()) == open_family
            ):
                marks = marks[1:]  # the wire way: the next paragraph re-opens the same quote
            else:
                spans.append(Span(content_start, carried_end, open_mark, carried_end))
                open_mark = None
            carried_end = None
        for match in marks:
            mark, pos = match.group(), offset + match.start()
            if open_mark is None:
                if mark not in _CLOSERS_ONLY or _opens_anyway(paragraph, match.start(), mark):
                    open_mark, content_start = pos, pos + len(mark)
                    open_family = _family(mark)
            elif mark not in _OPENERS_ONLY:
                spans.append(Span(content_start, pos, open_mark, pos + len(mark)))
                open_mark = None
        if open_mark is not None:
            carried_end = offset + len(paragraph)
        offset += len(paragraph) + 2
    if open_mark is not None and carried_end is not None:
        spans.append(Span(content_start, carried_end, open_mark, carried_end))
    return [s for s in spans if text[s.start : s.end].strip()]


SENTENCE_END = re.compile(r"[.!?](?=[\s\"”'’»]|$)")

WORD_BEFORE = re.compile(r"(\w+)$")
