"""RDF terms between rdflib, pyoxigraph and N-Triples text, written as Oxigraph writes them.

What a worker sends the store is N-Triples text (:func:`ntriples`), parsed there by Oxigraph's own reader;
queries bind rdflib terms as pyoxigraph ones (:func:`to_ox`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

__all__ = ["ntriples", "ntriples_lines", "to_ox"]


def to_ox(term):
    """An rdflib term as a pyoxigraph term.

    >>> to_ox(Literal("2022-10", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth")))
    <Literal value=2022-10 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#gYearMonth>>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode):
        return term
    raise TypeError(f"cannot convert {term!r} to an RDF term")


@functools.lru_cache(maxsize=4096)
def _ox_cached(term):
    """:func:`to_ox` for the IRIs that repeat in every document (the vocabulary, actors)."""
    return to_ox(term)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_IRI_FORBIDDEN = frozenset('<>"{}|^`\\ \n\r\t')
_NT_CACHE: dict = {}
#: How Oxigraph writes a string in N-Triples, so that our text and its equal as strings
_ESCAPES = {**{c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F]},
            **{ord(k): v for k, v in {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
                                      "\b": "\\b", "\f": "\\f"}.items()}}
_NEEDS_ESCAPE = re.compile('[\x00-\x1f\x7f"\\\\]')


def _nt(term) -> str:
    """One rdflib term in N-Triples syntax, written as Oxigraph writes it (IRIs cached: the vocabulary and
    the actors repeat)."""
    if type(term) is URIRef:
        text = _NT_CACHE.get(term)
        if text is None:
            if _IRI_FORBIDDEN.intersection(term):
                return str(to_ox(term))  # pyoxigraph says what is wrong with it
            text = f"<{term}>"
            if len(_NT_CACHE) < 100_000:
                _NT_CACHE[term] = text
        return text
    if isinstance(term, Literal):
        value = str(term)
        if _NEEDS_ESCAPE.search(value):
            value = value.translate(_ESCAPES)
        if term.language:
            return f'"{value}"@{term.language}'
        if term.datatype is None or str(term.datatype) == _XSD_STRING:
            return f'"{value}"'
        return f'"{value}"^^{_nt(term.datatype)}'
    return str(to_ox(term))


def ntriples(triples: Iterable[tuple]) -> str:
    """rdflib triples as N-Triples text, each triple once, in first-seen order.

    This is what ``build`` sends from a worker to the store: compact, and
    parsed by Oxigraph's own reader.

    >>> print(ntriples([(URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal('say "hi"'))] * 2))
    <https://example.org/s> <https://example.org/p> "say \\"hi\\"" .
    """
    return "\n".join(ntriples_lines(triples))


def ntriples_lines(triples: Iterable[tuple]) -> dict[str, tuple]:
    """rdflib triples by their N-Triples line (as :func:`ntriples` writes it), each once, in first-seen order.

    >>> list(ntriples_lines([(URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal(1))] * 2))
    ['<https://example.org/s> <https://example.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .']
    """
    out: dict[str, tuple] = {}
    for t in triples:
        s, p, o = t
        out.setdefault(f"{_nt(s)} {_nt(p)} {_nt(o)} .", t)
    return out
