"""Event anaphora: a reaction aimed at an event told elsewhere is aimed at whoever did it.

"NATO warplanes pounded Serb positions. ... Russia condemned the bombing and
demanded that it be halted" is Russia against NATO; "Silajdzic welcomed the
strikes" supports NATO; "NATO complained it had not been told of the move" (the
move: Russia's dash to Pristina) accuses Russia.  A reaction's object that is
an event noun ("the bombing", "the attack", "the decision", "the move") and
names no actor of its own stands for the first event the story told before it
of that kind (a story's reactions answer the event it leads with, not a side
event told since: "NATO warplanes pounded Serb positions ... British guns
shelled Serb artillery ... Russia condemned the bombing" is aimed at NATO), unless
an event of that kind was aimed at the reacting actor itself, or else at its state
("Lula urged Maduro to free prisoners ... Maduro rejected the request"); its
actor is the reaction's target.  A pronoun that is the subject
of what the reaction demands ("demanded that it be halted") stands for the same
event.

Pure functions of the coded events and their trigger tokens; the coder calls
:func:`aim_at_events` once per document.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..records import Event
from .lexicon import Lexicon

__all__ = ["aim_at_events", "REACTIONS"]

#: Types of events that react to another one, and so can be aimed at its actor.
REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "PROTEST", "THREATEN"})
_OBJECT_PREPS = ("against", "over", "of", "for", "at", "about", "on", "to")
_MATERIAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "AID", "COOPERATE", "RETREAT", "PROTEST"})


def _event_objects(tok: Token) -> list[Token]:
    """The nouns a reaction is about: its object, what it is against, what its demand is about."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    # (and what the noun a light verb holds is about: "filed a protest over that incident")
    objs += [g for h in [tok, *objs] for c in h.children if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS
             and (h.i == tok.i or c.lower_ in ("over", "against", "about", "at"))
             for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ == "amod" and tok.head.pos_ == "NOUN":  # "an angry condemnation": rare; keep the head
        objs.append(tok.head)
    # "demanded that it be halted", "said they must stop": the pronoun subject of what is demanded
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp"):
            objs += [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ == "PRON"
                     and s.lower_ in ("it", "this", "that", "they")]
    return objs


def _kinds(noun: Token, lex: Lexicon) -> set[str] | None:
    """The event types an event noun can stand for: a trigger noun's own type, any material act for a general
    one ("the move", "the decision"); None when the noun is no event."""
    lemma = noun.lemma_.lower()
    if noun.pos_ == "PRON":
        return set(_MATERIAL)
    types = {p.type for p in lex.patterns(lemma, "NOUN")}
    if lemma in lex.cues["event_anaphors"]:
        # "the move", "the decision": any act; "the proposal", "the accord": an offer or an agreement too
        return types or (set(_MATERIAL) | {"REJECT", "THREATEN", "AGREE", "SUPPORT", "CONCEDE"})
    return types or None


def _own_actor(noun: Token) -> bool:
    """Does the event noun name its own doer ("the bombing by NATO", "Israel's raids", "Israeli raids")?"""
    return any(c.dep_ in ("poss", "amod", "compound") and c.i < noun.i and c.ent_type_ in ("GPE", "NORP", "ORG",
                                                                                           "PERSON")
               for c in noun.children) or any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in noun.children)


def aim_at_events(events: Sequence[Event], tokens: Sequence[Token], sdoc: Doc, lex: Lexicon) -> list[Event]:
    """Give each untargeted reaction the actor of the event its object stands for (see the module docs).

    ``tokens[k]`` is the trigger token of ``events[k]``.
    """
    out = list(events)
    for k, ev in enumerate(events):
        if ev.target is not None or ev.action not in REACTIONS or ev.denies is not None:
            continue
        for noun in _event_objects(tokens[k]):
            kinds = _kinds(noun, lex)
            if not kinds or (noun.pos_ != "PRON" and _own_actor(noun)):
                continue
            # the first event told before the object, of that kind, by someone else
            before = [j for j, o in enumerate(events) if j != k and o.action in kinds and tokens[j].i < noun.i
                      and o.actor != ev.actor and not (o.actor.country and o.actor.country == ev.actor.country)
                      and o.status != "negated"]
            if before:
                # what was aimed at the reacting actor itself ("Maduro rejected the request" after Lula urged him)
                # before what was aimed at its state, before the rest
                def aim(j: int) -> int:
                    t = events[j].target
                    return 0 if t == ev.actor else 1 if t is not None and t.country and \
                        t.country == ev.actor.country else 2
                j = min(before, key=lambda j: (aim(j), tokens[j].i))
                out[k] = ev.with_(target=events[j].actor)
                break
    return out
