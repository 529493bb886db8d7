"""Find the lines of a scraped page that are not the article: chrome, widgets, credits, sidebars.

Rules come from data/clean/boilerplate.yaml. Every line taken out is returned with its reason, so
nothing is lost silently: the caller stores them in ``article.removed``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from parley.clean.normalize import script_of
from parley.data import load_yaml
from parley.records import Removed

# A line copied elsewhere in the page is only treated as a duplicate when it is long enough to be
# a headline or a paragraph; short lines ("Russia") legitimately recur.
MIN_DUPLICATE_CHARS = 30
# A caption is a short label without sentence punctuation; real sentences are longer.
MAX_CAPTION_WORDS = 12
# Lines this short above the headline are section names ("World", "Russia"), not text.
MAX_SECTION_NAME_WORDS = 2
# A paragraph this long ending in sentence punctuation is article body, which ends the page header.
MIN_BODY_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?:\"”’»)]\s*$")


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    reason: str
    max_words: int | None


@dataclass(frozen=True)
class Rules:
    lines: dict[str, str]
    patterns: tuple[_Pattern, ...]
    sidebars: dict[str, str]


def line_key(line: str) -> str:
    """How lines are compared: case and spacing aside."""
    return " ".join(line.split()).casefold()


@cache
def rules() -> Rules:
    data = load_yaml("clean/boilerplate.yaml")
    return Rules(
        lines={line_key(r["text"]): r["reason"] for r in data["lines"]},
        patterns=tuple(
            _Pattern(re.compile(r["pattern"]), r["reason"], r.get("max_words"))
            for r in data["patterns"]
        ),
        sidebars={line_key(r["text"]): r["reason"] for r in data["sidebars"]},
    )


def looks_like_sentence(line: str) -> bool:
    return len(line.split()) >= MIN_BODY_WORDS and bool(_SENTENCE_END.search(line))


def _rule_reason(line: str, rs: Rules) -> str | None:
    key = line_key(line)
    if key in rs.lines:
        return rs.lines[key]
    words = len(line.split())
    for pattern in rs.patterns:
        if pattern.max_words is not None and words > pattern.max_words:
            continue
        if pattern.regex.search(line):
            return pattern.reason
    return None


def find_boilerplate(lines: list[str], learned: dict[str, str] | None = None) -> dict[int, str]:
    """Map the index of every line that is not article text to the reason it is not.

    ``learned`` adds lines known to be chrome for this outlet (see clean.learn).
    """
    rs = rules()
    verdict: dict[int, str] = {}
    main_script = script_of(" ".join(lines))
    first_body = next(
        (
            i
            for i, line in enumerate(lines)
            if looks_like_sentence(line) and _rule_reason(line, rs) is None
        ),
        len(lines),
    )

    for i, line in enumerate(lines):
        key = line_key(line)
        if key in rs.sidebars:
            for j in range(i, len(lines)):
                verdict[j] = rs.sidebars[key]
            break
        reason = _rule_reason(line, rs)
        if reason is None and learned and key in learned:
            reason = learned[key]
        if reason is None and main_script and script_of(line) not in (None, main_script):
            reason = f"line in another script ({script_of(line)}) than the article ({main_script})"
        if reason is None and i < first_body and _is_section_name(lines, i, first_body, rs):
            reason = "site chrome: section name above the headline"
        if reason is not None:
            verdict[i] = reason

    _mark_captions(lines, verdict)
    _mark_duplicates(lines, verdict)
    return verdict


def _is_section_name(lines: list[str], i: int, first_body: int, rs: Rules) -> bool:
    """A one- or two-word line above the headline, with a longer headline still to come."""
    if len(lines[i].split()) > MAX_SECTION_NAME_WORDS:
        return False
    return any(
        len(lines[j].split()) > MAX_SECTION_NAME_WORDS and _rule_reason(lines[j], rs) is None
        for j in range(i + 1, first_body)
    )


def _mark_captions(lines: list[str], verdict: dict[int, str]) -> None:
    """A short label that starts a removed photo credit is that photo's caption, printed again."""
    credits = [lines[i] for i, why in verdict.items() if "photo" in why]
    for i, line in enumerate(lines):
        if i in verdict or len(line.split()) > MAX_CAPTION_WORDS or _SENTENCE_END.search(line):
            continue
        if any(c != line and line_key(c).startswith(line_key(line)) for c in credits):
            verdict[i] = "photo caption (repeats the credited caption)"


def _mark_duplicates(lines: list[str], verdict: dict[int, str]) -> None:
    """A title or paragraph printed twice: keep the fuller copy (e.g. the one with the dateline)."""
    kept = [i for i in range(len(lines)) if i not in verdict]
    keys = {i: line_key(lines[i]) for i in kept}  # once per line, not once per pair
    for i in kept:
        a = keys[i]
        if len(a) < MIN_DUPLICATE_CHARS:
            continue
        for j in kept:
            if j == i or j in verdict:
                continue
            b = keys[j]
            if (a == b and j < i) or (a != b and a in b):
                verdict[i] = "printed twice: the fuller copy was kept"
                break


def removed_lines(lines: list[str], verdict: dict[int, str]) -> list[Removed]:
    return [Removed(text=lines[i], reason=verdict[i]) for i in sorted(verdict)]
