"""Code events from a parsed, actor-resolved article: CAMEO and PLOVER, negation and modality.

For each verb or noun the lexicon knows, the most specific pattern gives the CAMEO code; the
dependency parse gives source and target (subjects, objects, prepositional objects, passives,
"between X and Y", coordinated actors); the verb's auxiliaries and negation give ``negated`` and
``modality``; when.py and where.py give date and place; issues come from data/issues.yaml.
A statement about an event ("X said Y met Z") is coded as reported, never as asserted fact.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from parley.actors import ActorLayer, ActorMention
from parley.data import load_yaml
from parley.events import ontology, when, where
from parley.events.addressee import addressed
from parley.events.lexicon import Lexicon, Pattern
from parley.events.lexicon import load as load_lexicon
from parley.nlp import Parsed
from parley.quotes import cue_lemmas
from parley.records import ActorRef, Article, Event, Location, Modality, Plover, Quote

TARGET_PREPOSITIONS = (
    "with",
    "to",
    "against",
    "on",
    "at",
    "from",
    "toward",
    "towards",
    "for",
    "into",
    "over",
)
# Where the actor of a noun phrase is found when its head is not one, in order.
MODIFIER_PRIORITY = {"appos": 0, "compound": 1, "nmod": 2, "poss": 3, "amod": 4}
# Nouns that count or gather actors rather than being one.
GROUP_HEADS = frozenset({
    "thousand", "hundred", "dozen", "million", "group", "member", "crowd", "band",
    "number", "some", "many", "most", "several", "all", "majority", "hundreds", "thousands",
    "third", "half", "quarter", "part", "rest", "minority", "handful", "scores", "score",
    "one", "two", "three", "four", "five", "ten", "few", "none", "each", "both", "dozens",
})  # fmt: skip
# Verbs whose object is itself an event they act on: yield (lift, ease), disapprove (condemn),
# reject, reduce relations (halt, suspend).
ACTING_ON_EVENTS = frozenset({"08", "11", "12", "16"})
# An unresolved subject is shown as written, up to this many words.
MAX_UNRESOLVED_WORDS = 8
# Prepositions after an object that introduce the event's target.
OBJECT_TARGET_PREPOSITIONS = frozenset({"to", "from", "with", "against", "toward", "towards"})
# Roots whose act, done in a country with no one else named, is done to that country: yielding
# (lifting a curfew), threats, protests, force posture, coercion, assaults, fights, mass violence.
PLACE_TARGET_ROOTS = frozenset({"08", "13", "14", "15", "17", "18", "19", "20"})
# A visit (CAMEO 042) to a country's place is a visit to that country: "arrived in Amman".
PLACE_TARGET_CODES = frozenset({"042"})
# Prepositions after an object that reach the act's target: "sanctions on the Taliban", "calls
# by Belarus's rulers" (what is rejected came from them).
DEEPER_TARGET_PREPOSITIONS = frozenset({"on", "to", "against", "by", "for", "of"})
# Objects whose "on" names what they are about, not whom they are done to: "a deal on the
# Iranian nuclear program", "talks on Syria" (but "sanctions on the Taliban").
TOPIC_NOUNS = frozenset({
    "talk", "deal", "agreement", "accord", "treaty", "pact", "discussion", "negotiation",
    "consultation", "dialogue", "meeting", "conference", "summit", "position", "stance", "view",
    "statement", "resolution", "report", "question", "issue", "plan", "proposal", "decision",
    "compromise", "understanding", "cooperation", "consensus", "progress", "briefing",
})  # fmt: skip
# Participles that describe their subject's own stance, passive in form only: "Israel is
# opposed to French mediation", "Vietnam is committed to opening up", "were engaged in".
STATIVE_PARTICIPLES = frozenset({
    "commit", "oppose", "engage", "prepare", "determine", "involve", "dedicate", "devote",
    "resolve", "convince", "concern", "interest", "satisfy", "please", "disappoint", "bind",
    "obligate", "oblige", "poise", "set", "divide", "unite", "ally", "align", "intend",
})  # fmt: skip
# A meeting's partners come "with" someone; "at a summit" is where, not whom.
MUTUAL_TARGET_PREPOSITIONS = frozenset({"with", "to", "between"})
# "tighten the blockade of Serbia with Albania's help": who lends a hand is no target.
HELP_NOUNS = frozenset({"help", "support", "assistance", "backing", "aid", "cooperation"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
# The auxiliaries of a promise or threat made on a condition ("would meet … if", "may halt … if").
MODAL_PROMISES = frozenset({"will", "shall", "'ll", "would", "may", "might", "could"})
# "plan to meet", "ready for talks": a head word that turns the event into an intention.
INTENT_HEADS = frozenset(
    {
        "plan",
        "intend",
        "agree",
        "expect",
        "ready",
        "want",
        "hope",
        "prepare",
        "seek",
        "aim",
        "offer",
        "propose",
        "invite",
        "schedule",
        "willing",
        "prepared",
        "determined",
        "decide",
        "vow",
        "pledge",
        "promise",
        "swear",
        "threaten",
    }
)
# Dependents that are clauses of their own, with their own words.
OWN_CLAUSES = frozenset({"advcl", "ccomp", "relcl", "parataxis"})
# Mediation is between the parties, not done by them.
MEDIATION_CODES = frozenset({"045"})
# Threats: the one threatened may be the one a condition asks to act ("…unless Israel…").
THREAT_ROOTS = frozenset({"13"})
# A verb form standing as a noun or adjective ("evacuated the wounded", "the besieged town", "a
# planned visit") describes someone or something; it is no act of the clause's subject.
PARTICIPLE_AS_NOUN = frozenset({"amod", "dobj", "pobj", "nsubj", "nsubjpass", "compound"})
# Agreeing, meeting and cooperating are mutual when the actors are coordinated ("X and Y met").
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})
# Appeals and demands: the party asked may sit in the clause that says what is asked.
DEMAND_ROOTS = frozenset({"02", "10"})
# Disapproval reported by someone else: "X said Y's insistence stands in the way" is X blaming Y.
BLAME_ROOTS = frozenset({"11"})
INTENT_TO_MEET = "036"
GENERIC_INTENT = "030"
# Threats, protests, force posture and force: what readiness to do is a threat, not cooperation.
COERCIVE_ROOTS = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})
# What is announced for the future is an intention (CAMEO 03x, PLOVER AGREE) when it is
# cooperative, and a threat (13x, PLOVER THREATEN) when it is coercive: "X will meet Y" is 036,
# "X will provide aid" 033, "X will release prisoners" 035, "X will impose sanctions" 1312,
# "X will attack" 138. Statements, appeals, demands and the like keep their code.
INTENT_CODES = {
    "04": INTENT_TO_MEET,
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "16": "131",
    "17": "137",
    "18": "138",
    "19": "138",
    "20": "138",
}
# "X will not accept refugees", "would not meet the demands": a cooperative act announced as not
# going to happen is a refusal (CAMEO 12x, PLOVER REJECT), not a negated intention.
REFUSAL_CODES = {"04": "125", "08": "124"}
REFUSAL = "120"
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})


def _rule(code: str, head: str, source: str) -> Pattern:
    """A pattern the coder applies by rule rather than by lexicon entry."""
    return Pattern(code=code, head=head, needs=frozenset(), nominal=False, source=source)


# "Russia said Sudan must return the helicopter": the speaker demands (CAMEO 100) of the one who
# must; "should" is an appeal (020). The demanded act itself has not happened.
DEMAND_AUX = {
    aux: _rule(
        code,
        aux,
        "parley curators: a reported clause with 'must' or 'should' is the speaker's demand",
    )
    for aux, code in (("must", "100"), ("should", "020"))
}
# Violence is often reported with its victims only ("three soldiers were killed"): from this root
# on, an event with a target but no known source is still coded, with the source left empty.
SOURCELESS_FROM_ROOT = "14"
# Statement codes are the weakest evidence of an event; anything more specific outranks them.
STATEMENT_CONFIDENCE = 0.3
BASE_CONFIDENCE = 0.5


@dataclass(frozen=True)
class _Issue:
    name: str
    regex: re.Pattern[str]
    first_words: frozenset[str]  # the first word of each term: a cheap test before the regex


_WORDS = re.compile(r"\w+")


@cache
def issues() -> tuple[_Issue, ...]:
    data = load_yaml("issues.yaml")
    out = []
    for issue in data["issues"]:
        terms = sorted((str(t) for t in issue["terms"]), key=len, reverse=True)
        alternation = "|".join(re.escape(t) for t in terms)
        regex = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I)
        first = frozenset(_WORDS.findall(t.casefold())[0] for t in terms if _WORDS.search(t))
        out.append(_Issue(str(issue["name"]), regex, first))
    return tuple(out)


@lru_cache(maxsize=4096)  # events of one clause share their scope: search it once
def issues_in(text: str) -> tuple[str, ...]:
    # A term can only match where its first word is a word of the text.
    words = set(_WORDS.findall(text.casefold()))
    return tuple(
        issue.name
        for issue in issues()
        if not words.isdisjoint(issue.first_words) and issue.regex.search(text)
    )


def _descendants(
    parsed: Parsed, i: int, depth: int = 2, skip: frozenset[str] = frozenset()
) -> Iterator[int]:
    frontier = [i]
    for _ in range(depth):
        frontier = [
            c for j in frontier for c in parsed.children(j) if parsed.tokens[c].dep not in skip
        ]
        yield from frontier


def _match(parsed: Parsed, i: int, patterns: list[Pattern]) -> Pattern | None:
    # The "to" of the verb's own infinitive ("to protest the rigging") is not a preposition of
    # the pattern ("protest to" someone).
    # A clause of its own ("blocked streets … to demand reforms") is not the verb's words:
    # "reforms" there does not make the blocking a rejection of reform.
    below = [
        j
        for j in _descendants(parsed, i, skip=OWN_CLAUSES)
        if parsed.tokens[j].head != i or parsed.tokens[j].dep != "aux"
    ]
    # A quantity is transparent: "700 kg of medicine", "$5 million of aid", "thousands of troops".
    quantified = [
        g
        for j in below
        if parsed.tokens[j].dep == "prep" and parsed.tokens[j].text.casefold() == "of"
        for g in parsed.children(j)
    ]
    # …with the counted noun's own compound ("10 days of war games").
    below += quantified + [
        c for g in quantified for c in parsed.children(g) if parsed.tokens[c].dep == "compound"
    ]
    lemmas = {parsed.tokens[j].lemma for j in below}
    for pattern in patterns:
        if pattern.needs <= lemmas:
            return pattern
    return None


def _actor_at(parsed: Parsed, layer: ActorLayer, i: int) -> list[ActorMention]:
    """The actor(s) a noun phrase stands for, with its coordinated partners ("X and Y")."""
    found: list[ActorMention] = []
    anchor = i
    mention = layer.at(i)
    if mention is None:
        # "Russia's Chief of the General Staff Valery Gerasimov": a name in apposition to a title
        # is the actor; else a modifier of the head noun ("Russia's military leaders").
        children = sorted(
            parsed.children(i),
            key=lambda c: MODIFIER_PRIORITY.get(parsed.tokens[c].dep, len(MODIFIER_PRIORITY)),
        )
        for child in children:
            if parsed.tokens[child].dep in MODIFIER_PRIORITY:
                mention = layer.at(child)
                if mention:
                    anchor = child
                    break
    if mention is None and parsed.tokens[i].lemma not in GROUP_HEADS:
        # "doctors from two American aid groups", "officials from Russia": whom they come from;
        # "the Presidents of Russia and US": whose they are.
        plural = parsed.tokens[i].tag in ("NNS", "NNPS")
        for prep in parsed.children(i):
            word = parsed.tokens[prep].text.casefold()
            if word == "from" or (word == "of" and plural):
                for pobj in parsed.children(prep):
                    found.extend(_actor_at(parsed, layer, pobj))
        if found:
            return found
    if mention is None and parsed.tokens[i].lemma in GROUP_HEADS:
        # "thousands of Iraqi Kurds", "a group of Yoruba leaders": the actor follows "of".
        for prep in parsed.children(i):
            if parsed.tokens[prep].text.casefold() == "of":
                for pobj in parsed.children(prep):
                    found.extend(_actor_at(parsed, layer, pobj))
        return found
    pair = _the_two(parsed, layer, mention) if mention is not None else []
    if pair:
        return pair
    if mention is not None and (
        (not mention.resolved and mention.kind == "description") or mention.kind == "group"
    ):
        # "the Presidents of Russia and US": the countries, in the role's sector.
        for prep in parsed.children(i):
            if parsed.tokens[prep].text.casefold() == "of":
                for pobj in parsed.children(prep):
                    found.extend(
                        replace(m, sector=m.sector or mention.sector) if m.kind == "country" else m
                        for m in _actor_at(parsed, layer, pobj)
                    )
        if found:
            return found
    if mention is not None and mention.resolved:
        found.append(mention)
    # Coordinated actors: "Russia and NATO", "the Russian and US presidents".
    for j in dict.fromkeys((i, anchor)):
        for child in parsed.children(j):
            if parsed.tokens[child].dep == "conj":
                found.extend(m for m in _actor_at(parsed, layer, child) if m not in found)
    return found


def _the_two(parsed: Parsed, layer: ActorLayer, mention: ActorMention) -> list[ActorMention]:
    """ "The two leaders discussed…", "both presidents": the last two people named together
    ("Vladimir Putin and Barack Obama") before."""
    if mention.kind != "group" or mention.country is not None:
        return []
    words = {
        parsed.tokens[k].text.casefold() for k in range(max(0, mention.start - 2), mention.start)
    }
    if not words & {"two", "both"}:
        return []
    people = [m for m in layer.mentions if m.start < mention.start and m.is_person and m.actor_id]
    for later in reversed(people):
        token = parsed.tokens[later.head]
        if token.dep != "conj":
            continue
        first = next((m for m in people if m.head == token.head), None)
        if first is not None and first.actor_id != later.actor_id:
            return [first, later]
    return []


def _subject(parsed: Parsed, i: int) -> int | None:
    return parsed.clause_subject(i, climbs=3)


def _on_condition(parsed: Parsed, i: int) -> bool:
    """The verb is what happens if or unless something else does ("may halt mediation if
    cooperation is lacking"): announced, not done."""
    return any(
        parsed.tokens[c].dep == "advcl"
        and any(parsed.tokens[m].text.casefold() in ("if", "unless") for m in parsed.children(c))
        for c in parsed.children(i)
    ) and any(
        parsed.tokens[c].dep == "aux" and parsed.tokens[c].text.casefold() in MODAL_PROMISES
        for c in parsed.children(i)
    )


def _conditions(parsed: Parsed, i: int) -> list[int]:
    """The "if" and "unless" clauses of the verb or of what it says will be done ("threatened
    to launch an offensive unless Baghdad accepted")."""
    return [
        c
        for c in (*parsed.children(i), *_descendants(parsed, i))
        if parsed.tokens[c].dep == "advcl"
        and any(parsed.tokens[m].text.casefold() in ("if", "unless") for m in parsed.children(c))
    ]


def _is_passive(parsed: Parsed, i: int) -> bool:
    deps = {parsed.tokens[c].dep for c in parsed.children(i)}
    if deps & {"auxpass", "nsubjpass"}:
        return True
    # "the curfew imposed by the army": a participle with no "has" and no object of its own.
    return parsed.tokens[i].tag == "VBN" and not deps & {"aux", "dobj"}


def _agent(parsed: Parsed, i: int) -> int | None:
    for child in parsed.children(i):
        if parsed.tokens[child].dep == "agent":
            return next((g for g in parsed.children(child) if parsed.tokens[g].dep == "pobj"), None)
    return None


def _objects(parsed: Parsed, i: int, *, mutual: bool = False) -> list[int]:
    """Direct objects first, then objects of target prepositions, nearest first."""
    prepositions = MUTUAL_TARGET_PREPOSITIONS if mutual else TARGET_PREPOSITIONS
    direct: list[int] = []
    prepositional: list[int] = []
    for child in parsed.children(i):
        dep = parsed.tokens[child].dep
        if dep in ("dobj", "dative", "attr", "oprd"):
            direct.append(child)
        elif dep == "prep" and parsed.tokens[child].text.casefold() in prepositions:
            prepositional.extend(_reached(parsed, child))
    # Objects' own prepositional phrases: "handed over a letter from Putin to Obama",
    # "expect some response from Washington".
    for obj in list(direct):
        for child in parsed.children(obj):
            word = parsed.tokens[child].text.casefold()
            if parsed.tokens[child].dep == "prep" and word in OBJECT_TARGET_PREPOSITIONS:
                prepositional.extend(_reached(parsed, child))
    return direct + prepositional


def _reached(parsed: Parsed, prep: int) -> Iterator[int]:
    """The preposition's objects, but not one lending a hand ("with Albania's help")."""
    helped = parsed.tokens[prep].text.casefold() == "with"
    for g in parsed.children(prep):
        if parsed.tokens[g].dep == "pobj" and not (helped and parsed.tokens[g].lemma in HELP_NOUNS):
            yield g


def _deeper_targets(parsed: Parsed, layer: ActorLayer, i: int) -> list[ActorMention]:
    """Whom the act reaches through what it acts with or on, when no object is an actor:
    "imposed sanctions on the Taliban", "promised to continue military aid to Mozambique",
    "rejected calls by Belarus's rulers", "refused to allow United Nations planes to land".
    Talks, deals and agreements "on" something are about it, not done to it."""
    verbs = [i] + [c for c in parsed.children(i) if parsed.tokens[c].dep == "xcomp"]
    for verb in verbs:
        for obj in _objects(parsed, verb):
            found = _actor_at(parsed, layer, obj)
            if verb != i and found:
                return found
            for child in parsed.children(obj):
                word = parsed.tokens[child].text.casefold()
                if parsed.tokens[child].dep != "prep" or word not in DEEPER_TARGET_PREPOSITIONS:
                    continue
                if word == "on" and parsed.tokens[obj].lemma in TOPIC_NOUNS:
                    continue
                for pobj in parsed.children(child):
                    if parsed.tokens[pobj].dep == "pobj" and (
                        found := _actor_at(parsed, layer, pobj)
                    ):
                        return found
    return []


# How an actor hangs inside the object's noun phrase: "a Security Council resolution",
# "Serbia's suppression of…", "part of a military aid program for Bosnia".
_INSIDE_OBJECT_DEPS = frozenset({"compound", "poss", "nmod", "appos", "pobj"})
_INSIDE_OBJECT_PREPOSITIONS = frozenset({"of", "for", "to", "against", "with", "toward", "towards"})
MAX_OBJECT_DEPTH = 4


# Force used on someone: coercion, assault, fighting, mass violence.
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})


def _inside_object(
    parsed: Parsed,
    layer: ActorLayer,
    i: int,
    doers: frozenset[str | None] = frozenset(),
    *,
    against: bool = False,
    forced: bool = False,
) -> list[ActorMention]:
    """The nearest actor inside the act's object, when neither the object nor a preposition of
    it names one: whose resolution is vetoed, whose suppression denounced, whose programme
    suspended. Only within the object's own noun phrase, never a place it happens in. With
    ``against``, also what a protest is against and by whom it was done ("a hunger strike in
    protest against the violations by Algerian security forces")."""
    tokens = parsed.tokens
    openers = ("as", "against", "over", "in") if against else ("as",)  # "denounced as…"
    frontier = [
        c
        for c in parsed.children(i)
        if tokens[c].dep in ("dobj", "attr", "oprd")
        # A passive subject is the force's object: "a camp for Congolese refugees was attacked"
        # (not "King Hassan of Morocco was quoted").
        or (tokens[c].dep == "nsubjpass" and forced)
        or (
            tokens[c].dep == "prep"
            and tokens[c].text.casefold() in openers
            # "in protest against…", "in defiance of…" — not the place it happens in.
            and (tokens[c].text.casefold() != "in" or _in_protest(parsed, c))
        )
    ]
    prepositions = _INSIDE_OBJECT_PREPOSITIONS | ({"by", "over"} if against else set())
    # "prevented the demonstration staged by students": whose gathering force was used on.
    deps = _INSIDE_OBJECT_DEPS | ({"agent", "acl"} if against or forced else set())
    # Each preposition is a step of its own: "in protest against the violations by X" is six.
    for _ in range(MAX_OBJECT_DEPTH + (2 if against else 0)):
        following = []
        for j in frontier:
            for child in parsed.children(j):
                dep, word = tokens[child].dep, tokens[child].text.casefold()
                if dep == "prep" and (
                    word in prepositions or (against and _in_protest(parsed, child))
                ):
                    following.append(child)  # "a hunger strike [in protest] of…"
                elif dep in deps and (
                    # "property seized by the forces", not "the bridge spanning the Rhine".
                    dep != "acl" or any(tokens[g].dep == "agent" for g in parsed.children(child))
                ):
                    # Past the doer's own ("their demands for… from the government").
                    found = [m for m in _actor_at(parsed, layer, child) if m.actor_id not in doers]
                    if found:
                        return found
                    following.append(child)
        frontier = following
    return []


# What a protest is made in: "in protest against…", "in defiance of…".
PROTEST_NOUNS = frozenset({"protest", "defiance", "opposition", "response", "retaliation"})


def _in_protest(parsed: Parsed, prep: int) -> bool:
    """ "in protest", "in defiance": an "in" that says what the act is against, not where."""
    return parsed.tokens[prep].text.casefold() == "in" and any(
        parsed.tokens[g].lemma in PROTEST_NOUNS for g in parsed.children(prep)
    )


# Protests are aimed at whom their purpose names: "began a hunger strike to demand the
# resignation of President Ben Bella", "to protest President Assad's failure to…".
PURPOSE_TARGET_ROOTS = frozenset({"14"})


def _purpose_target(
    parsed: Parsed, layer: ActorLayer, i: int, doers: frozenset[str | None]
) -> list[ActorMention]:
    """Whom the act's purpose clause ("to demand…", "to protest…") is done to or about; else
    what the act itself is against ("in protest against…", "a strike over a bill signed by…")."""
    tokens = parsed.tokens
    for clause in parsed.children(i):
        if tokens[clause].dep not in ("advcl", "xcomp") or not any(
            tokens[c].dep == "aux" and tokens[c].text.casefold() == "to"
            for c in parsed.children(clause)
        ):
            continue
        for obj in _objects(parsed, clause):
            found = [m for m in _actor_at(parsed, layer, obj) if m.actor_id not in doers]
            if found:
                return found
        found = _inside_object(parsed, layer, clause, doers, against=True)
        if found:
            return found
    return _inside_object(parsed, layer, i, doers, against=True)


# Protests and demands for a people's own state are aimed at the state it would leave
# ("demonstrated calling for independence from Iraq", "demanding a referendum on independence from
# Indonesian rule"), and those for someone's fall at that someone ("a demonstration calling for
# the immediate removal of President Hosni Mubarak from office").
SEPARATION_ROOTS = frozenset({"10", "14"})
SEPARATION_NOUNS = {
    "from": frozenset({"independence", "autonomy", "secession", "separation", "freedom"}),
    "of": frozenset({"removal", "resignation", "ouster", "overthrow", "downfall", "impeachment"}),
}


def _separated_from(parsed: Parsed, layer: ActorLayer, i: int) -> list[ActorMention]:
    """The actor a sought independence is from, or whose fall is sought, anywhere in the act's
    clause."""
    for noun in _descendants(parsed, i, depth=6, skip=frozenset({"conj", "parataxis", "relcl"})):
        token = parsed.tokens[noun]
        lemma = token.lemma.casefold()
        preps = frozenset(p for p, nouns in SEPARATION_NOUNS.items() if lemma in nouns)
        if not preps:
            continue
        if parsed.tokens[token.head].text.casefold() in ("after", "since", "before", "until"):
            continue  # "a decade after independence from Britain" is a time, not an aim
        for state in _objects_of(parsed, noun, preps):
            found = _actor_at(parsed, layer, state)
            if found:
                return found
    return []


def _place_acted_in(parsed: Parsed, layer: ActorLayer, i: int) -> list[ActorMention]:
    """'lifted a night curfew in Montenegro', 'threatened to resume attacks in Israel': a force
    used, or eased, in a country with no one else named is used on that country (as CAMEO and
    PLOVER code it)."""
    heads = [i] + [c for c in parsed.children(i) if parsed.tokens[c].dep in ("xcomp", "dobj")]
    # "threatened to ban voting in East Jerusalem": the place may hang off the infinitive's object.
    heads += [
        g
        for c in heads[1:]
        for g in parsed.children(c)
        if parsed.tokens[g].dep in ("xcomp", "dobj")
    ]
    for head in heads:
        # "in Montenegro", "in the capital Kabul"; "at this jail in northern Israel", "at
        # targets in Jericho": the country the spot is in.
        found = _country_in(parsed, layer, head, IN) or next(
            (
                country
                for spot in _objects_of(parsed, head, NEAR)
                if (country := _country_in(parsed, layer, spot, IN)) is not None
            ),
            None,
        )
        if found is not None:
            return [found]
    return []


def _objects_of(parsed: Parsed, head: int, words: frozenset[str]) -> Iterator[int]:
    """The objects of the head's prepositions that are among ``words``."""
    for prep in parsed.children(head):
        if parsed.tokens[prep].dep == "prep" and parsed.tokens[prep].text.casefold() in words:
            yield from parsed.children(prep)


def _country_in(
    parsed: Parsed, layer: ActorLayer, head: int, words: frozenset[str]
) -> ActorMention | None:
    """The country a preposition of the head among ``words`` names, or the one named beside its
    object ("in the capital Kabul")."""
    for pobj in _objects_of(parsed, head, words):
        for place in (pobj, *(g for g in parsed.children(pobj) if parsed.tokens[g].dep == "appos")):
            mention = layer.at(place)
            if mention is not None and mention.kind == "country" and mention.country:
                return mention
    return None


IN = frozenset({"in"})
# A spot an act is done at, in a country: "at a jail in Israel", "near the border in Chad".
NEAR = frozenset({"at", "near"})
# Where people are: "students throughout Indonesia", "peacekeepers in Iraq".
WHERE_THEY_ARE = frozenset({"in", "throughout", "across"})


# Words that set what a negated verb does do against what it does not: "not an advantage,
# merely legal guarantees", "not war but peace".
CONTRAST_WORDS = frozenset({"merely", "only", "just", "simply", "but", "rather", "instead"})


def _contrasted(parsed: Parsed, i: int, pattern: Pattern) -> bool:
    """Is the word that completes the pattern the contrasted, affirmed part of a negated verb's
    objects ("does not seek an advantage, merely legal guarantees")?"""
    for j in parsed.children(i):
        if parsed.tokens[j].lemma not in pattern.needs or parsed.tokens[j].pos != "NOUN":
            continue
        lo = parsed.subtree(j)[0]
        before = [parsed.tokens[k].text.casefold() for k in range(max(lo - 2, 0), j)]
        if CONTRAST_WORDS & set(before):
            return True
    return False


def _modality(
    parsed: Parsed, i: int, cues: frozenset[str], in_quote: bool
) -> tuple[bool, Modality]:
    negated = would = False
    modality: Modality = "asserted"
    token = parsed.tokens[i]
    for child in parsed.children(i):
        c = parsed.tokens[child]
        word = c.text.casefold()
        if c.dep == "neg" or (c.dep == "det" and word == "no" and token.pos == "NOUN"):
            negated = True
        if c.dep in ("aux", "auxpass"):
            if word in FUTURE_AUX:
                modality = "future"
            elif word in HYPOTHETICAL_AUX and modality == "asserted":
                modality = "hypothetical"
                would = word == "would"
        if c.dep == "mark" and word in ("if", "unless"):
            modality = "conditional"
    # Climb to the clause head: intentions, conditions and reports above the verb colour it.
    j, steps = i, 0
    while parsed.tokens[j].head != j and steps < 6:
        dep = parsed.tokens[j].dep
        parent = parsed.tokens[parsed.tokens[j].head]
        if dep == "advcl" and any(
            parsed.tokens[c].text.casefold() in ("if", "unless") for c in parsed.children(j)
        ):
            modality = "conditional"
        infinitive = dep == "advcl" and any(
            parsed.tokens[c].dep == "aux" and parsed.tokens[c].text.casefold() == "to"
            for c in parsed.children(j)
        )  # "have sworn to fight", parsed as a clause of purpose
        if (
            dep in ("xcomp", "acomp", "pcomp", "pobj", "prep") or infinitive
        ) and parent.lemma in INTENT_HEADS:
            modality = "future" if modality == "asserted" else modality
        if dep == "ccomp" and parent.lemma in cues and modality == "asserted":
            modality = "reported"
        elif dep == "ccomp" and parent.lemma in cues and would and modality == "hypothetical":
            modality = "future"  # "said it would allow": the future of a past statement
        if dep not in ("xcomp", "acomp", "pcomp", "pobj", "prep", "ccomp", "advcl", "conj", "dobj"):
            break
        j, steps = parent.i, steps + 1
    if in_quote and modality == "asserted":
        modality = "reported"
    return negated, modality


@dataclass(frozen=True)
class _Context:
    parsed: Parsed
    layer: ActorLayer
    article: Article
    quotes: tuple[Quote, ...]
    lexicon: Lexicon
    anchor: when.AnchorDate
    skip: tuple[tuple[int, int], ...]  # char spans (headings) that carry no events
    # Each verb's matched pattern, found once: several rules ask about the same verb.
    patterns: dict[int, Pattern | None] = field(default_factory=dict)


def code_events(
    parsed: Parsed,
    layer: ActorLayer,
    article: Article,
    quotes: list[Quote],
    lexicon: Lexicon | None = None,
) -> list[Event]:
    ctx = _Context(
        parsed=parsed,
        layer=layer,
        article=article,
        quotes=tuple(quotes),
        lexicon=lexicon or load_lexicon(),
        anchor=when.anchor(article),
        skip=tuple((h.start, h.end) for h in article.headings),
    )
    events: list[Event] = []
    seen: set[tuple[str, str | None, str | None, int]] = set()
    numbered: Counter[str] = Counter()
    coded_verbs = {
        t.i
        for t in parsed.tokens
        if t.pos in ("VERB", "AUX")
        and (pattern := _verb_pattern(ctx, t.i)) is not None
        and pattern.code[:2] in ACTING_ON_EVENTS
    }
    # "declined to comment", "declined to provide details": a verb that is one of the words of
    # another verb's pattern is coded there (011), not as an event of its own (010, 070).
    consumed = {
        j
        for t in parsed.tokens
        if t.pos in ("VERB", "AUX")
        and (pattern := _verb_pattern(ctx, t.i)) is not None
        and pattern.needs
        for j in _descendants(parsed, t.i, skip=OWN_CLAUSES)
        if parsed.tokens[j].lemma in pattern.needs
        and (
            parsed.tokens[j].pos == "VERB"
            # "failed to reach agreement" (120): no agreement (030) of its own either; but
            # "accepted an invitation from Medvedev" keeps Medvedev's invitation.
            or (parsed.tokens[j].pos == "NOUN" and not _authored_by(parsed, j))
        )
    }
    for token in parsed.tokens:
        if (
            any(s <= token.idx < e for s, e in ctx.skip)
            or token.i in consumed
            or _readiness_to_coerce(ctx, token.i)
            or _demanded(ctx, token.i)
            or _only_proposed(parsed, token.i)
            or _refused(ctx, token.i)
            or _protest_purpose(ctx, token.i)
        ):
            continue
        if token.dep == "dobj" and token.head in coded_verbs:
            # "Serbia lifted a curfew", "condemned the attack": the object is what the verb's
            # event is about, not an event of its own in this sentence.
            continue
        for event in _events_at(ctx, token.i):
            key = (
                event.cameo,
                event.source.actor_id or event.source.country,
                event.target.actor_id or event.target.country,
                event.start,
            )
            if key not in seen:
                seen.add(key)
                events.append(_numbered(event, numbered))
    # One act found twice, once with whom it reaches and once without: the one with.
    aimed = {
        (e.cameo, e.source.actor_id or e.source.country, e.start) for e in events if e.target.text
    }
    events = [
        e
        for e in events
        if e.target.text or (e.cameo, e.source.actor_id or e.source.country, e.start) not in aimed
    ]
    return addressed(_same_meetings(events), parsed, layer)


# Nouns whose "to" clause says what is only offered, proposed, promised or allowed: "rejected
# a US offer to host a summit", "an invitation to attend a meeting", "his pledge to withdraw",
# "the right to demand Assad's resignation".
PROPOSAL_NOUNS = frozenset(
    {"offer", "invitation", "proposal", "plan", "promise", "pledge", "threat", "bid", "right",
     "permission"}
)  # fmt: skip


def _only_proposed(parsed: Parsed, i: int) -> bool:
    """The act an offer, invitation or plan is for has not happened: the offer is the event
    (and so is what that act would be for: "an offer to host a summit to hammer out a deal")."""
    token = parsed.tokens[i]
    if token.pos == "NOUN" and token.dep in ("dobj", "pobj"):
        # "an invitation to attend [a meeting]": a meeting only proposed too.
        head = parsed.tokens[token.head]
        token = parsed.tokens[head.head] if head.dep == "prep" else head
    for _ in range(3):
        if token.dep not in ("advcl", "xcomp", "conj") or parsed.tokens[token.head].pos != "VERB":
            break
        token = parsed.tokens[token.head]
    return (
        token.pos == "VERB"
        and token.dep == "acl"
        and parsed.tokens[token.head].lemma in PROPOSAL_NOUNS
        and any(parsed.tokens[c].tag == "TO" for c in parsed.children(token.i))
    )


def _authored_by(parsed: Parsed, noun: int) -> bool:
    """Does the noun name who made it ("an invitation from Medvedev", "a call by the UN")?"""
    return any(
        parsed.tokens[c].dep == "prep" and parsed.tokens[c].text.casefold() in ("from", "by")
        for c in parsed.children(noun)
    )


# Verbs that say the act after them was not done: "refused to commit", "declined to resign".
REFUSING = frozenset({"refuse", "decline", "fail"})


def _refused(ctx: _Context, i: int) -> bool:
    """ "declined to resign", "refused to commit to any assistance": the refusal is the event
    (CAMEO 12), not the act refused."""
    token = ctx.parsed.tokens[i]
    return (
        token.pos == "VERB"
        and token.dep == "xcomp"
        and ctx.parsed.tokens[token.head].lemma in REFUSING
        and _verb_pattern(ctx, token.head) is not None
    )


def _demanded(ctx: _Context, i: int) -> bool:
    """ "demanding that President Mugabe abandon his policy", "urged North Korea to return to the
    table", "its demand that Israel ease restrictions": what is asked for has not happened; the
    appeal or demand (02, 10) is the event, not the act it asks for."""
    parsed = ctx.parsed
    token = parsed.tokens[i]
    if token.pos == "NOUN" and token.dep == "dobj":
        # "demanded a meeting of the Security Council": no meeting held.
        pattern = _verb_pattern(ctx, token.head)
        return pattern is not None and pattern.code[:2] in DEMAND_ROOTS
    if token.pos not in ("VERB", "AUX") or token.dep not in ("ccomp", "xcomp", "acl"):
        return False
    if any(parsed.tokens[c].text.casefold() in DEMAND_AUX for c in parsed.children(i)):
        return False  # "insists that Ukraine should withdraw": a demand coded from here
    head = parsed.tokens[token.head]
    if head.pos in ("VERB", "AUX"):
        pattern = _verb_pattern(ctx, head.i)
        if pattern is not None and pattern.code[:2] in DEMAND_ROOTS:
            return True
        # "reiterated its demand that Israel ease…": the demand is the verb's object.
        return any(
            parsed.tokens[c].dep == "dobj"
            and any(
                p.code[:2] in DEMAND_ROOTS
                for p in ctx.lexicon.nouns.get(parsed.tokens[c].lemma, [])
            )
            for c in parsed.children(head.i)
            if c < i
        )
    if head.pos == "NOUN":
        return any(p.code[:2] in DEMAND_ROOTS for p in ctx.lexicon.nouns.get(head.lemma, []))
    return False


# Protests: what one is staged to demand is the protest's purpose (CAMEO 14, "protest for").
PROTEST_ROOTS = frozenset({"14"})


def _protest_purpose(ctx: _Context, i: int) -> bool:
    """ "staged demonstrations to demand political reforms", "blocked roads demanding that he be
    reinstated": the demand is what the protest is for, coded in it, not a demand (10) beside it."""
    token = ctx.parsed.tokens[i]
    if token.pos != "VERB" or token.dep not in ("advcl", "xcomp"):
        return False
    pattern = _verb_pattern(ctx, i)
    head = _verb_pattern(ctx, token.head)
    return (
        pattern is not None
        and pattern.code[:2] in DEMAND_ROOTS
        and head is not None
        and head.code[:2] in PROTEST_ROOTS
    )


def _readiness_to_coerce(ctx: _Context, i: int) -> bool:
    """ "is prepared to impose martial law", "is ready to use force": readiness to coerce is a
    threat, coded at the act (137, 138); it is no intent to cooperate (030) as well."""
    pattern = _verb_pattern(ctx, i) if ctx.parsed.tokens[i].pos in ("VERB", "AUX") else None
    if pattern is None or pattern.code != GENERIC_INTENT:
        return False
    parsed = ctx.parsed
    # The act hangs off the verb ("vowed to strike") or its adjective ("is prepared to strike").
    holders = [i, *(c for c in parsed.children(i) if parsed.tokens[c].dep == "acomp")]
    for holder in holders:
        for act in parsed.children(holder):
            if parsed.tokens[act].dep != "xcomp" or parsed.tokens[act].pos != "VERB":
                continue
            found = _verb_pattern(ctx, act)
            if found is not None and found.code[:2] in COERCIVE_ROOTS:
                return True
    return False


def _same_meetings(events: list[Event]) -> list[Event]:
    """ "Putin and Obama spoke by telephone… The two leaders discussed Iran": a discussion between
    two who were just reported meeting or calling is that meeting, with its code (041 here)."""
    out: list[Event] = []
    specific: dict[frozenset[str], Event] = {}
    for event in events:
        pair = frozenset(filter(None, (event.source.actor_id, event.target.actor_id)))
        if len(pair) == 2 and event.cameo[:2] == "04" and not event.negated:
            if event.cameo == "040" and pair in specific:
                meeting = ontology.lookup(specific[pair].cameo)
                event = event.model_copy(
                    update={
                        "cameo": meeting.code,
                        "plover": meeting.plover,
                        "goldstein": meeting.goldstein,
                    }
                )
            elif event.cameo != "040":
                specific.setdefault(pair, event)
        out.append(event)
    return out


def _numbered(event: Event, numbered: Counter[str]) -> Event:
    """The event with an id no other event of the article has: one word can code two events
    ("must" and "should" in one demand, a statement that is also a meeting)."""
    prefix = event.id.rsplit("-", 1)[0]
    n = numbered[prefix]
    numbered[prefix] += 1
    return (
        event if event.id == f"{prefix}-{n}" else event.model_copy(update={"id": f"{prefix}-{n}"})
    )


def _verb_pattern(ctx: _Context, i: int) -> Pattern | None:
    if i not in ctx.patterns:
        patterns = ctx.lexicon.verbs.get(ctx.parsed.tokens[i].lemma)
        ctx.patterns[i] = _match(ctx.parsed, i, patterns) if patterns else None
    return ctx.patterns[i]


def _events_at(ctx: _Context, i: int) -> list[Event]:
    parsed = ctx.parsed
    token = parsed.tokens[i]
    if token.pos in ("VERB", "AUX") and token.dep not in PARTICIPLE_AS_NOUN:
        # What someone says another must do is their demand, whatever the verb.
        demand = _demand(ctx, i)
        if demand is not None:
            return demand
        gloomy = _pessimistic(ctx, i)
        if gloomy is not None:
            return gloomy
        blame = _blame_placed(ctx, i)
        if blame is not None:
            return blame
        pattern = _verb_pattern(ctx, i)
        if pattern:
            return _verbal(ctx, i, pattern)
    if token.pos in ("NOUN", "PROPN") and token.lemma in ctx.lexicon.nouns:
        pattern = _match(parsed, i, ctx.lexicon.nouns[token.lemma])
        if pattern:
            return _nominal(ctx, i, pattern)
    return []


def _verbal(ctx: _Context, i: int, pattern: Pattern) -> list[Event]:
    parsed, layer = ctx.parsed, ctx.layer
    # "shortened by one hour the curfew": "by" marks the doer only of a passive verb.
    agent = _agent(parsed, i) if _is_passive(parsed, i) else None
    subject = _subject(parsed, i)
    passive = (
        agent is None
        and subject is not None
        and parsed.tokens[i].lemma not in STATIVE_PARTICIPLES
        and (
            (
                parsed.tokens[subject].dep == "nsubjpass"
                and parsed.tokens[subject].head == i  # its own subject, not one climbed to
            )
            # "Asked about the report, Trump said…": a participle clause with no subject of
            # its own is done to the one it shares with its head, by someone not named.
            or (parsed.tokens[i].dep == "advcl" and _is_passive(parsed, i))
        )
    )
    targets: list[ActorMention] = []
    if agent is not None:
        sources = _actor_at(parsed, layer, agent)
        if subject is not None:
            targets = _actor_at(parsed, layer, subject)
    elif passive and subject is not None:
        # "Two demonstrators were arrested in Moscow": done to them, by someone not named ("it
        # was noted that…" is done to no one).
        expletive = parsed.tokens[subject].text.casefold() == "it" and any(
            parsed.tokens[c].dep == "ccomp" for c in parsed.children(i)
        )
        sources, targets = [], [] if expletive else _actor_at(parsed, layer, subject)
    elif subject is not None:
        sources = _actor_at(parsed, layer, subject)
    else:
        sources = _nearest_actor_before(ctx, i)
    mutual = pattern.code[:2] in MUTUAL_ROOTS
    for obj in _objects(parsed, i, mutual=mutual):
        targets.extend(m for m in _actor_at(parsed, layer, obj) if m not in targets)
    # What the doer does to its own ("its military sweep") names no one else.
    doers: frozenset[str | None] = frozenset(m.actor_id for m in sources if m.actor_id)
    targets = [m for m in targets if m.actor_id is None or m.actor_id not in doers]
    if not targets and pattern.code[:2] in DEMAND_ROOTS:
        # "Moscow insists it should receive guarantees from Washington": the one asked is in
        # the demanded clause — its subject ("demanded that the United States match…") unless
        # that is the one demanding.
        # "issued a declaration [demanding] that Turkey…", "reiterated its [demand] that
        # Israel…": the clause may hang off the pattern's demanding word.
        asking = [
            i,
            *(d for d in _descendants(parsed, i) if parsed.tokens[d].lemma in pattern.needs),
        ]
        for child in (c for a in asking for c in parsed.children(a)):
            if parsed.tokens[child].dep in ("ccomp", "xcomp", "acl"):
                asked = _subject(parsed, child)
                found = _actor_at(parsed, layer, asked) if asked is not None else []
                demanding = {m.actor_id for m in sources if m.actor_id}
                if found and not any(m in sources or m.actor_id in demanding for m in found):
                    targets.extend(m for m in found if m not in targets)
                    continue
                for obj in _objects(parsed, child):
                    targets.extend(m for m in _actor_at(parsed, layer, obj) if m not in targets)

    def others(found: Iterable[ActorMention]) -> list[ActorMention]:
        """Those found who are not the doers, each once."""
        return list(dict.fromkeys(m for m in found if m not in sources and m.actor_id not in doers))

    if not targets:
        targets = others(_deeper_targets(parsed, layer, i))
    if not targets:
        forced = pattern.code[:2] in FORCE_ROOTS
        targets = [
            m for m in _inside_object(parsed, layer, i, doers, forced=forced) if m not in sources
        ]
    if not targets and pattern.code in MEDIATION_CODES:
        # "launched a mediation effort between the Emirates and Saudi Arabia": the parties.
        between = [
            party
            for b in _descendants(parsed, i, depth=3)
            if parsed.tokens[b].text.casefold() == "between"
            for party in parsed.children(b)
        ]
        targets = others(m for party in between for m in _actor_at(parsed, layer, party))
    if not targets and pattern.code[:2] in THREAT_ROOTS:
        # "threatened a strike unless Israel rescinded the annexation": the one who must act.
        to_act = [s for c in _conditions(parsed, i) if (s := _subject(parsed, c)) is not None]
        targets = others(m for s in to_act for m in _actor_at(parsed, layer, s))
    if not targets and pattern.code[:2] in PURPOSE_TARGET_ROOTS:
        targets = [m for m in _purpose_target(parsed, layer, i, doers) if m not in sources]
    if not targets and pattern.code[:2] in SEPARATION_ROOTS:
        targets = others(_separated_from(parsed, layer, i))
    if (
        not targets
        and sources
        and (pattern.code[:2] in PLACE_TARGET_ROOTS or pattern.code in PLACE_TARGET_CODES)
    ):
        # Only for an act someone is named doing: a place alone makes no event.
        targets = [m for m in _place_acted_in(parsed, layer, i) if m not in sources]
    if not sources:
        sources = _speaker_as_source(ctx, i)
    if (
        not sources
        and subject is not None
        and agent is None
        and not passive  # a passive's subject is who it was done to
        and parsed.tokens[subject].dep == "nsubj"
    ):
        sources = _unresolved(parsed, subject)
    if mutual and len(sources) >= 2:
        # "Putin and Obama will meet", "Russia and NATO agreed": each is the other's partner —
        # what they discussed ("the Iranian issue") is their topic, not a third party.
        sources, targets = sources[:1], sources[1:]
    sources = _for_speaker(ctx, i, sources)
    blamer = _blaming_speaker(ctx, i, pattern, sources)
    if blamer is not None:
        sources, targets = [blamer], sources
    events = _emit(ctx, i, pattern, sources, targets, sourceless=passive)
    if pattern.code[:2] == "01" and targets and _at_a_meeting(parsed, i):
        # "Medvedev told Obama at a nuclear security summit": they met there too.
        events += _emit(ctx, i, _MET_THERE, sources, targets)
    return events


_MET_THERE = _rule(
    "040",
    "tell",
    "parley curators: a statement made to someone at a summit or meeting is also a meeting",
)
# Where two actors who speak to each other are meeting: "at a summit", "during talks".
MEETING_NOUNS = frozenset({"summit", "meeting", "talk", "negotiation", "conference", "forum"})


def _at_a_meeting(parsed: Parsed, i: int) -> bool:
    for prep in parsed.children(i):
        if parsed.tokens[prep].text.casefold() in ("at", "during", "on"):
            for j in _descendants(parsed, prep, depth=2):
                if parsed.tokens[j].lemma in MEETING_NOUNS and parsed.tokens[j].pos == "NOUN":
                    return True
    return False


def _demand(ctx: _Context, i: int) -> list[Event] | None:
    """'Russia said Sudan must return the helicopter': the speaker's demand of Sudan, coded at
    the reporting verb, in place of a return that has not happened."""
    parsed = ctx.parsed
    token = parsed.tokens[i]
    words = (parsed.tokens[c].text.casefold() for c in parsed.children(i))
    demand = next((DEMAND_AUX[w] for w in words if w in DEMAND_AUX), None)
    cues, _ = cue_lemmas()
    if demand is None or token.dep != "ccomp" or parsed.tokens[token.head].lemma not in cues:
        return None
    speaker, subject = _subject(parsed, token.head), _subject(parsed, i)
    if speaker is None or subject is None:
        return None
    sources = _actor_at(parsed, ctx.layer, speaker)
    targets = [m for m in _actor_at(parsed, ctx.layer, subject) if m not in sources]
    if not sources or not targets:
        return None
    return _emit(ctx, token.head, demand, sources, targets)


@cache
def pessimistic_outcomes() -> frozenset[str]:
    return frozenset(load_yaml("verbs.yaml")["pessimistic_outcomes"]["lemmas"])


_PESSIMISTIC = _rule(
    "012", "say", "parley curators: a reported denial that something will be resolved is CAMEO 012"
)


def _pessimistic(ctx: _Context, i: int) -> list[Event] | None:
    """'The dispute between Russia and the United States will not be resolved, Putin said': the
    speaker's pessimistic comment (CAMEO 012) about the other parties of the dispute."""
    parsed = ctx.parsed
    _, indirect = cue_lemmas()
    if parsed.tokens[i].lemma not in indirect:
        return None
    comp = next((c for c in parsed.children(i) if parsed.tokens[c].dep == "ccomp"), None)
    if comp is None or parsed.tokens[comp].lemma not in pessimistic_outcomes():
        return None
    cues, _ = cue_lemmas()
    negated, modality = _modality(parsed, comp, cues, in_quote=False)
    if not negated or modality not in ("future", "hypothetical"):
        return None
    speaker = _subject(parsed, i)
    sources = _actor_at(parsed, ctx.layer, speaker) if speaker is not None else []
    if not sources:
        return None
    about = parsed.subject_of(comp)
    targets = _other_parties(parsed, ctx.layer, about, sources) if about is not None else []
    return _emit(ctx, i, _PESSIMISTIC, sources, targets)


def _other_parties(
    parsed: Parsed, layer: ActorLayer, i: int, speakers: list[ActorMention]
) -> list[ActorMention]:
    """The actors named under token ``i`` other than the speakers' own countries: "the dispute
    between Russia and the United States" said by Putin is about the United States."""
    own = {m.country for m in speakers}
    lo, hi = parsed.subtree(i)
    found = (layer.at(k) for k in range(lo, hi + 1))
    return [m for m in dict.fromkeys(found) if m and m.resolved and m.country not in own]


_BLAME = _rule("112", "rest", "parley curators: placing responsibility on a party accuses it")
FIRST_PERSON_PLURAL = frozenset({"us", "we", "ourselves"})


@cache
def blame_placing() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(verbs, subjects, prepositions) of "responsibility lies with X"."""
    data = load_yaml("verbs.yaml")["blame_placing"]
    return frozenset(data["verbs"]), frozenset(data["subjects"]), frozenset(data["prepositions"])


def _blame_placed(ctx: _Context, i: int) -> list[Event] | None:
    """ "Lavrov stressed that responsibility for the crisis in relations with Washington does
    not rest with us": the speaker accuses the other party (CAMEO 112); "… lies with Kyiv": Kyiv."""
    parsed, layer = ctx.parsed, ctx.layer
    verbs, subjects, prepositions = blame_placing()
    token = parsed.tokens[i]
    subject = parsed.subject_of(i)
    if token.lemma not in verbs or subject is None or parsed.tokens[subject].lemma not in subjects:
        return None
    cues, _ = cue_lemmas()
    if token.dep != "ccomp" or parsed.tokens[token.head].lemma not in cues:
        return None
    speaker = _subject(parsed, token.head)
    sources = _actor_at(parsed, layer, speaker) if speaker is not None else []
    placed = next(
        (
            g
            for c in parsed.children(i)
            if parsed.tokens[c].text.casefold() in prepositions
            for g in parsed.children(c)
            if parsed.tokens[g].dep == "pobj"
        ),
        None,
    )
    if not sources or placed is None:
        return None
    negated = any(parsed.tokens[c].dep == "neg" for c in parsed.children(i))
    own = {m.country for m in sources}
    if not negated:
        targets = _actor_at(parsed, layer, placed)
    elif parsed.tokens[placed].text.casefold() in FIRST_PERSON_PLURAL or any(
        m.country in own for m in _actor_at(parsed, layer, placed)
    ):
        # Not with us: with the other party the clause names.
        targets = _other_parties(parsed, layer, subject, sources)
    else:
        return None
    # Coded at the reporting verb: "does not rest with us" is the denial that makes the
    # accusation, not a negated one.
    return _emit(ctx, token.head, _BLAME, sources, targets) if targets else None


def _nominal(ctx: _Context, i: int, pattern: Pattern) -> list[Event]:
    """'the telephone conversation between X and Y', 'his visit to Sochi', 'an invitation
    from X'."""
    parsed, layer = ctx.parsed, ctx.layer
    sources: list[ActorMention] = []
    targets: list[ActorMention] = []
    for child in parsed.children(i):
        c = parsed.tokens[child]
        if c.dep == "poss" or (c.dep in ("amod", "compound") and layer.at(child)):
            sources.extend(_actor_at(parsed, layer, child))
        elif c.dep == "prep":
            word = c.text.casefold()
            objects = [g for g in parsed.children(child) if parsed.tokens[g].dep == "pobj"]
            for obj in objects:
                found = _actor_at(parsed, layer, obj)
                if word == "of" and pattern.code[:2] >= SOURCELESS_FROM_ROOT:
                    targets.extend(found)  # "the blockade of Serbia", "the shelling of Gorazde"
                elif word in ("between", "of", "by", "from"):
                    sources.extend(found)
                elif word in TARGET_PREPOSITIONS:
                    targets.extend(found)
    if len(sources) >= 2 and not targets:
        sources, targets = sources[:1], sources[1:]
    # "Obama accepted an invitation from Medvedev": the verb's subject is on the other side.
    head = parsed.tokens[i]
    if head.dep in ("dobj", "pobj") and not targets:
        subject = _subject(parsed, head.head)
        if subject is not None:
            found = _actor_at(parsed, layer, subject)
            if sources:
                doers = {m.actor_id for m in sources if m.actor_id}
                targets = [m for m in found if m not in sources and m.actor_id not in doers]
            else:
                sources = found
                if len(sources) >= 2 and pattern.code[:2] in MUTUAL_ROOTS:
                    # "Putin and Obama held a telephone conversation": with each other.
                    sources, targets = sources[:1], sources[1:]
    if not targets and pattern.code[:2] in DEMAND_ROOTS:
        targets = [m for m in _asked(parsed, layer, i) if m not in sources]
    if not sources:
        return []
    return _emit(ctx, i, pattern, sources, targets, nominal=True)


def _asked(parsed: Parsed, layer: ActorLayer, noun: int) -> list[ActorMention]:
    """ "its demand that Israel ease restrictions": the one a demand asks, the subject of the
    clause saying what (hung on the noun, or on the verb whose object the noun is)."""
    token = parsed.tokens[noun]
    holders = [noun, token.head] if token.dep == "dobj" else [noun]
    for holder in holders:
        for clause in parsed.children(holder):
            if parsed.tokens[clause].dep in ("acl", "ccomp") and clause > noun:
                asked = _subject(parsed, clause)
                if asked is not None:
                    return _actor_at(parsed, layer, asked)
    return []


def _unresolved(parsed: Parsed, subject: int) -> list[ActorMention]:
    """A subject that names no known actor ("Critics", "the diplomatic chief") still acts: the
    event is kept with the subject as written and nothing guessed about who it is."""
    token = parsed.tokens[subject]
    # "it", "there", "which": nothing to show for an unresolved pronoun.
    if token.pos == "PRON" or token.tag in ("EX", "WDT", "WP"):
        return []
    lo = hi = subject
    for j in _descendants(parsed, subject, depth=3):
        if parsed.tokens[j].dep not in ("relcl", "acl", "appos", "punct", "cc", "conj"):
            lo, hi = min(lo, j), max(hi, j)
    hi = min(hi, lo + MAX_UNRESOLVED_WORDS - 1)
    return [
        ActorMention(
            start=lo, end=hi + 1, head=subject, start_char=parsed.tokens[lo].idx,
            end_char=parsed.tokens[hi].end, text=parsed.span_text(lo, hi + 1), kind="unknown",
        )
    ]  # fmt: skip


def _nearest_actor_before(ctx: _Context, i: int) -> list[ActorMention]:
    """A verb the parser left without a subject ("…, US state secretary also met with Putin",
    parsed as an apposition): the nearest actor before it in the sentence, not an object."""
    parsed = ctx.parsed
    sentence = parsed.sentence_of(i)
    for j in range(i - 1, sentence.start - 1, -1):
        mention = ctx.layer.at(j)
        if mention is None or not mention.resolved:
            continue
        if parsed.tokens[mention.head].dep in ("pobj", "dobj", "poss", "dative"):
            return []
        return [mention]
    return []


def _for_speaker(ctx: _Context, i: int, sources: list[ActorMention]) -> list[ActorMention]:
    """In reported speech, a government named by its capital acts through the person speaking
    for it: "Lavrov said Moscow would expect a response" is Lavrov's demand, as RUS GOV."""
    parsed = ctx.parsed
    cues, _ = cue_lemmas()
    j, steps = i, 0
    while parsed.tokens[j].dep in ("ccomp", "conj", "xcomp") and steps < 4:
        j, steps = parsed.tokens[j].head, steps + 1
        if parsed.tokens[j].lemma in cues:
            # "Ivanov reiterated Russia's position, stressing Moscow does not seek…": a
            # participle's speaker is its head verb's subject.
            subject = parsed.clause_subject(j, climbs=1)
            speaker = ctx.layer.at(subject) if subject is not None else None
            if speaker is None or not speaker.is_person:
                return sources
            return [
                speaker if s.kind == "country" and s.country == speaker.country else s
                for s in sources
            ]
    return sources


def _blaming_speaker(
    ctx: _Context, i: int, pattern: Pattern, sources: list[ActorMention]
) -> ActorMention | None:
    if pattern.code[:2] not in BLAME_ROOTS or not sources:
        return None
    parsed = ctx.parsed
    cues, _ = cue_lemmas()
    token = parsed.tokens[i]
    if token.dep != "ccomp" or parsed.tokens[token.head].lemma not in cues:
        return None
    subject = parsed.subject_of(token.head)
    speakers = _actor_at(parsed, ctx.layer, subject) if subject is not None else []
    speaker = speakers[0] if speakers else None
    if speaker is None or not speaker.resolved or speaker.country == sources[0].country:
        return None
    return speaker


def _speaker_as_source(ctx: _Context, i: int) -> list[ActorMention]:
    """Inside a quotation, "we" and "I" act for the speaker."""
    parsed = ctx.parsed
    subject = _subject(parsed, i)
    if subject is None or parsed.tokens[subject].text.casefold() not in ("i", "we"):
        return []
    quote = _quote_at(ctx, parsed.tokens[i].idx)
    if quote is None or quote.speaker.actor_id is None:
        return []
    s = quote.speaker
    return [
        ActorMention(
            start=subject,
            end=subject + 1,
            head=subject,
            start_char=parsed.tokens[subject].idx,
            end_char=parsed.tokens[subject].end,
            text=parsed.tokens[subject].text,
            kind="pronoun",
            actor_id=s.actor_id,
            name=s.name,
            country=s.country,
            sector=s.sector,
            role=s.role,
            basis="coreference",
        )
    ]


def _quote_at(ctx: _Context, offset: int) -> Quote | None:
    for quote in ctx.quotes:
        if quote.kind != "indirect" and quote.start <= offset < quote.end:
            return quote
    return None


def _emit(
    ctx: _Context,
    i: int,
    pattern: Pattern,
    sources: list[ActorMention],
    targets: list[ActorMention],
    *,
    nominal: bool = False,
    sourceless: bool = False,
) -> list[Event]:
    """``sourceless``: a passive with no agent ("the ambassador was expelled") is an event done
    to its subject by someone unnamed, whatever its root."""
    parsed = ctx.parsed
    if not sources and not (targets and (sourceless or pattern.code[:2] >= SOURCELESS_FROM_ROOT)):
        return []
    cues, _ = cue_lemmas()
    offset = parsed.tokens[i].idx
    quote = _quote_at(ctx, offset)
    negated, modality = _modality(parsed, i, cues, quote is not None)
    if nominal:
        # A noun event ("the conversation") happened even when the clause around it is negated.
        negated = any(
            parsed.tokens[c].dep == "det" and parsed.tokens[c].text.casefold() == "no"
            for c in parsed.children(i)
        )
    elif negated and _contrasted(parsed, i, pattern):
        negated = False  # "does not seek an advantage, merely legal guarantees"
    root = pattern.code[:2]
    if modality == "future" and negated and root in COOPERATIVE_ROOTS and not nominal:
        code, negated, modality = REFUSAL_CODES.get(root, REFUSAL), False, "asserted"
    elif _on_condition(parsed, i):
        # "the EC may halt mediation if…", "will boycott the elections unless…": a promise or
        # a threat, protest included (CAMEO 133).
        code = {**INTENT_CODES, "14": "133"}.get(root, pattern.code)
    elif modality == "future":
        code = INTENT_CODES.get(root, pattern.code)
    else:
        code = pattern.code
    entry = ontology.lookup(code)
    plover = entry.plover
    if code == pattern.code and pattern.plover_type:
        plover = Plover(
            type=pattern.plover_type, mode=pattern.plover_mode, context=entry.plover.context
        )
    sentence = parsed.sentence_of(i)
    sentence_text = parsed.text[sentence.start_char : sentence.end_char]
    event_date = _date(ctx, sentence_text, modality)
    location = _location(ctx, i) or _dateline_location(ctx.article)
    found_issues = _issues(parsed, i, nominal)
    events: list[Event] = []
    # "deploy peacekeepers in Iraq", "students throughout Indonesia staged protests": an actor
    # nothing else places acts, or is acted on, in the country it is in (as CAMEO codes it).
    sources = [_placed(parsed, ctx.layer, m) for m in sources]
    targets = [_placed(parsed, ctx.layer, m) for m in targets]
    targets = _at_home(sources, targets)
    if code[:2] == "14":
        sources = _protesting_where(parsed, ctx.layer, i, sources)
    pairs: list[tuple[ActorMention | None, ActorMention | None]] = []
    for actor in sources:
        # Two actors known only by description (no id) are still two actors.
        others = [
            t
            for t in targets
            if t is not actor and (t.actor_id is None or t.actor_id != actor.actor_id)
        ]
        if others:
            pairs.extend((actor, t) for t in others)
        else:
            pairs.append((actor, None))
    if not sources:
        pairs.extend((None, t) for t in targets)
    for n, (source, target) in enumerate(pairs):
        confidence = _confidence(parsed, i, code, pattern, source, target, nominal, modality)
        events.append(
            Event(
                id=f"{ctx.article.id}#e{offset}-{n}",
                article_id=ctx.article.id,
                sentence=sentence_text,
                start=sentence.start_char,
                end=sentence.end_char,
                source=source.ref() if source else ActorRef(),
                target=target.ref() if target else ActorRef(),
                cameo=entry.code,
                plover=plover,
                goldstein=entry.goldstein,
                quad_class=entry.quad_class,
                negated=negated,
                modality=modality,
                date=event_date.date,
                date_precision=event_date.precision,
                date_basis=event_date.basis,
                location=location,
                issues=list(found_issues),
                quote_id=quote.id if quote else None,
                confidence=confidence,
            )
        )
    return events


def _at_home(sources: list[ActorMention], targets: list[ActorMention]) -> list[ActorMention]:
    """ "Egyptian police opened fire to disperse Moslem fundamentalist demonstrators": police act
    at home, so whom they act on that nothing else places is in their country."""
    homes = {m.country for m in sources if m.sector == "COP" and m.country}
    if len(homes) != 1:
        return targets
    home = homes.pop()
    return [
        replace(t, country=home) if t.country is None and t.kind != "pronoun" else t
        for t in targets
    ]


def _protesting_where(
    parsed: Parsed, layer: ActorLayer, i: int, sources: list[ActorMention]
) -> list[ActorMention]:
    """ "Prisoners rioted at a jail in East Timor's capital Dili": those who protest where
    nothing else places them protest where they are (as CAMEO codes it)."""
    if all(m.country is not None or m.kind == "pronoun" for m in sources):
        return sources
    where = _place_acted_in(parsed, layer, i)
    if not where:
        return sources
    return [
        replace(m, country=where[0].country) if m.country is None and m.kind != "pronoun" else m
        for m in sources
    ]


def _placed(parsed: Parsed, layer: ActorLayer, m: ActorMention) -> ActorMention:
    """The mention with the country of the place it is said to be in, when it has none."""
    if m.country is not None or m.kind in ("pronoun", "person"):
        return m
    place = _country_in(parsed, layer, m.head, WHERE_THEY_ARE)
    return m if place is None else replace(m, country=place.country)


def _subtree_text(parsed: Parsed, i: int, skip: frozenset[str] = frozenset()) -> str:
    """The words under token ``i``, leaving out children attached by a ``skip`` dependency."""
    keep: list[int] = []
    stack = [i]
    while stack:
        j = stack.pop()
        keep.append(j)
        stack.extend(c for c in parsed.children(j) if not (j == i and parsed.tokens[c].dep in skip))
    return " ".join(parsed.tokens[j].text for j in sorted(keep))


# Clauses of their own: what they are about is not what the event is about.
OTHER_CLAUSES = frozenset({"conj", "parataxis", "advcl", "cc"})


def _confidence(
    parsed: Parsed,
    i: int,
    code: str,
    pattern: Pattern,
    source: ActorMention | None,
    target: ActorMention | None,
    nominal: bool,
    modality: Modality,
) -> float:
    """How much the sentence commits to this event: the main clause's verb, a specific pattern,
    both actors known; less for a noun ("the attack"), a reported clause or a bare statement."""
    confidence = STATEMENT_CONFIDENCE if code[:2] == "01" else BASE_CONFIDENCE
    confidence += 0.1 * len(pattern.needs) + (0.2 if target is not None else 0.0)
    if source is not None and source.actor_id and source.basis != "unresolved":
        confidence += 0.1
    if parsed.tokens[i].dep == "ROOT":
        confidence += 0.15
    if nominal:
        confidence -= 0.1
    if modality == "reported":
        confidence -= 0.1
    return round(max(0.05, min(confidence, 1.0)), 2)


# Clauses that serve another: what the verb says, wants or does it for.
SUBORDINATE_CLAUSES = frozenset({"ccomp", "xcomp", "advcl"})
MAX_CLAUSE_STEPS = 3


def _issues(parsed: Parsed, i: int, nominal: bool) -> tuple[str, ...]:
    """What the event is about: the issues its own words name, else (for a verb) those of the
    clause it serves. "Ivanov reiterated Russia's position on missile defense, stressing Moscow
    does not seek an advantage, merely legal guarantees": guarantees about missile defence."""
    found = issues_in(_issue_scope(parsed, i, nominal))
    j, steps = i, 0
    while not found and not nominal and parsed.tokens[j].dep in SUBORDINATE_CLAUSES:
        j, steps = parsed.tokens[j].head, steps + 1
        if steps > MAX_CLAUSE_STEPS:
            break
        found = issues_in(_subtree_text(parsed, j, OTHER_CLAUSES))
    return found


def _issue_scope(parsed: Parsed, i: int, nominal: bool) -> str:
    """The words an event's issues come from: its verb's clause; for a noun event, its own
    phrase when the clause around it is negated ("X was not discussed during the
    conversation": X is not what the conversation was about)."""
    if not nominal:
        return _subtree_text(parsed, i, OTHER_CLAUSES)
    j, steps = i, 0
    while parsed.tokens[j].pos not in ("VERB", "AUX") and parsed.tokens[j].head != j:
        j, steps = parsed.tokens[j].head, steps + 1
        if steps > 4:
            return _subtree_text(parsed, i)
    if any(parsed.tokens[c].dep == "neg" for c in parsed.children(j)):
        return _subtree_text(parsed, i)
    return _subtree_text(parsed, j, OTHER_CLAUSES)


def _date(ctx: _Context, sentence: str, modality: Modality) -> when.EventDate:
    # An intention is dated when it was voiced ("said on Friday"), not when it will happen.
    resolved = when.resolve(sentence, ctx.anchor, future=modality == "future")
    if resolved is not None and modality != "future":
        return resolved
    if modality == "future":
        said = re.search(r"\b(?:said|told|announced)\b[^.]*?\bon\s+\w+day\b", sentence)
        if said:
            spoken = when.resolve(said.group(0), ctx.anchor)
            if spoken is not None:
                return spoken
    return when.article_date(ctx.anchor)


def _location(ctx: _Context, i: int) -> Location | None:
    parsed = ctx.parsed
    sentence = parsed.sentence_of(i)
    for entity in parsed.entities:
        if (
            entity.label not in ("GPE", "LOC", "FAC")
            or not sentence.start <= entity.start < sentence.end
        ):
            continue
        before = parsed.tokens[entity.start - 1].text.casefold() if entity.start else ""
        # "in Seoul", and "the resort of Sochi" / "the city of Aleppo".
        noun_of = (
            entity.start >= 2
            and before == "of"
            and (parsed.tokens[entity.start - 2].lemma in where.PLACE_NOUNS)
        )
        # "his visit to Sochi": where a visit goes is where the visitor's meetings happen.
        visit_to = before == "to" and parsed.tokens[entity.start - 2].lemma in where.VISIT_NOUNS
        if before in where.LOCATION_PREPOSITIONS or noun_of or visit_to:
            place = where.locate(entity.text.removeprefix("the "))
            if place:
                return place
    return None


def _dateline_location(article: Article) -> Location | None:
    if article.dateline and article.dateline.place:
        return where.locate(article.dateline.place) or Location(name=article.dateline.place)
    return None
