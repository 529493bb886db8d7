"""Reported speech without quotation marks: a reporting verb's clause ("Putin said the situation
would change"), "according to X", stances voiced on someone, questions, documents' findings."""

from __future__ import annotations

from parley.actors import ActorLayer
from parley.nlp import Parsed
from parley.quotes.clauses import (
    Attribution,
    according_source,
    after_dateline,
    clause_content,
    cue_subject,
    parenthetical,
    quoted_as,
    source_named,
    without,
)
from parley.quotes.lexicon import (
    ADDRESSEE,
    FIRST_PERSON,
    INDIRECT_DEPS,
    MIN_INDIRECT_TOKENS,
    QUESTION_CUES,
    REFUSALS,
    STANCE_PREPOSITIONS,
    appeal_cues,
    cue_lemmas,
    finding_sources,
    finding_verbs,
    is_stance,
    naming_cues,
    noun_cues,
    person_stance_cues,
    seeing_as_cues,
    stance_cues,
)
from parley.quotes.marks import Span
from parley.records import ActorRef, Quote


def _a_person(layer: ActorLayer, i: int) -> bool:
    mention = layer.at(i)
    return mention is not None and mention.is_person


def stance(parsed: Parsed, layer: ActorLayer, verb: int) -> tuple[tuple[int, int], int] | None:
    """ "Sanders endorsed Clinton", "criticized Rubio for not having won a state": a verbal
    stance on someone or something, the object (and what it is for) as its content; "called
    for a special prosecutor", "called on Congress to act": what is called for."""
    tokens = parsed.tokens
    if not is_stance(tokens[verb].lemma):
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


def _found_in(
    parsed: Parsed, i: int, cues: frozenset[str]
) -> tuple[int, tuple[int, int], tuple[int, int]] | None:
    """'In a Washington Post-ABC News poll, Clinton led Trump on a range of attributes': the
    document, what it found, and the opening phrase the content leaves out."""
    tokens = parsed.tokens
    token = tokens[i]
    if token.dep != "prep" or i != parsed.sentence_of(i).start:
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
    return pobj, clause_content(parsed, head), (lo, hi + 1)


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


def _according(parsed: Parsed, i: int) -> tuple[int, tuple[int, int]] | None:
    """'…, according to the poll' / 'According to X, …': the source and what it reports."""
    tokens = parsed.tokens
    token = tokens[i]
    speaker_token = according_source(parsed, i)
    if speaker_token is None:
        return None
    sentence = parsed.sentence_of(i)
    lo, hi = parsed.subtree(i)
    if token.head == i and i == sentence.start:
        # "According to X, the move reeks of fear" parsed with "According" as the root and the
        # rest of the sentence under X: X ends at the comma after it.
        hi = next(
            (k - 1 for k in range(speaker_token + 1, sentence.end) if tokens[k].text == ","), hi
        )
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
    return speaker_token, content


def _has_subject(parsed: Parsed, head: int) -> bool:
    """ "said [Tehran would retaliate]": a clause with a subject of its own states something
    however short, where "said so" or "said on Monday" does not."""
    return parsed.tokens[head].pos in ("VERB", "AUX") and any(
        parsed.tokens[c].dep in ("nsubj", "nsubjpass", "expl") for c in parsed.children(head)
    )


def reported_speech(
    parsed: Parsed,
    layer: ActorLayer,
    article_id: str,
    spans: list[Span],
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
        comp: int | None = None  # the reported clause's head, for a verb of saying
        # Cheap tests first: these run on every token of every article.
        word = token.text.casefold()
        if word == "according" and (according := _according(parsed, token.i)) is not None:
            speaker_token, content = according
        elif word == "in" and (found_in := _found_in(parsed, token.i, cues)) is not None:
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
            content = clause_content(parsed, clause)
        elif token.pos == "VERB" and (voiced := stance(parsed, layer, token.i)) is not None:
            content, speaker_token = voiced
        elif token.lemma in cues and token.pos == "VERB":
            comp = next(
                (c for c in parsed.children(token.i) if tokens[c].dep in INDIRECT_DEPS), None
            )
            if comp is None and token.lemma in QUESTION_CUES:
                comp = _question(parsed, token.i)
            answer = _yes_or_no(parsed, token.i) if comp is None else None
            set_in = parenthetical(parsed, token.i) if comp is None and answer is None else None
            if set_in is not None:
                comp, cut = set_in
            if comp is None and answer is None:
                continue
            if token.dep == "xcomp" and tokens[token.head].lemma in cues:
                continue  # "declined to say whether…": the outer report holds this one
            unnamed = (
                token.tag == "VBN"
                and token.dep == "advcl"
                and not any(tokens[c].dep in ("agent", "nsubj") for c in parsed.children(token.i))
            )  # "Asked if…, 72 percent said yes": a question whose asker nobody names (not
            # "While Macron has pledged…", a clause with its own subject)
            subject = token.i if unnamed else cue_subject(parsed, token.i)
            if subject is None or tokens[subject].text.casefold() in ADDRESSEE:
                continue
            if (
                tokens[subject].dep == "nsubjpass" and quoted_as(parsed, token.i) is None
            ) or tokens[subject].tag == "EX":
                continue  # "it was stated that…": no speaker to name (an agent is the subject)
            # "They argue that…" with nobody to resolve them to is still an attribution, its
            # speaker left unresolved as written.
            speaker_token = subject
            content = answer if comp is None else clause_content(parsed, comp)
        if content is None or speaker_token is None:
            continue
        lo, hi = content
        if cut is not None and cut[0] <= lo <= cut[1]:
            lo = cut[1] + 1  # "As Crane said, [the two have become…]"
        while lo < hi and tokens[lo].dep == "cc":
            lo += 1  # "[But] underneath the criticism, sources said, …"
        first_of_speaker = parsed.subtree(speaker_token)[0]
        if lo < first_of_speaker <= hi and speaker_token == parsed.subject_after_comma(token.i):
            # "The strikes killed 42 soldiers, the Observatory said": the speaker the parse hung
            # inside the clause it reports ends the clause.
            hi = first_of_speaker - 1
            while hi > lo and tokens[hi].pos == "PUNCT":
                hi -= 1
        if cut is not None and cut[0] <= hi <= cut[1]:
            hi = cut[0] - 1
        # "The Kremlin declined to comment" is a response of its own (CAMEO 011), however short.
        no_comment = (
            token.lemma in REFUSALS and tokens[lo].dep == "aux" and tokens[hi].lemma in all_cues
        )
        if (
            hi - lo + 1 < MIN_INDIRECT_TOKENS
            and not (comp is not None and _has_subject(parsed, comp))
            and not is_stance(token.lemma)
            and answer is None
            and not no_comment
        ):
            continue
        start_char, end_char = after_dateline(parsed.text, tokens[lo].idx), tokens[hi].end
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
            Attribution(ActorRef(), "unresolved", token.text)
            if unnamed
            else source_named(parsed, layer, speaker_token, token.text)
        )
        cue_at.append(token.idx)
        found.append(
            Quote(
                id=f"{article_id}#q{start_char}-{end_char}",
                article_id=article_id,
                kind="indirect",
                text=without(parsed, start_char, end_char, cut),
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
