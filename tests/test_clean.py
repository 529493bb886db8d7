from __future__ import annotations

from parley.clean import clean_article
from parley.clean.metadata import parse_dateline
from parley.clean.normalize import normalize
from parley.records import Article, CodedArticle


def test_normalize_keeps_quotes_and_dashes_but_not_odd_spaces() -> None:
    assert normalize("the\u00a0US\u200b “ABM” — systems\x07") == "the US “ABM” — systems"


def test_wire_datelines() -> None:
    cases = {
        "MOSCOW, July 16. /TASS/. The deployment": ("Moscow", 7, 16, "TASS"),
        "BOCHAROV RUCHEI, May 24 (RIA Novosti) - Presidents": (
            "Bocharov Ruchei",
            5,
            24,
            "RIA Novosti",
        ),
        "SALVADOR, Feb 26 - Brazil's": ("Salvador", 2, 26, None),
        "WASHINGTON (Reuters) - The": ("Washington", None, None, "Reuters"),
        "SEOUL, March 26 (AFP) - North": ("Seoul", 3, 26, "AFP"),
    }
    for text, (place, month, day, agency) in cases.items():
        found = parse_dateline(text)
        assert found is not None, text
        dateline, end = found
        assert (dateline.place, dateline.month, dateline.day, dateline.agency) == (
            place,
            month,
            day,
            agency,
        )
        assert text[end:][:1].isupper()
    assert parse_dateline("NATO said the alliance needed it.") is None


def test_boilerplate_is_removed_with_its_reason_and_nothing_else(
    seeds: dict[str, CodedArticle],
) -> None:
    article = seeds["003_e7aabe6b07c08349"].article
    removed = {r.text: r.reason for r in article.removed}
    assert "Subscribe" in removed and "loader" in removed
    assert "Заголовок открываемого материала" in removed
    assert "another script" in removed["Заголовок открываемого материала"]
    assert article.text.count("will meet at a G8 summit in June") == 1
    assert article.text.count("BOCHAROV RUCHEI, May 24") == 1  # the fuller copy is kept
    assert article.title == "Putin, Obama to Meet in June, September - Kremlin"


def test_sidebar_headlines_go_with_their_sidebar(seeds: dict[str, CodedArticle]) -> None:
    article = seeds["001_f1da1cc87da76c54"].article
    assert "Azerbaijani" not in article.text
    assert "Kaliningrad exclave" in article.text
    assert any(r.text == "Top stories" for r in article.removed)


def test_subheadings_are_structure(seeds: dict[str, CodedArticle]) -> None:
    article = seeds["000_01fe71c477fb3836"].article
    headings = [h.text for h in article.headings]
    assert "Russia-US dialogue on Syria continues" in headings
    for h in article.headings:
        assert article.text[h.start : h.end] == h.text


def test_title_given_by_the_input_wins_and_is_not_repeated_in_the_body() -> None:
    raw = Article(
        id="x",
        title="Talks in Sochi",
        text="Talks in Sochi\n\nLavrov met Kerry in Sochi on Tuesday.",
    )
    cleaned = clean_article(raw)
    assert isinstance(cleaned, Article)
    assert cleaned.title == "Talks in Sochi"
    assert cleaned.text == "Lavrov met Kerry in Sochi on Tuesday."


def test_near_duplicates_point_at_the_first_copy() -> None:
    from parley.clean.dedupe import Deduplicator

    story = " ".join(
        f"Paragraph {n}: Russian President Vladimir Putin and US President Barack Obama will meet "
        "at a G8 summit in June and during the US president's visit to Russia in September, a "
        "Kremlin aide said on Friday, adding that the two leaders would discuss missile defence."
        for n in range(4)
    )
    dedupe = Deduplicator()
    assert dedupe.first_copy("a", story) is None
    assert dedupe.first_copy("b", story) == "a"
    assert dedupe.first_copy("c", story.replace("Friday", "Saturday")) == "a"
    other = "Lavrov and Kerry discussed Ukraine in Sochi for four hours on Tuesday. " * 4
    assert dedupe.first_copy("d", other) is None


def test_lines_recurring_across_an_outlet_are_learnt_as_chrome() -> None:
    from parley.pipeline import clean_stream

    raws = [
        Article(
            id=f"n{i}",
            outlet="Daily Example",
            text=f"Story number {i} says Putin met Obama in city {i} on a day of talks.\n"
            "Daily Example — independent since 1901\n"
            f"Officials said talks {i} would continue next week in another place.",
        )
        for i in range(8)
    ]
    cleaned = [a for a in clean_stream(raws) if isinstance(a, Article)]
    assert "independent since 1901" in cleaned[0].text  # nothing learnt yet
    last = cleaned[-1]
    assert "independent since 1901" not in last.text
    assert any("recurs in" in r.reason for r in last.removed)
