"""Model-backed extraction tests on sentences written for these tests (pinned to the 3.8 model)."""

from __future__ import annotations

from datetime import date

import pytest

from newskg.records import Document

pytestmark = pytest.mark.model
PUB = date(2025, 3, 14)  # a Friday


def events(extractor, text, published=PUB):
    return extractor.extract(Document("t", text, published))


def find(evs, action):
    return [e for e in evs if e.action == action]


def test_phone_call_with_titles_and_relative_date(extractor):
    evs = events(extractor, "On Tuesday, Italian Foreign Minister Antonio Tajani spoke by phone with his "
                            "Egyptian counterpart Badr Abdelatty, the Italian foreign ministry said.")
    call = find(evs, "CONSULT")
    assert call, evs
    e = call[0]
    assert {e.actor.name, e.target.name} == {"Antonio Tajani", "Badr Abdelatty"}
    assert {e.actor.country, e.target.country} == {"ITA", "EGY"}
    assert e.date == "2025-03-11"
    assert e.source is not None and "ministry" in e.source.name.lower()


def test_past_event_keeps_its_own_date(extractor):
    evs = events(extractor, "The two leaders last met in June 2019 in Osaka.\n"
                            "Spain and Morocco held talks in Rabat last month.")
    dates = sorted(e.date for e in find(evs, "CONSULT") if e.date)
    assert "2025-02" in dates


def test_metonymy_and_denial(extractor):
    evs = events(extractor, "Beijing accused Tokyo of provoking tensions.\n"
                            "Tokyo denied the accusation on Thursday.")
    acc = find(evs, "ACCUSE")
    assert acc and (acc[0].actor.country, acc[0].target.country) == ("CHN", "JPN")
    rej = find(evs, "REJECT")
    assert rej and rej[0].actor.country == "JPN" and rej[0].date == "2025-03-13"


def test_negated_meeting_is_never_asserted(extractor):
    evs = events(extractor, "Kenya did not meet Somalia's delegation, officials said.")
    assert all(e.status != "asserted" for e in find(evs, "CONSULT"))


def test_future_meeting_is_agree(extractor):
    evs = events(extractor, "Brazil said it will host Argentina's president next month.")
    assert not [e for e in find(evs, "CONSULT") if e.status == "asserted"]
    assert find(evs, "AGREE")


def test_sanction_and_assault(extractor):
    evs = events(extractor, "Canada imposed sanctions on Iran on Monday.\nRebels attacked a Malian army base.")
    assert any(e.actor.country == "CAN" and e.target and e.target.country == "IRN" for e in find(evs, "SANCTION"))
    assert find(evs, "ASSAULT")


def test_offsets_point_at_the_sentence(extractor):
    text = "Headline without a period\nGreece and Turkey held talks on Friday.\n"
    evs = events(extractor, text)
    assert evs
    for e in evs:
        assert text[e.start:e.end] == e.sentence
        assert "Headline" not in e.sentence


def test_pipe_streams_in_order_and_handles_long_text(extractor):
    docs = [Document(f"d{i}", "Chile and Peru signed a trade deal.", PUB) for i in range(5)]
    docs.append(Document("long", "Chile met Peru " + "and talked " * 15000, PUB))
    out = list(extractor.pipe(docs))
    assert [d.id for d, _ in out] == [d.id for d in docs]


def test_a_dateline_the_two_ministers_and_a_later_denial_of_a_report(extractor):
    evs = events(extractor, "LISBON, March 14 - Portuguese Foreign Minister Rita Sousa met her Moroccan counterpart "
                            "Karim Alami in Lisbon on Wednesday.\n"
                            "The two ministers discussed fishing rights, a Portuguese diplomat said.\n"
                            "Rabat denied reports that Alami had met Algerian officials in Lisbon.")
    calls = [e for e in find(evs, "CONSULT") if {e.actor.country, e.target.country} == {"PRT", "MAR"}]
    assert calls and all(e.date == "2025-03-12" for e in calls), "the story's meeting, not the dateline's day"
    assert all(e.actor.kind == "person" and e.target.kind == "person" for e in calls)
    denied = [e for e in find(evs, "CONSULT") if "DZA" in (e.actor.country, e.target.country)]
    assert denied and denied[0].status == "negated", "denied by the side that took part"
    assert any(r.denies == denied[0] for r in find(evs, "REJECT"))


def test_places_crowds_courts_and_quotes(extractor):
    evs = events(extractor, "Thousands of farmers blocked roads in Lyon to protest against fuel prices.\n"
                            "A court in Minsk sentenced a Polish journalist to eight years in prison.\n"
                            "\"We will never recognise the annexation,\" Latvian Prime Minister Ilze Berzina said.")
    protest = find(evs, "PROTEST")
    assert protest and protest[0].actor.kind == "group" and protest[0].actor.country == "FRA"
    sentence = find(evs, "SANCTION")
    assert sentence and (sentence[0].actor.kind, sentence[0].actor.country) == ("organization", "BLR")
    assert sentence[0].target.country == "POL"
    refusal = find(evs, "REJECT")
    assert refusal and refusal[0].actor.country == "LVA"


def test_a_denial_is_not_aimed_at_the_deniers_own_state(extractor):
    evs = events(extractor, "Spanish Prime Minister Pedro Ortiz rejected the suggestion that Spain had any role "
                            "in the sabotage.")
    reject = find(evs, "REJECT")
    assert reject and all(e.target is None or e.target.country != "ESP" for e in reject), reject


def test_their_earlier_meeting_and_the_ministers_agreeing(extractor):
    evs = events(extractor, "Chilean Defence Minister Ana Vargas held a video call with her Peruvian counterpart "
                            "Luis Quispe on Thursday, the first such contact since their meeting in Lima in September.\n"
                            "According to Santiago, the ministers agreed to expand joint exercises.")
    pair = [e for e in evs if {e.actor.country, e.target.country if e.target else None} == {"CHL", "PER"}]
    assert {(e.action, e.date) for e in pair} >= {("CONSULT", "2025-03-13"), ("CONSULT", "2024-09"),
                                                  ("AGREE", "2025-03-13")}, pair
