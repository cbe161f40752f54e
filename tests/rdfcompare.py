"""Comparing RDF datasets as graphs (never as text), for the tests."""

from __future__ import annotations

from rdflib import Dataset, Graph


def named_graphs(fmt: str, *, path=None, data: str | None = None) -> dict[str, Graph]:
    """Each non-empty graph of a dataset read from ``path`` or ``data`` in ``fmt``, by name."""
    ds = Dataset()
    if data is not None:
        ds.parse(data=data, format=fmt)
    else:
        ds.parse(path, format=fmt)
    out: dict[str, Graph] = {}
    for g in ds.graphs():
        triples = Graph()
        for t in g:
            triples.add(t)
        if len(triples):
            out[str(g.identifier)] = triples
    return out
