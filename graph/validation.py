"""SHACL validation of the graph with pySHACL and the newskg shapes.

>>> from datetime import date
>>> from newskg.records import Actor, Document, Event
>>> from newskg.graph.rdf import document_graph
>>> doc = Document("d1", "Paris called Moscow.", date(2024, 4, 4))
>>> ev = Event("d1", doc.text, 0, 20, Actor("France", kind="state", country="FRA"), "CONSULT",
...            "phone", Actor("Russia", kind="state", country="RUS"), "2024-04-03")
>>> validate(document_graph(doc, [ev])).conforms
True
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph

from ..errors import ValidationError
from ..ontology import ontology_graph, plover_graph, shapes_graph

__all__ = ["ValidationReport", "validate", "validate_ntriples"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of a SHACL validation: ``conforms`` and the report as text."""

    conforms: bool
    text: str
    violations: int = 0


def _batches(store, size: int, limit: int | None = None):
    """The store's graphs in batches of ``size`` documents, as rdflib graphs.

    With ``limit``, only that many graphs, spread evenly over the sorted names.
    """
    names = sorted((g for g in store.ox.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    if limit is not None and len(names) > limit:
        step = len(names) / limit
        names = [names[int(i * step)] for i in range(limit)]
    for i in range(0, max(1, len(names)), size):
        g = Graph()
        for name in names[i:i + size]:
            data = store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)
            g.parse(data=data.decode("utf-8"), format="nt")
        yield g


def _check(data: Graph) -> tuple[bool, str]:
    """Validate ``data``, which is the caller's own copy: the scheme and the ontology are added to it."""
    # The PLOVER scheme supplies the class of each type; the shapes need no inference.
    for triple in plover_graph():
        data.add(triple)
    conforms, _, text = shacl_validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none",
        abort_on_first=False, allow_warnings=True, advanced=False, inplace=True,  # no second copy of the data
    )
    return bool(conforms), text


def validate_ntriples(text: str, *, strict: bool = False) -> ValidationReport:
    """Validate graphs given as N-Triples text (what ``build`` samples), parsed once into a graph of its own.

    >>> validate_ntriples("").conforms
    True
    """
    data = Graph()
    data.parse(data=text, format="nt")
    return _report([data], strict)


def validate(source, *, strict: bool = False, batch: int = 200, sample: int | None = None) -> ValidationReport:
    """Validate a graph, or every document graph of a store, against the newskg shapes.

    A store is checked ``batch`` documents at a time, so memory stays bounded
    however large it is; each document graph is self-contained (it describes
    every actor and event it mentions).

    Parameters
    ----------
    source : rdflib.Graph or newskg.graph.Store
    strict : bool
        Raise :class:`~newskg.errors.ValidationError` when it does not conform.
    batch : int
        Documents per pySHACL run when ``source`` is a store.
    sample : int, optional
        Check only this many document graphs of a store, spread evenly over
        it (``build`` does so on large corpora; ``newskg validate`` checks all).

    Returns
    -------
    ValidationReport
    """
    if isinstance(source, Graph):
        data = Graph()  # a copy: the check adds the scheme and the ontology to its data
        for triple in source:
            data.add(triple)
        parts = [data]
    else:
        parts = _batches(source, batch, sample)
    return _report(parts, strict)


def _report(parts, strict: bool) -> ValidationReport:
    """Check each graph of ``parts`` (each the caller's own) and put the outcomes together."""
    conforms, texts = True, []
    for data in parts:
        ok, text = _check(data)
        if not ok:
            conforms = False
            texts.append(text)
    text = "\n".join(texts) if texts else "Validation Report\nConforms: True\n"
    violations = text.count("Constraint Violation")
    report = ValidationReport(conforms, text, violations)
    if not conforms:
        log.warning("the graph does not conform to the shapes: %d violation(s)", violations)
        if strict:
            first = [line.strip() for line in text.splitlines() if line.strip().startswith("Message:")][:3]
            raise ValidationError(
                f"the graph does not conform to the newskg shapes ({violations} violations): " + "; ".join(first),
                hint="run `newskg validate` for the full report")
    return report
