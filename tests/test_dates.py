from __future__ import annotations

from parley.clean.dates import infer_published
from parley.records import CodedArticle, Dateline


def test_office_holders_and_a_weekday_fix_the_year(seeds: dict[str, CodedArticle]) -> None:
    inferred = seeds["003_e7aabe6b07c08349"].article.published_inferred
    assert inferred is not None
    assert inferred.years == [2013]
    assert inferred.date == "2013-05-24"
    assert "Friday" in inferred.basis


def test_president_elect_narrows_to_one_year(seeds: dict[str, CodedArticle]) -> None:
    inferred = seeds["002_103c54d3dd17201f"].article.published_inferred
    assert inferred is not None and inferred.years == [2012]


def test_titles_bound_the_years_without_a_dateline(seeds: dict[str, CodedArticle]) -> None:
    inferred = seeds["001_f1da1cc87da76c54"].article.published_inferred
    assert inferred is not None
    assert 2012 in inferred.years and set(inferred.years) <= {2012, 2013, 2014, 2015, 2016}


def test_former_office_holders_do_not_constrain() -> None:
    text = "Former President Dmitry Medvedev spoke in Moscow on Tuesday about the sanctions."
    inferred = infer_published(text, None, Dateline(place="Moscow", month=3, day=1))
    assert inferred.years == []
    assert inferred.date is None


def test_nothing_in_the_text_means_no_year() -> None:
    inferred = infer_published("Rain fell on the city.", None, None)
    assert inferred.years == [] and "nothing" in inferred.basis
