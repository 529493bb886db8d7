"""Addressees from the context (events/addressee.py): whom a demand is aimed at when its sentence
names nobody, and only when the sentences before leave one other party."""

from __future__ import annotations

from parley.pipeline import code_articles
from parley.records import Article, CodedArticle, Event

DISPUTE = (
    "Washington has refused to put any limits on its missile shield. "
    "The United States says the system poses no threat to anyone. "
)


def _events(text: str) -> list[Event]:
    items = code_articles([Article(id="t", text=text, published="2013-05-10")])
    return [e for item in items if isinstance(item, CodedArticle) for e in item.events]


def _demands(text: str) -> list[Event]:
    return [e for e in _events(text) if e.cameo.startswith("10") and e.source.country == "RUS"]


def test_a_demand_that_names_no_addressee_is_aimed_at_the_other_party() -> None:
    demands = _demands(
        DISPUTE + "Russian Foreign Minister Sergei Lavrov demanded legal guarantees."
    )
    assert [(e.target.country, e.target_basis) for e in demands] == [("USA", "context")]
    assert demands[0].target.text == "The United States"  # the last mention naming the state


def test_no_addressee_when_the_context_leaves_two_parties() -> None:
    text = (
        "Washington and Paris have refused to put any limits on the missile shield. "
        "France says the system poses no threat to anyone. "
        "Russian Foreign Minister Sergei Lavrov demanded legal guarantees."
    )
    demands = _demands(text)
    assert demands and all(e.target.text is None and e.target_basis is None for e in demands)


def test_no_addressee_from_the_context_for_a_lone_sentence_or_a_named_one() -> None:
    alone = _demands("Russian Foreign Minister Sergei Lavrov demanded legal guarantees.")
    assert alone and all(e.target_basis is None for e in alone)
    named = _demands(DISPUTE + "Sergei Lavrov demanded legal guarantees from Poland.")
    assert [(e.target.country, e.target_basis) for e in named] == [("POL", "sentence")]


def test_a_clause_that_names_no_issue_is_about_what_the_clause_it_serves_is_about() -> None:
    text = (
        "Sergei Lavrov reiterated Russia's position on missile defence, stressing that Moscow "
        "only seeks legal guarantees."
    )
    demands = _demands(text)
    assert demands and all("missile defence" in e.issues for e in demands)


def test_appeals_and_a_sentence_naming_someone_else_keep_no_addressee() -> None:
    appeal = _events(DISPUTE + "Russian Foreign Minister Sergei Lavrov appealed for calm.")
    assert [e.target_basis for e in appeal if e.cameo.startswith("02")] == [None]
    # "European" is a name nobody resolved: the demand may be aimed there.
    other = _demands(DISPUTE + "Sergei Lavrov demanded guarantees before the European talks.")
    assert other and all(e.target_basis is None for e in other)
