"""The entity layer on hand-built Docs (no statistical model): names, places, datelines and countries."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newskg.extract.entities import dateline, find_mentions
from newskg.extract.entities.people import PersonRegistry
from newskg.extract.entities.repair import mend_person_spans

_VOCAB = spacy.blank("en").vocab


def make(words, heads, deps, pos, ents, lemmas=None, spaces=None) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, ents=ents, spaces=spaces,
               lemmas=lemmas or [w if w[:1].isupper() else w.lower() for w in words])


def mentions(doc):
    return [(m.text, m.actor.name, m.actor.kind, m.actor.country) for m in find_mentions(doc)]


@pytest.mark.parametrize("text,places", [
    ("WASHINGTON, Nov 16 (Reuters) - The talks", ("WASHINGTON",)),
    ("DAKAR, Senegal (AP) — Mali's junta", ("DAKAR", "Senegal")),
    ("BANGKOK – The U.N. Security Council", ("BANGKOK",)),
    ("Moscow: Russia on Saturday", ("Moscow",)),
    ("NEW DELHI, March 3 (PTI) Prime Minister", ("NEW DELHI",)),
    ("TOKYO, Oct. 8 Kyodo - Prime Minister", ("TOKYO",)),
    ("TBILISI/MOSCOW (Reuters) - Russian President", ("TBILISI", "MOSCOW")),
    ("SEOUL, May 27 (Yonhap) -- President", ("SEOUL",)),
])
def test_datelines_of_many_shapes(text, places):
    d = dateline(text)
    assert d.places == places and text[d.end:][:1].isupper()


@pytest.mark.parametrize("text", ["NATO warplanes pounded Serb positions.", "US President Joe Biden said.",
                                  "The president said: we will win."])
def test_no_dateline_in_ordinary_sentences(text):
    assert dateline(text).end == 0


def test_a_hyphenated_given_name_stays_one_name():
    # the tokenizer splits "Jae-in"; the model ends the entity at the hyphen
    words = ["Moon", "Jae", "-", "in", "met", "Kim", "."]
    doc = Doc(_VOCAB, words=words, spaces=[True, False, False, True, True, False, False],
              ents=["B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "O"])
    assert [e.text for e in mend_person_spans(doc).ents] == ["Moon Jae-in", "Kim"]


def test_a_surname_goes_to_the_person_whose_family_name_it_is():
    reg = PersonRegistry()
    moon, ban = reg.add(["Moon", "Jae-in"], "KOR", at=0), reg.add(["Ban", "Ki-moon"], None, at=3)
    assert reg.add(["Moon"], None, at=8) is moon and reg.add(["Ban"], None, at=9) is ban
    xi = reg.add(["Xi", "Jinping"], "CHN", at=12)
    assert reg.add(["Xi"], None, at=15) is xi and reg.by_family("Jinping", 16) is None
    assad = reg.add(["Bashar", "al-Assad"], "SYR", at=20)
    assert reg.add(["Assad"], None, at=22) is assad


def test_a_shared_surname_is_the_story_s_principal():
    reg = PersonRegistry()
    goodluck = reg.add(["Goodluck", "Jonathan"], "NGA", at=0)
    reg.add(["Jonathan"], None, at=5)
    reg.add(["Patience", "Jonathan"], "NGA", at=10)
    assert reg.add(["Jonathan"], None, at=20) is goodluck


def test_a_lone_given_name_is_the_one_person_of_that_given_name():
    reg = PersonRegistry()
    abiy = reg.add(["Abiy", "Ahmed"], "ETH", at=0)
    retno = reg.add(["Retno", "Marsudi"], "IDN", at=4)
    assert reg.add(["Abiy"], None, at=9) is abiy and reg.add(["Retno"], "IDN", at=12) is retno
    # a given name of another country's person, or one two people share, is someone new
    assert reg.add(["Retno"], "ETH", at=14) is not retno
    reg.add(["Abiy", "Tesfaye"], "ETH", at=16)
    assert reg.find(["Abiy"], None, at=20) is None
    # a relative ("his brother Mahinda") is not the one of that given name named before
    mahinda = reg.add(["Mahinda", "Abeywardena"], "LKA", at=30)
    assert reg.add(["Mahinda"], None, at=35, given_name=False) is not mahinda


def test_a_full_name_with_other_initials_is_someone_else():
    reg = PersonRegistry()
    w = reg.add(["George", "W.", "Bush"], "USA", at=0)
    hw = reg.add(["George", "H.", "W.", "Bush"], "USA", at=5)
    assert w is not hw


def test_the_north_is_the_north_of_the_story():
    # "North Korea fired . The North denied it ."
    words = ["North", "Korea", "fired", ".", "The", "North", "denied", "it", "."]
    doc = make(words, [1, 2, 2, 2, 5, 6, 6, 6, 6], ["compound", "nsubj", "ROOT", "punct", "det", "nsubj", "ROOT",
                                                      "dobj", "punct"],
               ["PROPN", "PROPN", "VERB", "PUNCT", "DET", "PROPN", "VERB", "PRON", "PUNCT"],
               ["B-GPE", "I-GPE", "O", "O", "O", "O", "O", "O", "O"])
    assert [m[1:] for m in mentions(doc)] == [("North Korea", "state", "PRK"), ("North Korea", "state", "PRK")]


def test_a_name_in_the_village_of_is_a_place_and_a_name_of_a_thing_no_actor():
    # "talks in the village of Panmunjom" with the village tagged PERSON
    words = ["talks", "in", "the", "village", "of", "Panmunjom", "."]
    doc = make(words, [0, 0, 3, 1, 3, 4, 0], ["ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
               ["NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"], ["O"] * 5 + ["B-PERSON", "O"])
    assert mentions(doc) == []
    # "Seoul condemned the Max Thunder air drills ."
    words = ["Seoul", "condemned", "the", "Max", "Thunder", "air", "drills", "."]
    doc = make(words, [1, 1, 6, 4, 6, 6, 1, 1], ["nsubj", "ROOT", "det", "compound", "compound", "compound", "dobj",
                                                 "punct"],
               ["PROPN", "VERB", "DET", "PROPN", "PROPN", "NOUN", "NOUN", "PUNCT"],
               ["B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"])
    assert [m[0] for m in mentions(doc)] == ["Seoul"]


def test_a_home_leader_has_the_dateline_s_country():
    # "MANILA , Philippines - President Rodrigo Duterte spoke ."
    words = ["MANILA", ",", "Philippines", "-", "President", "Rodrigo", "Duterte", "spoke", "."]
    doc = make(words, [7, 0, 0, 0, 6, 6, 7, 7, 7], ["npadvmod", "punct", "appos", "punct", "compound", "compound",
                                                      "nsubj", "ROOT", "punct"],
               ["PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
               ["B-GPE", "O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert mentions(doc) == [("Rodrigo Duterte", "Rodrigo Duterte", "person", "PHL")]


def test_a_state_in_another_leader_s_title_places_no_one_else():
    # "President Tom Vega said Peruvian leader Ana Ruiz spoke ." : Peru is Ruiz's, not Vega's
    words = ["President", "Tom", "Vega", "said", "Peruvian", "leader", "Ana", "Ruiz", "spoke", "."]
    doc = make(words, [2, 2, 3, 3, 5, 7, 7, 8, 3, 3],
               ["compound", "compound", "nsubj", "ROOT", "amod", "compound", "compound", "nsubj", "ccomp", "punct"],
               ["PROPN", "PROPN", "PROPN", "VERB", "ADJ", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"],
               ["O", "B-PERSON", "I-PERSON", "O", "B-NORP", "O", "B-PERSON", "I-PERSON", "O", "O"])
    got = {m[0]: m[3] for m in mentions(doc)}
    assert got["Ana Ruiz"] == "PER" and got["Tom Vega"] is None


def test_an_apposition_gives_a_country():
    # "Anatoly Nogovitsyn , deputy chief of the Russian General Staff , warned ."
    words = ["Anatoly", "Nogovitsyn", ",", "deputy", "chief", "of", "the", "Russian", "General", "Staff", ",", "warned",
             "."]
    heads = [1, 11, 1, 4, 1, 4, 9, 9, 9, 5, 1, 11, 11]
    deps = ["compound", "nsubj", "punct", "amod", "appos", "prep", "det", "amod", "compound", "pobj", "punct", "ROOT",
            "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "ADJ", "NOUN", "ADP", "DET", "ADJ", "PROPN", "PROPN", "PUNCT", "VERB", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-NORP", "O", "O", "O", "O", "O"]
    found = mentions(make(words, heads, deps, pos, ents))
    assert ("Anatoly Nogovitsyn", "Anatoly Nogovitsyn", "person", "RUS") in found
