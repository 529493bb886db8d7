"""The parse around a report: who the speaker is, where a reported clause starts and ends, and an
attribution set into the clause it reports ("The talks, Lavrov said, would resume")."""

from __future__ import annotations

from dataclasses import dataclass

from parley.actors import ActorLayer, ActorMention
from parley.actors.coref import DOCUMENT_NOUNS
from parley.clean.metadata import parse_dateline
from parley.nlp import Parsed
from parley.quotes.lexicon import INDIRECT_DEPS, MIN_INDIRECT_TOKENS, cue_lemmas
from parley.records import ActorRef, SpeakerBasis

# A dateline ("SALVADOR, Feb 26 (Reuters) -") is never longer than this.
MAX_DATELINE_CHARS = 120


def quoted_as(parsed: Parsed, cue: int) -> int | None:
    """ "TASS quoted Lavrov as saying…", "Ryabkov was quoted by RIA Novosti as saying…": the one
    quoted speaks, not the outlet quoting him."""
    tokens = parsed.tokens
    prep = tokens[cue].head
    if tokens[cue].dep != "pcomp" or tokens[prep].text.casefold() != "as":
        return None
    verb = tokens[prep].head
    if tokens[verb].lemma not in ("quote", "cite"):
        return None
    for dep in ("dobj", "nsubjpass"):
        found = next((c for c in parsed.children(verb) if tokens[c].dep == dep), None)
        if found is not None:
            return found
    return None


def cue_subject(parsed: Parsed, cue: int) -> int | None:
    quoted = quoted_as(parsed, cue)
    if quoted is not None:
        return quoted
    # "Asked by Matt Lauer whether…": the one doing the asking, not whoever answers.
    for child in parsed.children(cue):
        if parsed.tokens[child].dep == "agent":
            return next((g for g in parsed.children(child) if parsed.tokens[g].dep == "pobj"), None)
    # The cue's subject, or its head verb's ("She urges her husband … and says, “…”").
    subject = parsed.clause_subject(cue, climbs=2)
    return subject if subject is not None else parsed.subject_after_comma(cue)


def impersonal(parsed: Parsed, cue: int) -> bool:
    """ "it is slander to say that…", "it is fair to say…": a saying nobody in particular does
    (PolNeAR counts such an attribution, sourceless; it governs no one's quotation)."""
    tokens = parsed.tokens
    head = tokens[cue].head
    return (
        any(tokens[c].tag == "TO" for c in parsed.children(cue))
        and head != cue
        and any(
            tokens[c].dep == "nsubj" and tokens[c].text.casefold() == "it"
            for c in parsed.children(head)
        )
    )


@dataclass(frozen=True)
class Attribution:
    speaker: ActorRef
    basis: SpeakerBasis
    cue: str | None


# How far back "the statement" looks for the statement the article said someone issued.
DOCUMENT_WINDOW_SENTENCES = 8


def _author(parsed: Parsed, layer: ActorLayer, i: int) -> ActorMention | None:
    """Who wrote the paper at ``i``, as its own words say: "a statement from the ministry", "a
    report by the BBC", "the ministry's statement", "a UN report"."""
    document = parsed.tokens[i].lemma.casefold() in DOCUMENT_NOUNS
    for child in parsed.children(i):
        dep, word = parsed.tokens[child].dep, parsed.tokens[child].text.casefold()
        if dep == "prep" and word in ("from", "by"):
            found = [layer.at(g) for g in parsed.children(child)]
            authors = [m for m in found if m is not None and m.kind != "pronoun"]
        elif document and (dep == "poss" or (dep in ("compound", "nmod") and child < i)):
            authors = [m for m in (layer.at(child),) if m is not None]
        else:
            continue
        for author in authors:
            if author.actor_id:
                return author
    return None


def _issued_earlier(parsed: Parsed, layer: ActorLayer, i: int) -> ActorMention | None:
    """ "The White House issued a statement… “…,” the statement said": the author of the paper
    the article last spoke of, a few sentences back at most."""
    tokens = parsed.tokens
    noun = tokens[i].lemma.casefold()
    first = parsed.sentence_of(i)
    for _ in range(DOCUMENT_WINDOW_SENTENCES):
        if first.start == 0:
            break
        first = parsed.sentence_of(first.start - 1)
    for j in range(i - 1, first.start - 1, -1):
        # A named paper ("the Digital News Report 2018") is not the one "the report" means.
        if tokens[j].lemma.casefold() != noun or not tokens[j].text.islower():
            continue
        author = _author(parsed, layer, j)
        if author is not None:
            return author
        if tokens[j].dep in ("nsubj", "nsubjpass") and any(
            tokens[c].text.casefold() == "the" for c in parsed.children(j)
        ):
            # "…, the statement said." twice over: the earlier one's author.
            return _issued_earlier(parsed, layer, j)
        # The one who issued, released or put it out — or said something "in a statement".
        verb = j
        for _ in range(3):
            verb = tokens[verb].head
            if tokens[verb].pos in ("VERB", "AUX"):
                break
        subject = parsed.subject_of(verb) if tokens[verb].pos in ("VERB", "AUX") else None
        mention = layer.at(subject) if subject is not None else None
        if mention is not None and mention.actor_id:
            return mention
        return None  # the paper the article spoke of last has no author it names
    if noun == "report":
        return _reporter_before(parsed, layer, i)
    return None


def _reporter_before(parsed: Parsed, layer: ActorLayer, i: int) -> ActorMention | None:
    """ "Israel TV's Channel 10 said the delegation had not left. The report said…": a report
    the article never spoke of is the one the body that said something in the sentence before
    made (a person's words are no report)."""
    sentence = parsed.sentence_of(i)
    if sentence.start == 0:
        return None
    before = parsed.sentence_of(sentence.start - 1)
    for verb in range(before.start, before.end):
        if parsed.tokens[verb].lemma not in ("say", "report"):
            continue
        subject = parsed.subject_of(verb)
        mention = layer.at(subject) if subject is not None else None
        if mention is not None and mention.actor_id and not mention.is_person:
            return mention
    return None


def authored(parsed: Parsed, layer: ActorLayer, i: int, text: str | None, cue: str) -> Attribution:
    """'A statement from the Israeli Prime Minister's Office said…', 'according to a report by
    the BBC', 'the ministry's statement said': the words as written, whose author is the known
    actor the paper's own words name — or, for "the statement", the one the article last said
    issued it."""
    author = _author(parsed, layer, i)
    if author is not None:
        return Attribution(author.ref().model_copy(update={"text": text}), "named", cue)
    definite = any(
        parsed.tokens[c].dep == "det" and parsed.tokens[c].text.casefold() == "the"
        for c in parsed.children(i)
    )
    if (
        definite
        and parsed.tokens[i].lemma.casefold() in DOCUMENT_NOUNS
        and parsed.tokens[i].text.islower()
    ):
        author = _issued_earlier(parsed, layer, i)
        if author is not None:
            ref = author.ref().model_copy(update={"text": text})
            return Attribution(ref, "coreference", cue)
    return Attribution(ActorRef(text=text), "unresolved", cue)


def source_named(parsed: Parsed, layer: ActorLayer, i: int, cue: str) -> Attribution:
    """The speaker a word names (a known actor, else the words as written)."""
    mention = layer.at(i)
    if mention is None:
        # "The EU's chief negotiator Michel Barnier said": the name beside the title.
        mention = next(
            (
                m
                for c in parsed.children(i)
                if parsed.tokens[c].dep == "appos"
                and (m := layer.at(c)) is not None
                and m.is_person
                and m.actor_id
            ),
            None,
        )
    if mention is None:
        lo, hi = parsed.subtree(i)
        for child in parsed.children(i):
            if parsed.tokens[child].dep == "relcl" and child > i:
                # "Palestinians, who have said that…": the clause that says it is not their name.
                hi = min(hi, parsed.subtree(child)[0] - 1)
        while hi > i and parsed.tokens[hi].pos == "PUNCT":
            hi -= 1
        if parsed.tokens[hi].dep == "case":  # "the report's": the report
            hi -= 1
        return authored(parsed, layer, i, parsed.span_text(lo, hi + 1), cue)
    basis = mention.basis if mention.actor_id else "unresolved"
    return Attribution(mention.ref(), basis, cue)


def after_dateline(text: str, start: int) -> int:
    """'TEHRAN, March 3 (Reuters) - Iran will not…': a report opening a paragraph starts after
    the dateline, which is the wire's, not the speaker's."""
    found_break = text.rfind("\n\n", 0, start)
    paragraph = 0 if found_break < 0 else found_break + 2
    if start - paragraph > MAX_DATELINE_CHARS:
        return start
    found = parse_dateline(text[paragraph : paragraph + MAX_DATELINE_CHARS])
    if found is None:
        return start
    body = paragraph + found[1]
    return body if start < body else start


def clause_content(parsed: Parsed, head: int) -> tuple[int, int]:
    """First and last token of a reported clause, without its "that" and closing punctuation."""
    tokens = parsed.tokens
    lo, hi = parsed.subtree(head)
    while lo <= hi and tokens[lo].text.casefold() in ("that", ","):
        lo += 1
    hi = before_next_report(parsed, head, hi)
    while hi >= lo and tokens[hi].pos in ("PUNCT", "CCONJ", "SPACE"):
        hi -= 1
    return lo, hi


_SETTING_OFF = frozenset({",", "—", "–", "-"})


def parenthetical(parsed: Parsed, cue: int) -> tuple[int, tuple[int, int]] | None:
    """'The talks, Lavrov said, would resume in June', 'As Crane said, the two have become…': a
    reporting verb set into the clause it reports. Returns that clause's head and the
    attribution's first and last token (its commas included), which the content leaves out."""
    tokens = parsed.tokens
    token = tokens[cue]
    head = token.head
    deps = {tokens[c].dep for c in parsed.children(cue)}
    if deps & set(INDIRECT_DEPS):
        return None  # "said he would": a report of its own
    if head == cue:
        return _trailing(parsed, cue, deps)
    # The clause is a verb's, or a whole sentence the parser read as a noun phrase ("In both
    # cases, Eric Trump said, those donations paid…" headed by "donations").
    if tokens[head].pos not in ("VERB", "AUX") and tokens[head].dep != "ROOT":
        return None
    marks = {tokens[c].text.casefold() for c in parsed.children(cue) if tokens[c].dep == "mark"}
    # "…, Trump told CNN, …" names whom he told; "As he said this, …" is no attribution.
    as_said = token.dep == "advcl" and marks == {"as"} and "dobj" not in deps
    if not (token.dep == "parataxis" or as_said):
        return None
    lo, hi = parsed.subtree(cue)
    if lo > 0 and tokens[lo - 1].text in _SETTING_OFF:
        lo -= 1
    elif (
        token.dep == "parataxis"
        and tokens[lo].text not in _SETTING_OFF
        and lo != parsed.sentence_of(cue).start
    ):
        return None  # not set off by a comma or dash, nor opening the sentence
    # The attribution ends at its comma ("as Mr. Bown observed, [in the early days…]" may be
    # parsed as the verb's).
    comma = next((k for k in range(cue + 1, hi + 1) if tokens[k].text in _SETTING_OFF), None)
    if comma is not None:
        hi = comma
    elif hi + 1 < len(tokens) and tokens[hi + 1].text in _SETTING_OFF:
        hi += 1
    return head, (lo, hi)


def _trailing(parsed: Parsed, cue: int, deps: set[str]) -> tuple[int, tuple[int, int]] | None:
    """'Those who take on heavy debt struggle, even with a “good” job, he said.' parsed with
    nothing under the verb: what comes before the attribution is what it reports."""
    tokens = parsed.tokens
    subject = next((c for c in parsed.children(cue) if tokens[c].dep == "nsubj"), None)
    if subject is None or "dobj" in deps or subject > cue:
        return None
    lo = parsed.subtree(subject)[0]
    sentence = parsed.sentence_of(cue)
    if lo - 1 <= sentence.start or tokens[lo - 1].text not in _SETTING_OFF:
        return None
    before = range(sentence.start, lo - 1)
    if len(before) < MIN_INDIRECT_TOKENS or not any(
        tokens[k].pos in ("VERB", "AUX") for k in before
    ):
        return None
    return cue, (lo - 1, sentence.end - 1)


def without(parsed: Parsed, start: int, end: int, cut: tuple[int, int] | None) -> str:
    """The text from ``start`` to ``end`` (characters) with a parenthetical attribution left out."""
    text = parsed.text
    if cut is None:
        return text[start:end]
    cut_start, cut_end = parsed.tokens[cut[0]].idx, parsed.tokens[cut[1]].end
    if not start <= cut_start < end:
        return text[start:end]
    before = text[start:cut_start].rstrip(" ,—–-")
    after = text[min(cut_end, end) : end].strip()
    return f"{before} {after}".strip() if before else after


def before_next_report(parsed: Parsed, head: int, hi: int) -> int:
    """Where a reported clause ends when another report hangs off it ("said he has “expanded
    the party,” claiming that he is responsible…", "said X, and accused Y of…"): before that
    report, which is an attribution of its own."""
    cues, _ = cue_lemmas()
    tokens = parsed.tokens
    for i in range(head + 1, hi + 1):
        token = tokens[i]
        # Only a participle ("claiming that…") or a coordinated verb: not a condition ("only if
        # the United States agreed") or any other clause with its own conjunction.
        participle = token.dep == "advcl" and token.tag == "VBG"
        if token.pos != "VERB" or not (participle or token.dep == "conj"):
            continue
        start, end = parsed.subtree(i)
        if start <= head:
            continue
        if token.dep == "conj" and any(
            tokens[c].dep == "mark" and tokens[c].text.casefold() == "that"
            for c in parsed.children(i)
        ):
            # "said the videos were “inconclusive” and that the footage did not show…": a second
            # "that" clause of the same verb, not a report of its own.
            continue
        if token.lemma in cues:
            return start - 1
        # '…will be "fair" to him, engaging in what analysts described as…': a participle after
        # a comma at the clause's end is the writer's comment on it.
        if participle and token.head == head and tokens[start - 1].text == "," and end >= hi:
            return start - 1
    return hi


def according_source(parsed: Parsed, i: int) -> int | None:
    """The source "according to" at token ``i`` names ("according to [the poll]"), or None."""
    tokens = parsed.tokens
    if tokens[i].text.casefold() != "according":
        return None
    for to in parsed.children(i):
        if tokens[to].text.casefold() == "to":
            return next((g for g in parsed.children(to) if tokens[g].dep == "pobj"), None)
    return None
