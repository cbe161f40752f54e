"""What an act is done for, and the phrase a trigger noun stands in.

* :func:`measured`: "days" for "games" in "launched ten days of war games", "$5 billion" for "aid" in
  "received $5 billion in military aid";
* :func:`purpose_clauses`: "began a hunger strike to protest against X", "rallied in protest at X",
  "demonstrated, calling for independence from X".

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> doc = Doc(Vocab(), words=["launched", "ten", "days", "of", "games"], heads=[0, 2, 0, 2, 3],
...           deps=["ROOT", "nummod", "dobj", "prep", "pobj"], pos=["VERB", "NUM", "NOUN", "ADP", "NOUN"],
...           lemmas=["launch", "ten", "day", "of", "game"])
>>> measured(doc[4]).text
'days'
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon

__all__ = ["measured", "purpose_clauses"]


def measured(noun: Token) -> Token:
    """The noun phrase a trigger noun stands in: "days" for "games" in "launched ten days of war games"."""
    if noun.dep_ == "pobj" and noun.head.text.lower() == "of" and noun.head.head.pos_ == "NOUN" and \
            noun.head.head.lemma_.lower() in Lexicon.default().cues["measure_nouns"]:
        return noun.head.head
    amount = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "of") and amount.pos_ in ("NUM", "NOUN", "SYM") and (
            amount.ent_type_ in ("MONEY", "QUANTITY") or amount.tag_ == "CD"):
        return amount  # "received $5 billion in military aid", "sent 20 tonnes of food aid": the amount
    return noun


def purpose_clauses(trigger: Token) -> list[Token]:
    """What an action is done for: "began a hunger strike to protest against X", "rallied in protest at X",
    "demonstrated, calling for independence from X".

    Returns the heads of the purpose clauses ("protest", "demand") and of "in protest of/at/against" phrases.
    """
    clause = measured(trigger)
    if clause.pos_ in ("NOUN", "PROPN") and clause.dep_ in ("dobj", "attr") and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    out = []
    for c in [*trigger.children, *(clause.children if clause.i != trigger.i else ())]:
        if c.dep_ == "advcl" and c.pos_ == "VERB" and (c.tag_ == "VBG" or
                                                        any(a.dep_ == "aux" and a.text.lower() == "to" for a in c.children)):
            if any(a.dep_ == "advmod" and a.lower_ == "only" for a in c.children):
                continue  # "imposed a curfew, only to lift it": what came after, not what it was for
            out.append(c)  # "to demand reforms", "..., calling for independence"
        elif c.dep_ == "prep" and c.text.lower() == "in":
            out.extend(g for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() == "protest")
    return out
