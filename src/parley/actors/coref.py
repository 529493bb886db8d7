"""In-article coreference: surnames, role descriptions and pronouns to whom they mean.

Deliberately simple and explainable: a surname goes to the full name mentioned earlier (else to the
one office holder of that name on the article's date); a description ("the press secretary", "the
Kremlin official") to the most recent person it fits; "he"/"she" to the most recent person in
subject position; "it" to the most recent organisation in subject position, "they" to the most
recent group ("the rebels", "Afghan rebel leaders") in subject position; "who"/"which" to the
noun its relative clause hangs on. What cannot be resolved
stays unresolved — nothing is invented.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache

from parley.actors import ActorMention
from parley.actors.kb import KnowledgeBase, Person, RoleSpan
from parley.data import title_abbreviations
from parley.nlp import Parsed

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "it" refers back at most this many sentences; beyond that it is rarely an organisation.
IT_WINDOW_SENTENCES = 2


def _copy_identity(target: ActorMention, source: ActorMention, basis: str) -> ActorMention:
    return replace(
        target,
        actor_id=source.actor_id,
        name=source.name,
        country=source.country,
        sector=source.sector,
        role=source.role,
        role_key=source.role_key,
        basis=basis,  # type: ignore[arg-type]
    )


# The pronoun that rules out people known to be of the other gender.
OTHER_GENDER = {
    **dict.fromkeys(("he", "him", "his", "himself"), "female"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "male"),
}


def _gender(parsed: Parsed, m: ActorMention, resolved: ActorMention, kb: KnowledgeBase) -> str:
    """What the article shows of a person's gender: a title before the mention ("Mrs May"), a
    role word ("the spokeswoman"), or a given name ("Angela Merkel"); "" when nothing does."""
    before = parsed.tokens[m.start - 1].text.rstrip(".") if m.start else ""
    written = m.text.split()
    # The title before the name ("Mrs May") or a role word ("the spokeswoman")…
    for word in (before, *(w for w in written if w.islower())):
        gender = kb.title_genders.get(word)
        if gender:
            return gender
    # …else a given name: the first word of the full name, or of the mention itself when it is
    # more than a surname ("Scott" alone is Rakeyia Scott's surname, not a man's name).
    names = [resolved.name.split()[0]] if resolved.name else []
    if len(written) > 1:
        names.append(written[0])
    return next((kb.genders[n] for n in names if n in kb.genders), "")


def _quotation_of(m: ActorMention, quoted: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The quoted span the mention sits in, if any."""
    return next((q for q in quoted if q[0] <= m.start_char < q[1]), None)


def _is_subject(parsed: Parsed, m: ActorMention) -> bool:
    token = parsed.tokens[m.head]
    if token.dep in SUBJECT_DEPS:
        return True
    # "Russian presidential spokesman Dmitry Peskov told ...": the name is an apposition.
    if token.dep == "appos" and parsed.tokens[token.head].dep in SUBJECT_DEPS:
        return True
    # "The strikes killed 42 soldiers, the Observatory said": a subject the parse misplaced.
    return parsed.verb_after_comma_subject(m.head) is not None


def _fronted_subject(
    parsed: Parsed, m: ActorMention, mentions: list[ActorMention]
) -> ActorMention | None:
    """ "During his visit to Sochi, the secretary met Putin": a possessive in a phrase that opens
    the sentence refers forward to the sentence's subject."""
    if m.text.casefold() not in ("his", "her"):
        return None
    sentence = parsed.sentence_of(m.start)
    opener = parsed.tokens[sentence.start]
    if opener.pos not in ("ADP", "SCONJ"):
        return None
    comma = next((i for i in range(m.start, sentence.end) if parsed.tokens[i].text == ","), None)
    if comma is None:
        return None
    # The subject is the first actor after the opening phrase's comma.
    for later in mentions:
        if comma < later.start < sentence.end:
            return later if later.is_person or later.kind == "description" else None
    return None


def resolve_references(
    parsed: Parsed,
    mentions: list[ActorMention],
    kb: KnowledgeBase,
    day: dt.date | None,
    quoted: Sequence[tuple[int, int]] = (),
) -> list[ActorMention]:
    out: list[ActorMention] = []
    by_surname: dict[str, ActorMention] = {}
    genders: dict[str, str] = {}  # actor id → "female" / "male", as the article shows it
    # The quotation each mention sits in, if any, looked up once.
    voice = {m.start_char: _quotation_of(m, quoted) for m in mentions}
    reported = _reported_so_far(parsed, quoted)
    for m in mentions:
        resolved: ActorMention | None = m
        forward = _fronted_subject(parsed, m, mentions) if m.kind == "pronoun" else None
        if forward is not None:
            resolved = _copy_identity(m, forward, "coreference")
        elif m.kind == "person" and m.actor_id is None:
            resolved = _surname(m, by_surname, kb, day)
        elif m.text in by_surname and " " not in m.text and _a_name(m):
            # "Gerasimov" after "Valery Gerasimov", whom the knowledge base does not know, and
            # "Lavrov" after "Sergei Lavrov" when the tagger took the surname for a company.
            resolved = replace(_copy_identity(m, by_surname[m.text], "named"), kind="person")
        elif _a_name(m) and " " not in m.text and _in_office(m.text, kb, day):
            # "Lavrov said…" opening an article, which the tagger took for a company: the one
            # office holder of that surname on the day.
            resolved = _surname(replace(m, kind="person", actor_id=None), by_surname, kb, day)
        elif m.kind == "pronoun":
            # '“…a better partner than Dmitry,” he said': "he" is not a name in the quotation.
            inside = voice[m.start_char]
            # "she" is no one known to be a man, "he" no one known to be a woman.
            other = OTHER_GENDER.get(m.text.casefold())
            resolved = _pronoun(
                parsed,
                m,
                reported,
                [
                    p
                    for p in out
                    if voice[p.start_char] in (None, inside)
                    and (other is None or genders.get(p.actor_id or "") != other)
                ],
            )
        elif m.kind == "description" and (m.actor_id is None or m.basis == "role"):
            # A spokesman already taken for the body he speaks for may still be named beside
            # it ("A Pentagon spokesman, Rear Adm. John Kirby, said"), and a role the knowledge
            # base fills is filled by the name the article sets beside it ("Britain's top
            # diplomat, Dominic Raab,").
            apposed = _apposed(parsed, m, mentions, ("person", "organisation")) or _titled_name(
                parsed, m, mentions, kb
            )
            if apposed is not None and apposed.start < m.start:
                # Set beside a name already resolved ("Xi, the paramount leader"): as resolved.
                apposed = next((o for o in out if o.start == apposed.start), apposed)
            if apposed is not None and apposed.kind == "person" and apposed.actor_id is None:
                apposed = _surname(apposed, by_surname, kb, day)
            if apposed is not None and apposed.actor_id:
                # What the description says of someone the article alone names ("the Russian
                # official, Ivan Petrov") is kept where the name says nothing.
                resolved = replace(
                    _copy_identity(m, apposed, "named"),
                    country=apposed.country or m.country,
                    sector=apposed.sector or m.sector,
                )
            elif m.actor_id is None:
                resolved = (
                    _speaking_for(parsed, m, mentions, kb, day)
                    or _speaking_for_one(parsed, m, mentions, out, by_surname, kb, day)
                    or _description(parsed, m, out, kb)
                )
        if resolved is None:
            continue
        if resolved.kind in ("description", "organisation") and resolved.country is None:
            resolved = _by_modifier(parsed, resolved, mentions)
            if resolved.country is None:
                resolved = replace(resolved, country=_possessor_country(parsed, m, mentions))
        if resolved.kind == "person" and resolved.country is None:
            # "Abbas Araqchi, Iran's deputy foreign minister, said…": someone the knowledge base
            # does not know is of the country the description beside the name gives.
            described = _apposed(parsed, m, mentions, ("description",))
            country = described and (
                described.country or _possessor_country(parsed, described, mentions)
            )
            if described is not None and country:
                resolved = replace(
                    resolved, country=country, sector=resolved.sector or described.sector
                )
        if resolved.is_person and resolved.actor_id and m.kind != "pronoun":
            gender = _gender(parsed, m, resolved, kb)
            if gender:
                genders.setdefault(resolved.actor_id, gender)
        if resolved.is_person and resolved.name and resolved.actor_id:
            words = name_words(resolved.name)
            for word in (*words[-1:], *name_words(m.text)[-1:]):
                by_surname[word] = resolved
            if len(words) >= 2:
                # "Geng Shuang … Geng said": a name may put the surname first; a surname
                # proper wins over it.
                by_surname.setdefault(words[0], resolved)
        out.append(resolved)
    return out


# What follows a surname without being one: "James Dorn Jr." is Dorn.
NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


def name_words(name: str) -> list[str]:
    """A name's words up to its surname (suffixes such as "Jr." left off)."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words


def _a_name(m: ActorMention) -> bool:
    """A person's name, or one word taken for an organisation nobody knows."""
    return m.kind == "person" or (m.actor_id or "").startswith("adhoc-org:")


def _in_office(surname: str, kb: KnowledgeBase, day: dt.date | None) -> bool:
    """Exactly one person the knowledge base knows by this surname holds office on the day."""
    ids = kb.surnames.get(surname, [])
    return day is not None and sum(1 for i in ids if kb.people[i].roles_on(day)) == 1


def _surname(
    m: ActorMention, seen: dict[str, ActorMention], kb: KnowledgeBase, day: dt.date | None
) -> ActorMention:
    if m.text in seen:
        return _copy_identity(m, seen[m.text], "named")
    ids = kb.surnames.get(m.text, [])
    people = [kb.people[i] for i in ids]
    if day:
        active = [p for p in people if p.roles_on(day)]
        people = active or people
    if len(people) != 1:
        return m
    person = people[0]
    roles = person.roles_on(day) if day else []
    return _as_person(m, person, roles[0] if roles else None, "named")


def _as_person(m: ActorMention, person: Person, role: RoleSpan | None, basis: str) -> ActorMention:
    """The mention as the knowledge base's person, in the role they held (if any)."""
    return replace(
        m,
        actor_id=f"person:{person.id}",
        name=person.name,
        country=role.country if role else person.country,
        sector=role.sector if role else None,
        role=role.title if role else None,
        role_key=role.key if role else None,
        basis=basis,  # type: ignore[arg-type]
    )


def _is_group(m: ActorMention) -> bool:
    """Several people: "the Fijian rebels", "Afghan rebel leaders", "the Taliban"."""
    return m.kind == "group"


def _is_body(m: ActorMention) -> bool:
    return m.kind in ("organisation", "country") or (m.actor_id or "").startswith(
        ("org:", "adhoc-org:")
    )


def _reported_so_far(parsed: Parsed, quoted: Sequence[tuple[int, int]]) -> list[int]:
    """For each sentence, how many sentences up to it the writer reports in: not those wholly
    inside quotation marks ('The ministry said: “…” “…” It added…'), nor blanked ones. Counted
    once per article, so "it" may look back past quoted paragraphs at no cost per pronoun."""
    counts, total = [], 0
    for sentence in parsed.sentences:
        body = parsed.text[sentence.start_char : sentence.end_char]
        start = sentence.start_char + len(body) - len(body.lstrip())
        end = sentence.start_char + len(body.rstrip())
        inside = any(q0 - 1 <= start and end <= q1 + 1 for q0, q1 in quoted)
        total += bool(body.strip()) and not inside
        counts.append(total)
    return counts


def _pronoun(
    parsed: Parsed,
    m: ActorMention,
    reported: list[int],
    before: list[ActorMention],
) -> ActorMention | None:
    word = m.text.casefold()
    if word in ("who", "which", "that"):
        return _relative(parsed, m, before)
    if word in ("it", "its", "they", "their", "them"):
        # "The IAEA said it…", "Syria said it would…": an organisation or a country; "The
        # rebels said they would…": a group. Only a subject close by: these words more often
        # mean things than actors.
        fits = _is_body if word in ("it", "its") else _is_group
        here = parsed.sentence_index(m.start)
        last = len(reported) - 1
        for prior in reversed(before):
            there = parsed.sentence_index(prior.start)
            if there < here - IT_WINDOW_SENTENCES and (
                reported[min(here, last)] - reported[min(there, last)] > IT_WINDOW_SENTENCES
            ):
                break
            if fits(prior) and _is_subject(parsed, prior):
                # "The Nigerian Union of Teachers (NUT), the umbrella union…, said it…": the
                # name the description is set beside.
                named = _apposed(parsed, prior, before, ("organisation", "country"))
                if named is not None and named.start < prior.start and named.actor_id:
                    prior = named
                return _copy_identity(m, prior, "coreference")
        return None
    people = [p for p in before if p.is_person and p.actor_id]
    # The subject of the last sentence's main clause, before one in a clause inside it: "Milley
    # insisted that the intelligence on which Trump based his decision… “…,” he said" is Milley.
    subjects = [p for p in people if _is_subject(parsed, p)]
    if subjects:
        prior = subjects[-1]
        sentence = parsed.sentence_index(prior.start)
        main = [
            p
            for p in subjects
            if parsed.sentence_index(p.start) == sentence and _main_clause(parsed, p)
        ]
        if sentence < parsed.sentence_index(m.start) and main:
            prior = main[-1]
        return _copy_identity(m, prior, "coreference")
    return _copy_identity(m, people[-1], "coreference") if people else m


def _main_clause(parsed: Parsed, m: ActorMention) -> bool:
    """Is the mention the subject of its sentence's main verb (or of one coordinated with it)?"""
    token = parsed.tokens[m.head]
    if token.dep == "appos":
        token = parsed.tokens[token.head]
    verb = token.head
    while parsed.tokens[verb].dep == "conj" and parsed.tokens[verb].head != verb:
        verb = parsed.tokens[verb].head
    return parsed.tokens[verb].head == verb


# Papers that say things: their words are their author's ("the statement said…", "a statement
# that said…").
DOCUMENT_NOUNS = frozenset(
    {"statement", "communique", "communiqué", "release", "report", "letter", "declaration"}
)


def _relative(parsed: Parsed, m: ActorMention, before: list[ActorMention]) -> ActorMention | None:
    """ "Angela Merkel, who said…", "al-Jazeera, which reported…": the relative clause's noun,
    when it is a known actor; else no mention at all (nothing is invented)."""
    antecedent = parsed.tokens[parsed.tokens[m.head].head].head
    if m.text.casefold() == "who" and parsed.tokens[antecedent].dep == "pobj":
        # "the aid organizations working in Afghanistan, who warned…": "who" is someone, not
        # the place the one before it is in.
        place = next((o for o in before if o.start <= antecedent < o.end), None)
        if place is not None and place.kind == "country":
            antecedent = parsed.tokens[parsed.tokens[antecedent].head].head
            if parsed.tokens[antecedent].dep == "acl":  # "working in"
                antecedent = parsed.tokens[antecedent].head
    for prior in reversed(before):
        if prior.start <= antecedent < prior.end and prior.resolved and prior.kind != "pronoun":
            return _copy_identity(m, prior, "coreference")
    if parsed.tokens[antecedent].lemma.casefold() in DOCUMENT_NOUNS:
        # "Paul released a statement … that said…": the one who released it.
        verb = parsed.tokens[antecedent].head
        subject = parsed.subject_of(verb) if parsed.tokens[antecedent].dep == "dobj" else None
        issuer = next(
            (o for o in before if subject is not None and o.start <= subject < o.end), None
        )
        if issuer is not None and issuer.actor_id and issuer.kind != "pronoun":
            return _copy_identity(m, issuer, "coreference")
    if m.text.casefold() != "who" or any(o.start <= antecedent < o.end for o in before):
        return None
    # "…heard words from former President Barack Obama, who said…": the parser hung the clause
    # on a noun that is no actor ("words"); "who" means a person, and the name it follows is it.
    adjacent = m.start - (1 if m.start and parsed.tokens[m.start - 1].text == "," else 0)
    last = before[-1] if before else None
    if last is not None and last.end == adjacent and last.is_person and last.actor_id:
        return _copy_identity(m, last, "coreference")
    return None


# Whose words they are is the body they speak for.
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _speaking_for(
    parsed: Parsed,
    m: ActorMention,
    mentions: list[ActorMention],
    kb: KnowledgeBase,
    day: dt.date | None,
) -> ActorMention | None:
    """ "A spokesman for the Russian Foreign Ministry said…": the ministry's spokesperson on the
    day when the knowledge base knows exactly one, else the body itself, whose words they are."""
    tokens = parsed.tokens
    for body in _principals(parsed, m, mentions, ("for", "of")):
        if not (_is_body(body) or body.kind == "description") or body.is_person:
            continue
        if not body.actor_id:
            continue
        noun = tokens[m.head].text
        key = kb.role_key(f"{body.text} {noun}")
        # "A spokesman for the ministry" is one of its press officers, not always the
        # spokesperson; "a spokeswoman" is no man.
        definite = tokens[m.start].text.casefold() == "the"
        holders = kb.holders(key, body.country, day) if key and day and definite else []
        unlike = {"female": "male", "male": "female"}.get(kb.title_genders.get(noun, ""))
        holders = [p for p in holders if kb.genders.get(p.name.split()[0]) != unlike]
        if len(holders) == 1:
            person = holders[0]
            role = next((r for r in person.roles_on(day) if r.key == key), None) if day else None
            return replace(_as_person(m, person, role, "role"), role_key=key)
        return replace(_copy_identity(m, body, "role"), role_key=key)
    return None


def _speaking_for_one(
    parsed: Parsed,
    m: ActorMention,
    mentions: list[ActorMention],
    before: list[ActorMention],
    by_surname: dict[str, ActorMention],
    kb: KnowledgeBase,
    day: dt.date | None,
) -> ActorMention | None:
    """ "A spokesman for Mr Khan said…", "a spokesman for the company": the words are those of
    the person or the body the article has named, as a body's spokesman's are the body's. The
    spokesman stays unnamed; the basis says the identity comes from the role."""
    for principal in _principals(parsed, m, mentions, ("for",)):
        if principal.kind == "person" and principal.actor_id is None:
            principal = _surname(principal, by_surname, kb, day)
        elif principal.kind == "description" and principal.actor_id is None:
            # "the company" is the company last named; "the Dutch state secretary" is not for
            # this rule to guess at.
            principal = _description(parsed, principal, before, kb)
            if not _is_body(principal):
                continue
        if principal.actor_id:
            return _copy_identity(m, principal, "role")
    return None


def _principals(
    parsed: Parsed, m: ActorMention, mentions: list[ActorMention], words: tuple[str, ...]
) -> Iterator[ActorMention]:
    """For a spokes-noun, the mentions its prepositions ("for", "of") name: whom it speaks for."""
    if parsed.tokens[m.head].lemma.casefold() not in SPOKES_NOUNS:
        return
    tokens = parsed.tokens
    for prep in parsed.children(m.head):
        if tokens[prep].dep != "prep" or tokens[prep].text.casefold() not in words:
            continue
        for pobj in parsed.children(prep):
            found = next((o for o in mentions if o.start <= pobj < o.end), None)
            if found is not None:
                yield found


@cache
def _role_heads(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """The last words of each role's phrases: "minister" for foreign_minister, "spokesman" and
    "secretary" for leader_spokesperson."""
    heads: dict[str, set[str]] = {}
    for phrase, key in kb.role_phrases.items():
        heads.setdefault(key, set()).add(phrase.split()[-1])
    return {key: frozenset(words) for key, words in heads.items()}


def person_title(word: str, kb: KnowledgeBase) -> bool:
    """A word that is a title of the name right after it: "Sen.", "President", "Mrs"."""
    return word.casefold().rstrip(".") in _person_titles(kb)


@cache
def _person_titles(kb: KnowledgeBase) -> frozenset[str]:
    # One-word roles only: "president", "senator"; not the "affairs" of a longer role.
    heads = {phrase for phrase in kb.role_phrases if " " not in phrase}
    written = {t.casefold() for t in (*title_abbreviations(), *kb.title_genders)}
    return frozenset(heads | written)


APPOSITION = frozenset({"appos"})
POSSESSOR = frozenset({"poss"})


def _dependents(
    parsed: Parsed, m: ActorMention, mentions: list[ActorMention], deps: frozenset[str]
) -> Iterator[ActorMention]:
    """The mentions hanging off ``m``'s head by one of these dependencies, nearest first."""
    for i in parsed.children(m.head):
        if parsed.tokens[i].dep in deps and not m.start <= i < m.end:
            found = next((o for o in mentions if o.start <= i < o.end), None)
            if found is not None:
                yield found


def _apposed(
    parsed: Parsed, m: ActorMention, mentions: list[ActorMention], kinds: tuple[str, ...]
) -> ActorMention | None:
    """The mention of one of these kinds set beside ``m`` in apposition: "his spokesman, Dmitry
    Peskov," (the name may come after the description, where a backward search cannot see it),
    "Abbas Araqchi, Iran's deputy foreign minister,"; or the one ``m`` is set beside ("Keir
    Starmer, Labour leader and head of the opposition,")."""
    found = next((o for o in _dependents(parsed, m, mentions, APPOSITION) if o.kind in kinds), None)
    token = parsed.tokens[m.head]
    if found is None and token.dep == "appos" and not m.start <= token.head < m.end:
        head = next((o for o in mentions if o.start <= token.head < o.end), None)
        found = head if head is not None and head.kind in kinds else None
    return found


# Nouns for a body that a name modifying them names: "the Hizbollah group", "the Hamas movement",
# "the Itar-Tass news agency".
BODY_HEADS = frozenset(
    {
        "group", "movement", "organisation", "organization", "militia", "faction", "network",
        "agency", "newspaper", "daily", "broadcaster", "channel", "outlet", "website",
    }
)  # fmt: skip
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
# "ambassador to the United Nations …", "envoy for Syria …", "Secretary of State …".
TITLE_PREPOSITIONS = frozenset({"to", "for", "of", "at"})


def _by_modifier(parsed: Parsed, m: ActorMention, mentions: list[ActorMention]) -> ActorMention:
    """A body named by its modifier ("the pro-Iranian Hizbollah group" is Hezbollah), or placed by
    it ("the US Congress" is the United States')."""
    for other in _dependents(parsed, m, mentions, MODIFIER_DEPS):
        if (
            m.actor_id is None
            and other.kind in ("organisation", "group")
            and other.actor_id
            and parsed.tokens[m.head].lemma.casefold() in BODY_HEADS
        ):
            return _copy_identity(m, other, "named")
        if other.kind == "country" and other.country:
            return replace(m, country=other.country)
    return m


def _possessor_country(parsed: Parsed, m: ActorMention, mentions: list[ActorMention]) -> str | None:
    """ "Iran's foreign ministry", "Algeria's leading activist": the country that owns it."""
    owners = _dependents(parsed, m, mentions, POSSESSOR)
    return next((o.country for o in owners if o.kind == "country"), None)


def _titled_name(
    parsed: Parsed, m: ActorMention, mentions: list[ActorMention], kb: KnowledgeBase
) -> ActorMention | None:
    """ "U.S. ambassador to the United Nations Nikki Haley said…": a title whose complement runs
    straight into a name (parsed as the complement's last words) is that person's title."""
    tokens = parsed.tokens
    for prep in parsed.children(m.head):
        if tokens[prep].dep != "prep" or tokens[prep].text.casefold() not in TITLE_PREPOSITIONS:
            continue
        last = parsed.subtree(prep)[1]
        while last > prep and tokens[last].pos == "PUNCT":
            last -= 1
        person = next((o for o in mentions if o.kind == "person" and o.end - 1 == last), None)
        if (
            person is not None
            and person.start > prep + 1
            # "…to the United Nations Nikki Haley", "…to the UN, Vladimir Safronkov,"
            and (tokens[person.start - 1].pos == "PROPN" or tokens[person.start - 1].text == ",")
            and "\n" not in tokens[person.start - 1].ws
            # "a spokeswoman for Sen. Jeff Flake": a name with a title of its own is someone the
            # description works for.
            and not person_title(tokens[person.start - 1].text, kb)
        ):
            return person
    return None


def _description(
    parsed: Parsed, m: ActorMention, before: list[ActorMention], kb: KnowledgeBase
) -> ActorMention:
    """The most recent actor a description fits: the same role ("the press secretary" after
    "presidential spokesman Dmitry Peskov"); a role's last word ("the minister" after "Foreign
    Minister Sergei Lavrov"); else, for a person, the same country and sector ("the Kremlin
    official"); for an organisation, the same head noun ("the ministry")."""
    head = parsed.tokens[m.end - 1].lemma
    plural = parsed.tokens[m.end - 1].tag in ("NNS", "NNPS")
    # "the minister", not "the leader of Hamas", which says whose leader it is.
    definite = parsed.tokens[m.start].text.casefold() == "the" and not any(
        parsed.tokens[c].text.casefold() == "of" for c in parsed.children(m.head)
    )
    if parsed.tokens[m.start].text.casefold() in ("a", "an", "another"):
        return m  # "a GOP congressional aide" is someone new, not the last American named
    for prior in reversed(before):
        if not (prior.actor_id and prior.is_person):
            continue
        if m.role_key and prior.role_key == m.role_key:
            return _copy_identity(m, prior, "coreference")
        if (
            definite
            and not plural
            and head.casefold() not in kb.body_nouns  # "the ministry" is no spokesman
            and m.country in (None, prior.country)
            and prior.role_key
            and head.casefold() in _role_heads(kb).get(prior.role_key, ())
        ):
            return _copy_identity(m, prior, "coreference")
    for prior in reversed(before):
        if not prior.actor_id:
            continue
        if (
            prior.is_person
            and not plural
            and m.country
            and prior.country == m.country
            and (m.sector is None or prior.sector == m.sector)
        ):
            return _copy_identity(m, prior, "coreference")
        if (
            prior.kind == "organisation"
            and prior.name
            and prior.name.casefold().split()[-1:] == [head]
        ):
            return _copy_identity(m, prior, "coreference")
    return m
