from __future__ import annotations

import datetime as dt

from parley.events import ontology, when
from parley.records import CodedArticle


def test_ontology_codes_carry_goldstein_quad_class_and_plover() -> None:
    meet = ontology.lookup("036")
    assert meet.plover.type == "AGREE" and meet.quad_class == 1
    assert ontology.lookup("010").plover.type is None
    assert ontology.lookup("190").quad_class == 4
    assert ontology.lookup("0999").code == "099" or ontology.lookup("0999").code.startswith("09")


def test_relative_dates_resolve_against_the_article_date() -> None:
    friday = when.AnchorDate(dt.date(2013, 5, 24), 2013, 5, 24, "test")
    assert when.resolve("handed over a letter on Wednesday", friday).date == "2013-05-22"
    assert when.resolve("Ushakov said last month it", friday).date == "2013-04"
    assert when.resolve("at the summit in November 2010", friday).date == "2010-11"
    no_year = when.AnchorDate(None, None, 7, 16, "dateline")
    assert when.resolve("Putin said on June 19 at the forum", no_year).date == "--06-19"
    unknown = when.resolve("during their Wednesday's telephone conversation", no_year)
    assert unknown is not None and unknown.date is None


def test_negated_discussion_is_never_asserted(seeds: dict[str, CodedArticle]) -> None:
    events = seeds["000_01fe71c477fb3836"].events
    for e in events:
        if e.plover.type == "CONSULT" and any("missile" in i for i in e.issues):
            assert e.negated


def test_headings_carry_no_events(seeds: dict[str, CodedArticle]) -> None:
    for item in seeds.values():
        for h in item.article.headings:
            assert not any(e.start < h.end and h.start < e.end for e in item.events)


def test_intent_to_meet_is_dated_when_it_was_said(seeds: dict[str, CodedArticle]) -> None:
    events = seeds["003_e7aabe6b07c08349"].events
    intents = [e for e in events if e.cameo == "036" and e.source.country == "RUS"]
    assert any(e.date == "2013-05-24" for e in intents)
