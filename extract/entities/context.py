"""Token-level helpers of the entity layer: what a noun's modifiers, "of"/"in" phrases and titles say.

Pure functions of the parse, shared by the passes that find mentions.

>>> clean("the Russian side's"), title_case("state media")
('Russian side', 'State Media')
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..gazetteer import Gazetteer
from ..lexicon import Lexicon

__all__ = [
    "PERSON_LABELS", "PLACE_LABELS", "ORG_LABELS", "NORP_LABELS", "UNACTING_LABELS", "PLACE_PREPS",
    "clean", "strip_titles", "country_of_tokens", "modifiers", "title_context", "place_of", "described_by",
    "where_acting", "named_like_a_person", "government_phrase", "title_case",
]

PERSON_LABELS = {"PERSON"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ORG_LABELS = {"ORG"}
NORP_LABELS = {"NORP"}
#: Labels of entities that never act, under which the model now and then hides a name ("Saied in Tunis")
UNACTING_LABELS = {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"}
PLACE_PREPS = ("in", "from", "to", "into", "near", "at", "towards", "toward", "outside", "across", "around")
_WHERE_FROM = ("of", "in", "from", "at", "inside", "throughout", "across")


def clean(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"(['’]s|['’])$", "", text).strip()
    return " ".join(text.split())


def strip_titles(words: list[str], titles: frozenset) -> list[str]:
    while words and words[0].lower().rstrip(".") in {t.rstrip(".") for t in titles}:
        words = words[1:]
    return words


def country_of_tokens(tokens, gz: Gazetteer) -> str | None:
    """The first country the tokens name, by demonym or by name; a token inside a named entity is
    looked up with the whole entity ("Ivory" in "the Ivory Coast")."""
    for t in tokens:
        iso = gz.demonym(t.text)
        if iso:
            return iso
        names = [t.text]
        if t.ent_iob_ in ("B", "I"):
            ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
            if ent is not None:
                names.insert(0, clean(ent.text))
        for name in names:
            hit = gz.lookup(name)
            if hit and hit.kind == "state" and hit.country:
                return hit.country
        if t.ent_type_ in PLACE_LABELS or (t.ent_type_ in ORG_LABELS and t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS):
            iso = gz.place(names[0])  # "workers in Kharkiv", "in Lyon" even when the model took it for an organisation
            if iso:
                return iso
    return None


def modifiers(tok: Token) -> list[Token]:
    """Tokens that modify a noun: its left compounds/adjectives and possessors, recursively."""
    out = []
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and c.i < tok.i:
            out.append(c)
            out.extend(modifiers(c))
    return out


def title_context(span: Span) -> list[Token]:
    """The title words in front of a name and the noun it is in apposition to."""
    doc = span.doc
    ctx: list[Token] = []
    i = span.start - 1
    while i >= 0 and i >= span.start - 6:
        t = doc[i]
        if t.is_punct or t.pos_ in ("VERB", "AUX", "DET", "PRON", "SCONJ", "CCONJ"):
            break
        if t.ent_type_ == "PERSON" and not (t.text[:1].isupper() and t.text.endswith(("an", "ish", "ese", "i", "ic"))
                                             and t.i == span.start - 2):
            break  # another name; but "Lithuanian President X" with the demonym tagged as a name is a title
        if t.pos_ == "ADP" and t.text.lower() != "of":
            break
        ctx.append(t)
        i -= 1
    # "the emir, Sheikh Hamad": a role noun just before the comma in front of a name, however it is parsed
    j = span.start - 1
    while j >= 0 and doc[j].text[:1].isupper() and doc[j].lower_.rstrip(".") in Lexicon.default().cues["titles"]:
        j -= 1  # "Sheikh", "Gen."
    if j >= 1 and doc[j].text == "," and doc[j - 1].pos_ == "NOUN":
        ctx.append(doc[j - 1])
        ctx.extend(modifiers(doc[j - 1]))
    root = span.root
    if root.dep_ == "appos":
        ctx.append(root.head)
        ctx.extend(modifiers(root.head))
        # "a member of the Syrian parliament, X": the object of the role and how it is described
        objs = [g for p in root.head.children if p.dep_ == "prep" for g in p.children]
        ctx.extend(objs)
        ctx.extend(m for g in objs for m in modifiers(g))
    for c in root.children:
        if c.dep_ == "appos":
            ctx.append(c)
            ctx.extend(modifiers(c))
            ctx.extend(g for p in c.children if p.dep_ == "prep" for g in p.children)
    return ctx


def place_of(tok: Token, preps: tuple[str, ...] = ("of", "in", "from", "throughout", "across", "inside")) -> list[Token]:
    """The objects of a noun's "of"/"in"/"from" phrases and their modifiers ("forces in Guinea",
    "inhabitants of the Syrian Golan Heights")."""
    out = []
    for p in tok.children:
        if p.dep_ == "prep" and p.text.lower() in preps:
            for g in p.children:
                if g.dep_ == "pobj":
                    out.append(g)
                    out.extend(modifiers(g))
    return out


def described_by(tok: Token) -> list[Token]:
    """What a group noun is described by after it, where it says who they are, not what they do:
    "workers of the bus company of Tehran", "workers affiliated with the Serbian union", "militants loyal
    to Iraq's ...". Not "protesters against the US", "refugees fleeing to Chad"."""
    out: list[Token] = []
    for c in tok.children:
        if c.i < tok.i:
            continue
        if (c.dep_ == "prep" and c.text.lower() in _WHERE_FROM) or (c.dep_ == "acl" and c.tag_ == "VBN") \
                or (c.dep_ == "amod" and c.pos_ == "ADJ"):
            out.extend(t for t in c.subtree if t.i > c.i or c.dep_ != "prep")
    return out


def where_acting(tok: Token) -> list[Token]:
    """The place a subject acts in: "prisoners rioted at a jail in East Timor's capital Dili", "thousands
    of people blocked streets in Hong Kong"."""
    if tok.dep_ == "pobj" and tok.head.head.dep_ == "nsubj":
        tok = tok.head.head  # the part of a partitive ("thousands of people")
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = tok.head
    heads = [verb, *(t for c in verb.children if c.dep_ == "dobj" for t in c.subtree if t.pos_ in ("NOUN", "PROPN"))]
    return [t for h in heads for p in h.children if p.dep_ == "prep" and p.text.lower() in ("in", "at", "inside")
            for t in p.subtree if t.i > p.i and t.ent_type_ in PLACE_LABELS | ORG_LABELS]


def named_like_a_person(ent: Span) -> bool:
    """A place name the model may have taken from a person's name: "Kenzo Oshima, the UN coordinator"
    (a first name in front, or a description in apposition)."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (before is not None and before.pos_ == "PROPN" and not before.ent_type_) or \
        any(c.dep_ == "appos" for c in ent.root.children)


def government_phrase(tok: Token, gz: Gazetteer, lex: Lexicon) -> str | None:
    """The state a government noun phrase stands for ("the Russian side" -> RUS, "forces in Guinea" -> GIN)."""
    nouns = lex.cues["government_nouns"]
    if (tok.lemma_.lower() not in nouns and tok.text.lower() not in nouns) or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    # "Security forces arrested dozens in Dhaka": where the state's forces act; but an embassy is of the state
    # that sends it, never of the one it sits in ("whose embassy in Belgrade was hit")
    where = place_of(tok) if tok.lemma_.lower() not in lex.cues["mission_nouns"] else []
    return country_of_tokens(modifiers(tok) + where, gz) or (
        country_of_tokens(where_acting(tok), gz) if tok.lemma_.lower() in lex.cues["security_nouns"] else None)


def title_case(text: str) -> str:
    return " ".join(w if w.isupper() or not w.isalpha() else w[:1].upper() + w[1:] for w in text.split())
