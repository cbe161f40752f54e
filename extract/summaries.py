"""Summing-up appositions: "..., a charge Moscow denied", "a step Seoul denounced", "a remark he later regretted".

Wire copy sums up what a clause has just told with a noun in apposition after a comma, and tells someone's
reaction to it in a relative clause on that noun.  The reaction is aimed at the clause's event: a denial or a
refusal answers whoever claimed or demanded it (its source when it was reported), a regret or an apology is
owed to whom it was done to, and any other reaction (a condemnation, a welcome) is aimed at whoever did it.
A clause that does the act the noun names is no reaction (", a deal Warsaw and Washington reached").
The event is the last one the sentence told before the noun whose participant is not of the reacting side
(for a regret: whose actor is of that side, or of no state the text names, and whose target is another);
when the sentence codes none ("..., a demand Moscow refused"), the clause's subject is whoever did it, and
for a denial or refusal the subject of the reporting or insisting verb it is the content of.

The summing-up noun is one of the lexicon's claims or acts (cues.json ``assertion_nouns``, ``event_anaphors``
and ``summary_nouns``).  The construction is read off the words (:func:`summaries`), since the parser reads
it in many ways: the noun hung on the clause or on its last noun, as the fronted object of the reaction's
verb ("..., allegations Caracas and Quito dismissed as lies") or as its conjunct; the reaction may be told
through a reporting verb ("a remark Duterte later said he regretted").

Pure functions of the coded events and their trigger tokens; the coder calls :func:`aim_at_summaries` once
per document, before the reactions to events told elsewhere are aimed (extract.anaphora).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..records import Actor, Event
from .anaphora import REACTIONS
from .denials import answered, claimant
from .entities import MentionIndex
from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .subjects import subjects

__all__ = ["aim_at_summaries", "Summary", "summaries", "summary_appositions", "summed_clause", "summary_noun"]


_BREAKS = (",", "—", "–", ";")
#: What can be a reaction to an act told before: the reactions to events, and a regret or an apology.
_REACTIONS = REACTIONS | {"CONCEDE"}
#: Tags of the words a reaction's subject may be made of ("then Foreign Minister Yoo Chong-ha", "the government").
_SUBJECT_TAGS = {"NNP", "NNPS", "PRP", "DT", "RB", "JJ", "NN", "NNS", "HYPH", "POS", "CC"}


@dataclass(frozen=True)
class Summary:
    """A summing-up apposition: its noun, the comma before it and the end of the reaction told on it."""

    noun: Token
    comma: int
    end: int


def summaries(sent: Span, lex: Lexicon) -> list[Summary]:
    """The summing-up appositions of a sentence, read off its words rather than its parse (which hangs them on
    the clause, on the last noun, or reads the noun as a fronted object): a comma, a determiner, a noun of the
    lexicon's claims or acts, then a clause of its own: a subject ("Moscow", "then Foreign Minister Yoo", "the
    government", "he") and a verb, to the next comma or the sentence's end.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Japan", "left", "the", "pact", ",", "a", "step", "Seoul", "denounced", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, lemmas=[w.lower() for w in words], sent_starts=[1] + [0] * 9,
    ...           tags=["NNP", "VBD", "DT", "NN", ",", "DT", "NN", "NNP", "VBD", "."])
    >>> [(x.noun.text, x.comma, x.end) for x in summaries(doc[:], Lexicon.default())]
    [('step', 4, 9)]
    """
    # read once per sentence (every trigger's roles, content and attribution ask), kept as positions
    seen = sent.doc.user_data.setdefault("newskg_summaries", {})
    key = (sent.start, id(lex))
    if key not in seen:
        seen[key] = _summary_positions(sent, lex)
    return [Summary(sent.doc[j], comma, end) for j, comma, end in seen[key]]


def _summary_positions(sent: Span, lex: Lexicon) -> list[tuple[int, int, int]]:
    nouns = lex.cues["assertion_nouns"] | lex.cues["event_anaphors"] | lex.cues["summary_nouns"]
    doc, out = sent.doc, []
    for p in sent:
        if p.text not in _BREAKS or p.i == sent.start:
            continue
        j = p.i + 1
        while j < sent.end and doc[j].tag_ in ("DT", "PRP$", "JJ", "CD"):
            j += 1
        # (the tagger now and then reads a plural noun as a verb: "allegations")
        if j >= sent.end - 2 or doc[j].lemma_.lower() not in nouns or doc[j].tag_ not in ("NN", "NNS", "VBZ"):
            continue
        k = j + 1
        while k < sent.end and k - j <= 10 and doc[k].tag_ in _SUBJECT_TAGS:
            k += 1
        named = any(doc[n].tag_ in ("NNP", "NNPS", "PRP", "NN", "NNS") for n in range(j + 1, k))
        if k == j + 1 or k >= sent.end or not named or not doc[k].tag_.startswith("VB") or \
                doc[j + 1].tag_ not in ("NNP", "NNPS", "PRP", "DT", "RB", "JJ"):
            continue
        end = next((t.i for t in doc[k:sent.end] if t.text in _BREAKS or t.is_sent_end and t.is_punct), sent.end)
        out.append((j, p.i, end))
    return out


def summary_appositions(tok: Token, lex: Lexicon) -> set[int]:
    """The words after ``tok`` of its sentence's summing-up appositions, with the reactions told on them: they
    tell another event ("ended the pact, a step Seoul denounced" is no act of Seoul's)."""
    return {i for x in summaries(tok.sent, lex) if x.comma > tok.i for i in range(x.comma + 1, x.end)}


def summary_noun(tok: Token, lex: Lexicon) -> Token | None:
    """The noun in apposition that sums up what the clause before it told, when ``tok`` (a trigger verb) tells a
    reaction to it; else None (see the module docs)."""
    if not tok.tag_.startswith("VB"):
        return None
    return next((x.noun for x in summaries(tok.sent, lex) if x.noun.i < tok.i < x.end), None)


def summed_clause(noun: Token) -> Token | None:
    """The verb of the clause a summing-up noun sums up: the clause that ends at the comma before it."""
    comma = next((t.i for t in reversed(noun.doc[noun.sent.start:noun.i]) if t.text in _BREAKS), None)
    node = noun.doc[comma - 1] if comma is not None and comma > noun.sent.start else None
    while node is not None and node.pos_ not in ("VERB", "AUX"):
        node = node.head if node.head.i != node.i else None
    return node


def _side(a: Actor | None) -> str | None:
    return None if a is None else (a.country or a.name)


def _doer(noun: Token, ev: Event, idx: MentionIndex, lex: Lexicon) -> Actor | None:
    """Who did (for a denial: claimed or demanded) what the clause tells, from the parse."""
    verb = summed_clause(noun)
    if verb is None:
        return None
    if ev.action == "REJECT":
        asserting = lex.cues["reporting_verbs"] | lex.cues["mandative_verbs"]
        node = verb
        while node.dep_ in ("ccomp", "xcomp", "conj") and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            if node.lemma_.lower() in asserting:
                verb = node
    found = [m.actor for m in subjects(verb, idx)[0] if _side(m.actor) != _side(ev.actor)]
    return found[0] if found else None


def aim_at_summaries(events: Sequence[Event], tokens: Sequence[Token], idx: MentionIndex, lex: Lexicon,
                     gz: Gazetteer) -> list[Event]:
    """Give each untargeted reaction told on a summing-up noun the participant of the event the noun sums up
    (see the module docs).  ``tokens[k]`` is the trigger token of ``events[k]``."""
    out = list(events)
    for k, ev in enumerate(events):
        if ev.target is not None and ev.target != ev.actor or ev.action not in _REACTIONS:
            continue  # (", a deal Warsaw and Washington reached": the clause tells the act the noun names)
        noun = summary_noun(tokens[k], lex)
        if noun is None:
            continue
        start = noun.left_edge.i
        told = [j for j, o in enumerate(events) if j != k and noun.sent.start <= tokens[j].i < start]
        regret = ev.action == "CONCEDE"
        for j in reversed(told):
            o = events[j]
            if ev.action == "REJECT":
                who = answered(claimant(o), gz)
            elif regret:  # one regrets what one's own side did (or a side the text does not place)
                who = o.target if o.actor.country in (None, ev.actor.country) else None
            else:
                who = o.actor
            if who is not None and (regret and who != ev.actor or _side(who) != _side(ev.actor)):
                out[k] = ev.with_(target=who)
                break
        else:
            who = None if regret else _doer(noun, ev, idx, lex)
            if who is not None:
                out[k] = ev.with_(target=who)
    return out
