"""Event dates: relative expressions resolved against what is known of the article's date.

Only what is known is written, at the precision the text gives: "2015-05-12", "2010-11", "2012",
"--06-19" when month and day are fixed but not the year; ``None`` when nothing is. Every date
comes with ``basis``, the words saying why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parley.clean.metadata import MONTHS
from parley.records import Article, DatePrecision

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("month_day_year", rf"\b(?:on\s+)?({_MONTH_NAMES})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b"),
        ("month_day", rf"\bon\s+({_MONTH_NAMES})\.?\s+(\d{{1,2}})\b(?!,?\s*(?:19|20)\d\d)"),
        ("month_year", rf"\bin\s+({_MONTH_NAMES})\s+((?:19|20)\d\d)\b"),
        ("year", r"\bin\s+((?:19|20)\d\d)\b"),
        (
            "weekday",
            r"\b(?:on\s+|last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s|’s)?\b",
        ),
        (
            "month",
            rf"\b(?:in|by|since|until)\s+(?:early\s+|late\s+|mid-)?({_MONTH_NAMES})\b(?!\s+\d)",
        ),
        (
            "relative",
            r"\b(yesterday|today|tomorrow|last month|next month|last week|next week"
            r"|last year|next year)\b",
        ),
    )
)


@dataclass(frozen=True)
class AnchorDate:
    """What is known of the article's own date."""

    day: dt.date | None  # fully known
    year: int | None
    month: int | None
    day_of_month: int | None
    basis: str


@dataclass(frozen=True)
class EventDate:
    date: str | None
    precision: DatePrecision
    basis: str
    span: tuple[int, int] | None = None  # where in the sentence the expression was


def anchor(article: Article) -> AnchorDate:
    if article.published:
        day = dt.date.fromisoformat(article.published)
        return AnchorDate(day, day.year, day.month, day.day, "the article's publication date")
    inferred = article.published_inferred
    if inferred and inferred.date:
        day = dt.date.fromisoformat(inferred.date)
        return AnchorDate(
            day, day.year, day.month, day.day, f"the article's date ({inferred.basis})"
        )
    year = inferred.years[0] if inferred and len(inferred.years) == 1 else None
    dateline = article.dateline
    month = dateline.month if dateline else None
    dom = dateline.day if dateline else None
    basis = "the article's dateline" if month else "the article's inferred year"
    return AnchorDate(None, year, month, dom, basis)


def article_date(a: AnchorDate) -> EventDate:
    if a.day:
        return EventDate(a.day.isoformat(), "day", a.basis)
    if a.month and a.day_of_month:
        return EventDate(
            f"--{a.month:02d}-{a.day_of_month:02d}", "month-day", a.basis + ", year unknown"
        )
    if a.year:
        return EventDate(str(a.year), "year", a.basis)
    return EventDate(None, "unknown", "the article's date is not known")


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def resolve(sentence: str, a: AnchorDate, *, future: bool = False) -> EventDate | None:
    """The date a time expression in the sentence gives, or None when it has none."""
    for name, pattern in _PATTERNS:
        match = pattern.search(sentence)
        if not match:
            continue
        words, span = match.group(0).strip(), match.span()
        if name == "month_day_year":
            month, dom, year = MONTHS[match[1].casefold()], int(match[2]), int(match[3])
            return EventDate(f"{year:04d}-{month:02d}-{dom:02d}", "day", f"'{words}'", span)
        if name == "month_day":
            month, dom = MONTHS[match[1].casefold()], int(match[2])
            if a.year:
                return EventDate(
                    f"{a.year:04d}-{month:02d}-{dom:02d}",
                    "day",
                    f"'{words}' in the article's year",
                    span,
                )
            return EventDate(
                f"--{month:02d}-{dom:02d}", "month-day", f"'{words}', year unknown", span
            )
        if name == "month_year":
            month, year = MONTHS[match[1].casefold()], int(match[2])
            return EventDate(f"{year:04d}-{month:02d}", "month", f"'{words}'", span)
        if name == "year":
            return EventDate(match[1], "year", f"'{words}'", span)
        if name == "weekday":
            if a.day is None and a.year:
                # The year is known, the day is not: say only what is known.
                basis = f"'{words}' in the article's year; the day needs the article's full date"
                return EventDate(str(a.year), "year", basis, span)
            if a.day is None:
                return EventDate(
                    None, "unknown", f"'{words}': the weekday's date needs the article's year", span
                )
            target = WEEKDAYS.index(match[1].casefold())
            delta = (a.day.weekday() - target) % 7
            if future:
                day = a.day + dt.timedelta(days=(target - a.day.weekday()) % 7)
            else:
                day = a.day - dt.timedelta(days=delta)
            return EventDate(
                day.isoformat(), "day", f"'{words}' relative to {a.day.isoformat()}", span
            )
        if name == "month":
            month = MONTHS[match[1].casefold()]
            if a.year and a.month:
                year = a.year
                if future and month < a.month:
                    year += 1
                elif not future and month > a.month:
                    year -= 1
                return EventDate(
                    f"{year:04d}-{month:02d}",
                    "month",
                    f"'{words}' relative to the article's date",
                    span,
                )
            return EventDate(f"--{month:02d}", "month", f"'{words}', year unknown", span)
        if name == "relative":
            return _relative(match[1].casefold(), a, span)
    return None


def _relative(words: str, a: AnchorDate, span: tuple[int, int]) -> EventDate:
    basis = f"'{words}'"
    if words in ("yesterday", "today", "tomorrow"):
        if a.day is None:
            return EventDate(None, "unknown", basis + ": needs the article's full date", span)
        delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[words]
        return EventDate((a.day + dt.timedelta(days=delta)).isoformat(), "day", basis, span)
    if words in ("last month", "next month"):
        if a.year and a.month:
            year, month = _shift_month(a.year, a.month, -1 if words == "last month" else 1)
            return EventDate(f"{year:04d}-{month:02d}", "month", basis, span)
        return EventDate(None, "unknown", basis + ": needs the article's year", span)
    if words in ("last year", "next year"):
        if a.year:
            return EventDate(str(a.year + (-1 if words == "last year" else 1)), "year", basis, span)
        return EventDate(None, "unknown", basis + ": needs the article's year", span)
    if a.day:
        week = a.day + dt.timedelta(days=-7 if words == "last week" else 7)
        return EventDate(f"{week.year:04d}-{week.month:02d}", "month", basis, span)
    return EventDate(None, "unknown", basis + ": needs the article's full date", span)
