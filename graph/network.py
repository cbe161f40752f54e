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
"""

from __future__ import annotations

import re

import networkx as nx

from ..ontology import quad_class
from .lookup import find_actor
from .rdf import actor_records, select_rows

__all__ = ["actor_network", "actor_nodes", "pair_network", "find_actor", "COOPERATION", "CONFLICT"]

COOPERATION = ("VerbalCooperation", "MaterialCooperation")
CONFLICT = ("VerbalConflict", "MaterialConflict")

_EVENTS = """
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?type ?mode ?actor ?recipient ?date ?status ?sourceLabel ?doc ?sentence ?denied WHERE { GRAPH ?g {
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


def actor_nodes(source) -> nx.MultiDiGraph:
    """The actors of the graph as an edgeless MultiDiGraph (what :func:`find_actor` needs).

    Nodes are actor IRIs carrying ``label``, ``kind``, ``country``, ``aliases``,
    ``events`` (how many events the actor takes part in) and ``solo_events``
    (filled by :func:`actor_network`).
    """
    G = nx.MultiDiGraph()
    for a, actor in sorted(actor_records(source).items()):
        G.add_node(a, label=actor.name, kind=actor.kind, country=actor.country, aliases=set(actor.aliases),
                   events=0, solo_events={})
    for a, n in select_rows(source, _EVENT_COUNTS):
        if a in G:
            G.nodes[a]["events"] = int(n)
    return G


def actor_network(source) -> nx.MultiDiGraph:
    """A MultiDiGraph of actors (nodes) and events (edges keyed by event IRI).

    Parameters
    ----------
    source : newskg.graph.Store or rdflib.Graph/Dataset

    Returns
    -------
    networkx.MultiDiGraph
        Nodes carry ``label``, ``kind``, ``country`` and ``aliases``; edges carry
        ``type``, ``mode``, ``quad``, ``date``, ``statuses``, ``sources``,
        ``docs``, ``evidence`` and ``symmetric``.  Events without a recipient
        are kept on the actor node under ``solo_events``.
    """
    G = actor_nodes(source)
    events: dict[str, dict] = {}
    for r in _rows(source, _EVENTS):
        e = events.setdefault(r["e"], {
            "type": _local(r["type"]), "mode": _local(r["mode"]) if r["mode"] else None,
            "actor": r["actor"], "recipient": r["recipient"], "date": r["date"], "statuses": set(),
            "sources": set(), "docs": set(), "evidence": set(), "denies": r["denied"]})
        e["statuses"].add(_local(r["status"]).lower())
        if r["sourceLabel"]:
            e["sources"].add(r["sourceLabel"])
        e["docs"].add(r["doc"])
        e["evidence"].add((r["doc"], r["sentence"]))
    for iri, e in sorted(events.items()):
        attrs = dict(type=e["type"], mode=e["mode"], quad=quad_class(e["type"]), date=e["date"],
                     statuses=frozenset(e["statuses"]), sources=tuple(sorted(e["sources"])),
                     docs=tuple(sorted(e["docs"])), evidence=tuple(sorted(e["evidence"])), denies=e["denies"],
                     symmetric=e["type"] in ("CONSULT", "COOPERATE", "AGREE"))
        if e["recipient"] and e["recipient"] in G and e["actor"] in G:
            G.add_edge(e["actor"], e["recipient"], key=iri, **attrs)
        elif e["actor"] in G:
            G.nodes[e["actor"]]["solo_events"][iri] = attrs
    return G


def pair_network(G: nx.MultiDiGraph) -> nx.Graph:
    """An undirected weighted view: one edge per pair, with counts per type and quad class.

    >>> M = nx.MultiDiGraph()
    >>> M.add_edge("a", "b", key="e1", type="CONSULT", quad="VerbalCooperation")
    'e1'
    >>> M.add_edge("b", "a", key="e2", type="ACCUSE", quad="VerbalConflict")
    'e2'
    >>> P = pair_network(M)
    >>> P["a"]["b"]["weight"], P["a"]["b"]["types"]
    (2, {'CONSULT': 1, 'ACCUSE': 1})
    """
    P = nx.Graph()
    P.add_nodes_from(G.nodes(data=True))
    for u, v, k, d in G.edges(keys=True, data=True):
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
