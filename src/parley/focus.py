"""Parse only what can carry an event or a quote.

The parse is most of parley's cost, and much of a news article cannot yield an event or a quote:
background, scene-setting, figures. Before the parse, a cheap pass over the text keeps the sentences
that can — those with a quotation mark, or with both a word that may name an actor and a word that
may head an event or a reporting verb — plus the neighbours coreference and quote attribution read
("He added…" needs the sentence naming him). The rest is blanked: replaced by spaces, newlines kept,
so every character offset stays the same and the parser sees one whitespace token per gap.

The test is deliberately generous (any inflection of the pattern's words, any capitalised word): a
sentence kept for nothing costs parse time, a sentence dropped wrongly costs an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from parley import nlp
from parley.actors.kb import load as load_kb
from parley.data import is_abbreviation, load_yaml
from parley.events.lexicon import load as load_lexicon
from parley.events.lexicon import with_extra
from parley.quotes import cue_lemmas

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_QUOTE_MARKS = re.compile(r"[\"“”«»„]")
# A sentence ends at . ! or ? (with any closing quotes or brackets) before space and a capital,
# a digit or an opening quote; the word before the stop decides whether it was an abbreviation.
_STOP = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w.]+)\W*$")
# A name of two or more capitalised words; its last word may later stand alone ("Sanders").
_FULL_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*)*\s+([A-Z][\w'’-]+)")
# A transcript line: a speaker label before a colon ("PESKOV: …", "Q: …").
_LABEL = re.compile(r"^[A-Z][\w .'-]{0,40}:\s")


@dataclass(frozen=True)
class Cues:
    """The words that make a sentence worth parsing, lowercased."""

    actors: frozenset[str]  # names, demonyms, seats of power, role nouns, pronouns
    referring: frozenset[str]  # pronouns and role nouns: words coreference resolves backwards
    forms: dict[str, frozenset[str]]  # an inflected form -> the lexicon lemmas it may be
    patterns: dict[str, tuple[frozenset[str], ...]]  # head lemma -> the words each pattern needs
    common: frozenset[str]  # stop words: a capitalised one opening a sentence names nobody


def cues(extra_verbs: tuple[str, ...] = ()) -> Cues:
    """The cue words for parley's lexicon, plus PETRARCH verb dictionaries added at run time."""
    return _cues(tuple(extra_verbs))


@cache
def _cues(extra_verbs: tuple[str, ...]) -> Cues:
    # Built once per process and lexicon: cues() and cues(()) share it.
    kb = load_kb()
    lexicon = with_extra(extra_verbs) if extra_verbs else load_lexicon()
    data = load_yaml("focus.yaml")
    # Names as the knowledge base spells them (capitalised: "the" in "the Kremlin" is no cue),
    # and the nouns that end a role or sector description ("spokesman", "minister", "rebels").
    names = {w.casefold() for words in kb.surface for w in words if w[:1].isupper()}
    descriptions = {phrase.split()[-1] for phrase in kb.role_phrases}
    descriptions |= {noun.casefold().split()[-1] for noun in kb.sector_nouns}
    descriptions -= nlp.stop_words()  # "adviser to" ends in "to", no description
    referring = descriptions | {str(w) for w in data["pronouns"]}
    actors = names | {s.casefold() for s in kb.surnames} | referring
    patterns: dict[str, set[frozenset[str]]] = {}
    for index in (lexicon.verbs, lexicon.nouns):
        for head, entries in index.items():
            patterns.setdefault(head, set()).update(p.needs for p in entries)
    for word in (*cue_lemmas()[0], *(str(w) for w in data["event_words"])):
        patterns.setdefault(word, set()).add(frozenset())
    lemmas = set(patterns) | {w for needs in patterns.values() for n in needs for w in n}
    forms = nlp.word_forms(lemmas)
    return Cues(
        actors=frozenset(actors),
        referring=frozenset(referring),
        forms={form: frozenset(ls) for form, ls in forms.items()},
        patterns={head: tuple(needs) for head, needs in patterns.items()},
        common=nlp.stop_words(),
    )


def sentences(paragraph: str) -> list[tuple[int, int]]:
    """Rough sentence spans of one paragraph; a missed break only keeps more text."""
    spans = []
    start = 0
    for stop in _STOP.finditer(paragraph):
        last = _LAST_WORD.search(paragraph, start, stop.start() + 1)
        if last and is_abbreviation(last.group(1)):
            continue  # "Mr.", "U.S.", an initial: not the end of a sentence
        spans.append((start, stop.end()))
        start = stop.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans


def _worth(text: str, first_in_paragraph: bool, cue: Cues) -> tuple[bool, bool, bool]:
    """Whether the sentence can carry an event or quote, whether it names an actor, and whether
    it refers back to one named earlier ("he", "the spokesman")."""
    if _QUOTE_MARKS.search(text) or (first_in_paragraph and _LABEL.match(text)):
        return True, True, True
    words = _WORD.findall(text)
    lowered = [w.casefold() for w in words]
    lemmas = {lemma for w in lowered for lemma in cue.forms.get(w, ())}
    # An event pattern can match only if its head and every word it needs are in the sentence.
    has_event = any(needs <= lemmas for head in lemmas for needs in cue.patterns.get(head, ()))
    # A capitalised word after the first may name an actor the knowledge base has never heard of.
    # The first word counts too unless it is a common word ("The", "But", "Asked").
    has_actor = any(w in cue.actors for w in lowered) or any(
        w[0].isupper() and (k or (lowered[0] not in cue.common and lowered[0] not in cue.forms))
        for k, w in enumerate(words)
    )
    refers = any(w in cue.referring for w in lowered)
    return has_event and has_actor, has_actor, refers


def kept_spans(text: str, cue: Cues | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` worth parsing, in order."""
    cue = cue or cues()
    spans: list[tuple[int, int]] = []
    worth: list[tuple[bool, bool, bool]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        body = paragraph.group()
        for k, (a, b) in enumerate(sentences(body)):
            spans.append((paragraph.start() + a, paragraph.start() + b))
            worth.append(_worth(body[a:b], k == 0, cue))
    if len(spans) <= 1:
        return spans  # a sentence given on its own (a sentence-level input) is asked about whole
    keep = [False] * len(spans)
    for k in range(len(spans)):
        # A sentence naming an actor stays when the next one refers back to it and is kept
        # ("Peskov is the Kremlin spokesman. He said…"): coreference finds the name there.
        after = worth[k + 1] if k + 1 < len(spans) else (False, False, False)
        keep[k] = worth[k][0] or (worth[k][1] and after[0] and after[2])
    # The sentence that first gives a full name stays when a kept one uses the surname alone
    # ("U.S. Sen. Bernie Sanders shares…" … "…," Sanders said).
    introduced: dict[str, int] = {}
    for k, (a, b) in enumerate(spans):
        for name in _FULL_NAME.finditer(text, a, b):
            introduced.setdefault(name.group(1), k)
    used = {w for k, (a, b) in enumerate(spans) if keep[k] for w in _WORD.findall(text, a, b)}
    for surname, k in introduced.items():
        keep[k] = keep[k] or surname in used
    return [span for k, span in enumerate(spans) if keep[k]]


def focus(text: str, cue: Cues | None = None) -> str:
    """``text`` with the sentences that cannot carry an event or quote blanked out.

    Same length, same newlines, so offsets into it are offsets into ``text``.
    """
    out = list(re.sub(r"[^\n]", " ", text))
    for a, b in kept_spans(text, cue):
        out[a:b] = text[a:b]
    return "".join(out)
