"""The actor knowledge base: countries, organisations, people with dated roles, sector nouns.

Loaded once from data/actors/*.yaml (each entry carries its source). ``KnowledgeBase.surface``
indexes every name form as a tuple of words, so the resolver can match token sequences directly.
Users holding PETRARCH/TABARI dictionaries can add them (see actors.petrarch).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from parley.data import load_yaml
from parley.records import Actor, Role

EntryKind = Literal["person", "country", "demonym", "organisation", "metonym"]
# Open-ended role intervals run to this date, far enough for any article parley will see.
OPEN_END = dt.date(2100, 1, 1)
OPEN_START = dt.date(1900, 1, 1)


_HYPHEN = re.compile(r"(?<=\w)(-)(?=\w)")
# "People's" → People 's; "Workers'" → Workers ' (spaCy splits both).
_POSSESSIVE = re.compile(r"^(.+?)(['’]s|(?<=s)['’])$")


def surface_words(text: str) -> tuple[str, ...]:
    """Split a name the way spaCy tokenizes it: "al-Qaeda" → al - Qaeda, "People's" → People 's."""
    words: list[str] = []
    for word in text.split():
        for part in _HYPHEN.split(word):
            possessive = _POSSESSIVE.match(part)
            words.extend(possessive.groups() if possessive else (part,))
    return tuple(w for w in words if w)


@dataclass(frozen=True)
class RoleSpan:
    key: str
    title: str
    country: str | None
    sector: str | None
    start: dt.date
    end: dt.date
    # The state an ambassador is accredited to: one of many holders of "the Russian ambassador".
    accredited_to: str | None = None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    roles: tuple[RoleSpan, ...]
    wikidata: str | None
    source: str
    # Whether a bare surname may stand for the person when the article has not named them in
    # full: not for the hundreds of legislators ("Johnson", "Paul", "King"), whose surnames would
    # make those of the heads of government and ministers ambiguous.
    by_surname: bool = True

    def roles_on(self, day: dt.date) -> list[RoleSpan]:
        return [r for r in self.roles if r.covers(day)]

    @property
    def surnames(self) -> set[str]:
        # Not the last word of a style ("Prince William, Duke of Cambridge", "Abdullah II of
        # Jordan"): "Cambridge" and "Jordan" alone are no one's surname.
        return {
            n.split()[-1]
            for n in (self.name, *self.aliases)
            if n.split() and "," not in n and " of " not in n
        }


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonyms: tuple[tuple[str, str], ...]  # (text, sector)
    source: str
    # (state, until): before independence its places were that state's ("Juba" in 2000: Sudan).
    part_of: tuple[str, dt.date] | None = None


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    code: str
    kind: str
    sector: str | None
    aliases: tuple[str, ...]
    source: str
    # (sector, from, until): a group whose standing changed — the Taliban rebels until they took
    # Kabul on 2021-08-15, its government after. Until is exclusive, from inclusive.
    periods: tuple[tuple[str, dt.date, dt.date], ...] = ()

    def sector_on(self, day: dt.date | None) -> str | None:
        """The sector on that day; with no day, or a day no period covers, the default."""
        if day is not None:
            for sector, start, end in self.periods:
                if start <= day < end:
                    return sector
        return self.sector


@dataclass(frozen=True)
class Entry:
    """What a name form refers to."""

    kind: EntryKind
    id: str  # person id, country code, organisation id
    sector: str | None = None


# Shorter words are too often someone's name one letter off a country ("Ghani", "Ghana").
MIN_MISSPELT = 6


def _one_edit_apart(a: str, b: str) -> bool:
    """One insertion, deletion, substitution or swap of neighbours turns ``a`` into ``b``."""
    if a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    first = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[first:] == b[first + 1 :]
    if a[first + 1 :] == b[first + 1 :]:
        return True
    return a[first : first + 2] == b[first : first + 2][::-1] and a[first + 2 :] == b[first + 2 :]


@cache
def _country_words(kb: KnowledgeBase) -> dict[tuple[str, int], tuple[str, ...]]:
    """One-word country names and demonyms by first letter and length (capitals and other
    metonyms are too often also surnames: "Tehrani")."""
    found: dict[tuple[str, int], set[str]] = {}
    for words, entries in kb.surface.items():
        if (
            len(words) == 1
            and len(words[0]) >= MIN_MISSPELT - 1
            and all(e.kind in ("country", "demonym") for e in entries)
        ):
            found.setdefault((words[0][0], len(words[0])), set()).add(words[0])
    return {shape: tuple(sorted(ws)) for shape, ws in found.items()}


@cache
def _people_by_start(
    kb: KnowledgeBase,
) -> dict[tuple[tuple[str, ...], int], tuple[tuple[str, ...], ...]]:
    """People's written names of two words or more, by the words before the surname."""
    found: dict[tuple[tuple[str, ...], int], set[tuple[str, ...]]] = {}
    for words, entries in kb.surface.items():
        if len(words) >= 2 and any(e.kind == "person" for e in entries):
            found.setdefault((words[:-1], len(words)), set()).add(words)
    return {start: tuple(sorted(names)) for start, names in found.items()}


@dataclass(eq=False)  # hashed by identity: caches key on the loaded instance
class KnowledgeBase:
    people: dict[str, Person] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    role_phrases: dict[str, str] = field(default_factory=dict)  # phrase -> role key
    role_sectors: dict[str, str] = field(default_factory=dict)  # role key -> sector
    sector_nouns: dict[str, str] = field(default_factory=dict)  # noun -> sector
    surface: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    surnames: dict[str, list[str]] = field(default_factory=dict)  # surname -> person ids
    role_words: set[str] = field(default_factory=set)  # every word of every role phrase
    body_nouns: frozenset[str] = frozenset()  # one per country: "the Russian embassy"
    # Given names by the pronoun news copy uses for their bearers ("Angela" → "female"), and
    # titles and role words ("Mrs", "spokeswoman").
    genders: dict[str, str] = field(default_factory=dict)
    title_genders: dict[str, str] = field(default_factory=dict)
    # Words that start a person's name: the gendered given names and the first names of the
    # people the knowledge base knows ("Kurt" of Kurt Campbell, "Prosper" of Prosper Avril).
    given_names: set[str] = field(default_factory=set)
    # For each word that starts a known name, the most words such a name has: where to look.
    longest_from: dict[str, int] = field(default_factory=dict)
    misspelt: dict[str, list[Entry]] = field(default_factory=dict)  # misspelt_country's answers
    # Peoples named by a state's demonym who live as minorities elsewhere ("Bosnian Serbs").
    minorities: frozenset[str] = frozenset()
    # Phrases that name no known actor though they end in one's name ("Social Democrats",
    # "Labour Day"): the matcher reads them whole and makes nothing of them.
    not_names: set[tuple[str, ...]] = field(default_factory=set)
    not_misspelt: frozenset[str] = frozenset()
    place_first_names: frozenset[str] = frozenset()

    def add_surface(self, text: str, entry: Entry) -> None:
        words = surface_words(text)
        if not words:
            return
        entries = self.surface.setdefault(words, [])
        if entry not in entries:
            entries.append(entry)
        self.longest_from[words[0]] = max(self.longest_from.get(words[0], 0), len(words))

    def add_not_name(self, text: str) -> None:
        words = surface_words(text)
        if words:
            self.not_names.add(words)
            self.longest_from[words[0]] = max(self.longest_from.get(words[0], 0), len(words))

    def add_person(self, person: Person) -> None:
        self.people[person.id] = person
        for form in {person.name, *person.aliases}:
            self.add_surface(form, Entry("person", person.id))
        for surname in person.surnames if person.by_surname else ():
            ids = self.surnames.setdefault(surname, [])
            if person.id not in ids:
                ids.append(person.id)

    def add_country(self, country: Country) -> None:
        self.countries[country.code] = country
        for form in country.names:
            self.add_surface(form, Entry("country", country.code))
        for form in country.demonyms:
            self.add_surface(form, Entry("demonym", country.code))
        for text, sector in country.metonyms:
            self.add_surface(text, Entry("metonym", country.code, sector))

    def add_organisation(self, org: Organisation) -> None:
        self.organisations[org.id] = org
        for form in {org.name, *org.aliases}:
            self.add_surface(form, Entry("organisation", org.id, org.sector))

    def misspelt_country(self, word: str) -> list[Entry]:
        """A one-word country name or demonym written one letter off ("Ethopia",
        "Quatar", "Afganistan", "Ghanians"), for words of at least MIN_MISSPELT letters."""
        if len(word) < MIN_MISSPELT or word in self.not_misspelt:
            return []
        if word not in self.misspelt:
            # The same names come back article after article: each word is looked at once.
            by_shape = _country_words(self)
            near = (k for n in (-1, 0, 1) for k in by_shape.get((word[0], len(word) + n), ()))
            known = next((k for k in near if _one_edit_apart(k, word)), None)
            self.misspelt[word] = self.surface[(known,)] if known else []
        return self.misspelt[word]

    def misspelt_person(self, name: str) -> Person | None:
        """A person written with the surname one letter off ("Abdelaziz Bouteflicka",
        "Francois Mitterand"): the one person the knowledge base spells with the same other
        words and a surname of at least MIN_MISSPELT letters one edit away."""
        words = surface_words(name)
        if len(words) < 2 or len(words[-1]) < MIN_MISSPELT:
            return None
        found = {
            entry.id
            for known in _people_by_start(self).get((words[:-1], len(words)), ())
            if _one_edit_apart(known[-1], words[-1])
            for entry in self.surface[known]
            if entry.kind == "person"
        }
        return self.people[found.pop()] if len(found) == 1 else None

    def country_of_demonym(self, word: str) -> str | None:
        for entry in self.surface.get((word,), []):
            if entry.kind in ("country", "demonym", "metonym"):
                return entry.id
        return None

    def role_key(self, phrase: str) -> str | None:
        """The role a description names ("presidential press secretary" → leader_spokesperson)."""
        words = phrase.casefold().split()
        # The longest phrase that ends the description wins: "foreign minister" over "minister".
        for start in range(len(words)):
            key = self.role_phrases.get(" ".join(words[start:]))
            if key:
                return key
            if words[-1].endswith("s"):
                singular = " ".join([*words[start:-1], words[-1][:-1]])
                key = self.role_phrases.get(singular)
                if key:
                    return key
        return None

    def holders(self, key: str, country: str | None, day: dt.date | None) -> list[Person]:
        """Who held a role (in a country) on a day; any time when the day is unknown. Posts a
        state holds in many places (ambassadors) are left out: the knowledge base knows only
        some of them, so "the Russian ambassador" in Warsaw is not the one in Washington."""
        found = []
        for person in self.people.values():
            for role in person.roles:
                if role.key != key or (country and role.country != country):
                    continue
                if role.accredited_to:
                    continue
                if day is None or role.covers(day):
                    found.append(person)
                    break
        return found

    def actor_record(self, entry: Entry, day: dt.date | None = None) -> Actor:
        """The export record for a knowledge-base entry: country and sector as now (or on
        ``day``), every role with its dates. The same whichever article first named the actor,
        so runs in any order or on any engine store the same row."""
        if entry.kind == "person":
            person = self.people[entry.id]
            current = person.roles_on(day or dt.date.today())
            return Actor(
                id=f"person:{person.id}",
                name=person.name,
                aliases=list(person.aliases),
                kind="person",
                country=current[0].country if current else person.country,
                sector=current[0].sector if current else None,
                roles=[
                    Role(
                        role=r.title,
                        country=r.country,
                        sector=r.sector,
                        valid_from=None if r.start == OPEN_START else r.start.isoformat(),
                        valid_to=None if r.end == OPEN_END else r.end.isoformat(),
                    )
                    for r in person.roles
                ],
                wikidata=person.wikidata,
                source=person.source,
            )
        if entry.kind == "organisation":
            org = self.organisations[entry.id]
            return Actor(
                id=f"org:{org.id}",
                name=org.name,
                aliases=list(org.aliases),
                kind="group" if org.kind == "group" else "organisation",
                country=org.code,
                sector=org.sector,
                source=org.source,
            )
        country = self.countries[entry.id]
        return Actor(
            id=f"country:{country.code}",
            name=country.name,
            aliases=[*country.names, *country.demonyms],
            kind="country",
            country=country.code,
            sector=None,
            source=country.source,
        )


def _date(value: object, default: dt.date) -> dt.date:
    if value in (None, ""):
        return default
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _people(
    rows: Iterable[dict[str, object]], role_sectors: dict[str, str], by_surname: bool = True
) -> Iterable[Person]:
    for row in rows:
        roles = tuple(
            RoleSpan(
                key=str(r["role"]),
                title=str(r.get("title") or r["role"]),
                country=r.get("country"),
                sector=r.get("sector") or role_sectors.get(str(r["role"])),
                start=_date(r.get("valid_from"), OPEN_START),
                end=_date(r.get("valid_to"), OPEN_END),
                accredited_to=r.get("accredited_to"),
            )
            for r in row.get("roles") or []  # type: ignore[attr-defined]
        )
        yield Person(
            id=str(row["id"]),
            name=str(row["name"]),
            aliases=tuple(str(a) for a in row.get("aliases") or []),  # type: ignore[attr-defined]
            country=row.get("country"),  # type: ignore[arg-type]
            roles=roles,
            wikidata=row.get("wikidata"),  # type: ignore[arg-type]
            source=str(row.get("source") or ""),
            by_surname=by_surname,
        )


def user_dir() -> Path:
    """Where `parley actors import` keeps imported dictionaries: $PARLEY_HOME/actors, else
    ~/.local/share/parley/actors."""
    home = os.environ.get("PARLEY_HOME")
    base = Path(home) if home else Path.home() / ".local" / "share" / "parley"
    return base / "actors"


def _user_rows() -> Iterable[dict[str, Any]]:
    folder = user_dir()
    if not folder.is_dir():
        return []
    return [
        yaml.safe_load(p.read_text(encoding="utf-8")) or {} for p in sorted(folder.glob("*.yaml"))
    ]


@cache
def load() -> KnowledgeBase:
    """The knowledge base shipped with parley, plus any dictionaries the user imported."""
    kb = KnowledgeBase()
    roles = load_yaml("actors/roles.yaml")["roles"]
    for key, spec in roles.items():
        kb.role_sectors[key] = spec.get("sector")
        for phrase in spec.get("phrases", []):
            kb.role_phrases.setdefault(phrase.casefold(), key)
            kb.role_words.update(phrase.casefold().split())
    sectors = load_yaml("actors/sectors.yaml")
    for code, spec in sectors["sectors"].items():
        for noun in spec.get("nouns", []):
            kb.sector_nouns.setdefault(noun.casefold(), code)
    kb.body_nouns = frozenset(str(n).split()[-1] for n in sectors["bodies"]["nouns"])
    names = load_yaml("actors/given_names.yaml")
    kb.place_first_names = frozenset(map(str, names["also_places"]))
    for gender in ("female", "male"):
        kb.genders.update(dict.fromkeys(map(str, names[gender]), gender))
        kb.title_genders.update(dict.fromkeys(map(str, names["titles"][gender]), gender))
    countries = load_yaml("actors/countries.yaml")
    kb.not_misspelt = frozenset(map(str, countries["not_misspelt"]["words"]))
    for row in countries["countries"]:
        kb.add_country(
            Country(
                code=row["code"],
                name=row["name"],
                names=tuple(row.get("names") or [row["name"]]),
                demonyms=tuple(row.get("demonyms") or []),
                metonyms=tuple(
                    (m["text"], m.get("sector", "GOV")) for m in row.get("metonyms") or []
                ),
                source=str(row.get("source") or ""),
                part_of=(
                    (row["part_of"]["country"], _date(row["part_of"]["until"], OPEN_START))
                    if row.get("part_of")
                    else None
                ),
            )
        )
    kb.minorities = frozenset(map(str, load_yaml("actors/peoples.yaml")["minorities"]["nouns"]))
    for file, key in (("actors/regions.yaml", "regions"), ("actors/peoples.yaml", "peoples")):
        # A region or a people stands for its country, with no sector: "Darfur rebels" are
        # Sudanese rebels, "Yoruba leaders" Nigerian leaders.
        for row in load_yaml(file)[key]:
            for text in (row["name"], *(row.get("aliases") or [])):
                kb.add_surface(str(text), Entry("metonym", str(row["country"]), None))
    imported = list(_user_rows())
    parties = load_yaml("actors/parties.yaml")
    organisation_rows = [
        *load_yaml("actors/organisations.yaml")["organisations"],
        # News media: "the Washington Post reported" is the paper, not Washington.
        *load_yaml("actors/media.yaml")["organisations"],
        # Political parties: "Republicans said" is the US Republican Party.
        *parties["organisations"],
    ]
    for text in parties.get("not_names") or []:
        kb.add_not_name(str(text))
    for extra in imported:
        organisation_rows += [
            r for r in extra.get("organisations", []) if r["id"] not in kb.organisations
        ]
    for row in organisation_rows:
        if row["id"] in kb.organisations:
            continue
        kb.add_organisation(
            Organisation(
                id=row["id"],
                name=row["name"],
                code=row.get("code") or row["id"].upper(),
                kind=row.get("kind", "organisation"),
                sector=row.get("sector"),
                aliases=tuple(row.get("aliases") or []),
                source=str(row.get("source") or ""),
                periods=tuple(
                    (
                        str(p["sector"]),
                        _date(p.get("from"), OPEN_START),
                        _date(p.get("until"), OPEN_END),
                    )
                    for p in row.get("periods") or []
                ),
            )
        )
    for person in _people(load_yaml("actors/people.yaml")["people"], kb.role_sectors):
        kb.add_person(person)
    # Legislators are known by their full names ("Sen. John McCain"); a surname alone reaches
    # them only once the article has named them.
    legislators = load_yaml("actors/legislators.yaml")["people"]
    for person in _people(legislators, kb.role_sectors, by_surname=False):
        kb.add_person(person)
    for extra in imported:
        for person in _people(extra.get("people", []), kb.role_sectors):
            # The shipped entry wins over an imported one for the same person.
            known = any(e.kind == "person" for e in kb.surface.get(surface_words(person.name), []))
            if person.id not in kb.people and not known:
                kb.add_person(person)
    kb.given_names = set(kb.genders) | _first_names(kb, {str(n) for n in names["ambiguous"]})
    return kb


# Words that begin names without being given names: "Abu" of Sami Abu Zuhri, who is Sami.
NAME_PARTICLES = frozenset({"Abu", "Umm", "Ibn", "Bin", "Ben", "Mir", "Haji", "Mullah", "Daw"})


def _first_names(kb: KnowledgeBase, ambiguous: set[str]) -> set[str]:
    """The first words of the known people's names that are nothing else: not a name the
    given-name lists leave open ("Hassan", "Kim"), a surname, or a country's or body's word."""
    first = set()
    # Names only, not aliases: "Terror Lekota" and "Baby Doc Duvalier" are nicknames.
    for person in kb.people.values():
        words = person.name.split()
        word = words[0]
        if (
            len(words) >= 2
            and len(word) >= 3
            and word[:1].isupper()
            and word.replace("-", "").isalpha()
            and word not in ambiguous
            and word not in NAME_PARTICLES
            and word not in kb.surnames
            and (word,) not in kb.surface
            # Titles some names are stored with ("King Abdullah", "General Prayut").
            and word.casefold() not in kb.role_words
            and word.casefold() not in kb.title_genders
            and word not in kb.title_genders
        ):
            first.add(word)
    return first
