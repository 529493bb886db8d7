"""Read PETRARCH/TABARI actor and agent dictionaries (the Phoenix and ICEWS formats).

Actor entries look like::

    VLADIMIR_PUTIN_  # CountryInfo.txt
    +PUTIN_
    +PRESIDENT_VLADIMIR_PUTIN_
        [RUSGOV 991231-080507]
        [RUSGOV >080508]
        [RUSELI]

and organisations like ``THE_UNITED_NATIONS_ [IGOUNO]``; agents like ``AMBASSADOR_ [~GOV]``.
Codes are a country (or IGO/NGO/…) followed by three-letter sectors; dates are YYMMDD, ``>`` from,
``<`` until. ``read_actors`` turns a file into parley's own people and organisation rows (the
shape of data/actors/*.yaml), which ``parley actors import`` stores beside the shipped files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_CODE = re.compile(r"\[(?P<code>~?[A-Z0-9]{3,})(?:\s+(?P<dates>[<>]?\d{6}(?:-\d{6})?))?\]")
# Two-digit years: PETRARCH's dictionaries cover 1900–2029 this way.
CENTURY_PIVOT = 30


@dataclass
class _Entry:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None]] = field(default_factory=list)


def _words(token: str) -> str:
    return " ".join(token.replace("_", " ").split()).title()


def _date(six: str) -> str:
    yy, mm, dd = int(six[:2]), int(six[2:4]), int(six[4:6])
    year = 2000 + yy if yy < CENTURY_PIVOT else 1900 + yy
    try:
        return dt.date(year, max(mm, 1), max(dd, 1)).isoformat()
    except ValueError:
        return dt.date(year, max(min(mm, 12), 1), 1).isoformat()


def _span(dates: str | None) -> tuple[str | None, str | None]:
    if not dates:
        return None, None
    if dates.startswith(">"):
        return _date(dates[1:]), None
    if dates.startswith("<"):
        return None, _date(dates[1:])
    start, _, end = dates.partition("-")
    return _date(start), _date(end) if end else None


def _entries(lines: Iterator[str]) -> Iterator[_Entry]:
    current: _Entry | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0].isspace() or line.lstrip().startswith("["):
            if current is not None:
                current.codes.extend((m["code"], m["dates"]) for m in _CODE.finditer(line))
            continue
        if line.startswith("+"):
            if current is not None:
                current.aliases.append(_words(_CODE.sub("", line[1:])))
            continue
        if current is not None:
            yield current
        current = _Entry(name=_words(_CODE.sub("", line)))
        current.codes.extend((m["code"], m["dates"]) for m in _CODE.finditer(line))
    if current is not None:
        yield current


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def read_actors(path: Path, source: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """People (entries with dated codes) and organisations from an actor dictionary."""
    source = source or f"{path.name} (PETRARCH/TABARI dictionary, imported)"
    people: list[dict[str, Any]] = []
    organisations: list[dict[str, Any]] = []
    with path.open(encoding="utf-8", errors="replace") as lines:
        for entry in _entries(lines):
            if not entry.name or not entry.codes:
                continue
            dated = [(c, d) for c, d in entry.codes if d]
            if dated:
                roles = []
                for code, dates in dated:
                    start, end = _span(dates)
                    roles.append(
                        {
                            "role": "imported",
                            "title": code,
                            "country": code[:3],
                            "sector": code[3:6] or None,
                            "valid_from": start,
                            "valid_to": end,
                        }
                    )
                people.append(
                    {
                        "id": f"imported-{_slug(entry.name)}",
                        "name": entry.name,
                        "aliases": sorted({a for a in entry.aliases if a and a != entry.name}),
                        "country": dated[-1][0][:3],
                        "source": source,
                        "roles": roles,
                    }
                )
            else:
                code = entry.codes[0][0].lstrip("~")
                organisations.append(
                    {
                        "id": f"imported-{_slug(entry.name)}",
                        "name": entry.name,
                        "code": code[:3] if code[3:6] else code,
                        "kind": "organisation",
                        "sector": code[3:6] or None,
                        "aliases": sorted({a for a in entry.aliases if a and a != entry.name}),
                        "source": source,
                    }
                )
    return {"people": people, "organisations": organisations}
