"""Material events as wire copy writes them, one sentence of our own each, coded by the real pipeline
(model-backed): who attacks, sanctions or detains whom in constructions news stories use.

Each row is a sentence written for this test (never one of the gold sets'), and an event a PLOVER coder records
for it as ``(actor, type, target)`` by name, or one that must not appear.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newskg.records import Document

sys.path.insert(0, str(Path(__file__).parent))
from codes import PUB, coded  # noqa: E402

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,expected", [
    # the armed members of "the group" or "the alliance" act for the one it re-mentions
    ("Hezbollah has grown stronger. The group's gunmen attacked the town.", ("Hezbollah", "ASSAULT", None)),
    ("NATO met in Brussels. The alliance's warplanes bombed a bridge near Belgrade.",
     ("NATO", "ASSAULT", "Serbia")),
    # what is hit in the passive voice is its owner's, named by "whose" too; an embassy is its sender's, not
    # the state it sits in
    ("Peru, whose embassy in Quito was hit by Chilean rockets on Monday, recalled its ambassador.",
     ("Chile", "ASSAULT", "Peru")),
    ("Kenya, whose border posts were shelled by Somali militants, closed the border.",
     ("Somali militants", "ASSAULT", "Kenya")),
    ("Protesters stormed the Russian embassy in Kyiv.", ("Protesters", "PROTEST", "Russia")),
    # those told to follow an act do it too; a following event is no one's
    ("Bolivia cut diplomatic ties with Peru on Monday and was swiftly followed by Chile and Ecuador.",
     ("Ecuador", "SANCTION", "Peru")),
    ("Peru expelled two Chilean diplomats on Monday, and Bolivia followed suit.", ("Bolivia", "SANCTION", "Chile")),
    ("Bolivia imposed sanctions on Peru, followed by Ecuador.", ("Ecuador", "SANCTION", "Peru")),
    # the one accused of a material act did it, as the accuser claims; an attack that names no one hit hits
    # the accuser's side
    ("Georgian officials accused Russian troops of blowing up a bridge near Kaspi on Saturday.",
     ("Russia", "ASSAULT", "Georgia")),
    ("Peru accused Chile of arresting three Peruvian fishermen.", ("Chile", "COERCE", "Peruvian fishermen")),
    ("Russia was accused of shelling the town.", ("Russia", "ASSAULT", None)),
    # who is hurt in a clash with or an ambush by someone is hurt by them
    ("Five Peruvian soldiers were killed in a clash with Chilean troops on Monday.", ("Chile", "ASSAULT", "Peru")),
    ("Twelve Indian soldiers were killed in a face-off with Chinese troops.", ("China", "ASSAULT", "India")),
    ("Three Malian soldiers were wounded in an ambush by jihadists.", ("Jihadists", "ASSAULT", "Mali")),
    # people counted by their demonym are a group of their state; a people uncounted is its state
    ("Cambodian troops arrested seven Thais near the border.", ("Cambodia", "COERCE", "seven Thais")),
    ("Gunmen killed three Americans in Kabul.", ("Gunmen", "ASSAULT", "three Americans")),
    ("Israel attacked the Palestinians.", ("Israel", "ASSAULT", "Palestine")),
    # the one an event makes act ("led X to", "forced X to") acts
    ("The raid led the rebels to seize 30 aid workers.", ("Rebels", "ASSAULT", "Aid workers")),
    ("Peru forced Chile to withdraw its troops.", ("Chile", "RETREAT", "Peru")),
    # a collective led by a named side is an actor of its own, of the leader's state
    ("The Saudi-led coalition expelled Qatar.", ("Saudi-led coalition", "SANCTION", "Qatar")),
    ("NATO-led peacekeepers crossed into the province at dawn.", ("NATO-led peacekeepers", "MOBILIZE", None)),
    ("Mali's military-led government expelled the French ambassador.", ("Mali", "SANCTION", "France")),
    # what an act comes after is no target of it
    ("Peruvian troops captured a village in Bolivia after heavy fighting with rebels.",
     ("Peru", "ASSAULT", "Bolivia")),
    ("Chilean troops shelled a town in Bolivia after clashes with rebels.", ("Chile", "ASSAULT", "Bolivia")),
    # holding someone for a time or in a place of detention detains them; "the military" is the story's state's
    ("YANGON (Reuters) - Myanmar's junta cracked down. The military has held Aung Myo Chit since the coup.",
     ("military", "COERCE", "Aung Myo Chit")),
    ("Police held the two activists for three days.", ("police", "COERCE", "Activists")),
    ("Iran has kept the journalist in prison since March.", ("Iran", "COERCE", None)),
    # a move of forces told as a noun is their side's, into the state they move into
    ("The deployment of Russian troops into Georgia alarmed the West.", ("Russia", "MOBILIZE", "Georgia")),
    ("The advance of Turkish tanks into Syria alarmed the West.", ("Turkey", "MOBILIZE", "Syria")),
    ("Russia sent more troops. The overnight dash of about 200 of its paratroopers into Pristina angered NATO.",
     ("Russia", "MOBILIZE", None)),
    # a killing or a shooting told as a noun is an attack by its "by" agent on its "of" object
    ("The killing of three Peruvian soldiers by Chilean troops angered Lima.", ("Chile", "ASSAULT", "Peru")),
    ("The shooting down of the airliner by Russian separatists killed 298 people.",
     ("Russian separatists", "ASSAULT", None)),
    # forces moved or exercised with no one named are aimed at the state where they are
    ("China staged military exercises around Taiwan.", ("China", "MOBILIZE", "Taiwan")),
    ("Russia massed troops near Ukraine.", ("Russia", "MOBILIZE", "Ukraine")),
    # riot-control weapons fired at no one named hit the crowd the sentence names
    ("Police fired tear gas and water cannon as crowds broke through barricades outside parliament.",
     ("police", "ASSAULT", "Crowds")),
    # an attack on a protest hits its protesters
    ("Protesters had camped outside parliament since April, and government supporters attacked the protest site.",
     ("Government supporters", "ASSAULT", "Protesters")),
    # a raid that kills is an attack; a police raid on offices seizes them
    ("The crisis deepened over a Peruvian raid that killed a rebel commander on Bolivian soil.",
     ("Peru", "ASSAULT", "Bolivia")),
    ("Police raided the newspaper's offices in Lima.", ("police", "COERCE", "Peru")),
    # agents of a state's intelligence service act for the service, an organisation of that state
    ("In 1973, agents of Chile's intelligence service abducted the dissident Juan Perez from a Lima hotel room.",
     ("Chile's intelligence service", "ASSAULT", "Juan Perez")),
    # a protest of no state named, with no place named, is against the state the story is filed from
    ("PARIS (Reuters) - France is tense. Independence supporters boycotted the referendum in December.",
     ("Independence supporters", "PROTEST", "France")),
    # sanctions "imposed on" someone by the one named in front
    ("Guterres said UN sanctions imposed on Libya in 2011 could soon become obsolete.",
     ("United Nations", "SANCTION", "Libya")),
    ("U.S. sanctions imposed on Cuba in 1962 remain in force.", ("United States", "SANCTION", "Cuba")),
    # a missile launch or test, told as a verb or a noun, shows weapons
    ("North Korea's missile launch on Sunday alarmed Japan.", ("North Korea", "MOBILIZE", None)),
    ("Iran tested a new missile on Monday.", ("Iran", "MOBILIZE", None)),
    # force used to disperse a crowd hits it
    ("Egyptian police opened fire to disperse Islamist demonstrators in Cairo on Monday.",
     ("police", "ASSAULT", "Islamist demonstrators")),
    ("Kenyan police opened fire to break up a crowd of protesters in Nairobi.", ("police", "ASSAULT", "Crowd")),
    # throwing things at people attacks them; an attack on a person's thing is aimed at them
    ("Protesters hurled stones at police in Nairobi.", ("Protesters", "ASSAULT", "police")),
    ("Youths threw rocks at Israeli soldiers in Hebron.", ("Youths", "ASSAULT", "Israel")),
    ("Kenyan President William Ruto returned to Nairobi on Sunday, and gunmen fired on his convoy.",
     ("Gunmen", "ASSAULT", "William Ruto")),
    # routing an enemy is an attack on it
    ("Taliban fighters routed Afghan soldiers near Kunduz on Monday.", ("Taliban", "ASSAULT", "Afghanistan")),
])
def test_material_events(extractor, text, expected):
    got = coded(extractor, text)
    assert expected in got, got


def test_what_follows_an_act_without_a_named_actor_does_not_repeat_it(extractor):
    got = coded(extractor, "Chile shelled the border post, and the attack was followed by a ceasefire.")
    assert {a for a, t, _ in got if t == "ASSAULT"} == {"Chile"}, got


def test_an_act_one_is_accused_of_is_claimed(extractor):
    events = extractor.extract(Document("t", "Peru accused Chile of arresting three Peruvian fishermen.", PUB))
    assert {e.status for e in events if e.action == "COERCE"} == {"claimed"}, events
    assert not [e for e in extractor.extract(Document("t", "Peru accused Chile of lying.", PUB))
                if e.action != "ACCUSE"]


def test_the_government_is_the_story_states(extractor):
    text = ("QUITO (Reuters) - Ecuador's president spoke on Monday. The government sent troops to the border on "
            "Tuesday and banned two opposition newspapers.")
    events = extractor.extract(Document("t", text, PUB))
    assert {(e.action, e.actor.country) for e in events} >= {("MOBILIZE", "ECU"), ("COERCE", "ECU")}, events
    # of no state named or filed from, it is no one's
    assert not extractor.extract(Document("t", "The government sent troops to the border on Tuesday.", PUB))


@pytest.mark.parametrize("text", [
    "Officials fear that the rebels can strike at will.",
    "The militants could attack the capital at any moment, analysts said.",
])
def test_what_one_is_able_to_do_is_not_done(extractor, text):
    got = coded(extractor, text)
    assert not [e for e in got if e[1] == "ASSAULT"], got


def test_what_one_may_do_unless_others_act_is_a_threat(extractor):
    assert ("Peru", "THREATEN", "Bolivia") in coded(extractor, "Peru may halt its aid to Bolivia if the attacks continue.")


@pytest.mark.parametrize("text", [
    "Peru held talks with Chile on Monday.",
    "Lula held Bolsonaro responsible for the riots.",
    "The rebels have held the town since March.",
])
def test_holding_what_is_no_captive_detains_no_one(extractor, text):
    got = coded(extractor, text)
    assert not [e for e in got if e[1] == "COERCE"], got


def test_a_labour_strike_is_no_attack(extractor):
    got = coded(extractor, "The workers' strike paralysed the port.")
    assert not [e for e in got if e[1] == "ASSAULT"], got


def test_throwing_something_to_someone_is_no_attack(extractor):
    assert not coded(extractor, "Protesters threw the ball to the children.")


def test_a_space_launch_is_no_show_of_weapons(extractor):
    assert not coded(extractor, "SpaceX launched a rocket on Monday.")
