"""Events and actors against the PLOVER gold-standard records (plover_gsr.jsonl).

Each gold record is one sentence, fed to parley as a one-sentence article dated with the record's
``date``. Measured:
- event-type recall: the gold PLOVER type is among the types parley codes for the sentence
  (negated events included: the gold marks what the sentence is about);
- type precision: the share of parley's coded types (one per distinct type per sentence) equal to
  the sentence's gold type — coding every type everywhere scores low here. A sentence the gold
  repeats with several events counts once, right for any of its gold types; parley codes a
  repeated text once (the repeat is stored as a duplicate of the first copy) and the repeat is
  scored with the first copy's events;
- actor country accuracy: for each gold source/target actor text, the country of the parley
  mention that overlaps it (CAMEO's JAP/ITL/… mapped to ISO; IGO and NGO count as right when
  parley resolves the text to an organisation of that sector or to someone acting in that sector —
  "Kofi Annan" IGO —, IMG to any non-state group). A discontinuous gold text ("U.S. ...
  negotiators", "NATO  peacekeeping troops") is looked up by its first piece, and an organisation
  without a country (an NGO) can be the overlapping mention;
- event source and target country: for each sentence whose gold type parley codes, whether an
  event of that type has a gold source's (target's) country as its source (target), by the same
  rules; scored only where the gold names an actor with a code in that role (PLOVER's gold often
  names a place as the target: "in Tel Aviv", ISR).

Usage: python benchmarks/plover_gold.py [--shared ../shared] [--misses 10] [--lexicon FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from _common import DEFAULT_SHARED, shared_path
from parley.actors.kb import load as load_kb
from parley.pipeline import Options, code_articles
from parley.records import ActorRef, Article, CodedArticle, Event, Mention

# CAMEO's own country codes where they differ from ISO 3166-1 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "TMP": "TLS", "KSV": "XKX", "GMY": "DEU"}
ORGANISATION_CODES = frozenset({"IGO", "NGO", "IMG"})


def _actors(value: Any) -> list[dict[str, Any]]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


# The gold marks a discontinuous actor text with "..." or a run of spaces ("U.S. ... negotiators",
# "NATO  peacekeeping troops"): its first piece is where to look.
_GAP = re.compile(r"\s*\.\.\.?\s*|\s{2,}")


def _mention_for(text: str, actor_text: str, mentions: list[Mention]) -> Mention | None:
    words = _GAP.split(actor_text.strip())[0].split()
    # Some gold texts shorten a span the sentence writes apart ("French warships" for "French
    # and Egyptian warships"): the longest opening words that the sentence has.
    start = -1
    while words and start < 0:
        piece = " ".join(words)
        start = text.casefold().find(piece.casefold())
        words = words[:-1]
    if start < 0:
        return None
    end = start + len(piece)
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    # A mention with a country first; an organisation or sector without one (an NGO) otherwise.
    overlapping.sort(key=lambda m: m.country is None)
    return next((m for m in overlapping if m.country or m.actor_id or m.sector), None)


@cache
def _igo_codes() -> frozenset[str]:
    """The codes parley gives intergovernmental organisations in place of a country (UNO, NATO)."""
    kb = load_kb()
    return frozenset(o.code for o in kb.organisations.values() if o.sector == "IGO") - set(
        kb.countries
    )


def _country_right(gold: str, mention: Mention | ActorRef | None, actors: dict[str, Any]) -> bool:
    if mention is None:
        return False
    code = CAMEO_TO_ISO.get(gold, gold)
    if code in ORGANISATION_CODES:
        actor = actors.get(mention.actor_id or "")
        kind = actor.kind if actor else None
        if code == "IMG":
            return kind == "group" or mention.sector in ("REB", "UAF", "IMG")
        # An organisation of that kind, or anyone acting for one ("Kofi Annan", IGO; "the U.N.
        # war crimes court", whose country parley gives as the UN's code).
        return (
            mention.sector == code
            or (code == "IGO" and mention.country in _igo_codes())
            or (kind in ("organisation", "group") and (mention.sector is None or code == "IGO"))
        )
    return mention.country == code


def _score_role(
    tally: list[int], side: str, row: dict[str, Any], events: list[Event], actors: dict[str, Any]
) -> None:
    """Does an event of the gold type have a gold actor's country in the gold's role? Scored
    only where the gold names an actor with a code in that role."""
    codes = [a["code"] for a in _actors(row.get(side)) if a.get("code")]
    if not codes:
        return
    tally[1] += 1
    tally[0] += any(
        _country_right(code, getattr(e, side), actors) for e in events for code in codes
    )


def evaluate(path: Path, extra_verbs: tuple[str, ...] = (), focus: bool = True) -> dict[str, Any]:
    rows = load(path)
    articles = [
        # The gold gives two different sentences one id (PLOVER-GSR01-COERCE-0004): each row is
        # an article of its own, numbered.
        Article(id=f"{n}:{row['id']}", text=row["text"], published=row.get("date") or None)
        for n, row in enumerate(rows)
    ]
    started = time.perf_counter()
    options = Options(extra_verbs=extra_verbs, focus=focus)
    coded = {
        c.article.id: c for c in code_articles(articles, options) if isinstance(c, CodedArticle)
    }
    seconds = time.perf_counter() - started
    hits = coded_types = right_types = 0
    actor_total = actor_right = 0
    misses: list[str] = []
    confusion: Counter[tuple[str, str]] = Counter()
    # Some sentences carry several gold events (one record each): a coded type is right when it
    # is any of its sentence's gold types, and each sentence's types are counted once.
    gold_types: dict[str, set[str]] = {}
    for row in rows:
        gold_types.setdefault(row["text"], set()).add(row["event"])
    scored: set[str] = set()
    roles = {"source": [0, 0], "target": [0, 0]}  # [right, scored] per role
    for n, row in enumerate(rows):
        item = coded.get(f"{n}:{row['id']}")
        if item and item.article.duplicate_of in coded:
            # The gold repeats some sentences; parley codes a repeated text once, under its first
            # copy, and stores the repeat as a duplicate of it.
            item = coded[item.article.duplicate_of]
        types = {e.plover.type for e in item.events if e.plover.type} if item else set()
        gold = row["event"]
        hits += gold in types
        if row["text"] not in scored:
            scored.add(row["text"])
            coded_types += len(types)
            right_types += len(types & gold_types[row["text"]])
        if gold not in types:
            confusion[(gold, ",".join(sorted(types)) or "-")] += 1
            if len(misses) < 200:
                misses.append(f"{gold} ≠ {sorted(types)}: {row['text'][:110]}")
        actors = {a.id: a for a in item.actors} if item else {}
        same_type = [e for e in item.events if e.plover.type == gold] if item else []
        for side in ("source", "target") if same_type else ():
            _score_role(roles[side], side, row, same_type, actors)
        for side in ("source", "target"):
            for gold_actor in _actors(row.get(side)):
                if not gold_actor.get("actorText") or not gold_actor.get("code"):
                    continue
                actor_total += 1
                mention = _mention_for(
                    row["text"], gold_actor["actorText"], item.mentions if item else []
                )
                actor_right += _country_right(gold_actor["code"], mention, actors)
    return {
        "roles": {side: (n[0] / n[1] if n[1] else 0.0, n[1]) for side, n in roles.items()},
        "sentences": len(rows),
        "type_recall": hits / len(rows),
        "type_precision": right_types / coded_types if coded_types else 0.0,
        "actor_country_accuracy": actor_right / actor_total if actor_total else 0.0,
        "actors": actor_total,
        "sentences_per_second": len(rows) / seconds,
        "misses": misses,
        "confusion": confusion.most_common(15),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--misses", type=int, default=10)
    parser.add_argument(
        "--verbs", action="append", default=[], help="a PETRARCH verb dictionary to add"
    )
    parser.add_argument(
        "--parse-all", action="store_true", help="parse every sentence (no focus pass)"
    )
    args = parser.parse_args()
    path = shared_path(args.shared, "gold/events/plover_gsr.jsonl")
    r = evaluate(path, tuple(args.verbs), focus=not args.parse_all)
    print(f"sentences               {r['sentences']}")
    print(f"event-type recall       {r['type_recall']:.3f}")
    print(f"event-type precision    {r['type_precision']:.3f}")
    print(f"actor country accuracy  {r['actor_country_accuracy']:.3f} ({r['actors']} gold actors)")
    for side, (share, scored) in r["roles"].items():
        print(f"event {side} country    {share:.3f} ({scored} sentences, gold type coded)")
    print(f"speed                   {r['sentences_per_second']:.1f} sentences/s")
    for (gold, got), n in r["confusion"]:
        print(f"  {n:>3}  gold {gold:<10} coded {got}")
    for miss in r["misses"][: args.misses]:
        print("  miss:", miss)


if __name__ == "__main__":
    main()
