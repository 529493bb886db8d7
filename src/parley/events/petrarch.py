"""Read PETRARCH-2 verb dictionaries (e.g. Phoenix's CAMEO.2.0.txt) as extra lexicon patterns.

The dictionary groups verbs in blocks::

    ---  ACCELERATE   [---]  ---
    ACCELERATE
    HURRY {HURRIES HURRYING HURRIED }
    - * AID                              [070]         # RUSH
    - * &FOOD                            [073]         # RUSH

Every verb of a block takes every pattern of the block; ``*`` marks the verb, ``&NAME`` a synonym
set defined earlier in the file (``&FOOD`` then ``+BREAD`` …), ``[042:043]`` a code pair (the first
is kept). parley reads the words after the verb as words that must hang off it — a looser match
than PETRARCH's ordered phrases — so imported patterns rank below parley's own of the same size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from parley.events.lexicon import Pattern

_HEADER = re.compile(r"^---\s+(?P<verb>[A-Z][A-Z_ -]*?)\s+\[(?P<code>[^\]]*)\]\s+---")
_CODE = re.compile(r"\[(?P<code>[0-9A-Fa-f]{2,4})(?::[0-9A-Fa-f]*)?\]")
_MARKS = re.compile(r"[*$+%(){}\[\]|^=]")
# A synonym set adds at most this many alternatives per pattern: enough for the common words.
MAX_SYNONYMS = 12
# PETRARCH writes surface forms; parley matches lemmas. Plural "-S" is the common difference.
MIN_STEM_LENGTH = 4


def _lemma(word: str) -> str:
    word = word.casefold().replace("_", " ").strip()
    if len(word) > MIN_STEM_LENGTH and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        if line.startswith("&"):
            current = line.split()[0]
            sets[current] = []
        elif line.startswith("+") and current:
            word = line[1:].split("#", 1)[0].strip().rstrip("_")
            if word and " " not in word and "_" not in word:
                sets[current].append(_lemma(word))
        elif line.strip() and not line.startswith("#"):
            current = None
    return sets


def _alternatives(words: list[str], synsets: dict[str, list[str]]) -> list[frozenset[str]]:
    options: list[frozenset[str]] = [frozenset()]
    for word in words:
        if word.startswith("&"):
            choices = synsets.get(word, [])[:MAX_SYNONYMS]
            if not choices:
                return []
            options = [o | {c} for o in options for c in choices][: MAX_SYNONYMS * 4]
        else:
            options = [o | {_lemma(word)} for o in options]
    return options


def read_verbs(path: Path) -> Iterator[Pattern]:
    """Patterns (verbal) from a PETRARCH-2 verb dictionary."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets = _synsets(lines)
    source = f"{path.name} (PETRARCH-2 verb dictionary, imported)"
    verbs: list[str] = []
    in_block = False
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        header = _HEADER.match(raw)
        if header:
            verbs = []
            in_block = True
            code = header["code"].split(":")[0]
            block_code = code if re.fullmatch(r"[0-9]{2,4}", code) else ""
            continue
        if not in_block or not line.strip():
            continue
        if line.startswith("-"):
            match = _CODE.search(raw)
            if not match:
                continue
            code = match["code"]
            body = _MARKS.sub(" ", line[1 : line.index("[")] if "[" in line else line[1:])
            words = [w for w in body.split() if w]
            for needs in _alternatives(words, synsets):
                for verb in verbs:
                    yield Pattern(code=code, head=verb, needs=needs, nominal=False, source=source)
        elif line[0].isalpha():
            verb = line.split()[0].casefold().replace("_", "")
            verbs.append(verb)
            if block_code:
                yield Pattern(
                    code=block_code, head=verb, needs=frozenset(), nominal=False, source=source
                )
