"""Five-way event class against ../shared/gold/events/pentaclass_train.jsonl (real news sentences).

Each sentence goes through parley as a one-sentence article; its class is that of its most
confident event, from the CAMEO root: 01–02 statement (0), 03–05 verbal cooperation (1), 06–08
material cooperation (2), 09–13 verbal conflict (3), 14–20 material conflict (4). A sentence with
no event has no class and counts as a miss. Reports macro-F1 and per-class precision/recall.

Usage: python benchmarks/pentaclass.py [--shared ../shared] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from _common import DEFAULT_SHARED, shared_path
from parley.pipeline import Options, code_articles
from parley.records import Article, CodedArticle

CLASSES = (0, 1, 2, 3, 4)


def penta(cameo: str) -> int:
    root = int(cameo[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 else 4


def predict(item: CodedArticle) -> int | None:
    asserted = [e for e in item.events if not e.negated] or list(item.events)
    if not asserted:
        return None
    best = max(asserted, key=lambda e: (e.confidence, e.cameo[:2] != "01"))
    return penta(best.cameo)


def macro_f1(pairs: list[tuple[int, int | None]]) -> tuple[float, dict[int, tuple[float, float]]]:
    per_class: dict[int, tuple[float, float]] = {}
    f1s = []
    for c in CLASSES:
        tp = sum(1 for g, p in pairs if g == c and p == c)
        predicted = sum(1 for _, p in pairs if p == c)
        actual = sum(1 for g, _ in pairs if g == c)
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        per_class[c] = (precision, recall)
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(f1s) / len(f1s), per_class


def evaluate(
    path: Path,
    limit: int | None = None,
    extra_verbs: tuple[str, ...] = (),
    focus: bool = True,
) -> dict[str, Any]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    rows = rows[:limit] if limit else rows
    articles = [Article(id=row["id"], text=row["text"]) for row in rows]
    started = time.perf_counter()
    coded = code_articles(articles, Options(extra_verbs=extra_verbs, focus=focus))
    items = {c.article.id: c for c in coded if isinstance(c, CodedArticle)}
    # A text the gold repeats is coded once; the repeat (a duplicate) takes its first copy's class.
    predicted = {
        article_id: predict(items.get(item.article.duplicate_of or "", item))
        for article_id, item in items.items()
    }
    seconds = time.perf_counter() - started
    pairs = [(int(row["penta"]), predicted.get(row["id"])) for row in rows]
    f1, per_class = macro_f1(pairs)
    return {
        "sentences": len(rows),
        "macro_f1": f1,
        "per_class": per_class,
        "no_event": sum(1 for _, p in pairs if p is None) / len(pairs),
        "sentences_per_second": len(rows) / seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--verbs", action="append", default=[], help="a PETRARCH verb dictionary to add"
    )
    parser.add_argument(
        "--parse-all", action="store_true", help="parse every sentence (no focus pass)"
    )
    args = parser.parse_args()
    path = shared_path(args.shared, "gold/events/pentaclass_train.jsonl")
    r = evaluate(path, args.limit, tuple(args.verbs), focus=not args.parse_all)
    print(f"sentences        {r['sentences']}")
    print(f"macro-F1         {r['macro_f1']:.3f}")
    print(f"no event         {r['no_event']:.1%} of sentences")
    for c, (p, rec) in r["per_class"].items():
        print(f"  class {c}: precision {p:.3f} recall {rec:.3f}")
    print(f"speed            {r['sentences_per_second']:.1f} sentences/s")


if __name__ == "__main__":
    main()
