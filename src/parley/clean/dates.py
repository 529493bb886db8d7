"""Publication date from the text itself, for articles that arrive without one.

Wire copy prints "MOSCOW, July 16" and no year. The year is narrowed by evidence in the text:
office holders named with their titles ("President Medvedev" only between May 2008 and May 2012;
"President-elect Putin" only March–May 2012) — facts from the actor knowledge base — and a weekday
named for the dateline's day ("a Kremlin aide said on Friday" under "May 24"). The result says
which years remain and why; it is never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from parley.actors.kb import KnowledgeBase, load
from parley.records import Dateline, InferredDate

FIRST_YEAR = 1980
# With no month and day known, a year in which an office holder served for less than this is
# dropped: a story calling Obama "President" is far likelier from 2016 than from 1–20 January 2017.
MIN_YEAR_OVERLAP_DAYS = 31
# Words before a title that say the person no longer (or not yet) holds it.
_NOT_NOW = re.compile(r"(former|ex-|late|then-|then|future|would-be|acting)\s*$", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "said on Friday", "told journalists on Thursday": speech reported on the dateline's day.
_SAID_ON = re.compile(
    r"\b(?:said|says|told|announced|stated|reported|declared|added|noted)\b[^.!?\n]{0,60}?"
    r"\bon\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)
TITLE_WINDOW_CHARS = 60
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
# A sentence with these words may name a year still to come ("the election is scheduled for
# November 2012", "by 2030"); years in other sentences are past or present.
_FUTURE = re.compile(
    r"\b(will|would|shall|scheduled|plans?|planned|expected|expects|by|until|next|upcoming|"
    r"due|to be held|could|may|might|aims?|target|forecast|projected?|budget)\b",
    re.I,
)


def _past_years(text: str) -> list[int]:
    """Years the text speaks of as past or present: publication is no earlier than they are."""
    years: list[int] = []
    for sentence in _SENTENCES.split(text):
        if not _FUTURE.search(sentence):
            years.extend(int(y) for y in _YEAR.findall(sentence))
    return years


_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class Names:
    by_first: dict[str, tuple[str, ...]]  # first word -> name forms starting with it, longest first
    people: dict[str, list[str]]  # name form -> person ids

    def find(self, text: str) -> Iterator[tuple[int, str]]:
        """(offset, form) of each name form in the text, as a whole-word, leftmost-longest scan
        would find them: an index on the first word rather than one alternation of thousands
        of names, which the regex engine tries at every position."""
        end = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < end:
                continue
            for form in self.by_first.get(word.group(), ()):
                stop = start + len(form)
                if text.startswith(form, start) and _boundary(text, stop):
                    yield start, form
                    end = stop
                    break


def _boundary(text: str, i: int) -> bool:
    """Whether ``\\b`` holds at offset i (i > 0)."""
    after = i < len(text) and bool(_WORD_CHAR.match(text[i]))
    return bool(_WORD_CHAR.match(text[i - 1])) != after


@cache
def office_holder_names(kb: KnowledgeBase) -> Names:
    people: dict[str, list[str]] = {}
    for person in kb.people.values():
        for form in {person.name, *person.aliases, *person.surnames}:
            # A form must start a word, as the knowledge base's names do.
            if len(form) > 2 and _WORD.match(form):
                people.setdefault(form, []).append(person.id)
    by_first: dict[str, list[str]] = {}
    for form in sorted(people, key=len, reverse=True):
        by_first.setdefault(_WORD.match(form).group(), []).append(form)  # type: ignore[union-attr]
    return Names({k: tuple(v) for k, v in by_first.items()}, people)


def _title_before(text: str, start: int, kb: KnowledgeBase) -> tuple[str | None, str]:
    """The role key of the title printed right before a name, and the title as written."""
    window = text[max(0, start - TITLE_WINDOW_CHARS) : start].split("\n")[-1]
    words = window.casefold().replace("’s", "").replace("'s", "").split()
    # Try the longest run of trailing words that names a role: "secretary of state".
    for n in range(min(6, len(words)), 0, -1):
        phrase = " ".join(words[-n:])
        key = kb.role_phrases.get(phrase) or kb.role_phrases.get(phrase.rstrip("s"))
        if key is None:
            # Scrapers glue words: "the USPresident Barack Obama".
            key = (
                next(
                    (k for p, k in kb.role_phrases.items() if " " not in p and phrase.endswith(p)),
                    None,
                )
                if n == 1
                else None
            )
        if key:
            preceding = " ".join(window.split()[: max(0, len(window.split()) - n)])
            if _NOT_NOW.search(preceding):
                return None, phrase
            return key, phrase
    return None, ""


def _intervals(text: str, kb: KnowledgeBase) -> list[tuple[str, list[tuple[dt.date, dt.date]]]]:
    """For each titled mention of an office holder: (what was seen, when it could be true)."""
    names = office_holder_names(kb)
    found: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for start, form in names.find(text):
        key, title = _title_before(text, start, kb)
        if key is None:
            continue
        for person_id in names.people[form]:
            spans = [(r.start, r.end) for r in kb.people[person_id].roles if r.key == key]
            if spans:
                label = f"{title} {kb.people[person_id].name}"
                found.setdefault(label, spans)
    return list(found.items())


def _weekday(text: str, dateline: Dateline | None) -> str | None:
    if not dateline or not dateline.month or not dateline.day:
        return None
    lead = text.split("\n\n")
    # The weekday of a report is printed with the lead, in the dateline's paragraph.
    for paragraph in lead[:3]:
        if dateline.place and dateline.place.casefold() not in paragraph[:60].casefold():
            continue
        match = _SAID_ON.search(paragraph)
        if match:
            return match[1].casefold()
    return None


def _possible(day: dt.date, spans: list[tuple[dt.date, dt.date]]) -> bool:
    return any(start <= day <= end for start, end in spans)


def infer_published(text: str, title: str | None, dateline: Dateline | None) -> InferredDate:
    kb = load()
    full = f"{title}\n{text}" if title else text
    evidence = _intervals(full, kb)
    weekday = _weekday(text, dateline)
    years = range(FIRST_YEAR, dt.date.today().year + 1)
    month = dateline.month if dateline else None
    dom = dateline.day if dateline else None
    reasons: list[str] = []
    candidates = set(years)

    def allowed(year: int, spans: list[tuple[dt.date, dt.date]]) -> bool:
        if month and dom:
            try:
                return _possible(dt.date(year, month, dom), spans)
            except ValueError:
                return False
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        overlap = sum(max(0, (min(end, last) - max(start, first)).days + 1) for start, end in spans)
        return overlap >= MIN_YEAR_OVERLAP_DAYS

    for label, spans in evidence:
        narrowed = {y for y in candidates if allowed(y, spans)}
        if narrowed:
            candidates = narrowed
            reasons.append(label)
    past = [y for y in _past_years(full) if y <= max(years)]
    if past:
        latest = max(past)
        narrowed = {y for y in candidates if y >= latest}
        if narrowed and narrowed != candidates:
            candidates = narrowed
            reasons.append(f"mentions {latest} as past")
    if weekday and month and dom:
        target = _WEEKDAYS.index(weekday)
        narrowed = set()
        for y in candidates:
            try:
                if dt.date(y, month, dom).weekday() == target:
                    narrowed.add(y)
            except ValueError:
                continue
        if narrowed:
            candidates = narrowed
            reasons.append(f"'{weekday.capitalize()}' for the dateline's {month}/{dom}")
    if not reasons:
        return InferredDate(date=None, years=[], basis="nothing in the text fixes the year")
    chosen = sorted(candidates)
    date = None
    if len(chosen) == 1 and month and dom:
        date = dt.date(chosen[0], month, dom).isoformat()
    return InferredDate(date=date, years=chosen, basis="; ".join(reasons))
