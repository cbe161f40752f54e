"""Actors named by common-noun phrases: governments and roles ("the Russian side", "the French defence
minister"), a state's police, groups and crowds ("protesters", "Iraqi Kurds"), and institutions ("a court in
Moscow"); and :class:`MentionSet`, the mentions found so far, one per token, that the passes fill in.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Actor
from ..gazetteer import Gazetteer
from ..lexicon import Lexicon
from .context import (
    NORP_LABELS, clean, country_of_tokens, described_by, government_phrase, modifiers, place_of, where_acting,
)
from .index import ActorMention
from .nominals import role_people
from .people import PersonRegistry

__all__ = ["MentionSet", "government_and_roles", "groups", "institutions", "led_collectives", "owned_members"]


class MentionSet:
    """The mentions found so far, one per token."""

    def __init__(self) -> None:
        self.by_start: dict[int, ActorMention] = {}
        self.taken: set[int] = set()

    def add(self, m: ActorMention) -> None:
        if any(i in self.taken for i in range(m.start, m.end)):
            return
        self.by_start[m.start] = m
        self.taken.update(range(m.start, m.end))

    def drop(self, m: ActorMention) -> None:
        self.by_start.pop(m.start, None)
        self.taken.difference_update(range(m.start, m.end))


def government_and_roles(doc: Doc, mentions: MentionSet, reg: PersonRegistry, gz: Gazetteer, lex: Lexicon) -> None:
    """Government noun phrases ("the Russian side") and role descriptions ("the French defence minister")."""
    for tok in doc:
        if tok.i in mentions.taken or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON":
            continue  # a title in front of a name
        start = min([tok.i] + [m.i for m in modifiers(tok)])
        owner = {j: m for m in mentions.by_start.values() for j in range(m.start, m.end)}
        inside = {owner[j] for j in range(start, tok.i + 1) if j in owner}
        if tok.lemma_.lower() in lex.cues["police_nouns"]:
            # "Turkish riot police fired tear gas": the state's police, an organisation of it; a police without
            # a state named takes the story's (governments_from_context). What the model took for a person in
            # front ("Riot police") is a kind of police.
            if any(m.actor.kind not in ("state", "person") for m in inside):
                continue  # "Hamas police": the group's
            for m in inside:
                mentions.drop(m)
            iso = government_phrase(tok, gz, lex)
            mentions.add(ActorMention(start, tok.i + 1, doc[start:tok.i + 1].text,
                                      Actor("police", kind="organization", country=iso), True))
            continue
        if tok.lemma_.lower() in lex.cues["leader_governments"] and len(inside) == 1:
            # "the Obama administration", "Assad's regime": the government a named leader heads is their state
            (m,) = inside
            if m.actor.kind == "person" and m.actor.country and doc[m.start:m.end].root.dep_ in ("compound", "poss") \
                    and gz.country(m.actor.country):
                mentions.drop(m)
                mentions.add(ActorMention(start, tok.i + 1, doc[start:tok.i + 1].text,
                                          Actor(gz.country(m.actor.country).name, kind="state",
                                                country=m.actor.country), True))
                continue
        if any(gz.demonym(m.text) is None for m in inside):
            continue
        persons = role_people(tok, reg.people, gz, lex)
        if persons:
            for m in inside:  # "the French defence minister": the demonym is part of the role
                mentions.drop(m)
            mentions.add(ActorMention(start, tok.i + 1, doc[start:tok.i + 1].text, persons[0][0].actor()))
            for p, country_tok in persons[1:]:
                # "the Defence Ministers of France and Russia": the second country stands for its minister
                if country_tok is not None:
                    old = mentions.by_start.get(country_tok.i)
                    if old is not None:
                        mentions.drop(old)
                    mentions.add(ActorMention(country_tok.i, country_tok.i + 1, country_tok.text, p.actor()))
            continue
        iso = government_phrase(tok, gz, lex)
        if iso and not inside:
            info = gz.country(iso)
            mentions.add(ActorMention(start, tok.i + 1, doc[start:tok.i + 1].text,
                                      Actor(info.name if info else iso, kind="state", country=iso), True))
        elif tok.lemma_.lower() in lex.cues["bare_state_bodies"] and start == tok.i and tok.dep_ in ("nsubj", "nsubjpass") \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and len(list(tok.children)) == 1:
            # "The government declared a state of emergency", "the military has held her since the coup": the
            # story's own (governments_from_context)
            mentions.add(ActorMention(tok.i, tok.i + 1, tok.text, Actor(tok.lemma_.lower(), kind="organization"), True))


def groups(doc: Doc, mentions: MentionSet, gz: Gazetteer, lex: Lexicon, *, home: str | None = None) -> None:
    """Groups named by a common noun ("rebels", "protesters", "the army") with no state named in front,
    peoples the gazetteer has no state for ("Iraqi Kurds", "Tamils"), and crowds that act."""
    group_nouns = lex.cues["group_nouns"]
    for tok in doc:
        a_people = tok.ent_type_ in NORP_LABELS and tok.tag_ in ("NNPS", "NNS")
        # "thousands of people marched": a crowd that acts is a group; "killed 23 people" names no actor
        subject = tok.dep_ == "nsubj" or (tok.dep_ == "pobj" and tok.head.head.dep_ == "nsubj" and
                                          tok.head.head.lemma_.lower() in lex.cues["partitive_nouns"])
        # "fired into the crowd", "pushed the crowds back": a crowd acted on is one too
        crowd = tok.lower_ in lex.cues["crowd_nouns"] and (subject or (tok.lemma_.lower() == "crowd" and tok.dep_ in (
            "dobj", "pobj")))
        # "opposition leaders", "New Caledonian leaders", "Western allies": leaders, allies or powers described by
        # what they lead or where they stand are a group
        leaders = tok.lemma_.lower() in lex.cues["described_collectives"] and tok.tag_ == "NNS" and any(
            c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN", "PROPN") for c in tok.children) and not any(
            c.dep_ == "nummod" or c.lower_ in ("both", "two") for c in tok.children)  # "the two Korean leaders": a pair
        if tok.i in mentions.taken or tok.pos_ not in ("NOUN", "PROPN") or (
                tok.text.lower() not in group_nouns and not a_people and not crowd and not leaders):
            continue
        mods = modifiers(tok)
        if leaders and any(m.start <= x.i < m.end for m in mentions.by_start.values() for x in mods):
            continue  # "Chinese leaders", "Hamas leaders": the state or group they lead speaks
        named = [m for m in list(mentions.by_start.values()) if any(m.start <= x.i < m.end for x in mods)]
        if named and (tok.text.lower() in lex.cues["state_agent_nouns"] or any(n.actor.kind != "state" for n in named)):
            continue  # "Israeli soldiers", "Hamas militants": the state or group in front speaks for them
        for n in named:  # "Palestinian armed groups", "Croatian extremists": a group of that country, not its state
            mentions.drop(n)
        start = min([tok.i] + [m.i for m in mods])
        counted = _count_of(tok) if tok.lower_ in ("people", "persons") else None
        if counted is not None:  # "people" says nothing of who: a crowd is named as counted, "hundreds of thousands of people"
            start = min(start, counted.left_edge.i)
        phrase = clean(doc[start:tok.i + 1].text)
        # (else, a crowd of a story filed from a state's capital is of that state: "TBILISI -- protesters ...")
        country = country_of_tokens(mods + place_of(tok), gz) or country_of_tokens(described_by(tok), gz) \
            or country_of_tokens(where_acting(tok), gz) or (home if tok.text.lower() in lex.cues["civic_group_nouns"]
                                                            or crowd else None)
        if leaders:  # several sides are of no state where they meet: "European leaders met in Brussels"
            country = country_of_tokens(mods, gz)
        mentions.add(ActorMention(start, tok.i + 1, doc[start:tok.i + 1].text,
                                  Actor(phrase[:1].upper() + phrase[1:], kind="group", country=country)))


_COUNTS = frozenset({"hundred", "thousand", "million", "dozen", "score", "ten"})


def _count_of(tok: Token) -> Token | None:
    """The number a crowd is counted in: "Hundreds of thousands" in "Hundreds of thousands of people"."""
    top = None
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and (
            tok.head.head.like_num or tok.head.head.lemma_.lower() in _COUNTS) and tok.head.head.i < tok.i:
        top = tok = tok.head.head
    return top


def institutions(doc: Doc, mentions: MentionSet, gz: Gazetteer, lex: Lexicon) -> None:
    """Courts and tribunals are organisations of the state they sit in (PLOVER-notes rule 10): "a court in
    Moscow", "Russia's Supreme Court" when the model did not tag it; a court, council or agency of an
    organisation is an organisation of its own ("the U.N. war crimes tribunal"); a state's intelligence or
    security service is one of that state ("South Korea's intelligence service")."""
    bodies = lex.cues["institution_nouns"] | lex.cues["organization_anaphors"] | {"service"}
    for tok in doc:
        if tok.i in mentions.taken or tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in bodies:
            continue
        mods = [m for m in modifiers(tok) if m.i not in mentions.taken]
        country = country_of_tokens(modifiers(tok) + place_of(tok), gz)
        owner = next((mentions.by_start[k] for k in sorted(mentions.by_start) for m in modifiers(tok)
                      if mentions.by_start[k].start <= m.i < mentions.by_start[k].end
                      and mentions.by_start[k].actor.kind == "organization"), None)
        if country is None and owner is not None:
            # "the U.N. war crimes tribunal": a body of the organisation named in front, an actor of its own
            mentions.drop(owner)
            name = clean(doc[owner.start:tok.i + 1].text)
            mentions.add(ActorMention(owner.start, tok.i + 1, doc[owner.start:tok.i + 1].text,
                                      Actor(name, kind="organization", country=owner.actor.country)))
            continue
        spies = tok.lemma_.lower() in ("service", "agency") and any(
            c.dep_ in ("compound", "amod") and c.lower_ in lex.cues["security_service_words"] for c in tok.children)
        if spies and country is not None:
            # "agents of South Korea's intelligence service": a state's intelligence or security service is an
            # organisation of it, named with its state
            owner = next((mentions.by_start[k] for k in sorted(mentions.by_start) for c in tok.children
                          if c.dep_ == "poss" and mentions.by_start[k].start <= c.i < mentions.by_start[k].end
                          and mentions.by_start[k].actor.kind == "state"), None)
            if owner is not None:
                mentions.drop(owner)
            start = min([tok.i] + [m.i for m in modifiers(tok)])
            name = clean(doc[start:tok.i + 1].text)
            mentions.add(ActorMention(start, tok.i + 1, doc[start:tok.i + 1].text,
                                      Actor(name[:1].upper() + name[1:], kind="organization", country=country)))
            continue
        if country is None or tok.lemma_.lower() not in lex.cues["institution_nouns"]:
            continue
        start = min([tok.i] + [m.i for m in mods])
        where = [t for t in place_of(tok) if t.dep_ == "pobj"]
        end = max([tok.i] + [t.i for w in where for t in w.subtree]) + 1
        name = clean(doc[start:end].text)
        mentions.add(ActorMention(start, tok.i + 1, doc[start:end].text,
                                  Actor(name[:1].upper() + name[1:], kind="organization", country=country)))


def _anaphor_kind(tok, lex: Lexicon) -> str | None:
    """The kind of actor "the group" or "the alliance" re-mentions (as a possessor: "the group's gunmen")."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
            c.dep_ in ("amod", "compound", "prep") for c in tok.children):
        return None
    lemma = tok.lemma_.lower()
    return "group" if lemma in lex.cues["group_anaphors"] else (
        "organization" if lemma in lex.cues["organization_anaphors"] else None)


def owned_members(doc: Doc, mentions: MentionSet, lex: Lexicon) -> None:
    """"Boko Haram ... its fighters killed", "Russia said its troops had shelled", "Hezbollah ... the group's
    gunmen": the armed members of the state, organisation or group "its" (or "the group", "the alliance") refers
    to (the last one named, in the sentence or the one before) act for it."""
    members = lex.cues["member_nouns"]
    for tok in doc:
        if tok.i in mentions.taken or tok.pos_ != "NOUN" or tok.lower_ not in members:
            continue
        its = next((c for c in tok.children if c.dep_ == "poss" and (c.lower_ == "its" or _anaphor_kind(c, lex))), None)
        if its is None or its.i in mentions.taken:
            continue
        kinds = (_anaphor_kind(its, lex),) if its.lower_ != "its" else ("state", "organization", "group")
        start = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        before = [mentions.by_start[k] for k in sorted(mentions.by_start, reverse=True)
                  if start <= k < its.i and mentions.by_start[k].actor.kind in kinds]
        # the one who acted last ("Hamas fired rockets at Israel, and its gunmen ..."), else the last named
        owner = next((m for m in before if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")), before[0] if before else None)
        if owner is not None:
            # written as its owner, so that "its fighters" becomes no name of the owner's
            mentions.add(ActorMention(its.i, tok.i + 1, owner.text, owner.actor, owner.actor.kind == "state"))


def led_collectives(doc: Doc, mentions: MentionSet, gz: Gazetteer, lex: Lexicon) -> None:
    """A collective led by a named side is an actor named as written, of the leader's state if it is one: "the
    Saudi-led coalition", "a U.S.-led coalition", "NATO-led peacekeepers" (the leader alone is no actor there)."""
    collectives = lex.cues["force_nouns"] | lex.cues["led_collective_nouns"]
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNS") or (
                tok.lower_ not in collectives and tok.lemma_.lower() not in collectives):
            continue
        led = next((c for c in tok.children if c.dep_ == "amod" and c.i < tok.i and (
            (c.lemma_.lower() == "lead" and c.tag_ == "VBN" and doc[c.i - 1].tag_ == "HYPH") or
            c.lower_.endswith("-led"))), None)
        if led is None or any(i in mentions.taken for i in range(led.i + 1, tok.i + 1)):
            continue
        if led.lower_.endswith("-led"):
            start, leader = led.i, None
            iso = gz.demonym(led.text[:-4]) or ((lambda h: h.country if h and h.kind == "state" else None)(
                gz.lookup(led.text[:-4])))
        else:
            leaders = [c for c in led.children if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < led.i]
            if not leaders:
                continue
            start = leaders[0].left_edge.i
            leader = next((mentions.by_start[k] for k in list(mentions.by_start)
                           if mentions.by_start[k].start <= leaders[0].i < mentions.by_start[k].end), None)
            iso = leader.actor.country if leader is not None and leader.actor.kind == "state" else \
                country_of_tokens([leaders[0]], gz)
        if leader is None and iso is None:
            continue  # "the military-led government": led by no one named
        if leader is not None:
            mentions.drop(leader)
        if any(i in mentions.taken for i in range(start, tok.i + 1)):
            continue
        name = clean(doc[start:tok.i + 1].text)
        mentions.add(ActorMention(start, tok.i + 1, doc[start:tok.i + 1].text,
                                  Actor(name[:1].upper() + name[1:], kind="organization", country=iso)))
