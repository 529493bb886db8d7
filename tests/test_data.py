"""The knowledge files load, agree with each other and say where each fact comes from."""

from __future__ import annotations

from parley.actors.kb import load as load_kb
from parley.data import load_yaml
from parley.events.lexicon import load as load_lexicon
from parley.events.ontology import cameo_codes

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def test_every_cameo_code_has_a_name_score_and_valid_plover_type() -> None:
    codes = cameo_codes()
    assert len(codes) > 250
    assert {c.root for c in codes.values()} == {f"{n:02d}" for n in range(1, 21)}
    for code in codes.values():
        assert code.name and code.goldstein is not None, code.code
        assert code.plover.type is None or code.plover.type in PLOVER_TYPES, code.code
        assert (code.plover.type is None) == (code.root in ("01", "02")), code.code


def test_verb_patterns_cover_every_root_with_known_codes() -> None:
    codes = cameo_codes()
    lexicon = load_lexicon()
    patterns = [p for ps in (*lexicon.verbs.values(), *lexicon.nouns.values()) for p in ps]
    assert {p.code for p in patterns} <= set(codes)
    assert {p.code[:2] for p in patterns} == {f"{n:02d}" for n in range(1, 21)}
    assert all(p.source for p in patterns)
    # A pattern's own PLOVER reading (where the manual departs from the table) is a real type
    # and one of that type's modes.
    types = load_yaml("ontology/plover.yaml")["types"]
    modes = {name: set(entry.get("modes") or []) for name, entry in types.items()}
    for p in patterns:
        if p.plover_type:
            assert p.plover_type in PLOVER_TYPES, p
            assert p.plover_mode is None or p.plover_mode in modes[p.plover_type], p


def test_people_roles_are_known_dated_and_sourced() -> None:
    roles = load_yaml("actors/roles.yaml")["roles"]
    kb = load_kb()
    assert len(kb.people) > 100
    for person in kb.people.values():
        assert person.source, person.id
        for role in person.roles:
            assert role.key in roles, (person.id, role.key)
            assert role.start <= role.end, person.id


def test_countries_and_organisations_are_sourced() -> None:
    kb = load_kb()
    assert len(kb.countries) >= 249
    assert all(c.source for c in kb.countries.values())
    assert all(o.source for o in kb.organisations.values())


def test_boilerplate_rules_and_issues_say_why() -> None:
    rules = load_yaml("clean/boilerplate.yaml")
    for section in ("lines", "patterns", "sidebars"):
        assert all(rule["reason"] for rule in rules[section])
    issues = load_yaml("issues.yaml")["issues"]
    assert all(i["terms"] and i.get("source") for i in issues)


def test_given_names_are_in_one_list_only_and_titles_say_which() -> None:
    from parley.data import load_yaml

    names = load_yaml("actors/given_names.yaml")
    female, male, ambiguous = (set(names[k]) for k in ("female", "male", "ambiguous"))
    assert not female & male and not (female | male) & ambiguous
    assert names["source"] and {"Mrs", "spokeswoman"} <= set(names["titles"]["female"])
