"""A pipeline component that mends two confusions of nouns and verbs the small model's tagger makes.

In wire copy's summing-up apposition, "..., an account Bangkok disputes", the small model's tagger often reads
the verb as a plural noun (``NNS``) while its parser still makes it the head of a relative clause on the noun
before, with the subject hung on it as a compound.  A word the parser heads a relative clause with, that has
no determiner of its own and a proper name before it, is the clause's verb: the component retags it (``VBZ``,
or ``VBD`` for an *-ed* form) and makes the name its subject, before the attribute ruler and the lemmatizer
run, so that the rules see the verb the text wrote.  When the parser hung the word elsewhere, the words alone
tell it: a comma, a determiner, a noun, a name, the word, and the end of the phrase.

The other way round, a bare verb form (``VB``) right after the noun of a possessive noun phrase, with no
auxiliary, "to" or subject of its own, is that phrase's head noun: "ending its fisheries dispute with ...".

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["an", "account", "Bangkok", "disputes"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1], deps=["det", "ROOT", "compound", "relcl"],
...           tags=["DT", "NN", "NNP", "NNS"])
>>> [(t.text, t.tag_, t.dep_) for t in TagRepair()(doc)][2:]
[('Bangkok', 'NNP', 'nsubj'), ('disputes', 'VBZ', 'relcl')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

__all__ = ["misread_after_apposition", "misread_noun", "misread_verb", "TagRepair"]


def misread_verb(tok: Token) -> Token | None:
    """The subject of ``tok`` when it is a relative clause's verb tagged as a noun (see the module docs)."""
    if tok.tag_ not in ("NNS", "NN") or tok.dep_ != "relcl" or tok.head.i > tok.i:
        return None
    if any(c.dep_ in ("det", "poss", "amod", "nummod") for c in tok.children):
        return None
    names = [c for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "nsubj") and c.tag_ in ("NNP", "NNPS")]
    return names[-1] if names and names[-1].i > tok.head.i else None


def misread_after_apposition(tok: Token) -> bool:
    """Is ``tok``, tagged as a plural noun, the verb of a clause told on a noun in apposition, by its words
    alone: ", an account Lima disputes." (a comma, a determiner, a noun, a name, then the end of the phrase)?"""
    doc = tok.doc
    if tok.tag_ != "NNS" or (tok.i + 1 < len(doc) and not (doc[tok.i + 1].is_punct or doc[tok.i + 1].tag_ == "IN")):
        return False
    i = tok.i - 1
    while i >= 0 and doc[i].tag_ in ("NNP", "NNPS"):
        i -= 1
    return i < tok.i - 1 and i >= 2 and doc[i].tag_ in ("NN", "NNS") and doc[i - 1].tag_ == "DT" and \
        doc[i - 2].text == ","


def misread_noun(tok: Token) -> bool:
    """Is ``tok``, tagged as a bare verb, the head noun of the possessive noun phrase before it?"""
    if tok.tag_ != "VB" or tok.i < 2 or any(c.dep_ in ("aux", "nsubj", "nsubjpass", "mark") for c in tok.children):
        return False
    before = tok.doc[tok.i - 1]
    return before.tag_ in ("NN", "NNS") and tok.doc[tok.i - 2].tag_ == "PRP$"


class TagRepair:
    """Retag the verbs the tagger read as nouns and the nouns it read as verbs (see the module docs)."""

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            subj = misread_verb(tok)
            if subj is None and misread_after_apposition(tok):
                subj = tok.doc[tok.i - 1]
            if subj is not None:
                tok.tag_ = "VBD" if tok.lower_.endswith("ed") else "VBZ" if tok.lower_.endswith("s") else "VBP"
                # the rest of the name stays compounded into its last word
                subj.dep_ = "nsubj"
            elif misread_noun(tok):
                tok.tag_ = "NN"
        return doc


@Language.factory("newskg_tag_repair")
def _make_tag_repair(nlp: Language, name: str) -> TagRepair:
    return TagRepair()
