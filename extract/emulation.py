"""Emulation: another side doing what was just told does that act too.

Wire copy tells a wave of like acts once and names the others after it: "Saudi Arabia cut diplomatic ties with
Qatar and was swiftly followed by Egypt and Bahrain", "Peru expelled Bolivia's ambassador. Chile followed suit",
"Germany recalled its ambassador, and France did the same".  Each of those others does the act it follows,
to the same target, when its own clause dates it (else on the first act's date).  One who joins the meeting
last told ("von der Leyen joined the talks") meets each of its sides.

Pure functions of the coded events and their trigger tokens; the coder calls :func:`repeated_acts` once per
document, before the document-level rules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from ..records import Event
from .entities import ActorMention, MentionIndex
from .lexicon import Lexicon
from .sentences import sentence_bounds
from .subjects import resolve_all, subjects, with_conjuncts
from .triggers import Trigger

__all__ = ["emulators", "joined_meeting", "repeated_acts"]


def emulators(tok: Token, idx: MentionIndex) -> tuple[list[ActorMention], Token | None]:
    """Who does the same as told before at ``tok``, and the verb of the act they repeat when the parse joins
    them ("cut ties ... and was followed by Egypt"; None: the act told last).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from newskg.records import Actor
    >>> doc = Doc(spacy.blank("en").vocab, words=["Chile", "followed", "suit"], heads=[1, 1, 1],
    ...           deps=["nsubj", "ROOT", "dobj"], lemmas=["Chile", "follow", "suit"], pos=["PROPN", "VERB", "NOUN"])
    >>> idx = MentionIndex([ActorMention(0, 1, "Chile", Actor("Chile", kind="state", country="CHL"))])
    >>> [m.actor.name for m in emulators(doc[1], idx)[0]]
    ['Chile']
    """
    lemma = tok.lemma_.lower()
    objects = {c.lower_ for c in tok.children if c.dep_ == "dobj"}
    # ("was followed by", or the participle: "imposed sanctions on Peru, followed by Ecuador")
    if lemma == "follow" and (any(c.dep_ == "auxpass" for c in tok.children) or (
            tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl"))):
        agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        found = resolve_all([x for a in agents for x in with_conjuncts(a)], idx)
        return found, (tok.head if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") else None)
    if (lemma == "follow" and "suit" in objects) or (lemma == "do" and "same" in objects):
        return subjects(tok, idx)[0], None
    return [], None


def joined_meeting(tok: Token, lex: Lexicon) -> bool:
    """Does ``tok`` join a meeting already told ("von der Leyen joined the talks")?"""
    return tok.lemma_.lower() == "join" and any(
        c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children) and
        any(p.type == "CONSULT" for p in lex.patterns(c.lemma_.lower(), "NOUN")) for c in tok.children)


def repeated_acts(events: Sequence[tuple[Event, Trigger]], sdoc: Doc, idx: MentionIndex, lex: Lexicon, text: str,
                  dated: Callable[[Token], str | None]) -> list[tuple[Event, Trigger]]:
    """``events`` with the acts the emulators repeat added after the act each follows (see the module docs).

    ``text`` is the document's text; ``dated(tok)`` gives the date the clause of ``tok`` itself tells, or None.
    """
    out = list(events)
    for tok in sdoc:
        if joined_meeting(tok, lex):
            out = _join(out, tok, idx, text)
            continue
        who, verb = emulators(tok, idx)
        if not who:
            continue
        doers = {m.actor for m in who}
        if verb is not None:
            done = [k for k, (ev, trig) in enumerate(out) if trig.i == verb.i and ev.actor not in doers]
        else:  # the act told last before, in this sentence or the one before
            start = sdoc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
            done = [k for k, (ev, trig) in enumerate(out) if start <= trig.i < tok.i and ev.actor not in doers][-1:]
        if not done:
            continue
        ev, trig = out[done[0]]
        date = dated(tok) or ev.date
        start, end = sentence_bounds(tok.sent, text)
        copies = [(ev.with_(actor=m.actor, date=date, source=None, trigger=tok.text, sentence=text[start:end],
                            start=start, end=end), Trigger(tok.i, (tok.i,), tok.text, trig.type, trig.mode, "VERB"))
                  for m in who if ev.target is None or ev.target != m.actor]
        at = max(k for k, (_, t) in enumerate(out) if t.i == trig.i) + 1 if verb is not None else len(
            [1 for _, t in out if t.i < tok.i])
        out[at:at] = copies
    return out


def _join(out: list[tuple[Event, Trigger]], tok: Token, idx: MentionIndex,
          text: str) -> list[tuple[Event, Trigger]]:
    """``out`` with the one who joins the meeting last told meeting each of its sides."""
    joiners = subjects(tok, idx)[0]
    told = [(ev, trig) for ev, trig in out if trig.i < tok.sent.start and ev.action == "CONSULT" and ev.target]
    if not joiners or not told:
        return out
    ev, trig = told[-1]
    start, end = sentence_bounds(tok.sent, text)
    copies = [(ev.with_(actor=j.actor, target=side, source=None, trigger=tok.text, sentence=text[start:end],
                        start=start, end=end), Trigger(tok.i, (tok.i,), tok.text, "CONSULT", ev.mode, "VERB"))
              for j in joiners for side in (ev.actor, ev.target) if side != j.actor]
    at = len([1 for _, t in out if t.i < tok.i])
    return out[:at] + copies + out[at:]
