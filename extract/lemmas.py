"""A pipeline component that mends verb lemmas the model's rule lemmatizer gets wrong.

The lemmatizer strips "-ed", "-es" and "-ing" and keeps the first stem its tables know, so a verb whose stem
is another word loses its silent *e*: "hoped" becomes *hop*, "staged" *stag*, "waged" *wag*, "rated" *rat*.
English spelling says which it is: a one-syllable stem ending in one vowel and one consonant doubles that
consonant before a suffix ("hopped", "stopping"), so where it is not doubled the verb ends in *e*.  The
component applies that rule when the *e* form is a verb the model's own tables list.  Rules that match on
lemmas ("hope" is an insinuating verb, "stage a protest") then see the verb the text wrote.

>>> fixed_lemma("hoped", "hop", "VBD", {"hope", "hop"}), fixed_lemma("hopped", "hop", "VBD", {"hope", "hop"})
('hope', 'hop')
>>> fixed_lemma("stages", "stag", "VBZ", {"stage"}), fixed_lemma("visited", "visit", "VBD", {"visite"})
('stage', 'visit')
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["fixed_lemma", "LemmaRepair"]

# a one-syllable stem ending in a single vowel and a single consonant that English doubles ("hop", "stag")
_SHORT_STEM = re.compile(r"^[^aeiou]*[aeiou][bdfgklmnprstv]$")


def fixed_lemma(form: str, lemma: str, tag: str, verbs: set[str] | frozenset[str]) -> str:
    """The lemma of the verb form ``form`` (lower case), given the lemmatizer's ``lemma`` and the tag."""
    if not tag.startswith("VB") or not _SHORT_STEM.match(lemma) or lemma + "e" not in verbs:
        return lemma
    if form in (lemma + "ed", lemma + "es", lemma + "ing"):
        return lemma + "e"
    return lemma


class LemmaRepair:
    """Re-lemmatise the verbs whose silent *e* the lemmatizer dropped (see the module docs)."""

    def __init__(self, verbs: frozenset[str]) -> None:
        self.verbs = verbs

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if tok.tag_.startswith("VB"):
                lemma = fixed_lemma(tok.lower_, tok.lemma_.lower(), tok.tag_, self.verbs)
                if lemma != tok.lemma_.lower():
                    tok.lemma_ = lemma
        return doc


@Language.factory("newskg_lemma_repair")
def _make_lemma_repair(nlp: Language, name: str) -> LemmaRepair:
    verbs: frozenset[str] = frozenset()
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            verbs = frozenset(lookups.get_table("lemma_index").get("verb", ()))
    return LemmaRepair(verbs)
