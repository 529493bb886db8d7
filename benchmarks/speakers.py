"""How often a quotation's speaker is named, on diplomacy-heavy AllSides articles (no gold).

PolNeAR's speaker match only asks whether the gold source's words are in the speaker text; what
an analyst of international news needs is the speaker resolved to a person or body. This counts,
on AllSides articles that read like wire copy on diplomacy (at least three of: minister, Kremlin,
diplomat, embassy, foreign ministry, spokesman, spokeswoman, Reuters, AP), each quotation's
``speaker_basis``: named, role, coreference — or unresolved. An unresolved speaker is not always
a miss ("critics say", "a senior official said" name no one); the figure is for comparing
versions, and `--show` lists the unresolved ones to read.

Usage: python benchmarks/speakers.py [--shared ../shared] [--scan 3000] [--articles 200] [--show]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from _common import DEFAULT_SHARED, load_jsonl_gz, shared_path
from parley.ingest.files import record_to_article
from parley.pipeline import Options, code_articles
from parley.records import Article, CodedArticle

DIPLOMACY_WORDS = (
    "minister",
    "Kremlin",
    "diplomat",
    "embassy",
    "foreign ministry",
    "spokesman",
    "spokeswoman",
    "Reuters",
    "AP",
)


def diplomacy_rows(path: Path, scan: int, articles: int) -> list[dict[str, Any]]:
    """The first ``articles`` of the first ``scan`` records that use three of the words."""
    return [
        row
        for row in load_jsonl_gz(path, scan)
        if sum(word in (row.get("text") or "") for word in DIPLOMACY_WORDS) >= 3
    ][:articles]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--scan", type=int, default=3000, help="corpus records to look through")
    parser.add_argument("--articles", type=int, default=200, help="diplomacy articles to code")
    parser.add_argument("--show", action="store_true", help="list the unresolved speakers")
    args = parser.parse_args()
    path = shared_path(args.shared, "corpora/allsides_10k.jsonl.gz")
    rows = diplomacy_rows(path, args.scan, args.articles)
    articles = [
        a
        for row in rows
        for a in record_to_article(row, path.name, str(path))
        if isinstance(a, Article)
    ]
    coded = [c for c in code_articles(articles, Options()) if isinstance(c, CodedArticle)]
    basis: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    placed = 0  # resolved speakers whose country (or organisation code) is known
    for item in coded:
        for quote in item.quotes:
            basis[quote.speaker_basis] += 1
            placed += quote.speaker_basis != "unresolved" and quote.speaker.country is not None
            by_kind[(quote.kind, quote.speaker_basis)] += 1
            if args.show and quote.speaker_basis == "unresolved":
                print(f"  [{quote.kind}] {quote.speaker.text!r}: {quote.text[:80]!r}")
    total = sum(basis.values())
    print(f"articles        {len(coded)} coded ({len(rows)} selected of {args.scan} scanned)")
    print(f"quotations      {total}")
    for name in ("named", "role", "coreference", "unresolved"):
        print(f"{name:15} {basis[name]:5}  {basis[name] / max(total, 1):.3f}")
    resolved = total - basis["unresolved"]
    print(f"with a country  {placed:5}  {placed / max(resolved, 1):.3f} of the resolved")
    for kind in ("direct", "mixed", "indirect"):
        kind_total = sum(n for (k, _), n in by_kind.items() if k == kind)
        resolved = kind_total - by_kind[(kind, "unresolved")]
        print(f"{kind:8} resolved {resolved / max(kind_total, 1):.3f} of {kind_total}")


if __name__ == "__main__":
    main()
