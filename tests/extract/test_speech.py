"""Speech-act rules on hand-built Docs: no statistical model involved."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from newskg.extract.entities import ActorMention, MentionIndex
from newskg.extract.coder import code_document
from newskg.extract.lexicon import Lexicon
from newskg.extract.speech import evaluations, participial_speaker
from newskg.records import Actor, Document

LEX = Lexicon.default()
_VOCAB = spacy.blank("en").vocab


def make(words, heads, deps, pos, lemmas, ents=None) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents or ["O"] * len(words))


ITA = Actor("Italy", kind="state", country="ITA")
FRA = Actor("France", kind="state", country="FRA")


@pytest.mark.parametrize("adjective, subject, expected", [
    ("bizarre", "comments", ("ACCUSE", "France")),   # condemning what France said
    ("ridiculous", "claims", ("REJECT", "France")),  # dismissing a claim its owner is named in: that owner
    ("red", "comments", None),                       # no evaluation
])
def test_evaluations(adjective, subject, expected):
    # "The <subject> by Paris were <adjective> , Rome said ."
    words = ["The", subject, "by", "Paris", "were", adjective, ",", "Rome", "said", "."]
    doc = make(words, [1, 4, 1, 2, 8, 4, 8, 8, 8, 8],
               ["det", "nsubj", "prep", "pobj", "ccomp", "acomp", "punct", "nsubj", "ROOT", "punct"],
               ["DET", "NOUN", "ADP", "PROPN", "AUX", "ADJ", "PUNCT", "PROPN", "VERB", "PUNCT"],
               ["the", subject.rstrip("s"), "by", "Paris", "be", adjective, ",", "Rome", "say", "."])
    idx = MentionIndex([ActorMention(3, 4, "Paris", FRA), ActorMention(7, 8, "Rome", ITA)])
    got = [(a.trigger.type, a.target.actor.name if a.target else None) for a in evaluations(doc[:], idx, LEX)]
    assert got == ([expected] if expected else [])
    assert all(a.actor.actor == ITA for a in evaluations(doc[:], idx, LEX))


def test_the_speaker_does_the_calling_on_whatever_clause_the_participle_hangs():
    # "Rome said Paris had no proof , calling on Bern to stop ."  (parser: "calling" under "had")
    words = ["Rome", "said", "Paris", "had", "no", "proof", ",", "calling", "on", "Bern", "to", "stop", "."]
    doc = make(words, [1, 1, 3, 1, 5, 3, 3, 3, 7, 8, 11, 7, 1],
               ["nsubj", "ROOT", "nsubj", "ccomp", "det", "dobj", "punct", "advcl", "prep", "pobj", "aux", "xcomp",
                "punct"],
               ["PROPN", "VERB", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "ADP", "PROPN", "PART", "VERB",
                "PUNCT"],
               ["Rome", "say", "Paris", "have", "no", "proof", ",", "call", "on", "Bern", "to", "stop", "."],
               ents=["B-GPE", "O", "B-GPE", "O", "O", "O", "O", "O", "O", "B-GPE", "O", "O", "O"])
    doc[7].tag_ = "VBG"
    idx = MentionIndex([ActorMention(0, 1, "Rome", ITA), ActorMention(2, 3, "Paris", FRA)])
    assert [m.actor for m in participial_speaker(doc[7], idx, LEX)] == [ITA]
    events = code_document(doc, Document("t", doc.text, date(2024, 4, 4)))
    assert [(e.actor.country, e.action, e.target.country) for e in events if e.action == "REQUEST"] == \
        [("ITA", "REQUEST", "CHE")]


@pytest.mark.parametrize("content, expected", [
    (["it", "would", "retaliate"], "THREATEN"),        # a warning with a threat in it
    (["it", "was", "worried"], "ACCUSE"),             # a warning without one is a reproach
])
def test_a_warning_is_a_threat_only_when_it_carries_one(content, expected):
    # "Rome warned Paris that it would retaliate ."
    words = ["Rome", "warned", "Paris", "that", *content, "."]
    heads = [1, 1, 1, 6, 6, 6, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "mark", "nsubj", "aux" if expected == "THREATEN" else "ROOT", "ccomp", "punct"]
    if expected == "ACCUSE":
        heads, deps = [1, 1, 1, 5, 5, 1, 5, 1], ["nsubj", "ROOT", "dobj", "mark", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "SCONJ", "PRON", "AUX", "VERB" if expected == "THREATEN" else "ADJ", "PUNCT"]
    lemmas = ["Rome", "warn", "Paris", "that", content[0], content[1] if expected == "THREATEN" else "be",
              content[2], "."]
    doc = make(words, heads, deps, pos, lemmas, ents=["B-GPE", "O", "B-GPE", "O", "O", "O", "O", "O"])
    events = code_document(doc, Document("t", doc.text, date(2024, 4, 4)))
    assert [(e.actor.country, e.action, e.target.country) for e in events] == [("ITA", expected, "FRA")]
