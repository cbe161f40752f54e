"""Coding a parsed document into events: the rules put together.

:func:`code_document` is a pure function of a parsed spaCy ``Doc`` and the
:class:`~newskg.records.Document` it came from.  It applies, sentence by
sentence, the trigger, role, attribution, status and date rules, then the
document-level rules:

* an undated re-mention of an event ("the talks", "the phone call") takes the
  date of the event it re-mentions;
* a denial ("X denied ...", "X shot down that suggestion") is a REJECT by the
  denier against whoever made the claim; the denied claim's status becomes
  ``claimed`` and the denial links to it;
* what a denial says did not happen ("denied reports that A had met B") is
  coded too: ``negated`` when the denier's side took part, else ``claimed``;
* an event of "the two ministers" or "the pair" with no date of its own is the
  story's event, dated like the first event of that pair;
* offers and plans of cooperation are AGREE, not the cooperation itself;
* duplicates within a sentence are merged, and a states' event beside the same
  event of their officials is dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from ..records import Actor, Document, Event
from .entities import MentionIndex, find_mentions, home_state
from .anaphora import aim_at_events
from .summaries import aim_at_summaries
from .emulation import repeated_acts
from .reference import reference_dates
from .attribution import attribution
from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .merging import merge_sentence_events
from .modes import bilateral_summit, consult_mode, hosted_meeting
from . import constructions, denials, material, readings, relatives, speech
from .purposes import purpose_clauses
from .sentences import sentence_bounds
from .roles import participants
from .status import is_habitual, is_hedged, is_negated, is_possible, is_prospective
from .triggers import Trigger, find_triggers
from .when import date_of
from .recipients import implied_recipient

__all__ = ["code_document", "code_sentence"]

log = logging.getLogger(__name__)

#: Material events (PLOVER's material cooperation and conflict), minus meetings.
_MATERIAL = {"COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
#: Promised cooperation is an AGREE; a promised retreat is a CONCEDE, a promised concession stays one, and
#: either made conditional is a threat (readings.as_threat).  (PLOVER-notes, rule 4.)
_FUTURE_TO_AGREE = {"CONSULT", "COOPERATE", "SUPPORT", "AID"}


#: Acts whose recipient is never the actor's own state ("Obama said the United States would help": no AGREE
#: of Obama with the United States).
_OWN_SIDE_NONSENSE = {"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID"}
#: Adverbs that set a contact on an earlier occasion than the one a story tells.
_EARLIER = frozenset({"last", "previously", "earlier", "once", "formerly"})
#: Commitments to act later, dated when they are made.
_COMMITMENTS = {"AGREE", "CONCEDE", "THREATEN", "RETREAT"}  # a retreat promised is a CONCEDE
#: Verbal acts a speaker does by saying their side will do or wants something (PLOVER-notes rule 11).
_SPEAKER_ACTS = {"AGREE", "CONCEDE", "THREATEN", "REJECT", "SUPPORT", "REQUEST"}
#: Hostile acts a side told of as done to it by another alleges (:func:`speech.accusers`).
_ALLEGED = {"ASSAULT", "COERCE", "THREATEN"}


def code_sentence(sent: Span, doc: Document, idx: MentionIndex, lex: Lexicon, gz: Gazetteer,
                  anchor: str | None = None, speaker_dates: dict[Actor, str] | None = None,
                  ) -> Iterator[tuple[Event, Trigger]]:
    """Events of one sentence with their triggers (before document-level rules)."""
    text = doc.text
    home = home_state(text, gz)
    start, end = sentence_bounds(sent, text)
    if end <= start:
        return
    sentence = text[start:end]
    triggers = list(find_triggers(sent, lex))
    # what only civilians do as a protest ("demonstrators converged on the bank", "smashed the windows"):
    # a trigger only with a group or crowd as its subject (checked below)
    civilian_only = readings.civilian_triggers(sent, triggers, lex)
    triggers += civilian_only
    triggers = readings.force_moves(sent, triggers, lex)  # "paratroopers crossed into Kosovo"
    acts = [*speech.obligations(sent, idx, lex, triggers), *speech.mandates(sent, idx, lex, triggers),
            *speech.insinuations(sent, idx, lex),
            *speech.evaluations(sent, idx, lex), *speech.labels(sent, idx, lex), *speech.menaces(sent, idx, lex)]
    asked = {i for act in acts for i in speech.content_of(act)}
    for act in acts:
        # an undated statement belongs to the occasion its speaker was last dated at ("On April 4, X
        # denounced ... X told reporters ...")
        date = date_of(act.verb, sent, doc.published, anchor, lex=lex)[0] or (speaker_dates or {}).get(act.actor.actor)
        target = act.target.actor if act.target else None
        if target == act.actor.actor:
            continue
        source = attribution(act.verb, idx, lex, gz).source
        yield Event(doc=doc.id, sentence=sentence, start=start, end=end, actor=act.actor.actor,
                    action=act.trigger.type, mode=act.trigger.mode, target=target, date=date,
                    source=None if source == act.actor.actor else source,
                    status="negated" if act.negated else "asserted", trigger=act.trigger.text), act.trigger
    # "struck to protest against X", "opened the bridge to allow deliveries": what a material act is done
    # for is its content, not another event
    retypes = lex.cues.get("civilian_retype", {})
    # (not an accusation told beside it: "expelled the diplomats, accusing Buenos Aires of meddling")
    accusing = {t.i for t in triggers if t.type == "ACCUSE" and sent.doc[t.i].tag_ == "VBG"}
    purposes = {p.i for t in triggers if t.type in _MATERIAL or sent.doc[t.i].lemma_.lower() in retypes
                for p in purpose_clauses(sent.doc[t.i])} - accusing
    for trig in triggers:
        tok = sent.doc[trig.i]
        governor = readings.governor(tok, triggers)
        # what a denial says did not happen is still coded, as claimed or negated (code_document links the
        # two); what a rejection turns down ("rejected calls to resign") is not an event
        denied = governor is not None and governor.type == "REJECT" and \
            tok.i in denials.denied_content(sent.doc[governor.i], lex)
        # "criticised the sanctions Chile imposed on Bolivia": the relative clause tells the act itself
        told = relatives.relative_pairs(tok, idx, lex, {t.i for t in triggers}) if trig.pos == "NOUN" else []
        # "accused Russian troops of blowing up a bridge": the accused did it, as the accuser claims
        accused = idx.at(material.accused_of(tok, triggers)) if trig.type in _MATERIAL else None
        if (governor is not None and not denied and not told and accused is None) or tok.i in purposes or tok.i in asked or readings.hypothetical(tok, lex) \
                or (trig.type in ("CONSULT", "AGREE", "SUPPORT") and is_habitual(tok, lex)):
            continue
        if trig.type == "REQUEST" and tok.lemma_.lower() in lex.cues["ordering_verbs"] and any(
                c.dep_ == "dobj" and any(t.i == c.i for t in triggers) for c in tok.children):
            continue  # "ordered the expulsion of the ambassador": the expulsion is the act (the noun codes it)
        if constructions.not_an_event(tok, trig, triggers, lex):
            continue  # a question, a retaliation done by another act, an order whose ordered act is the event
        if trig.type == "REJECT" and any(c.dep_ == "xcomp" and t.i == c.i and t.type == "REJECT"
                                         for c in tok.children for t in triggers):
            continue  # "refusing to rule out": a double negative is no rejection
        etype, mode = readings.as_sentence(tok, trig.type, trig.mode, lex)  # "jailed them for eight years"
        etype, mode = readings.as_wanted(tok, etype, mode, lex)  # "expected an apology from Kampala"
        warning = etype == "THREATEN" and tok.lemma_.lower() in lex.cues["warning_words"] and \
            not readings.coercive_content(tok, triggers, lex)
        if warning:
            etype, mode = "ACCUSE", "disapprove"  # "warned France it hoped its services were not behind it"
        if etype == "AGREE":
            threat = readings.threat_content(trig, triggers, sent, lex)
            if threat is not None:
                etype, mode = "THREATEN", threat
            elif readings.negated_content(tok, lex):
                # "vowed not to return the Golan Heights" refuses; "pledged not to resort to weapons" concedes
                violent = any(o.type in ("ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "SANCTION") and
                              readings.governor(sent.doc[o.i], triggers) == trig for o in triggers) or \
                    any(t.lemma_.lower() in ("violence", "weapon", "force", "arm") for c in tok.children
                        if c.dep_ == "xcomp" for t in c.subtree)
                etype, mode = ("CONCEDE", None) if violent else ("REJECT", None)
            elif any(o.pos == "VERB" and readings.governor(sent.doc[o.i], triggers) == trig and (
                    o.type == "RETREAT" or (o.type == "CONCEDE" and any(
                        a.dep_ == "ccomp" for a in [sent.doc[o.i], *sent.doc[o.i].ancestors] if a.i > trig.i)))
                     for o in triggers):
                # "willing to resign", "promised X that troops would begin pulling out": a promised retreat is a
                # concession (PLOVER-notes rule 4)
                etype, mode = "CONCEDE", None
        prospective = is_prospective(tok, lex)
        if etype in _MATERIAL - _FUTURE_TO_AGREE and trig.pos == "VERB" and (is_possible(tok, lex) or any(
                c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in tok.children)) and not is_negated(tok, lex) \
                and readings.as_threat(tok, etype, mode, prospective, lex)[0] == etype:
            # "fears that the insurgents can strike at will": what one is able to do is not done (what one may do
            # if others do not is a threat: readings.as_threat)
            continue
        # "might travel to Moscow to talk to Putin": a possible meeting is offered, not held
        if etype in _FUTURE_TO_AGREE and (prospective or is_possible(tok, lex)):
            etype, mode = "AGREE", None
        # a planned meeting has the meeting's sides ("is due in Tokyo for talks with Abe"); not one that is the
        # setting of another act ("agreed to US mediation in talks with the Palestinians")
        planned = etype == "AGREE" and trig.type in _FUTURE_TO_AGREE and \
            not any(a.i in {t.i for t in triggers} for a in list(tok.ancestors)[:3])
        pairs = told or participants(tok, trig.type if planned else etype, idx)
        pairs = constructions.fixed_pairs(tok, trig, pairs, triggers, idx, lex)  # envoys, orders, relative clauses
        speakers = speech.participial_speaker(tok, idx, lex) if etype in readings.CONTENT_TAKING else []
        if speakers:
            pairs = [(sp, t) for sp in speakers for t in dict.fromkeys(t for _, t in pairs) if t is None or t.actor != sp.actor]
        if warning:  # a warning of how things stand, told to no one, is no complaint ("warned that aid had stopped")
            pairs = [(a, t) for a, t in pairs if t is not None and readings.addressed(tok, t.actor, idx)]
        if accused is not None:
            pairs = [(accused, t) for t in dict.fromkeys(t for _, t in pairs if t is None or t.actor != accused.actor)
                     ] or [(accused, None)]
            if etype == "ASSAULT" and all(t is None for _, t in pairs):
                side = material.accuser_side(tok, idx, gz)  # the accuser's side was hit
                pairs = [(accused, side if side is not None and side.actor != accused.actor else None)]
        if not pairs:
            continue
        if etype == "MOBILIZE" and tok.lemma_.lower() in lex.cues["exercise_nouns"]:
            # "French and Egyptian warships launched war games": the exercises of several states are joint
            sides = list({a.actor.country: a for a, _ in pairs if a.actor.country}.values())
            if len(sides) >= 2:
                etype, mode, pairs = "COOPERATE", None, [(sides[0], sides[1])]
        att = attribution(tok, idx, lex, gz)
        negated = is_negated(tok, lex)
        if negated and etype in lex.cues["refusal_of"]:
            etype, mode, negated = "REJECT", None, False  # "will not accept more refugees" is a refusal
        status = "negated" if negated else ("claimed" if (is_hedged(tok, lex) or att.verb in lex.cues["claim_verbs"]
                                                         or accused is not None) else "asserted")
        date, own_date = date_of(tok, sent, doc.published, anchor, future=prospective,
                                 content=trig.type in readings.CONTENT_TAKING or etype in readings.CONTENT_TAKING, lex=lex)
        if etype in _COMMITMENTS and prospective and date and doc.published and (
                own_date or date > doc.published.isoformat()[:len(date)]):
            # "will visit Iraq next month", "will resign on July 13": a commitment is dated when it is announced
            # (the reporting verb's date: "said on Saturday that he would ..."), not when the act is planned
            # for (PLOVER-notes rule 9); the news of the day is the publication date
            _, verb = speech.speaker_of(tok, idx, lex, steps=6)
            said = date_of(verb, sent, doc.published, anchor, content=True, lex=lex)[0] if verb is not None else None
            date = said if said and said <= doc.published.isoformat() else doc.published.isoformat()
        if etype in _SPEAKER_ACTS:
            pairs = readings.speaker_commits(tok, pairs, idx, lex)
        retype = retypes.get(tok.lemma_.lower())
        # "workers blocked roads", "thousands of Israelis protested": civilians, not their state
        doers = [g for c in tok.children if c.dep_ == "nsubj" for g in
                     ([c] + [x for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for x in p.children
                             if x.dep_ == "pobj"] if c.lemma_.lower() in lex.cues["partitive_nouns"] else [c])]
        # (armed men storming a hotel attack it; they do not protest)
        armed = tok.lemma_.lower() not in lex.cues["blocking_verbs"] and any(
            c.lower_ in lex.cues["armed_group_nouns"] for c in doers)
        civilians = not armed and any(c.text.lower() in lex.cues["group_nouns"] or readings.people_noun(c, gz)
                                      for c in doers)
        for actor_m, target_m in pairs:
            actor = actor_m.actor
            target = target_m.actor if target_m else None
            if target_m is not None and etype in ("ASSAULT", "COERCE"):
                # "arrested seven Thais", "killed four Iraqis": people counted are a group of their state
                target = material.counted_people(target_m, sent.doc, gz) or target
            if civilians and actor.kind == "state" and "PROTEST" in (etype, retype and retype[0]) and \
                    readings.people_noun(sent.doc[actor_m.end - 1], gz):
                # "young Algerians blocked roads ... from Bouteflika's government": a people protesting are
                # civilians of their state, and may protest against it
                actor = Actor(sent.doc[actor_m.end - 1].text, kind="group", country=actor.country)
            if target is not None and target == actor:
                continue
            if trig in civilian_only and not (civilians or actor.kind == "group"):
                continue
            etype_a, mode_a = tuple(retype) if retype and not armed and (civilians or actor.kind == "group") \
                else (etype, mode)
            etype_a, mode_a = readings.as_threat(tok, etype_a, mode_a, prospective, lex)
            etype_a, mode_a = readings.as_military_raid(tok, etype_a, mode_a, lex)
            if etype_a == "CONCEDE" and tok.lemma_.lower() in lex.cues["regret_verbs"] and \
                    readings.others_act(tok, actor, idx):
                etype_a, mode_a = "ACCUSE", "disapprove"  # "regretted the decision by Riyadh": a complaint
            if prospective and etype_a == "RETREAT":
                etype_a, mode_a = "CONCEDE", None  # "will release the prisoners": a retreat promised is a concession
            if etype_a == "CONSULT" and tok.lemma_.lower() in lex.cues["travel_words"] and any(
                    d.lemma_.lower() in lex.cues["force_nouns"] for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
                    for d in [c, *c.children] if d.dep_ in ("nsubj", "nsubjpass", "compound", "amod", "pobj")):
                # "Russian warships arrived in Havana": forces arriving are deployed; peacekeepers come to help
                keeping = any(t.lemma_.lower().startswith("peacekeep") for c in tok.children if c.dep_ == "nsubj"
                              for t in c.subtree)
                etype_a, mode_a = ("AID", None) if keeping else ("MOBILIZE", "troops")
            if etype_a == "CONSULT" and (mode_a is None or hosted_meeting(tok, lex) is not None
                                         or (mode_a == "multilateral" and bilateral_summit(tok, pairs, idx))):
                mode_a = consult_mode(tok, actor, target, idx, lex)
            if target is not None and target.kind == "state" and actor.kind in ("person", "organization") and \
                    actor.country == target.country and etype_a in _OWN_SIDE_NONSENSE:
                target = None  # an official meets, helps, threatens or praises others, not their own state
            if target is not None and target.kind == "person" and target.country and \
                    target.country == actor.country and actor.kind == "state" and mode_a == "withdraw":
                # "France was recalling Meyer to Paris": a state withdraws its own envoy from another, not from him
                target = None
            if target is None:  # an apology, an attack or a protest with no one named: whom the text implies
                target = implied_recipient(tok, trig.type, etype_a, actor, idx, gz, lex, home=home,
                                           negated=status == "negated")
            if target is None and etype_a == "CONSULT" and trig.pos == "VERB" and mode_a is None and len(pairs) == 1:
                continue  # "Chavez spoke on Sunday": speaking to no one named is no contact
            if target is None and etype_a in lex.cues["needs_recipient"]:
                continue  # PLOVER: cooperation, aid and sanctions are always given to someone
            if target is None and etype_a == "REQUEST" and tok.lemma_.lower() in lex.cues["addressee_verbs"]:
                # asking someone no actor stands for ("asked the directors of the services to ..."), not asking
                # for something ("urged restraint")
                addressees = lex.cues["government_nouns"] | lex.cues["role_nouns"] | lex.cues["group_nouns"]
                told_to = any(x.dep_ in ("xcomp", "ccomp") for x in tok.children)
                if any(c.dep_ == "dobj" and c.pos_ == "NOUN" and (told_to or c.lemma_.lower() in addressees)
                       for c in tok.children):
                    continue
            status_a = status
            if etype_a in _ALLEGED and status == "asserted":
                sides, verb = speech.accusers(tok, actor, target, idx, lex)
                if sides:  # the telling verb's date and source, the same for every side that tells
                    said = date_of(verb, sent, doc.published, anchor, content=True, lex=lex)[0] or date
                    told_by = attribution(verb, idx, lex, gz).source
                for sp in sides:
                    # "Zhao said Indian troops attacked Chinese personnel": China accuses India; the attack is
                    # the content of the allegation, claimed
                    status_a = "claimed"
                    yield Event(doc=doc.id, sentence=sentence, start=start, end=end, actor=sp.actor, action="ACCUSE",
                                mode="allege", target=actor, date=said,
                                source=None if told_by == sp.actor else told_by, status="asserted",
                                trigger=verb.text), trig
            yield Event(doc=doc.id, sentence=sentence, start=start, end=end, actor=actor, action=etype_a,
                        mode=mode_a, target=target, date=date, source=att.source, status=status_a,
                        trigger=trig.text), trig


def _same_pair(a: Event, b: Event) -> bool:
    """Do two events have the same participants?  Between states, persons count for their state
    ("contact between the two countries" re-mentions the ministers' call)."""
    pa = {a.actor.name, a.target.name if a.target else None}
    pb = {b.actor.name, b.target.name if b.target else None}
    if pa == pb or (a.actor == b.actor and (a.target is None or b.target is None)):
        return True
    if a.target is None or b.target is None or "state" not in (a.actor.kind, b.actor.kind):
        return False
    ca, cb = {a.actor.country, a.target.country}, {b.actor.country, b.target.country}
    return None not in ca and len(ca) == 2 and ca == cb


def code_document(sdoc: Doc, doc: Document, *, lex: Lexicon | None = None, gz: Gazetteer | None = None,
                  max_sentence_chars: int | None = None) -> list[Event]:
    """All events of one parsed document, with the document-level rules applied."""
    lex = lex or Lexicon.default()
    gz = gz or Gazetteer.default()
    limit = max_sentence_chars or int(lex.cues["max_sentence_chars"])
    idx = MentionIndex(readings.speakers_for_states(sdoc, find_mentions(sdoc, gz, lex), lex))
    events: list[tuple[Event, Trigger]] = []
    anchor: str | None = None
    speaker_dates: dict[Actor, str] = {}
    for sent in sdoc.sents:
        if len(sent.text) > limit:
            log.info("%s: skipped a %d-character sentence (longer than %d)", doc.id, len(sent.text), limit)
            continue
        for ev, trig in code_sentence(sent, doc, idx, lex, gz, anchor, speaker_dates):
            events.append((ev, trig))
            if ev.date:
                anchor = ev.date
                if ev.action in denials.SPEECH_ACTS:
                    speaker_dates[ev.actor] = ev.date

    # "Chile followed suit", "and was followed by Egypt": the others do the act they follow
    def own_date(tok):
        date, own = date_of(tok, tok.sent, doc.published, None, lex=lex)
        return date if own else None
    events = repeated_acts(events, sdoc, idx, lex, doc.text, own_date)
    out: list[Event] = []
    # ("they last met in July", "had previously met": an earlier occasion, whose date is no other mention's)
    earlier = {id(ev) for ev, trig in events if any(c.dep_ == "advmod" and c.lower_ in _EARLIER
                                                    for c in sdoc[trig.i].children)}
    dated = [ev for ev, _ in events if ev.date and id(ev) not in earlier]
    # events whose participants a pair anaphor names ("the two ministers", "the pair")
    paired = {k for k, (ev, trig) in enumerate(events)
              if any(idx.pair(t) for t in sdoc[trig.i].children if t.dep_ in ("nsubj", "nsubjpass"))}
    for k, (ev, trig) in enumerate(events):
        # an undated mention of an event told with its date elsewhere in the document takes that date:
        # earlier ("the talks") or, for a lead that summarises the story, later
        if ev.date is None and ev.target is not None and ev.status != "negated" and (
                trig.pos == "NOUN" or k in paired or sdoc[trig.i].lemma_.lower() in lex.cues["topic_verbs"]):
            same = [p for p in dated if p.action == ev.action and _same_pair(p, ev) and p.target is not None]
            prior = [p for p in same if p.start <= ev.start]  # in the same sentence too ("a call on Wednesday, a rare contact")
            later = [p for p in same if p.start > ev.start]
            # "the pair discussed ...", "the two leaders agreed ...", "X and Y discussed ...": the story's own
            # occasion, the first the document dates for that pair
            story = [p for p in dated if _same_pair(p, ev) and p.target is not None]
            pick = (story[0] if story else None) if trig.pos != "NOUN" else \
                (prior[-1] if prior else (later[0] if later else None))
            if pick is not None:
                ev = ev.with_(date=pick.date, mode=ev.mode or (pick.mode if pick.action == ev.action else None))
        out.append(ev)
    # "warned France during the talks": an act done during an event told elsewhere takes its date
    dates_at = {events[k][1].i: ev.date for k, ev in enumerate(out) if ev.date}
    for k, ev in enumerate(out):
        if ev.date is None:
            tok = sdoc[events[k][1].i]
            nouns = [g for c in tok.children if c.dep_ == "prep" and c.text.lower() in ("during", "at") for g in c.children
                     if g.dep_ == "pobj"]
            during = [g.i for g in nouns if g.i in dates_at]
            if during:
                out[k] = ev.with_(date=dates_at[during[0]])
                continue
            # "during the talks" with no participants named there: the last talks dated before that the
            # actor's or target's state took part in
            kinds = {p.type for g in nouns for p in lex.patterns(g.lemma_.lower(), "NOUN")}
            sides = {ev.actor.country, ev.target.country if ev.target else None} - {None}
            earlier = [p for p in out[:k] if p.date and p.action in kinds and
                       sides & {p.actor.country, p.target.country if p.target else None}]
            if earlier:
                out[k] = ev.with_(date=earlier[-1].date)

    # "..., a step Seoul denounced": a reaction told on a summing-up noun is aimed at the event it sums up
    out = aim_at_summaries(out, [sdoc[t.i] for _, t in events], idx, lex, gz)
    # "condemned the bombing", "welcomed the strikes": a reaction to an event told elsewhere targets its actor
    out = aim_at_events(out, [sdoc[t.i] for _, t in events], sdoc, lex)
    # what the sentence does not date happened when the story is at
    out = reference_dates(out, [sdoc[t.i] for _, t in events], doc.published, lex)
    # denials: the REJECT targets the claimant and links to the claim
    return merge_sentence_events(denials.link_denials(out, [t for _, t in events], sdoc, idx, lex, gz))
