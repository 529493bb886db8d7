"""Actors: who is mentioned in an article, resolved to people, governments and organisations.

``resolve_actors`` (actors.resolve) turns a parsed article into an ``ActorLayer``: every actor
mention with the actor it refers to on the article's date, and how that was decided.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from parley.records import Actor, ActorRef, Article, Mention

Basis = Literal["named", "coreference", "role", "unresolved"]
MentionKind = Literal[
    "person", "country", "organisation", "group", "description", "pronoun", "unknown"
]


@dataclass(frozen=True)
class ActorMention:
    start: int  # token span [start, end)
    end: int
    head: int  # the token that stands for the mention in the dependency tree
    start_char: int
    end_char: int
    text: str
    kind: MentionKind
    actor_id: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    role_key: str | None = None
    basis: Basis = "unresolved"

    @property
    def resolved(self) -> bool:
        return self.actor_id is not None or self.country is not None

    @property
    def is_person(self) -> bool:
        return self.kind == "person" or (
            self.kind in ("description", "pronoun")
            and self.actor_id is not None
            and self.actor_id.startswith(("person:", "adhoc-person:"))
        )

    def ref(self) -> ActorRef:
        return ActorRef(
            text=self.text,
            actor_id=self.actor_id,
            name=self.name,
            country=self.country,
            sector=self.sector,
            role=self.role,
        )


@dataclass(frozen=True)
class ActorLayer:
    mentions: tuple[ActorMention, ...]
    actors: tuple[Actor, ...]
    by_token: dict[int, int] = field(default_factory=dict)

    def at(self, token: int) -> ActorMention | None:
        index = self.by_token.get(token)
        return None if index is None else self.mentions[index]

    def records(self, article_id: str) -> list[Mention]:
        return [
            Mention(
                article_id=article_id,
                start=m.start_char,
                end=m.end_char,
                text=m.text,
                actor_id=m.actor_id,
                country=m.country,
                sector=m.sector,
            )
            for m in self.mentions
        ]


def reference_date(article: Article) -> dt.date | None:
    """The date that picks office holders' roles: published, else what the text implies."""
    if article.published:
        return dt.date.fromisoformat(article.published)
    inferred = article.published_inferred
    if inferred and inferred.date:
        return dt.date.fromisoformat(inferred.date)
    if inferred and inferred.years:
        # Several years remain possible: take the middle one, with the dateline's day if any.
        year = sorted(inferred.years)[len(inferred.years) // 2]
        month = article.dateline.month if article.dateline and article.dateline.month else 7
        day = article.dateline.day if article.dateline and article.dateline.day else 1
        try:
            return dt.date(year, month, day)
        except ValueError:
            return dt.date(year, month, 1)
    return None


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
