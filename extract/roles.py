"""Actor and target of a trigger, from the dependency parse.

Covers active and passive voice, coordinated actors ("A and B held talks"),
"between A and B", "A's call with B", "A told B", "A reached out to B",
nouns governed by light verbs ("held talks with B"), and hosts and visitors
("B received A": the visitor A is the actor).

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> from newskg.records import Actor
>>> from newskg.extract.entities import ActorMention, MentionIndex
>>> doc = Doc(Vocab(), words=["Paris", "was", "attacked", "by", "rebels"], heads=[2, 2, 2, 2, 3],
...           deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj"], pos=["PROPN", "AUX", "VERB", "ADP", "NOUN"])
>>> idx = MentionIndex([ActorMention(0, 1, "Paris", Actor("France", kind="state", country="FRA")),
...                     ActorMention(4, 5, "rebels", Actor("rebels", kind="group"))])
>>> [(a.text, t.text) for a, t in participants(doc[2], "ASSAULT", idx)]
[('rebels', 'Paris')]
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import SYMMETRIC_TYPES
from .entities import ActorMention, MentionIndex
from .lexicon import Lexicon
from .modes import hosted_meeting
from .purposes import measured, purpose_clauses
from .subjects import resolve_all, subjects, with_conjuncts
from .summaries import summary_appositions

__all__ = ["participants", "targets_of"]

_TARGET_PREPS = ("to", "with", "on", "against", "at", "for", "toward", "towards", "from", "into", "over", "of")
_TEMPORAL = ("during", "before", "since", "amid", "until", "ahead", "after")
#: What one does in a contact, aimed at the one contacted ("telephoned the emir to congratulate him").
_CONTACT_CONTENT = ("AGREE", "SUPPORT", "REQUEST", "CONCEDE", "ACCUSE", "THREATEN")
_LOCATIVE = ("in", "at", "near", "outside", "inside", "across", "throughout", "around")
#: Acts whose target may be the place they happen in ("shelled positions in Kharkiv", "blocked roads in Lyon").
_PLACE_TARGETS = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "AID", "RETREAT", "CONSULT", "CONCEDE",
                  "REQUEST"}
#: Acts that several sides named together do to one another when no one else is named.
_MUTUAL = {"SUPPORT", "CONCEDE", "SANCTION", "ASSAULT", "ACCUSE", "THREATEN"}
#: Prepositions by which a meeting is the setting of another act ("after talks with X, Y said").
_MEETING_ADJUNCTS = ("in", "during", "after", "at", "following", "before", "over", "on")


def _the_other(trigger: Token) -> bool:
    """Is the act aimed at "the other" ("each side accuses the other", "from the other's embassy")?"""
    return any(t.lower_ == "other" and any(c.lower_ in ("the", "each") for c in [*t.children, *t.lefts])
               for t in trigger.subtree) or any(t.lower_ == "another" and t.i > 0 and t.doc[t.i - 1].lower_ == "one"
                                                 for t in trigger.subtree)


def targets_of(tok: Token, idx: MentionIndex, exclude: set) -> list[ActorMention]:
    if tok.lemma_.lower() in Lexicon.default().cues["topic_verbs"]:
        # "discussed aid to Ukraine": what is discussed is the topic; only "with" names a participant
        return [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                if g.dep_ == "pobj" for m in resolve_all(with_conjuncts(g), idx) if m.actor not in exclude]
    cands: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "iobj", "nsubjpass", "attr", "oprd"):
            cands.append(c)
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.text.lower() in _TARGET_PREPS:
            cands.extend(g for g in c.children if g.dep_ == "pobj")
        if c.dep_ == "prt":
            for p in c.children:
                cands.extend(g for g in p.children if g.dep_ == "pobj")
    out = []
    for c in cands:
        named = idx.at(c)  # "met Ecuador's security minister, Gustavo Larrea": the one in apposition
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and any(ch.dep_ == "poss" for ch in c.children) and not (
                named is not None and named.actor.kind == "person" and any(ch.dep_ == "appos" for ch in c.children)):
            # "reaffirmed France's support for Ukraine": the possessor owns the object, the
            # object's own complement names the target
            inner = [m for m in targets_of(c, idx, exclude) if m not in out]
            if inner:
                out.extend(inner)
                continue
            # "to protest President Assad's failure": with no complement, the possessor is the target
            owners = [m for g in c.children if g.dep_ == "poss" for m in [idx.at(g)]
                      if m is not None and m.actor not in exclude and m not in out]
            if owners:
                out.extend(owners)
                continue
        for m in resolve_all(with_conjuncts(c), idx):
            if m.actor not in exclude and m not in out:
                out.append(m)
        if not out and c.dep_ == "dobj":  # "step up exchanges with Russia"
            out.extend(targets_of(c, idx, exclude))
    return out


def _names_place(prep: Token) -> bool:
    """Whether a locative preposition's object is a place ("in the Eritrean capital", "at the border"), not a
    thing one reacts to ("pushed back at the idea")."""
    places = Lexicon.default().cues["place_nouns"]
    return any(o.dep_ == "pobj" and (o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in places)
               for o in prep.children)


def _phrase_targets(trigger: Token, idx: MentionIndex, exclude: set, *, content: bool = True,
                    places: bool = True) -> list[ActorMention]:
    """Fallback: actors named inside the trigger's own phrase (objects and complements), nearest first;
    without ``content``, not inside what its object is asked to do ("asked the directors to ..."); without
    ``places``, not where it happens ("signed a declaration in the Eritrean capital")."""
    skip = {t.i for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "poss", "agent")
            for t in c.subtree}
    # nor who reports it ("according to Syria's official news agency")
    skip |= {t.i for p in trigger.subtree if p.dep_ == "prep" and p.lower_ == "according" for t in p.subtree}
    skip |= {t.i for p in trigger.subtree if p.lower_ == "to" and p.head.lower_ == "according" for t in p.subtree}
    # nor where the sentence opens ("In Moscow, the Foreign Ministry condemned ..."): a setting, not a target
    skip |= {t.i for c in trigger.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE and c.i == c.sent.start
             for t in c.subtree}
    # nor in other clauses: "suspended the constitution and arrested the president"; unless the object is
    # shared ("established ties with and opened an embassy in Tehran": a preposition left without object)
    shared = any(t.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in t.children) for t in trigger.subtree)
    skip |= {t.i for c in trigger.children if c.dep_ in ("advcl", "relcl", "parataxis") or
             (not content and c.dep_ == "xcomp" and any(o.dep_ == "dobj" for o in trigger.children)) or
             (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not shared) or
             (c.dep_ == "prep" and c.lower_ in _TEMPORAL) for t in c.subtree}  # "during Lula's visit"
    # nor who reacts to it in a summing-up apposition ("ended the pact, a step Seoul denounced")
    skip |= summary_appositions(trigger, Lexicon.default())
    # nor the charge against whom it is done to: "executed a man convicted of spying for Israel"
    charges = Lexicon.default().cues["charge_participles"]
    skip |= {t.i for o in trigger.children if o.dep_ in ("dobj", "nsubjpass") for c in o.children
             if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in charges for t in c.subtree}
    if not places:  # a place the act itself is set in, not one inside what it is about ("a curfew in Algiers")
        skip |= {t.i for p in trigger.children if p.dep_ == "prep" and p.lower_ in _LOCATIVE and _names_place(p)
                 for t in p.subtree}
    cands = [t for t in trigger.subtree if t.i not in skip and t.i != trigger.i]
    # where something happens ("ban voting in East Jerusalem if Hamas ran") names a target last
    where = {t.i for p in trigger.subtree if p.dep_ == "prep" and p.text.lower() in _LOCATIVE for t in p.subtree}
    cands.sort(key=lambda t: (t.i in where, t.i < trigger.i, abs(t.i - trigger.i)))
    out: list[ActorMention] = []
    for t in cands:
        m = idx.at(t) if t.pos_ in ("PROPN", "NOUN", "ADJ") else None
        if m is not None and m.actor not in exclude and m not in out:
            out.append(m)
    return out


def participants(trigger: Token, etype: str, idx: MentionIndex) -> list[tuple[ActorMention, ActorMention | None]]:
    """(actor, target) pairs for a trigger token; one pair per actor unless the type is symmetric."""
    actors: list[ActorMention] = []
    targets: list[ActorMention] = []
    in_agent: set[int] = set()  # the words of a noun's "by" phrase: its agent's, never its target
    if trigger.pos_ in ("VERB",) and trigger.lemma_.lower() in Lexicon.default().cues["mediation_nouns"]:
        # "Egypt and Qatar are mediating between Israel and Hamas": each mediator meets each side
        between = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children
                   if g.dep_ == "pobj"]
        sides = resolve_all(with_conjuncts(between[0]), idx) if between else []
        mediators = [m for m in subjects(trigger, idx)[0] if m.actor not in {s.actor for s in sides}]
        if len(sides) >= 2 and mediators:
            return [(m, side) for m in mediators for side in sides[:2]]
    if trigger.pos_ in ("NOUN", "PROPN"):
        # "a mediation effort between A and B": the phrase may hang on the noun the trigger is compounded into
        phrase = trigger.head if trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN" else trigger
        between = [g for c in phrase.children if c.dep_ == "prep" and c.text.lower() == "between" for g in c.children
                   if g.dep_ == "pobj"]
        if between:
            found = resolve_all(with_conjuncts(between[0]), idx)
            if len(found) >= 2 and trigger.lemma_.lower() in Lexicon.default().cues["mediation_nouns"]:
                # "X launched a mediation effort between A and B": the mediator meets each side
                noun = measured(phrase)
                mediators, _ = subjects(noun.head, idx) if noun.dep_ in ("dobj", "nsubjpass") else ([], False)
                mediators = [m for m in mediators if m.actor not in {f.actor for f in found}]
                if mediators:
                    return [(mediators[0], side) for side in found[:2]]
            if len(found) >= 2:
                return [(found[0], found[1])]
        # "their two hours of talks": the possessor of the measure the trigger is counted in
        poss = [c for c in trigger.children if c.dep_ == "poss"] or [
            c for c in measured(trigger).children if c.dep_ == "poss" and measured(trigger).i != trigger.i]
        # "during their detention", "his release": the possessor undergoes it; not "Israel's arrest of X"
        undergone = trigger.lemma_.lower() in Lexicon.default().cues["undergone_nouns"] and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in trigger.children)
        if poss and not undergone:
            actors = resolve_all(with_conjuncts(poss[0]), idx)
        # (or said by a participle: "a general strike called by the Civil Disobedience Movement")
        by = [c for c in trigger.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"] + [
            g for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN" and
            c.lemma_.lower() in Lexicon.default().cues["organising_verbs"] for g in c.children if g.dep_ == "agent"]
        if not actors:  # "the downing of the jet by Turkish forces": the agent of a nominalised act
            # (the agent itself, not what its title names: "a visit by PLO Chairman Yasser Arafat" is Arafat's)
            actors = [m for c in by for g in c.children if g.dep_ == "pobj" for x in with_conjuncts(g)
                      for m in (idx.at(x) and [idx.at(x)] or resolve_all([x], idx)[:1])]
        in_agent = {t.i for c in by for t in c.subtree}
        if not actors:  # "the Turkish offer", "Israeli air raids": the nationality in front is the actor
            actors = [m for c in trigger.children if c.dep_ == "amod" and c.i < trigger.i
                      for m in [idx.at(c)] if m is not None and m.actor.kind == "state"]
        noun = measured(trigger)
        if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
            noun = noun.head  # "announced a military aid package for Taiwan": the package stands in the clause
        # "held talks", "engaged in talks"; not "imposed a curfew after a demonstration"; "in a call with
        # Scholz, Biden discussed ...": who is in a meeting with someone takes part in it
        with_someone = etype == "CONSULT" and any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
        inside = noun.dep_ != "pobj" or noun.head.text.lower() in ("in", "into", "to", "for", "on") or (
            with_someone and noun.head.lower_ in ("during", "at"))
        if not actors and inside and noun.dep_ in ("dobj", "nsubjpass", "pobj", "attr") and \
                noun.head.pos_ in ("VERB", "AUX", "ADP"):
            head = noun.head if noun.dep_ != "pobj" else noun.head.head
            # "are in talks", "remained on alert", "converged for a rally": those in it take part
            in_state = noun.dep_ == "pobj" and ((noun.head.text.lower() in ("in", "on") and head.lemma_.lower() in Lexicon.default().cues["state_copulas"])
                                                or etype in ("PROTEST", "MOBILIZE") or with_someone)
            # "X held talks", "X launched a strike"; but "the ministry confirmed the call" only reports it
            lex = Lexicon.default()
            reports = head.lemma_.lower() in lex.report_only  # announcing a suspension or a ceasefire does it
            # "the ministers discussed the attack", "X condemned the attack": the object of another event
            # is its topic, not the subject's own act
            ordered = head.lemma_.lower() in lex.cues["ordering_verbs"] and noun.dep_ == "dobj"
            # "Ruto called the protests treasonous": what one labels one does not do; "stormed the embassy following
            # the execution of a cleric": what something follows is no act of its subject
            reports = reports or head.lemma_.lower() in lex.cues["labelling_verbs"] or (
                head.tag_ == "VBG" and head.lemma_.lower() in ("follow", "precede") and head.dep_ in ("advcl", "prep"))
            reports = not ordered and (reports or (head.lemma_.lower() in lex.heads and
                                                   head.lemma_.lower() not in lex.cues["light_verbs"]
                                                   and noun.dep_ == "dobj"))
            if head.pos_ in ("VERB", "AUX") and not reports and (
                    head.lemma_.lower() in lex.cues["light_verbs"] or noun.dep_ == "dobj" or in_state):
                actors, _ = subjects(head, idx)
        adjunct = etype == "CONSULT" and noun.dep_ == "pobj" and noun.head.lower_ in _MEETING_ADJUNCTS and \
            noun.head.head.pos_ in ("VERB", "AUX")
        # "during the talks" re-mentions talks told before (the coder dates it by them); "in a telephone call",
        # "after talks with X" tell a meeting of their own
        definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in noun.children)
        with_whom = any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
        if not actors and adjunct and (with_whom or not definite) and \
                not any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children):
            # "After talks with X, Y told reporters ...", "Y promised X in a telephone call that ...": the one
            # who acts in the clause took part; the other is the one met or the one addressed
            clause = noun.head.head
            actors, _ = subjects(clause, idx)
            exclude = {a.actor for a in actors}
            met = targets_of(noun, idx, exclude)
            # (and whom the clause's object is discussed with: "discussed the strike with Erdogan in a call")
            spoken = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
            addressed = [m for h in spoken for c in h.children if (h.i == clause.i and c.dep_ in ("dobj", "dative", "iobj")) or
                         (c.dep_ == "prep" and c.lower_ in ("to", "with")) for g in ([c] if c.dep_ != "prep" else
                                                                           [x for x in c.children if x.dep_ == "pobj"])
                         for m in [idx.at(g)] if m is not None and m.actor not in exclude
                         and m.actor.kind in ("person", "state", "organization")]
            targets = met or addressed
            if actors:
                return [(a, t) for a in actors for t in (targets[:1] or [None])]
        clause = noun.head if noun.dep_ == "dobj" else (noun.head.head if noun.dep_ == "pobj" else None)
        if etype == "AID" and clause is not None and clause.lemma_.lower() in Lexicon.default().cues["receiving_verbs"]:
            # "received 5 billion dollars in military aid from the United States": the giver acts
            givers = [m for t in (trigger, noun, clause) for c in t.children if c.dep_ == "prep" and c.lower_ == "from"
                      for g in c.children if g.dep_ == "pobj" for m in [idx.at(g)] if m is not None]
            return [(g, r) for g in givers[:1] for r in subjects(clause, idx)[0] if g.actor != r.actor]
        if not actors and trigger.dep_ in ("nsubj",):
            return []
        exclude = {a.actor for a in actors}
        targets = targets_of(trigger, idx, exclude) or (targets_of(noun, idx, exclude) if noun.i != trigger.i else [])
        if poss and undergone:
            targets = [m for m in resolve_all(with_conjuncts(poss[0]), idx) if m.actor not in exclude] or targets
        obj = trigger if trigger.dep_ == "dobj" else noun if noun.dep_ == "dobj" else None
        if not targets and obj is not None:
            # (the object is the trigger or the amount it is counted in: "extended $3 billion in aid to X")
            targets = [m for m in targets_of(obj.head, idx, exclude) if m.start > trigger.i]
            if not targets:  # "reiterated its demand that Israel ease ...": who is to act is the target
                targets = [m for c in trigger.head.children if c.dep_ == "ccomp" and c.i > trigger.i
                           for m in subjects(c, idx)[0] if m.actor not in exclude]
    else:
        head = trigger
        if trigger.pos_ == "ADJ" and trigger.dep_ in ("acomp", "amod", "oprd"):
            head = trigger.head
        actors, passive = subjects(head, idx)
        if not actors and etype in ("COERCE", "SANCTION", "ACCUSE") and any(
                c.dep_ == "nsubjpass" for c in head.children):
            # "a missionary was arrested in Lebanon", "was put under investigation in Italy": with no agent
            # named, the state where it happened did it
            actors = [m for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                      if g.dep_ == "pobj" for m in [idx.at(g)] if m is not None and m.actor.kind == "state"][:1]
            passive = bool(actors)
        if not actors:  # "... reaffirmed France's support for Ukraine" with an unknown speaker
            owned = [g for c in head.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "poss"]
            actors = resolve_all(owned[:1], idx)
        exclude = {a.actor for a in actors}
        if passive:
            undergoers = [c for c in head.children if c.dep_ == "nsubjpass"]
            # (or the owner of the thing it is done to: "China, whose embassy was hit by U.S. bombs")
            targets = resolve_all(undergoers, idx) or [m for u in undergoers for g in u.children if g.dep_ == "poss"
                                                       for m in [idx.at(g)] if m and m.actor not in exclude] or \
                [m for u in undergoers for m in [idx.national(u)] if m]
        else:
            targets = targets_of(trigger, idx, exclude)
            if not targets and trigger.pos_ == "ADJ":
                for x in trigger.children:
                    if x.dep_ == "xcomp":
                        targets = targets_of(x, idx, exclude)
        meeting = hosted_meeting(trigger)
        if etype == "CONSULT" and meeting is not None and actors:
            # "Qatar is hosting talks between Washington and the Taliban": the host meets each side
            sides = [m for c in meeting.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children
                     if g.dep_ == "pobj" for m in resolve_all(with_conjuncts(g), idx)]
            return [(actors[0], side) for side in sides[:2] if side.actor != actors[0].actor]
        if etype == "CONSULT" and actors and trigger.lemma_.lower() in Lexicon.default().cues["travel_words"]:
            # "arrived in Belgrade for talks with Milosevic": the one met is the host, else the place gone to
            met = [m for c in trigger.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                   if g.dep_ == "pobj" for m in targets_of(g, idx, exclude)]
            place = [m for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "to", "into")
                     for g in c.children if g.dep_ == "pobj" for m in [idx.at(g)] if m is not None
                     and m.actor not in exclude]
            targets = met or [t for t in targets if t.actor.kind == "person"] or place or targets
        cues = Lexicon.default().cues
        if etype == "AID" and trigger.lemma_.lower() in cues["receiving_verbs"] and actors:
            # "Colombia received aid from the United States": the giver acts
            # (on the verb or on what it received: "received $5 billion in aid from the United States")
            got = [trigger, *(d for c in trigger.children if c.dep_ == "dobj" for d in c.subtree
                              if d.pos_ in ("NOUN", "NUM"))]
            givers = [m for t in got for c in t.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                      if g.dep_ == "pobj" for m in [idx.at(g)] if m is not None]
            return [(g, r) for g in givers[:1] for r in actors if g.actor != r.actor]
        hosting = cues["hosting_words"]
        objs = [c for c in trigger.children if c.dep_ in ("dobj", "dative")]
        callers = [m for o in objs if o.lemma_.lower() in ("call", "letter", "message") for p in o.children
                   if p.dep_ == "prep" and p.lower_ == "from" for g in p.children if g.dep_ == "pobj"
                   for m in [idx.at(g)] if m is not None]
        if etype == "CONSULT" and callers and actors:
            # "received a phone call from Vega": the caller calls the one who received it
            return [(callers[0], a) for a in actors if a.actor != callers[0].actor]
        if etype == "CONSULT" and trigger.lemma_.lower() in hosting and objs and not any(
                (idx.at(c) is not None and c.lemma_.lower() not in cues["facility_nouns"])
                or c.lemma_.lower() in cues["visitor_nouns"] for c in objs):
            return []  # "hosts the largest U.S. air base", "received 5 billion dollars": no meeting
        if etype == "CONSULT" and targets and actors and (trigger.lemma_.lower() in hosting or any(
                c.dep_ == "dobj" and c.lemma_.lower() in hosting for c in trigger.children)):
            # "received X", "gave X a warm welcome": the visitors act; not where ("greeted X at Asmara airport",
            # "welcomed X to Warsaw")
            guests = [v for v in targets if not any(a.dep_ == "pobj" and a.head.lower_ in (*_LOCATIVE, "to")
                                                    for a in [trigger.doc[v.end - 1], *trigger.doc[v.end - 1].ancestors]
                                                    if a.i > trigger.i)]
            return [(v, actors[0]) for v in guests or targets]
    if not actors:
        return []
    if etype in SYMMETRIC_TYPES and len(actors) >= 2 and not any(
            c.dep_ == "prep" and c.text.lower() == "with" for c in trigger.children):
        return [(actors[0], actors[1])]
    # "complained to the UN over Israeli raids": what is complained about beats whom it is told to;
    # "withdrew its inspectors from Iraq": whom one withdraws from beats what is withdrawn
    preferred = Lexicon.default().cues["target_prepositions"].get(etype)
    if preferred:
        about = resolve_all([g for c in trigger.children if c.dep_ == "prep" and c.text.lower() in preferred
                              for g in c.children if g.dep_ == "pobj"], idx)
        about = [m for m in about if m.actor not in {a.actor for a in actors}]
        targets = about + [t for t in targets if t not in about]
    # "telephoned the emir to congratulate him", "called Jonathan to offer help": what one does in a contact is
    # aimed at the one contacted
    contacted = _contacted(trigger, idx, {a.actor for a in actors})
    if contacted is not None and etype in _CONTACT_CONTENT and (
            not targets or all(trigger.doc[t.end - 1].pos_ == "PRON" or trigger.doc[t.end - 1].dep_ in
                               ("compound", "amod", "nmod") for t in targets)):
        # ... not whose thing is offered ("to offer a U.S. team")
        targets = [contacted]
    if not targets and trigger.lemma_.lower() not in Lexicon.default().cues["topic_verbs"]:
        # whom one asks is the one addressed, not someone named in what they are asked to do ("asked the
        # directors to have discussions with their Russian counterparts")
        targets = _phrase_targets(trigger, idx, {a.actor for a in actors}, content=etype != "REQUEST",
                                  places=etype in _PLACE_TARGETS)
    if not targets and etype in ("PROTEST", "COERCE"):  # a protest or a blockade is against what its purpose names
        for purpose in purpose_clauses(trigger):
            exclude = {a.actor for a in actors}
            targets = targets_of(purpose, idx, exclude) or _phrase_targets(purpose, idx, exclude)
            if targets:
                break
    targets = [t for t in targets if t.actor not in {a.actor for a in actors} and t.start not in in_agent]
    if etype in SYMMETRIC_TYPES and len(actors) >= 2 and not targets:
        return [(actors[0], actors[1])]
    reciprocal = _the_other(trigger)
    # (people are two sides only when they are known to be of two states: not "President Bush and Secretary
    # of State Powell expressed regret")
    sides = all(a.actor.kind != "person" for a in actors) or len({a.actor.country for a in actors} - {None}) == len(actors)
    # (a state that is one of theirs is no one else: "Abiy and Isaias signing a declaration in the Eritrean capital")
    others = [t for t in targets if not (t.actor.kind == "state" and t.actor.country in {a.actor.country for a in actors})]
    if etype in _MUTUAL and len(actors) >= 2 and (reciprocal or (sides and not others and etype not in ("ACCUSE", "THREATEN"))):
        # "Abiy and Isaias signed a declaration", "both countries recalled their ambassadors", "each side accuses
        # the other": what two sides do to no one else named, each does to the other
        return [(a, b) for a in actors for b in actors if a.actor != b.actor]
    contacted = _contacted(trigger, idx, {a.actor for a in actors}) if not targets and etype in _CONTACT_CONTENT else None
    if contacted is not None:
        targets = [contacted]  # "called Zelensky to express support": the support of the one called
    if not targets:
        return [(a, None) for a in actors]
    return [(a, t) for a in actors for t in _coordinated(targets, trigger.doc)]


def _contacted(trigger: Token, idx: MentionIndex, exclude: set) -> ActorMention | None:
    """Whom the contact a purpose infinitive belongs to is with: "telephoned X to congratulate him" -> X (also
    through a light verb's object: "called X to express support")."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        trigger = trigger.head
    if trigger.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return None
    head = trigger.head
    for c in head.children:
        if c.dep_ in ("dobj", "dative", "oprd"):  # (the parser's "called X" is now and then a naming: oprd)
            m = idx.at(c)
            if m is not None and m.actor not in exclude and m.actor.kind in ("person", "state", "organization"):
                return m
    return None


def _coordinated(targets: list[ActorMention], doc) -> list[ActorMention]:
    """The first target and those coordinated with it ("to Iran, Libya and Cuba"): one event each."""
    first = doc[targets[0].start:targets[0].end].root
    group = {first.i} | {c.i for c in first.conjuncts}  # the same token: "urged both countries"
    return [targets[0], *(t for t in targets[1:] if doc[t.start:t.end].root.i in group)]
