"""A pipeline component that mends the model's person spans where the tokenizer or the model split a name.

The tokenizer splits hyphenated given names ("Moon Jae-in" is ``Moon Jae - in``)
and the small model often ends the PERSON entity at the hyphen ("Moon Jae"), so
the name loses its structure (:mod:`newskg.names`).  The component extends a
PERSON entity over pieces joined to it by hyphens without spaces and over a last
name word the model left out that the parse makes the name's head ("Nguyen Minh" + "Vu"), and joins two
PERSON entities that follow each other with nothing between (a long name the
model cut in two), and an organisation the model ended at "of" with the number
after it ("Group of" + "20").  An entity the model ran over a verb ("Duda met Nauseda") is cut at it.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("President Moon Jae-in met Kim.")
>>> doc.ents = [doc.char_span(10, 18, label="PERSON")]
>>> [e.text for e in mend_person_spans(doc).ents]
['Moon Jae-in']
>>> doc = nlp("Ambassador Maria Luiza Ribeiro Viotti spoke.")
>>> doc.ents = [doc.char_span(11, 22, label="PERSON"), doc.char_span(23, 37, label="PERSON")]
>>> [e.text for e in mend_person_spans(doc).ents]
['Maria Luiza Ribeiro Viotti']
>>> doc = nlp("Leaders of the Group of 20 met.")
>>> doc.ents = [doc.char_span(15, 23, label="ORG"), doc.char_span(24, 26, label="CARDINAL")]
>>> [e.text for e in mend_person_spans(doc).ents]
['Group of 20']
>>> doc = nlp("Duda met Nauseda.")
>>> doc.ents = [Span(doc, 0, 3, label="PERSON")]
>>> for t, tag in zip(doc, ["NNP", "VBD", "NNP", "."]): t.tag_ = tag
>>> [e.text for e in mend_person_spans(doc).ents]
['Duda', 'Nauseda']
>>> doc = nlp("Moon, Kim spoke.")
>>> doc.ents = [doc.char_span(0, 4, label="PERSON"), doc.char_span(6, 9, label="PERSON")]
>>> [e.text for e in mend_person_spans(doc).ents]
['Moon', 'Kim']
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import Lexicon

__all__ = ["mend_person_spans"]

#: Lowercase particles inside family names ("von der Leyen", "van Klaveren", "bin Salman", "da Silva").
_PARTICLES = frozenset({"von", "der", "van", "den", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "le",
                        "la", "al", "bin", "ibn", "bint", "ter", "zu"})


def mend_person_spans(doc: Doc) -> Doc:
    """Extend PERSON entities over hyphen-joined name pieces ("Jae" + "-" + "in"), and join two adjacent entities
    that are one name ("Maria Luiza" + "Ribeiro Viotti", "Group of" + "20")."""
    ents, changed = _without_verbs(doc)
    for k, ent in enumerate(ents):
        if ent.label_ != "PERSON":
            continue
        end = ent.end
        while end + 1 < len(doc) and doc[end].text in ("-", "‐", "–") and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_alpha and len(doc[end + 1]) <= 12 \
                and not doc[end + 1].ent_type_ and (k + 1 == len(ents) or ents[k + 1].start > end + 1):
            end += 2
        nxt = doc[end] if end < len(doc) else None
        titles = Lexicon.default().cues["titles"] | Lexicon.default().cues["role_nouns"]
        bare = all(t.pos_ == "PROPN" and t.lower_ not in titles for t in doc[ent.start:end])  # a name, no title
        if bare and nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title and nxt.is_alpha and not nxt.ent_type_ and \
                nxt.lower_ not in titles and \
                doc[end - 1].whitespace_ and any(a.i == nxt.i for a in doc[ent.start:end].root.ancestors) and \
                (k + 1 == len(ents) or ents[k + 1].start > end):
            end += 1  # "Nguyen Minh" + "Vu": the name's last word, which the parse makes the name's head
        if end != ent.end:
            ents[k] = Span(doc, ent.start, end, label="PERSON")
            changed = True
    # two entities that are one name: "Group of" + "20", "Maria Luiza" + "Ribeiro Viotti"
    merged: list[Span] = []
    for ent in ents:
        prev = merged[-1] if merged else None
        if prev is not None and prev.end == ent.start and _one_name(doc, prev, ent):
            merged[-1] = Span(doc, prev.start, ent.end, label=prev.label_)
            changed = True
        else:
            merged.append(ent)
    if changed:
        doc.ents = merged
    return doc


def _without_verbs(doc: Doc) -> tuple[list[Span], bool]:
    """The entities with those the model ran over a lowercase verb ("Duda met Nauseda" as one ORG) cut at it:
    a name holds no verb.  The pieces keep a PERSON label; others are left to the person rules, which know a
    name that acts or is met (:mod:`newskg.extract.entities.mentions`)."""
    out: list[Span] = []
    changed = False
    for ent in doc.ents:
        cuts = [t.i for t in ent if t.tag_.startswith("VB") and t.is_lower]
        if not cuts:
            out.append(ent)
            continue
        changed = True
        if ent.label_ == "PERSON":
            bounds = [ent.start - 1, *cuts, ent.end]
            out += [Span(doc, a + 1, b, label="PERSON") for a, b in zip(bounds, bounds[1:]) if b > a + 1]
    return out, changed


def _one_name(doc: Doc, prev: Span, ent: Span) -> bool:
    """Is ``ent``, right after ``prev``, the rest of the same name?  An organisation the model ended at "of" goes
    on over the number that completes it ("Group of" + "20"); a long name the model cut in two adjacent PERSON
    entities is one name ("Maria Luiza" + "Ribeiro Viotti"), and so is a person's name the model ended at a
    particle and the family name after it, whatever its label ("Ursula von der" + "Leyen")."""
    if prev.label_ == "ORG" and doc[prev.end - 1].lower_ == "of":
        return ent.label_ == "CARDINAL" and len(ent) == 1
    if prev.label_ == "PERSON" and doc[prev.end - 1].lower_ in _PARTICLES and doc[prev.end - 1].is_lower:
        # "Ursula von der" + "Leyen": a name the model ended at a particle goes on over the family name
        return doc[ent.start].is_title and doc[ent.start].pos_ == "PROPN"
    return prev.label_ == ent.label_ == "PERSON" and bool(doc[prev.end - 1].whitespace_) and \
        all(t.is_title for t in (doc[prev.end - 1], doc[ent.start]))


@Language.component("newskg_person_spans")
def person_spans_component(doc: Doc) -> Doc:
    return mend_person_spans(doc)
