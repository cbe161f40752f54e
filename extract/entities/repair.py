"""A pipeline component that mends the model's person spans where the tokenizer split a name.

The tokenizer splits hyphenated given names ("Moon Jae-in" is ``Moon Jae - in``)
and the small model often ends the PERSON entity at the hyphen ("Moon Jae"), so
the name loses its structure (:mod:`newskg.names`).  The component extends a
PERSON entity over pieces joined to it by hyphens without spaces.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("President Moon Jae-in met Kim.")
>>> doc.ents = [doc.char_span(10, 18, label="PERSON")]
>>> [e.text for e in mend_person_spans(doc).ents]
['Moon Jae-in']
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = ["mend_person_spans"]


def mend_person_spans(doc: Doc) -> Doc:
    """Extend PERSON entities over hyphen-joined name pieces ("Jae" + "-" + "in")."""
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
        if end != ent.end:
            ents[k] = Span(doc, ent.start, end, label="PERSON")
            changed = True
    if changed:
        doc.ents = ents
    return doc


@Language.component("newskg_person_spans")
def person_spans_component(doc: Doc) -> Doc:
    return mend_person_spans(doc)
