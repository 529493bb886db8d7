"""The words quotation finding runs on: reporting verbs, stance and appeal verbs, naming verbs,
nouns of speech, finding sources (data/quotes.yaml), and the dependencies that carry what is
said."""

from __future__ import annotations

from functools import cache

from parley.data import load_yaml, reporting_verbs

# What a reporting verb reports: a clause ("said the talks failed"), or what is asked or urged
# ("urged the court to throw out the rules").
INDIRECT_DEPS = ("ccomp", "xcomp")

# Verbs that refuse to speak: "declined to comment", "refused to say".
REFUSALS = frozenset({"decline", "refuse"})

# Verbs whose reported content may be a question ("asked if…", "wondered whether…").
QUESTION_CUES = frozenset({"ask", "wonder", "inquire", "question"})

FIRST_PERSON = frozenset({"i", "we", "you"})

# "I think it's in our interests" (an interview, a column) is the writer's or interviewee's
# attribution; "you think…" is an address, not a report.
ADDRESSEE = frozenset({"you"})

# Dependencies through which a quoted fragment is the content of a reporting verb ("said the
# situation…", "saying that his country has 'no hostile intent'"); advcl/prep are not among them,
# so 'Speaking on whether talks signal a "thaw"' does not make "thaw" a quote.
CONTENT_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "conj", "attr", "acomp", "oprd", "parataxis", "relcl"}
)

# Indirect speech needs a complement at least this long to be a statement rather than a phrase.
MIN_INDIRECT_TOKENS = 4


def _words(key: str) -> frozenset[str]:
    """A word list of data/quotes.yaml (empty when the file has none)."""
    return frozenset(str(n) for n in load_yaml("quotes.yaml").get(key) or [])


@cache
def noun_cues() -> frozenset[str]:
    """Nouns that report speech when a possessor says whose it is ("Trump's claim that…")."""
    return _words("noun_cues")


@cache
def stance_cues() -> frozenset[str]:
    """Verbs that voice a stance on someone ("endorsed Clinton", "criticized Rubio for…")."""
    return _words("stance_cues")


@cache
def person_stance_cues() -> frozenset[str]:
    """Stance verbs that are attributions only when a person takes the stance."""
    return _words("person_stance_cues")


@cache
def appeal_cues() -> dict[str, frozenset[str]]:
    """Verbs that ask for something through a preposition ("called for", "pushed for")."""
    found = load_yaml("quotes.yaml").get("appeal_cues") or {}
    return {str(verb): frozenset(str(p) for p in preps) for verb, preps in found.items()}


@cache
def naming_cues() -> frozenset[str]:
    """Verbs that characterise someone in the speaker's words ("called Clinton a “disgrace”")."""
    return _words("naming_cues")


def cue_lemmas() -> tuple[frozenset[str], frozenset[str]]:
    """(all reporting verbs, those that also introduce indirect speech)."""
    return reporting_verbs()


@cache
def bare_cues() -> frozenset[str]:
    """Reporting verbs only when they have no object ('"…," he continued')."""
    return frozenset(c["lemma"] for c in load_yaml("quotes.yaml")["cues"] if c.get("bare"))


# What a path from quoted words up to their reporting verb may pass through: "accused Moscow of
# [trying to “freeze…”]" goes through a preposition and its clause.
THROUGH_DEPS = CONTENT_DEPS | {"prep", "pobj", "pcomp"}


@cache
def finding_sources() -> frozenset[str]:
    """Documents whose findings "In a … poll, …" reports."""
    return _words("finding_sources")


@cache
def finding_verbs() -> frozenset[str]:
    """What a finding source does when it states a finding as an object ("shows X leading")."""
    return _words("finding_verbs")


@cache
def seeing_as_cues() -> frozenset[str]:
    """Verbs that hold a view only with "as": "sees Cruz as a threat" (not "saw the damage")."""
    return _words("seeing_as_cues")


@cache
def _stance_lemmas() -> frozenset[str]:
    return (
        stance_cues()
        | frozenset(appeal_cues())
        | person_stance_cues()
        | seeing_as_cues()
        | finding_verbs()
        | naming_cues()
    )


def is_stance(lemma: str) -> bool:
    """Does the verb voice a stance, an appeal, a view, a name or a finding on its object?"""
    return lemma in _stance_lemmas()


# What a stance verb is about: its object and what the object is praised or blamed "for".
STANCE_PREPOSITIONS = frozenset({"for", "as", "over", "on", "of"})
