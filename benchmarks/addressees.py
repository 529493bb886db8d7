"""How often the addressee parley takes from the context agrees with the one a sentence names.

events/addressee.py gives a demand, appeal, rebuke, rejection or threat whose sentence names no
target the one other party the sentences before it leave (``target_basis: "context"``). No gold
set has targets across sentences, so this measures the rule where the answer is known: every such
event (CAMEO 02, 10–13) whose own sentence names a target in another country is asked again as if
it had named none, and the country the rule picks (when it picks one) is compared with the named
target's. The named targets are parley's own (their country is right about 0.79 of the time on the
PLOVER gold), so agreement is a measure of the rule, not an accuracy. Also counted: how many
events without a named target the rule gives one. Articles: AllSides articles that read like wire
copy on diplomacy (the selection benchmarks/speakers.py makes).

Usage: python benchmarks/addressees.py [--shared ../shared] [--scan 10000] [--articles 400]
       [--show 10]
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import replace
from pathlib import Path

from _common import DEFAULT_SHARED, shared_path
from parley import focus, nlp
from parley.events.addressee import eligible, other_party
from parley.ingest.files import record_to_article
from parley.pipeline import clean_stream, code_layers
from parley.records import Article
from speakers import diplomacy_rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--scan", type=int, default=10000, help="corpus records to look through")
    parser.add_argument("--articles", type=int, default=400, help="diplomacy articles to code")
    parser.add_argument("--show", type=int, default=0, help="print this many context addressees")
    args = parser.parse_args()
    path = shared_path(args.shared, "corpora/allsides_10k.jsonl.gz")
    rows = diplomacy_rows(path, args.scan, args.articles)
    raw = [a for row in rows for a in record_to_article(row, path.name, str(path))]
    cleaned = [a for a in clean_stream(raw) if isinstance(a, Article) and not a.duplicate_of]
    cue = focus.cues()
    counts: Counter[str] = Counter()
    shown = 0
    texts = (focus.focus(a.text, cue) for a in cleaned)
    for article, parsed in zip(cleaned, nlp.parse(texts), strict=True):
        parsed = replace(parsed, text=article.text)
        layer, _, events = code_layers(article, parsed)
        for event in events:
            source = event.source.country
            if not eligible(event) or source is None:
                continue
            if event.target_basis == "context":
                counts["given"] += 1
                if shown < args.show:
                    shown += 1
                    print(f"  {event.source.text} -> {event.target.text} [{event.cameo}]")
                    print(f"    {event.sentence[:160]}")
            elif event.target_basis is None:
                counts["untargeted"] += 1
            target = event.target.country
            if event.target_basis != "sentence" or target is None or target == source:
                continue
            counts["named"] += 1
            party = other_party(parsed, layer.mentions, event.start, source)
            if party is not None:
                counts["picked"] += 1
                counts["agree"] += party.country == target
    print(f"articles              {len(cleaned)} ({len(rows)} selected of {args.scan} scanned)")
    print(f"events with a named foreign target   {counts['named']}")
    print(
        f"  the rule picks a party for          {counts['picked']}"
        f"  ({counts['picked'] / max(counts['named'], 1):.3f})"
    )
    print(
        f"  the party agrees with the named one {counts['agree']}"
        f"  ({counts['agree'] / max(counts['picked'], 1):.3f})"
    )
    without = counts["given"] + counts["untargeted"]
    print(
        f"events without a named target        {without}, given one from the context:"
        f" {counts['given']} ({counts['given'] / max(without, 1):.3f})"
    )


if __name__ == "__main__":
    main()
