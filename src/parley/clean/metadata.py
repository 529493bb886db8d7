"""Metadata a scraped article carries in its text: outlet, credited agency, dateline, headings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlparse

from parley.data import load_yaml
from parley.records import Dateline

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

# Wire datelines: "MOSCOW, July 16. /TASS/.", "BOCHAROV RUCHEI, May 24 (RIA Novosti) -",
# "SALVADOR, Feb 26 -", "WASHINGTON (Reuters) -", "SEOUL, March 26 (AFP) -". The place is in
# capitals (wire style); a date or an agency must follow, so an all-caps first word is not one.
_DATELINE = re.compile(
    r"^[*#\s]*(?P<place>[A-Z][^\s,(/]*(?:[\s/]+[A-Za-z][^\s,(/]*){0,3}"
    # US and Canadian datelines name the state or province: "WESTPORT, Conn., Feb 26 -",
    # "VANCOUVER, British Columbia, Feb 26 -".
    r"(?:\s*,\s*[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][a-z]{2,12}){0,2})?)"
    r"(?:\s*,\s*(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}))?"
    r"\s*\.?\s*"
    r"(?:/(?P<slash>[^/\n]{2,30})/|\((?P<paren>[^)\n]{2,30})\))?"
    r"\s*[.\-–—]+\s+"
)
# "RIA Novosti reported", "according to Interfax": the agency a story is credited to.
_CREDIT = r"(?:,\s*|\bas\s+)?(?P<agency>{forms})\s+(?:reported|reports|said|quoted)\b"

# A subheading inside the body: a short line without sentence punctuation, followed by text.
MAX_HEADING_WORDS = 10
_NO_SENTENCE_END = re.compile(r"[^.!?:;\"”’»,]\s*$")


@dataclass(frozen=True)
class Outlet:
    name: str
    markers: tuple[str, ...]
    agency_forms: tuple[str, ...]
    domains: tuple[str, ...]


@cache
def outlets() -> tuple[Outlet, ...]:
    return tuple(
        Outlet(
            name=o["name"],
            markers=tuple(o.get("markers", [])),
            agency_forms=tuple(o.get("agency_forms", [])),
            domains=tuple(o.get("domains", [])),
        )
        for o in load_yaml("clean/outlets.yaml")["outlets"]
    )


def canonical_outlet(name: str) -> str:
    """The canonical name of an outlet written as an agency form ("ITAR-TASS" → "TASS")."""
    key = name.strip().casefold()
    for outlet in outlets():
        if key == outlet.name.casefold() or key in (f.casefold() for f in outlet.agency_forms):
            return outlet.name
    return name.strip()


def month_number(word: str) -> int | None:
    """A month's number from its name, abbreviation or a one-letter typo ("Narch", "Mach")."""
    key = word.casefold().rstrip(".")
    if key in MONTHS:
        return MONTHS[key]
    close = [
        number
        for name, number in MONTHS.items()
        if len(name) > 3 and abs(len(name) - len(key)) <= 1 and _one_edit(name, key)
    ]
    return close[0] if len(set(close)) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _place_word(word: str) -> str:
    """Wire capitals to a name: "WINSTON-SALEM" → "Winston-Salem"; "N.C." stays."""
    if "." in word.rstrip(",.") or not word.isupper():
        return word
    return "-".join(part.capitalize() for part in word.split("-"))


def parse_dateline(paragraph: str) -> tuple[Dateline, int] | None:
    """The dateline at the start of a paragraph, and where the body after it begins."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    month_word = match["month"]
    month = month_number(month_word) if month_word else None
    agency = match["slash"] or match["paren"]
    if month_word and month is None:
        return None
    if month is None and agency is None:
        return None
    place = " ".join(_place_word(w) for w in match["place"].replace(" ,", ",").split())
    day = int(match["day"]) if match["day"] else None
    found = Dateline(
        place=place, month=month, day=day, agency=canonical_outlet(agency) if agency else None
    )
    return found, match.end()


def outlet_from(raw_text: str, url: str | None, dateline: Dateline | None) -> str | None:
    """The outlet that published the page: its own marks, else its domain, else the dateline."""
    for outlet in outlets():
        if any(marker in raw_text for marker in outlet.markers):
            return outlet.name
    if url:
        host = (urlparse(url).hostname or "").removeprefix("www.")
        for outlet in outlets():
            if any(host == d or host.endswith("." + d) for d in outlet.domains):
                return outlet.name
        if host:
            return host
    if dateline and dateline.agency:
        return dateline.agency
    return None


def credited_to(body: str, outlet: str | None, dateline: Dateline | None) -> str | None:
    """The agency the story is credited to, when it is not the outlet itself."""
    candidates: list[str] = []
    if dateline and dateline.agency:
        candidates.append(dateline.agency)
    forms = "|".join(
        re.escape(f)
        for o in outlets()
        for f in sorted(o.agency_forms, key=len, reverse=True)
        if len(f) > 2  # "AP", "RT" are too ambiguous as bare words in running text
    )
    if forms:
        for match in re.finditer(_CREDIT.format(forms=forms), body):
            candidates.append(canonical_outlet(match["agency"]))
    for agency in candidates:
        if agency != outlet:
            return agency
    return None


def is_heading(line: str, next_line: str | None) -> bool:
    """A subheading: short, no sentence punctuation, and followed by a longer paragraph."""
    words = line.split()
    if not words or len(words) > MAX_HEADING_WORDS or next_line is None:
        return False
    if not words[0][:1].isupper() or not _NO_SENTENCE_END.search(line):
        return False
    return len(next_line.split()) > len(words)
