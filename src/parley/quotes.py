"""Who said what: direct, mixed and indirect quotations, each with its speaker.

Direct quotes are found from quotation marks (straight, curly, doubled single quotes, guillemets),
paired per paragraph and carried across paragraphs the wire way (a paragraph that opens a quote
without closing it continues into the next one that opens with a mark). The speaker is the subject
of the reporting verb next to the quote; a quote with no cue of its own continues the previous
quote's speaker. Indirect speech is a reporting verb with a clausal complement ("Putin said the
situation would change") or "according to X". Speakers come from the actor stage, so "he" and
"the Kremlin spokesman" arrive already resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from parley.actors import ActorLayer, ActorMention
from parley.clean.metadata import parse_dateline
from parley.data import is_abbreviation, load_yaml
from parley.nlp import Parsed
from parley.records import ActorRef, Quote, SpeakerBasis

# ''doubled single quotes'' (straight, or curly ‘‘…’’) are what some outlets print for double.
_MARK = re.compile(r"''|‘‘|’’|[\"“”„«»]")
_OPENERS_ONLY = frozenset({"“", "„", "«", "‘‘"})
_CLOSERS_ONLY = frozenset({"”", "»", "’’"})
# A quoted fragment this short, with no reporting verb governing it, is a term, not a quotation.
MAX_TERM_WORDS = 3
# The longest attribution sentence between two parts of one quotation ('“…,” Adelson said during
# the interview in Macau, ahead of the opening of his new hotel. “…”').
MAX_ATTRIBUTION_CHARS = 300
# How many words a naming verb's object may have before the quoted name ('called [Donald J.
# Trump's remarks about a Latino judge] “racist”').
MAX_NAMED_WORDS = 12
# What may stand between the two halves of one quotation: '…,” Peskov said. “…', '…,” he added, “…'.
MAX_SPLIT_GAP = 80
# A dateline ("SALVADOR, Feb 26 (Reuters) -") is never longer than this.
MAX_DATELINE_CHARS = 120
# Indirect speech needs a complement at least this long to be a statement rather than a phrase.
MIN_INDIRECT_TOKENS = 4
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


@cache
def noun_cues() -> frozenset[str]:
    """Nouns that report speech when a possessor says whose it is ("Trump's claim that…")."""
    return frozenset(str(n) for n in load_yaml("quotes.yaml").get("noun_cues") or [])


@cache
def stance_cues() -> frozenset[str]:
    """Verbs that voice a stance on someone ("endorsed Clinton", "criticized Rubio for…")."""
    return frozenset(str(n) for n in load_yaml("quotes.yaml").get("stance_cues") or [])


@cache
def person_stance_cues() -> frozenset[str]:
    """Stance verbs that are attributions only when a person takes the stance."""
    return frozenset(str(n) for n in load_yaml("quotes.yaml").get("person_stance_cues") or [])


@cache
def appeal_cues() -> dict[str, frozenset[str]]:
    """Verbs that ask for something through a preposition ("called for", "pushed for")."""
    found = load_yaml("quotes.yaml").get("appeal_cues") or {}
    return {str(verb): frozenset(str(p) for p in preps) for verb, preps in found.items()}


@cache
def naming_cues() -> frozenset[str]:
    """Verbs that characterise someone in the speaker's words ("called Clinton a “disgrace”")."""
    return frozenset(str(n) for n in load_yaml("quotes.yaml").get("naming_cues") or [])


@cache
def cue_lemmas() -> tuple[frozenset[str], frozenset[str]]:
    """(all reporting verbs, those that also introduce indirect speech)."""
    cues = load_yaml("quotes.yaml")["cues"]
    return (
        frozenset(c["lemma"] for c in cues),
        frozenset(c["lemma"] for c in cues if c.get("indirect")),
    )


@dataclass(frozen=True)
class _Span:
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark)
    open_at: int  # the opening mark's offset
    close_end: int  # offset after the closing mark


def _opens_anyway(paragraph: str, at: int, mark: str) -> bool:
    """A closing mark used to open ('”Mr. Trump embodies…”'): it starts a word, after a space."""
    before = paragraph[at - 1] if at else " "
    after = paragraph[at + len(mark) : at + len(mark) + 1]
    return (before.isspace() or before in "([") and after.isalnum()


def quote_spans(text: str) -> list[_Span]:
    """Pair quotation marks into quoted spans, paragraph by paragraph."""
    spans: list[_Span] = []
    open_mark: int | None = None  # offset of the mark that opened the current quote
    content_start = 0
    carried_end: int | None = None  # a quote left open at the end of the previous paragraph
    offset = 0
    for paragraph in text.split("\n\n"):
        marks = list(_MARK.finditer(paragraph))
        if carried_end is not None and open_mark is not None:
            relabelled = bool(marks) and _TRANSCRIPT.match(paragraph[marks[0].end() :])
            if marks and marks[0].start() == 0 and not relabelled:
                marks = marks[1:]  # the wire way: the next paragraph re-opens the same quote
            else:
                spans.append(_Span(content_start, carried_end, open_mark, carried_end))
                open_mark = None
            carried_end = None
        for match in marks:
            mark, pos = match.group(), offset + match.start()
            if open_mark is None:
                if mark not in _CLOSERS_ONLY or _opens_anyway(paragraph, match.start(), mark):
                    open_mark, content_start = pos, pos + len(mark)
            elif mark not in _OPENERS_ONLY:
                spans.append(_Span(content_start, pos, open_mark, pos + len(mark)))
                open_mark = None
        if open_mark is not None:
            carried_end = offset + len(paragraph)
        offset += len(paragraph) + 2
    if open_mark is not None and carried_end is not None:
        spans.append(_Span(content_start, carried_end, open_mark, carried_end))
    return [s for s in spans if text[s.start : s.end].strip()]


_SENTENCE_END = re.compile(r"[.!?](?=[\s\"”'’»]|$)")
_WORD_BEFORE = re.compile(r"(\w+)$")
# '"We can build a wall." ― Steve Quinlan': a name after a dash, to the end of the line.
_DASH_SPEAKER = re.compile(r"[ \t\u00a0]*[―—–-][ \t\u00a0]*([A-Z][^\n\"“”]{1,60}?)[ .]*(?=\n|$)")


def _after_window(text: str, span: _Span) -> tuple[int, int]:
    paragraph_end = text.find("\n\n", span.close_end)
    limit = len(text) if paragraph_end < 0 else paragraph_end
    next_mark = _MARK.search(text, span.close_end, limit)
    if next_mark:
        limit = next_mark.start()
    for end in _SENTENCE_END.finditer(text, span.close_end, limit):
        # '"…," Sen. Claire McCaskill said': a title's full stop ends nothing.
        word = _WORD_BEFORE.search(text, span.close_end, end.start())
        if not (word and is_abbreviation(word.group(1))):
            return span.close_end, end.end()
    return span.close_end, limit


def _before_window(text: str, span: _Span) -> tuple[int, int]:
    paragraph_start = text.rfind("\n\n", 0, span.open_at)
    start = 0 if paragraph_start < 0 else paragraph_start + 2
    for end in _SENTENCE_END.finditer(text, start, span.open_at):
        # 'Ms. Friedan called Mrs. Schlafly an “Aunt Tom”': titles end no sentence.
        word = _WORD_BEFORE.search(text, start, end.start())
        if not (word and is_abbreviation(word.group(1))):
            start = end.end()
    return start, span.open_at


def _cue_subject(parsed: Parsed, cue: int) -> int | None:
    # "Asked by Matt Lauer whether…": the one doing the asking, not whoever answers.
    for child in parsed.children(cue):
        if parsed.tokens[child].dep == "agent":
            return next((g for g in parsed.children(child) if parsed.tokens[g].dep == "pobj"), None)
    # The cue's subject, or its head verb's ("She urges her husband … and says, “…”").
    return parsed.clause_subject(cue, climbs=2)


def _subject_mention(parsed: Parsed, layer: ActorLayer, cue: int) -> ActorMention | None:
    subject = _cue_subject(parsed, cue)
    if subject is None:
        return None
    found = layer.at(subject)
    if found:
        return found
    # The subject's head noun may be outside any mention while a modifier is inside it.
    for i in sorted(parsed.children(subject)):
        found = layer.at(i)
        if found and found.kind != "pronoun":
            return found
    return None


def _subject_text(parsed: Parsed, cue: int) -> str | None:
    subject = _cue_subject(parsed, cue)
    if subject is None:
        return None
    lo, hi = parsed.subtree(subject)
    if lo <= cue <= hi:  # a misparse that puts the verb under its subject: the subject alone
        lo, hi = min(lo, subject), subject
    return parsed.span_text(lo, hi + 1)


@dataclass(frozen=True)
class _Attribution:
    speaker: ActorRef
    basis: SpeakerBasis
    cue: str | None


def _attribution(parsed: Parsed, layer: ActorLayer, cue: int, window: range) -> _Attribution:
    mention = _subject_mention(parsed, layer, cue)
    if mention is None and _cue_subject(parsed, cue) is None:
        # Parses of '"…," Peskov added.' sometimes miss the subject: the nearest mention wins.
        # A subject the actor stage does not know ("Schiff called on the administration…") is
        # still the speaker, not the nearest actor.
        near = [m for m in (layer.at(i) for i in window) if m is not None]
        if near:
            # The speaker comes before the verb when anyone does ("Ryan called Trump's remarks
            # “racist”"), after it only in inversion ('"…," said Peskov').
            ahead = [m for m in near if m.head < cue]
            mention = min(ahead or near, key=lambda m: abs(m.head - cue))
    cue_text = parsed.tokens[cue].text
    if mention is None:
        return _Attribution(ActorRef(text=_subject_text(parsed, cue)), "unresolved", cue_text)
    basis = mention.basis if mention.actor_id else "unresolved"
    return _Attribution(mention.ref(), basis, cue_text)


def _according_to(parsed: Parsed, window: range) -> int | None:
    """'According to Ned Price, “the talks are over.”': the source "according to" names."""
    tokens = parsed.tokens
    for i in window:
        if tokens[i].text.casefold() != "according":
            continue
        for to in parsed.children(i):
            if tokens[to].text.casefold() == "to":
                return next((g for g in parsed.children(to) if tokens[g].dep == "pobj"), None)
    return None


def _source_named(parsed: Parsed, layer: ActorLayer, i: int, cue: str) -> _Attribution:
    """The speaker a word names (a known actor, else the words as written)."""
    mention = layer.at(i)
    if mention is None:
        lo, hi = parsed.subtree(i)
        if parsed.tokens[hi].dep == "case":  # "the report's": the report
            hi -= 1
        return _Attribution(ActorRef(text=parsed.span_text(lo, hi + 1)), "unresolved", cue)
    basis = mention.basis if mention.actor_id else "unresolved"
    return _Attribution(mention.ref(), basis, cue)


def _named_by_dash(parsed: Parsed, layer: ActorLayer, dash: re.Match[str]) -> _Attribution:
    """The speaker a dash names after a quotation: a known actor when the name is one."""
    start, end = dash.span(1)
    for i in parsed.token_range(start, end):
        mention = layer.at(i)
        if mention is not None and mention.kind != "pronoun":
            basis = mention.basis if mention.actor_id else "unresolved"
            return _Attribution(mention.ref(), basis, None)
    return _Attribution(ActorRef(text=dash.group(1).strip()), "unresolved", None)


def _introducing_line(parsed: Parsed, text: str, span: _Span) -> int | None:
    """'Caddell continued:' on the line before a quotation that opens its own paragraph: the
    last verb of that line, whose subject is the speaker."""
    line_start = text.rfind("\n", 0, span.open_at) + 1
    if text[line_start : span.open_at].strip():
        return None
    previous_start = text.rfind("\n", 0, max(line_start - 1, 0))
    previous = text[previous_start + 1 : line_start].strip()
    while not previous and previous_start > 0:  # a blank line between them
        line_start = previous_start
        previous_start = text.rfind("\n", 0, max(line_start - 1, 0))
        previous = text[previous_start + 1 : line_start].strip()
    if not previous.endswith(":"):
        return None
    tokens = parsed.token_range(previous_start + 1, line_start)
    verbs = [i for i in tokens if parsed.tokens[i].pos in ("VERB", "AUX")]
    return verbs[-1] if verbs else None


@cache
def bare_cues() -> frozenset[str]:
    """Reporting verbs only when they have no object ('"…," he continued')."""
    return frozenset(c["lemma"] for c in load_yaml("quotes.yaml")["cues"] if c.get("bare"))


def _is_cue(parsed: Parsed, i: int, cues: frozenset[str]) -> bool:
    token = parsed.tokens[i]
    if token.lemma not in cues or token.pos not in ("VERB", "AUX"):
        return False
    # "Russia would continue its “special military operation”": continuing something is no report.
    return token.lemma not in bare_cues() or not any(
        parsed.tokens[c].dep == "dobj" for c in parsed.children(i)
    )


def _holding_verb(parsed: Parsed, layer: ActorLayer, inside: range) -> int | None:
    """The nearest verb above a quoted fragment, outside it, whose subject is a known actor."""
    j = inside[0]
    for _ in range(10):
        head = parsed.tokens[j].head
        if head == j:
            return None
        j = head
        if j in inside or parsed.tokens[j].pos != "VERB":
            continue
        subject = parsed.subject_of(j)
        mention = layer.at(subject) if subject is not None else None
        if mention is not None and mention.actor_id:
            return j
    return None


# What a path from quoted words up to their reporting verb may pass through: "accused Moscow of
# [trying to “freeze…”]" goes through a preposition and its clause.
THROUGH_DEPS = CONTENT_DEPS | {"prep", "pobj", "pcomp"}


def _says_what(parsed: Parsed, cue: int, child: int) -> bool:
    """A preposition that carries what the verb says: "described his skills as a “work in
    progress”", "accused Moscow of trying to “freeze Ukrainians into submission”"."""
    word = parsed.tokens[child].text.casefold()
    stance = parsed.tokens[cue].lemma in stance_cues()
    return parsed.tokens[child].dep == "prep" and (
        word == "as" or (stance and word in STANCE_PREPOSITIONS)
    )


def _governed_through(parsed: Parsed, inside: range, cue: int) -> int | None:
    """The reporting verb's dependent through which the quoted fragment is its content (not a
    scare-quoted term), or None."""
    for i in inside:
        j, steps = i, 0
        while parsed.tokens[j].head != j and steps < 12:
            if parsed.tokens[j].head == cue:
                content = (
                    parsed.tokens[j].dep in CONTENT_DEPS
                    or j in inside
                    or _says_what(parsed, cue, j)
                )
                return j if content else None
            if j not in inside and parsed.tokens[j].dep not in THROUGH_DEPS:
                break
            j, steps = parsed.tokens[j].head, steps + 1
    set_in = _parenthetical(parsed, cue)
    if set_in is not None and inside:
        # "The new rules, he said, were written to “punish Russian business”": the clause the
        # attribution is set into is what it reports, quotation and all.
        head, (cut_lo, cut_hi) = set_in
        lo, hi = parsed.subtree(head)
        if lo <= inside[0] <= hi and not cut_lo <= inside[0] <= cut_hi:
            return head
    return None


def _inverted_cue(parsed: Parsed, after: range) -> int | None:
    """'“This is fantastic!” beamed Donald Hartley', '“…,” he smiled': whatever the verb right
    after a quotation, with its subject next to it, it is how the quotation was said."""
    tokens = parsed.tokens
    first = next((k for k in after if tokens[k].pos not in ("PUNCT", "SPACE")), None)
    if first is None:
        return None
    near = range(first, min(first + 4, after.stop))
    for verb in near:
        token = tokens[verb]
        if token.pos != "VERB" or token.tag not in ("VBD", "VBZ"):
            continue
        subject = parsed.subject_of(verb)
        if (
            subject is not None
            and subject in near
            and tokens[subject].pos in ("PROPN", "PRON")
            and not any(tokens[c].dep == "dobj" for c in parsed.children(verb))
        ):
            return verb
        return None  # the first verb decides
    return None


def _runs_on(parsed: Parsed, head: int, cue: int, span: _Span, spans: list[_Span]) -> bool:
    """'“I held and hugged” grieving family members before…, he said': the clause the verb
    reports goes on in the writer's words after the quotation closes."""
    tokens = parsed.tokens
    lo, hi = parsed.subtree(head)
    for k in parsed.token_range(span.close_end, tokens[hi].end):
        if k == cue or any(s.open_at <= tokens[k].idx < s.close_end for s in spans):
            return False  # the attribution, or the next quotation, comes first
        if lo <= k and tokens[k].pos not in ("PUNCT", "SPACE"):
            return True
    return False


def _named_object(parsed: Parsed, cue: int, inside: range) -> int | None:
    """'called Florida's standards “strong”': what a naming verb names before the quoted name —
    the first word between them, when only a noun phrase stands there (no verb, no clause
    break) — or None."""
    if parsed.tokens[cue].lemma not in naming_cues() or not inside:
        return None
    if parsed.tokens[cue + 1].pos == "ADP":
        return None  # "called for more “flexibility”" calls for something, names nothing
    between = range(cue + 1, inside[0])
    if all(parsed.tokens[k].pos in ("PUNCT", "SPACE") for k in between):
        return inside[0]  # 'a man yelled “Stay there!”', however it was parsed
    if len(between) > MAX_NAMED_WORDS or any(
        parsed.tokens[k].pos in ("VERB", "AUX") or parsed.tokens[k].text in (".", ";", ":", "?")
        for k in between
    ):
        return None
    return next((k for k in between if parsed.tokens[k].pos not in ("PUNCT", "SPACE")), None)


# Transcripts and interviews: "PENCE: Well, look, …" — a speaker's name in capitals, then a colon.
_TRANSCRIPT = re.compile(r"^(?P<name>[A-Z][A-Z.'’\- ]{1,40}[A-Z])\s*:\s+(?P<text>\S.*)$", re.S)


# '"Chris Matthews: Seriously, …"': the same, with the name as it is written elsewhere.
_NAMED_LINE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})\s*:\s+(?P<text>\S.*)$", re.S
)


def _named(layer: ActorLayer, name: str) -> ActorMention | None:
    """Whoever the article named with the surname ``name`` ends with."""
    return next(
        (
            m
            for m in layer.mentions
            if m.name and m.name.casefold().split()[-1:] == name.casefold().split()[-1:]
        ),
        None,
    )


def _labelled(layer: ActorLayer, name: str) -> _Attribution:
    """The speaker a transcript label ("PENCE:") names: whoever the article named with that
    surname, else the label as written."""
    speaker = _named(layer, name)
    if speaker is None:
        return _Attribution(ActorRef(text=name), "unresolved", ":")
    return _Attribution(speaker.ref().model_copy(update={"text": name}), "coreference", ":")


def _transcript(parsed: Parsed, layer: ActorLayer, article_id: str) -> list[Quote]:
    found = []
    offset = 0
    text = parsed.text
    for paragraph in text.split("\n\n"):
        match = _TRANSCRIPT.match(paragraph)
        if match:
            labelled = _labelled(layer, match["name"])
            start, end = offset + match.start("text"), offset + len(paragraph)
            found.append(
                Quote(
                    id=f"{article_id}#q{start}-{end}",
                    article_id=article_id,
                    kind="direct",
                    text=match["text"],
                    start=start,
                    end=end,
                    cue=":",
                    speaker=labelled.speaker,
                    speaker_basis=labelled.basis,
                )
            )
        offset += len(paragraph) + 2
    return found


# A headline in the wire style "Sanders: Brexit's message could draw Trump support": who (a few
# capitalised words, maybe after a kicker like "EXCLUSIVE –"), a colon, and what they said.
_HEADLINE = re.compile(
    r"^(?:[A-Z]+\s*[–—-]\s*)?(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|at|of|the|de|al))"
    r"{0,5})\s*:\s+(?P<text>[^\n]{8,})$"
)
# Labels that head a line without naming who speaks.
NOT_SPEAKERS = frozenset(
    {"update", "updated", "watch", "breaking", "exclusive", "video", "live", "photos", "photo",
     "note", "editor's note", "source", "sources", "analysis", "opinion", "read", "related",
     "q", "a", "question", "answer", "correction", "listen", "see also", "warning"}
)  # fmt: skip


def _headline(parsed: Parsed, layer: ActorLayer, article_id: str) -> list[Quote]:
    """The article's first line when it is a headline quoting someone ("Obama: I'm Optimistic
    Americans Will Say No to Trump"), and a transcript's lines in the body ("Lopez: Well, no one
    is like…") when the name before the colon is a person the article names."""
    found: list[Quote] = []
    offset = 0
    for number, paragraph in enumerate(parsed.text.split("\n\n")):
        at, offset = offset, offset + len(paragraph) + 2
        match = _HEADLINE.match(paragraph.strip())
        if match is None or match["name"].casefold() in NOT_SPEAKERS or "\n" in paragraph.strip():
            continue
        lead = at + len(paragraph) - len(paragraph.lstrip())
        mentions = [
            m
            for i in parsed.token_range(lead + match.start("name"), lead + match.end("name"))
            if (m := layer.at(i)) is not None and m.kind != "pronoun"
        ]
        if number and not (mentions and mentions[0].is_person):
            continue  # in the body only a person's line: not "WASHINGTON: …" or "Related: …"
        if mentions:
            speaker = mentions[0].ref()
            basis: SpeakerBasis = mentions[0].basis if mentions[0].actor_id else "unresolved"
        else:
            speaker, basis = ActorRef(text=match["name"]), "unresolved"
        start, end = lead + match.start("text"), lead + len(paragraph.strip())
        found.append(
            Quote(
                id=f"{article_id}#q{start}-{end}",
                article_id=article_id,
                # A headline paraphrases: its words are the editor's; a transcript's are the
                # speaker's own.
                kind="direct" if number else "indirect",
                text=parsed.text[start:end],
                start=start,
                end=end,
                cue=":",
                speaker=speaker,
                speaker_basis=basis,
            )
        )
    return found


def _clause_around(parsed: Parsed, cue: int, first: int, span: _Span) -> tuple[int, int]:
    """Offsets of what the cue reports around the quoted words: from the first word after the
    cue ("called [Wells Fargo's behavior “outrageous”]") to the end of the complement that holds
    the quotation, marks included."""
    tokens = parsed.tokens
    for child in parsed.children(cue):
        as_what = _says_what(parsed, cue, child)
        about = tokens[child].dep == "prep" and not as_what
        if tokens[child].dep not in CONTENT_DEPS and not as_what and not about:
            continue
        lo, hi = parsed.subtree(child)
        if about:
            lo += 1  # 'boast about [his golf club — “which is a phenomenal area”]'
        if lo <= first <= hi:
            # "called [Wells Fargo's behavior “outrageous”]" starts after the cue; "told a town
            # hall [that waterboarding is “peanuts”]" at the reported clause.
            start = (
                min(lo, cue + 1)
                if cue < first and (tokens[child].dep != "ccomp" or as_what) and not about
                else lo
            )
            while start < hi and tokens[start].text.casefold() in ("that", ",", ":"):
                start += 1
            hi = _before_next_report(parsed, child, hi)
            while hi > start and tokens[hi].pos in ("PUNCT", "CCONJ"):
                hi -= 1
            return min(tokens[start].idx, span.start), max(tokens[hi].end, span.close_end)
    if cue < first and tokens[cue].lemma in naming_cues():
        # 'called [Florida's standards “strong”]', however the name was parsed.
        return min(tokens[cue + 1].idx, span.start), span.close_end
    set_in = _parenthetical(parsed, cue)
    if set_in is not None:
        # "The outlets stood in the way, he said, by creating a “false reality bubble”": the
        # clause the attribution is set into.
        head, cut = set_in
        lo, hi = _clause_content(parsed, head)
        if lo <= first <= hi:
            if cut[0] <= lo <= cut[1]:
                lo = cut[1] + 1
            while lo < hi and tokens[lo].dep == "cc":
                lo += 1
            return min(tokens[lo].idx, span.start), max(tokens[hi].end, span.close_end)
    return span.start, span.end


def extract_quotes(parsed: Parsed, layer: ActorLayer, article_id: str) -> list[Quote]:
    cues, indirect_cues = cue_lemmas()
    text = parsed.text
    quotes: list[Quote] = []
    spans = quote_spans(text)
    previous: tuple[_Attribution, int] | None = None  # last speaker and its paragraph number
    # (start, end, cue token) of each quotation found from marks: a report around one is that
    # quotation's business only when it is the same reporting verb's.
    quoted: list[tuple[int, int, int | None]] = []
    last_close: tuple[int, int | None] | None = None  # the last quotation's end and reporting verb
    for span in spans:
        content = text[span.start : span.end].strip()
        inside = parsed.token_range(span.start, span.end)
        after = parsed.token_range(*_after_window(text, span))
        before = parsed.token_range(*_before_window(text, span))
        cue_after = next((i for i in after if _is_cue(parsed, i, cues)), None)
        if cue_after is None:
            cue_after = _inverted_cue(parsed, after)
        cue_before = next((i for i in reversed(before) if _is_cue(parsed, i, cues)), None)
        paragraph = text.count("\n\n", 0, span.open_at)
        words = len(content.split())
        # The reporting verb whose content the quotation is wins; else the nearest after it
        # ('"…," Peskov added'), else the one before it.
        through = {
            c: _governed_through(parsed, inside, c)
            for c in (cue_after, cue_before)
            if c is not None
        }
        if cue_before is not None and through[cue_before] is None:
            # Parses of 'called Mrs. Schlafly an “Aunt Tom”' often hang the name off anything.
            through[cue_before] = _named_object(parsed, cue_before, inside)
        governing = [c for c, j in through.items() if j is not None]
        cue = governing[0] if governing else cue_after if cue_after is not None else cue_before
        if words <= MAX_TERM_WORDS:
            preceded_by_article = text[: span.open_at].rstrip().lower().endswith((" a", " the"))
            naming = cue is not None and parsed.tokens[cue].lemma in naming_cues()
            if not governing or (preceded_by_article and not naming):
                continue
        if cue is None and content[:1].islower() and inside:
            # "Rubio bemoaned the climate in which people “literally hate each other”": no
            # reporting verb, but the words sit in what a known actor's verb says.
            cue = cue_before = _holding_verb(parsed, layer, inside)
        dash = _DASH_SPEAKER.match(text, span.close_end)
        introduced = _introducing_line(parsed, text, span) if cue is None else None
        according = _according_to(parsed, before) if cue is None else None
        label = _TRANSCRIPT.match(content) or _NAMED_LINE.match(content)
        if label is not None and not label["name"].isupper() and not _named(layer, label["name"]):
            label = None  # '"Related: …"': a title-case label must be someone the article names
        if label is not None:
            # A transcript quoted whole: '"PENCE: Well, look, …"' is Pence's, whatever follows.
            attribution = _labelled(layer, label["name"])
        elif dash is not None:
            attribution = _named_by_dash(parsed, layer, dash)
        elif cue is not None:
            window = after if cue == cue_after else before
            attribution = _attribution(parsed, layer, cue, window)
        elif according is not None:
            attribution = _source_named(parsed, layer, according, "according to")
        elif introduced is not None:
            attribution = _attribution(parsed, layer, introduced, parsed.token_range(0, 0))
        elif previous and paragraph - previous[1] <= 1:
            prior = previous[0]
            continued: SpeakerBasis = "coreference" if prior.speaker.actor_id else "unresolved"
            attribution = _Attribution(prior.speaker, continued, prior.cue)
        else:
            attribution = _Attribution(ActorRef(), "unresolved", None)
        between = text[text.rfind("\n\n", 0, span.open_at) + 2 : span.open_at]
        after_that = re.search(r"\bthat,?\s*$", between) is not None
        # '“We are prepared to meet,” Price said, “but we will not pay…”': the second half of a
        # quotation its attribution splits is that quotation, lowercase or not.
        # The reporting verb between the two halves is this half's too, or this half has none.
        closed_at, last_cue = last_close if last_close else (span.open_at, None)
        gap = text[closed_at : span.open_at]
        second_half = (
            last_cue is not None
            and cue in (None, last_cue)
            and closed_at <= parsed.tokens[last_cue].idx < span.open_at
            and (
                (len(gap) <= MAX_SPLIT_GAP and "\n" not in gap)
                # '“It was very nice,” the tycoon told Reuters in a rare interview in Macau….
                # “He was very charming.”': a quotation with no attribution of its own right
                # after the one sentence that attributed the last goes on with it.
                or (
                    cue is None
                    and len(gap) <= MAX_ATTRIBUTION_CHARS
                    and len(_SENTENCE_END.findall(gap.rstrip())) <= 1
                    # '…,” Mook said.\n\nAccording to Limbaugh, “…”' is someone else's
                    and (gap.rstrip()[-1:] in (".", "!", "?") or not _SENTENCE_END.search(gap))
                )
            )
        )
        head = through.get(cue) if cue is not None else None
        runs_on = head is not None and cue is not None and _runs_on(parsed, head, cue, span, spans)
        mixed = (
            # The reporting verb before the words, or one after that they are the content of
            # ('Assange has been “arbitrarily detained” by Britain…, the rights group says').
            (cue == cue_before or cue in governing)
            and cue is not None
            # 'said that, “Of course Mr. Trump is going to defend himself” against…': a quotation
            # opening a "that" clause is part of it, capital or not, and so is one inside a
            # clause the verb reports ('said his worry is that he is “Unpredictable”').
            and (
                content[:1].islower()
                or after_that
                or through.get(cue) not in (None, *inside)
                or runs_on
            )
            and not between.rstrip().endswith(":")
            and not second_half
        )
        start, end = span.start, span.end
        cut: tuple[int, int] | None = None  # an attribution set into the reported clause
        if mixed and cue is not None and inside:
            # A mixed quote is the reported clause around the quoted words, marks and all.
            start, end = _clause_around(parsed, cue, inside[0], span)
            if start == span.start and end >= span.close_end:
                start = span.open_at
            # A clause ending inside a later quotation ends with that quotation's mark: both
            # quotations are then the one record ('"A big truck" plowed…, he said, and
            # "everyone started running."').
            end = max(
                [
                    end,
                    *(o.close_end for o in spans if o.start > span.end and o.start < end <= o.end),
                ]
            )
            set_in = _parenthetical(parsed, cue)
            cut = set_in[1] if set_in else None
            if (
                cue != cue_before
                and not runs_on
                and not any(
                    parsed.tokens[i].pos not in _LINKING
                    for i in parsed.token_range(start, span.open_at)
                )
            ):
                # 'However, "there are no agreements yet," he added': the quote is the clause
                # (but 'Trump's “excesses” are sickening, Hollande said' is mixed).
                mixed, start, end = False, span.start, span.end
        last_close = (span.close_end, cue)
        previous = (attribution, paragraph)
        half = quotes[-1] if quotes else None
        if (
            second_half
            and not mixed
            and half is not None
            and half.kind == "direct"
            and half.speaker == attribution.speaker
        ):
            # '“Judge,” he said, “I have never had that happen.”' is one quotation interrupted
            # by its attribution: one record, from the first half's start to the second's end.
            quotes[-1] = half.model_copy(
                update={
                    "id": f"{article_id}#q{half.start}-{end}",
                    "end": end,
                    "text": f"{half.text} {content}",
                }
            )
            quoted[-1] = (half.start, end, None)
            continue
        quoted.append((start, end, cue if mixed else None))
        quotes.append(
            Quote(
                id=f"{article_id}#q{start}-{end}",
                article_id=article_id,
                kind="mixed" if mixed else "direct",
                text=_without(parsed, start, end, cut).strip() if mixed else content,
                start=start,
                end=end,
                cue=attribution.cue,
                speaker=attribution.speaker,
                speaker_basis=attribution.basis,
            )
        )
    labelled = _transcript(parsed, layer, article_id) + _headline(parsed, layer, article_id)
    quotes.extend(labelled)
    quoted.extend((q.start, q.end, None) for q in labelled)
    quotes.extend(_indirect(parsed, layer, article_id, spans, quoted, indirect_cues))
    # One quotation per stretch of text, however many routes found it.
    unique = {q.id: q for q in reversed(quotes)}
    return sorted(unique.values(), key=lambda q: (q.start, q.end))


@cache
def finding_sources() -> frozenset[str]:
    """Documents whose findings "In a … poll, …" reports."""
    return frozenset(str(n) for n in load_yaml("quotes.yaml").get("finding_sources") or [])


@cache
def finding_verbs() -> frozenset[str]:
    """What a finding source does when it states a finding as an object ("shows X leading")."""
    return frozenset(str(n) for n in load_yaml("quotes.yaml").get("finding_verbs") or [])


@cache
def seeing_as_cues() -> frozenset[str]:
    """Verbs that hold a view only with "as": "sees Cruz as a threat" (not "saw the damage")."""
    return frozenset(str(n) for n in load_yaml("quotes.yaml").get("seeing_as_cues") or [])


def _is_stance(lemma: str) -> bool:
    return (
        lemma in stance_cues()
        or lemma in appeal_cues()
        or lemma in person_stance_cues()
        or lemma in seeing_as_cues()
        or lemma in finding_verbs()
        or lemma in naming_cues()
    )


# What a stance verb is about: its object and what the object is praised or blamed "for".
STANCE_PREPOSITIONS = frozenset({"for", "as", "over", "on", "of"})


def _a_person(layer: ActorLayer, i: int) -> bool:
    mention = layer.at(i)
    return mention is not None and mention.is_person


def _stance(parsed: Parsed, layer: ActorLayer, verb: int) -> tuple[tuple[int, int], int] | None:
    """ "Sanders endorsed Clinton", "criticized Rubio for not having won a state": a verbal
    stance on someone or something, the object (and what it is for) as its content; "called
    for a special prosecutor", "called on Congress to act": what is called for."""
    tokens = parsed.tokens
    if not _is_stance(tokens[verb].lemma):
        return None
    subject = parsed.subject_of(verb)
    if subject is None and (
        (tokens[verb].tag == "VBG" and tokens[verb].dep == "advcl")
        or (tokens[verb].tag == "VBD" and tokens[verb].dep == "acl")
    ):
        # '“…,” he said, referring to Clinton': the participle's speaker is its verb's; "Trump
        # called Clinton a liar" parsed as "Trump [called…]": the noun it hangs on.
        subject = parsed.clause_subject(verb, climbs=1)
    if subject is None or tokens[subject].dep == "nsubjpass":
        return None
    if tokens[subject].text.casefold() in FIRST_PERSON:
        return None
    wanted = appeal_cues().get(tokens[verb].lemma, frozenset())
    for child in parsed.children(verb) if wanted else ():
        # "called for a prosecutor" (a preposition), "called for the US to act" (a clause whose
        # "for" marks its subject), "called on Congress to act".
        marks = [child, *(g for g in parsed.children(child) if tokens[g].dep == "mark")]
        if child > verb and any(tokens[m].text.casefold() in wanted for m in marks):
            lo, hi = parsed.subtree(child)
            if tokens[lo].text.casefold() in wanted:
                lo += 1
            if all(tokens[k].ent_type in ("DATE", "TIME") for k in range(lo, hi + 1)):
                continue  # "called Putin on Tuesday" says when, not what for
            for comp in parsed.children(verb):
                if comp > child and tokens[comp].dep == "xcomp":
                    hi = max(hi, parsed.subtree(comp)[1])  # "on Congress [to act]"
            while hi > lo and tokens[hi].pos == "PUNCT":
                hi -= 1
            return (lo, hi), subject
    lemma = tokens[verb].lemma
    # What is named and the name: "called [the sanctions] [illegal]" (one complement alone is
    # whom a call was made to: "called Vladimir Putin on Tuesday").
    named = [c for c in parsed.children(verb) if c > verb and tokens[c].dep in ("dobj", "oprd")]
    if lemma in naming_cues() and len(named) >= 2 and tokens[named[-1]].dep == "oprd":
        # "called the sanctions illegal", "branded them traitors": what is named, and the name.
        hi = parsed.subtree(named[-1])[1]
        while hi > verb + 1 and tokens[hi].pos == "PUNCT":
            hi -= 1
        return (verb + 1, hi), subject
    obj = next((c for c in parsed.children(verb) if tokens[c].dep == "dobj"), None)
    if lemma in seeing_as_cues() and not any(
        tokens[c].dep == "prep" and tokens[c].text.casefold() == "as" for c in parsed.children(verb)
    ):
        return None
    finding = lemma in finding_verbs() and tokens[subject].lemma in finding_sources()
    if obj is None or not (
        finding or lemma in stance_cues() | person_stance_cues() | seeing_as_cues()
    ):
        return None
    if lemma in person_stance_cues() and not _a_person(layer, subject):
        return None
    lo, hi = parsed.subtree(obj)
    for child in parsed.children(verb) if finding else ():
        if child > hi and tokens[child].dep in ("prep", "xcomp", "oprd", "advcl"):
            hi = parsed.subtree(child)[1]  # "shows Sanders [with 47 percent]"
    for child in parsed.children(verb):
        if child > hi and tokens[child].text.casefold() in STANCE_PREPOSITIONS:
            # "on Tuesday" says when, not what about.
            end = parsed.subtree(child)[1]
            if not any(tokens[k].ent_type in ("DATE", "TIME") for k in range(child, end + 1)):
                hi = end
    while hi > lo and tokens[hi].pos == "PUNCT":
        hi -= 1
    return (lo, hi), subject


def _after_dateline(text: str, start: int) -> int:
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


def _clause_content(parsed: Parsed, head: int) -> tuple[int, int]:
    """First and last token of a reported clause, without its "that" and closing punctuation."""
    tokens = parsed.tokens
    lo, hi = parsed.subtree(head)
    while lo <= hi and tokens[lo].text.casefold() in ("that", ","):
        lo += 1
    hi = _before_next_report(parsed, head, hi)
    while hi >= lo and tokens[hi].pos in ("PUNCT", "CCONJ", "SPACE"):
        hi -= 1
    return lo, hi


# Words before a quotation that do not make it part of a larger clause ('However, "…"').
_LINKING = frozenset({"ADV", "CCONJ", "SCONJ", "INTJ", "PUNCT", "SPACE"})
_SETTING_OFF = frozenset({",", "—", "–", "-"})


def _parenthetical(parsed: Parsed, cue: int) -> tuple[int, tuple[int, int]] | None:
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
    if tokens[head].pos not in ("VERB", "AUX") and tokens[head].dep != "ROOT":
        return None  # a sentence the parser read as a noun phrase still reports
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


def _found_in(
    parsed: Parsed, i: int, cues: frozenset[str]
) -> tuple[int, tuple[int, int], tuple[int, int]] | None:
    """'In a Washington Post-ABC News poll, Clinton led Trump on a range of attributes': the
    document, what it found, and the opening phrase the content leaves out."""
    tokens = parsed.tokens
    token = tokens[i]
    if token.text.casefold() != "in" or token.dep != "prep" or i != parsed.sentence_of(i).start:
        return None
    head = token.head
    pobj = next((g for g in parsed.children(i) if tokens[g].dep == "pobj"), None)
    if pobj is None or tokens[pobj].lemma not in finding_sources():
        return None
    if tokens[head].pos not in ("VERB", "AUX") or tokens[head].lemma in cues:
        return None  # "In a statement, the ministry said…": the verb's own report
    lo, hi = parsed.subtree(i)
    if hi + 1 >= len(tokens) or tokens[hi + 1].text != ",":
        return None
    return pobj, _clause_content(parsed, head), (lo, hi + 1)


def _yes_or_no(parsed: Parsed, cue: int) -> tuple[int, int] | None:
    """'72 percent of Democrats said yes', 'He said no to the Iraq war': a one-word answer (and
    what it answers)."""
    tokens = parsed.tokens
    for child in parsed.children(cue):
        if child > cue and tokens[child].text.casefold() in ("yes", "no"):
            end = child
            after = child + 1
            if after < len(tokens) and tokens[after].dep == "prep" and tokens[after].head == cue:
                end = parsed.subtree(after)[1]  # "no [to the Iraq war]"
            return child, end
    return None


def _question(parsed: Parsed, cue: int) -> int | None:
    """'asked the students if they were always so serious': the question, which parses often
    hang off the verb as a condition."""
    for child in parsed.children(cue):
        marks = [g for g in parsed.children(child) if parsed.tokens[g].dep == "mark"]
        if parsed.tokens[child].dep == "advcl" and any(
            parsed.tokens[m].text.casefold() in ("if", "whether") for m in marks
        ):
            return child
    return None


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


def _without(parsed: Parsed, start: int, end: int, cut: tuple[int, int] | None) -> str:
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


def _before_next_report(parsed: Parsed, head: int, hi: int) -> int:
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
        if token.lemma in cues:
            return start - 1
        # '…will be "fair" to him, engaging in what analysts described as…': a participle after
        # a comma at the clause's end is the writer's comment on it.
        if participle and token.head == head and tokens[start - 1].text == "," and end >= hi:
            return start - 1
    return hi


def _indirect(
    parsed: Parsed,
    layer: ActorLayer,
    article_id: str,
    spans: list[_Span],
    quoted: list[tuple[int, int, int | None]],
    cues: frozenset[str],
) -> list[Quote]:
    """Reported speech without quotation marks; ``quoted`` are the quotations already found."""
    found: list[Quote] = []
    cue_at: list[int] = []  # where each report's verb is
    tokens = parsed.tokens
    all_cues, _ = cue_lemmas()
    for token in tokens:
        content: tuple[int, int] | None = None
        speaker_token: int | None = None
        answer: tuple[int, int] | None = None  # "said no [to the war]"
        unnamed = False  # a report whose speaker the sentence does not name
        cut: tuple[int, int] | None = None  # a parenthetical attribution inside the content
        if token.lemma == "accord" and token.text.casefold() == "according":
            for child in parsed.children(token.i):
                if tokens[child].text.casefold() == "to":
                    pobj = next(
                        (g for g in parsed.children(child) if tokens[g].dep == "pobj"), None
                    )
                    if pobj is not None:
                        speaker_token = pobj
            if speaker_token is None:
                continue
            sentence = parsed.sentence_of(token.i)
            lo, hi = parsed.subtree(token.i)
            # The sentence's last word: a paragraph's sentence ends with its break and stop.
            last = sentence.end - 1
            while last > sentence.start and tokens[last].pos in ("PUNCT", "SPACE"):
                last -= 1
            head = token.head
            while tokens[head].dep == "conj" and tokens[head].head < head:
                head = tokens[head].head  # "Trump received 37 percent and Clinton 36, …"
            h_lo, h_hi = parsed.subtree(head)
            ends_it = all(tokens[k].pos in ("PUNCT", "SPACE") for k in range(hi + 1, h_hi + 1))
            if head < lo and tokens[head].pos in ("VERB", "AUX") and ends_it:
                # "(the actual number is closer to 15 percent, according to Factcheck.org)":
                # the clause it hangs on, not the sentence around it.
                start, end = h_lo, lo - 1
                for k in range(lo - 1, start - 1, -1):  # "… losses (the actual number is …"
                    if tokens[k].text in ("(", ")"):
                        start = k + 1 if tokens[k].text == "(" else start
                        break
                while start < end and tokens[start].pos in ("PUNCT", "CCONJ", "SPACE"):
                    start += 1
                while end > start and tokens[end].pos in ("PUNCT", "SPACE"):
                    end -= 1
                content = (start, end)
            elif lo > sentence.start + 1 and hi >= last:
                # "Clinton leads by four points, according to the poll": what comes before.
                end = lo - 1
                while end > sentence.start and tokens[end].pos == "PUNCT":
                    end -= 1
                content = (sentence.start, end)
            else:
                start = hi + 1
                while start < sentence.end and tokens[start].text in (",", ":"):
                    start += 1
                content = (start, last)
        elif (found_in := _found_in(parsed, token.i, cues)) is not None:
            speaker_token, content, cut = found_in
        elif token.lemma in noun_cues() and token.pos == "NOUN":
            # "Trump's claim that there have been thousands of shootings": the possessor's.
            clause = next(
                (
                    c
                    for c in parsed.children(token.i)
                    if tokens[c].dep in ("acl", "ccomp")
                    and any(tokens[m].text.casefold() == "that" for m in parsed.children(c))
                ),
                None,
            )
            owner = next((c for c in parsed.children(token.i) if tokens[c].dep == "poss"), None)
            if clause is None or owner is None or tokens[owner].pos == "PRON":
                continue
            speaker_token = owner
            content = _clause_content(parsed, clause)
        elif token.pos == "VERB" and (stance := _stance(parsed, layer, token.i)) is not None:
            content, speaker_token = stance
        elif token.lemma in cues and token.pos == "VERB":
            comp = next(
                (c for c in parsed.children(token.i) if tokens[c].dep in INDIRECT_DEPS), None
            )
            if comp is None and token.lemma in QUESTION_CUES:
                comp = _question(parsed, token.i)
            answer = _yes_or_no(parsed, token.i) if comp is None else None
            set_in = _parenthetical(parsed, token.i) if comp is None and answer is None else None
            if set_in is not None:
                comp, cut = set_in
            if comp is None and answer is None:
                continue
            if token.dep == "xcomp" and tokens[token.head].lemma in cues:
                continue  # "declined to say whether…": the outer report holds this one
            unnamed = (
                token.tag == "VBN"
                and token.dep == "advcl"
                and not any(tokens[c].dep == "agent" for c in parsed.children(token.i))
            )  # "Asked if…, 72 percent said yes": a question whose asker nobody names
            subject = token.i if unnamed else _cue_subject(parsed, token.i)
            if subject is None or tokens[subject].text.casefold() in ADDRESSEE:
                continue
            if tokens[subject].dep == "nsubjpass" or tokens[subject].tag == "EX":
                continue  # "it was stated that…": no speaker to name (an agent is the subject)
            # "They argue that…" with nobody to resolve them to is still an attribution, its
            # speaker left unresolved as written.
            speaker_token = subject
            content = answer if comp is None else _clause_content(parsed, comp)
        if content is None or speaker_token is None:
            continue
        lo, hi = content
        if cut is not None and cut[0] <= lo <= cut[1]:
            lo = cut[1] + 1  # "As Crane said, [the two have become…]"
        while lo < hi and tokens[lo].dep == "cc":
            lo += 1  # "[But] underneath the criticism, sources said, …"
        if cut is not None and cut[0] <= hi <= cut[1]:
            hi = cut[0] - 1
        # "The Kremlin declined to comment" is a response of its own (CAMEO 011), however short.
        no_comment = (
            token.lemma in REFUSALS and tokens[lo].dep == "aux" and tokens[hi].lemma in all_cues
        )
        if (
            hi - lo + 1 < MIN_INDIRECT_TOKENS
            and not _is_stance(token.lemma)
            and answer is None
            and not no_comment
        ):
            continue
        start_char, end_char = _after_dateline(parsed.text, tokens[lo].idx), tokens[hi].end
        # Reported speech around a quotation already found is that quotation's (mixed) business,
        # unless the quotation is another verb's, reported inside this report ("Trump said that
        # Clinton described the pact as “the gold standard”"), and a report nested inside a
        # quotation ("Lavrov stressed that…," it said) is one of its own.
        cue_inside = any(s.start <= token.idx < s.end for s in spans)
        if not cue_inside and any(
            a < end_char and start_char < b and (by is None or by == token.i or not lo <= by <= hi)
            for a, b, by in quoted
        ):
            continue
        source = (
            _Attribution(ActorRef(), "unresolved", token.text)
            if unnamed
            else _source_named(parsed, layer, speaker_token, token.text)
        )
        cue_at.append(token.idx)
        found.append(
            Quote(
                id=f"{article_id}#q{start_char}-{end_char}",
                article_id=article_id,
                kind="indirect",
                text=_without(parsed, start_char, end_char, cut),
                start=start_char,
                end=end_char,
                cue=token.text,
                speaker=source.speaker,
                speaker_basis=source.basis,
            )
        )
    # "Lavrov said Washington wanted to deploy missiles": what Washington wanted is Lavrov's
    # account, not Washington's words; the report around it says who said it.
    return [
        q
        for q, at in zip(found, cue_at, strict=True)
        if not any(f.start <= at < f.end for f in found if f is not q)
        and (q.speaker_basis == "named" or not any(a <= at < b for a, b, _ in quoted))
    ]
