"""Who said what: direct, mixed and indirect quotations, each with its speaker.

Direct quotes are found from quotation marks (straight, curly, doubled single quotes, guillemets),
paired per paragraph and carried across paragraphs the wire way (a paragraph that opens a quote
without closing it continues into the next one that opens with a mark). The speaker is the subject
of the reporting verb next to the quote; a quote with no cue of its own continues the previous
quote's speaker. Indirect speech is a reporting verb with a clausal complement ("Putin said the
situation would change") or "according to X". Speakers come from the actor stage, so "he" and
"the Kremlin spokesman" arrive already resolved.

This module finds quotations from their marks and their speakers; `marks` pairs the marks,
`reported` finds reported speech without them, `clauses` holds the parse helpers both use
(speakers, reported clauses, attributions set into them) and `lexicon` the words they run on.
"""

from __future__ import annotations

import re

from parley.actors import ActorLayer, ActorMention
from parley.data import is_abbreviation
from parley.nlp import Parsed
from parley.quotes.clauses import (
    Attribution,
    according_source,
    authored,
    before_next_report,
    clause_content,
    cue_subject,
    impersonal,
    parenthetical,
    source_named,
    without,
)
from parley.quotes.lexicon import (
    CONTENT_DEPS,
    STANCE_PREPOSITIONS,
    THROUGH_DEPS,
    bare_cues,
    cue_lemmas,
    naming_cues,
    stance_cues,
)
from parley.quotes.marks import MARK, SENTENCE_END, TRANSCRIPT, WORD_BEFORE, Span, quote_spans
from parley.quotes.reported import reported_speech
from parley.records import ActorRef, Quote, SpeakerBasis

__all__ = ["cue_lemmas", "extract_quotes", "quote_spans"]

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

# '"We can build a wall." ― Steve Quinlan': a name after a dash, to the end of the line.
_DASH_SPEAKER = re.compile(r"[ \t\u00a0]*[―—–-][ \t\u00a0]*([A-Z][^\n\"“”]{1,60}?)[ .]*(?=\n|$)")


# The longest word a title's full stop may follow ("Sen.", "Gov.", "Calif."): how far back to look.
MAX_TITLE_CHARS = 12


def _after_title(text: str, start: int, stop: int) -> bool:
    """Does the full stop at ``stop`` close a title or short form ("Sen.", "Ms.") rather than
    a sentence? Looks back a few characters only, not to ``start``."""
    word = WORD_BEFORE.search(text, max(start, stop - MAX_TITLE_CHARS), stop)
    return bool(word and is_abbreviation(word.group(1)))


def _after_window(text: str, span: Span) -> tuple[int, int]:
    paragraph_end = text.find("\n\n", span.close_end)
    limit = len(text) if paragraph_end < 0 else paragraph_end
    next_mark = MARK.search(text, span.close_end, limit)
    if next_mark:
        limit = next_mark.start()
    for end in SENTENCE_END.finditer(text, span.close_end, limit):
        # '"…," Sen. Claire McCaskill said': a title's full stop ends nothing.
        if not _after_title(text, span.close_end, end.start()):
            return span.close_end, end.end()
    return span.close_end, limit


def _before_window(text: str, span: Span) -> tuple[int, int]:
    paragraph_start = text.rfind("\n\n", 0, span.open_at)
    start = 0 if paragraph_start < 0 else paragraph_start + 2
    for end in SENTENCE_END.finditer(text, start, span.open_at):
        # 'Ms. Friedan called Mrs. Schlafly an “Aunt Tom”': titles end no sentence.
        if not _after_title(text, start, end.start()):
            start = end.end()
    return start, span.open_at


def _subject_mention(parsed: Parsed, layer: ActorLayer, cue: int) -> ActorMention | None:
    subject = cue_subject(parsed, cue)
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
    subject = cue_subject(parsed, cue)
    if subject is None:
        return None
    lo, hi = parsed.subtree(subject)
    if lo <= cue <= hi:  # a misparse that puts the verb under its subject: the subject alone
        lo, hi = min(lo, subject), subject
    while hi > lo and parsed.tokens[hi].pos in ("PUNCT", "SPACE"):
        hi -= 1
    return parsed.span_text(lo, hi + 1)


def _attribution(parsed: Parsed, layer: ActorLayer, cue: int, window: range) -> Attribution:
    mention = _subject_mention(parsed, layer, cue)
    if mention is None and cue_subject(parsed, cue) is None:
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
        subject = cue_subject(parsed, cue)
        text = _subject_text(parsed, cue)
        if subject is None:
            return Attribution(ActorRef(text=text), "unresolved", cue_text)
        return authored(parsed, layer, subject, text, cue_text)
    basis = mention.basis if mention.actor_id else "unresolved"
    return Attribution(mention.ref(), basis, cue_text)


def _according_to(parsed: Parsed, window: range) -> int | None:
    """'According to Ned Price, “the talks are over.”': the source "according to" names."""
    return next((s for i in window if (s := according_source(parsed, i)) is not None), None)


def _named_by_dash(parsed: Parsed, layer: ActorLayer, dash: re.Match[str]) -> Attribution:
    """The speaker a dash names after a quotation: a known actor when the name is one."""
    start, end = dash.span(1)
    for i in parsed.token_range(start, end):
        mention = layer.at(i)
        if mention is not None and mention.kind != "pronoun":
            basis = mention.basis if mention.actor_id else "unresolved"
            return Attribution(mention.ref(), basis, None)
    return Attribution(ActorRef(text=dash.group(1).strip()), "unresolved", None)


def _introducing_line(parsed: Parsed, text: str, span: Span) -> int | None:
    """'Caddell continued:' on the line before a quotation that opens its own paragraph: the
    last verb of that line, whose subject is the speaker. In the same paragraph, 'May’s
    spokesman made the limits of action clear: “…”': the main verb of the clause the colon
    ends."""
    line_start = text.rfind("\n", 0, span.open_at) + 1
    if text[line_start : span.open_at].strip():
        lead = text[line_start : span.open_at].rstrip()
        if not lead.endswith(":") or lead.isupper():  # not a shot list in capitals
            return None
        colon = text.rindex(":", line_start, span.open_at)
        before = parsed.token_range(colon, colon + 1)
        if not before:
            return None
        clause = range(parsed.sentence_of(before[0]).start, before[0])
        # The clause's own head verb, however the parser hung it on the quotation.
        return next(
            (
                i
                for i in clause
                if parsed.tokens[i].pos in ("VERB", "AUX")
                and (parsed.tokens[i].head == i or parsed.tokens[i].head not in clause)
            ),
            None,
        )
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
    # "Steinmeier issued a statement following the signing:": the last verb with a subject.
    told = [i for i in verbs if parsed.subject_of(i) is not None]
    return (told or verbs)[-1] if verbs else None


def _reports_between(
    parsed: Parsed,
    layer: ActorLayer,
    cues: frozenset[str],
    last: tuple[int, int | None, str | None],
    span: Span,
) -> bool:
    """'“…,” Steinmeier said.\n\nManafort denied that he had been paid. “The simplest answer…”':
    someone else's report between two quotations ends the first speaker's turn (not "He
    didn't suggest retaliation", the same speaker's)."""
    close, last_cue, speaker = last
    for i in parsed.token_range(close, span.open_at):
        # A sentence of its own: not the first quotation's attribution ("…," he told Reuters
        # when asked if…).
        if i == last_cue or not _is_cue(parsed, i, cues):
            continue
        if parsed.sentence_of(i).start_char < close:
            continue
        other = _subject_mention(parsed, layer, i)
        if other is not None and other.actor_id and other.actor_id != speaker:
            return True
    return False


def _describes_a_speaker(parsed: Parsed, i: int, cues: list[int]) -> bool:
    """'“…,” Koko Warner, a manager who helped write the report, told AP': a verb inside the
    description of another verb's subject is not the one reporting the quotation."""
    for cue in cues:
        for subject in parsed.children(cue) if cue > i else ():
            lo, hi = parsed.subtree(subject)
            if parsed.tokens[subject].dep == "nsubj" and lo <= i <= hi:
                return True
    return False


def _is_cue(parsed: Parsed, i: int, cues: frozenset[str]) -> bool:
    token = parsed.tokens[i]
    if token.lemma not in cues or token.pos not in ("VERB", "AUX") or impersonal(parsed, i):
        return False
    # "Russia would continue its “special military operation”": continuing something is no report.
    return token.lemma not in bare_cues() or not any(
        parsed.tokens[c].dep == "dobj" for c in parsed.children(i)
    )


def _holding_verb(parsed: Parsed, layer: ActorLayer, inside: range) -> tuple[int, int] | None:
    """The nearest verb above a quoted fragment, outside it, whose subject is a known actor,
    and its dependent on the way up to it."""
    j = inside[0]
    for _ in range(10):
        head = parsed.tokens[j].head
        if head == j:
            return None
        j, below = head, j
        if j in inside or parsed.tokens[j].pos != "VERB":
            continue
        subject = parsed.subject_of(j)
        mention = layer.at(subject) if subject is not None else None
        if mention is not None and mention.actor_id:
            return j, below
    return None


def _attributed_cry(
    parsed: Parsed, content: str, span: Span, before: int | None, after: int | None
) -> int | None:
    """The reporting verb right next to a short exclamation or question — '“Mexico!” the
    audience screamed back', '"Out!" he yelled', 'the crowd chanted, “Lock her up!”' — with
    nothing between them but the verb's subject and punctuation; else None."""
    if not content.rstrip(" ,\"'”’").endswith(("!", "?")):
        return None
    tokens = parsed.tokens
    if after is not None:
        subject = parsed.subject_of(after)
        start = after if subject is None else min(after, parsed.subtree(subject)[0])
        gap = parsed.token_range(span.close_end, tokens[start].idx)
        if all(tokens[k].pos in ("PUNCT", "SPACE") for k in gap):
            return after
    if before is not None:
        gap = parsed.token_range(tokens[before].end, span.open_at)
        if all(tokens[k].pos in ("PUNCT", "SPACE") for k in gap):
            return before
    return None


_MINOR_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with"})


def _title_case(content: str) -> bool:
    """'“Gang of Eight”', '“Fox & Friends”': a name or a title, written as one."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", content) if w not in _MINOR_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


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
                    or _that_clause(parsed, j)
                )
                return j if content else None
            if j not in inside and parsed.tokens[j].dep not in THROUGH_DEPS:
                break
            j, steps = parsed.tokens[j].head, steps + 1
    set_in = parenthetical(parsed, cue)
    if set_in is not None and inside:
        # "The new rules, he said, were written to “punish Russian business”": the clause the
        # attribution is set into is what it reports, quotation and all.
        head, (cut_lo, cut_hi) = set_in
        lo, hi = parsed.subtree(head)
        if lo <= inside[0] <= hi and not cut_lo <= inside[0] <= cut_hi:
            return head
    return None


def _that_clause(parsed: Parsed, j: int) -> bool:
    """'Trump tweeted in the early morning hours that Machado was “disgusting”': a "that" clause
    the parse hung on the verb as an adverbial clause is still what the verb says."""
    token = parsed.tokens[j]
    return token.dep == "advcl" and parsed.tokens[parsed.subtree(j)[0]].text.casefold() == "that"


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


def _runs_on(parsed: Parsed, head: int, cue: int, span: Span, spans: list[Span]) -> bool:
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


def _labelled(layer: ActorLayer, name: str) -> Attribution:
    """The speaker a transcript label ("PENCE:") names: whoever the article named with that
    surname, else the label as written."""
    speaker = _named(layer, name)
    if speaker is None:
        return Attribution(ActorRef(text=name), "unresolved", ":")
    return Attribution(speaker.ref().model_copy(update={"text": name}), "coreference", ":")


# What follows a quotation, after a comma, without being what the speaker said: a clause on
# the noun ("…, which raised concerns"), a time ("…, when asked whether…"), an aside.
_ASIDE = re.compile(r",[\"”'’]*\s+(?:which|who|when|before|after|while|promising|adding|saying)\b")


def _before_an_aside(text: str, span: Span, end: int) -> int:
    """A mixed quote's clause ends before an aside that follows its quotation: 'said he was
    being “sarcastic” in his comments[, which raised concerns…]', 'had said, “We’ll see,”[ when
    asked whether…]'."""
    if end <= span.close_end:
        return end
    aside = _ASIDE.search(text, span.end - 1, end)
    if aside is None:
        return end
    return max(aside.start(), span.close_end)


def _inside_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """'TRUMP: “I don’t like Assad at all.”': a labelled line that is one quotation is the
    quotation its marks hold — the stretch the marks alone would find, now with its speaker."""
    if end - start > 2 and text[start] in '"“' and text[end - 1] in '"”':
        return start + 1, end - 1
    return start, end


def _transcript(parsed: Parsed, layer: ActorLayer, article_id: str) -> list[Quote]:
    found = []
    offset = 0
    text = parsed.text
    for paragraph in text.split("\n\n"):
        match = TRANSCRIPT.match(paragraph)
        if match and match["name"].casefold() not in NOT_SPEAKERS:
            labelled = _labelled(layer, match["name"])
            start, end = _inside_marks(
                text, offset + match.start("text"), offset + len(paragraph.rstrip())
            )
            found.append(
                Quote(
                    id=f"{article_id}#q{start}-{end}",
                    article_id=article_id,
                    kind="direct",
                    text=text[start:end],
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
     "q", "a", "question", "answer", "correction", "listen", "see also", "warning",
     "the facts", "fact check"}
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
        if number:
            start, end = _inside_marks(parsed.text, start, end)
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


def _introduces_next(parsed: Parsed, cue: int) -> bool:
    """'he remarked: "…"': the verb stands before a colon."""
    following = cue + 1
    return following < len(parsed.tokens) and parsed.tokens[following].text == ":"


def _opened_before(parsed: Parsed, head: int | None, cue: int | None, inside: range) -> bool:
    """'the senator said his campaign here was “closing really strong”': the clause the verb
    reports opens in the writer's words before the quotation does."""
    if head is None or cue is None or not inside:
        return False
    lo = parsed.subtree(head)[0]
    return any(
        cue < k and parsed.tokens[k].pos not in ("PUNCT", "SPACE") for k in range(lo, inside[0])
    )


def _continues(
    parsed: Parsed,
    span: Span,
    last_close: tuple[int, int | None] | None,
    cue: int | None,
    embedded: bool,
) -> bool:
    """Is the quotation the rest of the last one? '“We are prepared to meet,” Price said, “but we
    will not pay…”': the reporting verb between the two halves is this half's too, or this half
    has none — lowercase or not."""
    if last_close is None:
        return False
    closed_at, last_cue = last_close
    text = parsed.text
    gap = text[closed_at : span.open_at]
    if last_cue is None or cue not in (None, last_cue) or embedded:
        # 'Reid said both are “non-entities in the Senate”': words inside the clause the verb
        # reports are that clause's, not the rest of the quotation before the verb.
        return False
    if not closed_at <= parsed.tokens[last_cue].idx < span.open_at:
        return False
    if len(gap) <= MAX_SPLIT_GAP and "\n" not in gap:
        # The attribution between the halves ends at a stop ('…,” he said, “but…') or is only
        # the attribution ('…,” Trump told NBC’s “Today”'); one that runs on through more clauses
        # into the next quotation ('…?” she said, but as Trump went on about “…”') leads to
        # someone else's words.
        verbs = sum(
            parsed.tokens[k].pos in ("VERB", "AUX")
            for k in parsed.token_range(closed_at, span.open_at)
        )
        return gap.rstrip()[-1:] in (",", ".", ":", ";", "—", "-") or verbs <= 1
    # '“It was very nice,” the tycoon told Reuters in a rare interview in Macau…. “He was very
    # charming.”': a quotation with no attribution of its own right after the one sentence that
    # attributed the last goes on with it — '…,” Mook said.\n\nAccording to Limbaugh, “…”' is
    # someone else's.
    return (
        cue is None
        and len(gap) <= MAX_ATTRIBUTION_CHARS
        and len(SENTENCE_END.findall(gap.rstrip())) <= 1
        and (gap.rstrip()[-1:] in (".", "!", "?") or not SENTENCE_END.search(gap))
    )


def _clause_around(parsed: Parsed, cue: int, first: int, span: Span) -> tuple[int, int]:
    """Offsets of what the cue reports around the quoted words: from the first word after the
    cue ("called [Wells Fargo's behavior “outrageous”]") to the end of the complement that holds
    the quotation, marks included."""
    tokens = parsed.tokens
    for child in parsed.children(cue):
        as_what = _says_what(parsed, cue, child)
        about = tokens[child].dep == "prep" and not as_what
        content = tokens[child].dep in CONTENT_DEPS or _that_clause(parsed, child)
        if not content and not as_what and not about:
            continue
        lo, hi = parsed.subtree(child)
        if about:
            lo += 1  # 'boast about [his golf club — “which is a phenomenal area”]'
        if lo <= first <= hi:
            # "called [Wells Fargo's behavior “outrageous”]" starts after the cue; "told a town
            # hall [that waterboarding is “peanuts”]" at the reported clause.
            start = (
                min(lo, cue + 1)
                if cue < first
                and ((tokens[child].dep != "ccomp" and not _that_clause(parsed, child)) or as_what)
                and not about
                else lo
            )
            while start < hi and tokens[start].text.casefold() in ("that", ",", ":"):
                start += 1
            hi = before_next_report(parsed, child, hi)
            while hi > start and tokens[hi].pos in ("PUNCT", "CCONJ"):
                hi -= 1
            return min(tokens[start].idx, span.start), max(tokens[hi].end, span.close_end)
    if cue < first and tokens[cue].lemma in naming_cues():
        # 'called [Florida's standards “strong”]', however the name was parsed.
        return min(tokens[cue + 1].idx, span.start), span.close_end
    set_in = parenthetical(parsed, cue)
    if set_in is not None:
        # "The outlets stood in the way, he said, by creating a “false reality bubble”": the
        # clause the attribution is set into.
        head, cut = set_in
        lo, hi = clause_content(parsed, head)
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
    previous: tuple[Attribution, int] | None = None  # last speaker and its paragraph number
    # (start, end, cue token) of each quotation found from marks: a report around one is that
    # quotation's business only when it is the same reporting verb's.
    quoted: list[tuple[int, int, int | None]] = []
    last_close: tuple[int, int | None] | None = None  # the last quotation's end and reporting verb
    for span in spans:
        content = text[span.start : span.end].strip()
        inside = parsed.token_range(span.start, span.end)
        after = parsed.token_range(*_after_window(text, span))
        before = parsed.token_range(*_before_window(text, span))
        # '…emails." On Friday, he remarked: "As I said…"': a verb before a colon introduces
        # the next quotation, not this one.
        candidates = [
            i for i in after if _is_cue(parsed, i, cues) and not _introduces_next(parsed, i)
        ]
        cue_after = next(
            (i for i in candidates if not _describes_a_speaker(parsed, i, candidates)), None
        )
        if cue_after is None:
            cue_after = _inverted_cue(parsed, after)
        cue_before = next((i for i in reversed(before) if _is_cue(parsed, i, cues)), None)
        words = len(content.split())
        if cue_before is None and words > MAX_TERM_WORDS:
            # 'Lavrov blamed the sanctions on “Russophobic forces that are pushing Washington
            # toward confrontation”': what a stance verb's preposition carries is its subject's
            # (a short term it holds is read below, as a term).
            cue_before = next(
                (
                    i
                    for i in reversed(before)
                    if parsed.tokens[i].lemma in stance_cues()
                    and parsed.tokens[i].pos == "VERB"
                    and parsed.tokens[i].dep != "relcl"  # "the loopholes he cited are “…”"
                    and (held_by := _governed_through(parsed, inside, i)) is not None
                    and parsed.tokens[held_by].dep in ("prep", "dobj")
                ),
                None,
            )
        paragraph = text.count("\n\n", 0, span.open_at)
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
        held = None  # a short term's holding verb, when no reporting verb governs it
        if words <= MAX_TERM_WORDS and not governing:
            # '“Mexico!” the audience screamed back': a cry is a sentence of its own to the
            # parser, so nothing governs it; the attribution next to it says who cried it.
            cried = _attributed_cry(parsed, content, span, cue_before, cue_after)
            if cried is not None:
                cue, governing = cried, [cried]
        if words <= MAX_TERM_WORDS:
            preceded_by_article = text[: span.open_at].rstrip().lower().endswith((" a", " the"))
            naming = cue is not None and parsed.tokens[cue].lemma in naming_cues()
            # 'talks signal a "thaw"' is the writer's term; 'Sanders pledged a “political
            # revolution”' is Sanders's words: a speaker the article knows voices them.
            speaker = _subject_mention(parsed, layer, cue) if cue is not None else None
            voiced = speaker is not None and speaker.actor_id is not None
            if preceded_by_article and not naming and governing and not voiced:
                continue
            # 'rolling out a new campaign message: "It's about me."': a sentence a clause ending
            # in a colon introduces is a quotation however short.
            introduced_sentence = (
                content[:1].isupper()
                and content.rstrip()[-1:] in (".", "!", "?")
                and _introducing_line(parsed, text, span) is not None
            )
            if not governing and not introduced_sentence:
                found = None if _title_case(content) else _holding_verb(parsed, layer, inside)
                if found is None:
                    continue
                holder, through[holder] = found
                cue = cue_before = held = holder
                governing = [holder]
        if cue is None and content[:1].islower() and inside:
            # "Rubio bemoaned the climate in which people “literally hate each other”": no
            # reporting verb, but the words sit in what a known actor's verb says.
            holding = _holding_verb(parsed, layer, inside)
            cue = cue_before = holding[0] if holding else None
        dash = _DASH_SPEAKER.match(text, span.close_end)
        introduced = _introducing_line(parsed, text, span) if cue is None else None
        according = None
        if cue is None:
            # 'According to X, “…”' and '“…,” according to X'.
            according = _according_to(parsed, before)
            if according is None:
                according = _according_to(parsed, after)
        label = TRANSCRIPT.match(content) or _NAMED_LINE.match(content)
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
            attribution = source_named(parsed, layer, according, "according to")
        elif introduced is not None:
            attribution = _attribution(parsed, layer, introduced, parsed.token_range(0, 0))
        elif (
            previous
            and paragraph - previous[1] <= 1
            and last_close is not None
            and not _reports_between(
                parsed, layer, cues, (*last_close, previous[0].speaker.actor_id), span
            )
        ):
            prior = previous[0]
            continued: SpeakerBasis = "coreference" if prior.speaker.actor_id else "unresolved"
            attribution = Attribution(prior.speaker, continued, prior.cue)
        else:
            attribution = Attribution(ActorRef(), "unresolved", None)
        between = text[text.rfind("\n\n", 0, span.open_at) + 2 : span.open_at]
        after_that = re.search(r"\bthat,?\s*$", between) is not None
        head = through.get(cue) if cue is not None else None
        # 'said his worry is that he is “Unpredictable”': the words sit inside the clause the verb
        # reports, not at its head.
        embedded = head is not None and head not in inside
        second_half = _continues(
            parsed, span, last_close, cue, embedded or _opened_before(parsed, head, cue, inside)
        )
        runs_on = head is not None and cue is not None and _runs_on(parsed, head, cue, span, spans)
        mixed = (
            # The reporting verb before the words, or one after that they are the content of
            # ('Assange has been “arbitrarily detained” by Britain…, the rights group says').
            (cue == cue_before or cue in governing)
            and cue is not None
            # 'said that, “Of course Mr. Trump is going to defend himself” against…': a quotation
            # opening a "that" clause is part of it, capital or not, and so is one inside a
            # clause the verb reports ('said his worry is that he is “Unpredictable”').
            and (content[:1].islower() or after_that or embedded or runs_on)
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
            end = _before_an_aside(text, span, end)
            # A clause ending inside a later quotation ends with that quotation's mark: both
            # quotations are then the one record ('"A big truck" plowed…, he said, and
            # "everyone started running."').
            end = max(
                [
                    end,
                    *(o.close_end for o in spans if o.start > span.end and o.start < end <= o.end),
                ]
            )
            set_in = parenthetical(parsed, cue)
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
        if held is not None and not (mixed and (start < span.open_at or end > span.close_end)):
            continue  # a term held by no clause of the speaker's is a term, not a quotation
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
                text=without(parsed, start, end, cut).strip() if mixed else content,
                start=start,
                end=end,
                cue=attribution.cue,
                speaker=attribution.speaker,
                speaker_basis=attribution.basis,
            )
        )
    labelled = _transcript(parsed, layer, article_id) + _headline(parsed, layer, article_id)
    # A labelled line wins over the same quotation found from its marks with no speaker.
    quotes[:0] = labelled
    quoted.extend((q.start, q.end, None) for q in labelled)
    quotes.extend(reported_speech(parsed, layer, article_id, spans, quoted, indirect_cues))
    # One quotation per stretch of text, however many routes found it.
    unique = {q.id: q for q in reversed(quotes)}
    return _carried_on(text, sorted(unique.values(), key=lambda q: (q.start, q.end)))


# Whose words a continuation paragraph can carry on: people, bodies and states.
NAMED_SPEAKERS = ("person:", "adhoc-person:", "org:", "adhoc-org:", "country:")


def _carried_on(text: str, quotes: list[Quote]) -> list[Quote]:
    """'Lavrov said Moscow would respond.\n\n“We will not leave this without an answer.”': a
    quotation with no attribution at all goes on with the report just before it — in its
    paragraph or the one before, reported speech included (the wire's continuation paragraph)."""
    out: list[Quote] = []
    for q in quotes:
        prior = out[-1] if out else None
        paragraph_start = text.rfind("\n\n", 0, q.start) + 2
        opening = text[paragraph_start : q.start].strip()
        paragraph_end = text.find("\n\n", q.end)
        closing = text[q.end : paragraph_end if paragraph_end >= 0 else len(text)].strip()
        if (
            q.kind == "direct"
            and q.cue is None
            and q.speaker == ActorRef()
            # A paragraph of its own: not a subhead in capitals, an item of a list, or words
            # attributed after all ('“…,” according to the state attorney').
            and (
                opening in ("", '"', "“", "''", "‘")
                # 'Manafort denied that he had received any payments. “The simplest answer…”':
                # the sentence after the report, in its paragraph.
                or (
                    prior is not None
                    and prior.start >= paragraph_start
                    and "".join(text[prior.end : q.start].split()).strip("\"“”‘’'") == "."
                )
            )
            and closing.strip("\"”'’.") == ""
            and not q.text.isupper()
            and prior is not None
            and prior.end <= q.start
            # Someone the article names, not "they" or "critics".
            and (prior.speaker.actor_id or "").startswith(NAMED_SPEAKERS)
            and text.count("\n\n", prior.start, q.start) <= 1
        ):
            q = q.model_copy(update={"speaker": prior.speaker, "speaker_basis": "coreference"})
        out.append(q)
    return out


# Words before a quotation that do not make it part of a larger clause ('However, "…"').
_LINKING = frozenset({"ADV", "CCONJ", "SCONJ", "INTJ", "PUNCT", "SPACE"})
