"""The mode of a meeting from its setting (PLOVER-notes, rule 2).

A meeting "on the sidelines of" a summit, or at a summit, conference or
assembly, is ``multilateral``; a meeting held in a state that is neither
side's, or hosted by a third party ("Qatar is hosting talks between ..."), is
``third-party``; one "by phone" or "over a video link" is ``phone``.  A mode the
trigger itself gives ("phoned", "visited") is kept, except a host's.

>>> import spacy
>>> from spacy.tokens import Doc
>>> from newskg.extract.entities import ActorMention, MentionIndex
>>> from newskg.records import Actor
>>> words = ["Peru", "met", "Chile", "on", "the", "sidelines", "of", "the", "summit", "."]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 1, 5, 3, 5, 8, 6, 1],
...           deps=["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "det", "pobj", "punct"],
...           lemmas=["Peru", "meet", "Chile", "on", "the", "sideline", "of", "the", "summit", "."])
>>> peru, chile = Actor("Peru", kind="state", country="PER"), Actor("Chile", kind="state", country="CHL")
>>> idx = MentionIndex([ActorMention(0, 1, "Peru", peru), ActorMention(2, 3, "Chile", chile)])
>>> consult_mode(doc[1], peru, chile, idx)
'multilateral'
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import Actor
from .entities import MentionIndex
from .lexicon import Lexicon

__all__ = ["bilateral_summit", "consult_mode", "hosted_meeting", "sideline_setting"]

_SETTING_PREPS = ("on", "at", "during", "in", "by", "over", "via")


_CLAUSES = ("ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "conj", "csubj")


def _setting_phrases(trigger: Token, idx: MentionIndex) -> list[Token]:
    """The prepositions that place the meeting: on its verb or noun, or on a participant where the parser
    attached them ("held talks with X on the sidelines of ...", "met X in Brussels"); not those of a topic
    ("discussed the war in Ukraine") or of other clauses."""
    clause = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") \
        else trigger
    out, stack = [], [clause]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ in _CLAUSES:
                continue
            if c.dep_ == "prep" and c.lower_ in _SETTING_PREPS and (
                    tok.i in (clause.i, trigger.i) or idx.at(tok) is not None or _held(tok, clause)):
                out.append(c)
            stack.append(c)
    return sorted(out, key=lambda p: p.i)


def _meeting_noun(tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` a noun that names a meeting ("talks", "summit")?"""
    return any(p.type == "CONSULT" for p in lex.patterns(tok.lemma_.lower(), "NOUN"))


def _held(tok: Token, verb: Token) -> bool:
    """Is ``tok`` the meeting a light verb holds ("held talks on the sidelines of ...")?"""
    return tok.dep_ == "dobj" and tok.head.i == verb.i and _meeting_noun(tok, Lexicon.default())


def bilateral_summit(noun: Token, pairs: list, idx: MentionIndex) -> bool:
    """Is a summit the meeting of two sides ("their April 27 summit", "three summits with Moon"), not of a
    group ("the G20 summit", "a BRICS summit")?  ``pairs`` are the (actor, target) mentions coded for it."""
    if noun.pos_ != "NOUN" or len(pairs) != 1 or pairs[0][1] is None:
        return False
    return not any(m is not None and m.actor.kind == "organization"
                   for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss") for m in [idx.at(c)])


def hosted_meeting(verb: Token, lex: Lexicon | None = None) -> Token | None:
    """The meeting a host holds for others ("Qatar is hosting talks between Washington and the Taliban"):
    the meeting noun, when it names its own sides with "between", else None."""
    lex = lex or Lexicon.default()
    if verb.lemma_.lower() not in lex.cues["hosting_words"]:
        return None
    for c in verb.children:
        if c.dep_ == "dobj" and _meeting_noun(c, lex) and \
                any(g.dep_ == "prep" and g.lower_ == "between" for g in c.children):
            return c
    return None


def sideline_setting(tok: Token) -> Token | None:
    """The verb a summit's sidelines set, when ``tok`` is the summit: "summit" in "on the sidelines (margins)
    of the summit, they agreed" gives "agreed"; else None."""
    of = tok.head
    setting = of.head
    if tok.dep_ != "pobj" or of.lower_ != "of" or setting.lower_ not in ("sidelines", "sideline", "margins", "margin") \
            or setting.head.dep_ != "prep" or setting.head.head.pos_ != "VERB":
        return None
    return setting.head.head


def consult_mode(trigger: Token, actor: Actor, target: Actor | None, idx: MentionIndex,
                 lex: Lexicon | None = None) -> str | None:
    """``multilateral`` for a meeting at a summit or on its sidelines, ``third-party`` for one held in a
    third state, ``phone`` for one by phone or video, else None."""
    lex = lex or Lexicon.default()
    if hosted_meeting(trigger, lex) is not None or (trigger.dep_ == "dobj" and hosted_meeting(trigger.head, lex)):
        return "third-party"  # the host of others' talks, and those talks
    if sideline_setting(trigger) is not None:
        return "multilateral"  # the meeting its sidelines imply (constructions.sideline_pair)
    settings = lex.cues["multilateral_settings"]
    sides = {actor.country, target.country if target else None} - {None}
    for prep in _setting_phrases(trigger, idx):
        objs = [g for g in prep.children if g.dep_ == "pobj"]
        if any(g.lower_ in lex.cues["remote_media"] or g.lemma_.lower() in lex.cues["remote_media"] for g in objs):
            return "phone"  # "spoke by phone", "on the phone", "talked over a video link"
        if prep.lower_ in ("by", "over", "via"):
            continue
        if any(g.lemma_.lower() in settings or g.lower_ in settings for g in objs):
            return "multilateral"
        if prep.lower_ == "in" and len(sides) == 2:
            places = [m for g in objs for m in [idx.at(g)] if m is not None and m.actor.kind == "state"]
            if places and places[0].actor.country not in sides:
                return "third-party"
            if places and target is not None and places[0].actor.country == target.country != actor.country:
                return "visit"  # "was in Moscow for talks with Putin", "met Putin in Moscow": the guest visits
    return None
