"""networkx views of the RDF graph: actors as nodes, events as edges.

Built from the store (or any rdflib graph) with SPARQL, never from the
extractor's records, so a saved graph is analysed without running spaCy.

>>> from datetime import date
>>> from newskg.records import Actor, Document, Event
>>> from newskg.graph import Store, document_graph
>>> fra, rus = Actor("France", kind="state", country="FRA"), Actor("Russia", kind="state", country="RUS")
>>> doc = Document("d1", "France called Russia.", date(2024, 4, 4))
>>> with Store(None) as store:
...     store.replace_document(document_graph(doc, [Event("d1", doc.text, 0, 21, fra, "CONSULT", "phone", rus, "2024-04-03")]))
...     G = actor_network(store)
>>> sorted(G.nodes[n]["label"] for n in G)
['France', 'Russia']
>>> [(d["type"], d["mode"], d["date"], d["quad"]) for _, _, d in G.edges(data=True)]
[('CONSULT', 'phone', '2024-04-03', 'VerbalCooperation')]
>>> [(d["status"], G.nodes[u]["events"]) for u, _, d in G.edges(data=True)]
[('asserted', 1)]
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

import networkx as nx

from ..errors import ConfigError
from ..ontology import quad_class
from ..records import STATUSES
from .iri import SYMMETRIC_TYPES
from .lookup import find_actor
from .rdf import actor_records, select_rows

__all__ = ["actor_network", "actor_nodes", "pair_network", "find_actor", "event_status", "status_of", "mention_counts",
           "counted_statuses", "COOPERATION", "CONFLICT"]

COOPERATION = ("VerbalCooperation", "MaterialCooperation")
CONFLICT = ("VerbalConflict", "MaterialConflict")

_EVENTS = """
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?m ?type ?mode ?actor ?recipient ?date ?status ?sourceLabel ?doc ?sentence ?denied WHERE { GRAPH ?g {
  ?m nkg:mentionOf ?e .
  ?e nkg:eventType ?type ; nkg:actor ?actor .
  OPTIONAL { ?e nkg:recipient ?recipient }
  OPTIONAL { ?e nkg:eventMode ?mode }
  OPTIONAL { ?e sem:hasTimeStamp ?date }
  OPTIONAL { ?e nkg:denies ?denied }
  ?m nkg:status ?status ; nkg:evidence ?s ; prov:wasDerivedFrom ?d .
  ?d schema:identifier ?doc .
  ?s nif:anchorOf ?sentence .
  OPTIONAL { ?m prov:wasAttributedTo ?src . ?src skos:prefLabel ?sourceLabel }
} }"""

_EVENT_COUNTS = """
PREFIX nkg: <https://w3id.org/newskg/ontology#>
SELECT ?a (COUNT(DISTINCT ?e) AS ?n) WHERE { { ?e nkg:actor ?a } UNION { ?e nkg:recipient ?a } } GROUP BY ?a"""


def _local(iri: str) -> str:
    return re.split(r"[/#]", iri)[-1]


def _rows(source, query: str):
    names = _vars(query)
    for row in select_rows(source, query):
        yield dict(zip(names, row))


def _vars(query: str) -> list[str]:
    head = query.split("WHERE", 1)[0]
    return re.findall(r"\?(\w+)", head)


def event_status(statuses: Iterable[str]) -> str:
    """The status of an event from those of its mentions: asserted when any report asserts it, else
    claimed when any reports it as a claim, else negated.

    >>> event_status({"claimed", "asserted"}), event_status(["claimed"]), event_status({"negated"})
    ('asserted', 'claimed', 'negated')
    """
    statuses = set(statuses)
    return next((s for s in STATUSES if s in statuses), "negated")


def status_of(d: dict) -> str:
    """The status of an event from its attributes (``status``, else derived from ``statuses``, else asserted).

    >>> status_of({"status": "negated"}), status_of({"statuses": {"claimed"}}), status_of({})
    ('negated', 'claimed', 'asserted')
    """
    return d.get("status") or event_status(d.get("statuses") or ("asserted",))


def mention_counts(d: dict) -> Counter:
    """The mentions of an event (edge or solo-event attributes) by status.

    >>> sorted(mention_counts({"mentions": (("m1", "a", "asserted"), ("m2", "b", "claimed"))}).items())
    [('asserted', 1), ('claimed', 1)]
    """
    return Counter(status for _, _, status in d.get("mentions", ()))


def counted_statuses(statuses: Iterable[str] | str | None) -> frozenset[str]:
    """Check a ``statuses`` option: which event statuses an analysis counts (None or "all": all three).

    >>> sorted(counted_statuses(["asserted", "claimed"])), len(counted_statuses("all"))
    (['asserted', 'claimed'], 3)
    """
    if statuses is None or statuses == "all":
        return frozenset(STATUSES)
    if isinstance(statuses, str):
        statuses = [statuses]
    out = frozenset(statuses)
    bad = sorted(out - set(STATUSES))
    if bad or not out:
        raise ConfigError(f"unknown event status {', '.join(bad) or '(none given)'}",
                          hint="use asserted, claimed, negated or all")
    return out


def actor_nodes(source) -> nx.MultiDiGraph:
    """The actors of the graph as an edgeless MultiDiGraph (what :func:`find_actor` needs).

    Nodes are actor IRIs carrying ``label``, ``kind``, ``country``, ``aliases``
    and ``solo_events`` (filled by :func:`actor_network`).  How many events
    each takes part in is counted only when asked, while ``source`` is open:
    ``G.graph["event_counts"]()`` (what :func:`find_actor` shows when a name
    is ambiguous).
    """
    G = nx.MultiDiGraph()
    for a, actor in sorted(actor_records(source).items()):
        G.add_node(a, label=actor.name, kind=actor.kind, country=actor.country, aliases=set(actor.aliases),
                   solo_events={})
    G.graph["event_counts"] = functools.cache(lambda: {a: int(n) for a, n in select_rows(source, _EVENT_COUNTS)})
    return G


def actor_network(source) -> nx.MultiDiGraph:
    """A MultiDiGraph of actors (nodes) and events (edges keyed by event IRI).

    Parameters
    ----------
    source : newskg.graph.Store or rdflib.Graph/Dataset

    Returns
    -------
    networkx.MultiDiGraph
        Nodes carry ``label``, ``kind``, ``country``, ``aliases`` and ``events``;
        edges (from the event's ``nkg:actor`` to its ``nkg:recipient``) carry
        ``type``, ``mode``, ``quad``, ``date``, ``status`` (:func:`event_status`),
        ``statuses`` (those of its mentions), ``mentions`` (mention IRI,
        document, status), ``sources``, ``docs``, ``evidence``, ``denies`` and
        ``symmetric``.  Events without a recipient are kept, with the same
        attributes, on the actor node under ``solo_events``.
    """
    G = actor_nodes(source)
    events: dict[str, dict] = {}
    for r in _rows(source, _EVENTS):
        e = events.setdefault(r["e"], {
            "type": _local(r["type"]), "mode": _local(r["mode"]) if r["mode"] else None,
            "actor": r["actor"], "recipient": r["recipient"], "date": r["date"], "mentions": {},
            "sources": set(), "docs": set(), "evidence": set(), "denies": r["denied"]})
        e["mentions"][r["m"]] = (r["m"], r["doc"], _local(r["status"]).lower())
        if r["sourceLabel"]:
            e["sources"].add(r["sourceLabel"])
        e["docs"].add(r["doc"])
        e["evidence"].add((r["doc"], r["sentence"]))
    for iri, e in sorted(events.items()):
        mentions = tuple(sorted(e["mentions"].values()))
        statuses = frozenset(s for _, _, s in mentions)
        attrs = dict(type=e["type"], mode=e["mode"], quad=quad_class(e["type"]), date=e["date"],
                     status=event_status(statuses), statuses=statuses, mentions=mentions,
                     sources=tuple(sorted(e["sources"])), docs=tuple(sorted(e["docs"])),
                     evidence=tuple(sorted(e["evidence"])), denies=e["denies"],
                     symmetric=e["type"] in SYMMETRIC_TYPES)
        if e["recipient"] and e["recipient"] in G and e["actor"] in G:
            G.add_edge(e["actor"], e["recipient"], key=iri, **attrs)
        elif e["actor"] in G:
            G.nodes[e["actor"]]["solo_events"][iri] = attrs
    del G.graph["event_counts"]
    for n, d in G.nodes(data=True):
        d["events"] = G.degree(n) + len(d["solo_events"])
    return G


def pair_network(G: nx.MultiDiGraph, *, statuses: Iterable[str] | str | None = None) -> nx.Graph:
    """An undirected weighted view: one edge per pair, with counts per type and quad class.

    ``statuses`` keeps only events of those statuses (default: all).

    >>> M = nx.MultiDiGraph()
    >>> M.add_edge("a", "b", key="e1", type="CONSULT", quad="VerbalCooperation", status="asserted")
    'e1'
    >>> M.add_edge("b", "a", key="e2", type="ACCUSE", quad="VerbalConflict", status="negated")
    'e2'
    >>> P = pair_network(M)
    >>> P["a"]["b"]["weight"], P["a"]["b"]["types"]
    (2, {'CONSULT': 1, 'ACCUSE': 1})
    >>> pair_network(M, statuses=["asserted"])["a"]["b"]["types"]
    {'CONSULT': 1}
    """
    keep = counted_statuses(statuses)
    P = nx.Graph()
    P.add_nodes_from(G.nodes(data=True))
    for u, v, k, d in G.edges(keys=True, data=True):
        if status_of(d) not in keep:
            continue
        if P.has_edge(u, v):
            data = P[u][v]
        else:
            P.add_edge(u, v, weight=0, types={}, quads={}, events=[])
            data = P[u][v]
        data["weight"] += 1
        data["types"][d["type"]] = data["types"].get(d["type"], 0) + 1
        data["quads"][d["quad"]] = data["quads"].get(d["quad"], 0) + 1
        data["events"].append(k)
    return P
