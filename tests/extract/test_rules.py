"""Rule unit tests on hand-built Docs: no statistical model involved."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from newskg.extract.entities import ActorMention, MentionIndex, find_mentions
from newskg.extract.attribution import attribution
from newskg.extract.coder import code_document
from newskg.extract.dates import find_date_expressions, resolve_date
from newskg.extract.gazetteer import Gazetteer
from newskg.extract.lexicon import Lexicon
from newskg.extract.roles import participants
from newskg.extract.sentences import mark_line_breaks
from newskg.extract.status import is_negated, is_prospective
from newskg.extract.triggers import find_triggers
from newskg.records import Actor, Document

LEX = Lexicon.default()
GZ = Gazetteer.default()


_VOCAB = spacy.blank("en").vocab  # English lexical attributes (is_punct, lower_, like_num), no model


def make(words, heads, deps, pos, lemmas=None, ents=None, sent_starts=None) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas or [w.lower() for w in words],
               ents=ents or ["O"] * len(words), sent_starts=sent_starts)


def state(name, iso):
    return Actor(name, kind="state", country=iso)


# ---------------------------------------------------------------- gazetteer and dates

@pytest.mark.parametrize("text,iso,via", [
    ("Moscow", "RUS", "capital"), ("the Kremlin", "RUS", "capital"), ("Kyiv", "UKR", "capital"),
    ("Kiev", "UKR", "capital"), ("Washington", "USA", "capital"), ("the White House", "USA", "capital"),
    ("Britain", "GBR", "country"), ("the Ukrainians", "UKR", "demonym"), ("Russia's", "RUS", "country"),
    ("U.S.", "USA", "iso"), ("Côte d'Ivoire", "CIV", "country"), ("Burma", "MMR", "country"),
])
def test_gazetteer_states(text, iso, via):
    hit = GZ.lookup(text)
    assert hit is not None and hit.country == iso and hit.via == via and hit.kind == "state"


@pytest.mark.parametrize("text", ["us", "turkey", "chad lives here", "Paris Hilton", ""])
def test_gazetteer_does_not_map_ordinary_words(text):
    assert GZ.lookup(text) is None


@pytest.mark.parametrize("text,iso", [
    ("Kharkiv", "UKR"), ("the city of Kherson", None), ("Kherson", "UKR"), ("Texas", "USA"), ("Monrovia", "LBR"),
    ("Paris", "FRA"), ("Kyiv", "UKR"), ("NATO", None), ("kharkiv", None), ("Nowhereville", None), ("", None),
])
def test_places_are_in_the_state_geonames_gives_the_most_populous_of_that_name(text, iso):
    assert GZ.place(text) == iso


def test_known_people_by_another_surname_and_names_the_model_took_for_places():
    # "Erdogan met Assad . Shoigu met Erdogan ." -- Assad is Bashar al-Assad; "Shoigu" was tagged GPE
    words = ["Erdogan", "met", "Assad", ".", "Shoigu", "met", "Erdogan", "."]
    doc = make(words, [1, 1, 1, 1, 5, 5, 5, 5], ["nsubj", "ROOT", "dobj", "punct"] * 2,
               ["PROPN", "VERB", "PROPN", "PUNCT"] * 2, lemmas=["Erdogan", "meet", "Assad", "."] + ["Shoigu", "meet", "Erdogan", "."],
               ents=["B-PERSON", "O", "B-PERSON", "O", "B-GPE", "O", "B-PERSON", "O"], sent_starts=[1, 0, 0, 0, 1, 0, 0, 0])
    found = [(m.text, m.actor.name, m.actor.kind) for m in find_mentions(doc, GZ, LEX)]
    assert ("Assad", "Bashar al-Assad", "person") in found
    assert ("Shoigu", "Shoigu", "person") in found


def test_places_become_states_unless_the_name_looks_like_a_persons():
    # "Russia shelled Kharkiv . Kenzo Oshima , the coordinator , visited Kharkiv ."
    words = ["Russia", "shelled", "Kharkiv", ".", "Kenzo", "Oshima", ",", "the", "coordinator", ",", "visited",
             "Kharkiv", "."]
    heads = [1, 1, 1, 1, 5, 10, 5, 8, 5, 5, 10, 10, 10]
    deps = ["nsubj", "ROOT", "dobj", "punct", "compound", "nsubj", "punct", "det", "appos", "punct", "ROOT",
            "dobj", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB",
           "PROPN", "PUNCT"]
    ents = ["B-GPE", "O", "B-GPE", "O", "O", "B-GPE", "O", "O", "O", "O", "O", "B-GPE", "O"]
    doc = make(words, heads, deps, pos, ents=ents, sent_starts=[1, 0, 0, 0, 1] + [0] * 8)
    found = [(m.text, m.actor.country) for m in find_mentions(doc, GZ, LEX)]
    assert found == [("Russia", "RUS"), ("Kharkiv", "UKR"), ("Kharkiv", "UKR")], "Oshima is no place here"


def test_gazetteer_organisations_and_people():
    assert GZ.lookup("NATO").kind == "organization" and GZ.lookup("NATO").country is None
    assert GZ.lookup("Hezbollah").kind == "group"
    assert GZ.lookup("ECOWAS").name == "Economic Community of West African States"
    assert (GZ.lookup("the Tamil Tigers").kind, GZ.lookup("the Tamil Tigers").country) == ("group", "LKA")
    assert GZ.person("Lavrov") == ("RUS", "Sergei Lavrov")
    assert GZ.demonym("Ivorians") == "CIV"


PUB = date(2024, 4, 4)  # a Thursday


@pytest.mark.parametrize("expr,expected", [
    ("on Wednesday", "2024-04-03"), ("Thursday", "2024-04-04"), ("last Thursday", "2024-03-28"),
    ("April 3", "2024-04-03"), ("3 April", "2024-04-03"), ("April 5", "2023-04-05"),
    ("April 3, 2022", "2022-04-03"), ("last month", "2024-03"), ("in March", "2024-03"),
    ("in May", "2023-05"), ("in October 2022", "2022-10"), ("this summer", "2024"), ("last year", "2023"),
    ("in 2019", "2019"), ("yesterday", "2024-04-03"), ("earlier this month", "2024-04"),
    ("in recent months", None), ("recently", None), ("next month", "2024-05"),
    ("last week", "2024-03"), ("this week", "2024-04"), ("earlier this week", "2024-04"), ("two days ago", "2024-04-02"),
    ("3 days ago", "2024-04-01"), ("a week ago", "2024-03-28"),
])
def test_resolve_date(expr, expected):
    assert resolve_date(expr, PUB) == expected


def test_resolve_date_anchor_and_year_boundary():
    assert resolve_date("September of that year", PUB, anchor="2022-10") == "2022-09"
    assert resolve_date("in December", date(2024, 1, 10)) == "2023-12"
    assert resolve_date("February 29", date(2024, 3, 1)) == "2024-02-29"
    assert resolve_date("on Monday", None) is None
    assert resolve_date("in October 2022", None) == "2022-10"


def test_find_dates_skips_modal_may():
    found = [t for _, _, t in find_date_expressions("They may meet in May, or on Friday.")]
    assert found == ["in May", "on Friday"]


# ---------------------------------------------------------------- sentences

def test_line_breaks_end_sentences():
    doc = Doc(_VOCAB, words=["Rare", "contact", "\n", "Both", "spoke", "."])
    mark_line_breaks(doc)
    assert doc[3].is_sent_start


# ---------------------------------------------------------------- actors

def _minister_doc():
    # "Russian Defence Minister Sergei Shoigu met Kyiv . Shoigu left ."
    words = ["Russian", "Defence", "Minister", "Sergei", "Shoigu", "met", "Kyiv", ".", "Shoigu", "left", "."]
    heads = [2, 2, 4, 4, 5, 5, 5, 5, 9, 9, 9]
    deps = ["amod", "compound", "compound", "compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct"]
    pos = ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"]
    ents = ["B-NORP", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "B-ORG", "O", "O"]
    starts = [1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]
    return make(words, heads, deps, pos, ents=ents, sent_starts=starts,
                lemmas=["russian", "defence", "minister", "Sergei", "Shoigu", "meet", "Kyiv", ".", "Shoigu", "leave", "."])


def test_person_country_from_title_and_ner_corrections():
    mentions = {m.text: m.actor for m in find_mentions(_minister_doc(), GZ, LEX)}
    assert mentions["Sergei Shoigu"] == Actor("Sergei Shoigu", kind="person", country="RUS", aliases=("Shoigu",))
    assert mentions["Kyiv"] == state("Ukraine", "UKR"), "a capital tagged PERSON is the state"
    assert mentions["Shoigu"].name == "Sergei Shoigu", "a surname tagged ORG is the known person"


def test_role_description_resolves_to_named_person():
    # "the French defence minister called . French Defence Minister Jean Dupont spoke ."
    words = ["the", "French", "defence", "minister", "called", ".", "French", "Defence", "Minister", "Jean", "Dupont", "spoke", "."]
    heads = [3, 3, 3, 4, 4, 4, 8, 8, 10, 10, 11, 11, 11]
    deps = ["det", "amod", "compound", "nsubj", "ROOT", "punct", "amod", "compound", "compound", "compound", "nsubj", "ROOT", "punct"]
    pos = ["DET", "ADJ", "NOUN", "NOUN", "VERB", "PUNCT", "ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    ents = ["O", "B-NORP", "O", "O", "O", "O", "B-NORP", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    lemmas = ["the", "french", "defence", "minister", "call", ".", "french", "defence", "minister", "Jean", "Dupont", "speak", "."]
    doc = make(words, heads, deps, pos, lemmas=lemmas, ents=ents, sent_starts=[1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    idx = MentionIndex(find_mentions(doc, GZ, LEX))
    assert idx.at(doc[3]).actor.name == "Jean Dupont"


def test_titled_person_takes_the_one_state_of_the_sentence_and_of_phrases():
    # "President Ali Omar shortened the curfew in Sudan . King Hassan of Morocco spoke ."
    words = ["President", "Ali", "Omar", "shortened", "the", "curfew", "in", "Sudan", ".",
             "King", "Hassan", "of", "Morocco", "spoke", "."]
    heads = [2, 2, 3, 3, 5, 3, 5, 6, 3, 10, 13, 10, 11, 13, 13]
    deps = ["compound", "compound", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct",
            "compound", "nsubj", "prep", "pobj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT",
           "PROPN", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-GPE", "O", "O", "B-PERSON", "O", "B-GPE", "O", "O"]
    starts = [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]
    doc = make(words, heads, deps, pos, ents=ents, sent_starts=starts)
    people = {m.actor.name: m.actor.country for m in find_mentions(doc, GZ, LEX) if m.actor.kind == "person"}
    assert people == {"Ali Omar": "SDN", "Hassan": "MAR"}


def test_untitled_person_keeps_no_country_and_groups_take_their_place():
    # "Ali Omar visited Sudan . Security forces in Guinea arrested soldiers ."
    words = ["Ali", "Omar", "visited", "Sudan", ".", "Security", "forces", "in", "Guinea", "arrested", "soldiers", "."]
    heads = [1, 2, 2, 2, 2, 6, 9, 6, 7, 9, 9, 9]
    deps = ["compound", "nsubj", "ROOT", "dobj", "punct", "compound", "nsubj", "prep", "pobj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "NOUN", "NOUN", "ADP", "PROPN", "VERB", "NOUN", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O", "O", "B-GPE", "O", "O", "O"]
    doc = make(words, heads, deps, pos, ents=ents, sent_starts=[1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
               lemmas=["Ali", "Omar", "visit", "Sudan", ".", "security", "force", "in", "Guinea", "arrest", "soldier", "."])
    found = {m.text: m.actor for m in find_mentions(doc, GZ, LEX)}
    assert found["Ali Omar"].country is None, "no title: the state named is not taken as nationality"
    assert found["Security forces"] == state("Guinea", "GIN")
    assert found["soldiers"].kind == "group"


# ---------------------------------------------------------------- triggers, roles, status, attribution

def _sentence(words, heads, deps, pos, lemmas, ents=None):
    doc = make(words, heads, deps, pos, lemmas=lemmas, ents=ents)
    return doc


def test_triggers_prefer_the_longest_pattern():
    doc = _sentence(["Paris", "held", "phone", "talks"], [1, 1, 3, 1], ["nsubj", "ROOT", "compound", "dobj"],
                    ["PROPN", "VERB", "NOUN", "NOUN"], ["Paris", "hold", "phone", "talk"])
    trigs = list(find_triggers(doc[:], LEX))
    assert [(t.text, t.type) for t in trigs] == [("held talks", "CONSULT")]


def test_call_on_is_a_request_not_a_call():
    doc = _sentence(["Rome", "called", "on", "Paris"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"],
                    ["PROPN", "VERB", "ADP", "PROPN"], ["Rome", "call", "on", "Paris"])
    assert [(t.type, t.mode) for t in find_triggers(doc[:], LEX)] == [("REQUEST", None)]


def _idx(doc, spans):
    return MentionIndex([ActorMention(s, e, doc[s:e].text, a) for s, e, a in spans])


def test_coordinated_subjects_make_one_symmetric_event():
    doc = _sentence(["Rome", "and", "Paris", "met"], [3, 0, 0, 3], ["nsubj", "cc", "conj", "ROOT"],
                    ["PROPN", "CCONJ", "PROPN", "VERB"], ["Rome", "and", "Paris", "meet"])
    idx = _idx(doc, [(0, 1, state("Italy", "ITA")), (2, 3, state("France", "FRA"))])
    pairs = participants(doc[3], "CONSULT", idx)
    assert [(a.actor.country, t.actor.country) for a, t in pairs] == [("ITA", "FRA")]


def test_coordinated_subjects_of_an_accusation_are_separate_events():
    doc = _sentence(["Rome", "and", "Paris", "accused", "Oslo"], [3, 0, 0, 3, 3],
                    ["nsubj", "cc", "conj", "ROOT", "dobj"], ["PROPN", "CCONJ", "PROPN", "VERB", "PROPN"],
                    ["Rome", "and", "Paris", "accuse", "Oslo"])
    idx = _idx(doc, [(0, 1, state("Italy", "ITA")), (2, 3, state("France", "FRA")), (4, 5, state("Norway", "NOR"))])
    pairs = participants(doc[3], "ACCUSE", idx)
    assert [(a.actor.country, t.actor.country) for a, t in pairs] == [("ITA", "NOR"), ("FRA", "NOR")]


def test_between_a_and_b():
    doc = _sentence(["talks", "between", "Rome", "and", "Paris"], [0, 0, 1, 2, 2],
                    ["ROOT", "prep", "pobj", "cc", "conj"], ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN"],
                    ["talk", "between", "Rome", "and", "Paris"])
    idx = _idx(doc, [(2, 3, state("Italy", "ITA")), (4, 5, state("France", "FRA"))])
    assert [(a.actor.country, t.actor.country) for a, t in participants(doc[0], "CONSULT", idx)] == [("ITA", "FRA")]


@pytest.mark.parametrize("speaker_known", [True, False])
def test_owned_object_takes_its_complement_as_target(speaker_known):
    # "Dupont reaffirmed France 's support for Ukraine"
    doc = _sentence(["Dupont", "reaffirmed", "France", "'s", "support", "for", "Ukraine"], [1, 1, 4, 2, 1, 4, 5],
                    ["nsubj", "ROOT", "poss", "case", "dobj", "prep", "pobj"],
                    ["PROPN", "VERB", "PROPN", "PART", "NOUN", "ADP", "PROPN"],
                    ["Dupont", "reaffirm", "France", "'s", "support", "for", "Ukraine"])
    spans = [(2, 3, state("France", "FRA")), (6, 7, state("Ukraine", "UKR"))]
    if speaker_known:
        spans.insert(0, (0, 1, Actor("Jean Dupont", kind="person", country="FRA")))
    pairs = participants(doc[1], "SUPPORT", _idx(doc, spans))
    actor = "Jean Dupont" if speaker_known else "France"
    assert [(a.actor.name, t.actor.name) for a, t in pairs] == [(actor, "Ukraine")]


def test_host_and_visitor():
    doc = _sentence(["Rome", "received", "Paris"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "PROPN"],
                    ["Rome", "receive", "Paris"])
    idx = _idx(doc, [(0, 1, state("Italy", "ITA")), (2, 3, state("France", "FRA"))])
    assert [(a.actor.country, t.actor.country) for a, t in participants(doc[1], "CONSULT", idx)] == [("FRA", "ITA")]


def test_negation_and_neither_nor():
    doc = _sentence(["Paris", "neither", "accepted", "nor", "proposed", "talks"], [2, 2, 2, 2, 2, 4],
                    ["nsubj", "preconj", "ROOT", "cc", "conj", "dobj"], ["PROPN", "CCONJ", "VERB", "CCONJ", "VERB", "NOUN"],
                    ["Paris", "neither", "accept", "nor", "propose", "talk"])
    assert is_negated(doc[2], LEX) and is_negated(doc[4], LEX)
    ok = _sentence(["Paris", "proposed", "talks"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "NOUN"],
                   ["Paris", "propose", "talk"])
    assert not is_negated(ok[1], LEX)


def test_future_meeting_is_prospective_but_continuing_support_is_not():
    doc = _sentence(["Rome", "will", "meet", "Paris"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"],
                    ["PROPN", "AUX", "VERB", "PROPN"], ["Rome", "will", "meet", "Paris"])
    assert is_prospective(doc[2], LEX)
    doc = _sentence(["Rome", "will", "continue", "to", "support", "Kyiv"], [2, 2, 2, 4, 2, 4],
                    ["nsubj", "aux", "ROOT", "aux", "xcomp", "dobj"], ["PROPN", "AUX", "VERB", "PART", "VERB", "PROPN"],
                    ["Rome", "will", "continue", "to", "support", "Kyiv"])
    assert not is_prospective(doc[4], LEX)


def test_outermost_reporting_verb_is_the_source():
    # "Rome met Paris , the ministry said ."
    doc = _sentence(["Rome", "met", "Paris", ",", "the", "ministry", "said", "."], [1, 6, 1, 6, 5, 6, 6, 6],
                    ["nsubj", "ccomp", "dobj", "punct", "det", "nsubj", "ROOT", "punct"],
                    ["PROPN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
                    ["Rome", "meet", "Paris", ",", "the", "ministry", "say", "."])
    att = attribution(doc[1], MentionIndex([]), LEX, GZ)
    assert att.verb == "say" and att.source.name.lower() == "ministry"


# ---------------------------------------------------------------- the document-level coder

def test_code_document_dates_and_denial_link():
    # "Rome said Rome met Paris on Monday . Paris denied it ."
    words = ["Rome", "said", "Rome", "met", "Paris", "on", "Monday", ".", "Paris", "denied", "it", "."]
    heads = [1, 1, 3, 1, 3, 3, 5, 1, 9, 9, 9, 9]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "prep", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT", "PROPN", "VERB", "PRON", "PUNCT"]
    ents = ["B-GPE", "O", "B-GPE", "O", "B-GPE", "O", "B-DATE", "O", "B-GPE", "O", "O", "O"]
    lemmas = ["Rome", "say", "Rome", "meet", "Paris", "on", "Monday", ".", "Paris", "deny", "it", "."]
    doc = make(words, heads, deps, pos, lemmas=lemmas, ents=ents, sent_starts=[1] + [0] * 7 + [1, 0, 0, 0])
    document = Document("t", doc.text, date(2024, 4, 4))
    events = code_document(doc, document)
    meet = next(e for e in events if e.action == "CONSULT")
    deny = next(e for e in events if e.action == "REJECT")
    assert (meet.actor.country, meet.target.country, meet.date) == ("ITA", "FRA", "2024-04-01")
    assert meet.status == "claimed", "a claim denied by the other side is claimed"
    assert deny.actor.country == "FRA" and deny.target.country == "ITA"
    assert deny.denies == meet
    assert document.text[meet.start:meet.end] == meet.sentence


@pytest.mark.parametrize("subject, kind, expected", [
    ("workers", "NOUN", ("PROTEST", "obstruct")),  # civilians blocking a road protest
    ("Rome", "PROPN", ("COERCE", "restrict")),     # a state blocking it coerces
])
def test_who_blocks_decides_protest_or_coercion(subject, kind, expected):
    # "French workers blocked the bridge ." / "French Rome blocked ..." (the state in front speaks for both)
    words = ["French", subject, "blocked", "the", "bridge", "."]
    doc = make(words, [1, 2, 2, 4, 2, 2], ["amod", "nsubj", "ROOT", "det", "dobj", "punct"],
               ["ADJ", kind, "VERB", "DET", "NOUN", "PUNCT"],
               lemmas=["french", subject.lower(), "block", "the", "bridge", "."],
               ents=["B-NORP", "B-GPE" if kind == "PROPN" else "O", "O", "O", "O", "O"])
    events = code_document(doc, Document("t", doc.text, date(2024, 4, 4)))
    assert [(e.action, e.mode) for e in events] == [expected]


def _coded(words, heads, deps, pos, lemmas, ents):
    doc = make(words, heads, deps, pos, lemmas=lemmas, ents=ents)
    return [(e.actor.country, e.action, e.mode, e.target.country if e.target else None)
            for e in code_document(doc, Document("t", doc.text, date(2024, 4, 4)))]


def test_noun_compounds_in_the_lexicon_are_headed_by_their_last_word():
    # "Rebels began a hunger strike ." -- the strike, not the hunger, heads the phrase
    doc = make(["Rebels", "began", "a", "hunger", "strike", "."], [1, 1, 4, 4, 1, 1],
               ["nsubj", "ROOT", "det", "compound", "dobj", "punct"], ["NOUN", "VERB", "DET", "NOUN", "NOUN", "PUNCT"],
               lemmas=["rebel", "begin", "a", "hunger", "strike", "."])
    assert [(t.text, t.type, t.mode) for t in find_triggers(doc[:], LEX)] == [("hunger strike", "PROTEST", "hunger")]


@pytest.mark.parametrize("verb, obj, expected", [
    ("halted", "aid", ("SANCTION", "discontinue")),   # ending a relation
    ("suspended", "flights", ("SANCTION", "discontinue")),
    ("lifted", "curfew", ("CONCEDE", None)),         # easing a coercive measure
    ("eased", "restrictions", ("CONCEDE", None)),
    ("lifted", "blockade", ("RETREAT", "access")),    # easing a military blockade
    ("suspended", "broadcasts", ("COERCE", "censor")),  # silencing media
    ("opened", "crossing", ("RETREAT", "access")),
    ("provided", "aid", ("AID", None)),               # the object alone keeps its own meaning
])
def test_what_a_verb_does_to_its_object_decides_the_event(verb, obj, expected):
    # "Japan halted aid to Serbia ."
    lemma = {"halted": "halt", "suspended": "suspend", "lifted": "lift", "eased": "ease", "provided": "provide",
             "opened": "open"}[verb]
    got = _coded(["Japan", verb, obj, "to", "Serbia", "."], [1, 1, 1, 1, 3, 1],
                 ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"], ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
                 ["Japan", lemma, obj.rstrip("s") if obj != "aid" else "aid", "to", "Serbia", "."],
                 ["B-GPE", "O", "O", "O", "B-GPE", "O"])
    if expected[0] == "AID":
        assert [(a, m) for _, a, m, _ in got] in ([], [expected]), "no SANCTION/CONCEDE for a plain object"
        assert all(a != "SANCTION" for _, a, _, _ in got)
    else:
        assert got == [("JPN", *expected, "SRB")]


def test_coordinated_targets_make_one_event_each():
    # "Pakistan threatened Chad and Peru ."
    got = _coded(["Pakistan", "threatened", "Chad", "and", "Peru", "."], [1, 1, 1, 2, 2, 1],
                 ["nsubj", "ROOT", "dobj", "cc", "conj", "punct"], ["PROPN", "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT"],
                 ["Pakistan", "threaten", "Chad", "and", "Peru", "."], ["B-GPE", "O", "B-GPE", "O", "B-GPE", "O"])
    assert sorted(got) == [("PAK", "THREATEN", None, "PER"), ("PAK", "THREATEN", None, "TCD")]


@pytest.mark.parametrize("aux, expected", [("will", "THREATEN"), ("", "COERCE")])
def test_coercion_announced_for_the_future_is_a_threat(aux, expected):
    # "Chile will ban Peru ." / "Chile banned Peru ."
    words = ["Chile", *([aux] if aux else []), "ban" if aux else "banned", "Peru", "."]
    v = 2 if aux else 1
    heads = [v, *([v] if aux else []), v, v, v]
    deps = ["nsubj", *(["aux"] if aux else []), "ROOT", "dobj", "punct"]
    pos = ["PROPN", *(["AUX"] if aux else []), "VERB", "PROPN", "PUNCT"]
    lemmas = ["Chile", *([aux] if aux else []), "ban", "Peru", "."]
    ents = ["B-GPE", *(["O"] if aux else []), "O", "B-GPE", "O"]
    assert [(a, t) for _, a, _, t in _coded(words, heads, deps, pos, lemmas, ents)] == [(expected, "PER")]


@pytest.mark.parametrize("words, expected", [
    (["Chile", "will", "release", "Peru", "."], [("CONCEDE", "PER")]),  # a retreat promised is a concession
    (["Chile", "released", "Peru", "."], [("RETREAT", "PER")]),          # carried out it is a retreat
    (["Chile", "will", "resign", "."], [("CONCEDE", None)]),
    (["Chile", "will", "allow", "Peru", "."], [("CONCEDE", "PER")]),     # a promised concession stays one
    (["Chile", "will", "support", "Peru", "."], [("AGREE", "PER")]),     # promised cooperation is an AGREE
])
def test_promised_retreats_are_concessions_and_promised_cooperation_is_agreement(words, expected):
    v = 2 if words[1] == "will" else 1
    heads = [v] * len(words)
    deps = ["nsubj", *(["aux"] if v == 2 else []), "ROOT", *(["dobj"] if len(words) - v == 3 else []), "punct"]
    pos = ["PROPN", *(["AUX"] if v == 2 else []), "VERB", *(["PROPN"] if len(words) - v == 3 else []), "PUNCT"]
    lemmas = [w if w[0].isupper() else {"released": "release"}.get(w, w) for w in words]
    ents = ["B-GPE" if w[0].isupper() else "O" for w in words]
    assert [(a, t) for _, a, _, t in _coded(words, heads, deps, pos, lemmas, ents)] == expected


def test_a_states_organisation_acts_once_and_coordinated_states_each_act():
    # "Chile 's Supreme Court freed Peru ." / "Chilean and Peruvian officials freed Bolivia ."
    got = _coded(["Chile", "'s", "Supreme", "Court", "freed", "Peru", "."], [3, 0, 3, 4, 4, 4, 4],
                 ["poss", "case", "compound", "nsubj", "ROOT", "dobj", "punct"],
                 ["PROPN", "PART", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"],
                 ["Chile", "'s", "Supreme", "Court", "free", "Peru", "."],
                 ["B-GPE", "O", "B-ORG", "I-ORG", "O", "B-GPE", "O"])
    assert got == [("CHL", "RETREAT", "release", "PER")] and len(got) == 1
    got = _coded(["Chilean", "and", "Peruvian", "officials", "freed", "Bolivia", "."], [3, 0, 0, 4, 4, 4, 4],
                 ["amod", "cc", "conj", "nsubj", "ROOT", "dobj", "punct"],
                 ["ADJ", "CCONJ", "ADJ", "NOUN", "VERB", "PROPN", "PUNCT"],
                 ["chilean", "and", "peruvian", "official", "free", "Bolivia", "."],
                 ["B-NORP", "O", "B-NORP", "O", "O", "B-GPE", "O"])
    assert sorted(got) == [("CHL", "RETREAT", "release", "BOL"), ("PER", "RETREAT", "release", "BOL")]


def test_the_visitor_is_the_actor_of_a_welcome():
    # "Japan gave a welcome to Serbia ."
    got = _coded(["Japan", "gave", "a", "welcome", "to", "Serbia", "."], [1, 1, 3, 1, 1, 4, 1],
                 ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
                 ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
                 ["Japan", "give", "a", "welcome", "to", "Serbia", "."], ["B-GPE"] + ["O"] * 4 + ["B-GPE", "O"])
    assert got == [("SRB", "CONSULT", "visit", "JPN")]


def test_forces_sent_somewhere_mobilize_against_the_place_they_are_sent_to():
    # "Kenya sent police to Haiti ." / "Chile dispatched troops to Peru ."
    for verb, lemma, obj, olemma, mode, dest, iso in [("sent", "send", "police", "police", "police", "Haiti", "HTI"),
                                                      ("dispatched", "dispatch", "troops", "troop", "troops", "Peru", "PER")]:
        got = _coded(["Kenya", verb, obj, "to", dest, "."], [1, 1, 1, 1, 3, 1],
                     ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"], ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
                     ["Kenya", lemma, olemma, "to", dest, "."], ["B-GPE", "O", "O", "O", "B-GPE", "O"])
        assert got == [("KEN", "MOBILIZE", mode, iso)]


def test_a_junta_is_its_state_and_a_coordinated_clause_keeps_its_own_object():
    # "The junta in Niger suspended talks and arrested Bazoum ." -- no SANCTION of Bazoum
    words = ["The", "junta", "in", "Niger", "suspended", "talks", "and", "arrested", "Bazoum", "."]
    got = _coded(words, [1, 4, 1, 2, 4, 4, 4, 4, 7, 4],
                 ["det", "nsubj", "prep", "pobj", "ROOT", "dobj", "cc", "conj", "dobj", "punct"],
                 ["DET", "NOUN", "ADP", "PROPN", "VERB", "NOUN", "CCONJ", "VERB", "PROPN", "PUNCT"],
                 ["the", "junta", "in", "Niger", "suspend", "talk", "and", "arrest", "Bazoum", "."],
                 ["O", "O", "O", "B-GPE", "O", "O", "O", "O", "B-PERSON", "O"])
    assert [(a, act) for a, act, _, _ in got] == [("NER", "COERCE")]


@pytest.mark.parametrize("prep, place, lemma, ent, mode", [
    ("in", "Oslo", "Oslo", "B-GPE", "third-party"),   # in a state that is neither side's
    ("in", "Lima", "Lima", "B-GPE", None),            # at home of one side
    ("by", "phone", "phone", "O", "phone"),
    ("at", "summit", "summit", "O", "multilateral"),
])
def test_the_setting_of_a_meeting_gives_its_mode(prep, place, lemma, ent, mode):
    # "Peru met Chile in Oslo ."
    got = _coded(["Peru", "met", "Chile", prep, place, "."], [1, 1, 1, 1, 3, 1],
                 ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"], ["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"],
                 ["Peru", "meet", "Chile", prep, lemma, "."], ["B-GPE", "O", "B-GPE", "O", ent, "O"])
    assert got == [("PER", "CONSULT", mode, "CHL")]


@pytest.mark.parametrize("denier, iso, status", [("Russia", "RUS", "claimed"), ("Peru", "PER", "negated")])
def test_a_denial_of_a_report_links_to_what_the_report_says(denier, iso, status):
    # "Russia denied Reuters reports that Peru met Chile ." -- claimed when another party denies it,
    # negated when a side of it does
    words = [denier, "denied", "Reuters", "reports", "that", "Peru", "met", "Chile", "."]
    doc = make(words, [1, 1, 3, 1, 6, 6, 3, 6, 1],
               ["nsubj", "ROOT", "compound", "dobj", "mark", "nsubj", "acl", "dobj", "punct"],
               ["PROPN", "VERB", "PROPN", "NOUN", "SCONJ", "PROPN", "VERB", "PROPN", "PUNCT"],
               lemmas=[denier, "deny", "Reuters", "report", "that", "Peru", "meet", "Chile", "."],
               ents=["B-GPE", "O", "B-ORG", "O", "O", "B-GPE", "O", "B-GPE", "O"])
    events = code_document(doc, Document("t", doc.text, date(2024, 4, 4)))
    reject = next(e for e in events if e.action == "REJECT")
    meeting = next(e for e in events if e.action == "CONSULT")
    assert (reject.actor.country, reject.target.name) == (iso, "Reuters"), "the denial answers the report's owner"
    assert meeting.status == status and reject.denies == meeting


def test_mediators_meet_each_side_even_with_the_subject_on_the_auxiliary():
    # "Egypt and Qatar are mediating between Chile and Peru ." -- the parser hung the subject on "are"
    words = ["Egypt", "and", "Qatar", "are", "mediating", "between", "Chile", "and", "Peru", "."]
    got = _coded(words, [3, 0, 0, 4, 4, 4, 5, 6, 6, 4],
                 ["nsubj", "cc", "conj", "aux", "ROOT", "prep", "pobj", "cc", "conj", "punct"],
                 ["PROPN", "CCONJ", "PROPN", "AUX", "VERB", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"],
                 ["Egypt", "and", "Qatar", "be", "mediate", "between", "Chile", "and", "Peru", "."],
                 ["B-GPE", "O", "B-GPE", "O", "O", "O", "B-GPE", "O", "B-GPE", "O"])
    assert sorted((a, t) for a, _, _, t in got) == [("EGY", "CHL"), ("EGY", "PER"), ("QAT", "CHL"), ("QAT", "PER")]
    assert {(act, m) for _, act, m, _ in got} == {("CONSULT", "third-party")}


def test_names_the_model_mislabelled_and_names_written_family_name_first():
    # "Chinese Premier Li Qiang met the Houthis . Li withdrew from Kharkiv ."
    words = ["Chinese", "Premier", "Li", "Qiang", "met", "the", "Houthis", ".", "Li", "withdrew", "from", "Kharkiv", "."]
    doc = make(words, [3, 3, 3, 4, 4, 6, 4, 4, 9, 9, 9, 10, 9],
               ["amod", "compound", "compound", "nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "ROOT", "prep", "pobj",
                "punct"],
               ["ADJ", "PROPN", "PROPN", "PROPN", "VERB", "DET", "PROPN", "PUNCT", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
               ents=["B-NORP", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "B-PERSON", "O", "O", "B-PERSON", "O"],
               sent_starts=[1] + [0] * 7 + [1] + [0] * 4)
    found = {m.text: (m.actor.name, m.actor.kind, m.actor.country) for m in find_mentions(doc, GZ, LEX)}
    assert found["Li"] == ("Li Qiang", "person", "CHN"), "a second mention by family name"
    assert found["Houthis"][1:] == ("group", "YEM")
    assert found["Kharkiv"] == ("Ukraine", "state", "UKR"), "a place, whatever the model says"


def test_a_place_the_model_took_for_a_person_in_front_of_a_noun():
    # "Russia shelled the Kharkiv plant ." with "Kharkiv" tagged PERSON
    got = _coded(["Russia", "shelled", "the", "Kharkiv", "plant", "."], [1, 1, 4, 4, 1, 1],
                 ["nsubj", "ROOT", "det", "compound", "dobj", "punct"], ["PROPN", "VERB", "DET", "PROPN", "NOUN", "PUNCT"],
                 ["Russia", "shell", "the", "Kharkiv", "plant", "."], ["B-GPE", "O", "O", "B-PERSON", "O", "O"])
    assert [(a, t) for _, a, _, t in got] == [("ASSAULT", "UKR")]


def test_a_future_meeting_agreed_is_dated_when_announced_and_revenge_vowed_is_a_threat():
    # "Peru will meet Chile next month ." published 2024-04-04 / "Peru vowed revenge against Chile ."
    doc = make(["Peru", "will", "meet", "Chile", "next", "month", "."], [2, 2, 2, 2, 5, 2, 2],
               ["nsubj", "aux", "ROOT", "dobj", "amod", "npadvmod", "punct"],
               ["PROPN", "AUX", "VERB", "PROPN", "ADJ", "NOUN", "PUNCT"],
               lemmas=["Peru", "will", "meet", "Chile", "next", "month", "."],
               ents=["B-GPE", "O", "O", "B-GPE", "B-DATE", "I-DATE", "O"])
    assert [(e.action, e.target.country, e.date) for e in code_document(doc, Document("t", doc.text, date(2024, 4, 4)))] \
        == [("AGREE", "CHL", "2024-04-04")]
    got = _coded(["Peru", "vowed", "revenge", "against", "Chile", "."], [1, 1, 1, 2, 3, 1],
                 ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"], ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
                 ["Peru", "vow", "revenge", "against", "Chile", "."], ["B-GPE", "O", "O", "O", "B-GPE", "O"])
    assert [(a, t) for _, a, _, t in got] == [("THREATEN", "CHL")]


def test_a_counterpart_named_by_the_model_as_a_place_and_an_indefinite_counterpart():
    # "Peru 's minister Ana Paz met his Chilean counterpart Luis Vera . Vera met a Chilean counterpart ."
    # -- "Luis Vera" tagged GPE; "Vera" tagged NOUN at the start; "a Chilean counterpart" is nobody named
    words = ["Peru", "'s", "minister", "Ana", "Paz", "met", "his", "Chilean", "counterpart", "Luis", "Vera", ".",
             "Vera", "met", "a", "Chilean", "counterpart", "."]
    heads = [2, 0, 4, 4, 5, 5, 8, 8, 5, 10, 8, 5, 13, 13, 16, 16, 13, 13]
    deps = ["poss", "case", "compound", "compound", "nsubj", "ROOT", "poss", "amod", "dobj", "compound", "appos", "punct",
            "nsubj", "ROOT", "det", "amod", "dobj", "punct"]
    pos = ["PROPN", "PART", "NOUN", "PROPN", "PROPN", "VERB", "PRON", "ADJ", "NOUN", "PROPN", "PROPN", "PUNCT",
           "NOUN", "VERB", "DET", "ADJ", "NOUN", "PUNCT"]
    ents = ["B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-NORP", "O", "B-GPE", "I-GPE", "O",
            "O", "O", "O", "B-NORP", "O", "O"]
    doc = make(words, heads, deps, pos, ents=ents, sent_starts=[1] + [0] * 11 + [1] + [0] * 5,
               lemmas=[w if w[0].isupper() else w.lower() for w in words[:5]] + ["meet"] + words[6:13] + ["meet"] + words[14:])
    found = {(m.start, m.actor.name, m.actor.kind, m.actor.country) for m in find_mentions(doc, GZ, LEX)}
    assert (9, "Luis Vera", "person", "CHL") in found and (12, "Luis Vera", "person", "CHL") in found
    assert (15, "Chile", "state", "CHL") in found, "an indefinite counterpart stays the state"


def test_the_two_ministers_are_the_last_two_people_and_both_sides_saying_it_is_no_claim():
    # "Ana Paz called Luis Vera on Monday . Chile and Peru said the two ministers discussed trade ."
    words = ["Ana", "Paz", "called", "Luis", "Vera", "on", "Monday", ".",
             "Chile", "and", "Peru", "said", "the", "two", "ministers", "discussed", "trade", "."]
    heads = [1, 2, 2, 4, 2, 2, 5, 2, 11, 8, 8, 11, 14, 14, 15, 11, 15, 11]
    deps = ["compound", "nsubj", "ROOT", "compound", "dobj", "prep", "pobj", "punct",
            "nsubj", "cc", "conj", "ROOT", "det", "nummod", "nsubj", "ccomp", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT",
           "PROPN", "CCONJ", "PROPN", "VERB", "DET", "NUM", "NOUN", "VERB", "NOUN", "PUNCT"]
    lemmas = ["Ana", "Paz", "call", "Luis", "Vera", "on", "Monday", ".",
              "Chile", "and", "Peru", "say", "the", "two", "minister", "discuss", "trade", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-DATE", "O",
            "B-GPE", "O", "B-GPE", "O", "O", "O", "O", "O", "O", "O"]
    doc = make(words, heads, deps, pos, lemmas=lemmas, ents=ents, sent_starts=[1] + [0] * 7 + [1] + [0] * 9)
    events = code_document(doc, Document("t", doc.text, date(2024, 4, 4)))
    again = [e for e in events if e.start > 0]
    assert [(e.action, {e.actor.name, e.target.name}, e.source, e.date) for e in again] == \
        [("CONSULT", {"Ana Paz", "Luis Vera"}, None, "2024-04-01")], "the story's call, told by both sides"


def test_an_accusation_its_target_calls_absurd_is_rejected():
    # "Chile accused Peru , which Lima called absurd ."
    words = ["Chile", "accused", "Peru", ",", "which", "Lima", "called", "absurd", "."]
    got = _coded(words, [1, 1, 1, 2, 6, 6, 2, 6, 1],
                 ["nsubj", "ROOT", "dobj", "punct", "dobj", "nsubj", "relcl", "oprd", "punct"],
                 ["PROPN", "VERB", "PROPN", "PUNCT", "PRON", "PROPN", "VERB", "ADJ", "PUNCT"],
                 ["Chile", "accuse", "Peru", ",", "which", "Lima", "call", "absurd", "."],
                 ["B-GPE", "O", "B-GPE", "O", "O", "B-GPE", "O", "O", "O"])
    assert sorted((a, act, t) for a, act, _, t in got) == [("CHL", "ACCUSE", "PER"), ("PER", "REJECT", "CHL")]


def test_we_in_a_quote_is_the_speakers_side_and_may_have_hedges():
    # '" We met Peru , " Ana Paz of Chile said .' / "Chile may have met Peru ."
    words = ['"', "We", "met", "Peru", ",", '"', "Ana", "Paz", "of", "Chile", "said", "."]
    doc = make(words, [10, 2, 10, 2, 10, 10, 7, 10, 7, 8, 10, 10],
               ["punct", "nsubj", "ccomp", "dobj", "punct", "punct", "compound", "nsubj", "prep", "pobj", "ROOT", "punct"],
               ["PUNCT", "PRON", "VERB", "PROPN", "PUNCT", "PUNCT", "PROPN", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
               lemmas=['"', "we", "meet", "Peru", ",", '"', "Ana", "Paz", "of", "Chile", "say", "."],
               ents=["O", "O", "O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O"])
    events = code_document(doc, Document("t", doc.text, date(2024, 4, 4)))
    assert [(e.actor.country, e.actor.kind, e.action, e.target.country, e.source.name) for e in events] == \
        [("CHL", "state", "CONSULT", "PER", "Ana Paz")]
    doc = make(["Chile", "may", "have", "met", "Peru", "."], [3, 3, 3, 3, 3, 3],
               ["nsubj", "aux", "aux", "ROOT", "dobj", "punct"], ["PROPN", "AUX", "AUX", "VERB", "PROPN", "PUNCT"],
               lemmas=["Chile", "may", "have", "meet", "Peru", "."], ents=["B-GPE", "O", "O", "O", "B-GPE", "O"])
    assert [e.status for e in code_document(doc, Document("t", doc.text, date(2024, 4, 4)))] == ["claimed"]


def test_courts_are_organisations_of_their_state_and_counted_peoples_are_civilians():
    # "A court in Lima sentenced Vera ." / "Thousands of Chileans protested ."
    got = _coded(["A", "court", "in", "Lima", "sentenced", "Vera", "."], [1, 4, 1, 2, 4, 4, 4],
                 ["det", "nsubj", "prep", "pobj", "ROOT", "dobj", "punct"],
                 ["DET", "NOUN", "ADP", "PROPN", "VERB", "PROPN", "PUNCT"],
                 ["a", "court", "in", "Lima", "sentence", "Vera", "."], ["O", "O", "O", "B-GPE", "O", "B-PERSON", "O"])
    assert [(a, act) for a, act, _, _ in got] == [("PER", "SANCTION")]
    doc = make(["Thousands", "of", "Chileans", "protested", "."], [3, 0, 1, 3, 3],
               ["nsubj", "prep", "pobj", "ROOT", "punct"], ["NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
               lemmas=["thousand", "of", "Chileans", "protest", "."], ents=["B-CARDINAL", "O", "B-NORP", "O", "O"])
    doc[2].tag_ = "NNPS"
    events = code_document(doc, Document("t", doc.text, date(2024, 4, 4)))
    assert [(e.actor.kind, e.actor.country, e.action, e.mode) for e in events] == [("group", "CHL", "PROTEST", "demo")]


def test_an_arrest_with_no_agent_is_by_the_state_where_it_happened_of_a_foreigner_by_origin():
    # "A missionary from Lima was arrested in Chile ."
    got = _coded(["A", "missionary", "from", "Lima", "was", "arrested", "in", "Chile", "."], [1, 5, 1, 2, 5, 5, 5, 6, 5],
                 ["det", "nsubjpass", "prep", "pobj", "auxpass", "ROOT", "prep", "pobj", "punct"],
                 ["DET", "NOUN", "ADP", "PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
                 ["a", "missionary", "from", "Lima", "be", "arrest", "in", "Chile", "."],
                 ["O", "O", "O", "B-GPE", "O", "O", "O", "B-GPE", "O"])
    assert got == [("CHL", "COERCE", "arrest", "PER")]


@pytest.mark.parametrize("dep", ["xcomp", "advcl"])
def test_vowing_to_fight_is_a_threat_however_the_infinitive_is_parsed(dep):
    # "Chile vowed to attack Peru ."
    got = _coded(["Chile", "vowed", "to", "attack", "Peru", "."], [1, 1, 3, 1, 3, 1],
                 ["nsubj", "ROOT", "aux", dep, "dobj", "punct"], ["PROPN", "VERB", "PART", "VERB", "PROPN", "PUNCT"],
                 ["Chile", "vow", "to", "attack", "Peru", "."], ["B-GPE", "O", "O", "O", "B-GPE", "O"])
    assert [(a, act) for a, act, _, _ in got] == [("CHL", "THREATEN")]


def test_a_dateline_names_no_actor_and_a_relative_clause_keeps_its_date():
    # "LIMA , May 2 - Peru met Chile , which Bolivia attacked in 2019 ."
    words = ["LIMA", ",", "May", "2", "-", "Peru", "met", "Chile", ",", "which", "Bolivia", "attacked", "in", "2019", "."]
    heads = [6, 0, 0, 2, 0, 0, 6, 6, 7, 11, 11, 7, 11, 12, 6]
    deps = ["nsubj", "punct", "appos", "nummod", "punct", "conj", "ROOT", "dobj", "punct", "dobj", "nsubj", "relcl",
            "prep", "pobj", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "NUM", "PUNCT", "PROPN", "VERB", "PROPN", "PUNCT", "PRON", "PROPN", "VERB",
           "ADP", "NUM", "PUNCT"]
    ents = ["B-GPE", "O", "B-DATE", "I-DATE", "O", "B-GPE", "O", "B-GPE", "O", "O", "B-GPE", "O", "O", "B-DATE", "O"]
    doc = make(words, heads, deps, pos, ents=ents, lemmas=[w if w[0].isupper() else w.lower() for w in words[:6]]
               + ["meet", "Chile", ",", "which", "Bolivia", "attack", "in", "2019", "."])
    events = code_document(doc, Document("t", doc.text, date(2024, 5, 2)))
    meeting = [e for e in events if e.action == "CONSULT"]
    assert [(e.actor.country, e.target.country, e.date) for e in meeting] == [("PER", "CHL", None)]


def test_weapons_tests_mobilize_and_storming_an_embassy_coerces():
    # "Chile test-fired missiles ." / "Peru stormed the Chilean embassy ."
    got = _coded(["Chile", "test-fired", "missiles", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"],
                 ["PROPN", "VERB", "NOUN", "PUNCT"], ["Chile", "test-fire", "missile", "."], ["B-GPE", "O", "O", "O"])
    assert got == [("CHL", "MOBILIZE", "weapons", None)]
    got = _coded(["Peru", "stormed", "the", "Chilean", "embassy", "."], [1, 1, 4, 4, 1, 1],
                 ["nsubj", "ROOT", "det", "amod", "dobj", "punct"], ["PROPN", "VERB", "DET", "ADJ", "NOUN", "PUNCT"],
                 ["Peru", "storm", "the", "chilean", "embassy", "."], ["B-GPE", "O", "O", "B-NORP", "O", "O"])
    assert [(a, act, t) for a, act, _, t in got] == [("PER", "COERCE", "CHL")]


def test_a_host_of_others_talks_meets_each_side_as_a_third_party():
    # "Qatar hosted talks between Chile and Peru ."
    got = _coded(["Qatar", "hosted", "talks", "between", "Chile", "and", "Peru", "."], [1, 1, 1, 2, 3, 4, 4, 1],
                 ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "punct"],
                 ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"],
                 ["Qatar", "host", "talk", "between", "Chile", "and", "Peru", "."],
                 ["B-GPE", "O", "O", "O", "B-GPE", "O", "B-GPE", "O"])
    assert sorted(got) == [("CHL", "CONSULT", "third-party", "PER"), ("QAT", "CONSULT", "third-party", "CHL"),
                           ("QAT", "CONSULT", "third-party", "PER")]


def test_an_aid_package_is_given_by_who_announces_it_to_whom_it_is_for():
    # "Japan announced an aid package for Peru ."
    got = _coded(["Japan", "announced", "an", "aid", "package", "for", "Peru", "."], [1, 1, 4, 4, 1, 4, 5, 1],
                 ["nsubj", "ROOT", "det", "compound", "dobj", "prep", "pobj", "punct"],
                 ["PROPN", "VERB", "DET", "NOUN", "NOUN", "ADP", "PROPN", "PUNCT"],
                 ["Japan", "announce", "an", "aid", "package", "for", "Peru", "."],
                 ["B-GPE", "O", "O", "O", "O", "O", "B-GPE", "O"])
    assert [(a, act, t) for a, act, _, t in got] == [("JPN", "AID", "PER")]


def test_names_the_model_missed_the_leaders_of_two_states_and_what_is_discussed():
    # "In a call with Vrana , Belyakin discussed aid to Peru . The leaders of Chile and Peru met ."
    words = ["In", "a", "call", "with", "Vrana", ",", "Belyakin", "discussed", "aid", "to", "Peru", ".",
             "The", "leaders", "of", "Chile", "and", "Peru", "met", "."]
    heads = [7, 2, 0, 2, 3, 7, 7, 7, 7, 8, 9, 7, 13, 18, 13, 14, 15, 15, 18, 18]
    deps = ["prep", "det", "pobj", "prep", "pobj", "punct", "nsubj", "ROOT", "dobj", "prep", "pobj", "punct",
            "det", "nsubj", "prep", "pobj", "cc", "conj", "ROOT", "punct"]
    pos = ["ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT",
           "DET", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"]
    lemmas = ["in", "a", "call", "with", "Vrana", ",", "Belyakin", "discuss", "aid", "to", "Peru", ".",
              "the", "leader", "of", "Chile", "and", "Peru", "meet", "."]
    ents = ["O"] * 10 + ["B-GPE"] + ["O"] * 4 + ["B-GPE", "O", "B-GPE", "O", "O"]
    doc = make(words, heads, deps, pos, lemmas=lemmas, ents=ents, sent_starts=[1] + [0] * 11 + [1] + [0] * 7)
    events = code_document(doc, Document("t", doc.text, date(2024, 4, 4)))
    got = sorted((e.actor.name, e.action, e.mode, e.target.name if e.target else None) for e in events)
    assert got == [("Belyakin", "CONSULT", "phone", "Vrana"), ("Chile", "CONSULT", None, "Peru")], \
        "unknown names are people; aid to Peru is what they discussed, not whom they met"


def test_calling_someone_a_dictator_is_an_accusation():
    # "Peru called Vera a dictator ." with "Vera" hung on the label
    got = _coded(["Peru", "called", "Vera", "a", "dictator", "."], [1, 1, 4, 4, 1, 1],
                 ["nsubj", "ROOT", "nmod", "det", "oprd", "punct"], ["PROPN", "VERB", "PROPN", "DET", "NOUN", "PUNCT"],
                 ["Peru", "call", "Vera", "a", "dictator", "."], ["B-GPE", "O", "B-PERSON", "O", "O", "O"])
    assert [(a, act) for a, act, _, _ in got] == [("PER", "ACCUSE")]


def test_a_crowd_that_acts_is_a_group_of_where_it_acts_and_a_crowd_acted_on_is_not():
    # "Thousands of people marched in Lima . Chile killed people ."
    words = ["Thousands", "of", "people", "marched", "in", "Lima", ".", "Chile", "killed", "people", "."]
    doc = make(words, [3, 0, 1, 3, 3, 4, 3, 8, 8, 8, 8],
               ["nsubj", "prep", "pobj", "ROOT", "prep", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
               ["NOUN", "ADP", "NOUN", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "VERB", "NOUN", "PUNCT"],
               lemmas=["thousand", "of", "people", "march", "in", "Lima", ".", "Chile", "kill", "people", "."],
               ents=["B-CARDINAL", "O", "O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O", "O"],
               sent_starts=[1] + [0] * 6 + [1, 0, 0, 0])
    found = [(m.start, m.actor.kind, m.actor.country, m.actor.name) for m in find_mentions(doc, GZ, LEX)]
    # (named as counted: "people" says nothing of who they are)
    assert (0, "group", "PER", "Thousands of people") in found and all(f[0] != 9 for f in found), found


def test_a_host_receives_each_visitor():
    # "Egypt hosted Israeli and Qatari negotiators ."
    got = _coded(["Egypt", "hosted", "Israeli", "and", "Qatari", "negotiators", "."], [1, 1, 5, 2, 2, 1, 1],
                 ["nsubj", "ROOT", "amod", "cc", "conj", "dobj", "punct"],
                 ["PROPN", "VERB", "ADJ", "CCONJ", "ADJ", "NOUN", "PUNCT"],
                 ["Egypt", "host", "israeli", "and", "qatari", "negotiator", "."],
                 ["B-GPE", "O", "B-NORP", "O", "B-NORP", "O", "O"])
    assert sorted(got) == [("ISR", "CONSULT", "visit", "EGY"), ("QAT", "CONSULT", "visit", "EGY")]


def test_whom_one_withdraws_from_is_the_target_not_what_is_withdrawn():
    # "Chile withdrew Swiss troops from Peru ."
    words = ["Chile", "withdrew", "Swiss", "troops", "from", "Peru", "."]
    got = _coded(words, [1, 1, 3, 1, 1, 4, 1], ["nsubj", "ROOT", "amod", "dobj", "prep", "pobj", "punct"],
                 ["PROPN", "VERB", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT"],
                 ["Chile", "withdraw", "swiss", "troop", "from", "Peru", "."],
                 ["B-GPE", "O", "B-NORP", "O", "O", "B-GPE", "O"])
    assert [(a, t) for _, a, _, t in got] == [("RETREAT", "PER")]


def test_events_inside_a_condition_are_not_coded_and_the_purpose_of_a_protest_is_its_target():
    # "Workers began a hunger strike to protest against Chile unless Chile attacks Peru ."
    words = ["Workers", "began", "a", "hunger", "strike", "to", "protest", "against", "Chile",
             "unless", "Chile", "attacks", "Peru", "."]
    heads = [1, 1, 4, 4, 1, 6, 1, 6, 7, 11, 11, 1, 11, 1]
    deps = ["nsubj", "ROOT", "det", "compound", "dobj", "aux", "advcl", "prep", "pobj",
            "mark", "nsubj", "advcl", "dobj", "punct"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "NOUN", "PART", "VERB", "ADP", "PROPN", "SCONJ", "PROPN", "VERB", "PROPN",
           "PUNCT"]
    lemmas = ["worker", "begin", "a", "hunger", "strike", "to", "protest", "against", "Chile", "unless", "Chile",
              "attack", "Peru", "."]
    ents = ["O"] * 8 + ["B-GPE", "O", "B-GPE", "O", "B-GPE", "O"]
    got = _coded(words, heads, deps, pos, lemmas, ents)
    assert [(a, m, t) for _, a, m, t in got] == [("PROTEST", "hunger", "CHL")]


def test_non_state_groups_keep_their_country_and_state_agents_stay_the_state():
    # "Croatian extremists attacked Croatian soldiers ."
    words = ["Croatian", "extremists", "attacked", "Croatian", "soldiers", "."]
    doc = make(words, [1, 2, 2, 4, 2, 2], ["amod", "nsubj", "ROOT", "amod", "dobj", "punct"],
               ["ADJ", "NOUN", "VERB", "ADJ", "NOUN", "PUNCT"],
               lemmas=["croatian", "extremist", "attack", "croatian", "soldier", "."],
               ents=["B-NORP", "O", "O", "B-NORP", "O", "O"])
    found = {m.text: m.actor for m in find_mentions(doc, GZ, LEX)}
    assert (found["Croatian extremists"].kind, found["Croatian extremists"].country) == ("group", "HRV")
    assert found["Croatian"] == state("Croatia", "HRV"), "soldiers act for their state"
    events = code_document(doc, Document("t", doc.text, date(2024, 4, 4)))
    assert [(e.actor.kind, e.action, e.target.kind) for e in events] == [("group", "ASSAULT", "state")]


def test_people_where_they_live_and_organisations_the_gazetteer_does_not_know():
    # "Albanians in Serbia thanked the Workers Union ."
    words = ["Albanians", "in", "Serbia", "thanked", "the", "Workers", "Union", "."]
    doc = make(words, [3, 0, 1, 3, 6, 6, 3, 3], ["nsubj", "prep", "pobj", "ROOT", "det", "compound", "dobj", "punct"],
               ["PROPN", "ADP", "PROPN", "VERB", "DET", "PROPN", "PROPN", "PUNCT"],
               lemmas=["Albanians", "in", "Serbia", "thank", "the", "Workers", "Union", "."],
               ents=["B-NORP", "O", "B-GPE", "O", "B-ORG", "I-ORG", "I-ORG", "O"])
    doc[0].tag_ = "NNPS"
    found = {m.text: m.actor for m in find_mentions(doc, GZ, LEX)}
    assert (found["Albanians"].name, found["Albanians"].kind, found["Albanians"].country) == \
        ("Albanians in Serbia", "group", "SRB")
    assert found["the Workers Union"].kind == "organization" and found["the Workers Union"].name == "Workers Union"


def test_groups_take_the_country_that_describes_them_or_where_they_act():
    # "Workers affiliated with the Serbian union rioted . Prisoners rioted at a jail in Dili ."
    # ". Protesters against Israel rioted ."
    words = ["Workers", "affiliated", "with", "the", "Serbian", "union", "rioted", ".",
             "Prisoners", "rioted", "at", "a", "jail", "in", "Dili", ".",
             "Protesters", "against", "Israel", "rioted", "."]
    heads = [6, 0, 1, 5, 5, 2, 6, 6, 9, 9, 9, 12, 10, 12, 13, 9, 19, 16, 17, 19, 19]
    deps = ["nsubj", "acl", "prep", "det", "amod", "pobj", "ROOT", "punct", "nsubj", "ROOT", "prep", "det", "pobj",
            "prep", "pobj", "punct", "nsubj", "prep", "pobj", "ROOT", "punct"]
    pos = ["NOUN", "VERB", "ADP", "DET", "ADJ", "NOUN", "VERB", "PUNCT", "NOUN", "VERB", "ADP", "DET", "NOUN", "ADP",
           "PROPN", "PUNCT", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"]
    lemmas = ["worker", "affiliate", "with", "the", "serbian", "union", "riot", ".", "prisoner", "riot", "at", "a",
              "jail", "in", "Dili", ".", "protester", "against", "Israel", "riot", "."]
    ents = ["O"] * 4 + ["B-NORP"] + ["O"] * 9 + ["B-GPE"] + ["O"] * 3 + ["B-GPE", "O", "O"]
    doc = make(words, heads, deps, pos, lemmas=lemmas, ents=ents,
               sent_starts=[1] + [0] * 7 + [1] + [0] * 7 + [1] + [0] * 4)
    doc[1].tag_ = "VBN"
    found = {m.text: m.actor for m in find_mentions(doc, GZ, LEX)}
    assert (found["Workers"].kind, found["Workers"].country) == ("group", "SRB"), "who describes them"
    assert (found["Prisoners"].kind, found["Prisoners"].country) == ("group", "TLS"), "where they act"
    assert (found["Protesters"].kind, found["Protesters"].country) == ("group", None), "whom they oppose is no home"


def test_the_object_of_another_event_is_its_topic_not_the_subjects_act():
    # "Rome condemned the attack ." -- Rome accuses; it did not attack
    got = _coded(["Rome", "condemned", "the", "attack", "."], [1, 1, 3, 1, 1],
                 ["nsubj", "ROOT", "det", "dobj", "punct"], ["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
                 ["Rome", "condemn", "the", "attack", "."], ["B-GPE", "O", "O", "O", "O"])
    assert [a for _, a, _, _ in got] == ["ACCUSE"]


def test_aid_needs_a_recipient_and_the_alliance_is_the_organisation_last_named():
    # "NATO met . The alliance sent aid ."
    words = ["NATO", "met", ".", "The", "alliance", "sent", "aid", "."]
    doc = make(words, [1, 1, 1, 4, 5, 5, 5, 5], ["nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "dobj", "punct"],
               ["PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "NOUN", "PUNCT"],
               lemmas=["NATO", "meet", ".", "the", "alliance", "send", "aid", "."],
               ents=["B-ORG", "O", "O", "O", "O", "O", "O", "O"], sent_starts=[1, 0, 0, 1, 0, 0, 0, 0])
    idx = MentionIndex(find_mentions(doc, GZ, LEX))
    assert idx.at(doc[4]).actor.name == "NATO"
    events = code_document(doc, Document("t", doc.text, date(2024, 4, 4)))
    assert all(e.action != "AID" for e in events), "aid to no one is not coded"
