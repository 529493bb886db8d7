"""Check parley's output on the five seed articles against ../shared/seeds/expected.yaml.

How each field is checked (as the header of expected.yaml says):
- outlet, credited_to: equal to the article's field; title: equal after normalising quotes,
  dashes and spaces; dateline: place (case-insensitive), month, day and agency equal, or no
  dateline when null.
- years: ``published_inferred.years`` (or the published year) contains true_year and lies within
  years_allowed.
- boilerplate: a line of 20+ characters must not occur in the cleaned text; a shorter line must
  not be a paragraph of it. duplicated: the text occurs exactly once. subheadings: recorded in
  ``headings`` and no event comes from them.
- quotes: some quote contains ``starts`` (normalised), its speaker's surname (last word of the
  name) matches, its kind matches, and ``speaker_text`` (when given) is how the speaker is written.
  not_quotes: no quote is just that word.
- events: some asserted (not negated) event of the article matches every field given — source and
  target surnames, countries (a list: any of them), source sector, PLOVER type (null: none),
  CAMEO prefix, date prefix or ``--MM-DD`` for date_md, issues (each among the event's),
  location name; either_direction lets source and target swap.
- must_not: no asserted event of that PLOVER type has an issue containing the words.

Usage: python benchmarks/seeds.py [--shared ../shared] [--verbose] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from _common import DEFAULT_SHARED
from parley.pipeline import Options, run
from parley.records import CodedArticle, Event, Quote

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})


def norm(text: str | None) -> str:
    return " ".join((text or "").translate(_QUOTES).replace("''", '"').split()).casefold()


def surname(name: str | None) -> str:
    words = norm(name).split()
    return words[-1] if words else ""


def _countries(value: Any) -> set[str]:
    return set(value) if isinstance(value, list) else {value}


def _event_matches(e: Event, want: dict[str, Any], swap: bool) -> bool:
    src, tgt = (e.target, e.source) if swap else (e.source, e.target)
    checks = [
        ("source", lambda v: surname(src.name) == surname(v)),
        ("target", lambda v: surname(tgt.name) == surname(v)),
        ("source_country", lambda v: src.country in _countries(v)),
        ("target_country", lambda v: tgt.country in _countries(v)),
        ("source_sector", lambda v: src.sector == v),
        ("plover", lambda v: e.plover.type == v),
        ("cameo", lambda v: e.cameo.startswith(str(v))),
        ("date", lambda v: (e.date or "").startswith(str(v))),
        ("date_md", lambda v: e.date == f"--{v}"),
        ("issues", lambda v: all(i in e.issues for i in v)),
        ("location", lambda v: e.location is not None and norm(e.location.name) == norm(v)),
    ]
    return all(check(want[key]) for key, check in checks if key in want)


def event_found(events: list[Event], want: dict[str, Any]) -> bool:
    asserted = [e for e in events if not e.negated]
    directions = (False, True) if want.get("either_direction") else (False,)
    return any(_event_matches(e, want, swap) for e in asserted for swap in directions)


def quote_found(quotes: list[Quote], want: dict[str, Any]) -> bool:
    for q in quotes:
        if norm(want["starts"]) not in norm(q.text):
            continue
        if surname(q.speaker.name) != surname(want["speaker"]) or q.kind != want["kind"]:
            continue
        if "speaker_text" in want and norm(q.speaker.text) != norm(want["speaker_text"]):
            continue
        return True
    return False


def check_document(doc: dict[str, Any], item: CodedArticle) -> dict[str, list[tuple[str, bool]]]:
    a = item.article
    text = norm(a.text)
    paragraphs = {norm(p) for p in a.text.split("\n\n")}
    results: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    results["metadata"].append((f"outlet = {doc['outlet']}", a.outlet == doc["outlet"]))
    results["metadata"].append((f"title = {doc['title']}", norm(a.title) == norm(doc["title"])))
    if "credited_to" in doc:
        results["metadata"].append(
            (f"credited_to = {doc['credited_to']}", a.credited_to == doc["credited_to"])
        )
    want_dl = doc.get("dateline")
    if want_dl is None:
        results["metadata"].append(("dateline = none", a.dateline is None))
    else:
        got = a.dateline
        ok = (
            got is not None
            and norm(got.place) == norm(want_dl["place"])
            and (
                got.month == want_dl["month"]
                and got.day == want_dl["day"]
                and got.agency == want_dl["agency"]
            )
        )
        results["metadata"].append((f"dateline = {want_dl}", ok))
    years = a.published_inferred.years if a.published_inferred else []
    if a.published:
        years = [int(a.published[:4])]
    ok = doc["true_year"] in years and set(years) <= set(doc["years_allowed"])
    results["metadata"].append(
        (f"years {years} within {doc['years_allowed']} with {doc['true_year']}", ok)
    )
    for line in doc.get("boilerplate", []):
        gone = norm(line) not in text if len(line) >= 20 else norm(line) not in paragraphs
        results["boilerplate"].append((line, gone))
    for line in doc.get("duplicated", []):
        # The headline lives in `title`, the body in `text`: together they are the article.
        whole = f"{norm(a.title)}\n{text}"
        results["duplicated"].append((line, whole.count(norm(line)) == 1))
    for heading in doc.get("subheadings", []):
        recorded = any(norm(h.text) == norm(heading) for h in a.headings)
        spans = [(h.start, h.end) for h in a.headings if norm(h.text) == norm(heading)]
        no_event = not any(
            e.start < end and start < e.end for e in item.events for start, end in spans
        )
        results["subheadings"].append((heading, recorded and no_event))
    for want in doc.get("quotes", []):
        label = f"{want['speaker']} [{want['kind']}]: {want['starts']}"
        results["quotes"].append((label, quote_found(item.quotes, want)))
    for word in doc.get("not_quotes", []):
        results["not_quotes"].append(
            (word, not any(norm(q.text) == norm(word) for q in item.quotes))
        )
    for want in doc.get("events", []):
        label = ", ".join(f"{k}={v}" for k, v in want.items() if k != "note")
        results["events"].append((label, event_found(item.events, want)))
    for rule in doc.get("must_not", []):
        bad = [
            e
            for e in item.events
            if not e.negated
            and e.plover.type == rule["plover"]
            and any(rule["issue_contains"] in issue for issue in e.issues)
        ]
        results["must_not"].append(
            (f"no asserted {rule['plover']} about {rule['issue_contains']}", not bad)
        )
    return results


def evaluate(shared: Path, focus: bool = True) -> dict[str, Any]:
    expected = yaml.safe_load((shared / "seeds" / "expected.yaml").read_text(encoding="utf-8"))
    coded: dict[str, CodedArticle] = {}
    with tempfile.TemporaryDirectory() as tmp:

        def keep(item: object) -> None:
            if isinstance(item, CodedArticle):
                coded[item.article.id] = item

        run(
            [str(shared / "seeds")],
            str(Path(tmp) / "seeds.duckdb"),
            Options(focus=focus),
            on_article=keep,
        )
    per_doc = {}
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc in expected["documents"]:
        item = coded.get(Path(doc["file"]).stem)
        if item is None:
            raise SystemExit(f"{doc['file']} was not coded")
        results = check_document(doc, item)
        per_doc[doc["file"]] = results
        for field, checks in results.items():
            totals[field][0] += sum(ok for _, ok in checks)
            totals[field][1] += len(checks)
    return {"documents": per_doc, "totals": {k: tuple(v) for k, v in totals.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--verbose", action="store_true", help="list every check, not only misses")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    parser.add_argument(
        "--parse-all", action="store_true", help="parse every sentence (no focus pass)"
    )
    args = parser.parse_args()
    if not (args.shared / "seeds" / "expected.yaml").exists():
        sys.exit(f"{args.shared}/seeds/expected.yaml not found: pass --shared PATH")
    result = evaluate(args.shared, focus=not args.parse_all)
    if args.json:
        print(json.dumps(result["totals"]))
        return
    for name, results in result["documents"].items():
        print(f"== {name}")
        for field, checks in results.items():
            for label, ok in checks:
                if args.verbose or not ok:
                    print(f"  [{'ok' if ok else 'MISS'}] {field}: {label}")
    print("\nfield            matched / expected")
    for field, (hit, total) in result["totals"].items():
        print(f"{field:<16} {hit:>3} / {total:<3}")


if __name__ == "__main__":
    main()
