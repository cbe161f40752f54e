"""Who does an act: the subjects of a trigger's verb, from the dependency parse.

Follows xcomp, conj and ccomp chains up ("agreed to *resign*"), passives and their agents ("was attacked by
rebels"), relative pronouns ("the pair, who talked"), pair anaphors ("both countries"), lists the parser read
as appositions ("Saudi Arabia, the UAE and Bahrain") and subjects it did not coordinate ("US President X and
Russian President Y agreed").

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> from newskg.records import Actor
>>> from newskg.extract.entities import ActorMention, MentionIndex
>>> doc = Doc(Vocab(), words=["Paris", "and", "Rome", "agreed", "to", "talk"], heads=[3, 0, 0, 3, 5, 3],
...           deps=["nsubj", "cc", "conj", "ROOT", "aux", "xcomp"], pos=["PROPN", "CCONJ", "PROPN", "VERB", "PART", "VERB"])
>>> idx = MentionIndex([ActorMention(0, 1, "Paris", Actor("France", kind="state", country="FRA")),
...                     ActorMention(2, 3, "Rome", Actor("Italy", kind="state", country="ITA"))])
>>> [m.actor.name for m in subjects(doc[5], idx)[0]]
['France', 'Italy']
"""

from __future__ import annotations

from spacy.tokens import Token

from .entities import ActorMention, MentionIndex, doc_dateline_end
from .entities.datelines import past_dateline
from .lexicon import Lexicon

__all__ = ["resolve_all", "subjects", "with_conjuncts"]

def with_conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i and not _subject_of_next(c)]]


def _subject_of_next(tok: Token) -> bool:
    """Is a conjunct the subject of the finite verb right after it, which has no subject of its own?  "NATO
    launched its war against Yugoslavia and Russia froze its cooperation": the parser coordinated "Russia" with
    "Yugoslavia" and "froze" with another verb; Russia is the one who froze, and no one NATO attacked."""
    if tok.dep_ != "conj" or tok.i + 1 >= len(tok.doc):
        return False
    verb = tok.doc[tok.i + 1]
    return verb.dep_ in ("conj", "advcl", "ccomp") and verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP") and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _proxy(t: Token, idx: MentionIndex) -> ActorMention | None:
    """"a source close to X", "an aide to X", "officials of X": X's state speaks."""
    if t.text.lower() not in Lexicon.default().cues["proxy_nouns"]:
        return None
    for d in t.subtree:
        if d.i == t.i:
            continue
        m = idx.at(d) if d.pos_ in ("PROPN", "NOUN") else None
        if m is not None:
            return idx.state_of(m)
    return None


def _listed(toks: list[Token], idx: MentionIndex) -> list[Token]:
    """Lists the parser took for appositions: "Saudi Arabia, the UAE and Bahrain" (a state is never another
    state, so a state in apposition to a state is the next item of a list)."""
    out = list(toks)
    for t in toks:
        m = idx.at(t)
        if m is None or m.actor.kind != "state":
            continue
        for c in t.children:
            other = idx.at(c) if c.dep_ == "appos" else None
            if other is not None and other.actor.kind == "state" and other.actor != m.actor:
                out.extend(x for x in [c, *c.conjuncts] if x not in out)
    return out


def _whose(tok: Token) -> Token | None:
    """The noun a "whose government(s)" subject of a relative clause stands for (the first of its conjuncts)."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "relcl" or tok.lemma_.lower() not in \
            Lexicon.default().cues["government_nouns"] or not any(c.tag_ == "WP$" for c in tok.children):
        return None
    ante = tok.head.head
    while ante.dep_ == "conj" and ante.head.i != ante.i:
        ante = ante.head
    return ante


def resolve_all(toks: list[Token], idx: MentionIndex) -> list[ActorMention]:
    out: list[ActorMention] = []
    for t in _listed(toks, idx):
        if t.tag_ in ("WP", "WDT") and t.head.dep_ in ("relcl", "acl") and t.lower_ in ("who", "whom", "which", "that") \
                and t.dep_ in ("nsubj", "nsubjpass") and idx.pair(t.head.head):
            t = t.head.head  # "the pair, who talked for 70 minutes": both of them
        ante = _whose(t)
        if ante is not None:
            # "Chile, Peru and Uruguay, whose governments had refused": each state the clause hangs on
            out.extend(m for m in resolve_all(with_conjuncts(ante), idx) if all(m.actor != o.actor for o in out))
            continue
        both = idx.pair(t)  # "the two ministers", "both countries"
        # "soldiers on both sides": the two sides' (for the two sides they are of)
        sides = [g for p in t.children if p.dep_ == "prep" and p.lower_ == "on" for g in p.children
                 if g.dep_ == "pobj" and g.lemma_.lower() == "side"] if t.pos_ == "NOUN" else []
        both = both or (idx.pair(sides[0]) if sides else [])
        if both:
            out.extend(m for m in both if all(m.actor != o.actor for o in out))
            continue
        own = idx.at(t) or _proxy(t, idx)
        mods = idx.modifiers(t)
        # "Hungarian and Romanian officials" are two states; "the Ivory Coast's Supreme Court" is the court
        several = len(mods) > 1 and (own is None or (own in mods and own.actor.kind == "state"))
        found = mods if several else ([own] if own is not None else mods)
        if own is not None and own.government:
            # "the leaders of France and Germany": each state the government phrase names
            named = [m for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                     if g.dep_ == "pobj" for x in with_conjuncts(g) for m in [idx.at(x)]
                     if m is not None and m.actor.kind == "state"]
            found = named if len(named) > 1 else found
        for m in found:
            if m is not None and all(m.actor != o.actor for o in out):
                out.append(m)
    return out


def subjects(verb: Token, idx: MentionIndex) -> tuple[list[ActorMention], bool]:
    """The actors of a verb (following xcomp/conj chains up) and whether it is passive."""
    tok = verb
    via_conj = False
    for _ in range(4):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        # the parser now and then hangs the subject on the auxiliary ("Egypt [are] mediating")
        subj = subj or [g for c in tok.children if c.dep_ in ("aux", "auxpass") for g in c.children
                        if g.dep_ in ("nsubj", "nsubjpass")]
        # "The Red Cross operating in Iraq said ...": the parser made the participle the subject
        subj = [g for c in subj for g in ([x for x in c.children if x.dep_ == "nsubj"] if c.pos_ == "VERB" else [])
                or [c]]
        subj = past_dateline(subj, tok.doc)  # "MOSCOW (AP) — Russia's Defense Ministry claimed": two subjects
        filed = doc_dateline_end(tok.doc) if subj and subj[0].i < 12 else 0
        if subj and subj[0].idx < filed:
            # "BANGKOK – Thailand's army chief met ...": the parser took the dateline for the subject and hung
            # the real one on it as an apposition
            subj = [a for c in subj for a in c.children if a.dep_ == "appos" and a.idx >= filed] or subj
        misread = _subject_after_dangling_phrase(tok, subj, idx) if subj else None
        if misread is not None:
            return resolve_all(with_conjuncts(misread), idx), False
        if not subj and tok.pos_ == "VERB" and tok.i > 0:
            # "Ecuador broke off relations on Monday and Venezuela ordered ...": the parser coordinated the second
            # subject with the date (or an object); a name just before a verb with no subject of its own is its
            # subject
            before = tok.doc[tok.i - 1]
            if _subject_of_next(before) and idx.at(before) is not None:
                return resolve_all([before], idx), False  # not the conjunct it was coordinated with
            fronted = _subject_in_fronted_phrase(tok, idx)
            if fronted is not None:
                return resolve_all(with_conjuncts(fronted), idx), False
        if subj:
            passive = subj[0].dep_ == "nsubjpass"
            if passive and via_conj and not any(c.dep_ == "auxpass" for c in verb.children):
                # "X has been indicted by the court and will resign": the active verb's subject is X
                return _with_surface_conjuncts(resolve_all([x for s_ in subj for x in with_conjuncts(s_)], idx),
                                           idx, verb.doc), False
            if passive:
                agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                if agents or tok.lemma_.lower() not in Lexicon.default().cues["stative_passives"]:
                    return resolve_all([x for a in agents for x in with_conjuncts(a)], idx), True
            # several subjects the parser did not coordinate ("A and B held talks" as two nsubj)
            return _with_surface_conjuncts(resolve_all([x for s_ in subj for x in with_conjuncts(s_)], idx),
                                           idx, verb.doc), False
        if tok.i == verb.i and tok.tag_ == "VBN" and tok.dep_ == "advcl" and not any(
                c.dep_ in ("aux", "auxpass", "agent") for c in tok.children):
            # "agreed to resume the dialogue, suspended since 2019": a past participle on its own, with no agent,
            # is passive, and who did it is not told (not the clause's subject)
            return [], True
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "responded by freezing relations": the one who responded
            continue
        if tok.dep_ in ("xcomp", "conj", "acomp", "ccomp", "advcl", "relcl", "acl") and tok.head.i != tok.i:
            cues = Lexicon.default().cues
            made = [c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i]
            if tok.dep_ == "xcomp" and made and tok.head.lemma_.lower() in cues["causing_verbs"]:
                # "the raid led the Bosnian Serbs to seize peacekeepers": the one made to act acts
                return resolve_all(with_conjuncts(made[0]), idx), False
            if tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and tok.head.head.lemma_.lower() in \
                    cues["reporting_verbs"] and tok.lemma_.lower() in cues["reporting_verbs"] | cues["warning_words"]:
                # "X said the factory was linked to Y and warned Z": the parser coordinated the second verb
                # of speech with the reported clause; both verbs are the speaker's
                tok = tok.head.head
                continue
            if tok.dep_ == "relcl":
                m = resolve_all([tok.head], idx)
                return m, False
            via_conj = via_conj or tok.dep_ == "conj"
            participle = tok.dep_ == "acl" and tok.tag_ == "VBG"
            tok = tok.head
            if participle and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX") \
                    and idx.at(tok) is None and not tok.ent_type_:
                # "went into the talks asking the EU to ...": a participle on the occasion or place a clause goes
                # to is the clause's subject's (not on a party to it: "fired on a crowd demanding reforms")
                tok = tok.head.head
            # "issued a declaration demanding that ...": the document's issuer demands; not "vetoed a
            # resolution calling for ..."
            if tok.dep_ == "dobj" and tok.lemma_.lower() in cues["document_nouns"] and \
                    tok.head.lemma_.lower() in cues["issuing_verbs"]:
                tok = tok.head
            continue
        break
    return [], False


def _subject_in_fronted_phrase(verb: Token, idx: MentionIndex) -> Token | None:
    """The subject the parser coordinated with the last word of a fronted phrase: in "On the margins of the
    summit on Thursday, Obama and Lee agreed", "Obama" hangs on "Thursday" as a conjunct and the verb has
    no subject.  A named actor after the phrase's comma, whose words run up to the verb, is its subject."""
    for c in verb.children:
        if c.dep_ not in ("prep", "npadvmod", "advmod") or c.i > verb.i:
            continue
        for t in c.subtree:
            if t.dep_ == "conj" and t.i > 0 and t.doc[t.left_edge.i - 1].text == "," and \
                    t.right_edge.i == verb.i - 1 and idx.at(t) is not None and \
                    t.head.pos_ in ("NOUN", "PROPN") and t.head.dep_ in ("pobj", "npadvmod", "conj"):
                return t
    return None


def _subject_after_dangling_phrase(verb: Token, subj: list[Token], idx: MentionIndex) -> Token | None:
    """The subject the parser swallowed into a fronted phrase it took for the subject: in "After talks between
    Modi and Sharif, India and Pakistan agreed", "After" is left without an object, "talks" is made the subject
    and "India" a conjunct of "Sharif".  A named actor after a comma in that noun's phrase, whose words run up
    to the verb, is the subject."""
    if len(subj) != 1 or subj[0].pos_ != "NOUN" or not any(
            c.dep_ == "prep" and c.i == subj[0].left_edge.i - 1 and not any(g.dep_ in ("pobj", "pcomp") for g in c.children)
            for c in verb.children):
        return None
    for t in subj[0].subtree:
        if t.dep_ == "conj" and t.doc[t.left_edge.i - 1].text == "," and t.right_edge.i == verb.i - 1 and \
                idx.at(t) is not None:
            return t
    return None


def _with_surface_conjuncts(found: list[ActorMention], idx: MentionIndex, doc) -> list[ActorMention]:
    """Add the actors written before a subject and coordinated with it on the surface when the parser lost the
    coordination ("US President Barack Obama and Russian President Dmitry Medvedev agreed", "Saudi Arabia, the
    UAE and Bahrain withdrew"): a mention, then "and" or a comma, then the subject's own title words."""
    if not found:
        return found
    titles = Lexicon.default().cues["titles"] | Lexicon.default().cues["role_nouns"]
    by_end = {m.end: m for m in idx.mentions}
    out = list(found)
    pos = min(m.start for m in found)
    for _ in range(6):
        j = pos - 1
        while j >= 0 and (doc[j].lower_ in titles or doc[j].ent_type_ == "NORP" or doc[j].lower_ == "the"
                          or (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and j not in by_end
                              and doc[j].lower_ not in ("and",))):
            if doc[j].pos_ == "PROPN" and doc[j].lower_ not in titles and doc[j].ent_type_ not in ("NORP", "GPE"):
                break  # another name, not a title
            j -= 1
        if j < 1 or doc[j].text not in ("and", ","):
            break
        k = j - 1 if doc[j].text == "and" and doc[j - 1].text == "," else j
        prev = by_end.get(k)
        if prev is None or prev.actor.kind not in ("person", "state", "organization", "group") or \
                any(prev.actor == o.actor for o in out) or _in_adjunct(doc[prev.end - 1]):
            break
        out.insert(0, prev)
        pos = prev.start
    return out


def _in_adjunct(tok: Token) -> bool:
    """Whether a token sits in a fronted phrase of place, time or circumstance ("In Washington, ...", "After
    talks with X, ...") rather than in a list of subjects."""
    return any(a.dep_ in ("prep", "advcl", "npadvmod") and a.head.pos_ in ("VERB", "AUX")
               for a in [tok, *tok.ancestors])
