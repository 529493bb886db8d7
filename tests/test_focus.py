"""The focus pass: which sentences reach the parser, and that skipping the rest changes nothing."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS
from parley import nlp
from parley.focus import focus, sentences
from parley.ingest import read
from parley.pipeline import Options, code_articles
from parley.records import CodedArticle

ARTICLE = (
    "MOSCOW, May 12. The weather in the capital was mild. Lavrov met Kerry in Sochi on Tuesday.\n\n"
    "Markets were closed for the holiday, and traffic was light.\n\n"
    "Russian Chief of the General Staff Valery Gerasimov is 60. He warned NATO on Monday.\n\n"
    'Sen. Bernie Sanders shares a moment with a reporter. "Enough," Sanders said.'
)


def test_focus_keeps_length_offsets_and_newlines() -> None:
    focused = focus(ARTICLE)
    assert len(focused) == len(ARTICLE)
    assert [i for i, c in enumerate(focused) if c == "\n"] == [
        i for i, c in enumerate(ARTICLE) if c == "\n"
    ]
    # Whatever is kept is kept in place.
    assert all(f in (" ", a) for f, a in zip(focused, ARTICLE, strict=True))


def test_focus_keeps_events_quotes_and_what_they_lean_on() -> None:
    focused = focus(ARTICLE)
    assert "Lavrov met Kerry in Sochi" in focused  # an actor and an event verb
    assert "The weather in the capital" not in focused  # neither
    assert "Markets were closed" not in focused
    # "He warned": the sentence before names the actor coreference will find.
    assert "Valery Gerasimov is 60" in focused and "He warned NATO" in focused
    # "Sanders said" alone: the sentence that gave the full name stays for coreference.
    assert "Sen. Bernie Sanders shares a moment" in focused and '"Enough,"' in focused


def test_rough_sentences_do_not_break_after_titles_or_initials() -> None:
    text = "Sen. John F. Kennedy met Mr. Khrushchev in Vienna. U.S. officials said so."
    spans = sentences(text)
    assert [text[a:b].strip() for a, b in spans] == [
        "Sen. John F. Kennedy met Mr. Khrushchev in Vienna.",
        "U.S. officials said so.",
    ]


def test_word_forms_invert_the_lemmatizer() -> None:
    forms = nlp.word_forms(["meet", "accuse", "talk"])
    assert {"met", "meets", "meeting", "accused", "accusing", "talks", "talked"} <= forms.keys()
    assert forms["met"] == {"meet"}


def _coded(focus_on: bool) -> dict[str, CodedArticle]:
    items = code_articles(read([str(SEEDS)]), Options(focus=focus_on))
    return {c.article.id: c for c in items if isinstance(c, CodedArticle)}


def test_focused_run_codes_the_seeds_as_the_full_parse_does() -> None:
    def events(c: CodedArticle) -> set[tuple[object, ...]]:
        return {(e.start, e.cameo, e.source.actor_id, e.target.actor_id) for e in c.events}

    def quotes(c: CodedArticle) -> set[tuple[object, ...]]:
        return {(q.start, q.end, q.kind, q.speaker.actor_id) for q in c.quotes}

    focused, full = _coded(True), _coded(False)
    assert focused.keys() == full.keys() and len(focused) == len(list(Path(SEEDS).glob("*.txt")))
    for key, item in full.items():
        assert events(focused[key]) == events(item), key
        assert quotes(focused[key]) == quotes(item), key
        assert focused[key].article.text == item.article.text
