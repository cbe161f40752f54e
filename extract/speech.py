"""Speech acts: what a speaker does by saying something.

PLOVER codes the content of a statement, not the act of stating it, but some
statements are events in their own right, done by the speaker to someone else:

* "X said (that) Y must do Z" is X's REQUEST to Y (:func:`obligations`), and so is "X insists that Y
  serve under a unified command" (:func:`mandates`);
* "X suggested they were linked to Ukraine", "X hoped France was not behind
  the attack", "X said Y lied to him" are X's allegations against Ukraine, France and Y (ACCUSE
  ``allege``, :func:`insinuations`);
* "'The comments by the Russian side were bizarre,' X said" is X's ACCUSE
  against Russia, and "suggestions ... were 'ridiculous'" is X's REJECT of a
  claim (:func:`evaluations`; :mod:`~newskg.extract.coder` links the REJECT to
  the claim it answers);
* "China said Indian troops attacked Chinese personnel" is China's allegation
  against India: a side telling of a hostile act done to it by another side
  accuses that side (:func:`accusers`);
* "X said Seoul would pay a high price" is X's THREATEN against Seoul (:func:`menaces`);
* "calling Boko Haram one of the worst terrorist groups" is an insulting label
  the parser hung on the object (ACCUSE, :func:`labels`);
* "X said ..., calling on Moscow to stop" is X's REQUEST, whatever clause the
  parser hung the participle on (:func:`participial_speaker`).

Each rule is a pure function of a sentence and yields :class:`SpeechAct`
records; the coder dates them and attributes them like any other event.

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> from newskg.records import Actor
>>> from newskg.extract.entities import ActorMention, MentionIndex
>>> from newskg.extract.lexicon import Lexicon
>>> words = ["Rome", "suggested", "they", "were", "linked", "to", "Paris"]
>>> doc = Doc(Vocab(), words=words, heads=[1, 1, 3, 1, 3, 4, 5],
...           deps=["nsubj", "ROOT", "nsubjpass", "ccomp", "acomp", "prep", "pobj"],
...           pos=["PROPN", "VERB", "PRON", "AUX", "VERB", "ADP", "PROPN"],
...           lemmas=["Rome", "suggest", "they", "be", "link", "to", "Paris"])
>>> idx = MentionIndex([ActorMention(0, 1, "Rome", Actor("Italy", kind="state", country="ITA")),
...                     ActorMention(6, 7, "Paris", Actor("France", kind="state", country="FRA"))])
>>> [(a.actor.actor.name, a.trigger.type, a.trigger.mode, a.target.actor.name)
...  for a in insinuations(doc[:], idx, Lexicon.default())]
[('Italy', 'ACCUSE', 'allege', 'France')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..records import Actor
from .entities import ActorMention, MentionIndex
from .lexicon import Lexicon
from .subjects import resolve_all, subjects
from .summaries import summary_appositions
from .status import is_negated
from .triggers import Trigger, label_of

__all__ = ["SpeechAct", "accusers", "content_of", "evaluations", "insinuations", "labels", "mandates", "obligations", "participial_speaker", "speaker_of"]

_REPORT_DEPS = ("ccomp", "parataxis", "advcl", "xcomp")


@dataclass(frozen=True, slots=True)
class SpeechAct:
    """A statement that is an event: who did it, the trigger that names it, to whom, and the verb that dates it."""

    trigger: Trigger
    actor: ActorMention
    target: ActorMention | None
    verb: Token
    negated: bool = False
    #: the clause that says what is asked or claimed: its own triggers are content, not events
    content: Token | None = None


def content_of(act: SpeechAct) -> set[int]:
    """The tokens of what a speech act asks or claims: its clause, not a verb coordinated with it that has an
    auxiliary of its own ("insists that troops serve under one command and has ruled out a separate sector")."""
    if act.content is None:
        return set()
    own = {t.i for c in act.content.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and
           any(a.dep_ in ("aux", "nsubj") for a in c.children) for t in c.subtree}
    # nor a reaction to it told on a summing-up noun ("..., a demand Moscow refused")
    own |= summary_appositions(act.content, Lexicon.default())
    return {t.i for t in act.content.subtree} - own


def speaker_of(tok: Token, idx: MentionIndex, lex: Lexicon, *, steps: int = 4,
               insinuating: bool = True) -> tuple[list[ActorMention], Token | None]:
    """Who reports the clause ``tok`` is in, and the reporting verb: "Y must go, X said" gives X and "said".

    With ``insinuating`` (the default), "hoped", "suggested" and "warned" count as reporting verbs too.
    """
    reporting = lex.cues["reporting_verbs"] | (lex.cues["insinuating_verbs"] if insinuating else frozenset())
    node = tok
    for _ in range(steps):
        if node.head.i == node.i:
            return [], None
        if node.dep_ in _REPORT_DEPS and node.head.lemma_.lower() in reporting:
            verb = node.head
            outer = verb.head
            if (verb.dep_ == "conj" and outer.dep_ == "ccomp" and outer.head.lemma_.lower() in reporting
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
                # "X acknowledged that they did it, but suggested ...": the parser coordinates the second
                # speech verb with the reported clause; both verbs are X's
                return subjects(outer.head, idx)[0], verb
            return subjects(verb, idx)[0], verb
        node = node.head
    return [], None


def obligations(sent: Span, idx: MentionIndex, lex: Lexicon, triggers: list[Trigger]) -> Iterator[SpeechAct]:
    """"X said (that) Y must do Z" is a REQUEST by X to Y."""
    taken = {t.i for t in triggers}
    for tok in sent:
        if tok.text.lower() not in ("must", "should") or tok.dep_ != "aux":
            continue
        verb = tok.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lex.cues["obligation_reporters"] or verb.head.i in taken:
            continue
        speaker = subjects(verb.head, idx)[0]
        addressee = subjects(verb, idx)[0]
        if not speaker or not addressee or speaker[0].actor == addressee[0].actor:
            continue
        trig = Trigger(verb.head.i, (verb.head.i, tok.i), f"{verb.head.text} ... {tok.text}", "REQUEST", None, "VERB")
        for sp in speaker:
            yield SpeechAct(trig, sp, addressee[0], verb.head, negated=is_negated(verb, lex), content=verb)


def _subjunctive(verb: Token) -> bool:
    """Is a that-clause's verb in the mandative subjunctive ("insisted that Russia withdraw", "that the dispute be
    settled", "that any troops serve"): a base form, or a plain present of a plural subject, with no modal?"""
    if any(c.dep_ == "aux" for c in verb.children):
        return False
    if any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in verb.children):
        return True
    return verb.tag_ == "VB" or (verb.tag_ == "VBP" and verb.lemma_.lower() not in ("be", "have"))


def mandates(sent: Span, idx: MentionIndex, lex: Lexicon, triggers: list[Trigger]) -> Iterator[SpeechAct]:
    """"X insists that Y serve under a unified command", "X wants Y to withdraw the reform": what X insists or
    wants Y do is a REQUEST by X to Y."""
    taken = {t.i for t in triggers}
    for verb in sent:
        head = verb.head
        lemma = head.lemma_.lower()
        wanted = lemma in lex.cues["wanting_verbs"] and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ != "ccomp" or head.i in taken or not (
                wanted or (lemma in lex.cues["mandative_verbs"] and _subjunctive(verb))):
            continue
        speaker, addressee = subjects(head, idx)[0], subjects(verb, idx)[0]
        if not speaker or not addressee or speaker[0].actor == addressee[0].actor:
            continue
        trig = Trigger(head.i, (head.i,), head.text, "REQUEST", None, "VERB")
        for sp in speaker:
            yield SpeechAct(trig, sp, addressee[0], head, negated=is_negated(head, lex), content=verb)


def insinuations(sent: Span, idx: MentionIndex, lex: Lexicon) -> Iterator[SpeechAct]:
    """A speaker tying someone to a deed: "X suggested they were linked to Ukraine" (X ACCUSE allege Ukraine),
    "X hoped France was not behind the attack" (X ACCUSE allege France), or telling of a wrong someone did:
    "X said Y lied to him", "X said Y violated the truce" (X ACCUSE allege Y)."""
    for tok in sent:
        wrong = tok.text.lower() in lex.cues["wrongdoing_words"] and tok.tag_.startswith("VB")
        if tok.text.lower() not in lex.cues["involvement_words"] and not wrong:
            continue
        clause = tok.head if tok.dep_ in ("acomp", "prep", "advmod", "attr") and not wrong else tok
        speakers, verb = speaker_of(clause, idx, lex, steps=2)
        if not speakers or verb is None:
            continue
        if any(a.lemma_.lower() in lex.cues["warning_words"] for a in list(verb.ancestors)[:3]):
            continue  # "warned France it hoped its services were not involved": the warning is the accusation
        if is_negated(clause, lex) and verb.lemma_.lower() not in lex.cues["insinuating_verbs"]:
            continue  # "X said France was not involved" defends France
        # (a wrong is the doer's: "said Uribe lied to him" alleges it of Uribe)
        linked = [] if wrong else [m for c in tok.children if c.dep_ == "prep" and c.text.lower() in ("to", "with", "in")
                                   for g in c.children if g.dep_ == "pobj" for m in [idx.at(g)] if m is not None]
        # "France was not involved": the one a passive involvement word ties to the deed is its subject
        targets = linked or subjects(clause, idx)[0] or resolve_all(
            [c for c in clause.children if c.dep_ == "nsubjpass"], idx)
        targets = [t for t in targets if t.actor.country is None or t.actor.country not in
                   {s.actor.country for s in speakers}]
        if not targets:
            continue
        trig = Trigger(tok.i, (tok.i,), tok.text, "ACCUSE", "allege", "VERB")
        for sp in speakers:
            yield SpeechAct(trig, sp, targets[0], verb)


def menaces(sent: Span, idx: MentionIndex, lex: Lexicon) -> Iterator[SpeechAct]:
    """A speaker saying someone will suffer for what they do threatens them: "X said Seoul would pay a high
    price", "warned that Tehran will face consequences" (THREATEN, the one who will pay; cues
    ``menacing_phrases``: a verb and the objects that make it a menace)."""
    table = lex.cues["menacing_phrases"]
    for tok in sent:
        objects = table.get(tok.lemma_.lower())
        if objects is None or tok.pos_ != "VERB" or not any(
                c.dep_ == "aux" and c.lower_ in lex.cues["future_markers"] for c in tok.children):
            continue
        if objects and not any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in tok.children):
            continue
        speakers, verb = speaker_of(tok, idx, lex, steps=2)
        sides = {s.actor.country or s.actor.name for s in speakers}
        targets = [m for m in subjects(tok, idx)[0] if (m.actor.country or m.actor.name) not in sides]
        if not speakers or verb is None or not targets or is_negated(tok, lex):
            continue
        trig = Trigger(tok.i, (tok.i,), tok.text, "THREATEN", None, "VERB")
        for sp in speakers:
            yield SpeechAct(trig, sp, targets[0], verb)


def evaluations(sent: Span, idx: MentionIndex, lex: Lexicon) -> Iterator[SpeechAct]:
    """A speaker condemning what someone did or said ("the comments by the Russian side were bizarre", ACCUSE
    against Russia) or dismissing a claim ("suggestions ... were ridiculous", REJECT, target left to the
    coder's claim linking)."""
    table = lex.cues["evaluation_adjectives"]
    claim_nouns = lex.cues["denial_objects"] | lex.cues["evaluated_claim_nouns"]
    for tok in sent:
        etype = next((t for t, words in table.items() if not t.startswith("_") and tok.text.lower() in words), None)
        # "branded Uribe a liar" is parsed with two objects: the second is the label
        second_object = tok.dep_ in ("dobj", "conj") and tok.head.lemma_.lower() in lex.cues["labelling_verbs"] and \
            any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children)
        if etype is None or (tok.dep_ not in ("acomp", "attr", "oprd") and not second_object) or \
                tok.head.pos_ not in ("AUX", "VERB"):
            continue
        copula = tok.head
        if (tok.dep_ == "oprd" or second_object) and copula.lemma_.lower() in lex.cues["labelling_verbs"]:
            # "which New Delhi called absurd", "X described the comments as bizarre": the labeller speaks,
            # and what is labelled is the object
            speakers, verb = subjects(copula, idx)[0], copula
            # the one labelled: the object, or a name the parser hung on the label ("called Xi a dictator")
            subj = [c for c in copula.children if c.dep_ == "dobj" and c.i != tok.i] or \
                [c for c in tok.children if c.dep_ in ("nmod", "compound") and idx.at(c) is not None]
            if subj and subj[0].dep_ == "dobj" and subj[0].tag_ == "WDT":
                subj = [copula.head]  # "..., which X called absurd": what the relative clause hangs on
        else:
            speakers, verb = speaker_of(copula, idx, lex, steps=3)
            subj = [c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not speakers or verb is None or not subj or is_negated(copula, lex):
            continue
        owners: list[ActorMention] = []
        for t in subj[0].subtree:
            m = idx.at(t)
            if m is not None and m not in owners and m.actor not in {s.actor for s in speakers}:
                owners.append(m)
        trig = Trigger(tok.i, (tok.i,), tok.text, etype, "disapprove" if etype == "ACCUSE" else None, "ADJ")
        if etype == "ACCUSE" and owners:
            # whom a label is given is who is accused ("branded Uribe a liar"); what a side said or did, its state
            labelled = verb is copula and owners[0].actor.kind == "person" and \
                subj[0].dep_ in ("dobj", "nmod", "compound")
            for sp in speakers:
                yield SpeechAct(trig, sp, owners[0] if labelled else idx.state_of(owners[0]), verb)
        elif etype == "REJECT" and (subj[0].lemma_.lower() in claim_nouns or verb is copula):
            # whom it answers: the claim's owner when named ("Teodoro's remarks", "the Philippine accusations"),
            # else the claimant, found by the coder's claim linking
            for sp in speakers:
                yield SpeechAct(trig, sp, owners[0] if owners else None, verb)


def labels(sent: Span, idx: MentionIndex, lex: Lexicon) -> Iterator[SpeechAct]:
    """A speaker giving someone an insulting label the parser hung on the object ("calling Boko Haram one of
    the worst terrorist groups in the region"): ACCUSE ``disapprove`` against the one labelled."""
    insults = lex.cues["evaluation_adjectives"]["ACCUSE"]
    for tok in sent:
        found = label_of(tok, lex)
        if found is None:
            continue
        label, labelled = found
        if not any(t.text.lower() in insults for t in label.subtree if t.i != labelled.i):
            continue
        target = idx.at(labelled)
        speakers = subjects(tok, idx)[0] or participial_speaker(tok, idx, lex)
        if target is None or is_negated(tok, lex):
            continue
        trig = Trigger(tok.i, (tok.i, label.i), f"{tok.text} ... {label.text}", "ACCUSE", "disapprove", "VERB")
        for sp in speakers:
            if sp.actor != target.actor:
                yield SpeechAct(trig, sp, target, tok)


def participial_speaker(tok: Token, idx: MentionIndex, lex: Lexicon) -> list[ActorMention]:
    """"Lecornu said France had no information, calling on Moscow to stop": the speaker does the calling,
    even when the parser hangs the participle on the reported clause."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp") or tok.head.dep_ != "ccomp":
        return []
    speakers, _ = speaker_of(tok.head, idx, lex, steps=1)
    return speakers


def accusers(tok: Token, actor: Actor, target: Actor | None, idx: MentionIndex,
             lex: Lexicon) -> tuple[list[ActorMention], Token | None]:
    """Who, telling of the hostile act ``tok`` by ``actor`` against ``target``, accuses ``actor`` of it.

    A side reporting what another side did to it ("Zhao said Indian troops had attacked Chinese personnel",
    "Georgian officials said Russian forces shelled Gori") alleges it (PLOVER-notes rule 7: the content of an
    allegation is claimed). A side telling of its own acts, or a third party telling of others', reports.
    """
    if target is None or target.country is None or actor.country is None or actor.country == target.country:
        return [], None
    speakers, verb = speaker_of(tok, idx, lex, insinuating=False)
    if any(sp.actor.country == actor.country for sp in speakers):
        return [], None  # "sources on both sides said": the doer's side tells it too, so no one alleges it
    found = [sp for sp in speakers if sp.actor.country == target.country and sp.actor != actor]
    return (found, verb) if found else ([], None)
