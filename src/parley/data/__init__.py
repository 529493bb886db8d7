"""Knowledge as data: every fact parley uses lives in a file here, each entry with its source."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from parley.errors import E, ParleyError


@cache
def load_yaml(name: str) -> Any:
    """Parse a data file shipped with parley, e.g. ``load_yaml("clean/boilerplate.yaml")``."""
    path = resources.files("parley.data").joinpath(name)
    try:
        # The C loader is ten times faster on the large actor files; same safe semantics.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as exc:
        raise ParleyError(E.E023.format(where=str(path), kind="data", detail=exc)) from exc


def read_text(name: str) -> str:
    return resources.files("parley.data").joinpath(name).read_text(encoding="utf-8")


@cache
def lemma_fixes() -> dict[str, str]:
    """Lemmas the model gets wrong, by lower-cased word ("hopes" is not a form of "hop")."""
    fixes = load_yaml("lemmas.yaml")["fixes"]
    return {str(word).casefold(): str(lemma) for word, lemma in fixes.items()}


@cache
def abbreviations() -> frozenset[str]:
    """Lowercased words that end with a full stop without ending the sentence ("Sen.", "Jan.")."""
    data = load_yaml("abbreviations.yaml")
    return frozenset(str(w).casefold() for w in (*data["abbreviations"], *data["titles"]))


@cache
def reporting_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """(all reporting verbs of quotes.yaml, those that also introduce indirect speech): read by
    the quote stage, and by the actor stage to find speakers the tagger missed."""
    cues = load_yaml("quotes.yaml")["cues"]
    return (
        frozenset(c["lemma"] for c in cues),
        frozenset(c["lemma"] for c in cues if c.get("indirect")),
    )


@cache
def title_abbreviations() -> tuple[str, ...]:
    """Titles written with a full stop before a name, as written ("Brig", "Lt", "Amb")."""
    return tuple(str(w) for w in load_yaml("abbreviations.yaml")["titles"])


def is_abbreviation(word: str) -> bool:
    """Is the word before a full stop a short form rather than a sentence's last word? A listed
    abbreviation ("Sen"), an initial ("J") or a dotted form ("U.S")."""
    word = word.rstrip(".")
    return len(word) == 1 or "." in word or word.casefold() in abbreviations()
