"""The ordered stages: ingest → clean → parse → actors → quotes → events (→ store).

``code_articles`` streams: articles go through spaCy in batches, and each coded article comes out
as soon as its batch is parsed, so memory does not grow with the input. A failure in any stage is
reported for that article only; the batch goes on.
"""

from __future__ import annotations

import hashlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from parley import focus, nlp
from parley.actors import ActorLayer
from parley.actors.resolve import resolve_actors
from parley.clean import clean_article
from parley.clean.dedupe import Deduplicator
from parley.clean.learn import ChromeLearner
from parley.errors import E, Problem
from parley.events.coder import code_events
from parley.events.lexicon import with_extra
from parley.ingest.files import Fields
from parley.quotes import extract_quotes, quote_spans
from parley.records import Article, CodedArticle, Event, Quote

log = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class Options:
    """How a run behaves. Defaults suit a laptop; every field is keyword-only."""

    batch_size: int = nlp.BATCH_SIZE
    workers: int = 1  # processes parsing and coding on this machine; same records for any number
    extra_verbs: tuple[str, ...] = ()  # PETRARCH-format verb dictionaries to add to the lexicon
    focus: bool = True  # parse only the sentences that can carry an event or quote (focus.py)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")


@dataclass
class Summary:
    articles: int = 0
    resumed: int = 0  # already coded by an earlier run of the same input, left as they were
    duplicates: int = 0
    mentions: int = 0
    quotes: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)

    def add(self, item: CodedArticle | Problem) -> None:
        if isinstance(item, Problem):
            self.problems.append(item)
            return
        self.articles += 1
        self.duplicates += item.article.duplicate_of is not None
        self.mentions += len(item.mentions)
        self.quotes += len(item.quotes)
        self.events += len(item.events)


def warm_up() -> None:
    """Load what every run needs (the model, the knowledge base, the lexicon, the focus cues)
    now rather than inside the first batch: workers call this as they start, and benchmarks
    before timing, as the model's own loading is not timed."""
    from parley.actors.kb import load as load_kb
    from parley.clean.dates import office_holder_names
    from parley.clean.dedupe import Deduplicator
    from parley.events.lexicon import load as load_lexicon
    from parley.geo import gazetteer

    nlp.load()
    office_holder_names(load_kb())
    load_lexicon()
    focus.cues()
    gazetteer()
    Deduplicator().first_copy("warm-up", "word " * 50)  # imports datasketch


def _where(article: Article) -> str:
    return article.source or article.id


def code_layers(
    article: Article, parsed: nlp.Parsed, options: Options | None = None
) -> tuple[ActorLayer, list[Quote], list[Event]]:
    """Actors, quotes and events of one cleaned, parsed article, with the actor layer itself
    (its mentions carry what the records leave out: token spans and how each was resolved)."""
    extra = options.extra_verbs if options else ()
    quoted = [(span.start, span.end) for span in quote_spans(parsed.text)]
    layer = resolve_actors(parsed, article, quoted=quoted)
    quotes = extract_quotes(parsed, layer, article.id)
    events = code_events(parsed, layer, article, quotes, with_extra(extra) if extra else None)
    return layer, quotes, events


def code_parsed(
    article: Article, parsed: nlp.Parsed, options: Options | None = None
) -> CodedArticle:
    """Actors, quotes and events of one cleaned, parsed article."""
    layer, quotes, events = code_layers(article, parsed, options)
    return CodedArticle(
        article=article,
        mentions=layer.records(article.id),
        actors=list(layer.actors),
        quotes=quotes,
        events=events,
    )


def clean_stream(items: Iterable[Article | Problem]) -> Iterator[Article | Problem]:
    """Clean raw articles in order, learning outlet chrome and marking duplicates as it goes."""
    dedupe = Deduplicator()
    chrome = ChromeLearner()
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        try:
            cleaned = clean_article(item, learned=chrome.known(item))
            chrome.observe(item)
            if isinstance(cleaned, Article):
                first = dedupe.first_copy(cleaned.id, cleaned.text)
                if first is not None:
                    cleaned = cleaned.model_copy(update={"duplicate_of": first})
        except Exception as exc:  # one article's failure must not stop the batch
            log.exception("clean failed for %s", _where(item))
            yield Problem(_where(item), E.E010.format(where=_where(item), detail=f"clean: {exc}"))
            continue
        yield cleaned


def text_digest(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()  # matches DuckDB's md5()


def _skip_done(
    stream: Iterable[Article | Problem],
    done: Mapping[str, str],
    on_skip: Callable[[Article], None] | None,
) -> Iterator[Article | Problem]:
    for item in stream:
        if isinstance(item, Article) and done.get(item.id) == text_digest(item.text):
            if on_skip:
                on_skip(item)
            continue
        yield item


def code_articles(
    items: Iterable[Article | Problem],
    options: Options | None = None,
    *,
    done: Mapping[str, str] | None = None,
    on_skip: Callable[[Article], None] | None = None,
) -> Iterator[CodedArticle | Problem]:
    """Stream raw articles (and ingest problems) through every stage.

    ``done`` maps the ids of articles already coded to their text's digest: those whose cleaned
    text is unchanged are skipped (a resumed run), and counted by the caller.
    """
    options = options or Options()
    stream = clean_stream(items)
    if done:
        stream = _skip_done(stream, done, on_skip)
    # Items wait here, in input order, while their articles are parsed and coded; the parser (or
    # the worker processes) serves the whole stream.
    waiting: deque[Article | Problem] = deque()

    def to_code() -> Iterator[Article]:
        for item in stream:
            waiting.append(item)
            if isinstance(item, Article) and _needs_parse(item):
                yield item

    def flush_unparsed() -> Iterator[CodedArticle | Problem]:
        while waiting and not _needs_parse(waiting[0]):
            item = waiting.popleft()
            yield item if isinstance(item, Problem) else CodedArticle(article=item)

    if options.workers > 1:
        from parley.engines.local import code_in_processes

        coded = code_in_processes(to_code(), options)
    else:
        coded = code_stream(to_code(), options)
    for result in coded:
        yield from flush_unparsed()
        waiting.popleft()  # the article this result belongs to: the next one waiting
        yield result
    yield from flush_unparsed()


def code_stream(articles: Iterable[Article], options: Options) -> Iterator[CodedArticle | Problem]:
    """Parse and code cleaned articles in this process, in order, one result per article; a
    failure is reported for its article only. With ``options.focus`` the parser sees only what
    can carry events and quotes, the rest blanked (offsets unchanged)."""
    queue: deque[Article] = deque()
    cue = focus.cues(options.extra_verbs) if options.focus else None

    def texts() -> Iterator[str]:
        for article in articles:
            queue.append(article)
            yield focus.focus(article.text, cue) if cue else article.text

    for parsed in nlp.parse(texts(), batch_size=options.batch_size):
        article = queue.popleft()
        # Every later stage reads the article's whole text; the blanks were for the parser only.
        parsed = replace(parsed, text=article.text)
        try:
            yield code_parsed(article, parsed, options)
        except Exception as exc:  # one article's failure must not stop the batch
            log.exception("coding failed for %s", _where(article))
            yield Problem(_where(article), E.E010.format(where=_where(article), detail=str(exc)))


def _needs_parse(item: Article | Problem) -> bool:
    """Problems are reported and duplicates stored as they are: only the rest is parsed."""
    return isinstance(item, Article) and item.duplicate_of is None


def run(
    inputs: Iterable[str],
    db: str,
    options: Options | None = None,
    *,
    fields: Fields | None = None,
    resume: bool = False,
    on_article: Callable[[CodedArticle | Problem], None] | None = None,
) -> Summary:
    """Code inputs (files, folders, JSONL) into the database at ``db``; report what happened.

    Articles are committed a batch at a time, so an interrupted run keeps what it finished.
    """
    from parley.ingest import read
    from parley.store import Store

    options = options or Options()
    summary = Summary()
    with Store(db) as store:
        done = store.digests() if resume else None
        pending: list[CodedArticle] = []

        def skipped(_: Article) -> None:
            summary.resumed += 1

        items = code_articles(read(inputs, fields), options, done=done, on_skip=skipped)
        for item in items:
            summary.add(item)
            if on_article:
                on_article(item)
            if isinstance(item, CodedArticle):
                pending.append(item)
                if len(pending) >= options.batch_size:
                    store.write(pending)
                    log.info("committed %d articles to %s", len(pending), db)
                    pending = []
        store.write(pending)
        log.info("committed %d articles to %s", len(pending), db)
    return summary
