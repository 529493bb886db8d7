"""The records at the joints of the pipeline, and the export schema users see.

Every record is a frozen pydantic model: stages build new records, they never mutate the ones they
are given. ``record.model_dump(mode="json")`` is exactly what ``parley export --format jsonl``
writes, so the schema is documented once, here and in docs/schema.md.

Every offset is a character offset into the article's cleaned ``text``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from parley import __version__


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Removed(Record):
    """A line taken out of the article by the clean stage, and why."""

    text: str
    reason: str


class Heading(Record):
    text: str
    start: int
    end: int


class Dateline(Record):
    place: str | None = None
    month: int | None = None
    day: int | None = None
    agency: str | None = None


class InferredDate(Record):
    """What the text itself says about when it was published."""

    date: str | None = None
    years: list[int] = []
    basis: str = ""


class Article(Record):
    id: str
    source: str | None = None
    outlet: str | None = None
    credited_to: str | None = None
    url: str | None = None
    title: str | None = None
    text: str
    headings: list[Heading] = []
    published: str | None = None
    published_inferred: InferredDate | None = None
    dateline: Dateline | None = None
    removed: list[Removed] = []
    duplicate_of: str | None = None
    story_id: str | None = None
    parley_version: str = __version__


class Role(Record):
    role: str
    country: str | None = None
    sector: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None


ActorKind = Literal["person", "organisation", "country", "group"]


class Actor(Record):
    id: str
    name: str
    aliases: list[str] = []
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    roles: list[Role] = []
    wikidata: str | None = None
    source: str | None = None


class Mention(Record):
    article_id: str
    start: int
    end: int
    text: str
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None


class ActorRef(Record):
    """An actor at one place in one article: the mention, and who it is on that date."""

    text: str | None = None
    actor_id: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None


QuoteKind = Literal["direct", "indirect", "mixed"]
SpeakerBasis = Literal["named", "coreference", "role", "unresolved"]
# Where an event's target comes from: its own sentence, or those before it (events/addressee.py).
TargetBasis = Literal["sentence", "context"]


class Quote(Record):
    id: str
    article_id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    cue: str | None = None
    speaker: ActorRef
    speaker_basis: SpeakerBasis


class Plover(Record):
    type: str | None = None
    mode: str | None = None
    context: str | None = None


class Location(Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


Modality = Literal["asserted", "future", "hypothetical", "conditional", "reported"]
DatePrecision = Literal["day", "month", "year", "month-day", "unknown"]


class Event(Record):
    id: str
    article_id: str
    sentence: str
    start: int
    end: int
    source: ActorRef
    target: ActorRef
    target_basis: TargetBasis | None = None
    cameo: str
    plover: Plover
    goldstein: float | None = None
    quad_class: int | None = None
    negated: bool = False
    modality: Modality = "asserted"
    date: str | None = None
    date_precision: DatePrecision = "unknown"
    date_basis: str | None = None
    location: Location | None = None
    issues: list[str] = []
    quote_id: str | None = None
    confidence: float = 0.5


class Story(Record):
    id: str
    title: str | None = None
    article_ids: list[str] = []
    first_date: str | None = None
    last_date: str | None = None
    event_ids: list[str] = []


class CodedArticle(Record):
    """One article with everything the stages found in it: what the store writes in one go."""

    article: Article
    mentions: list[Mention] = []
    actors: list[Actor] = []
    quotes: list[Quote] = []
    events: list[Event] = []


TABLES: dict[str, type[Record]] = {
    "articles": Article,
    "mentions": Mention,
    "actors": Actor,
    "quotes": Quote,
    "events": Event,
}
