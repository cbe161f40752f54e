"""Whom an act the text names no recipient for is aimed at, when the story implies it.

* an apology with no one named is owed to the other side named in what it is for ("very sorry for the loss
  of a Chinese pilot"), else, in a story filed from a foreign state's capital, to that state;
* an attack on a thing or a place hits the state it is in: the one named where it happens, else the story's
  own ("missiles destroyed a factory on the edge of the capital");
* forces moved or exercised with no one named are aimed at the state where they are ("exercises around Taiwan");
* a visit to no one named is to the state where it happens, the one named in its clause (or in the clause it
  is told in: "signed it in Tbilisi during a visit by Rice"), else the foreign state the story is filed from;
* a protest against no one named is against the protesters' own government, as event coders code it
  ("protesters rallied in Abuja to demand that the government do more"), or, protesters of no known state,
  against the state they protest in.

Used by :func:`~newskg.extract.coder.code_sentence` for each (actor, no target) pair.

>>> from newskg.records import Actor
>>> from newskg.extract.entities import MentionIndex
>>> from spacy.tokens import Doc
>>> from spacy.vocab import Vocab
>>> doc = Doc(Vocab(), words=["Students", "marched"], pos=["NOUN", "VERB"], deps=["nsubj", "ROOT"], heads=[1, 1])
>>> implied_recipient(doc[1], "PROTEST", "PROTEST", Actor("Students", kind="group", country="PER"),
...                   MentionIndex([]), Gazetteer.default(), Lexicon.default()).name
'Peru'
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import Actor
from .entities import MentionIndex
from .gazetteer import Gazetteer
from .lexicon import Lexicon
from . import readings

__all__ = ["implied_recipient"]


def _state(iso: str | None, gz: Gazetteer) -> Actor | None:
    info = gz.country(iso) if iso else None
    return Actor(info.name, kind="state", country=iso) if info else None


def implied_recipient(tok: Token, trigger_type: str, etype: str, actor: Actor, idx: MentionIndex, gz: Gazetteer,
                      lex: Lexicon, *, home: str | None = None, negated: bool = False) -> Actor | None:
    """The recipient the story implies for the act at ``tok`` coded as ``etype`` (``trigger_type`` is the type
    its trigger has in the lexicon), or None; ``home`` is the state the story is filed from."""
    foreign_home = home if home and home != actor.country else None
    if etype == "CONCEDE" and trigger_type == "CONCEDE":
        owed = readings.aggrieved(tok, actor, idx)
        if owed is not None:
            return owed.actor
        return _state(foreign_home, gz) if actor.country and tok.lemma_.lower() in lex.cues["apology_words"] else None
    if negated:
        return None
    if etype == "ASSAULT":
        hit = readings.place_hit(tok, idx, actor)
        return hit or (_state(foreign_home, gz) if readings.hits_a_thing(tok) else None)
    if etype == "MOBILIZE":  # "staged exercises around Taiwan", "massed troops near the border with Ukraine"
        told_in = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok
        return readings.place_hit(tok, idx, actor) or readings.place_hit(told_in, idx, actor)
    if etype == "CONSULT" and tok.lemma_.lower() in lex.cues["travel_words"]:
        told_in = tok.head.head if tok.dep_ == "pobj" else tok
        return readings.place_hit(tok, idx, actor) or readings.place_hit(told_in, idx, actor) or (
            _state(foreign_home, gz) if actor.country else None)
    if etype == "PROTEST" and actor.kind in ("group", "organization"):
        # (protesters of no known state protest against the state they protest in: "a general strike called by
        # the movement shut shops across Myanmar")
        where = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") else tok
        # (and with no place named, the state the story is filed from: "independence supporters boycotted the
        # referendum", told from Paris)
        return _state(actor.country, gz) if actor.kind == "group" and actor.country else \
            readings.place_hit(where, idx, actor) or (_state(home, gz) if not actor.country else None)
    return None
