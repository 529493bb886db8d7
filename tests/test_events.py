from __future__ import annotations

import datetime as dt

from parley.events import ontology, when
from parley.pipeline import code_articles
from parley.records import Article, CodedArticle, Event


def test_ontology_codes_carry_goldstein_quad_class_and_plover() -> None:
    meet = ontology.lookup("036")
    assert meet.plover.type == "AGREE" and meet.quad_class == 1
    assert ontology.lookup("010").plover.type is None
    assert ontology.lookup("190").quad_class == 4
    assert ontology.lookup("0999").code == "099" or ontology.lookup("0999").code.startswith("09")


def test_relative_dates_resolve_against_the_article_date() -> None:
    friday = when.AnchorDate(dt.date(2013, 5, 24), 2013, 5, 24, "test")
    assert when.resolve("handed over a letter on Wednesday", friday).date == "2013-05-22"
    assert when.resolve("Ushakov said last month it", friday).date == "2013-04"
    assert when.resolve("at the summit in November 2010", friday).date == "2010-11"
    no_year = when.AnchorDate(None, None, 7, 16, "dateline")
    assert when.resolve("Putin said on June 19 at the forum", no_year).date == "--06-19"
    unknown = when.resolve("during their Wednesday's telephone conversation", no_year)
    assert unknown is not None and unknown.date is None


def test_negated_discussion_is_never_asserted(seeds: dict[str, CodedArticle]) -> None:
    events = seeds["000_01fe71c477fb3836"].events
    for e in events:
        if e.plover.type == "CONSULT" and any("missile" in i for i in e.issues):
            assert e.negated


def test_headings_carry_no_events(seeds: dict[str, CodedArticle]) -> None:
    for item in seeds.values():
        for h in item.article.headings:
            assert not any(e.start < h.end and h.start < e.end for e in item.events)


def test_intent_to_meet_is_dated_when_it_was_said(seeds: dict[str, CodedArticle]) -> None:
    events = seeds["003_e7aabe6b07c08349"].events
    intents = [e for e in events if e.cameo == "036" and e.source.country == "RUS"]
    assert any(e.date == "2013-05-24" for e in intents)


def _events(text: str) -> list[Event]:
    items = code_articles([Article(id="t", text=text, published="2004-05-10")])
    return [e for item in items if isinstance(item, CodedArticle) for e in item.events]


def test_what_a_speaker_says_another_must_do_is_a_demand() -> None:
    events = _events("Russia said on Tuesday that Sudan must return the helicopter.")
    demands = [e for e in events if e.plover.type == "REQUEST"]
    assert [(e.cameo, e.source.country, e.target.country) for e in demands] == [
        ("100", "RUS", "SDN")
    ]
    assert not demands[0].negated and demands[0].modality == "asserted"


def test_would_in_a_report_is_an_intention_and_would_not_a_refusal() -> None:
    intent = _events("Iraq said it would allow the return of U.N. weapons inspectors.")
    assert any(e.plover.type == "AGREE" and e.modality == "future" for e in intent)
    refusal = _events("Syria said it would not accept any more refugees from Iraq.")
    rejects = [e for e in refusal if e.plover.type == "REJECT"]
    assert rejects and not rejects[0].negated
    assert not any(e.plover.type in ("AGREE", "AID") for e in refusal)


def test_speaking_to_someone_at_a_summit_is_also_a_meeting() -> None:
    events = _events(
        "President Medvedev told President Obama at a nuclear security summit in Seoul."
    )
    met = [e for e in events if e.cameo == "040"]
    assert [(e.source.country, e.target.country) for e in met] == [("RUS", "USA")]
    assert met[0].location is not None and met[0].location.name == "Seoul"


def test_the_plover_manual_reading_wins_where_it_departs_from_the_table() -> None:
    # PLOVER's ACCUSE "allege" covers indictments (CAMEO keeps them under 173, arrests).
    indicted = _events("Serbia indicted the rebel commander for war crimes.")
    assert [(e.cameo, e.plover.type, e.plover.mode) for e in indicted] == [
        ("173", "ACCUSE", "allege")
    ]
    arrested = _events("Serbia arrested the rebel commander.")
    assert [(e.cameo, e.plover.type) for e in arrested] == [("173", "COERCE")]
    # Lifting a curfew is a verbal concession in PLOVER (the manual's CONCEDE), not a retreat.
    lifted = _events("Serbia lifted a night curfew in Montenegro.")
    assert [(e.cameo, e.plover.type) for e in lifted] == [("0813", "CONCEDE")]


def test_they_after_a_group_is_the_group() -> None:
    events = _events("The Fijian rebels said they will release Prime Minister Mahendra Chaudhry.")
    released = [e for e in events if e.plover.type == "AGREE"]
    assert [(e.cameo, e.source.text, e.source.country, e.modality) for e in released] == [
        ("035", "they", "FJI", "future")
    ]
    assert released[0].source.actor_id == events[0].source.actor_id


def test_a_sentence_misparsed_as_a_noun_phrase_keeps_its_subject() -> None:
    # The model reads "donated" as a modifier of "groups", leaving the sentence without a verb.
    events = _events(
        "Doctors from two American aid groups donated and personally delivered $50,000 worth "
        "of goods to Baghdad University Medical School."
    )
    assert ("070", "Doctors") in [(e.cameo, e.source.text) for e in events]


def test_two_events_coded_at_one_word_have_their_own_ids() -> None:
    # "insists" is a demand of its own, and the clause's "should" an appeal coded at it too.
    events = _events("Russia insists that Ukraine should withdraw its troops from the border.")
    assert len({e.cameo for e in events}) >= 2
    assert len({e.id for e in events}) == len(events)


def test_resignation_is_a_plover_retreat() -> None:
    events = _events("Georgian President Eduard Shevardnadze resigned on Sunday.")
    assert [(e.cameo, e.plover.type, e.plover.mode) for e in events] == [
        ("0831", "RETREAT", "resign")
    ]


def test_an_act_announced_on_a_condition_is_a_threat_or_a_promise() -> None:
    events = _events(
        "The European Community may halt mediation efforts among the republics if the fighting "
        "goes on. The Umma party said it will boycott the elections unless the president resigns."
    )
    types = {(e.cameo, e.plover.type) for e in events}
    assert ("131", "THREATEN") in types and ("133", "THREATEN") in types


def test_participles_standing_as_nouns_are_no_acts() -> None:
    events = _events("U.N. helicopters evacuated the wounded from the besieged town of Gorazde.")
    assert [(e.cameo, e.plover.type) for e in events] == [("073", "AID")]


def test_subjects_of_participles_and_misparsed_clauses() -> None:
    events = _events("Liberian riot police used tear gas to disperse demonstrators protesting.")
    assert ("140", "demonstrators") in [(e.cameo, e.source.text) for e in events]
    demand = _events(
        "The Red Cross operating in Iraq said US forces must ensure security in Baghdad."
    )
    assert ("100", "The Red Cross", "USA") in [
        (e.cameo, e.source.text, e.target.country) for e in demand
    ]
    # The "to" of "to protest" is no "protest to" (an official complaint).
    rally = _events("Thousands of Nigerians marched in Lagos to protest the election.")
    assert "114" not in {e.cameo for e in rally}
    assert all(e.source.country == "NGA" for e in rally if e.source.country)


def test_plover_readings_of_sanctions_cyber_attacks_and_sworn_fights() -> None:
    sanctions = _events("President Bill Clinton imposed sanctions on the Taliban.")
    assert ("163", "SANCTION", "discontinue") in [
        (e.cameo, e.plover.type, e.plover.mode) for e in sanctions
    ]
    hacked = _events("Muslim hackers have defaced nearly 3,000 Danish Web sites.")
    assert [(e.plover.type, e.plover.mode) for e in hacked] == [("COERCE", "cyber")]
    sworn = _events("Ethnic Albanians have sworn to fight until they gain control of the villages.")
    assert ("138", "THREATEN") in [(e.cameo, e.plover.type) for e in sworn]


def test_the_two_leaders_of_a_call_discuss_in_that_call() -> None:
    events = _events(
        "Vladimir Putin and Barack Obama held a telephone conversation on Wednesday. "
        "The two leaders discussed the Iranian nuclear programme."
    )
    calls = [e for e in events if e.cameo == "041"]
    assert {(e.source.name, e.target.name) for e in calls} == {("Vladimir Putin", "Barack Obama")}
    assert any("Iran nuclear programme" in e.issues for e in calls)


def test_a_reported_denial_of_an_outcome_is_a_pessimistic_comment() -> None:
    events = _events(
        "The border dispute between Armenia and Azerbaijan will not be settled soon, Armenia's "
        "foreign minister said on Monday."
    )
    gloomy = [e for e in events if e.cameo == "012"]
    assert [(e.source.country, e.target.country, e.plover.type) for e in gloomy] == [
        ("ARM", "AZE", None)
    ]
    # Saying it will be settled is no pessimism.
    hopeful = _events("The dispute will be settled soon, Armenia's foreign minister said.")
    assert "012" not in {e.cameo for e in hopeful}


def test_placing_responsibility_on_a_party_accuses_it() -> None:
    placed = _events(
        "Russia's foreign minister said responsibility for the violence lies with Kyiv."
    )
    assert ("112", "RUS", "UKR", False) in [
        (e.cameo, e.source.country, e.target.country, e.negated) for e in placed
    ]
    denied = _events(
        "Iran's foreign minister said responsibility for the crisis in relations with London "
        "does not rest with Tehran."
    )
    assert ("112", "IRN", "GBR", False) in [
        (e.cameo, e.source.country, e.target.country, e.negated) for e in denied
    ]


def test_an_unnamed_ambassador_is_not_the_one_the_knowledge_base_knows() -> None:
    events = _events("Poland's foreign ministry summoned the Russian ambassador on Thursday.")
    assert [(e.cameo, e.source.country, e.target.country, e.target.actor_id) for e in events] == [
        ("114", "POL", "RUS", None)
    ]


def test_what_a_negated_verb_does_seek_is_affirmed_and_the_speaker_demands_it() -> None:
    events = _events(
        "Presidential chief of staff Sergei Ivanov reiterated Russia's position on missile "
        "defense, stressing Moscow does not seek an advantage, merely legal guarantees "
        "regarding its security."
    )
    demands = [e for e in events if e.cameo.startswith("10")]
    # "not an advantage, merely legal guarantees": the guarantees are sought; and Moscow's
    # demand is voiced by Ivanov, the speaker.
    assert [(e.negated, e.source.name) for e in demands] == [(False, "Sergei Ivanov")]


def test_the_target_is_reached_through_what_the_act_acts_with_or_on() -> None:
    def dyads(text: str) -> set[tuple[str | None, str | None]]:
        return {(e.source.country, e.target.country) for e in _events(text)}

    assert ("USA", "AFG") in dyads(
        "President Bill Clinton has imposed sanctions on the Taliban that control Afghanistan."
    )
    assert ("GBR", "MOZ") in dyads(
        "British Defence Secretary Tom King has promised to continue military aid to Mozambique."
    )
    # Talks "on" something are about it, not with it.
    assert ("RUS", "SYR") not in dyads("Sergei Lavrov held talks on Syria on Monday.")
    # A force used or eased in a country, with no one else named, is used on that country;
    # a meeting there is not with it.
    assert ("SRB", "MNE") in dyads("Serbia lifted a night curfew in Montenegro on Sunday.")
    assert ("RUS", "KOR") not in dyads("Russia and the United States met in South Korea.")
    # The one a demand is made of is the demanded clause's subject, not its object.
    assert ("PSE", "USA") in dyads(
        "Palestinian officials demanded Friday that the United States match the European "
        "Union's support for Palestinian statehood."
    )


def test_an_agentless_passive_is_done_to_its_subject() -> None:
    killed = [
        e for e in _events("Three US servicemen were killed in Basra.") if e.cameo[:2] == "19"
    ]
    assert killed and all(e.source.country is None for e in killed)
    assert {e.target.country for e in killed} == {"USA"}
    # Passive in form only: a stance is its subject's own.
    opposed = _events("Israel is opposed to French mediation in peace negotiations with Syria.")
    assert any(e.source.country == "ISR" and e.cameo.startswith("12") for e in opposed)


def test_readiness_to_coerce_is_a_threat_not_cooperation() -> None:
    codes = {
        e.cameo for e in _events("Iraq's interim government is prepared to impose martial law.")
    }
    assert "137" in codes and "030" not in codes
    # Readiness to cooperate keeps its intent (PLOVER AGREE).
    assert "030" in {e.cameo for e in _events("Russia is ready to cooperate with NATO.")}


def test_crowds_rallying_are_protests_by_people_of_where_they_act() -> None:
    events = _events("Thousands of protesters rallied in Hong Kong against the extradition bill.")
    rally = next(e for e in events if e.cameo == "141")  # not 113, rallying others
    assert rally.source.country == "HKG"
    # A place, not "in defiance of…" or "more stock in Vladimir Putin".
    events = _events("Hundreds of people blocked streets in defiance of Chinese authorities.")
    assert all(e.source.country is None for e in events)
    events = _events("Gunmen opened fire on a bus in Kabul, killing five.")
    assert any(e.source.country == "AFG" for e in events)


def test_a_verb_inside_anothers_pattern_is_no_event_of_its_own() -> None:
    codes = [e.cameo for e in _events("The ministry declined to provide details of the talks.")]
    assert codes == ["011"]  # not also 070, providing aid
    threat = _events("Israel threatened to ban voting in East Jerusalem if Hamas ran.")
    # One threat, and the place where the ban would fall is its target.
    assert [(e.cameo, e.target.country) for e in threat] == [("132", "PSE")]


def test_what_a_demand_or_appeal_asks_for_is_not_an_event() -> None:
    events = _events(
        "Opposition groups in Zimbabwe are demanding that President Mugabe abandon his policy."
    )
    assert [e.cameo for e in events] == ["100"]  # no concession by Mugabe
    events = _events("The United States urged North Korea to return to the negotiating table.")
    assert [e.cameo for e in events] == ["020"]  # no talks held


def test_a_counted_noun_keeps_its_compound_for_the_pattern() -> None:
    events = _events("French and Egyptian warships launched 10 days of war games in the sea.")
    assert "062" in {e.cameo for e in events}  # "launch war game": military cooperation


def test_the_target_inside_the_object_and_the_place_visited() -> None:
    def coded(text: str) -> set[tuple[str, str | None, str | None]]:
        return {(e.cameo, e.source.country, e.target.country) for e in _events(text)}

    # Whose suppression is denounced, whose programme suspended.
    assert ("111", "ALB", "SRB") in coded(
        "Albania on Friday denounced as an ugly crime Serbia's suppression of ethnic Albanian "
        "unrest in Montenegro."
    )
    assert ("162", "USA", "BIH") in coded(
        "The United States suspended part of a military aid program for Bosnia aimed at "
        "bringing forces together."
    )
    # "its military sweep" is the doer's own: the resolution's council is the one vetoed.
    vetoed = _events(
        "The United States on Wednesday vetoed a Security Council resolution censuring its "
        "military sweep."
    )
    assert [e.target.text for e in vetoed if e.cameo == "129"] == ["Security Council"]
    # A visit to a city is a visit to its country.
    assert ("042", "IRQ", "JOR") in coded("Iraqi President Saddam Hussein arrived in Amman.")


def test_a_protest_is_aimed_at_whom_its_purpose_names() -> None:
    events = _events(
        "Islamic fundamentalists continued their hunger strike to demand the resignation of "
        "Algerian President Ahmed Ben Bella. Young Algerians blocked roads on Sunday to press "
        "their demands for greater freedom from President Bouteflika's government."
    )
    protests = [(e.cameo, e.target.country) for e in events if e.plover.type == "PROTEST"]
    # Each protest once, with its target (not again without one).
    assert sorted(protests) == [("142", "DZA"), ("144", "DZA")]


def test_a_protest_is_against_whom_it_protests_not_where() -> None:
    def targets(text: str) -> list[str | None]:
        return [e.target.text for e in _events(text) if e.plover.type == "PROTEST"]

    assert targets(
        "Salaheddine Sidhoum staged a hunger strike in prison on Sunday in protest against the "
        "human rights violations by Algerian security forces."
    ) == ["Algerian security forces"]
    assert targets(
        "Algerian landowners began a hunger strike to demand the return of property seized by "
        "Algerian government forces."
    ) == ["Algerian government forces"]


def test_who_is_asked_threatened_or_mediated_between() -> None:
    def coded(text: str) -> set[tuple[str, str | None, str | None]]:
        return {(e.cameo[:2], e.source.country, e.target.country) for e in _events(text)}

    # The demand hangs off a document or a noun; the one asked is the clause's subject.
    assert ("10", "SOM", "KEN") in coded(
        "Somali rebels issued a declaration demanding that the Kenyan government release the "
        "prisoners."
    )
    assert ("10", "FRA", "IRN") in coded(
        "France repeated its demand on Monday that Iran free the detained researchers."
    )
    # What is demanded has not happened: no release coded.
    assert {
        c for c, _, _ in coded("France repeated its demand that Iran free the researchers.")
    } == {"10"}
    # The one threatened is the one the condition asks to act.
    assert ("13", "PRK", "USA") in coded(
        "North Korea threatened to resume missile tests unless the United States lifted its "
        "sanctions."
    )
    # A mediator acts between the parties.
    assert {
        t
        for c, _, t in coded(
            "Norway launched a mediation effort between Sri Lanka and the Tamil Tigers."
        )
        if c == "04"
    } >= {"LKA"}


def test_acts_at_a_spot_in_a_country_and_strikes_in_protest_of() -> None:
    def coded(text: str) -> set[tuple[str, str | None]]:
        return {(e.cameo[:2], e.target.country) for e in _events(text)}

    assert ("14", "IRN") in coded("Afghan inmates rioted on Friday at a prison in western Iran.")
    assert ("18", "NGA") in coded("Militants set off a bomb at a market in northern Nigeria.")
    assert ("18", "AFG") in coded("Militants set off two bombs in the capital Kabul on Monday.")
    assert ("14", "CHN") in coded(
        "Tibetan exiles began a hunger strike in protest of the Chinese government's crackdown."
    )


def test_what_an_offer_or_invitation_is_for_has_not_happened() -> None:
    def roots(text: str) -> set[str]:
        return {e.cameo[:2] for e in _events(text)}

    # No summit hosted, no deal hammered out (nor an attack "hammered"): only the rejection.
    assert roots("Iran rejected a Russian offer to host a summit to hammer out a deal.") == {"12"}
    assert roots("The rebels rejected an invitation to attend a peace conference in Geneva.") == {
        "12"
    }
    # A right to demand is no demand.
    assert roots(
        "Only the Syrian people have the right to demand the president's resignation."
    ) == (set())
    # Accepting a proposal is agreeing to it; the talks proposed are not held.
    assert roots("Syria accepted a Turkish proposal to hold talks with the rebels.") == {"03"}


def test_an_act_refused_or_failed_is_not_coded_beside_the_refusal() -> None:
    def roots(text: str) -> list[str]:
        return sorted(e.cameo[:2] for e in _events(text))

    # No agreement (03) beside the failure, no resignation (08) beside the refusal.
    assert roots("Greece and Turkey failed to reach an agreement on the islands.") == ["12", "12"]
    assert roots("The minister declined to resign despite pressure from the opposition.") == ["12"]
    # An invitation someone made is still theirs when another accepts it.
    invited = _events("Obama accepted an invitation from Medvedev to visit Russia.")
    assert ("036", "RUS", "USA") in {(e.cameo, e.source.country, e.target.country) for e in invited}


def test_an_event_places_an_actor_by_where_it_is_the_mention_does_not() -> None:
    items = [
        i
        for i in code_articles([Article(id="t", text="Refugees in Jordan protested on Monday.")])
        if isinstance(i, CodedArticle)
    ]
    # Refugees in Jordan are not Jordan's; their protest is coded where they are, as CAMEO does.
    assert [m.country for m in items[0].mentions if m.text == "Refugees"] == [None]
    assert [(e.cameo[:2], e.source.country) for e in items[0].events] == [("14", "JOR")]


def test_what_a_protest_is_staged_to_demand_is_its_purpose_not_a_demand() -> None:
    def roots(text: str) -> list[str]:
        return sorted(e.cameo[:2] for e in _events(text))

    assert roots("Thousands of Kenyan teachers staged demonstrations to demand higher pay.") == [
        "14"
    ]
    # A meeting demanded is not a meeting held.
    assert roots("Iran demanded a meeting of the Security Council.") == ["10"]


def test_police_act_on_people_at_home() -> None:
    events = _events("Bolivian riot police used tear gas to disperse miners on Tuesday.")
    targets = {(e.cameo[:2], e.target.text, e.target.country) for e in events if e.target.text}
    assert ("17", "miners", "BOL") in targets
    # Troops are not police: where the miners are stays unknown.
    events = _events("Bolivian troops used tear gas to disperse miners on Tuesday.")
    assert all(e.target.country is None for e in events if e.target.text)


def test_a_protest_for_independence_is_aimed_at_the_state_left() -> None:
    events = _events(
        "Thousands of Kurds demonstrated in Erbil on Sunday calling for independence from Iraq."
    )
    assert [(e.cameo[:2], e.target.country) for e in events if e.cameo[:2] == "14"] == [
        ("14", "IRQ")
    ]
    # Independence as a date is no aim.
    events = _events(
        "Students protested in Nairobi on Monday, a decade after independence from Britain."
    )
    assert all(e.target.country != "GBR" for e in events)


def test_a_protest_for_someones_removal_is_aimed_at_them() -> None:
    events = _events(
        "Protesters rioted on Sunday after a rally calling for the removal of President Nicolas "
        "Maduro from office."
    )
    assert [(e.cameo[:2], e.target.name) for e in events] == [("14", "Nicolás Maduro")]


def test_a_passive_subject_names_whom_force_was_used_on() -> None:
    events = _events("A camp for Sudanese refugees was shelled by rebel gunners on Monday.")
    assert [(e.cameo[:2], e.target.country) for e in events] == [("19", "SDN")]


def test_force_on_a_gathering_is_force_on_those_who_staged_it() -> None:
    events = _events("Kenyan police broke up a rally staged by teachers in Nairobi on Friday.")
    assert ("17", "teachers", "KEN") in {
        (e.cameo[:2], e.target.text, e.target.country) for e in events
    }


def test_protesters_nothing_places_protest_where_they_are() -> None:
    events = _events("Hundreds of prisoners rioted at a jail in Nairobi on Monday.")
    assert [(e.cameo[:2], e.source.text, e.source.country) for e in events] == [
        ("14", "Hundreds of prisoners", "KEN")
    ]


def test_whoever_is_asked_a_question_is_not_the_one_appealing() -> None:
    events = _events("Asked about the sanctions on Monday, Lavrov said the talks had been useful.")
    appeals = [e for e in events if e.cameo.startswith("02")]
    assert appeals and all(e.source.country is None for e in appeals)
    assert all(e.target.country == "RUS" for e in appeals)


def test_who_lends_a_hand_is_no_target() -> None:
    text = (
        "Kenya confirmed on Monday it would tighten the naval blockade of Somalia in the Indian "
        "Ocean with Ethiopia's help."
    )
    threats = [e for e in _events(text) if e.cameo.startswith("13")]
    assert threats and {e.target.country for e in threats} == {"SOM"}
