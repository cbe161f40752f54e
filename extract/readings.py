"""How a trigger reads in its clause: what governs it, what it is about, whether it is only a condition.

Each function is a pure predicate or reading of a token and the triggers of its sentence, used by
:func:`~newskg.extract.coder.code_sentence`: "agreed to *resign*" is content of the agreement
(:func:`governor`), "vowed not to return the land" refuses (:func:`negated_content`), "if war starts" is not
coded (:func:`hypothetical`), "warned that it would strike if ..." is a threat (:func:`as_threat`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..records import Actor
from . import speech
from .entities import ActorMention, MentionIndex
from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .roles import targets_of
from .status import is_negated
from .triggers import Trigger

__all__ = ["moved_forces", "CONTENT_TAKING", "addressed", "aggrieved", "as_military_raid", "as_sentence", "as_threat", "as_wanted", "civilian_triggers", "coercive_content", "force_moves", "force_subject", "governor", "hits_a_thing", "hypothetical", "infinitive_of", "negated_content", "ordered_coercion", "others_act", "people_noun", "place_hit", "question", "speaker_commits", "speakers_for_states", "threat_content"]

#: Event types whose complement is their content ("agreed to resign" is one AGREE, not a RETREAT too).
CONTENT_TAKING = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "PROTEST", "SANCTION"}
_CONTENT_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "advcl", "relcl", "conj"}
#: Prepositions of the circumstances of an act (when, where, how), never of its content.
_ADJUNCT_PREPS = {"in", "at", "during", "after", "before", "since", "by", "with", "amid", "following", "ahead",
                  "despite", "within", "throughout", "near", "until", "upon", "via", "through"}


def governor(tok: Token, triggers: list[Trigger]) -> Trigger | None:
    """The trigger that takes content whose complement ``tok`` is in ("agreed to *resign*"), or None."""
    heads = {t.i: t for t in triggers if t.type in CONTENT_TAKING}
    node = tok
    for _ in range(3):
        if node.head.i == node.i or node.dep_ not in _CONTENT_DEPS:
            return None
        if node.dep_ == "prep" and node.lower_ in _ADJUNCT_PREPS:
            return None  # "promised X in a telephone call that ...": the call is no content of the promise
        if node.dep_ == "relcl" and any(node.i in t.tokens and node.head.i in t.tokens for t in triggers):
            return None  # "rejected an apology Bogota had offered": the clause and its noun tell an act of their own
        if node.dep_ == "relcl" and node.tag_ in ("VBD", "VBN", "VBZ") and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in node.children):
            return None  # "condemned the drone strike that killed three people": the clause tells what was done
        parent = node.head
        if parent.i in heads and parent.i != tok.i and node.dep_ == "dobj" and \
                parent.lemma_.lower() in Lexicon.default().cues["ordering_verbs"]:
            return None  # "ordered the expulsion of ...": the expulsion is done, not content
        if ordered_coercion(tok, triggers, Lexicon.default()) is not None:
            return None  # "ordered the newspaper to suspend publication": the censorship is done
        if parent.i in heads and parent.i != tok.i:
            if node.dep_ in ("relcl", "conj") or (node.dep_ == "advcl" and not infinitive_of(node)):
                return None
            return heads[parent.i]
        if node.dep_ == "ccomp":  # "reiterated its demand that Israel ease ...": the noun's clause
            noun = next((heads[c.i] for c in parent.children if c.dep_ == "dobj" and c.i in heads and c.i < node.i), None)
            if noun is not None:
                return noun
        node = parent
    return None


def ordered_coercion(tok: Token, triggers: list[Trigger], lex: Lexicon) -> Token | None:
    """Coercion done by ordering it: "ordered the opposition newspaper La Prensa to suspend publication" is the
    censorship, by whoever ordered it, of the one ordered.  Returns the order's object, or None."""
    if not any(t.i == tok.i and t.type == "COERCE" for t in triggers) or tok.dep_ != "xcomp" or \
            tok.head.lemma_.lower() not in lex.cues["ordering_verbs"]:
        return None
    return next((c for c in tok.head.children if c.dep_ == "dobj"), None)


def threat_content(trig: Trigger, triggers: list[Trigger], sent: Span, lex: Lexicon) -> str | None:
    """The threat mode when a stated intention has coercive content ("prepared to impose martial law",
    "plans to impose restrictions"); offers and agreements to lift a sanction stay AGREE."""
    doc = sent.doc
    if doc[trig.i].lemma_.lower() not in lex.cues["intent_words"]:
        return None
    modes = lex.cues["threat_modes"]
    for other in triggers:
        if other.type == "THREATEN" and infinitive_of(doc[other.i]) and doc[other.i].head.i == trig.i:
            return other.mode or "violence"  # "vowed to retaliate": a vow of a threat is a threat
        if other.type not in modes or other.type in ("RETREAT", "SANCTION"):
            continue
        tok = doc[other.i]
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.cues["imposing_verbs"]:
            tok = tok.head
        if infinitive_of(tok) and tok.head.i == trig.i:
            return modes[other.type]
    # "ready to adopt targeted measures against those responsible": measures against someone threaten them
    for act in (c for c in doc[trig.i].children if infinitive_of(c)):
        words = {t.lemma_.lower() for t in act.subtree}
        if words & lex.cues["coercive_measure_nouns"] and any(t.dep_ == "prep" and t.lower_ == "against"
                                                              for t in act.subtree):
            return "restrict"
    return None


def addressed(tok: Token, actor: Actor, idx: MentionIndex) -> bool:
    """Is ``actor`` whom the verb ``tok`` is said to or about: its addressee ("warned France that ...", "warned
    them"), what it is against ("warned against Iran"), or the doer its clause tells of ("warned that Rouhani's
    charm offensive is meant to buy time"); not a place or party inside that clause ("warned that aid to Peru had
    stopped")?"""
    subjects = [s for c in tok.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    heads = [c for c in tok.children if c.dep_ in ("dobj", "dative", "iobj")] + [
        g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "against", "of", "about")
        for g in c.children if g.dep_ == "pobj"]
    said = [x for s in subjects for x in [s, *(c for c in s.children if c.dep_ == "poss")]] + [
        t for h in heads for t in h.subtree if t.dep_ not in ("relcl", "acl")]
    return any(m is not None and m.actor == actor for x in said for m in [idx.at(x)])


def others_act(tok: Token, actor: Actor, idx: MentionIndex) -> bool:
    """Is what a verb (or noun) takes as its object an act of someone else's: "regretted the decision by Riyadh",
    "regretted China's decision"?  (Regretting one's own act is an apology; another's, a complaint.)"""
    # (what a noun is over, with its doer said by "by" or a possessive: "regret over the decision by Riyadh";
    # not "regret over the death of the Chilean pilot", which another suffered)
    objs = [(c, ("by", "of")) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + ([
        (g, ("by",)) for p in tok.children if p.dep_ == "prep" and p.lower_ in ("over", "at", "about")
        for g in p.children if g.dep_ == "pobj"] if tok.pos_ == "NOUN" else [])
    for obj, preps in objs:
        doers = [c for c in obj.children if c.dep_ == "poss"] + [
            g for p in obj.children if p.dep_ in ("prep", "agent") and p.lower_ in preps
            for g in p.children if g.dep_ == "pobj"]
        for d in doers:
            m = idx.at(d)
            if m is not None and m.actor != actor and (actor.country is None or m.actor.country != actor.country):
                return True
    return False


def aggrieved(tok: Token, actor: Actor, idx: MentionIndex) -> ActorMention | None:
    """Whom an apology with no addressee is owed: the other side named in what it is for ("very sorry for the
    loss of a Chinese fighter pilot" is owed to China)."""
    heads = [tok, tok.head] if tok.pos_ == "ADJ" else [tok]
    for p in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("for", "over")):
        for t in p.subtree:
            m = idx.at(t)
            if m is not None and m.actor != actor and m.actor.kind == "state" and m.actor.country != actor.country:
                return m
    return None


def question(tok: Token, lex: Lexicon) -> bool:
    """Does a verb of asking ask a question, not for something: "asked about the talks", "asked whether ..."?"""
    if tok.lemma_.lower() not in lex.cues["question_verbs"]:
        return False
    marks = lex.cues["question_marks"]
    return any(c.dep_ == "prep" and c.lower_ in marks for c in tok.children) or any(
        c.dep_ == "ccomp" and any(m.dep_ in ("mark", "advmod", "nsubj", "dobj") and m.lower_ in marks and m.i < c.i
                                  for m in c.children) for c in tok.children)


def infinitive_of(tok: Token) -> bool:
    """Is ``tok`` the to-infinitive complement of its head ("vowed to fight"), however the parser labels it?
    Not a purpose beside another complement ("prepared for exchanges with Russia to fight terrorism")."""
    if tok.dep_ == "xcomp":
        return True
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and \
        not any(c.dep_ in ("dobj", "prep") for c in tok.head.children if c.i < tok.i)


def speaker_commits(tok: Token, pairs, idx: MentionIndex, lex: Lexicon):
    """"A (of state S) said/told B that S is ready to ...", "A told a rally that S reserved the right to
    respond": the speaker's own offer, threat or refusal (PLOVER codes the speaker).  A speaker of unknown
    country who says what a state will do speaks for it ("Vice Foreign Minister X said the North was
    willing ...")."""
    speakers, verb = speech.speaker_of(tok, idx, lex, steps=6, insinuating=False)
    if verb is None or not speakers or speakers[0].actor.kind != "person":
        return pairs
    speaker = speakers[0]
    out = []
    for actor_m, target_m in pairs:
        own = speaker.actor.country is None or actor_m.actor.country == speaker.actor.country
        if actor_m.actor.kind == "state" and own and (target_m is None or target_m.actor != speaker.actor):
            if target_m is None:
                addressed = [m for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")
                             for m in [idx.at(c)] if m is not None]
                if not addressed and verb.dep_ in ("advcl", "conj", "xcomp"):
                    addressed = targets_of(verb.head, idx, {speaker.actor})
                target_m = addressed[0] if addressed else None
            out.append((speaker, target_m))
        else:
            out.append((actor_m, target_m))
    return out


def coercive_content(tok: Token, triggers: list[Trigger], lex: Lexicon) -> bool:
    """Does a warning carry a threat: a future or possible act, a conflict act, "consequences", "against"?"""
    words = lex.cues["threat_content_words"]
    conflict = {t.i for t in triggers if t.pos == "VERB" and (t.type in lex.cues["threat_modes"] or t.type == "THREATEN")}
    conflict.discard(tok.i)
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "punct", "aux", "advmod", "npadvmod"):
            continue
        for d in c.subtree:
            if d.text.lower() in words or d.lemma_.lower() in words or d.i in conflict:
                return True
    return False


def civilian_triggers(sent: Span, triggers: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """Verbs that are protest acts only when civilians do them (cues.json ``civilian_retype``)."""
    taken = {i for t in triggers for i in t.tokens}
    out = []
    for tok in sent:
        retype = lex.cues["civilian_retype"].get(tok.lemma_.lower())
        if tok.pos_ == "VERB" and tok.i not in taken and isinstance(retype, list):
            out.append(Trigger(tok.i, (tok.i,), tok.text, retype[0], retype[1], "VERB"))
    return out


def force_subject(tok: Token, lex: Lexicon) -> bool:
    """Is a verb's subject an armed force ("Russian paratroopers", "a column of armoured vehicles", "the
    peacekeepers, who crossed ...")?"""
    forces = lex.cues["force_nouns"] | lex.cues["force_vehicle_nouns"]
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    subj = [tok.head if s.tag_ in ("WP", "WDT") and tok.dep_ == "relcl" else s for s in subj]
    return any(d.lemma_.lower() in forces or d.lower_ in forces for c in subj
               for d in [c, *(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children)])


def force_moves(sent: Span, triggers: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """Forces moving ("paratroopers crossed into Kosovo", "the column rolled into Pristina", "troops marched
    into the city") are deployed (MOBILIZE troops), not marching in protest (cues.json
    ``force_movement_verbs``).  Returns the triggers with those added or retyped."""
    verbs = lex.cues["force_movement_verbs"]
    taken = {i for t in triggers for i in t.tokens}
    out = [Trigger(t.i, t.tokens, t.text, "MOBILIZE", "troops", t.pos) if t.type == "PROTEST" and
           sent.doc[t.i].lemma_.lower() in verbs and force_subject(sent.doc[t.i], lex) else t for t in triggers]
    for tok in sent:
        if tok.pos_ == "VERB" and tok.i not in taken and tok.lemma_.lower() in verbs and force_subject(tok, lex):
            out.append(Trigger(tok.i, (tok.i,), tok.text, "MOBILIZE", "troops", "VERB"))
    for tok in sent:  # "the overnight dash of 200 of its paratroopers into Pristina": a move of forces told as a noun
        if tok.pos_ == "NOUN" and tok.i not in taken and tok.lemma_.lower() in lex.cues["force_movement_nouns"] and \
                moved_forces(tok, lex):
            out.append(Trigger(tok.i, (tok.i,), tok.text, "MOBILIZE", "troops", "NOUN"))
    # "mobilized pressure groups in the United States": rallying others is no call-up of forces
    forces = lex.cues["force_nouns"] | lex.cues["force_vehicle_nouns"] | lex.cues["security_nouns"] | \
        lex.cues["reserve_nouns"]
    return [t for t in out if not (t.type == "MOBILIZE" and sent.doc[t.i].lemma_.lower() in ("mobilize", "mobilise") and any(
        c.dep_ == "dobj" and c.lemma_.lower() not in forces and c.lower_ not in forces for c in sent.doc[t.i].children))]


def moved_forces(tok: Token, lex: Lexicon) -> list[Token]:
    """The forces a noun of deployment or movement moves: "troops" in "the deployment of Russian troops",
    "paratroopers" in "the dash of about 200 of its paratroopers"; [] if it moves no forces."""
    forces = lex.cues["force_nouns"] | lex.cues["force_vehicle_nouns"]
    out = []
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ != "of":
            continue
        for g in p.children:
            if g.dep_ != "pobj":
                continue
            if g.like_num or g.lemma_.lower() in lex.cues["partitive_nouns"]:  # "200 of its paratroopers"
                g = next((x for q in g.children if q.dep_ == "prep" and q.lower_ == "of" for x in q.children
                          if x.dep_ == "pobj"), g)
            if g.lemma_.lower() in forces or g.lower_ in forces:
                out.append(g)
    return out


def as_military_raid(tok: Token, etype: str, mode: str | None, lex: Lexicon) -> tuple[str, str | None]:
    """A raid by armed forces is an attack (ASSAULT), not a police seizure: "Israeli troops raided a camp",
    "soldiers carried out a raid on the village", "a raid that killed a guerrilla leader"; "police raided the
    newspaper's offices" stays COERCE seize."""
    if etype != "COERCE" or tok.lemma_.lower() != "raid":
        return etype, mode
    forces = lex.cues["force_nouns"] | lex.cues["force_vehicle_nouns"]
    by_forces = force_subject(tok, lex) if tok.pos_ == "VERB" else (
        any(c.dep_ in ("compound", "amod") and (c.lemma_.lower() in forces or c.lower_ == "air") for c in tok.children)
        or (tok.dep_ == "dobj" and force_subject(tok.head, lex)))
    # "a Colombian raid that killed a guerrilla leader": a raid that kills is an attack
    deadly = tok.pos_ == "NOUN" and any(c.dep_ in ("relcl", "acl") and any(
        p.type == "ASSAULT" for p in lex.patterns(c.lemma_.lower(), "VERB")) for c in tok.children)
    return ("ASSAULT", None) if by_forces or deadly else (etype, mode)


def as_sentence(tok: Token, etype: str, mode: str | None, lex: Lexicon) -> tuple[str, str | None]:
    """Jailing by a court or for a term is a conviction (SANCTION convict), not an arrest: "the court jailed two
    of them for eight years"; "police jailed dozens of protesters" stays an arrest."""
    cue = lex.cues["jailing"]
    if etype != "COERCE" or tok.lemma_.lower() not in cue["verbs"]:
        return etype, mode
    term = any(p.dep_ == "prep" and p.lower_ == "for" and any(
        g.lemma_.lower() in cue["terms"] or g.lower_ in cue["terms"] for g in p.subtree) for p in tok.children)
    court = any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.cues["institution_nouns"] for c in tok.children)
    return ("SANCTION", "convict") if term or court else (etype, mode)


def as_wanted(tok: Token, etype: str, mode: str | None, lex: Lexicon) -> tuple[str, str | None]:
    """An act one wants or expects of another is asked of them (REQUEST): "Kenya expected an apology from
    Kampala", "wants an explanation"; the act is not done."""
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.cues["wanting_verbs"] and \
            etype not in ("REQUEST", "CONSULT", "AGREE"):
        return "REQUEST", None
    return etype, mode


def speakers_for_states(sdoc: Doc, mentions: list[ActorMention], lex: Lexicon) -> list[ActorMention]:
    """A person of unknown country who says what a state will do or is ready to do speaks for it: "France is
    ready to contribute troops, Defence Minister Pierre Joxe said" makes Joxe French, for the whole document.
    Not what a state did or must do ("X said Russia attacked ...", "X said Russia must leave")."""
    at = {i: m for m in mentions for i in range(m.start, m.end)}
    found: dict[str, str] = {}
    for tok in sdoc:
        if tok.lemma_.lower() not in lex.cues["reporting_verbs"]:
            continue
        speaker = next((at.get(c.i) for c in tok.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.actor.kind != "person" or speaker.actor.country or speaker.actor.name in found:
            continue
        titled = any(t.lower_ in lex.cues["titles"] or t.lower_ in lex.cues["role_nouns"]
                     for t in sdoc[max(0, speaker.start - 4):speaker.end])
        for content in (c for c in tok.children if c.dep_ in ("ccomp", "parataxis")):
            subj = next((at.get(c.i) for c in content.children if c.dep_ == "nsubj"), None)
            commits = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in content.children) or \
                any(c.dep_ == "acomp" and c.lemma_.lower() in ("ready", "willing", "prepared") for c in content.children)
            if titled and subj is not None and subj.actor.kind == "state" and commits:
                found[speaker.actor.name] = subj.actor.country
    if not found:
        return mentions
    return [ActorMention(m.start, m.end, m.text, Actor(m.actor.name, kind="person", country=found[m.actor.name],
                                                       aliases=m.actor.aliases), m.government)
            if m.actor.kind == "person" and m.actor.name in found and not m.actor.country else m for m in mentions]


def place_hit(tok: Token, idx: MentionIndex, actor: Actor) -> Actor | None:
    """The state where an attack happens, from a place in its clause ("in Khartoum", "near Gori")."""
    for p in tok.subtree:
        if p.dep_ == "prep" and p.lower_ in ("in", "near", "at", "on", "around", "outside", "inside", "across", "into"):
            for g in p.children:
                m = idx.at(g) if g.dep_ == "pobj" else None
                if m is not None and m.actor.kind == "state" and m.actor.country != actor.country:
                    return m.actor
    return None


def hits_a_thing(tok: Token) -> bool:
    """Does an attack name what it hits, a thing rather than people ("destroyed a factory")?"""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN" and c.ent_type_ not in ("PERSON", "NORP")
               for c in tok.children)


def negated_content(tok: Token, lex: Lexicon) -> bool:
    """An intention whose content is negated: "vowed not to return", "pledged never to use force"."""
    return any(c.dep_ == "xcomp" and is_negated(c, lex) for c in tok.children) and not is_negated(tok, lex)


def people_noun(tok: Token, gz: Gazetteer) -> bool:
    """A people named by its plural demonym ("young Algerians"): civilians, not their state."""
    return tok.tag_ in ("NNS", "NNPS") and gz.demonym(tok.text) is not None


def hypothetical(tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` inside a condition ("unless he arranges a ceasefire", "if war starts")?  Not coded (PLOVER)."""
    node = tok
    for _ in range(4):
        if node.dep_ == "advcl" and any(m.dep_ == "mark" and m.text.lower() in lex.cues["condition_marks"]
                                        for m in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def as_threat(tok: Token, etype: str, mode: str | None, prospective: bool, lex: Lexicon) -> tuple[str, str | None]:
    """A coercive act announced for the future ("will impose a curfew", "would blockade Paris"), or any act
    made conditional ("will withdraw ... unless"), is a THREATEN whose mode is the content of the threat."""
    modes = lex.cues["threat_modes"]
    if etype not in modes:
        return etype, mode
    conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.text.lower() in lex.cues["conditional_threat_marks"]
                                                for m in c.children) for c in tok.children)
    modal = any(c.dep_ == "aux" and c.text.lower() in lex.cues["modal_auxiliaries"] for c in tok.children)
    if (prospective and etype not in ("RETREAT", "SANCTION")) or (conditional and (prospective or modal)):
        return "THREATEN", modes[etype]
    return etype, mode
