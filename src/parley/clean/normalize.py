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


_SCRIPTS = (
    ("LATIN", re.compile(r"[A-Za-z\u00c0-\u024f]")),
    ("CYRILLIC", re.compile(r"[\u0400-\u04ff]")),
    ("ARABIC", re.compile(r"[\u0600-\u06ff]")),
    ("GREEK", re.compile(r"[\u0370-\u03ff]")),
    ("HEBREW", re.compile(r"[\u0590-\u05ff]")),
    ("CJK", re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")),
    ("DEVANAGARI", re.compile(r"[\u0900-\u097f]")),
    ("THAI", re.compile(r"[\u0e00-\u0e7f]")),
)


def script_of(text: str) -> str | None:
    """The writing system most of the letters in ``text`` belong to ("LATIN", "CYRILLIC", …)."""
    if text.isascii():
        return "LATIN" if any(c.isalpha() for c in text) else None
    counts = {name: len(regex.findall(text)) for name, regex in _SCRIPTS}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else None


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
