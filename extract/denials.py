"""Denials: a REJECT of a claim targets whoever made it, and links to the claim it disputes.

"A source close to Lecornu denied that France supported the plan" rejects the claim of whoever said France
did; what a denial says did not happen is coded too, ``negated`` when the denier's side took part in it, else
``claimed`` (PLOVER-notes rules 6-7).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import SYMMETRIC_TYPES, Actor, Event
from .entities import MentionIndex
from .lexicon import Lexicon

__all__ = ["claim_owner", "claimant", "could_have_done", "denied_content"]

def could_have_done(claim: Event, denier: Actor) -> bool:
    """Can a denial that says what the denier's side did not do ("Hezbollah denied firing the rockets", "denied
    that France supported the plan") answer ``claim``?  Only when that side is who the claim says acted (either
    side of a meeting or an agreement, or the one an accusation says did the deed), not the one acted on.

    >>> from newskg.records import Actor, Event
    >>> isr, lbn = Actor("Israel", kind="state", country="ISR"), Actor("Hezbollah", kind="group", country="LBN")
    >>> strike = Event(doc="d", sentence="", start=0, end=0, actor=isr, action="ASSAULT", mode=None,
    ...                target=Actor("Lebanon", kind="state", country="LBN"), date=None, source=None, status="asserted")
    >>> could_have_done(strike, lbn), could_have_done(strike.with_(action="CONSULT"), lbn)
    (False, True)
    >>> could_have_done(strike.with_(action="ACCUSE"), lbn)
    True
    """
    def side(a: Actor | None) -> str | None:
        return None if a is None else (a.country or a.name)

    # an accusation says its target did the deed ("Shoigu's suggestion that France was behind the attack")
    doers = {side(claim.actor)} | ({side(claim.target)} if claim.action in SYMMETRIC_TYPES | {"ACCUSE"} else set())
    return side(denier) in doers - {None}


def claimant(claim: Event) -> Actor:
    """Who makes a claim: its source, or the accuser of an accusation told in the outlet's own voice."""
    return claim.source if claim.source is not None else claim.actor


def denied_content(denial: Token, lex: Lexicon) -> set[int]:
    """Where a denial says what it denies: its own clause ("denied that France supported the plan") or the
    content of the claim it names ("denied reports that Putin had spoken to Trump")."""
    out: set[int] = set()
    if denial.lemma_.lower() not in lex.cues["denial_verbs"]:
        return out
    for c in denial.children:
        if c.dep_ == "ccomp":
            out |= {t.i for t in c.subtree}
        elif c.dep_ == "dobj" and c.lemma_.lower() in lex.cues["assertion_nouns"]:
            out |= {t.i for g in c.children if g.dep_ in ("acl", "ccomp", "relcl", "appos") for t in g.subtree}
    return out


def claim_owner(denial: Token, idx: MentionIndex, lex: Lexicon) -> Actor | None:
    """Whose claim a denial names: "Moscow's claim", "accusations by Washington", "a Washington Post report"."""
    for c in denial.children:
        if c.dep_ != "dobj" or c.lemma_.lower() not in lex.cues["denial_objects"]:
            continue
        for g in c.children:
            owner = g if g.dep_ in ("poss", "compound") else next(
                (x for x in g.children if x.dep_ == "pobj"), None) if g.dep_ == "prep" and g.lower_ in ("by", "from") else None
            m = idx.at(owner) if owner is not None else None
            if m is not None:
                return m.actor
    return None
