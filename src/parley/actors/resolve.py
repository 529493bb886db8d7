"""Find actor mentions in a parsed article and resolve them against the knowledge base.

Mentions come from dictionary matching (longest match wins: spaCy's small model often gets the
entity type wrong), from spaCy's entities for people and organisations the knowledge base has never
heard of, from role and sector descriptions ("the Kremlin spokesman", "U.S. officials") and from
pronouns. The article's date picks each person's role; actors.coref links what is written as a
surname, a description or a pronoun to whom it means.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from parley.actors import ActorLayer, ActorMention, reference_date, slug
from parley.actors.coref import (
    BODY_HEADS,
    SPOKES_NOUNS,
    name_words,
    person_title,
    resolve_references,
)
from parley.actors.kb import Entry, KnowledgeBase, Person, load
from parley.clean.metadata import MONTHS
from parley.data import abbreviations, reporting_verbs
from parley.geo import locate
from parley.nlp import Parsed, Token, stop_words
from parley.records import Actor, Article

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
ORG_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "their", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Words allowed inside a title or description before a name ("Russia's Chief of the General Staff").
_TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_TITLE_GLUE = frozenset({"of", "the", "'s", "’s", "-", "for"})
# A title before a name is at most this many tokens long.
MAX_TITLE_TOKENS = 8
_ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place"}
# A capitalised word inside these entities is not a surname ("May" in "on May 12").
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    entries: tuple[Entry, ...] = ()
    label: str = ""  # "surname", "PERSON", "ORG", "description", "pronoun" or "" (dictionary)
    title_start: int | None = None  # where a title in front of a name begins


def _dictionary_spans(parsed: Parsed, kb: KnowledgeBase) -> list[_Span]:
    # Longest match first, tried only where a known name can start: this runs on every token.
    words = tuple(t.text for t in parsed.tokens)
    longest = kb.longest_from
    spans: list[_Span] = []
    i = 0
    while i < len(words):
        found = None
        # "The Security Council" opening a sentence is "the Security Council" of the dictionary.
        first = "the" if words[i] == "The" else words[i]
        for n in range(min(longest.get(first, 0), len(words) - i), 0, -1):
            phrase = (first, *words[i + 1 : i + n])
            entries = kb.surface.get(phrase)
            if entries and _first_name_here(parsed, i, i + n, kb):
                break  # "Virginia Giuffre": a person, not the place
            if entries or phrase in kb.not_names:
                found = _Span(i, i + n, tuple(entries or ()))
                break
        token = parsed.tokens[i]
        if (
            found is None
            and token.pos == "PROPN"
            and token.ent_type != "PERSON"
            and words[i] not in kb.surnames
            and (misspelt := kb.misspelt_country(words[i]))
        ):
            found = _Span(i, i + 1, tuple(misspelt))
        if found:
            if found.entries:  # "Social Democrats" is read whole, and is no one known
                spans.append(found)
            i = found.end
        else:
            i += 1
    return spans


def _first_name_here(parsed: Parsed, start: int, end: int, kb: KnowledgeBase) -> bool:
    """Whether a place's name is the first name of a person the model tagged ("Virginia
    Giuffre", "Chad Pergram"): only names listed as both (`also_places` in given_names.yaml), as
    the model also tags "Egypt Tells" or "Denmark 2" in headlines and tables as people."""
    tokens = parsed.tokens
    return (
        end == start + 1
        and tokens[start].text in kb.place_first_names
        and tokens[start].ent_type == "PERSON"
        and tokens[start].ent_iob == "B"
        and end < len(tokens)
        and tokens[end].ent_type == "PERSON"
        and tokens[end].ent_iob == "I"
    )


# Prepositions that put what follows on the map: "in Lagos", "near Santos".
LOCATIVE = frozenset({"in", "at", "near", "into", "outside", "inside", "around", "across"})


def _a_place_here(parsed: Parsed, i: int) -> bool:
    """A surname that is also a city, used as a place: "a rally in Lagos" is not Ricardo Lagos."""
    token = parsed.tokens[i]
    before = parsed.tokens[i - 1].text.casefold() if i else ""
    return (
        before in LOCATIVE and token.ent_type in ("GPE", "LOC") and locate(token.text) is not None
    )


def _is_plural(token: Token) -> bool:
    return token.tag in ("NNS", "NNPS")


def _description_words(kb: KnowledgeBase) -> frozenset[str]:
    tails = {phrase.split()[-1] for phrase in kb.role_phrases}
    return frozenset(tails | {noun.split()[-1] for noun in kb.sector_nouns})


def _has_demonym(parsed: Parsed, i: int, kb: KnowledgeBase) -> bool:
    return any(
        parsed.tokens[c].dep in ("amod", "compound")
        and kb.country_of_demonym(parsed.tokens[c].text) is not None
        for c in parsed.children(i)
    )


def _title_before(parsed: Parsed, start: int, taken: set[int], kb: KnowledgeBase) -> int:
    """Where the title in front of a name begins ("Russian Foreign Minister" Sergey Lavrov)."""
    j = start
    while j > 0 and start - (j - 1) <= MAX_TITLE_TOKENS:
        token = parsed.tokens[j - 1]
        # Another mention ends the title, unless it is a capitalised name inside it
        # ("Russian Foreign Minister", "Putin aide").
        if (j - 1) in taken and not _is_capitalised(parsed, j - 1):
            break
        word = token.text.casefold()
        if word == "led" and j >= 3 and parsed.tokens[j - 2].text == "-":
            # "Vietnamese-led forces", "the Saudi-led coalition": whoever leads them is who they
            # are ("Iranian-backed militias" are not Iran's forces, and stay unnamed).
            if _is_capitalised(parsed, j - 3):
                j -= 3
                continue
            break
        if token.pos in ("ADP", "CCONJ", "DET", "PART", "PRON") and not _glues(parsed, j - 1, kb):
            break
        if token.pos in _TITLE_POS or word in _TITLE_GLUE or word in kb.role_words:
            j -= 1
            continue
        break
    # A title never starts with glue words.
    while j < start and parsed.tokens[j].text.casefold() in (*_TITLE_GLUE, "and"):
        j += 1
    return j


# Who speaks or acts for someone else: "a spokesman for Illinois Senate hopeful Tammy Duckworth".
WORKS_FOR = SPOKES_NOUNS | {"aide", "adviser", "advisor", "lawyer", "attorney", "counsel"}


def _name_title(parsed: Parsed, start: int, taken: set[int], kb: KnowledgeBase) -> int:
    """Where the title in front of a person's name begins. In "envoy to Ukraine Kurt Volker"
    the words after the preposition name no title of his, only where he is sent. In "a
    spokeswoman for Sen. Jeff Flake" and "a lawyer for Michael Cohen" the words before "for" are
    someone else's; in "Minister of Foreign Affairs Sergei Lavrov" they are his."""
    tokens = parsed.tokens
    j = _title_before(parsed, start, taken, kb)
    if (
        j > 0
        and tokens[j - 1].pos == "ADP"
        and not any(tokens[k].text.casefold() in kb.role_words for k in range(j, start))
    ):
        return start
    joints = [k for k in range(j, start) if tokens[k].text.casefold() in ("of", "for")]
    if not joints:
        return j
    joint = joints[-1]
    works_for = tokens[joint].text.casefold() == "for" and (
        joint == start - 1 or tokens[joint - 1].lemma.casefold() in WORKS_FOR
    )
    if works_for or person_title(tokens[start - 1].text, kb):
        # The title, if any, is what follows the preposition ("Sen.").
        return start if tokens[joint + 1].tag == "DT" else joint + 1
    return j


def _glues(parsed: Parsed, i: int, kb: KnowledgeBase) -> bool:
    """A function word inside a title joins title words ("Chief of the General Staff",
    "Planning and Investment Minister"); in "defiance of Chinese authorities" or "streets in Hong
    Kong" it ends the description."""
    word = parsed.tokens[i].text.casefold()
    if word in ("the", "'s", "’s"):
        return True
    before = parsed.tokens[i - 1] if i > 0 else None
    if before is None:
        return False
    if word in ("of", "for"):
        return before.text.casefold() in kb.role_words or before.pos == "PROPN"
    if word == "and":
        return before.pos in _TITLE_POS
    return False


def _is_capitalised(parsed: Parsed, i: int) -> bool:
    return parsed.tokens[i].text[:1].isupper()


STANCE_PREFIXES = frozenset({"anti", "pro"})


def _stance_on(parsed: Parsed, i: int) -> bool:
    """Whether the word at ``i`` follows "anti-" or "pro-" ("anti-Israel", "pro-Western")."""
    return (
        i >= 2
        and parsed.tokens[i - 1].text == "-"
        and parsed.tokens[i - 2].text.casefold() in STANCE_PREFIXES
    )


def _describe(
    parsed: Parsed, start: int, end: int, kb: KnowledgeBase
) -> tuple[str | None, str | None, str | None]:
    """Country, role key and sector that a description gives ("the Kremlin spokesman")."""
    country = None
    rest: list[str] = []
    i = start
    while i < end:
        matched = False
        for n in range(min(4, end - i), 0, -1):
            words = tuple(t.text for t in parsed.tokens[i : i + n])
            known = kb.surface.get(words, [])
            if not known and n == 1 and parsed.tokens[i].pos == "PROPN":
                known = kb.misspelt_country(words[0])  # "Quatar's emir"
            entries = [
                e for e in known if e.kind in ("country", "demonym", "metonym", "organisation")
            ]
            if entries and _stance_on(parsed, i):
                # "anti-Syria journalist", "pro-Russian rebels": a stance on the state, not its.
                rest.extend(w.casefold() for w in words)
                i += n
                matched = True
                break
            if entries:
                entry = entries[0]
                # "the EU's diplomatic chief": an organisation's code stands where a country would.
                code = kb.organisations[entry.id].code if entry.kind == "organisation" else entry.id
                country = country or code
                if entry.kind == "metonym":
                    rest.extend(w.casefold() for w in words)
                i += n
                matched = True
                break
        if not matched:
            token = parsed.tokens[i]
            # "the Bush administration", "the Putin government": the leader's country.
            countries = {kb.people[p].country for p in kb.surnames.get(token.text, [])}
            if len(countries) == 1 and token.text[:1].isupper():
                country = country or countries.pop()
            elif token.text not in ("'s", "’s") and token.text.casefold() not in ("the", "a", "an"):
                rest.append(token.text.casefold())
            i += 1
    phrase = " ".join(rest)
    role = kb.role_key(phrase) if phrase else None
    sector = kb.role_sectors.get(role) if role else None
    if sector is None:
        # The longest ending phrase names the sector: "security forces" (COP) before "forces".
        for start in range(len(rest)):
            phrase = " ".join(rest[start:])
            sector = kb.sector_nouns.get(phrase) or kb.sector_nouns.get(phrase.rstrip("s"))
            if sector:
                break
    return country, role, sector


def _hyphenated_end(tokens: tuple[Token, ...], end: int) -> int:
    """ "Paik Un-gyu": the small model may end a name at its hyphen; the name runs on."""
    while (
        end + 1 < len(tokens)
        and tokens[end].text == "-"
        and not tokens[end - 1].ws
        and not tokens[end].ws
        and tokens[end + 1].text.isalpha()
    ):
        end += 2
    return end


def _given_name_spans(parsed: Parsed, kb: KnowledgeBase, taken: set[int]) -> list[_Span]:
    """ "Ivanka Trump", "Jacqueline Rivers", "Alexei Pushkov": a known given name followed by one
    or two capitalised names is a person, whatever the small model tagged (it left the first
    untagged, so "Trump" alone was Donald Trump; it called the others organisations)."""
    tokens = parsed.tokens
    spans: list[_Span] = []
    i = 0
    while i < len(tokens) - 1:
        token = tokens[i]
        if (
            token.text in kb.given_names
            and token.pos == "PROPN"
            and i not in taken
            # Not inside a longer name, nor after an article ("the Marine Corps"); after a
            # known name the title ends with, a name starts ("envoy to Ukraine Kurt Volker").
            and not (
                i
                and (
                    (tokens[i - 1].pos == "PROPN" and i - 1 not in taken)
                    or tokens[i - 1].tag == "DT"
                )
            )
        ):
            end = i + 1
            while (
                end < len(tokens)
                and end - i <= 2
                and end not in taken
                and tokens[end].pos == "PROPN"
                and tokens[end].text[:1].isupper()
                and tokens[end].text.isalpha()
                and tokens[end].text.casefold() not in kb.sector_nouns
            ):
                end += 1
            end = _hyphenated_end(tokens, end) if end > i + 1 else end  # "Temple-Raston"
            # Not the start of a longer proper name ("Marine Corps Air Station").
            if end > i + 1 and not (end < len(tokens) and tokens[end].pos == "PROPN"):
                spans.append(_Span(i, end, label="PERSON"))
                i = end
                continue
        i += 1
    return spans


# Words of a rank before a name that are no role phrase's: "Rear Adm.", "Vice Adm.".
RANK_WORDS = frozenset({"rear", "vice", "lieutenant", "brigadier", "major", "sergeant"})


def _only_a_title(parsed: Parsed, start: int, end: int, kb: KnowledgeBase) -> bool:
    """Is an entity no more than a title written before a name ("Rear Adm.", "Lt. Gen.")?"""
    words = [t.text.casefold().rstrip(".") for t in parsed.tokens[start:end]]
    return (
        end < len(parsed.tokens)
        and parsed.tokens[end].pos == "PROPN"
        and all(w in kb.role_words or w in RANK_WORDS or w in abbreviations() for w in words)
    )


def _untagged_speaker(
    parsed: Parsed, token: Token, taken: set[int], kb: KnowledgeBase, heads: frozenset[str]
) -> _Span | None:
    """ "Facebook said…", "Volker told lawmakers…", "May told the House of Commons…": the small
    model tags no entity (or a date) on many a speaker's name. A capitalised proper noun that is
    the subject of a verb of saying names someone: a person where a known given name starts it,
    a surname the knowledge base knows ("May"), else a body or person the article alone names."""
    tokens = parsed.tokens
    if token.pos != "PROPN" or not token.text[:1].isupper():
        return None
    # "…, the opposition Syrian Observatory for Human Rights said": a subject the parse hung on
    # the clause before the comma.
    verb = token.head if token.dep == "nsubj" else parsed.verb_after_comma_subject(token.i)
    if verb is None:
        return None
    if (
        tokens[verb].lemma not in reporting_verbs()[1]
        or token.text.casefold() in heads  # "Officials said" is a description
    ):
        return None
    if token.text in kb.surnames and token.text.casefold() in MONTHS:
        # "May told…": to the tagger a month (or the verb "may"), and a known surname.
        return _Span(token.i, token.i + 1, label="surname")
    if token.ent_type or token.text.casefold() in stop_words():
        return None  # "Further, …" parsed as a subject
    if token.text.isupper() and tokens[token.head].text.isupper():
        return None  # a headline in capitals: "SOURCES SAY …"
    described = any(
        tokens[c].dep == "appos" and tokens[c].pos == "NOUN" for c in parsed.children(token.i)
    )  # "Frontline, the firm that operates the tanker, said": a name with its description
    if (
        parsed.sentence_of(token.i).start == token.i
        and not described
        and not any(
            t.text == token.text and parsed.sentence_of(t.i).start != t.i
            for t in tokens
            if t.i != token.i
        )
    ):
        # "Studies show…": a capital that opens the sentence names no one unless the word is
        # written so elsewhere in the article too ("Facebook said…" after "Facebook friends").
        return None
    start = token.i
    while (
        start > 0
        and start - 1 not in taken
        and tokens[start - 1].pos == "PROPN"
        and tokens[start - 1].dep == "compound"
        and tokens[start - 1].head == token.i
        and tokens[start - 1].text[:1].isupper()
    ):
        start -= 1
    person = start < token.i and tokens[start].text in kb.given_names
    end = token.i + 1
    while not person and end + 1 < len(tokens) and tokens[end].text in ("of", "for"):
        # "Observatory [for Human Rights]": a body's name runs on through its capitalised words.
        lo, hi = parsed.subtree(end)
        named = range(end + 1, hi + 1)
        if lo != end or not named or not all(tokens[k].pos == "PROPN" for k in named):
            break
        end = hi + 1
    return _Span(start, end, label="PERSON" if person else "ORG")


def _candidate_spans(parsed: Parsed, kb: KnowledgeBase) -> list[_Span]:
    spans = _dictionary_spans(parsed, kb)
    taken = {i for s in spans for i in range(s.start, s.end)}
    named_by_given = _given_name_spans(parsed, kb, taken)
    spans.extend(named_by_given)
    taken.update(i for s in named_by_given for i in range(s.start, s.end))
    tokens = parsed.tokens
    # Surnames of the people this article names in full ("Ned Price" … "Price said"), known to
    # the knowledge base or not.
    named = {
        name_words(parsed.span_text(e.start, e.end))[-1]
        for e in parsed.entities
        if e.label == "PERSON" and e.end - e.start >= 2 and tokens[e.end - 1].text[:1].isupper()
    }
    named |= {tokens[s.end - 1].text for s in named_by_given}
    surnames = kb.surnames.keys() | named
    for entity in parsed.entities:
        kind = _ENTITY_KINDS.get(entity.label)
        if kind and _only_a_title(parsed, entity.start, entity.end, kb):
            continue  # "Rear Adm." tagged as an organisation: the title of the name after it
        word = tokens[entity.start].text
        if (
            entity.end - entity.start == 1
            and word.casefold() in stop_words()
            and word not in surnames
        ):
            continue  # "MORE" (a web page's link) tagged as a person; not "May"
        if kind and not any(i in taken for i in range(entity.start, entity.end)):
            start = entity.start + (1 if tokens[entity.start].text.casefold() == "the" else 0)
            if all(not tokens[k].text.strip() for k in range(start, entity.end)):
                continue  # "the\n\n" tagged as an organisation across a paragraph break
            if (
                entity.label == "PERSON"
                and entity.end - start >= 3
                and tokens[start + 1].text in kb.given_names
                and start > 0
                and tokens[start - 1].text.casefold() in ("of", "in", "for")
                and locate(tokens[start].text) is not None
            ):
                start += 1  # "Mayor of Rotterdam Ahmed Aboutaleb" tagged from the city on
            label = entity.label
            if (
                entity.end - start == 1
                and tokens[start].text in surnames
                and kind != "organisation"
                and not _a_place_here(parsed, start)
            ):
                # "Peskov" (which the small model may even call a place): resolved against the
                # article's full names and the office holders of its date.
                label = "surname"
            end = _hyphenated_end(tokens, entity.end) if label == "PERSON" else entity.end
            while end - 1 > start and tokens[end - 1].pos in ("PUNCT", "SPACE"):
                end -= 1  # "Massachusetts State Police:\n\n" tagged with its colon and break
            spans.append(_Span(start, end, label=label))
            taken.update(range(start, end))
    # Titles in front of names belong to those names, not to mentions of their own.
    titled = []
    for span in spans:
        if span.label in ("PERSON", "surname") or any(e.kind == "person" for e in span.entries):
            start = _name_title(parsed, span.start, taken, kb)
            titled.append(_Span(span.start, span.end, span.entries, span.label, start))
        else:
            titled.append(span)
    spans = titled
    for span in spans:
        if span.title_start is not None:
            taken.update(range(span.title_start, span.start))
    heads = _description_words(kb)
    for token in tokens:
        if token.i in taken:
            continue
        word = token.text.casefold()
        if (
            token.text[:1].isupper()
            and token.text in surnames
            # The model sometimes tags a surname it saw in full before as a noun ("Price said").
            and (token.pos == "PROPN" or (token.pos == "NOUN" and token.text in named))
            and token.ent_type not in NOT_NAMES
            and token.text.casefold() not in MONTHS
            and not _a_place_here(parsed, token.i)
        ):
            start = _name_title(parsed, token.i, taken, kb)
            spans.append(_Span(token.i, token.i + 1, label="surname", title_start=start))
            taken.update(range(start, token.i + 1))
        elif (speaker := _untagged_speaker(parsed, token, taken, kb, heads)) is not None:
            spans.append(speaker)
            taken.update(range(speaker.start, speaker.end))
        elif token.pos == "PRON" and word in PERSON_PRONOUNS | ORG_PRONOUNS | GROUP_PRONOUNS:
            spans.append(_Span(token.i, token.i + 1, label="pronoun"))
            taken.add(token.i)
        elif (
            word in RELATIVE_PRONOUNS
            and token.tag in ("WP", "WDT")
            and token.dep in ("nsubj", "nsubjpass")
            and (
                tokens[token.head].dep == "relcl"
                # "…from Barack Obama, who said…" misparsed as a clause of its own.
                or (word == "who" and token.i > 0 and tokens[token.i - 1].text == ",")
            )
        ):
            # "Angela Merkel, who said…": coreference gives it the antecedent's identity.
            spans.append(_Span(token.i, token.i + 1, label="pronoun"))
            taken.add(token.i)
        elif (
            token.pos in ("NOUN", "PROPN")
            and token.dep != "compound"  # "press" in "press secretary" is not the head
            and (
                word in heads
                or word.rstrip("s") in heads
                # People named by where they are from: "Iraqi Kurds", "Algerian landowners".
                or (_is_plural(token) and _has_demonym(parsed, token.i, kb))
            )
        ):
            # A description: the noun and the modifiers before it ("the Kremlin spokesman").
            start = _title_before(parsed, token.i, taken, kb)
            # The mention as written includes its determiner: "the Kremlin spokesman".
            if start > 0 and tokens[start - 1].text.casefold() in ("the", "a", "an"):
                start -= 1
            spans.append(_Span(start, token.i + 1, label="description"))
            taken.update(range(start, token.i + 1))
    return sorted(spans, key=lambda s: s.start)


def _role_on(
    person: Person, day: dt.date | None, key: str | None = None
) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, key, country, sector) of the person's role on the day, the given role first."""
    roles = person.roles_on(day) if day else []
    if key:
        roles = sorted(roles, key=lambda r: r.key != key)
    if roles:
        r = roles[0]
        return r.title, r.key, r.country, r.sector
    return None, None, person.country, None


def _person_mention(
    parsed: Parsed, span: _Span, person: Person, day: dt.date | None, title_key: str | None
) -> ActorMention:
    title, key, country, sector = _role_on(person, day, title_key)
    return replace(
        _mention(parsed, span.start, span.end, "person"),
        actor_id=f"person:{person.id}",
        name=person.name,
        country=country,
        sector=sector,
        role=title,
        role_key=key,
        basis="named",
    )


def _mention(parsed: Parsed, start: int, end: int, kind: str) -> ActorMention:
    tokens = parsed.tokens
    head = end - 1
    # The head is the token whose syntactic head lies outside the span.
    for i in range(start, end):
        if not start <= tokens[i].head < end or tokens[i].head == i:
            head = i
            break
    return ActorMention(
        start=start,
        end=end,
        head=head,
        start_char=tokens[start].idx,
        end_char=tokens[end - 1].end,
        text=parsed.span_text(start, end),
        kind=kind,  # type: ignore[arg-type]
    )


def _pick_entry(entries: tuple[Entry, ...], kb: KnowledgeBase, day: dt.date | None) -> Entry:
    """Among entries sharing a name, prefer a person in office on the day, then any person."""
    people = [e for e in entries if e.kind == "person"]
    if people and day:
        active = [e for e in people if kb.people[e.id].roles_on(day)]
        if active:
            return active[0]
    return people[0] if people else entries[0]


def _named_bodies(parsed: Parsed, spans: list[_Span]) -> list[_Span]:
    """ "The pro-Iranian Hizbollah group" is Hezbollah, not an Iranian group: a description of a
    body that holds a known organisation's name gives way to the name."""
    named = [s for s in spans if any(e.kind == "organisation" for e in s.entries)]
    return [
        s
        for s in spans
        if not (
            s.label == "description"
            and parsed.tokens[s.end - 1].lemma.casefold() in BODY_HEADS
            and any(n.start < s.end and s.start < n.end for n in named)
        )
    ]


def resolve_actors(
    parsed: Parsed,
    article: Article,
    kb: KnowledgeBase | None = None,
    quoted: Sequence[tuple[int, int]] = (),
) -> ActorLayer:
    """The article's actor mentions, resolved. ``quoted`` are the character spans inside
    quotation marks: a pronoun outside them does not refer to a name inside them."""
    kb = kb or load()
    day = reference_date(article)
    mentions: list[ActorMention] = []
    actors: dict[str, Actor] = {}
    spans = _named_bodies(parsed, _candidate_spans(parsed, kb))
    claimed: set[int] = set()  # tokens already standing for an office holder of their own
    # Words inside a description ("the Israeli police") belong to it, not to a mention of their own.
    claimed.update(i for s in spans if s.label == "description" for i in range(s.start, s.end))
    for span in spans:
        if span.start in claimed and span.label != "description":
            continue
        if span.label == "":
            entry = _pick_entry(span.entries, kb, day)
            mention = _entry_mention(parsed, span, entry, kb, day)
            if mention is None:
                continue
            if mention.kind == "group" and mention.actor_id:
                # "Albanians": a people named by a demonym is a group of its own, not the state.
                actors.setdefault(mention.actor_id, _described(mention))
            elif mention.actor_id and mention.actor_id not in actors:
                actors[mention.actor_id] = kb.actor_record(entry)
        elif span.label in ("surname", "pronoun"):
            kind = "pronoun" if span.label == "pronoun" else "person"
            mention = _mention(parsed, span.start, span.end, kind)
        elif span.label == "GPE":
            # A city the knowledge base does not know stands for its country: "Kabul said".
            place = locate(parsed.span_text(span.start, span.end))
            if place is None or place.country is None:
                continue
            known = kb.countries.get(place.country)
            mention = _country_mention(
                parsed, span, place.country, known.name if known else None, None
            )
            if (
                mention.actor_id
                and mention.actor_id not in actors
                and place.country in kb.countries
            ):
                actors[mention.actor_id] = kb.actor_record(Entry("country", place.country))
        elif span.label == "PERSON" and (
            misspelt := kb.misspelt_person(parsed.span_text(span.start, span.end))
        ):
            # "President Abdelaziz Bouteflicka": the knowledge base's person, one letter off.
            entry = Entry("person", misspelt.id)
            mention = _entry_mention(parsed, span, entry, kb, day)
            if mention is None:
                continue
            actors.setdefault(mention.actor_id or "", kb.actor_record(entry))
        elif span.label == "PERSON":
            start = span.title_start if span.title_start is not None else span.start
            country, role, sector = _describe(parsed, start, span.start, kb)
            name = parsed.span_text(span.start, span.end)
            mention = replace(
                _mention(parsed, span.start, span.end, "person"),
                actor_id=f"adhoc-person:{slug(name)}",
                name=name,
                country=country,
                sector=sector,
                role_key=role,
                basis="named",
            )
            actors.setdefault(
                mention.actor_id or "",
                Actor(
                    id=mention.actor_id or "",
                    name=name,
                    kind="person",
                    country=country,
                    sector=sector,
                    source="described in the article",
                ),
            )
        elif span.label == "description" and (pair := _each_country(parsed, span, kb, day)):
            # "the Russian and US presidents": one office holder per country.
            # Only what overlaps the pair gives way: ``claimed`` holds every description's tokens.
            taken = {i for m in pair for i in range(m.start, m.end)}
            mentions[:] = [m for m in mentions if m.start not in taken]
            mentions.extend(pair)
            claimed.update(taken)
            continue
        else:  # ORG entities the knowledge base lacks, and descriptions
            mention = _description_mention(parsed, span, kb, day)
            if mention is None:
                continue
            if mention.actor_id and mention.actor_id.startswith(("org:", "country:")):
                kind, _, key = mention.actor_id.partition(":")
                entry = Entry("organisation", key) if kind == "org" else Entry("country", key)
                actors.setdefault(mention.actor_id, kb.actor_record(entry))
            if mention.kind in ("organisation", "group") and mention.actor_id:
                actors.setdefault(mention.actor_id, _described(mention))
        mentions.append(mention)
    mentions = _place_ethnic_groups(parsed, mentions)
    mentions = _minorities(mentions, kb)
    mentions = [_before_independence(m, kb, day, actors) for m in mentions]
    for m in mentions:
        described = actors.get(m.actor_id or "")
        if described is not None and described.kind == "group" and described.country != m.country:
            actors[described.id] = described.model_copy(update={"country": m.country})
    resolved = resolve_references(parsed, mentions, kb, day, quoted)
    for m in resolved:
        described = actors.get(m.actor_id or "")
        if described is not None and described.country is None and m.country:
            # Coreference learnt where someone the article alone names is from.
            actors[described.id] = described.model_copy(
                update={"country": m.country, "sector": described.sector or m.sector}
            )
        if m.actor_id and m.actor_id not in actors and m.actor_id.startswith("person:"):
            person_id = m.actor_id.removeprefix("person:")
            actors[m.actor_id] = kb.actor_record(Entry("person", person_id))
    by_token = {i: n for n, m in enumerate(resolved) for i in range(m.start, m.end)}
    # A title stands for the person it names: in "Minister of Foreign Affairs Sergei Lavrov told
    # reporters" the parse makes "Minister" the subject and hangs the name under "of".
    titles = {s.start: s.title_start for s in spans if s.title_start is not None}
    for n, m in enumerate(resolved):
        for i in range(titles.get(m.start, m.start), m.start):
            by_token.setdefault(i, n)
    return ActorLayer(mentions=tuple(resolved), actors=tuple(actors.values()), by_token=by_token)


def _described(mention: ActorMention) -> Actor:
    """The record of an actor known only from how the article describes it."""
    return Actor(
        id=mention.actor_id or "",
        name=mention.name or mention.text,
        kind="group" if mention.kind == "group" else "organisation",
        country=mention.country,
        sector=mention.sector,
        source="described in the article",
    )


def _before_independence(
    m: ActorMention, kb: KnowledgeBase, day: dt.date | None, actors: dict[str, Actor]
) -> ActorMention:
    """A place of a state that did not yet exist on the article's date is the state it was part
    of, as a place, not a seat of government: "Juba" in 2000 is a Sudanese city."""
    country = kb.countries.get(m.country or "") if m.kind == "country" else None
    if country is None or country.part_of is None or day is None or day >= country.part_of[1]:
        return m
    words = m.text.removeprefix("the ").casefold()
    if any(words == n.removeprefix("the ").casefold() for n in country.names + country.demonyms):
        return m  # "South Sudan" is South Sudan whatever the date
    code = country.part_of[0]
    actors.setdefault(f"country:{code}", kb.actor_record(Entry("country", code)))
    return replace(
        m, actor_id=f"country:{code}", name=kb.countries[code].name, country=code, sector=None
    )


def _place_ethnic_groups(parsed: Parsed, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "Ethnic Albanians in south Serbia", "ethnic Albanian guerrillas": a people named as an
    ethnic group lives somewhere other than its namesake state. Its country is the place the
    text puts it ("in/of Serbia"), else the one other country of the sentence, else unknown —
    never the namesake's."""
    out = []
    for m in mentions:
        before = parsed.tokens[m.start - 1].text.casefold() if m.start else ""
        words = {parsed.tokens[i].text.casefold() for i in range(m.start, m.end)}
        if m.country is None or "ethnic" not in words | {before}:
            out.append(m)
            continue
        sentence = parsed.sentence_of(m.head)
        others = [
            o
            for o in mentions
            if o is not m
            and o.country not in (None, m.country)
            # An organisation's country is not a place ("…, rebel commanders told AFP").
            and o.kind != "organisation"
            and sentence.start <= o.start < sentence.end
        ]
        placed = [
            o
            for o in others
            for prep in parsed.children(m.head)
            if parsed.tokens[prep].text.casefold() in ("in", "of")
            and parsed.subtree(prep)[0] <= o.start <= parsed.subtree(prep)[1]
        ]
        countries = {o.country for o in others}
        country = placed[0].country if placed else countries.pop() if len(countries) == 1 else None
        out.append(replace(m, country=country))
    return out


def _minorities(mentions: list[ActorMention], kb: KnowledgeBase) -> list[ActorMention]:
    """ "Bosnian Serbs", "Kosovo Albanians": a people named by one state's demonym, with
    another state's word right before it, lives in that other state."""
    out = list(mentions)
    for n, m in enumerate(out):
        if n == 0 or m.text.split()[-1] not in kb.minorities or m.country is None:
            continue
        before = out[n - 1]
        if (
            before.end == m.start
            and (before.actor_id or "").startswith("country:")
            and before.country not in (None, m.country)
        ):
            out[n] = replace(m, country=before.country)
    return out


def _entry_mention(
    parsed: Parsed,
    span: _Span,
    entry: Entry,
    kb: KnowledgeBase,
    day: dt.date | None,
) -> ActorMention | None:
    if entry.kind == "person":
        start = span.title_start if span.title_start is not None else span.start
        _, title_key, _ = _describe(parsed, start, span.start, kb)
        return _person_mention(parsed, span, kb.people[entry.id], day, title_key)
    if entry.kind == "organisation":
        org = kb.organisations[entry.id]
        return replace(
            _mention(parsed, span.start, span.end, "organisation"),
            actor_id=f"org:{org.id}",
            name=org.name,
            country=org.code,
            sector=org.sector_on(day),
            basis="named",
        )
    country = kb.countries[entry.id]
    if entry.kind == "demonym":
        head = parsed.tokens[span.end - 1]
        if not _is_plural(head):
            # "Russian" before a noun stands for its country ("French and Egyptian warships");
            # standing alone it is a language or an adjective, not an actor.
            if head.dep not in ("amod", "compound", "conj", "nmod"):
                return None
            return _country_mention(parsed, span, country.code, country.name, None)
        return replace(
            _mention(parsed, span.start, span.end, "group"),
            actor_id=f"adhoc:{slug(head.text)}",
            name=head.text,
            country=country.code,
            basis="named",
        )
    sector = entry.sector if entry.kind == "metonym" else None
    return _country_mention(parsed, span, country.code, country.name, sector)


def _country_mention(
    parsed: Parsed, span: _Span, code: str, name: str | None, sector: str | None
) -> ActorMention:
    """A mention standing for a country (its name, a demonym, a capital, a city in it)."""
    return replace(
        _mention(parsed, span.start, span.end, "country"),
        actor_id=f"country:{code}",
        name=name,
        country=code,
        sector=sector,
        basis="named",
    )


def _country_words(
    parsed: Parsed, start: int, end: int, kb: KnowledgeBase
) -> list[tuple[int, int, str]]:
    """(start, end, country code) of every country word in a token span."""
    found = []
    i = start
    while i < end:
        for n in range(min(4, end - i), 0, -1):
            words = tuple(t.text for t in parsed.tokens[i : i + n])
            entries = [e for e in kb.surface.get(words, []) if e.kind in ("country", "demonym")]
            if entries:
                found.append((i, i + n, entries[0].id))
                i += n - 1
                break
        i += 1
    return found


def _each_country(
    parsed: Parsed, span: _Span, kb: KnowledgeBase, day: dt.date | None
) -> list[ActorMention]:
    head = parsed.tokens[span.end - 1]
    if not _is_plural(head):
        return []
    countries = _country_words(parsed, span.start, span.end - 1, kb)
    if len(countries) < 2:
        return []
    _, role, sector = _describe(parsed, span.start, span.end, kb)
    holders = [kb.holders(role, code, day) for _, _, code in countries] if role and day else []
    if holders and all(len(h) == 1 for h in holders):
        out = []
        for (start, end, code), (holder,) in zip(countries, holders, strict=True):
            title, key, country, role_sector = _role_on(holder, day, role)
            out.append(
                replace(
                    _mention(parsed, start, end, "description"),
                    actor_id=f"person:{holder.id}",
                    name=holder.name,
                    country=country or code,
                    sector=role_sector,
                    role=title,
                    role_key=key,
                    basis="role",
                )
            )
        return out
    coordinated = all(
        any(parsed.tokens[k].text.casefold() in ("and", ",", "&") for k in range(a[1], b[0]))
        for a, b in pairwise(countries)
    )
    if sector is None or not coordinated:
        # No actor at all ("Russia-US relations"), or one people of another ("Croatian Serb
        # refugees"): as written.
        return []
    # "U.S. and Russian negotiators", "Senior Hungarian and Romanian officials", "the Russian
    # and US presidents" on an unknown date are each country's, in the description's sector —
    # not all the first one's.
    return [
        replace(_mention(parsed, start, end, "description"), country=code, sector=sector)
        for start, end, code in countries
    ]


# People who are somewhere without being of it: where they are says nothing of whose they are.
SOJOURNER_NOUNS = frozenset({
    "refugee", "migrant", "immigrant", "exile", "tourist", "expatriate", "expat", "visitor",
    "troop", "soldier", "peacekeeper", "marine", "diplomat", "journalist", "correspondent",
    "observer", "inspector", "monitor", "hostage", "delegate", "delegation", "envoy", "force",
    "asylum-seeker", "seeker", "student", "worker", "national", "citizen", "volunteer",
})  # fmt: skip


# Forces that serve where they are: "security forces in Guinea", unlike "forces in Iraq".
HOME_FORCES = frozenset({"security", "police"})


# Through which dependents the place of an act is looked for: "opened fire on a bus in Kabul".
PLACE_PATH_DEPS = frozenset({"dobj", "prep", "pobj"})


def _where_they_act(parsed: Parsed, head: int, kb: KnowledgeBase) -> str | None:
    """ "Thousands of protesters rallied in Hong Kong", "gunmen opened fire on a bus in Kabul":
    people named by what they are, acting in a country, are that country's (CAMEO codes them so)."""
    tokens = parsed.tokens
    subject = head
    if tokens[head].dep == "pobj" and tokens[tokens[head].head].text.casefold() == "of":
        subject = tokens[tokens[head].head].head  # "thousands of protesters"
    if tokens[subject].dep != "nsubj" or not _is_plural(tokens[head]):
        return None
    frontier = [c for c in parsed.children(tokens[subject].head) if c != subject]
    while frontier:
        i = frontier.pop(0)
        if tokens[i].dep not in PLACE_PATH_DEPS:
            continue
        if tokens[i].dep == "prep" and tokens[i].text.casefold() in ("in", "throughout", "across"):
            for pobj in parsed.children(i):
                if tokens[pobj].ent_type not in ("GPE", "LOC"):
                    continue  # "in defiance of…", "more stock in Vladimir Putin": no place
                lo, hi = parsed.subtree(pobj)
                country = _describe(parsed, lo, hi + 1, kb)[0]
                if country is not None:
                    return country
        frontier.extend(parsed.children(i))
    return None


# A country's outlets by what they are ("Iranian television"), not its journalists.
MEDIA_BODIES = frozenset({
    "television", "tv", "radio", "newspaper", "daily", "broadcaster", "channel", "agency",
    "press", "station", "network",
})  # fmt: skip


def _description_mention(
    parsed: Parsed, span: _Span, kb: KnowledgeBase, day: dt.date | None
) -> ActorMention | None:
    country, role, sector = _describe(parsed, span.start, span.end, kb)
    if country is None:
        # "a member of the Syrian parliament": the body it belongs to says where it is from;
        # "rebels in the Ivory Coast", "doctors from two American aid groups": where they are
        # (unless they are there from elsewhere: "refugees in Jordan", "troops in Iraq").
        head_lemma = parsed.tokens[span.end - 1].lemma.casefold()
        modifiers = {parsed.tokens[k].lemma.casefold() for k in range(span.start, span.end - 1)}
        # "security forces in Guinea" are Guinea's own.
        sojourner = head_lemma in SOJOURNER_NOUNS and not modifiers & HOME_FORCES
        for prep in parsed.children(span.end - 1):
            word = parsed.tokens[prep].text.casefold()
            if word not in ("of", "from") and (word not in ("in", "throughout") or sojourner):
                continue
            for pobj in parsed.children(prep):
                lo, hi = parsed.subtree(pobj)
                country, _, of_sector = _describe(parsed, lo, hi + 1, kb)
                sector = sector or of_sector
        if country is None and not sojourner:
            country = _where_they_act(parsed, span.end - 1, kb)
    head = parsed.tokens[span.end - 1]
    base = _mention(parsed, span.start, span.end, "description")
    name = base.text
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        name = name.removeprefix(article)
    named = span.label == "ORG" or (head.pos == "PROPN" and head.text[:1].isupper())
    # "The Russian embassy", "Iran's foreign ministry": the one body of its kind of a country.
    one_body = country and role is None and not _is_plural(head) and _a_body(parsed, span, kb)
    # "Iranian television said…", "Russian state television reported…": a country's broadcaster
    # or press, an outlet (not "a Russian newspaper", one of many).
    one_body = one_body or (
        country is not None
        and role is None
        and sector == "MED"
        and head.lemma.casefold() in MEDIA_BODIES
        and parsed.tokens[span.start].text.casefold() not in ("a", "an")
    )
    if named or one_body:
        return replace(
            base,
            kind="organisation",
            actor_id=f"adhoc-org:{slug(name)}",
            name=name,
            country=country,
            sector=sector,
            basis="named",
        )
    if _is_plural(head):
        if country is None and sector is None:
            return None
        return replace(
            base,
            kind="group",
            actor_id=f"adhoc:{slug(name)}",
            name=name,
            country=country,
            sector=sector,
            role_key=role,
            basis="named",
        )
    if role and country:
        holders = kb.holders(role, country, day) if day else []
        if len(holders) == 1:
            person = holders[0]
            title, key, p_country, p_sector = _role_on(person, day, role)
            return replace(
                base,
                actor_id=f"person:{person.id}",
                name=person.name,
                country=p_country or country,
                sector=p_sector or sector,
                role=title,
                role_key=key,
                basis="role",
            )
    spoken_for = _spoken_for(parsed, span, kb, day)
    if spoken_for is not None:
        # "a Hamas spokesman", "a Pentagon spokeswoman": the body the words are said for.
        entry, entry_country, entry_name, entry_sector = spoken_for
        return replace(
            base,
            actor_id=f"org:{entry.id}" if entry.kind == "organisation" else f"country:{entry.id}",
            name=entry_name,
            country=entry_country,
            sector=entry_sector,
            role_key=role,
            basis="role",
        )
    return replace(base, country=country, sector=sector, role_key=role)


def _spoken_for(
    parsed: Parsed, span: _Span, kb: KnowledgeBase, day: dt.date | None
) -> tuple[Entry, str, str, str | None] | None:
    """The organisation or metonym ("Hamas", "UN", "Pentagon") before a spokes-noun, with the
    country code, name and sector it gives; or a country's body of a sector ("an Israeli
    military spokesman" speaks for Israel's military), not a people ("a Russian spokesman")."""
    if parsed.tokens[span.end - 1].lemma.casefold() not in SPOKES_NOUNS:
        return None
    country = None
    for i in range(span.start, span.end - 1):
        for n in range(min(4, span.end - 1 - i), 0, -1):
            words = tuple(t.text for t in parsed.tokens[i : i + n])
            for entry in kb.surface.get(words, []):
                if entry.kind == "organisation":
                    org = kb.organisations[entry.id]
                    return entry, org.code, org.name, org.sector_on(day)
                if entry.kind == "metonym":
                    return entry, entry.id, kb.countries[entry.id].name, entry.sector
                if entry.kind in ("country", "demonym"):
                    country = country or entry.id
    sector = next(
        (
            kb.sector_nouns[word]
            for t in parsed.tokens[span.start : span.end - 1]
            if (word := t.text.casefold()) in kb.sector_nouns
        ),
        None,
    )
    if country and sector:
        return Entry("country", country, sector), country, kb.countries[country].name, sector
    return None


def _a_body(parsed: Parsed, span: _Span, kb: KnowledgeBase) -> bool:
    """ "The Russian embassy", "Iran's foreign ministry": the one body of its kind a country has,
    as the definite article or the country's possessive says (not "a Russian ministry")."""
    first = parsed.tokens[span.start]
    return parsed.tokens[span.end - 1].lemma.casefold() in kb.body_nouns and (
        first.text.casefold() == "the" or first.tag == "POS" or first.dep == "poss"
    )
