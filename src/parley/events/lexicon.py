"""The verb-pattern lexicon: which verbs and nouns, with which words attached, code which event.

Patterns live in data/verbs.yaml (written for parley). A pattern "hand over letter" means: a
verb with lemma "hand" that has "over" and "letter" among its dependents (or theirs). The most
specific matching pattern (most words) wins. PETRARCH-format dictionaries can be added at run time
(events.petrarch), which is how users bring the Phoenix or ICEWS verb dictionaries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from parley.data import load_yaml


@dataclass(frozen=True)
class Pattern:
    code: str
    head: str  # lemma of the verb or noun that heads the event
    needs: frozenset[str]  # lemmas that must hang off the head
    nominal: bool
    source: str
    # The PLOVER type and mode where the PLOVER manual reads this verb differently from the
    # CAMEO->PLOVER table's line for its code ("indicted" is CAMEO 173, PLOVER ACCUSE "allege").
    plover_type: str | None = None
    plover_mode: str | None = None

    @property
    def size(self) -> int:
        return 1 + len(self.needs)


@dataclass
class Lexicon:
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)

    def add(self, pattern: Pattern) -> None:
        index = self.nouns if pattern.nominal else self.verbs
        patterns = index.setdefault(pattern.head, [])
        if pattern not in patterns:
            patterns.append(pattern)
            # Most specific first, so the first pattern that matches is the one to use.
            patterns.sort(key=lambda p: -p.size)

    def extend(self, patterns: Iterable[Pattern]) -> None:
        for pattern in patterns:
            self.add(pattern)

    def __len__(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())


def parse_pattern(
    text: str,
    code: str,
    *,
    nominal: bool,
    source: str,
    plover: dict[str, str] | None = None,
) -> Pattern:
    words = text.casefold().split()
    return Pattern(
        code=code,
        head=words[0],
        needs=frozenset(words[1:]),
        nominal=nominal,
        source=source,
        plover_type=(plover or {}).get("type"),
        plover_mode=(plover or {}).get("mode"),
    )


@cache
def load() -> Lexicon:
    """The lexicon shipped with parley."""
    data = load_yaml("verbs.yaml")
    lexicon = Lexicon()
    for entry in data["patterns"]:
        code = str(entry["code"])
        source = str(entry.get("source") or data.get("source") or "")
        plover = entry.get("plover")
        for text in entry.get("verbs") or []:
            lexicon.add(parse_pattern(text, code, nominal=False, source=source, plover=plover))
        for text in entry.get("nouns") or []:
            lexicon.add(parse_pattern(text, code, nominal=True, source=source, plover=plover))
    return lexicon


@cache
def with_extra(paths: tuple[str, ...]) -> Lexicon:
    """parley's lexicon plus PETRARCH-format verb dictionaries given at run time."""
    from pathlib import Path

    from parley.events.petrarch import read_verbs

    lexicon = Lexicon()
    base = load()
    for index in (base.verbs, base.nouns):
        for patterns in index.values():
            lexicon.extend(patterns)
    for path in paths:
        lexicon.extend(read_verbs(Path(path)))
    return lexicon
