"""The model's rule components, run faster with the same result (part of the door in nlp.py).

en_core_web_sm ships an ``attribute_ruler`` of 179 token patterns (tag map, pronoun morphology,
auxiliaries…) run through spaCy's general ``Matcher``: about a tenth of the model's time on news
text, most of it spent matching the same patterns against the same words again. A token's match
depends only on its signature — lower-cased form, tag, dependency label, is-space — and a news
article repeats a few hundred signatures, so each signature is matched once per process and the
merged attributes are written back column-wise. The patterns, their order and the attributes
come from the model's own ruler; only how they are applied changes.

Its rule lemmatizer already remembers each (word, POS, morphology) it has seen, but walks every
token in Python to ask; ``ColumnLemmatizer`` asks once per distinct triple, through the same
lemmatizer and its memory, and writes the lemmas column-wise. tests/test_nlp.py checks both
against the model's own components.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy

# Cython, without type stubs.
from spacy.attrs import (  # type: ignore[import-not-found]
    DEP,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    ORTH,
    POS,
    TAG,
)
from spacy.tokens import Doc

_Predicate = Callable[[tuple[str, str, str, bool]], bool]
# What a signature is matched on, in this order: (lower, tag, dep, is_space).
_FIELDS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_WRITTEN = [TAG, POS, MORPH, LEMMA, DEP]
# Stands for every word that no rule names: no string hash is 1, no word is this string.
_OTHER = 1
_OTHER_WORD = "\x00"


def _words(spec: Any) -> list[str]:
    """The words a LOWER condition names (equality or IN)."""
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict):
        return [w for op, value in spec.items() if op in ("IN", "NOT_IN") for w in value]
    return []


def _predicate(field: int, condition: Any) -> _Predicate:
    if isinstance(condition, dict):
        ((op, value),) = condition.items()
        if op == "IN":
            allowed = frozenset(value)
            return lambda sig: sig[field] in allowed
        if op == "NOT_IN":
            banned = frozenset(value)
            return lambda sig: sig[field] not in banned
        if op == "REGEX":
            regex = re.compile(value)
            return lambda sig: bool(regex.search(str(sig[field])))
        raise ValueError(f"attribute ruler: operator {op!r} is not supported")
    return lambda sig: sig[field] == condition


def _token_test(spec: dict[str, Any]) -> _Predicate:
    unknown = set(spec) - set(_FIELDS)
    if unknown:
        raise ValueError(f"attribute ruler: token attributes {sorted(unknown)} are not supported")
    tests = [_predicate(_FIELDS[key], value) for key, value in spec.items()]
    return lambda sig: all(test(sig) for test in tests)


class FastAttributeRules:
    """Apply an ``AttributeRuler``'s patterns with the result spaCy's own component gives."""

    def __init__(self, ruler: Any) -> None:
        self.strings = ruler.vocab.strings
        # (rule id, one test per token of the pattern, which token gets the attributes)
        # Single-token rules, filed under the tag or word they require (most name one), so a
        # new signature is tested against a handful of rules rather than all of them.
        self.by_tag: dict[str, list[tuple[int, _Predicate]]] = {}
        self.by_lower: dict[str, list[tuple[int, _Predicate]]] = {}
        self.anywhere: list[tuple[int, _Predicate]] = []
        self.multi: list[tuple[int, list[_Predicate], int]] = []
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tests = [_token_test(spec) for spec in pattern]
                if len(tests) == 1:
                    self._file(rule, pattern[0], tests[0])
                else:
                    self.multi.append((rule, tests, entry["index"]))
        self.attrs: list[dict[int, int]] = [dict(a) for a in ruler.attrs]
        # Per signature seen: its number, the single-token rules it matches, the multi-token
        # patterns its word may start, and which multi-token pattern positions accept it.
        self._ids: dict[tuple[int, ...], int] = {}
        # Words no rule names or matches by regex all look alike to the rules: one class.
        self._named = {w for spec in self._lower_specs(ruler) for w in _words(spec)}
        self._regexes = [
            re.compile(spec["REGEX"])
            for spec in self._lower_specs(ruler)
            if isinstance(spec, dict) and "REGEX" in spec
        ]
        self._word_class: dict[int, int] = {}
        self._single: list[tuple[int, ...]] = []
        self._starts: list[tuple[int, ...]] = []
        self._accepts: list[tuple[bool, ...]] = []
        # Row per signature: the values its single-token rules write, and where they write.
        self._values = numpy.zeros((256, len(_WRITTEN)), dtype="uint64")
        self._masks = numpy.zeros((256, len(_WRITTEN)), dtype=bool)

    @staticmethod
    def _lower_specs(ruler: Any) -> list[Any]:
        return [
            spec["LOWER"]
            for entry in ruler.patterns
            for pattern in entry["patterns"]
            for spec in pattern
            if "LOWER" in spec
        ]

    def _classify(self, lower: int) -> int:
        word = self.strings[lower]
        named = word in self._named or any(r.search(word) for r in self._regexes)
        self._word_class[lower] = found = lower if named else _OTHER
        return found

    def _file(self, rule: int, spec: dict[str, Any], test: _Predicate) -> None:
        for key, index in (("TAG", self.by_tag), ("LOWER", self.by_lower)):
            value = spec.get(key)
            if isinstance(value, dict) and set(value) == {"IN"}:
                for each in value["IN"]:
                    index.setdefault(each, []).append((rule, test))
                return
            if isinstance(value, str):
                index.setdefault(value, []).append((rule, test))
                return
        self.anywhere.append((rule, test))

    def _merged(self, rules: Iterable[int]) -> dict[int, int]:
        """Attribute values for a token matched by these rules: later rules win, as in spaCy."""
        values: dict[int, int] = {}
        for rule in sorted(rules):
            values.update(self.attrs[rule])
        return values

    def _add(self, key: tuple[int, ...]) -> int:
        lower, tag, dep, space = key
        word = self.strings[lower] if lower != _OTHER else _OTHER_WORD
        sig = (word, self.strings[tag], self.strings[dep], bool(space))
        filed = self.by_tag.get(sig[1], []) + self.by_lower.get(sig[0], []) + self.anywhere
        single = tuple(sorted(rule for rule, test in filed if test(sig)))
        accepts = tuple(test(sig) for _, tests, _ in self.multi for test in tests)
        firsts, offset = [], 0
        for number, (_, tests, _) in enumerate(self.multi):
            if accepts[offset]:
                firsts.append(number)
            offset += len(tests)
        ident = len(self._single)
        if ident == len(self._values):
            self._values = numpy.concatenate([self._values, numpy.zeros_like(self._values)])
            self._masks = numpy.concatenate([self._masks, numpy.zeros_like(self._masks)])
        for attr, value in self._merged(single).items():
            self._values[ident, _WRITTEN.index(attr)] = value
            self._masks[ident, _WRITTEN.index(attr)] = True
        self._single.append(single)
        self._starts.append(tuple(firsts))
        self._accepts.append(accepts)
        self._ids[key] = ident
        return ident

    def _multi_matches(self, ids: list[int]) -> dict[int, list[int]]:
        """Token index -> rules of multi-token patterns that put their attributes on it."""
        offsets = numpy.cumsum([0] + [len(tests) for _, tests, _ in self.multi]).tolist()
        extra: dict[int, list[int]] = {}
        for start, ident in enumerate(ids):
            for number in self._starts[ident]:
                rule, tests, index = self.multi[number]
                size, base = len(tests), offsets[number]
                if start + size > len(ids):
                    continue
                if all(self._accepts[ids[start + k]][base + k] for k in range(1, size)):
                    target = start + index if index >= 0 else start + size + index
                    extra.setdefault(target, []).append(rule)
        return extra

    def __call__(self, doc: Doc) -> Doc:
        classes, known = self._word_class, self._ids
        keys = [
            (classes.get(lower) or self._classify(lower), tag, dep, space)
            for lower, tag, dep, space in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        ]
        ids = [known[k] if k in known else self._add(k) for k in keys]
        columns: Any = doc.to_array(_WRITTEN)  # uint64 hashes; thinc's stubs say floats
        rows = numpy.asarray(ids, dtype="int64")
        masks = self._masks[rows]
        columns[masks] = self._values[rows][masks]
        for token, rules in self._multi_matches(ids).items():
            for attr, value in self._merged([*self._single[ids[token]], *rules]).items():
                columns[token, _WRITTEN.index(attr)] = value
        doc.from_array(_WRITTEN, columns)
        return doc


class ColumnLemmatizer:
    """A rule lemmatizer's lemmas, asked once per (word, POS, morphology) and written at once."""

    def __init__(self, lemmatizer: Any) -> None:
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise ValueError("ColumnLemmatizer wraps a rule lemmatizer that keeps set lemmas")
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        known, strings = self._lemmas, doc.vocab.strings
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas: Any = columns[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma:  # set by the attribute rules, which the lemmatizer leaves alone
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                found = known[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc
