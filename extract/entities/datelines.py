"""Datelines: where and when a wire story was filed, which names no actor and dates no event.

Wire copy opens with a dateline in many shapes: ``WASHINGTON, Nov 16 (Reuters) -``,
``SARAJEVO, Bosnia-Herzegovina (AP) —``, ``TBILISI/MOSCOW (Reuters) -``,
``BANGKOK –``, ``Moscow:``, ``NEW DELHI, March 3 (PTI)``, ``TOKYO, Oct. 8 Kyodo -``.

>>> [dateline(t).end for t in ["KYIV, June 3 - Ukraine said ...", "Ukraine said ..."]]
[15, 0]
>>> d = dateline("SARAJEVO, Bosnia-Herzegovina (AP) — NATO warplanes pounded ...")
>>> d.places, d.text
(('SARAJEVO', 'Bosnia-Herzegovina'), 'SARAJEVO, Bosnia-Herzegovina (AP) — ')
>>> [dateline(t).places for t in ["BANGKOK – The U.N. ...", "Moscow: Russia on Saturday ...",
...  "NEW DELHI, March 3 (PTI) Prime Minister ...", "TOKYO, Oct. 8 Kyodo - Prime Minister ...",
...  "TBILISI/MOSCOW (Reuters) - Russian President ..."]]
[('BANGKOK',), ('Moscow',), ('NEW DELHI',), ('TOKYO',), ('TBILISI', 'MOSCOW')]
>>> dateline("The president said: we will win.").end, dateline("US President Joe Biden - who ...").end
(0, 0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Dateline", "dateline", "dateline_end", "doc_dateline_end", "past_dateline"]

_CAPS = r"[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,3}"          # SAN JOSE, NEW DELHI, ST. PETERSBURG
_PLACE = rf"(?P<place>{_CAPS}(?:\s?/\s?{_CAPS})*)"               # TBILISI/MOSCOW
_REGION = r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z.'’\-]+(?:\s[A-Z][A-Za-z.'’\-]+){0,2}))?"   # , Bosnia-Herzegovina
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:\s*,?\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}))?"                   # , Nov 16 / , 16 Nov
_AGENCY = r"(?:\s*\((?P<agency>[^)]{1,40})\)|\s+(?P<bare>[A-Z][A-Za-z-]{2,20})(?=\s*[-–—]))?"  # (Reuters) / Kyodo -
_DASH = r"\s*(?:--|[-–—:])\s+"
_WIRE = re.compile(rf"\s*{_PLACE}{_REGION}{_DATE}{_AGENCY}(?:{_DASH}|(?<=\))\s+(?=[A-Z\"“]))")
_TITLE_COLON = re.compile(r"\s*(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?):\s+(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline: its length in characters (0 for none), its text and the places it names."""

    end: int
    text: str = ""
    places: tuple[str, ...] = ()


def dateline(text: str) -> Dateline:
    """The dateline at the start of ``text`` (``Dateline(0)`` when there is none)."""
    m = _WIRE.match(text)
    if m and (m.group("region") or m.group("agency") or m.group("bare") or re.search(r"[-–—:]\s*$", m.group(0))):
        places = tuple(p.strip() for p in re.split(r"\s?/\s?", m.group("place")))
        if any(len(re.sub(r"[^A-Z]", "", p)) >= 3 for p in places):
            region = (m.group("region"),) if m.group("region") else ()
            return Dateline(m.end(), m.group(0), places + region)
    m = _TITLE_COLON.match(text)
    if m:
        return Dateline(m.end(), m.group(0), (m.group("place"),))
    return Dateline(0)


def dateline_end(text: str) -> int:
    """Where a story's dateline ends, or 0.

    >>> dateline_end("WASHINGTON, Nov 16 (Reuters) - The ..."), dateline_end("DAKAR, Senegal (AP) — Mali's ...")
    (31, 22)
    """
    return dateline(text).end


#: A dateline is short: the first tokens of a document hold it whole.
_HEAD_TOKENS = 120


def doc_dateline_end(doc) -> int:
    """:func:`dateline_end` of a parsed document, read once from its first tokens and kept in its
    ``user_data`` (``doc.text`` joins every token of the document each time it is read).

    >>> import spacy
    >>> doc = spacy.blank("en")("KYIV, Ukraine (AP) - Russia struck.")
    >>> doc_dateline_end(doc) == dateline_end(doc.text)
    True
    """
    key = "newskg.dateline_end"
    if key not in doc.user_data:
        doc.user_data[key] = dateline_end(doc[:_HEAD_TOKENS].text)
    return doc.user_data[key]


def past_dateline(tokens: list, doc) -> list:
    """``tokens`` without those of the document's dateline, when any are left: the parser makes the dateline's
    place a subject beside the real one ("MOSCOW (AP) — Russia's Defense Ministry claimed": two subjects)."""
    filed = doc_dateline_end(doc) if tokens and tokens[0].i < 12 else 0
    rest = [t for t in tokens if t.idx >= filed]
    return rest if rest else list(tokens)
