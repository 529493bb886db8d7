"""Whom a demand, rebuke, rejection or threat is aimed at when its sentence names nobody.

Wire copy on a dispute between two parties leaves the addressee to the reader: "Presidential
chief of staff Sergei Ivanov reiterated Russia's position…, stressing Moscow does not seek an
advantage, merely legal guarantees" follows a sentence about the United States' missile defence,
in an article about Moscow and Washington. A reader takes the guarantees to be sought from
Washington; so does parley, when the context leaves one party: the sentences just before name
exactly one country other than the source's, and it is also the country the article has named most
so far (other than the source's). The event then says ``target_basis: "context"``.

How often this agrees with the addressees sentences do name is measured by
benchmarks/addressees.py (docs/benchmarks.md): an event with a named foreign target is coded as if
its sentence had named none, and the party this module picks is compared with the one named.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from parley.actors import ActorLayer, ActorMention
from parley.actors.kb import load as load_kb
from parley.nlp import Parsed
from parley.records import ActorRef, Event

# Acts whose addressee a sentence can leave unsaid: demands (10), disapproval (11), rejection (12)
# and threats (13). Statements (01) need none and material acts name theirs; appeals (02) without
# one were mostly rhetorical or aimed at home when read ("asked rhetorically", "called for
# patience", "called for an investigation"), and so are vetoes (129: of a bill, at home).
CONTEXT_ROOTS = frozenset({"10", "11", "12", "13"})
CONTEXT_EXCLUDED = frozenset({"129"})
# How many sentences before the event's own must name the one other party.
CONTEXT_SENTENCES = 2
# A target the context gives adds half the confidence a named one does (coder._confidence: 0.2).
CONTEXT_CONFIDENCE = 0.1
STATE_SECTORS = frozenset({"GOV", "MIL"})
# Names in the event's sentence that may be a party to it.
PARTY_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def other_party(
    parsed: Parsed,
    mentions: Sequence[ActorMention],
    start: int,
    source_country: str,
) -> ActorMention | None:
    """The state the sentences before the one starting at character ``start`` leave as the
    other party to ``source_country``, as the last mention that names it (by name or government
    metonym); None when they leave several or none, or one that is not the article's most named
    other party."""
    sentence = parsed.sentence_index(parsed.token_range(start, start + 1).start)
    near_start = parsed.sentences[max(0, sentence - CONTEXT_SENTENCES)].start_char
    placed = [m for m in mentions if m.end_char <= start and m.country is not None]
    near = {m.country for m in placed if m.start_char >= near_start} - {source_country}
    if len(near) != 1:
        return None
    (party,) = near
    ranked = Counter(m.country for m in placed if m.country != source_country).most_common(2)
    if ranked[0][0] != party or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None
    named = [m for m in placed if m.country == party and _names_state(m)]
    return named[-1] if named else None


def _names_state(mention: ActorMention) -> bool:
    """ "the United States", "Washington", "the Kremlin": the state itself, not one of its places
    ("Seattle"), its people ("Spanish") or someone in it."""
    if mention.actor_id != f"country:{mention.country}" or mention.country is None:
        return False
    if mention.sector == "GOV":  # a government metonym
        return True
    country = load_kb().countries.get(mention.country)
    text = mention.text.casefold().removeprefix("the ")
    return country is not None and any(text == name.casefold() for name in country.names)


def _speaks_for_state(source: ActorRef) -> bool:
    """A government, its forces or someone acting for them: whose demands are aimed at states."""
    return source.sector in STATE_SECTORS or (source.actor_id or "").startswith("country:")


def _names_another(parsed: Parsed, mentions: Sequence[ActorMention], event: Event) -> bool:
    """Whether the event's own sentence names someone besides its source and the source's
    country: someone the coder did not take as the target, for reasons of its own ("never had
    to issue a veto, as all but four Senate Democrats joined forces"), or a name nobody resolved
    ("if European nations don't offer it new terms")."""
    source = event.source
    own = (source.actor_id, f"country:{source.country}")
    inside = [m for m in mentions if event.start <= m.start_char < event.end]
    if any(m.actor_id is not None and m.actor_id not in own for m in inside):
        return True
    for entity in parsed.entities:
        if entity.label not in PARTY_ENTITIES or not event.start <= entity.start_char < event.end:
            continue
        over = [
            m for m in inside if m.start_char < entity.end_char and entity.start_char < m.end_char
        ]
        if not any(m.actor_id in own or m.country == source.country for m in over):
            return True
    return False


def eligible(event: Event) -> bool:
    """Whether the event is one a sentence may leave the addressee of unsaid: a demand, rebuke,
    rejection or threat by someone acting for a state."""
    return (
        event.source.country is not None
        and event.cameo[:2] in CONTEXT_ROOTS
        and event.cameo not in CONTEXT_EXCLUDED
        and _speaks_for_state(event.source)
    )


def addressee(event: Event, parsed: Parsed, layer: ActorLayer) -> ActorMention | None:
    """Whom the context says an event its sentence gives no target is aimed at, if anyone."""
    country = event.source.country
    if (
        event.target.text is not None
        or country is None
        or not eligible(event)
        or _names_another(parsed, layer.mentions, event)
    ):
        return None
    return other_party(parsed, layer.mentions, event.start, country)


def addressed(events: list[Event], parsed: Parsed, layer: ActorLayer) -> list[Event]:
    """The events, each saying where its target comes from, with an addressee from the context
    where their sentence names none and the context leaves one."""
    out = []
    for event in events:
        if event.target.text is not None:
            event = event.model_copy(update={"target_basis": "sentence"})
        elif (party := addressee(event, parsed, layer)) is not None:
            event = event.model_copy(
                update={
                    "target": party.ref(),
                    "target_basis": "context",
                    "confidence": round(min(event.confidence + CONTEXT_CONFIDENCE, 1.0), 2),
                }
            )
        out.append(event)
    return out
