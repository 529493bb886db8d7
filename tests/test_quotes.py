from __future__ import annotations

from parley.pipeline import code_articles
from parley.quotes import quote_spans
from parley.records import Article, CodedArticle, Quote


def test_marks_pair_per_paragraph_and_continue_the_wire_way() -> None:
    text = "“First part,” he said.\n\n“Second paragraph runs on\n\n“and ends here,” she said."
    spans = [text[s.start : s.end] for s in quote_spans(text)]
    assert spans[0] == "First part,"
    assert spans[1].startswith("Second paragraph runs on") and spans[1].endswith("ends here,")


def test_mixed_curly_and_straight_marks_pair() -> None:
    text = "“We talked about time,\" Medvedev said. ''no hostile intent'' towards Pyongyang."
    assert [text[s.start : s.end] for s in quote_spans(text)] == [
        "We talked about time,",
        "no hostile intent",
    ]


def _speaker(item: CodedArticle, starts: str) -> tuple[str | None, str, str]:
    for q in item.quotes:
        if starts in q.text:
            return q.speaker.name, q.speaker_basis, q.kind
    raise AssertionError(f"no quote containing {starts!r}")


def test_pronoun_and_role_speakers_are_named(seeds: dict[str, CodedArticle]) -> None:
    item = seeds["000_01fe71c477fb3836"]
    assert _speaker(item, "Such conversations of course")[0] == "Dmitry Peskov"
    assert _speaker(item, "To understand and to agree")[0] == "Dmitry Peskov"
    assert _speaker(item, "No, the ABM issue was not discussed")[0] == "Dmitry Peskov"


def test_scare_quotes_are_not_quotes(seeds: dict[str, CodedArticle]) -> None:
    item = seeds["000_01fe71c477fb3836"]
    assert not any(q.text.strip('" ') == "thaw" for q in item.quotes)


def test_mixed_and_indirect_kinds(seeds: dict[str, CodedArticle]) -> None:
    item = seeds["000_01fe71c477fb3836"]
    assert _speaker(item, "the mere fact of a dialogue")[2] == "mixed"
    name, _, kind = _speaker(seeds["001_f1da1cc87da76c54"], "the situation would change only if")
    assert (name, kind) == ("Vladimir Putin", "indirect")


def _quotes(text: str) -> list[Quote]:
    items = code_articles([Article(id="t", text=text, published="2016-09-20")])
    return [q for item in items if isinstance(item, CodedArticle) for q in item.quotes]


def test_speakers_after_titles_dashes_and_introducing_lines() -> None:
    titled = _quotes(
        "“Mitt Romney was prepared for the debate,” Sen. Claire McCaskill (D-Mo.) said."
    )
    assert [q.speaker.text for q in titled] == ["Claire McCaskill"]
    dashed = _quotes(
        "Readers wrote to us after the debate.\n\n"
        "“Maybe we can build a wall around the whole campaign.” ― Steve Quinlan\n"
        "“I hope this campaign gets people to register and vote.” — Jorge Falcon"
    )
    assert [q.speaker.text for q in dashed] == ["Steve Quinlan", "Jorge Falcon"]
    introduced = _quotes(
        "Pat Caddell spoke to reporters on Monday about the polls.\n\n"
        "Caddell continued:\n\n"
        '"The health issue overall is very much a partisan issue, but it is not the whole story."'
    )
    assert [(q.speaker.text, q.cue) for q in introduced] == [("Caddell", "continued")]


def test_reports_with_a_scare_quoted_term_and_a_trailing_according_to() -> None:
    # The quoted words are Clinton's (a naming verb's), reported inside Trump's report: both.
    nested = _quotes(
        "Trump said that Clinton once described the pact as “the gold standard” of deals."
    )
    assert sorted((q.kind, q.speaker.text) for q in nested) == [
        ("indirect", "Trump"),
        ("mixed", "Clinton"),
    ]
    # Quoted words inside the reported clause make the report a mixed quotation.
    mixed = _quotes("Trump said that the pact was “the gold standard” of deals.")
    assert [(q.kind, q.speaker.text) for q in mixed] == [("mixed", "Trump")]
    trailing = _quotes(
        "Clinton leads Trump by 46 percent to 42 percent, according to the new poll."
    )
    assert [q.text for q in trailing] == ["Clinton leads Trump by 46 percent to 42 percent"]


def test_a_possessed_claim_that_is_an_attribution() -> None:
    found = _quotes("Trump’s claim that there were thousands of shootings in Chicago is false.")
    assert [(q.kind, q.speaker.text, q.cue) for q in found] == [("indirect", "Trump", "claim")]


def test_a_naming_verb_makes_a_short_term_the_speakers_words() -> None:
    # "a “disgrace”" after "called" is Christie's word; "a “thaw”" with no such verb is not.
    quotes = _quotes(
        "New Jersey Gov. Chris Christie called Hillary Clinton a “disgrace” on Monday.\n\n"
        "The visit may signal a “thaw” in relations."
    )
    assert [(q.kind, q.speaker.text) for q in quotes if "disgrace" in q.text] == [
        ("mixed", "Chris Christie")
    ]
    assert not any("thaw" in q.text for q in quotes)


def test_a_quoted_transcript_line_is_its_labels() -> None:
    # Each line is its label's, though the first is left open the wire way ("…there?" with no
    # closing mark, the next paragraph re-opening).
    quotes = _quotes(
        "Gov. Mike Pence spoke to Chris Wallace on Sunday.\n\n"
        '"WALLACE: Will Gennifer Flowers be there?\n\n'
        '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night."'
    )
    speakers = {q.text.split(":")[0]: (q.speaker.text, q.speaker.name) for q in quotes}
    assert speakers["PENCE"] == ("PENCE", "Mike Pence")
    assert speakers["WALLACE"] == ("WALLACE", "Chris Wallace")


def test_an_unknown_subject_is_the_speaker_not_the_nearest_actor() -> None:
    quotes = _quotes(
        "The lawmaker spoke on Tuesday. Schiff called on the administration to "
        '"really call out Russia on this" and consider taking additional action.'
    )
    assert [q.speaker.text for q in quotes if "call out Russia" in q.text] == ["Schiff"]


def test_a_coordinated_cue_takes_its_head_verbs_subject() -> None:
    quotes = _quotes(
        "Rakeyia Scott filmed the encounter. She then urges her husband to come out of the car "
        'and repeatedly says, "Don\'t you do it," until gunshots are heard.'
    )
    assert [(q.speaker.text, q.speaker.name) for q in quotes if "Don't" in q.text] == [
        ("She", "Rakeyia Scott")
    ]


def test_a_stance_verb_reports_its_object() -> None:
    quotes = _quotes(
        "Bernie Sanders endorsed Hillary Clinton on Tuesday. Trump mocked Rubio for not having "
        "won a single state. Russian jets attacked the convoy."
    )
    assert [(q.kind, q.text, q.speaker.text) for q in quotes] == [
        ("indirect", "Hillary Clinton", "Bernie Sanders"),
        ("indirect", "Rubio for not having won a single state", "Trump"),
    ]


def test_a_report_hanging_off_a_report_is_its_own() -> None:
    quotes = _quotes(
        "Trump insisted he has “expanded the Republican party,” claiming that he is "
        "responsible for higher voter turnout in the primary states."
    )
    texts = [q.text for q in quotes]
    assert "he has “expanded the Republican party,”" in texts
    assert "he is responsible for higher voter turnout in the primary states" in texts
    # A condition is part of what was said, not a report of its own.
    said = _quotes("Putin said the situation would change only if the United States agreed.")
    assert [q.text for q in said] == ["the situation would change only if the United States agreed"]


def test_reports_at_a_paragraphs_end_and_after_an_addressee() -> None:
    quotes = _quotes(
        "Clinton leads Sanders by 271 pledged delegates, according to a count by The Associated "
        "Press.\n\nTrump is telling a town hall in Salem that waterboarding is “peanuts” compared "
        "to what militants do.\n\nCook declined to say whether it was a violation of policy."
    )
    assert [q.text for q in quotes] == [
        "Clinton leads Sanders by 271 pledged delegates",
        "waterboarding is “peanuts” compared to what militants do",
        "to say whether it was a violation of policy",
    ]


def test_what_someone_calls_for_is_their_attribution() -> None:
    quotes = _quotes(
        "Trump called for a special prosecutor to investigate Clinton. Clinton is calling for "
        "the United States to step up military efforts. Ted Cruz called on his rivals to drop "
        "out. Economists argue that the law is wrong."
    )
    assert [(q.text, q.speaker.text) for q in quotes] == [
        ("a special prosecutor to investigate Clinton", "Trump"),
        ("the United States to step up military efforts", "Clinton"),
        ("his rivals to drop out", "Ted Cruz"),
        ("the law is wrong", "Economists"),
    ]


def test_a_headline_naming_its_speaker_is_an_attribution() -> None:
    quotes = _quotes(
        "EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.\n\nThere is serious concern."
    )
    assert [(q.text, q.speaker.text, q.cue) for q in quotes] == [
        ("Don’t Trust the Voting Machines.", "Roger Stone", ":")
    ]
    assert not _quotes("UPDATE: Talks resume in Geneva on Monday.\n\nThe talks resumed.")


def test_a_quotation_split_by_its_attribution_is_one() -> None:
    quotes = _quotes(
        "“Judge,” Brafman said, “I have never had that happen in any case in thirty-seven "
        "years.” The judge said nothing."
    )
    direct = [q for q in quotes if q.kind == "direct"]
    assert [(q.text, q.speaker.text) for q in direct] == [
        ("Judge, I have never had that happen in any case in thirty-seven years.", "Brafman")
    ]


def test_a_stance_that_can_be_an_act_is_a_quotation_only_from_a_person() -> None:
    quotes = _quotes(
        "Russia supports the Syrian army. The army defended the city. "
        "Bernie Sanders supported the minimum wage bill on Tuesday."
    )
    assert [(q.text, q.speaker.text) for q in quotes] == [
        ("the minimum wage bill", "Bernie Sanders")
    ]


def test_a_quotation_opening_a_that_clause_is_part_of_it() -> None:
    quotes = _quotes(
        "Spokeswoman Jessica Ditto said that, “Of course Mr. Trump is going to defend himself” "
        "against what the campaign sees as a coordinated attack."
    )
    assert [(q.kind, q.speaker.text) for q in quotes] == [("mixed", "Jessica Ditto")]
    assert quotes[0].text.endswith("a coordinated attack")


def test_wire_copy_datelines_split_halves_and_surnames() -> None:
    quotes = _quotes(
        "TEHRAN, March 3 (Reuters) - Iran will not hold new talks with the United States, "
        "Foreign Minister Mohammad Javad Zarif said on Tuesday.\n\n"
        "State Department spokesman Ned Price said Washington was disappointed. "
        "“We are prepared to meet,” Price said, “but we will not pay for a meeting.”"
    )
    texts = {q.text: (q.kind, q.speaker.name) for q in quotes}
    # The dateline is the wire's, not the minister's.
    assert texts["Iran will not hold new talks with the United States"][1] == (
        "Mohammad Javad Zarif"
    )
    # The lowercase second half of a split quotation is that quotation, not a mixed one; and
    # "Price" is the Ned Price named before.
    assert texts["We are prepared to meet, but we will not pay for a meeting."] == (
        "direct",
        "Ned Price",
    )


def test_what_a_stance_verb_says_after_its_preposition() -> None:
    quotes = _quotes(
        'President Volodymyr Zelenskyy accused Moscow of trying to "freeze Ukrainians into '
        'submission". Peskov told reporters that Russia would continue its "special military '
        'operation" until its goals were met.'
    )
    found = {q.speaker.name: (q.kind, q.text) for q in quotes}
    assert found["Volodymyr Zelenskyy"] == (
        "mixed",
        'Moscow of trying to "freeze Ukrainians into submission"',
    )
    # Continuing an operation is no report: the quoted words are inside Peskov's.
    assert found["Dmitry Peskov"][0] == "mixed"


def test_an_attribution_set_into_the_clause_it_reports() -> None:
    quotes = _quotes(
        "The talks, Foreign Minister Sergei Lavrov said, would resume in Geneva in June. "
        "As Kremlin spokesman Dmitry Peskov noted, the sanctions have not changed Moscow's "
        "course.\n\n"
        "The new rules, he said, would “punish Russian business” for the war."
    )
    found = {q.text: (q.kind, q.speaker.name) for q in quotes}
    # The content leaves the attribution out.
    assert found["The talks would resume in Geneva in June"] == ("indirect", "Sergey Lavrov")
    assert found["the sanctions have not changed Moscow's course"] == (
        "indirect",
        "Dmitry Peskov",
    )
    assert found["The new rules would “punish Russian business” for the war"] == (
        "mixed",
        "Dmitry Peskov",
    )


def test_a_quotation_inside_a_reported_clause_is_mixed() -> None:
    quotes = _quotes(
        "Senator Tom Cole said his biggest worry about the deal is that it is “Unworkable.” "
        "Trump's “excesses” are sickening, French President Francois Hollande said on Tuesday. "
        'However, "there are no agreements yet," Peskov added.'
    )
    found = {q.speaker.text: (q.kind, q.text) for q in quotes}
    assert found["Tom Cole"] == (
        "mixed",
        "his biggest worry about the deal is that it is “Unworkable.”",
    )
    assert found["Francois Hollande"] == ("mixed", "Trump's “excesses” are sickening")
    # A linking word before a quotation does not make it part of a larger clause.
    assert found["Peskov"] == ("direct", "there are no agreements yet,")


def test_a_quotation_the_writer_carries_on_is_mixed() -> None:
    quotes = _quotes(
        "“We held talks” with the foreign minister before signing the accord in Geneva, "
        "Sergei Lavrov said. "
        "Instead, Lavrov told reporters, the plan would be “to wait for Washington” until May."
    )
    found = {q.text: q.kind for q in quotes}
    assert found == {
        "“We held talks” with the foreign minister before signing the accord in Geneva": "mixed",
        "the plan would be “to wait for Washington” until May": "mixed",
    }


def test_a_question_and_a_passive_asker_are_attributions() -> None:
    quotes = _quotes(
        "Then Sergei Lavrov asked the delegates if they were ready to sign the accord. "
        "Asked by Ned Price whether the talks had failed, the minister said nothing.\n\n"
        "Instead, Lavrov said, the delegates should wait. "
        "Those who signed the accord broke no rule, even with a “bad” deal, he said."
    )
    found = {q.text: q.speaker.name for q in quotes}
    assert found["if they were ready to sign the accord"] == "Sergey Lavrov"
    # The one asking is the agent, not whoever answers.
    assert found["whether the talks had failed"] == "Ned Price"
    assert found["Instead the delegates should wait"] == "Sergey Lavrov"
    # '…, he said.' with nothing parsed under the verb: what comes before it.
    assert found["Those who signed the accord broke no rule, even with a “bad” deal"] == (
        "Sergey Lavrov"
    )


def test_a_voiced_quotation_and_an_inverted_verb_name_their_speaker() -> None:
    quotes = _quotes(
        "When the minister thanked Ankara, a man yelled “Go home!”\n\n"
        "“We will never give up on this region,” Lavrov smiled."
    )
    found = {q.text: (q.cue, q.speaker.text) for q in quotes}
    # However "yelled" is parsed, the man yelled it; and a verb right after a quotation with
    # its subject beside it is how it was said.
    assert found["Go home!"] == ("yelled", "a man")
    assert found["We will never give up on this region,"] == ("smiled", "Lavrov")


def test_according_to_reports_the_clause_it_hangs_on() -> None:
    quotes = _quotes(
        "Moscow cites its own figures for the losses (the actual number is closer to 15 "
        "percent, according to the United Nations). He crossed the border in 1990 after, "
        "according to him, the security service closed his newspaper."
    )
    found = {q.text: q.speaker.text for q in quotes}
    assert found["the actual number is closer to 15 percent"] == "the United Nations"
    assert found["the security service closed his newspaper"] == "him"


def test_a_report_inside_a_report_is_the_outer_speakers_account() -> None:
    quotes = _quotes(
        "Foreign Minister Sergei Lavrov said Washington claimed that the new missiles were "
        "purely defensive."
    )
    # One attribution: Lavrov's account of Washington's claim, not a quotation of Washington.
    assert [(q.speaker.name, q.text) for q in quotes] == [
        ("Sergey Lavrov", "Washington claimed that the new missiles were purely defensive")
    ]


def test_a_report_inside_a_quotation_is_kept_only_when_it_names_its_speaker() -> None:
    quotes = _quotes(
        "Kremlin spokesman Dmitry Peskov spoke on Monday. “He told us the talks would go on "
        "until May,” Peskov said. “Sergei Lavrov stressed that the crisis does not rest with "
        "Moscow,” the ministry said."
    )
    indirect = [(q.speaker.name, q.text) for q in quotes if q.kind == "indirect"]
    # "He told us…" inside Peskov's words is Peskov's account; a named minister's report
    # quoted by the ministry is the minister's.
    assert indirect == [("Sergey Lavrov", "the crisis does not rest with Moscow")]


def test_a_quotation_continued_after_a_long_attribution_is_one() -> None:
    quotes = _quotes(
        "“It was very nice,” Foreign Minister Sergei Lavrov told Reuters in a rare interview in "
        "Geneva when asked if he had met the envoy, who leads the talks. “He was very charming.”"
        "\n\n“We are ready,” Lavrov said.\n\nAccording to Ned Price, “the talks are over.”"
    )
    found = [(q.text, q.speaker.name) for q in quotes]
    assert ("It was very nice, He was very charming.", "Sergey Lavrov") in found
    # Another speaker's attribution in between starts a quotation of its own.
    assert ("the talks are over.", "Ned Price") in found


def test_transcript_lines_in_the_body_are_their_speakers() -> None:
    quotes = _quotes(
        "Foreign Minister Sergei Lavrov spoke to Ned Price on Monday.\n\n"
        "Lavrov: Well, nobody is asking for guarantees we cannot give.\n\n"
        "Related: Moscow and Washington trade barbs.\n\n"
        '"Ned Price: We are ready to meet at any level."'
    )
    found = {q.text: (q.kind, q.speaker.name) for q in quotes}
    assert found["Well, nobody is asking for guarantees we cannot give."] == (
        "direct",
        "Sergey Lavrov",
    )
    assert found["Ned Price: We are ready to meet at any level."] == ("direct", "Ned Price")
    assert not any("barbs" in text for text in found)


def test_a_poll_opening_a_sentence_is_the_source_of_what_it_found() -> None:
    quotes = _quotes(
        "In a Levada Center poll released on Sunday, most Russians backed the talks with "
        "Washington. In a statement, the ministry said the talks had failed badly."
    )
    found = {q.text: q.speaker.text for q in quotes}
    assert found["most Russians backed the talks with Washington"] == (
        "a Levada Center poll released on Sunday"
    )
    # A reporting verb's own sentence is its report, not the statement's finding.
    assert found["the talks had failed badly"] == "the ministry"


def test_a_document_states_its_finding_as_an_object() -> None:
    quotes = _quotes(
        "A Levada Center poll shows Vladimir Putin with 80 percent approval. "
        "The border guard showed his passport to the officers."
    )
    found = {q.text: q.speaker.text for q in quotes}
    assert found == {"Vladimir Putin with 80 percent approval": "A Levada Center poll"}


def test_one_word_answers_and_an_unnamed_asker() -> None:
    quotes = _quotes(
        "Asked whether the sanctions had worked, 72 percent of Russians said no. "
        "Foreign Minister Sergei Lavrov said no to the proposal."
    )
    found = {q.text: (q.speaker.text, q.speaker.name) for q in quotes}
    assert found["no"] == ("72 percent of Russians", None)
    assert found["no to the proposal"] == ("Sergei Lavrov", "Sergey Lavrov")
    # Whoever asked is not named: not the people who answered.
    assert found["whether the sanctions had worked"] == (None, None)


def test_naming_without_quotation_marks_and_a_call_on_a_day() -> None:
    quotes = _quotes(
        "Foreign Minister Sergei Lavrov called the sanctions illegal. "
        "Barack Obama called Vladimir Putin on Tuesday."
    )
    found = {q.text: q.speaker.name for q in quotes}
    # A phone call "on Tuesday" is no appeal; naming something is a stance on it.
    assert found == {"the sanctions illegal": "Sergey Lavrov"}


def test_declining_to_comment_is_a_response() -> None:
    quotes = _quotes("The Kremlin declined to comment on the report.")
    assert [(q.speaker.text, q.text) for q in quotes] == [
        ("The Kremlin", "to comment on the report")
    ]


def test_words_inside_a_reported_clause_are_not_the_rest_of_the_last_quotation() -> None:
    quotes = _quotes(
        '"They are the worst machinations in politics that I\'ve ever seen," the Senate '
        'minority leader said. "It shows a lack of character in my opinion." Reid said both '
        'Rubio and Cruz are "non-entities in the Senate," but he gave the Texan a compliment.'
    )
    found = {q.text: q.kind for q in quotes}
    assert found['both Rubio and Cruz are "non-entities in the Senate,"'] == "mixed"
    assert found["It shows a lack of character in my opinion."] == "direct"


def test_a_short_term_in_a_known_speakers_clause_is_their_words() -> None:
    quotes = _quotes(
        "Senator Marco Rubio criticized the “identity politics” on display in the race.\n\n"
        "Rubio appeared on “Fox & Friends” on Monday.\n\n"
        "Analysts said such talks signal a “thaw” between the parties."
    )
    held = [q for q in quotes if "identity politics" in q.text]
    assert len(held) == 1 and held[0].kind == "mixed" and held[0].speaker.name == "Marco Rubio"
    assert held[0].text.startswith("the “identity politics”")
    # A title is no one's words, and a term in a clause of no known actor stays a term.
    assert not any("Fox & Friends" in q.text for q in quotes)
    assert not any(q.cue == "signal" for q in quotes)


def test_a_short_cry_next_to_its_attribution_is_a_quotation() -> None:
    quotes = _quotes(
        "“Who is going to pay for it?” Trump asked the crowd.\n\n"
        "“Mexico!” the audience screamed back.\n\n"
        '"Perpetual motion!" Rep. Glenn Thompson said of the convention.'
    )
    cries = {q.text: (q.cue, q.speaker.text) for q in quotes}
    assert cries["Mexico!"] == ("screamed", "the audience")
    assert cries["Perpetual motion!"] == ("said", "Glenn Thompson")


def test_a_quotation_opening_inside_a_reported_clause_does_not_continue_the_last() -> None:
    quotes = _quotes(
        'Walking in to chants of "Marco! Marco!," the senator said his campaign here was '
        '"closing really strong."\n\n'
        'In October he told a debate that voters were "sick and tired of hearing about your '
        'damn emails." On Friday, he remarked: "As I said at the first debate, there is a '
        'legal process."'
    )
    texts = {q.text: (q.kind, q.cue) for q in quotes}
    assert texts['his campaign here was "closing really strong."'] == ("mixed", "said")
    # The verb before a colon introduces the next quotation, not the one before it.
    assert texts["As I said at the first debate, there is a legal process."] == (
        "direct",
        "remarked",
    )
    assert not any(q.cue == "remarked" and "damn emails" in q.text for q in quotes)


def test_relative_pronouns_suffixed_surnames_and_subordinate_clauses_name_the_speaker() -> None:
    quotes = _quotes(
        "The tweet drew a rebuke from the German chancellor, Angela Merkel, who said: “I "
        "consider an escalation of rhetoric the wrong answer.”\n\n"
        '"She was an awesome child," said Pastor James Dorn Jr. of Mt. Triumph Baptist Church.\n\n'
        '"They were informed this morning," Dorn said.\n\n'
        "While French President Emmanuel Macron has pledged not to sign any statement that "
        "leaves out the Paris deal, others disagree."
    )
    speakers = {q.text[:12]: (q.speaker.text, q.speaker.name, q.speaker_basis) for q in quotes}
    # The pronoun as written, the person it stands for.
    assert speakers["I consider a"] == ("who", "Angela Merkel", "coreference")
    assert speakers["They were in"][2] == "named"
    assert speakers["not to sign "][1] == "Emmanuel Macron"


def test_wire_attributions_name_the_speaker_quoted_apposed_or_described() -> None:
    quotes = _quotes(
        "Putin left some room, and his spokesman, Dmitry Peskov, on Monday insisted, “Of course "
        "we are not interested in erosion.”\n\n"
        "Russian Deputy Foreign Minister Sergei Ryabkov was quoted by the RIA Novosti news agency "
        "as saying that talks were possible.\n\n"
        "The agency quoted Lavrov as saying: “We are ready for talks with Washington.”\n\n"
        "Lavrov told reporters on Monday that Moscow would respond. The minister added that "
        "Russia had been patient."
    )
    speakers = {q.text[:12]: (q.speaker.text, q.speaker.name, q.speaker_basis) for q in quotes}
    # The name in apposition, after the description a backward search could not resolve.
    assert speakers["Of course we"] == ("spokesman", "Dmitry Peskov", "named")
    # The one quoted, not the outlet quoting him.
    assert speakers["talks were p"][1] == "Sergei Ryabkov"
    assert speakers["We are ready"][1] == "Sergey Lavrov"
    # A clause with its own subject is a statement however short.
    assert speakers["Moscow would"][1] == "Sergey Lavrov"
    # "The minister": the last word of the role of the person last named.
    assert speakers["Russia had b"] == ("The minister", "Sergey Lavrov", "coreference")
    # "said so" is not a statement.
    assert not _quotes("He said so on Monday.")


def test_a_title_running_into_a_name_and_a_countrys_body_name_the_speaker() -> None:
    quotes = _quotes(
        "Treasury Secretary Steve Mnuchin said the United States would act.\n\n"
        "U.S. ambassador to the United Nations Nikki Haley said the administration was ready. "
        "“We are prepared to do more,” she told the Security Council.\n\n"
        "The Russian embassy in London said the decision was unacceptable. It also said the "
        "United Kingdom had acted rashly."
    )
    speakers = {q.text[:12]: (q.speaker.text, q.speaker.name, q.speaker_basis) for q in quotes}
    assert speakers["the administ"][1] == "Nikki Haley"
    assert speakers["We are prepa"] == ("she", "Nikki Haley", "coreference")
    assert speakers["the decision"][1:] == ("Russian embassy", "named")
    assert speakers["the United K"] == ("It", "Russian embassy", "coreference")


def test_a_quotation_paragraph_after_a_report_goes_on_with_its_speaker() -> None:
    quotes = _quotes(
        "Lavrov said Moscow would respond to the sanctions.\n\n"
        "“We will not leave this without an answer. Our patience is not unlimited.”\n\n"
        "Critics say the law is a mistake.\n\n"
        "“It will hurt the very people it claims to protect.”\n\n"
        "“STOP THE WAR NOW”"
    )
    speakers = {q.text[:12]: (q.speaker.name, q.speaker_basis) for q in quotes}
    assert speakers["We will not "] == ("Sergey Lavrov", "coreference")
    # "Critics" are nobody the article names; a subhead in capitals is nobody's.
    assert speakers["It will hurt"] == (None, "unresolved")
    assert speakers["STOP THE WAR"] == (None, "unresolved")


def test_a_statement_or_report_is_its_authors() -> None:
    quotes = _quotes(
        "A statement from the Russian foreign ministry said the move was illegal.\n\n"
        "According to a report by Human Rights Watch, the strikes killed dozens of civilians."
    )
    speakers = {q.text[:12]: (q.speaker.text, q.speaker.name, q.speaker_basis) for q in quotes}
    # The words as written; the author named.
    assert speakers["the move was"] == (
        "A statement from the Russian foreign ministry",
        "Russian foreign ministry",
        "named",
    )
    assert speakers["the strikes "][1:] == ("Human Rights Watch", "named")


def test_surname_first_names_and_pronouns_outside_the_quotation() -> None:
    quotes = _quotes(
        "Chinese Foreign Ministry spokesman Geng Shuang said Beijing opposed any deployment. "
        "Geng said China had no intention of joining the talks.\n\n"
        "Obama thanked President Medvedev for the cooperation.\n\n"
        "“In this work I could not even wish a better partner than Dmitry, who helps to "
        "strengthen our relationship,” he said."
    )
    speakers = {q.text[:12]: (q.speaker.text, q.speaker.name) for q in quotes}
    assert speakers["China had no"] == ("Geng", "Geng Shuang")
    # "he" is the one who thanked, not the "Dmitry, who helps" inside the quotation.
    assert speakers["In this work"] == ("he", "Barack Obama")


def test_he_is_the_last_sentences_main_subject_not_one_in_a_clause_inside_it() -> None:
    quotes = _quotes(
        "Gen. Mark Milley, chairman of the Joint Chiefs of Staff, spoke on Wednesday.\n\n"
        "Milley insisted that the intelligence on which President Donald Trump based his "
        "decision called for urgent action.\n\n"
        "“I’ll stand by the intelligence I saw,” he said."
    )
    speakers = {q.text[:12]: q.speaker.name for q in quotes}
    assert speakers["I’ll stand b"] == "Mark Milley"


def test_she_is_not_a_man_named_just_before() -> None:
    quotes = _quotes(
        "“The legal default now is that the United Kingdom is due to leave on April 12,” Prime "
        "Minister Theresa May said.\n\n"
        "National Security Adviser John Bolton said Washington supported Britain.\n\n"
        "She cautioned that any further delay would probably be a long one."
    )
    speakers = {q.text[:12]: q.speaker.name for q in quotes}
    assert speakers["any further "] == "Theresa May"


def test_spokesmen_statements_and_titles_with_stops_name_the_speaker() -> None:
    quotes = _quotes(
        "“In all likelihood they used sarin gas,” Brig. Gen. Itai Brun said.\n\n"
        "A Hamas spokesman said the offer was an insult. A spokesman for the Russian Foreign "
        "Ministry said the talks had failed.\n\n"
        "The White House issued a statement on Saturday condemning the attack. “This is a "
        "despicable act of terrorism,” the statement said.\n\n"
        "“Back channels are a form of secret diplomacy,” according to Peter Kornbluh, a "
        "researcher.\n\n"
        "Protesters heard words from former President Barack Obama, who said their demands "
        "mark a new era."
    )
    speakers = {q.text[:12]: (q.speaker.text, q.speaker.name, q.speaker_basis) for q in quotes}
    # "Brig." no longer ends a sentence and cuts the name off its verb.
    assert speakers["In all likel"][1] == "Itai Brun"
    # A spokesman's words are the body's he speaks for: a press officer is not always the
    # spokesperson, so "a spokesman" names no one person.
    assert speakers["the offer wa"] == ("A Hamas spokesman", "Hamas", "role")
    assert speakers["the talks ha"][1:] == ("Russian Foreign Ministry", "role")
    # "The statement" is the one the article last said someone issued.
    assert speakers["This is a de"] == ("the statement", "United States", "coreference")
    assert speakers["Back channel"][1] == "Peter Kornbluh"
    # "who" follows the name even where the parser hung the clause on "words".
    assert speakers["their demand"] == ("who", "Barack Obama", "coreference")


def test_speakers_the_tagger_missed_are_named() -> None:
    quotes = _quotes(
        "Users said they had deleted their Facebook accounts in protest.\n\n"
        "Facebook said it would take legal action. Studies show prices rose.\n\n"
        "May told the House of Commons that Britain would leave."
    )
    speakers = {q.text[:12]: (q.speaker.text, q.speaker.name) for q in quotes}
    assert speakers["it would tak"] == ("Facebook", "Facebook")
    # A capital that only opens a sentence is no name.
    assert speakers["prices rose"] == ("Studies", None)
    # "May" is a month to the tagger, and the prime minister of the article's day.
    assert speakers["Britain woul"] == ("May", "Theresa May")


def test_a_term_after_an_article_is_a_known_speakers_words_not_the_writers() -> None:
    quotes = _quotes(
        "Bernie Sanders once again pledged a “political revolution” in his speech.\n\n"
        "Analysts asked whether the talks signal a “thaw” between the two countries."
    )
    texts = [q.text for q in quotes]
    assert [t for t in texts if t.startswith("a “political revolution”")]
    # The talks are no one who speaks: "thaw" is the writer's term.
    assert not [t for t in texts if "thaw" in t and "“" in t and t.startswith("a")]


def test_a_labelled_line_in_marks_is_one_quotation_with_its_speaker() -> None:
    quotes = _quotes(
        "Donald Trump and Hillary Clinton debated on Sunday.\n\n"
        "TRUMP: “I don’t like Assad at all. But Assad is killing ISIS.”\n\n"
        "THE FACTS: Only partially true.\n\n"
        "An Israeli military spokesman said the strike had hit its target."
    )
    assert [(q.text[:12], q.speaker.name) for q in quotes] == [
        ("I don’t like", "Donald Trump"),
        ("the strike h", "Israel"),
    ]


def test_a_clause_ending_in_a_colon_introduces_its_subjects_quotation() -> None:
    quotes = _quotes(
        "1. RUSSIAN PRESIDENT APPROACHING MEDIA, REPORTER ASKING: “What do you think?”\n\n"
        "The rules are vague and hard to enforce.\n\n"
        "Foreign Secretary Boris Johnson made the limits of action clear: “UK businesses may "
        "wish to consider the implications.”"
    )
    speakers = {q.text[:12]: q.speaker.name for q in quotes}
    assert speakers["UK businesse"] == "Boris Johnson"
    assert speakers["What do you "] is None
    # A statement "which said…" is its issuer's.
    issued = _quotes("Iran's foreign ministry issued a statement which said the talks had failed.")
    assert [(q.speaker.text, q.speaker.country) for q in issued] == [("which", "IRN")]


def test_a_mixed_quote_ends_before_an_aside_after_its_quotation() -> None:
    quotes = _quotes(
        "Donald Trump later said he was being “sarcastic” in his comments, which raised "
        "concerns among intelligence experts.\n\n"
        "Bernie Sanders had previously said, “We’ll see,” when asked whether he would help."
    )
    texts = [q.text for q in quotes]
    assert "he was being “sarcastic” in his comments" in texts
    assert "“We’ll see,”" in texts


def test_a_countrys_broadcaster_and_it_after_a_quoted_statement() -> None:
    quotes = _quotes(
        "Iranian television said the strike had hit its targets.\n\n"
        "Iran's foreign ministry said in a statement: “The attack was a crime against our "
        "people.\n\n"
        "“It put lives at risk. We will respond.”\n\n"
        "It called the attack an “outrageous violation of international law”."
    )
    speakers = {q.text[:12]: (q.speaker.text, q.speaker.country) for q in quotes}
    assert speakers["the strike h"] == ("Iranian television", "IRN")
    # The quoted paragraphs between the statement and "It" are its words, not the writer's.
    assert speakers["the attack a"] == ("It", "IRN")


def test_a_speaker_the_parse_hung_on_the_clause_before_the_comma() -> None:
    quotes = _quotes(
        "Fighting went on in the north on Sunday.\n\n"
        "The reported strikes killed 42 Syrian soldiers, the opposition Syrian Observatory for "
        "Human Rights said Monday, citing medical sources. It said 100 people remained missing."
    )
    speakers = {q.text: (q.speaker.text, q.speaker.name) for q in quotes}
    named = ("Observatory for Human Rights", "Observatory for Human Rights")
    # The clause ends at the comma, not at the end of the speaker's name.
    assert speakers["The reported strikes killed 42 Syrian soldiers"] == named
    assert speakers["100 people remained missing"] == ("It", named[1])


def test_a_statement_introduced_on_the_line_before_and_one_after_a_report() -> None:
    quotes = _quotes(
        "Diplomats met in Kiev on Friday.\n\n"
        "German Foreign Minister Frank-Walter Steinmeier issued a statement following the "
        "signing:\n\n"
        "“The Foreign Ministers of France, Germany and Poland welcome the agreement.”\n\n"
        "In a statement on Monday, Paul Manafort denied that he had received any payments in "
        "Ukraine. “The simplest answer is the truth: I am a campaign professional.”\n\n"
        "Protesters said the deal came too late. “Thaw” was a word heard often."
    )
    speakers = {q.text[:12]: (q.speaker.name, q.speaker_basis) for q in quotes}
    assert speakers["The Foreign "] == ("Frank-Walter Steinmeier", "named")
    assert speakers["The simplest"] == ("Paul Manafort", "coreference")
    assert "Thaw" not in speakers


def test_a_verb_in_the_speakers_description_or_an_impersonal_one_reports_nothing() -> None:
    quotes = _quotes(
        "Scientists met in Geneva on Monday.\n\n"
        "“As a person, it’s pretty scary,” Koko Warner, a manager in the U.N. Climate Change "
        "secretariat who helped write a chapter on risk, told The Associated Press.\n\n"
        "Dmitry Peskov, a spokesman for Russian President Vladimir Putin, told ABC that it is "
        "“slander” to say that Russia interfered in “domestic affairs of the United States.”\n\n"
        "Frontline, the firm that operates the Front Altair, said an explosion caused the fire. "
        "Its crew of 23 was safely evacuated, it said."
    )
    speakers = {q.text[:12]: (q.speaker.name, q.cue) for q in quotes}
    assert speakers["As a person,"] == ("Koko Warner", "told")
    # The quoted words are Peskov's, inside his report, not a saying of "it".
    assert [q.speaker.name for q in quotes if "domestic affairs" in q.text] == ["Dmitry Peskov"]
    assert speakers["an explosion"] == ("Frontline", "said")
    assert speakers["Its crew of "] == ("Frontline", "said")


def test_the_name_beside_a_title_is_the_speaker_over_the_roles_holder() -> None:
    quotes = _quotes(
        "Talks on Brexit resumed on Monday.\n\n"
        "The EU's chief negotiator Michel Barnier said the deal was close. Britain's top "
        "diplomat, Dominic Raab, said talks would go on."
    )
    speakers = {q.text: (q.speaker.name, q.speaker_basis) for q in quotes}
    assert speakers["the deal was close"] == ("Michel Barnier", "named")
    # On this date the knowledge base's foreign secretary is Boris Johnson; the article names
    # someone else beside the title, and the article wins.
    assert speakers["talks would go on"] == ("Dominic Raab", "named")


def test_a_name_after_a_titles_complement_and_no_speaker_from_a_stop_word() -> None:
    quotes = _quotes(
        "The council met on Friday.\n\n"
        "The Russian deputy envoy to the UN, Vladimir Safronkov, called the strike a "
        "“provocation” which would only encourage those seeking a military solution.\n\n"
        "But the bill died when Freedom Caucus leader MORE (R-Ohio) refused to bring a companion "
        "measure to the floor."
    )
    speakers = {q.text[:12]: (q.speaker.name, q.speaker_basis) for q in quotes}
    assert speakers["the strike a"] == ("Vladimir Safronkov", "named")
    # "MORE", a link the scraper left, tagged as a person: nobody.
    assert speakers["to bring a c"] == (None, "unresolved")


def test_a_title_subject_is_the_name_it_ends_in_and_not_whom_it_works_for() -> None:
    quotes = _quotes(
        "Ministers met in Vienna on Tuesday.\n\n"
        "Minister of Foreign Affairs Sergei Lavrov told reporters the talks were useful. "
        "Special envoy to Ukraine Kurt Weller told reporters the ceasefire held. "
        "Mayor of Rotterdam Ahmed Bakker said the port stayed open.\n\n"
        "A spokeswoman for Sen. Jeff Flake said the vote was delayed. "
        "A lawyer for Michael Cohen said the filing was late."
    )
    speakers = {q.text[:12]: (q.speaker.name, q.speaker.country) for q in quotes}
    assert speakers["the talks we"] == ("Sergey Lavrov", "RUS")
    # Where an envoy is sent is not where he is from.
    assert speakers["the ceasefir"] == ("Kurt Weller", None)
    assert speakers["the port sta"] == ("Ahmed Bakker", None)
    # Whom a spokeswoman or a lawyer works for did not say it: the spokeswoman speaks for the
    # senator (a role), the lawyer for no one the rules name.
    bases = {q.text[:12]: (q.speaker.text, q.speaker_basis) for q in quotes}
    assert bases["the vote was"] == ("A spokeswoman", "role")
    assert speakers["the filing w"] == (None, None)


def test_a_spokesman_for_a_named_person_speaks_for_them() -> None:
    quotes = _quotes(
        "The mayor toured the docks on Monday.\n\n"
        "Sadiq Khan, the mayor of London, opened a bridge. A spokesman for Mr Khan said the "
        "bridge had cost less than planned. A spokeswoman for the Dutch state secretary said "
        "the talks would resume.\n\n"
        "Rebel spokesman Abu Hamza al-Rashidi said the fighters had withdrawn."
    )
    speakers = {q.text[:12]: (q.speaker.text, q.speaker.name, q.speaker_basis) for q in quotes}
    assert speakers["the bridge h"] == ("A spokesman", "Sadiq Khan", "role")
    # A description the article fills with no one it names is not guessed at.
    assert speakers["the talks wo"][1:] == (None, "unresolved")
    # "Abu" begins a name without being its given name.
    assert speakers["the fighters"][1] == "Abu Hamza al-Rashidi"


def test_the_statement_and_the_report_go_back_to_their_authors() -> None:
    quotes = _quotes(
        "Border guards clashed overnight.\n\n"
        "In a statement, the Indian army said on Tuesday that four soldiers had died.\n\n"
        "The clashes began after a patrol crossed the line. Both sides sent reinforcements. "
        "Villagers fled to the hills. Shops stayed shut. Schools closed for the week.\n\n"
        "The soldiers died at the stand-off location, the statement said.\n\n"
        "Both armies have pulled back, the statement said.\n\n"
        "Israel Radio said the delegation had not left. The report said the talks were "
        "delayed. The Digital News Report 2018 said trust in news was falling."
    )
    speakers = {q.text[:12]: (q.speaker.name, q.speaker_basis) for q in quotes}
    # Further back than three sentences, and through an earlier "the statement said".
    assert speakers["The soldiers"] == ("Indian army", "coreference")
    assert speakers["Both armies "] == ("Indian army", "coreference")
    # A report the article never spoke of is the one the body in the sentence before made.
    assert speakers["the talks we"][1] == "coreference"
    # A report with a name of its own is no earlier report.
    assert speakers["trust in new"][1] != "coreference"


def test_quotation_boundaries_a_reader_would_draw() -> None:
    quotes = _quotes(
        "The minister spoke at length.\n\n"
        "“Still awake?” she said, but Ken was drifting off again, and as Trump went on about "
        "“how the system is rigged,” and “forgotten families,” the crowd roared.\n\n"
        '"Ana Ruiz thought the plan was doomed. She was tired, not angry.\n\n'
        "“It never occurred to me that we could lose,” she said later.\n\n"
        'The party rolled out a new slogan: "We are back."\n\n'
        "According to opposition leader Ana Ruiz, the decree smacks of “panic” and haste.\n\n"
        'Ruiz also said the figures were "incomplete" and that the ministry had not shown '
        "whether the money was spent.\n\n"
        "“Keep your hands in sight,” the singer sings to the crowd."
    )
    texts = [q.text for q in quotes]
    # Someone else's words after a report that runs on are not the rest of the first quotation.
    assert "Still awake?" in texts
    # A paragraph the outlet opened with a straight mark and never closed is not continued by
    # one that opens with a curly mark.
    assert "It never occurred to me that we could lose," in texts
    # A short sentence a colon introduces is a quotation.
    assert "We are back." in texts
    by_text = {q.text: q for q in quotes}
    # "According to X, …" with X's title in front, and a second "that" clause of one verb.
    assert any(q.speaker.text == "Ana Ruiz" and "smacks of" in q.text for q in quotes)
    assert any("and that the ministry had not shown" in q.text for q in quotes)
    # Sung words.
    assert by_text["Keep your hands in sight,"].cue == "sings"


def test_a_that_clause_parsed_as_an_adverbial_is_what_was_said() -> None:
    quotes = _quotes(
        "The minister spoke at length.\n\n"
        "Trump tweeted in the early morning hours that Kasich was “disgusting” and “a con” and "
        "encouraged Americans to “check out” her old videos."
    )
    found = {q.text: (q.kind, q.speaker.name) for q in quotes}
    assert found["Kasich was “disgusting” and “a con”"] == ("mixed", "Donald Trump")


def test_a_stance_verbs_preposition_carries_a_long_quotation_and_repeat_reports() -> None:
    quotes = _quotes(
        "Prices rose again in March.\n\n"
        "Sergey Lavrov, Russia's foreign minister, blamed the new tariffs on “hostile forces that "
        "are pushing Brussels toward a trade war” — not the European Commission as a whole.\n\n"
        'In a Tuesday interview with NBC, Hillary Clinton repeated that Assad had "blood on his '
        'hands" and "was a danger to the whole region."'
    )
    found = {q.text[:15]: (q.speaker.name, q.cue) for q in quotes}
    assert found["the new tariffs"] == ("Sergey Lavrov", "blamed")
    # Not Assad, whose verb holds the words: Clinton repeated them.
    assert found['Assad had "bloo'] == ("Hillary Clinton", "repeated")


def test_curly_apostrophes_read_as_the_model_was_taught() -> None:
    quotes = _quotes(
        "Officials met in Cairo.\n\n"
        "Israel TV’s Channel 10 said the delegation had not yet left for the talks."
    )
    assert [(q.speaker.text, q.speaker_basis) for q in quotes] == [("Channel 10", "named")]


def test_who_after_a_place_is_not_the_place() -> None:
    text = (
        "The strike was also bitterly opposed by the major aid organizations working in Somalia, "
        "who warned that millions were on the verge of hunger."
    )
    assert [(q.speaker.text, q.speaker.country) for q in _quotes(text)] == [("who", None)]
