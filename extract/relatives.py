"""Events told in a relative clause on their own noun: "the sanctions Chile imposed on Bolivia", "an apology
Bogota had offered", "the aid Colombia had sent", "a strike called by the union".

The clause's subject (or the participle's agent) does the act the noun names when the verb is one of doing it
(impose, launch, call, hold, issue: cues.json ``imposing_verbs``, ``light_verbs``, ``issuing_verbs``), to
whom the clause names; what is rejected, accepted or welcomed was offered to the one who rejects, accepts or welcomes it.

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["the", "sanctions", "Chile", "imposed", "on", "Bolivia"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1, 3, 4],
...           deps=["det", "ROOT", "nsubj", "relcl", "prep", "pobj"], pos=["DET", "NOUN", "PROPN", "VERB", "ADP", "PROPN"])
>>> relative_clause(doc[1]).text
'imposed'
>>> gapped_object(doc[3]).text
'sanctions'
"""

from __future__ import annotations

from spacy.tokens import Token

from .entities import ActorMention, MentionIndex
from .lexicon import Lexicon
from .roles import targets_of
from .subjects import resolve_all, subjects, with_conjuncts
from .triggers import gapped_object

__all__ = ["relative_clause", "relative_pairs", "recipient"]

def relative_clause(noun: Token) -> Token | None:
    """The verb of a relative clause or participle that tells who did the act ``noun`` names: "the sanctions
    [Chile imposed] on Bolivia", "a strike [called by the union]"; else None."""
    for c in noun.children:
        if c.dep_ == "relcl" and c.pos_ == "VERB" and gapped_object(c) is not None:
            return c
        if c.dep_ == "acl" and c.tag_ == "VBN" and any(a.dep_ == "agent" for a in c.children):
            return c
        if c.dep_ == "acl" and c.tag_ == "VBN" and _named_in_front(noun):
            return c  # "UN sanctions imposed on Eritrea in 2009": the one named in front imposed them
    return None


def _named_in_front(noun: Token) -> list[Token]:
    """The words in front of a noun that may name who did what it names: "UN" in "UN sanctions", "U.S." in
    "U.S. sanctions"."""
    return [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i and c.pos_ in ("PROPN", "ADJ")]


def recipient(noun: Token, idx: MentionIndex, lex: Lexicon, exclude: set) -> list[ActorMention]:
    """Whom a thing was offered or given, when the clause does not say: the one who rejects, accepts or
    welcomes it ("he rejected an apology Bogota had offered")."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in lex.cues["answering_verbs"]:
        return []
    return [m for m in subjects(noun.head, idx)[0] if m.actor not in exclude]


def relative_pairs(noun: Token, idx: MentionIndex, lex: Lexicon, triggers: set[int]
                   ) -> list[tuple[ActorMention, ActorMention | None]]:
    """(actor, target) pairs of the act a noun names, from the relative clause that tells it; [] when there is
    none or its verb is a trigger of its own ("the aid Colombia promised" is a promise, coded on the verb)."""
    verb = relative_clause(noun)
    doing = lex.cues["imposing_verbs"] | lex.cues["light_verbs"] | lex.cues["issuing_verbs"]
    if verb is None or verb.i in triggers or verb.lemma_.lower() not in doing:
        return []  # "a meeting arranged by her Thai counterpart": who arranges a meeting is not in it
    if verb.dep_ == "relcl":
        actors, _ = subjects(verb, idx)
    else:
        actors = resolve_all([g for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                              for g in with_conjuncts(p)], idx)
        if not actors and not any(a.dep_ == "agent" for a in verb.children):  # "UN sanctions imposed on Eritrea"
            actors = [m for c in _named_in_front(noun) for m in [idx.at(c)] if m is not None and
                      m.actor.kind in ("state", "organization")][:1]
    if not actors:
        return []
    exclude = {a.actor for a in actors}
    targets = targets_of(verb, idx, exclude) or targets_of(noun, idx, exclude) or \
        recipient(noun, idx, lex, exclude)
    return [(a, t) for a in actors for t in (targets[:1] or [None])]
