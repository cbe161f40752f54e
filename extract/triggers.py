"""Event triggers: words and phrases that signal a PLOVER event.

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> doc = Doc(Vocab(), words=["Lecornu", "reached", "out", "to", "Shoigu"], heads=[1, 1, 1, 1, 3],
...           deps=["nsubj", "ROOT", "prt", "prep", "pobj"], pos=["PROPN", "VERB", "ADP", "ADP", "PROPN"],
...           lemmas=["Lecornu", "reach", "out", "to", "Shoigu"])
>>> [(t.text, t.type, t.mode) for t in find_triggers(doc[:], Lexicon.default())]
[('reached out', 'CONSULT', 'phone')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import Lexicon, TriggerPattern

__all__ = ["deadline_to_leave", "gapped_object", "held_captive", "label_of", "Trigger", "find_triggers", "governed_object", "match_pattern", "sent_envoy", "telephoned"]

_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A matched trigger: its head token, all its tokens, and the PLOVER type and mode."""

    i: int
    tokens: tuple[int, ...]
    text: str
    type: str
    mode: str | None
    pos: str


def _dependents(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        out.append(c)
        if c.dep_ in ("dobj", "pobj", "prep") or c.pos_ == "ADP":
            out.extend(g for g in c.children if g.dep_ in ("compound", "amod", "pobj"))
    return out


def _dated(prep: Token) -> bool:
    """A preposition that only dates the event: "called X on Monday" is no "call on"."""
    return prep.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _names_an_act(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` a trigger noun, an act of its own ("attack" in "a missile attack")?"""
    return bool(lex.patterns(noun.lemma_.lower(), "NOUN"))


def match_pattern(tok: Token, pattern: TriggerPattern) -> tuple[int, ...] | None:
    """Token indices of a match of ``pattern`` headed by ``tok``, or None."""
    used = [tok.i]
    deps = _dependents(tok)
    for extra in pattern.extras:
        hit = next((d for d in deps if d.i not in used and (d.lemma_.lower() == extra or d.text.lower() == extra)
                    and not _dated(d)), None)
        if hit is None:
            return None
        used.append(hit.i)
    return tuple(sorted(used))


_RELATIVE_PRONOUNS = ("who", "whom", "which", "that", "whose")


def gapped_object(verb: Token) -> Token | None:
    """The noun a relative clause's verb takes as its missing object: "apology" for "offered" in "an apology
    Bogota had offered"; None when the clause has an object of its own or its subject is the relative pronoun
    ("the country that imposed sanctions")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ not in _RELATIVE_PRONOUNS for c in verb.children):
        return None
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj or subj[0].dep_ == "nsubjpass" or subj[0].lower_ in _RELATIVE_PRONOUNS:
        return None
    return verb.head


def governed_object(tok: Token, lex: Lexicon) -> tuple[Token, str, str | None] | None:
    """An event made by a verb or noun acting on an object: "halted economic aid" and "a suspension of air
    links" end a relation (SANCTION); "lifted the curfew" eases a measure (CONCEDE).

    Returns the object token, the PLOVER type and the mode, or None.
    """
    lemma = tok.lemma_.lower()
    rules = [r for r in lex.governed if lemma in r[0]]
    if not rules:
        return None
    pos = _POS.get(tok.pos_)
    if pos == "VERB":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        gap = gapped_object(tok)
        objs += [gap] if gap is not None else []  # "an apology Bogota had offered"
    elif pos == "NOUN":
        objs = [g for c in tok.children if c.dep_ == "prep" and c.text.lower() in ("of", "in", "on") for g in c.children
                if g.dep_ == "pobj"]
    else:
        return None
    for _, objects, etype, mode in rules:
        # the object, its conjuncts, and the nouns compounded into it ("mediation efforts"), unless the object
        # names an act of its own ("launched a missile attack" is the attack)
        cands = [o for obj in objs for o in [obj, *obj.conjuncts]]
        cands += [c for o in cands for c in o.children if c.dep_ == "compound" and not _names_an_act(o, lex)]
        # "froze its share of funding", "a suspension of part of the aid": what the part is of
        # "5 billion dollars in military aid": what the amount is in
        cands += [g for o in cands if o.like_num or o.lemma_.lower() in ("dollar", "euro", "million", "billion", "worth")
                  for p in o.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children if g.dep_ == "pobj"]
        parts = lex.cues["partitive_nouns"] | {"share", "part", "portion"}
        cands += [g for o in cands if o.lemma_.lower() in parts or o.like_num
                  for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        hit = next((o for o in cands if o.lemma_.lower() in objects), None)
        if hit is not None:
            return hit, etype, mode
    return None


def deadline_to_leave(tok: Token, lex: Lexicon) -> Token | None:
    """ "Gave Qatari diplomats 48 hours to leave": the deadline, if ``tok`` sets one to leave (an expulsion)."""
    cue = lex.cues["deadline_to_leave"]
    if tok.lemma_.lower() not in cue["verbs"]:
        return None
    def leaving(t: Token) -> bool:
        return any(v.lemma_.lower() in cue["leaving"] and v.dep_ in ("relcl", "acl", "xcomp", "advcl")
                   and any(a.lower_ == "to" for a in v.children) for v in t.children)

    # "to leave" hangs on the time ("48 hours to leave") or, as the parser also has it, on the verb
    return next((u for u in tok.children if u.lemma_.lower() in cue["units"] and (leaving(u) or leaving(tok))),
                None)


def held_captive(tok: Token, lex: Lexicon) -> Token | None:
    """ "The military has held Aung San Suu Kyi since the coup", "kept the journalist in prison": the one held,
    if ``tok`` holds a named person or a captive noun for a time or in a place of detention (a detention,
    COERCE arrest); None for "held talks", "held Kim responsible", "holds the key"."""
    cue = lex.cues["detention"]
    if tok.lemma_.lower() not in cue["verbs"] or tok.pos_ != "VERB" or any(
            c.dep_ in ("acomp", "oprd", "xcomp", "ccomp") for c in tok.children):
        return None
    held = [c for c in tok.children if c.dep_ == "dobj" and (
        (c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "LOC", "DATE", "NORP")) or c.lemma_.lower() in cue["captives"])]
    if not held:
        return None
    def detaining(p: Token) -> bool:
        objs = [g for g in p.children if g.dep_ == "pobj"]
        return (p.lower_ == "since" and bool(objs)) or (p.lower_ == "for" and any(g.ent_type_ == "DATE" for g in objs)) \
            or (p.lower_ in ("in", "under") and any(g.lemma_.lower() in cue["places"] for g in objs))
    if not any(p.dep_ == "prep" and detaining(p) for p in tok.children) and not any(
            c.lower_ in cue["places"] for c in tok.children if c.dep_ in ("advmod", "acomp", "npadvmod")):
        return None
    return held[0]


def sent_envoy(tok: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """ "Sent Foreign Minister Osman Saleh to Addis Ababa", "dispatched a delegation to Lome": the one sent (a
    named person or a visitor noun) and the place sent to; the one sent visits it."""
    if tok.lemma_.lower() not in lex.cues["sending_verbs"]:
        return None
    sent = [c for c in tok.children if c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or
                                                            c.lower_ in lex.cues["visitor_nouns"])]
    to = [g for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for g in c.children
          if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")]
    return (sent[0], to[0]) if sent and to else None


def label_of(tok: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """The label a labelling verb gives its object when the parser hung the two together, and the one
    labelled: "calling Boko Haram one of the worst terrorist groups" gives ("one", "Haram"), whether the parser
    made "one" a modifier of the name or the name a compound of "one"."""
    if tok.lemma_.lower() not in lex.cues["labelling_verbs"]:
        return None
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        if obj.lower_ == "one" and any(p.lower_ == "of" for p in obj.children):
            named = [c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if named:
                return obj, named[-1]
        for c in obj.children:
            if c.dep_ in ("nummod", "appos") and c.lower_ == "one" and any(p.lower_ == "of" for p in c.children):
                return c, obj  # (also "calling the Shining Path one of the worst groups", "one" in apposition)
            if c.dep_ == "appos" and c.i > obj.i and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children):
                return c, obj
    return None


def telephoned(tok: Token) -> bool:
    """Is "call" a telephone call: "Vega called Ruiz on Monday to congratulate her" (a named person or state, or an
    office holder, called, with no "on", "for", "off" and no label: not "called on Iran to", "called for talks",
    "called the move a mistake")?  The parser often makes the one called a predicate ("oprd") as if named."""
    if tok.lemma_.lower() != "call" or any(c.dep_ in ("prt", "prep") and c.lower_ in ("on", "for", "off", "upon", "up")
                                           and c.i == tok.i + 1 for c in tok.children):
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "oprd")]
    if len(objs) == 1 and objs[0].pos_ == "NOUN" and objs[0].lemma_.lower() in Lexicon.default().cues["role_nouns"]:
        # "called his Algerian counterpart (Ahmed Attaf)", "called the Turkish president": an office holder
        # called, with no label for them ("called the minister a liar")
        return not any(c.dep_ == "oprd" or (c.dep_ == "dobj" and c.i != objs[0].i) for c in tok.children)
    # (a surname the model took for an organisation too: "called Museveni"; not "called the EU")
    return len(objs) == 1 and objs[0].pos_ == "PROPN" and (objs[0].ent_type_ in ("PERSON", "GPE", "") or (
        objs[0].ent_type_ == "ORG" and not any(c.dep_ == "det" for c in objs[0].children))) and not any(
        (c.dep_ in ("dobj", "oprd") and c.pos_ == "NOUN") or c.dep_ == "appos" for o in objs for c in [*o.children, *tok.children])


def _people_nouns(lex: Lexicon) -> frozenset[str]:
    c = lex.cues
    return c["police_nouns"] | c["group_nouns"] | c["government_nouns"] | c["role_nouns"] | c["state_agent_nouns"]


def find_triggers(sent: Span, lex: Lexicon) -> Iterator[Trigger]:
    """Triggers of one sentence, most specific pattern first; a token belongs to one trigger."""
    consumed: set[int] = set()
    found: list[Trigger] = []
    for tok in sent:
        pos = _POS.get(tok.pos_)
        lemma = tok.lemma_.lower()
        deadline = deadline_to_leave(tok, lex)
        if deadline is not None:
            found.append(Trigger(tok.i, (tok.i, deadline.i), f"{tok.text} ... {deadline.text}", "SANCTION", "expel",
                                 "VERB"))
            continue
        if held_captive(tok, lex) is not None:  # "has held Aung San Suu Kyi since the coup"
            found.append(Trigger(tok.i, (tok.i,), tok.text, "COERCE", "arrest", "VERB"))
            continue
        envoy = sent_envoy(tok, lex)
        if envoy is not None:
            found.append(Trigger(tok.i, (tok.i, envoy[0].i), f"{tok.text} ... {envoy[0].text}", "CONSULT", "visit",
                                 "VERB"))
            continue
        governed = governed_object(tok, lex)
        if governed is not None:
            obj, etype, mode = governed
            found.append(Trigger(tok.i, tuple(sorted((tok.i, obj.i))), f"{tok.text} ... {obj.text}", etype, mode,
                                 pos or "VERB"))
            continue
        if pos is None or lemma not in lex.heads:
            continue
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in _people_nouns(lex):
            continue  # "riot police", "protest leaders": a kind of people, not an act
        if pos == "NOUN" and tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and \
                lex.patterns(tok.head.lemma_.lower(), "NOUN") and not any(
                    tok.lemma_.lower() in p.extras for p in lex.patterns(tok.head.lemma_.lower(), "NOUN")):
            continue  # "live-fire drills", "protest march": a kind of the act its head names
        if pos == "NOUN" and tok.text.lower() != lemma and lemma.endswith("e") and tok.text.lower().endswith("ing"):
            continue
        # "pulling out all the stops" is no withdrawal; an entry that spells the idiom out ("strike deal") reads it
        idioms = [set(idiom.extras) for idiom in lex.idioms(lemma) if match_pattern(tok, idiom) is not None]
        label = label_of(tok, lex)
        if pos == "VERB" and label is None and telephoned(tok):
            found.append(Trigger(tok.i, (tok.i,), tok.text, "CONSULT", "phone", "VERB"))
            continue
        # "what it called its involvement", "calling Boko Haram one of the worst groups": naming, no call
        naming = any(c.dep_ == "oprd" for c in tok.children) or label is not None
        for pattern in lex.patterns(lemma, pos):
            if any(not idiom <= set(pattern.extras) for idiom in idioms):
                continue
            tokens = match_pattern(tok, pattern)
            if tokens is None or (naming and pattern.type in ("CONSULT", "REQUEST")):
                continue
            if any(sent.doc[i].dep_ == "compound" and sent.doc[i].head.i not in tokens and
                   _names_an_act(sent.doc[i].head, lex) for i in tokens if i != tok.i):
                continue  # "launched a missile attack": the attack is the act, not a launch of missiles
            text = " ".join(sent.doc[i].text for i in tokens)
            found.append(Trigger(tok.i, tokens, text, pattern.type, pattern.mode, pos))
            break
    # a token used as an extra of a longer pattern ("hold talks") is not a trigger of its own
    found.sort(key=lambda t: -len(t.tokens))
    for trig in found:
        if trig.i in consumed:
            continue
        consumed.update(trig.tokens)
        yield trig
