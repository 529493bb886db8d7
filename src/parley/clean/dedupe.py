"""Duplicates: the same story twice (exact) or nearly so (MinHash LSH over word shingles).

A duplicate is stored with ``duplicate_of`` pointing at the first copy, and not coded twice.
The index lives for one run and grows with it (a few hundred bytes per article).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

# Stories sharing this share of their 5-word shingles are the same story (wire copy re-run
# with a new headline or a trimmed last paragraph); rewrites of an event fall well below it.
NEAR_DUPLICATE_JACCARD = 0.8
SHINGLE_WORDS = 5
PERMUTATIONS = 64
# Texts shorter than this many words are too short to call near-duplicates safely.
MIN_WORDS = 40
_WORD = re.compile(r"\w+")


@dataclass
class Deduplicator:
    exact: dict[str, str] = field(default_factory=dict)
    _lsh: Any = None

    def _signature(self, words: list[str]) -> Any:
        from datasketch import MinHash

        signature = MinHash(num_perm=PERMUTATIONS, seed=7)
        shingles = {
            " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
            for i in range(len(words) - SHINGLE_WORDS + 1)
        }
        signature.update_batch(list(shingles))
        return signature

    def first_copy(self, article_id: str, text: str) -> str | None:
        """The id of an earlier article this text duplicates, or None (and remember it)."""
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
        if digest in self.exact and self.exact[digest] != article_id:
            return self.exact[digest]
        self.exact.setdefault(digest, article_id)
        words = [w.casefold() for w in _WORD.findall(text)]
        if len(words) < MIN_WORDS:
            return None
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=NEAR_DUPLICATE_JACCARD, num_perm=PERMUTATIONS)
        signature = self._signature(words)
        matches = [m for m in self._lsh.query(signature) if m != article_id]
        if matches:
            return str(sorted(matches)[0])
        if article_id not in self._lsh:
            self._lsh.insert(article_id, signature)
        return None
