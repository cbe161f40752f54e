"""Sentence boundaries: line breaks end sentences, even without a final period.

The component runs before the parser and marks the token after a line break
as a sentence start; the parser keeps preset boundaries.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("newskg_line_breaks")
>>> doc = nlp("Moscow attack\\nBoth sides spoke.")
>>> [t.is_sent_start for t in doc][:4]
[True, None, None, True]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = ["mark_line_breaks", "sentence_bounds"]


def mark_line_breaks(doc: Doc) -> Doc:
    """Mark every token that follows a line break as a sentence start."""
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
        elif "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_:
            tok.is_sent_start = True
    return doc


@Language.component("newskg_line_breaks")
def line_breaks_component(doc: Doc) -> Doc:
    return mark_line_breaks(doc)


def sentence_bounds(sent: Span, text: str) -> tuple[int, int]:
    """Where the sentence ``sent`` starts and ends in ``text``, without the spaces around it.

    >>> import spacy
    >>> doc = spacy.blank("en")("Peru voted.  ")
    >>> sentence_bounds(doc[:], doc.text)
    (0, 11)
    """
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end

