"""Denials: a REJECT of a claim targets whoever made it, and links to the claim it disputes.

"A source close to Lecornu denied that France supported the plan" rejects the claim of whoever said France
did; what a denial says did not happen is coded too, ``negated`` when the denier's side took part in it, else
``claimed`` (PLOVER-notes rules 6-7).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..records import SYMMETRIC_TYPES, Actor, Event
from .entities import MentionIndex
from .gazetteer import Gazetteer
from .lexicon import Lexicon

__all__ = ["answered", "claim_owner", "claimant", "could_have_done", "denied_content", "link_denials", "SPEECH_ACTS"]

#: Verbal conflict events: the saying is the event, so a denial of what was said leaves them asserted.
SPEECH_ACTS = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT"})

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


def _own_deed(denial: Token, ev: Event, idx: MentionIndex) -> bool:
    """Does the denial say what the denier's side did not do ("denied firing the rockets", "denied that its
    forces had hit civilians"), rather than that something happened at all ("denied that any depot was hit")?"""
    for c in denial.children:
        if c.dep_ == "xcomp" and c.tag_ == "VBG" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            return True  # "denied firing": the denier's own act
        if c.dep_ in ("ccomp", "xcomp"):
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                return True
            m = idx.at(subj)
            own = m is not None and (m.actor == ev.actor or (m.actor.country and m.actor.country == ev.actor.country))
            if own or any(p.dep_ == "poss" and p.lower_ in ("its", "their", "his", "her", "our") for p in subj.children):
                return True
            return False
    return True


def claimant(claim: Event) -> Actor:
    """Who makes a claim: its source, or the accuser of an accusation told in the outlet's own voice."""
    return claim.source if claim.source is not None else claim.actor


def answered(who: Actor | None, gz: Gazetteer) -> Actor | None:
    """Whom a denial of ``who``'s claim answers: an unnamed source of a state ("Georgian officials") stands for
    the state; a named person or organisation for itself."""
    if who is not None and who.kind != "person" and who.country and gz.lookup(who.name) is None:
        info = gz.country(who.country)
        return Actor(info.name, kind="state", country=who.country) if info else who
    return who


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


def link_denials(out: list[Event], triggers: Sequence, sdoc: Doc, idx: MentionIndex, lex: Lexicon,
                 gz: Gazetteer) -> list[Event]:
    """Give each denial (a REJECT by a denial verb or a dismissing adjective) the claimant it answers as target and
    the claim it disputes as ``denies``; what it says did not happen becomes ``negated`` or ``claimed``.
    ``triggers[k]`` is the trigger of ``out[k]``; events are in text order."""
    final: list[Event] = []
    for k, ev in enumerate(out):
        trig = triggers[k]
        lemma = sdoc[trig.i].lemma_.lower()
        if ev.action == "REJECT" and (lemma in lex.cues["denial_verbs"] or sdoc[trig.i].text.lower() in lex.cues["evaluation_adjectives"]["REJECT"]):
            # what was claimed: an attributed event, or an accusation (its actor makes the claim)
            # (what its own sentence claims may come later in the list: "X accused Y, which Y called absurd")
            pool = final + [o for o in out[k + 1:] if o.start == ev.start]
            claims = [c for c in pool if c.action != "REJECT" and (c.source is not None or c.action == "ACCUSE")
                      and c.start <= ev.start and (claimant(c).country != ev.actor.country or claimant(c).country is None)]
            # people deny what is said about themselves: prefer the last claim the denier takes part in
            about = [c for c in claims if ev.actor.country and ev.actor.country in
                     (c.actor.country, c.target.country if c.target else None)]
            # a denial that says what it denies ("denied reports that troops had crossed") answers an
            # earlier claim only when that claim is about the denier
            says_what = any(c.dep_ in ("ccomp", "acl", "relcl") or (c.dep_ == "xcomp" and c.tag_ == "VBG")
                            for t in [sdoc[trig.i], *sdoc[trig.i].children]
                            for c in t.children) if lemma in lex.cues["denial_verbs"] else False
            if says_what:  # "denied that its troops had stored weapons" answers no demand made of it
                about = [c for c in about if c.action != "REQUEST"]
            said = denied_content(sdoc[trig.i], lex)
            content = [j for j in range(len(out)) if j != k and triggers[j].i in said and out[j].action != "REJECT"]
            for j in content:
                # what a denial says did not happen is negated when the denier's side took part in it, else
                # only claimed ("denied reports that Putin had spoken to Trump")
                c = out[j]
                sides = {c.actor, c.target, c.actor.country, c.target.country if c.target else None} - {None}
                if c.status == "asserted" and c.action not in SPEECH_ACTS:
                    out[j] = c.with_(status="negated" if {ev.actor, ev.actor.country} & sides else "claimed")
                    if j < k:  # already passed on
                        final[j] = out[j]
            # a denial that names the claim ("denied reports that ...") answers that claim; a bare "denied
            # that ..." may answer an earlier claim about the denier
            names_claim = any(c.dep_ == "dobj" and c.lemma_.lower() in lex.cues["assertion_nouns"]
                              for c in sdoc[trig.i].children)
            if content and (names_claim or not about):
                claim = out[content[0]]  # the denial answers what it names
                if ev.target is None or ev.target in (claim.actor, claim.target):
                    # (a denied accusation answers its accuser: "accused Belarus of ..., a charge Minsk denies")
                    ev = ev.with_(target=claim_owner(sdoc[trig.i], idx, lex) or (
                        claim.actor if claim.action == "ACCUSE" and claim.actor != ev.actor else None))
                ev = ev.with_(denies=claim)
            elif about or (claims and not says_what):
                claim = (about or claims)[-1]
                who = answered(claimant(claim), gz)
                # whom a denial answers is the claimant, not the denier's own side the claim was about
                # (nor whom the denied act was done to: "denied that its forces had hit civilians")
                if ev.target is None or ev.target == ev.actor or (
                        ev.target.country is not None and ev.target.country == ev.actor.country) or any(
                        m.actor == ev.target and m.start in said for m in idx.mentions):
                    ev = ev.with_(target=who)
                # "Hezbollah denied firing the rockets" says what the denier did not do: it answers no claim of
                # what was done to the denier's side ("Israeli warplanes struck Lebanon, the military said")
                # (a denial of what happened at all, "denied that any depot had been hit", answers the claim)
                answers = not says_what or could_have_done(claim, ev.actor) or not _own_deed(sdoc[trig.i], ev, idx)
                # a denial disputes what a claim says happened; an accusation or demand was still made
                if answers and claim.status == "asserted" and claim.action not in SPEECH_ACTS:
                    # the claim as it stands now (a rule above may have re-dated or re-polarised it)
                    same = [(w, n) for w in (final, out) for n, o in enumerate(w)
                            if (o.start, o.action, o.actor, o.target) == (claim.start, claim.action, claim.actor, claim.target)]
                    claim = claim.with_(status="claimed")
                    for w, n in same[:1]:
                        w[n] = claim
                if answers:
                    ev = ev.with_(denies=claim)
            if ev.target is not None and ev.target.kind == "state" and ev.target.country == ev.actor.country:
                ev = ev.with_(target=None)  # "Macron rejected the suggestion that France ...": not his own side
        final.append(ev)
    return final
