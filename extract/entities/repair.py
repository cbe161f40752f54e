"""A pipeline component that mends the model's person spans where the tokenizer or the model split a name.

The tokenizer splits hyphenated given names ("Moon Jae-in" is ``Moon Jae - in``)
and the small model often ends the PERSON entity at the hyphen ("Moon Jae"), so
the name loses its structure (:mod:`newskg.names`).  The component extends a
PERSON entity over pieces joined to it by hyphens without spaces and over a last
name word the model left out that the parse makes the name's head ("Nguyen Minh" + "Vu"), and joins two
PERSON entities that follow each other with nothing between (a long name the
model cut in two), and an organisation the model ended at "of" with the number
after it ("Group of" + "20").

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


def mend_person_spans(doc: Doc) -> Doc:
    """Extend PERSON entities over hyphen-joined name pieces ("Jae" + "-" + "in"), and join two adjacent entities
    that are one name ("Maria Luiza" + "Ribeiro Viotti", "Group of" + "20")."""
    ents = list(doc.ents)
    changed = False
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


def _one_name(doc: Doc, prev: Span, ent: Span) -> bool:
    """Is ``ent``, right after ``prev``, the rest of the same name?  An organisation the model ended at "of" goes
    on over the number that completes it ("Group of" + "20"); a long name the model cut in two adjacent PERSON
    entities is one name ("Maria Luiza" + "Ribeiro Viotti")."""
    if prev.label_ == "ORG" and doc[prev.end - 1].lower_ == "of":
        return ent.label_ == "CARDINAL" and len(ent) == 1
    return prev.label_ == ent.label_ == "PERSON" and bool(doc[prev.end - 1].whitespace_) and \
        all(t.is_title for t in (doc[prev.end - 1], doc[ent.start]))


@Language.component("newskg_person_spans")
def person_spans_component(doc: Doc) -> Doc:
    return mend_person_spans(doc)
