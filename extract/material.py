"""Who does a material act to whom, in the constructions wire copy tells it by; used by
:func:`~newskg.extract.constructions.fixed_pairs` and :func:`~newskg.extract.coder.code_sentence`.

* :func:`accused_of`: the one accused of a material act does it, as a claim ("accused Russian troops of blowing
  up a bridge"), and an attack so told that names no one hit hits the accuser's side (:func:`accuser_side`);
* :func:`fought_by`: who is hurt "in a clash with" or "in an ambush by" someone is hurt by them ("five soldiers
  were killed in a clash with Chilean troops");
* :func:`counted_people`: people counted by their demonym are a group of their state ("arrested seven Thais");
* :func:`forces_moved`: a move of forces told as a noun is their side's ("the dash of its paratroopers into
  Pristina");
* :func:`crowd_hit`: riot-control weapons fired at no one named, or an attack on a protest ("attacked the
  protest site"), hit the crowd the sentence names;
* :func:`dispersed_by`: force used to disperse a crowd hits it ("opened fire to disperse demonstrators");
* :func:`owner_aimed_at`: an attack on a person's thing is aimed at them ("hurled eggs at his car").

Those who follow an act and do it too ("was swiftly followed by Egypt") are :mod:`~newskg.extract.emulation`'s.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import Actor
from .entities import ActorMention, MentionIndex
from .lexicon import Lexicon
from . import readings
from .subjects import resolve_all, subjects, with_conjuncts
from .triggers import Trigger

__all__ = ["accused_of", "accuser_side", "counted_people", "crowd_hit", "dispersed_by", "forces_moved",
           "fought_by", "material_pairs", "owner_aimed_at"]

Pairs = list[tuple[ActorMention, ActorMention | None]]


def material_pairs(tok: Token, trig: Trigger, pairs: Pairs, idx: MentionIndex, lex: Lexicon) -> Pairs:
    """The (actor, target) pairs of ``trig`` as a construction of material acts fixes them, else ``pairs``."""
    if trig.type == "ASSAULT" and trig.pos == "VERB" and all(a.actor.kind == "state" or a.start > tok.i for a, _ in pairs):
        pairs = fought_by(tok, idx, lex) or pairs  # "were killed in a clash with Chilean troops"
    if trig.type == "ASSAULT" and pairs and all(t is None for _, t in pairs):
        owner = owner_aimed_at(tok, idx, {a.actor for a, _ in pairs})  # "hurled eggs at his car"
        pairs = [(a, owner) for a, _ in pairs] if owner is not None else pairs
    if (trig.mode == "crowd-control" or (trig.type == "ASSAULT" and _on_a_protest(tok, lex))) and pairs and \
            all(t is None for _, t in pairs):
        # (and an attack on a protest, "attacked the protest site", hits its protesters)
        crowd = crowd_hit(tok, idx, lex)  # "police fired tear gas as crowds broke through barricades"
        pairs = [(a, crowd) for a, _ in pairs if crowd is not None and crowd.actor != a.actor] or pairs
    if trig.type in ("ASSAULT", "COERCE") and pairs and all(t is None for _, t in pairs):
        dispersed = dispersed_by(tok, idx, {a.actor for a, _ in pairs})  # "opened fire to disperse protesters"
        pairs = [(a, dispersed) for a, _ in pairs] if dispersed is not None else pairs
    if trig.type == "MOBILIZE" and trig.pos == "NOUN":
        pairs = forces_moved(tok, idx, lex) or pairs  # "the deployment of Russian troops into Georgia"
    return pairs


def accused_of(tok: Token, triggers: list[Trigger]) -> Token | None:
    """The one an accusation says did the act at ``tok``: "Georgia accused Russian troops of blowing up a
    bridge", "Russia was accused of shelling the town", "blamed the rebels for kidnapping them".  The act, a
    gerund the accusation is "of" or "for", is the accused's, as a claim; None otherwise.  (With no one named as
    hit, the accuser's side is: :func:`accuser_side`.)  Not a noun ("blamed Israel for the bombing"): the
    CAMEO examples code only the accusation there."""
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.lower_ not in ("of", "for") or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or not any(t.i == verb.i and t.type == "ACCUSE" for t in triggers):
        return None
    accused = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return accused[0] if accused else None


def accuser_side(tok: Token, idx: MentionIndex, gz) -> ActorMention | None:
    """The side of whoever accuses another of the act at ``tok`` (:func:`accused_of`), which an accused attack
    naming no one hit is taken to hit: "Georgian officials accused Russian troops of blowing up a railway
    bridge" hits Georgia.  A state accuser is that state; a person or body is the state of its country."""
    verb = tok.head.head
    sides = subjects(verb, idx)[0]
    if not sides:
        return None
    side = sides[0]
    if side.actor.kind == "state" or not side.actor.country:
        return side if side.actor.kind == "state" else None
    info = gz.country(side.actor.country)
    return ActorMention(side.start, side.end, side.text, Actor(info.name, kind="state", country=side.actor.country)) \
        if info else None


def fought_by(tok: Token, idx: MentionIndex, lex: Lexicon) -> Pairs:
    """Who hurt those a passive verb of force names no agent for, by the fight they were hurt in: "five Peruvian
    soldiers were killed in a clash with Chilean troops" (Chile's attack on Peru), "three Malian soldiers were
    wounded in an ambush by jihadists".  The fight is a noun of an attack (a trigger noun of ASSAULT, or
    cues.json ``fight_nouns``) the verb is "in" or "during", its other side the one it is "with" or "by";
    [] otherwise."""
    if not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
        return []
    victims = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if not victims:
        return []
    fights = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "during") for g in c.children
              if g.dep_ == "pobj" and (_hyphenated(g) in lex.cues["fight_nouns"] or any(
                  p.type == "ASSAULT" for p in lex.patterns(g.lemma_.lower(), "NOUN")))]
    others = [m for f in fights for c in f.children if c.dep_ == "prep" and c.lower_ in ("with", "by")
              for g in c.children if g.dep_ == "pobj" for x in with_conjuncts(g) for m in [idx.at(x)] if m is not None]
    hurt = resolve_all(victims, idx) or [m for v in victims for m in [idx.national(v)] if m is not None]
    return [(o, h) for o in others[:1] for h in (hurt[:1] or [None]) if h is None or h.actor != o.actor]


def _hyphenated(tok: Token) -> str:
    """The lemma of a noun with what is hyphenated to it in front: "face-off" for the "off" of "face - off"."""
    if tok.i >= 2 and tok.doc[tok.i - 1].tag_ == "HYPH" and tok.doc[tok.i - 2].head.i == tok.i:
        return f"{tok.doc[tok.i - 2].lower_}-{tok.lemma_.lower()}"
    return tok.lemma_.lower()


def counted_people(m: ActorMention, doc, gz) -> Actor | None:
    """A state's mention that counts its people ("arrested seven Thais", "killed more than 100 Palestinians")
    as the group of those people, of that state, named as counted; None for anything else ("the Palestinians",
    "Thailand")."""
    tok = doc[m.end - 1]
    # (a counted demonym is a plural even where the tagger took it for a name: "seven Thais")
    if m.actor.kind != "state" or not (readings.people_noun(tok, gz) or (
            tok.tag_ == "NNP" and tok.text.endswith("s") and gz.demonym(tok.text) is not None)):
        return None
    counts = [c for c in tok.children if c.dep_ == "nummod"]
    if not counts:
        return None
    start = min(c.left_edge.i for c in counts)
    return Actor(doc[start:tok.i + 1].text, kind="group", country=m.actor.country)


def forces_moved(tok: Token, idx: MentionIndex, lex: Lexicon) -> Pairs:
    """The side whose forces a noun of deployment or movement moves, and the state they move into: "the
    deployment of Russian troops into Georgia" (Russia, Georgia), "the overnight dash of about 200 of its
    paratroopers into Pristina" (the state "its" is); [] when no side is named for the forces."""
    if tok.lemma_.lower() not in lex.cues["force_movement_nouns"]:
        return []
    sides = []
    for f in readings.moved_forces(tok, lex):
        if any(t.lower_.startswith("peacekeep") for t in f.subtree):
            return []  # peacekeepers come to help (coder: their arrival is aid)
        for t in [f, *(c for c in f.children if c.dep_ in ("amod", "poss", "compound"))]:
            m = idx.at(t)
            if m is not None and m.actor.kind in ("state", "organization", "group") and m not in sides:
                sides.append(m)
                break
    into = [m for p in tok.children if p.dep_ == "prep" and p.lower_ in ("into", "to", "in") for g in p.children
            if g.dep_ == "pobj" for m in [idx.at(g)] if m is not None and m.actor.kind == "state"]
    return [(s, next((t for t in into if t.actor != s.actor), None)) for s in sides[:1]]


def crowd_hit(tok: Token, idx: MentionIndex, lex: Lexicon) -> ActorMention | None:
    """The crowd riot-control weapons fired at no one named hit: the crowd or protesters the same sentence names
    ("police fired tear gas and water cannon as crowds broke through barricades"), the nearest one; else None."""
    crowds = lex.cues["crowd_nouns"] | {"demonstrators", "protesters", "protester", "rioters", "marchers"}
    found = [m for m in idx.mentions if tok.sent.start <= m.start < tok.sent.end and m.actor.kind == "group"
             and tok.doc[m.end - 1].lower_ in crowds]
    return min(found, key=lambda m: abs(m.start - tok.i)) if found else None


def owner_aimed_at(tok: Token, idx: MentionIndex, actors: set) -> ActorMention | None:
    """The person whose thing an attack is aimed at when the text names them by a pronoun: "hurled eggs at his
    car", "fired on her convoy" (the last person named before, not the attacker); None otherwise."""
    things = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "on") for g in c.children
              if g.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "dobj"]
    for g in things:
        if g.pos_ == "NOUN" and any(p.dep_ == "poss" and p.lower_ in ("his", "her") for p in g.children):
            return idx.last_person(tok.i, not_=actors)
    return None


def _on_a_protest(tok: Token, lex: Lexicon) -> bool:
    """Is what an attack is done to a protest or its site ("attacked the protest site", "broke up the rally")?"""
    objs = [c for c in tok.children if c.dep_ == "dobj"] + [g for c in tok.children if c.dep_ == "prep" and
                                                          c.lower_ == "on" for g in c.children if g.dep_ == "pobj"]
    def protest(t: Token) -> bool:
        return any(p.type == "PROTEST" for p in lex.patterns(t.lemma_.lower(), "NOUN"))
    return any(protest(o) or any(c.dep_ == "compound" and protest(c) for c in o.children) for o in objs)


_DISPERSING = ("disperse", "scatter", "break")


def dispersed_by(tok: Token, idx: MentionIndex, actors: set) -> ActorMention | None:
    """Those force is used to disperse: "police opened fire to disperse demonstrators", "fired to break up a
    crowd of protesters" (the object of the infinitive of purpose); None otherwise."""
    for v in tok.children:
        if v.dep_ not in ("xcomp", "advcl") or v.lemma_.lower() not in _DISPERSING or not any(
                a.lower_ == "to" for a in v.children):
            continue
        if v.lemma_.lower() == "break" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in v.children):
            continue
        found = [m for c in v.children if c.dep_ == "dobj" for m in resolve_all(with_conjuncts(c), idx)
                 if m.actor not in actors]
        if found:
            return found[0]
    return None
