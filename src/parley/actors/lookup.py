"""Look actors up by name, and import PETRARCH dictionaries: the library behind `parley actors`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from parley.actors import kb as kb_module
from parley.actors.kb import Entry, KnowledgeBase, surface_words
from parley.actors.petrarch import read_actors
from parley.errors import E, ParleyError
from parley.records import Actor


@dataclass(frozen=True)
class Found:
    actor: Actor
    on: dt.date | None
    current: list[str]  # "President of Russia (RUS GOV)" for the roles held on the day


def find(name: str, on: dt.date | None = None, kb: KnowledgeBase | None = None) -> list[Found]:
    """Every actor a name can mean (full names, aliases, surnames), with its roles on a day."""
    kb = kb or kb_module.load()
    entries = list(kb.surface.get(surface_words(name), []))
    for person_id in kb.surnames.get(name.strip(), []):
        entry = Entry("person", person_id)
        if entry not in entries:
            entries.append(entry)
    found: list[Found] = []
    for entry in entries:
        if entry.kind in ("demonym", "metonym"):
            entry = Entry("country", entry.id)
        actor = kb.actor_record(entry, on)
        current = []
        if entry.kind == "person" and on is not None:
            current = [
                f"{r.title} ({r.country or '?'} {r.sector or '?'})"
                for r in kb.people[entry.id].roles_on(on)
            ]
        if all(f.actor.id != actor.id for f in found):
            found.append(Found(actor=actor, on=on, current=current))
    return found


def import_dictionary(path: Path) -> tuple[int, int, Path]:
    """Convert a PETRARCH/TABARI actor dictionary into parley's format beside the shipped data.

    Returns (people, organisations, where the converted file was written).
    """
    if not path.is_file():
        raise ParleyError(E.E001.format(where=str(path)))
    rows = read_actors(path)
    if not rows["people"] and not rows["organisations"]:
        detail = "no PETRARCH actor entries ([CODE] lines) found"
        raise ParleyError(E.E023.format(where=str(path), kind="actor dictionary", detail=detail))
    folder = kb_module.user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{path.stem}.yaml"
    out.write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), encoding="utf-8")
    kb_module.load.cache_clear()
    return len(rows["people"]), len(rows["organisations"]), out
