"""Unicode normalisation: the first thing clean does, so every later offset is stable."""

from __future__ import annotations

import re
import unicodedata

# Spaces that scrapers leave behind and that spaCy would treat as words or as nothing.
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]+")
# C0/C1 controls and zero-width characters; newlines are kept (they separate paragraphs).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")
_RUNS_OF_SPACES = re.compile(r" {2,}")


def normalize(text: str) -> str:
    """NFC, plain spaces, no control characters; quotes and dashes kept as written."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROLS.sub("", text)
    text = _SPACES.sub(" ", text)
    return _RUNS_OF_SPACES.sub(" ", text)


def script_of(text: str) -> str | None:
    """The writing system most of the letters in ``text`` belong to ("LATIN", "CYRILLIC", …)."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            script = name.split(" ", 1)[0] if name else "UNKNOWN"
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


# Hard-wrapped copy (wire services, e-mail, old archives) breaks lines at a fixed width inside
# paragraphs. When most lines are this long and end mid-sentence, lines are re-joined and only a
# blank line or an indented line starts a new paragraph.
WRAP_MIN_CHARS = 45
WRAP_MAX_CHARS = 90
WRAPPED_SHARE = 0.5
_ENDS_SENTENCE = re.compile(r"[.!?:\"”’»)]\s*$")


def unwrap(text: str) -> str:
    lines = text.split("\n")
    body = [line for line in lines if line.strip()]
    if len(body) < 4:
        return text
    wrapped = sum(
        1
        for line in body
        if WRAP_MIN_CHARS <= len(line.rstrip()) <= WRAP_MAX_CHARS
        and not _ENDS_SENTENCE.search(line)
    )
    if wrapped / len(body) < WRAPPED_SHARE:
        return text
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        starts_paragraph = not line.strip() or line[:1].isspace()
        if starts_paragraph and current:
            paragraphs.append(" ".join(current))
            current = []
        if line.strip():
            current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(paragraphs)
