"""Polarity and status: negated events, hedged and disputed claims, future and intended acts.

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> doc = Doc(Vocab(), words=["France", "did", "not", "meet", "Russia"], heads=[3, 3, 3, 3, 3],
...           deps=["nsubj", "aux", "neg", "ROOT", "dobj"], pos=["PROPN", "AUX", "PART", "VERB", "PROPN"])
>>> is_negated(doc[3], Lexicon.default())
True
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon

__all__ = ["is_negated", "is_hedged", "is_possible", "is_prospective", "is_habitual"]


def _neg_child(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.text.lower() in ("neither", "nor", "never") for c in tok.children)


def is_negated(trigger: Token, lex: Lexicon) -> bool:
    """Does the text say the event at ``trigger`` did not happen?"""
    if _neg_child(trigger):
        return True
    # "failed to reach agreement", "refrained from attacking"
    verb = trigger.head if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj" else trigger
    if verb.dep_ in ("xcomp", "pcomp") and verb.head.lemma_.lower() in lex.cues["failure_verbs"]:
        return True
    if trigger.dep_ == "conj" and _neg_child(trigger.head) and any(c.text.lower() == "nor" for c in trigger.head.children):
        return True
    if trigger.pos_ in ("NOUN", "PROPN"):
        if any(c.text.lower() == "no" and c.dep_ == "det" for c in trigger.children):
            return True
        if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and _neg_child(trigger.head):
            return True
    if trigger.pos_ == "ADJ" and _neg_child(trigger.head):
        return True
    # "there is no indication (that) he spoke ..."
    for anc in trigger.ancestors:
        if anc.lemma_.lower() in ("indication", "sign", "evidence", "proof") and any(
                c.text.lower() == "no" for c in anc.children):
            return True
    return False


def is_hedged(trigger: Token, lex: Lexicon) -> bool:
    """Does the sentence hedge the report ("reportedly", "could not be verified"), or the verb itself
    ("may have supplied", "might have been behind")?"""
    text = trigger.sent.text.lower()
    if any(h in text for h in lex.cues["hedges"]):
        return True
    aux = [c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    return "have" in aux and any(a in ("may", "might", "could") for a in aux)


def is_prospective(trigger: Token, lex: Lexicon) -> bool:
    """Is the event offered, planned, promised or in the future rather than done?"""
    markers = lex.cues["future_markers"]
    tok = trigger
    if any(a.lemma_.lower() in ("continue", "keep") for a in [trigger, *list(trigger.ancestors)[:2]]):
        return False  # "will continue to support" is support going on, not a promise
    if any(c.text.lower() in ("will", "would", "shall", "'ll") and c.dep_ == "aux" for c in tok.children):
        return True
    for _ in range(3):
        # not out of an adverbial or reported clause: "will resign, hours after protesters stormed ..."
        if tok.dep_ in ("xcomp", "pobj", "dobj", "acl", "prep", "conj") and tok.head.i != tok.i:
            if tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                break  # "wanted to meet Trump, a day after the two leaders held talks": a clause of its own
            if tok.dep_ == "prep" and tok.lower_ in ("after", "following", "since", "during") and tok.head.tag_ == "VBD":
                break  # "following talks in Delhi, the two sides agreed to ...": talks before a past act were held
            head = tok.head
            if head.lemma_.lower() in markers and head.lemma_.lower() not in ("to",):
                return True
            # "is due in Tokyo next week for talks": the copula's complement marks the plan
            if any(c.dep_ == "acomp" and c.lemma_.lower() in markers for c in head.children):
                return True
            if any(c.text.lower() in ("will", "would", "shall") and c.dep_ == "aux" for c in head.children):
                return True
            tok = head
        else:
            break
    return False


def is_possible(trigger: Token, lex: Lexicon) -> bool:
    """Is the act only possible ("might travel to Moscow", "could meet Washington"), not done?  Not a past
    possibility ("may have supplied" is a hedge, :func:`is_hedged`); what a possible trip is for is possible too
    ("might travel to Moscow *to talk* to Putin")."""
    tok = trigger
    for _ in range(3):
        aux = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if any(a in lex.cues["possibility_modals"] for a in aux) and "have" not in aux:
            return True
        if tok.dep_ not in ("advcl", "xcomp") or "to" not in aux or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def is_habitual(trigger: Token, lex: Lexicon) -> bool:
    """Is the act told as a habit rather than an event ("Lavrov regularly travels to G20 meetings")?  (The
    coder drops habits of meeting and praise; violence told as routine is still reported violence.)"""
    verb = trigger.head if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "pobj") else trigger
    return any(c.dep_ == "advmod" and c.lower_ in lex.cues["habitual_adverbs"] for t in (trigger, verb)
               for c in t.children)
