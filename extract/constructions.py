"""Constructions that say whether a trigger is an event of its own, and who takes part when the construction
fixes it; used by :func:`~newskg.extract.coder.code_sentence`.

* :func:`not_an_event`: a question ("when asked about ..."), a retaliation done by another act ("retaliated
  by lifting curbs"), an order whose ordered act is the event ("ordered La Prensa to suspend publication"),
  declining to comment ("declined to say when ..."), endangering something ("threatened regional stability"),
  justifying one's own act ("defended the dash of its paratroopers");
* :func:`fixed_pairs`: an envoy sent visits ("sent Foreign Minister Osman Saleh to Addis Ababa"), ordered
  coercion hits the one ordered, a relative clause's verb acts on its noun and offers it to whoever answers
  ("rejected an apology Bogota had offered"), and two leaders acting together "on the sidelines of" a summit
  met there ("On the margins of the summit, Obama and Lee agreed ..."), one who comes "at the invitation of" a
  host is the one invited, one who assures another "of support" supports them, and a person described as
  "visiting" is the guest of whoever receives them ("welcomed visiting President Kim"), and a meeting told as
  the time of a clause with two sides is theirs ("after their talks in Delhi, Modi and Sharif agreed"),
  and the constructions of material acts in :mod:`~newskg.extract.material`.
"""

from __future__ import annotations

from spacy.tokens import Token

from .entities import ActorMention, MentionIndex
from .lexicon import Lexicon
from . import material, readings, relatives
from .modes import sideline_setting
from .status import is_prospective
from .subjects import subjects
from .triggers import Trigger, gapped_object, sent_envoy

__all__ = ["assurance", "clause_meeting", "fixed_pairs", "invited_guest", "not_an_event", "sideline_pair",
           "visiting_guest"]

Pairs = list[tuple[ActorMention, ActorMention | None]]


def not_an_event(tok: Token, trig: Trigger, triggers: list[Trigger], lex: Lexicon) -> bool:
    """Is the trigger no event of its own, whatever its roles?

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Peru", "asked", "about", "talks"], heads=[1, 1, 1, 2],
    ...           deps=["nsubj", "ROOT", "prep", "pobj"], lemmas=["Peru", "ask", "about", "talk"])
    >>> not_an_event(doc[1], Trigger(1, (1,), "asked", "REQUEST", None, "VERB"), [], Lexicon.default())
    True
    """
    if trig.type == "REQUEST" and any(c.dep_ == "xcomp" and readings.ordered_coercion(c, triggers, lex) is not None
                                      for c in tok.children):
        return True  # "ordered La Prensa to suspend publication": the censorship is the act
    if tok.lemma_.lower() in lex.cues["retaliation_verbs"] and not is_prospective(tok, lex) and any(
            c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pcomp" for g in c.children) for c in tok.children):
        return True  # "Seoul retaliated by lifting curbs": the retaliation done is the act it was done by
    if trig.type == "THREATEN" and trig.pos == "VERB" and tok.lemma_.lower() == "threaten" and not any(
            c.dep_ in ("xcomp", "ccomp", "dative") for c in tok.children) and any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in lex.cues["endangered_abstractions"]
            for c in tok.children):
        return True  # "saying it threatened regional stability": endangering something is no threat by anyone
    if trig.type == "AGREE" and trig.pos == "VERB" and tok.lemma_.lower() == "commit" and any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" for c in tok.children):
        return True  # "committing war crimes", "committed atrocities": doing a deed is no commitment
    if trig.type == "CONSULT" and trig.pos == "VERB" and tok.lemma_.lower() == "meet" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in lex.cues["fulfilled_nouns"] for c in tok.children):
        return True  # "Sweden had met its commitments", "met the deadline": fulfilling something is no meeting
    whose = next((t for c in tok.children if c.dep_ == "dobj" for t in c.subtree if t.dep_ == "poss"), None)
    if trig.type == "SUPPORT" and tok.lemma_.lower() in ("defend", "justify") and whose is not None and \
            whose.lower_ in ("its", "their", "his", "her", "our", "my"):
        # "Russia defended the dash of its paratroopers into Pristina": justifying one's own act (not "defended
        # Chile's right to protect its border")
        return True
    if trig.type == "REJECT" and any(c.dep_ == "xcomp" and c.lemma_.lower() in lex.cues["no_comment_verbs"]
                                     for c in tok.children):
        return True  # "declined to say when demarcation would begin", "refused to comment": no one is refused
    # "when asked about Azerbaijani interference", "asked whether talks would resume": a question
    return trig.type == "REQUEST" and readings.question(tok, lex)


def fixed_pairs(tok: Token, trig: Trigger, pairs: Pairs, triggers: list[Trigger], idx: MentionIndex,
                lex: Lexicon) -> Pairs:
    """The (actor, target) pairs of ``trig`` as its construction fixes them, else ``pairs`` unchanged."""
    envoy = sent_envoy(tok, lex) if trig.type == "CONSULT" else None
    if envoy is not None:
        # "Eritrea sent its foreign minister to Addis Ababa": the one sent visits (a delegation, the sender's)
        host = idx.at(envoy[1])
        guests = [m for m in [idx.at(envoy[0])] if m is not None] or [a for a, _ in pairs]
        pairs = [(g, host) for g in guests[:1] if host is not None and host.actor != g.actor]
    coerced = readings.ordered_coercion(tok, triggers, lex)
    if coerced is not None and idx.at(coerced) is not None:
        pairs = [(a, idx.at(coerced)) for a, _ in pairs if a.actor != idx.at(coerced).actor]
    if not pairs and trig.type == "CONSULT" and trig.pos == "NOUN":
        pairs = sideline_pair(tok, idx, lex, triggers)
    if trig.type == "CONSULT" and trig.pos == "NOUN" and all(t is None for _, t in pairs):
        pairs = clause_meeting(tok, idx) or pairs
    assured = assurance(tok, idx)
    if assured:
        pairs = assured
    visiting = visiting_guest(tok, idx, triggers, lex)
    if visiting:
        pairs = visiting
    guest = invited_guest(tok, idx)
    if guest is not None:
        pairs = [(a, guest) for a, t in pairs if t is None and a.actor != guest.actor] or pairs
    pairs = material.material_pairs(tok, trig, pairs, idx, lex)  # who does a material act to whom
    gap = gapped_object(tok) if trig.pos == "VERB" else None
    if gap is not None:
        # what a relative clause's verb does is done to its noun, never by it ("the soldiers it had sent")
        pairs = [(a, t) for a, t in pairs if not a.start <= gap.i < a.end]
        if all(t is None for _, t in pairs):
            # "rejected an apology Bogota had offered": offered to the one who rejects it; "a diplomat it accused
            # of spying": the noun is whom the clause's act is done to
            people = lex.cues["role_nouns"] | lex.cues["state_agent_nouns"] | lex.cues["group_nouns"]
            done_to = [idx.at(gap), *idx.modifiers(gap)] if gap.lemma_.lower() in people and trig.type != "REJECT" \
                else []
            to = relatives.recipient(gap, idx, lex, {a.actor for a, _ in pairs}) or [
                m for m in done_to[:1] if m is not None and m.actor not in {a.actor for a, _ in pairs}]
            pairs = [(a, to[0] if to else None) for a, _ in pairs]
    return pairs


def assurance(tok: Token, idx: MentionIndex) -> Pairs:
    """Who assures whom of what the noun ``tok`` names: "telephoned Uribe to assure him of US support" is Bush's
    support of Uribe (the one assuring commits their side; the one assured receives it); [] otherwise."""
    verb = tok.head.head
    if verb.dep_ in ("dobj", "dative") and verb.head.pos_ == "VERB":
        verb = verb.head  # "assure her of support": the parser hangs "of" on the one assured
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ != "of" or verb.pos_ != "VERB" or \
            verb.lemma_.lower() not in ("assure", "reassure"):
        return []
    assured = [m for c in verb.children if c.dep_ in ("dobj", "dative") for m in [idx.at(c)] if m is not None]
    return [(a, assured[0]) for a in subjects(verb, idx)[0] if assured and a.actor != assured[0].actor]


def invited_guest(tok: Token, idx: MentionIndex) -> ActorMention | None:
    """Who an invitation invites when a clause tells that someone came or will come at it: the subject of
    "arrived in Beijing at the invitation of Xi", "will visit Moscow at Medvedev's invitation"; else None."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() != "invitation" or tok.dep_ != "pobj" or \
            tok.head.lower_ not in ("at", "on", "upon") or tok.head.head.pos_ != "VERB":
        return None
    guests = subjects(tok.head.head, idx)[0]
    return guests[0] if len(guests) == 1 else None


def sideline_pair(tok: Token, idx: MentionIndex, lex: Lexicon, triggers: list[Trigger] = ()) -> Pairs:
    """The two sides of a meeting a clause implies by its setting: in "on the sidelines of the summit, Obama and
    Lee agreed ...", the summit's sidelines are where the clause's two subjects met.  Empty unless ``tok`` is
    the object of "of" after "sidelines" or "margins" and the clause it sets has exactly two sides, and is no
    meeting of its own (one of ``triggers``: "are to meet on the sidelines of ...") nor one yet to come.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from newskg.records import Actor
    >>> words = ["On", "the", "sidelines", "of", "the", "summit", ",", "Peru", "and", "Chile", "agreed"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[10, 2, 0, 2, 5, 3, 10, 10, 7, 7, 10],
    ...           deps=["prep", "det", "pobj", "prep", "det", "pobj", "punct", "nsubj", "cc", "conj", "ROOT"],
    ...           pos=["ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"])
    >>> idx = MentionIndex([ActorMention(7, 8, "Peru", Actor("Peru", kind="state", country="PER")),
    ...                     ActorMention(9, 10, "Chile", Actor("Chile", kind="state", country="CHL"))])
    >>> [(a.text, b.text) for a, b in sideline_pair(doc[5], idx, Lexicon.default())]
    [('Peru', 'Chile')]
    """
    verb = sideline_setting(tok)
    if verb is None or is_prospective(verb, lex) or any(t.i == verb.i for t in triggers if t.type == "CONSULT"):
        return []
    sides = list({m.actor: m for m in subjects(verb, idx)[0]}.values())
    return [(sides[0], sides[1])] if len(sides) == 2 else []


def visiting_guest(tok: Token, idx: MentionIndex, triggers: list[Trigger] = (),
                   lex: Lexicon | None = None) -> Pairs:
    """The guest and host of a visit told by "visiting" before a name: "Obuchi welcomed visiting President Kim"
    is Kim's visit to Obuchi; "Visiting Chancellor Scholz urged China ..." has no host in its clause (the
    story's place gives it: :func:`~newskg.extract.recipients.implied_recipient`).  [] unless ``tok`` is such a
    modifier of a named actor, and when a meeting with the guest is refused (one of ``triggers``, a REJECT,
    governs it: "refused to meet Jordan's visiting King").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from newskg.records import Actor
    >>> doc = Doc(spacy.blank("en").vocab, words=["Lula", "greeted", "visiting", "Kim"], heads=[1, 1, 3, 1],
    ...           deps=["nsubj", "ROOT", "amod", "dobj"], lemmas=["Lula", "greet", "visit", "Kim"],
    ...           pos=["PROPN", "VERB", "VERB", "PROPN"], tags=["NNP", "VBD", "VBG", "NNP"])
    >>> idx = MentionIndex([ActorMention(0, 1, "Lula", Actor("Lula", kind="person", country="BRA")),
    ...                     ActorMention(3, 4, "Kim", Actor("Kim", kind="person", country="KOR"))])
    >>> [(a.text, b.text) for a, b in visiting_guest(doc[2], idx)]
    [('Kim', 'Lula')]
    """
    if tok.lemma_.lower() != "visit" or tok.tag_ != "VBG":
        return []
    if tok.dep_ == "amod":
        guest, verb = idx.at(tok.head), (tok.head.head if tok.head.dep_ in ("dobj", "dative", "nsubj", "nsubjpass")
                                         else None)
    elif tok.dep_ == "xcomp" and tok.head.lemma_.lower() in (lex or Lexicon.default()).cues["hosting_words"]:
        # the parser's reading of "welcomed visiting President Kim": "visiting" a verb, Kim its object
        guest, verb = next((idx.at(c) for c in tok.children if c.dep_ == "dobj"), None), tok.head
    else:
        return []
    if guest is None or guest.actor.kind not in ("person", "state", "organization"):
        return []
    if verb is not None and verb.dep_ == "xcomp" and any(t.i == verb.head.i and t.type == "REJECT" for t in triggers):
        return []
    hosts = [h for h in (subjects(verb, idx)[0] if verb is not None else []) if h.actor != guest.actor and not (
        h.actor.country and h.actor.country == guest.actor.country)]
    return [(guest, hosts[0] if hosts else None)]


def clause_meeting(tok: Token, idx: MentionIndex) -> Pairs:
    """The two sides of a meeting that names no one met, told as the time of a clause of two sides: "after a
    meeting on the sidelines, Obama and Medvedev agreed", "following their talks, the two leaders said" are
    the clause's two subjects' meeting.  [] unless ``tok`` is the object of a temporal preposition on a verb
    whose subjects are exactly two actors.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from newskg.records import Actor
    >>> doc = Doc(spacy.blank("en").vocab, words=["After", "talks", ",", "Peru", "and", "Chile", "agreed"],
    ...           heads=[6, 0, 6, 6, 3, 3, 6], deps=["prep", "pobj", "punct", "nsubj", "cc", "conj", "ROOT"],
    ...           pos=["ADP", "NOUN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"])
    >>> idx = MentionIndex([ActorMention(3, 4, "Peru", Actor("Peru", kind="state", country="PER")),
    ...                     ActorMention(5, 6, "Chile", Actor("Chile", kind="state", country="CHL"))])
    >>> [(a.text, b.text) for a, b in clause_meeting(doc[1], idx)]
    [('Peru', 'Chile')]
    """
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("after", "following", "before", "during", "since") or \
            prep.head.pos_ not in ("VERB", "AUX"):
        return []
    sides = list({m.actor: m for m in subjects(prep.head, idx)[0]}.values())
    return [(sides[0], sides[1])] if len(sides) == 2 else []

