"""Quotes against PolNeAR attributions (../shared/gold/quotes/polnear/dev, brat standoff).

Each article's text goes through parley; one annotator's file per article is the gold (the first
by name when several annotated it). A parley quote matches a gold attribution when their content
words overlap with F1 >= 0.5 (matching is one-to-one, best overlap first). Reported: precision,
recall and F1 over all attributions; recall on direct quotes (gold content with a quotation
mark); speaker match on matched pairs — a word of the gold source (titles and function words
aside, unless the source is nothing else: "The president") is among the words of parley's
speaker text or name, case-insensitively.

Usage: python benchmarks/polnear.py [--shared ../shared] [--limit N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import DEFAULT_SHARED
from parley.pipeline import Options, code_articles
from parley.records import Article, CodedArticle, Quote

MATCH_F1 = 0.5
_WORD = re.compile(r"\w+")
_QUOTE_MARKS = re.compile(r"[\"“”]|''")
_SPAN_LINE = re.compile(r"T\d+\t")
_EVENT_LINE = re.compile(r"E\d+\t")


@dataclass(frozen=True)
class Gold:
    content: str
    source: str


def words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def overlap_f1(a: Counter[str], b: Counter[str]) -> float:
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def _span_text(text: str, spans: str) -> str:
    pieces = []
    for part in spans.split(";"):
        start, end = (int(x) for x in part.split())
        pieces.append(text[start:end])
    return " ".join(pieces)


def read_gold(ann: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, str]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        # A span whose text runs over a line break continues on a line of its own ("The number
        # of people…" in one train file): only "T<n>\t" starts a span.
        if _SPAN_LINE.match(line):
            tid, info, _ = line.split("\t", 2)
            kind, offsets = info.split(" ", 1)
            spans[tid] = (kind, _span_text(text, offsets))
        elif _EVENT_LINE.match(line):
            _, args = line.split("\t", 1)
            relations.append(dict(arg.split(":", 1) for arg in args.split()))
    gold = []
    for relation in relations:
        content = spans.get(relation.get("Content", ""), ("", ""))[1]
        source = spans.get(relation.get("Source", ""), ("", ""))[1]
        if content.strip():
            gold.append(Gold(content=content, source=source))
    return gold


# Words of a gold source that do not identify anyone.
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "in",
        "for",
        "to",
        "gov",
        "sen",
        "rep",
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "r",
        "d",
    ]
)


def speaker_matches(gold: Gold, quote: Quote) -> bool:
    """The gold source's words (titles and function words aside) meet the speaker's text or name."""
    speaker = set(
        _WORD.findall(" ".join(filter(None, (quote.speaker.text, quote.speaker.name))).casefold())
    )
    written = set(_WORD.findall(gold.source.casefold()))
    # A source that is only a title ("The president") is compared whole: its words are all it has.
    source = (written - _NOT_NAMES) or written
    return bool(source & speaker)


def _pairs(golds: list[Gold], quotes: list[Quote]) -> list[tuple[Gold, Quote]]:
    scored = sorted(
        (
            (overlap_f1(words(g.content), words(q.text)), gi, qi)
            for gi, g in enumerate(golds)
            for qi, q in enumerate(quotes)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_q: set[int] = set()
    pairs = []
    for f1, gi, qi in scored:
        if f1 < MATCH_F1:
            break
        if gi in used_g or qi in used_q:
            continue
        used_g.add(gi)
        used_q.add(qi)
        pairs.append((golds[gi], quotes[qi]))
    return pairs


def evaluate(folder: Path, limit: int | None = None, focus: bool = True) -> dict[str, Any]:
    texts = sorted((folder / "text").glob("*.txt"))[:limit]
    gold_by_id: dict[str, list[Gold]] = {}
    articles = []
    for path in texts:
        anns = sorted((folder / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        gold_by_id[path.stem] = read_gold(anns[0], text)
        articles.append(Article(id=path.stem, text=text, published=path.stem.split("_")[1]))
    started = time.perf_counter()
    coded = {
        c.article.id: c
        for c in code_articles(articles, Options(focus=focus))
        if isinstance(c, CodedArticle)
    }
    seconds = time.perf_counter() - started
    n_gold = n_pred = n_match = n_direct = n_direct_match = n_speaker = 0
    for article_id, golds in gold_by_id.items():
        item = coded.get(article_id)
        # A repeated article is stored as a duplicate of its first copy and not coded twice:
        # what parley holds for it are the first copy's quotes.
        first = coded.get(item.article.duplicate_of or "") if item is not None else None
        quotes = (first or item).quotes if item is not None else []
        pairs = _pairs(golds, quotes)
        n_gold += len(golds)
        n_pred += len(quotes)
        n_match += len(pairs)
        n_speaker += sum(speaker_matches(g, q) for g, q in pairs)
        direct = [g for g in golds if _QUOTE_MARKS.search(g.content)]
        n_direct += len(direct)
        matched = {id(g) for g, _ in pairs}
        n_direct_match += sum(1 for g in direct if id(g) in matched)
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    return {
        "articles": len(articles),
        "gold": n_gold,
        "predicted": n_pred,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "direct_recall": n_direct_match / n_direct if n_direct else 0.0,
        "speaker_match": n_speaker / n_match if n_match else 0.0,
        "ms_per_article": 1000 * seconds / max(1, len(articles)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--parse-all", action="store_true", help="parse every sentence (no focus pass)"
    )
    args = parser.parse_args()
    folder = args.shared / "gold" / "quotes" / "polnear" / "dev"
    if not folder.exists():
        sys.exit(f"{folder} not found: pass --shared PATH")
    r = evaluate(folder, args.limit, focus=not args.parse_all)
    print(
        f"articles        {r['articles']} ({r['gold']} gold attributions, {r['predicted']} quotes)"
    )
    print(f"precision       {r['precision']:.3f}")
    print(f"recall          {r['recall']:.3f}")
    print(f"F1              {r['f1']:.3f}")
    print(f"direct recall   {r['direct_recall']:.3f}")
    print(f"speaker match   {r['speaker_match']:.3f}")
    print(f"speed           {r['ms_per_article']:.0f} ms/article (whole pipeline)")


if __name__ == "__main__":
    main()
