"""The actor network for tools such as Gephi: GraphML, a CSV edge table and a CSV node table.

All three come from :func:`newskg.graph.network.actor_network`, so they are
built from the RDF graph alone.  Nodes are actor IRIs (two "Protesters"
groups of two countries stay two nodes), with the label, kind and country as
attributes.  Every event is kept, with its ``status`` (asserted, claimed or
negated: :func:`newskg.graph.network.event_status`) and its mentions counted
by status:

* an event with a recipient is a directed edge keyed by its IRI (``Type``
  ``Undirected`` in the CSV for symmetric types such as CONSULT);
* an event without one (a protest, a statement) is counted on its actor's
  node (``no_recipient*`` attributes), and is a row of the CSV edge table
  with an empty ``Target`` (Gephi skips such rows; pandas and R keep them).

List-valued attributes are joined with ``"; "`` because GraphML and CSV hold
only scalars.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("nkgid:fr", label="France", kind="state", country="FRA", aliases={"Paris"}, solo_events={})
>>> G.add_node("nkgid:ru", label="Russia", kind="state", country="RUS", aliases=set(), solo_events={})
>>> _ = G.add_edge("nkgid:fr", "nkgid:ru", key="e1", type="CONSULT", mode="phone", quad="VerbalCooperation",
...                date="2024-04-03", status="asserted", statuses=frozenset({"asserted"}),
...                mentions=(("m1", "a", "asserted"),), sources=(), docs=("a",),
...                evidence=(("a", "They spoke."),), denies=None, symmetric=True)
>>> G.nodes["nkgid:ru"]["solo_events"]["e2"] = dict(type="PROTEST", mode=None, quad="VerbalConflict", date=None,
...     status="negated", statuses=frozenset({"negated"}), mentions=(("m2", "b", "negated"),), sources=(),
...     docs=("b",), evidence=(("b", "No protest."),), denies=None, symmetric=False)
>>> print(network_csv(G).decode(), end="")
Source,Target,Type,Id,Label,source_label,target_label,event_type,status,mode,quad_class,date,asserted_mentions,claimed_mentions,negated_mentions,sources,documents,mentions,denies,evidence
nkgid:fr,nkgid:ru,Undirected,e1,CONSULT 2024-04-03,France,Russia,CONSULT,asserted,phone,VerbalCooperation,2024-04-03,1,0,0,,a,m1,,They spoke.
nkgid:ru,,Directed,e2,PROTEST,Russia,,PROTEST,negated,,VerbalConflict,,0,0,1,,b,m2,,No protest.
>>> print(network_nodes_csv(G).decode(), end="")
Id,Label,kind,country,aliases,asserted,claimed,negated,no_recipient_asserted,no_recipient_claimed,no_recipient_negated,no_recipient
nkgid:fr,France,state,FRA,Paris,1,0,0,0,0,0,
nkgid:ru,Russia,state,RUS,,1,0,1,0,0,1,PROTEST negated 1
>>> b"<graphml" in network_graphml(G)
True
"""

from __future__ import annotations

import csv
import io
from collections import Counter

import networkx as nx

from ..graph.network import mention_counts, status_of
from ..records import STATUSES

__all__ = ["NETWORK_FORMATS", "network_graphml", "network_csv", "network_nodes_csv", "flat_network",
           "EDGE_COLUMNS", "NODE_COLUMNS"]

#: Network export formats and their usual file extensions.
NETWORK_FORMATS: dict[str, str] = {"graphml": "graphml", "csv": "csv", "csv-nodes": "nodes.csv"}

#: The columns of :func:`network_csv` (Gephi's edge table columns first).
EDGE_COLUMNS = ("Source", "Target", "Type", "Id", "Label", "source_label", "target_label", "event_type", "status",
                "mode", "quad_class", "date", "asserted_mentions", "claimed_mentions", "negated_mentions",
                "sources", "documents", "mentions", "denies", "evidence")
#: The columns of :func:`network_nodes_csv` (Gephi's node table columns first).
NODE_COLUMNS = ("Id", "Label", "kind", "country", "aliases", "asserted", "claimed", "negated",
                "no_recipient_asserted", "no_recipient_claimed", "no_recipient_negated", "no_recipient")


def _join(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (set, frozenset, tuple, list)):
        items = [" | ".join(v) if isinstance(v, tuple) else str(v) for v in value]
        return "; ".join(sorted(items))
    return str(value)


def _events(G: nx.MultiDiGraph):
    """Every event as (actor, recipient or None, IRI, attributes), in IRI order."""
    out = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)]
    out += [(n, None, k, d) for n, nd in G.nodes(data=True) for k, d in nd.get("solo_events", {}).items()]
    return sorted(out, key=lambda e: (e[2], e[0], e[1] or ""))


def _edge_attrs(d: dict) -> dict[str, str | int]:
    counts = mention_counts(d)
    return {"event_type": d["type"], "status": status_of(d), "mode": d.get("mode") or "",
            "quad_class": d.get("quad") or "", "date": d.get("date") or "",
            **{f"{s}_mentions": counts[s] for s in STATUSES},
            "sources": _join(d.get("sources")), "documents": _join(d.get("docs")),
            "mentions": _join(tuple(m for m, _, _ in d.get("mentions", ()))), "denies": d.get("denies") or ""}


def _node_attrs(G: nx.MultiDiGraph, n: str) -> dict[str, str | int]:
    d = G.nodes[n]
    took_part: Counter = Counter()
    for _, _, e in list(G.out_edges(n, data=True)) + list(G.in_edges(n, data=True)):
        took_part[status_of(e)] += 1
    solo = Counter((e["type"], status_of(e)) for e in d.get("solo_events", {}).values())
    for (_, status), c in solo.items():
        took_part[status] += c
    return {"label": d.get("label") or n, "kind": d.get("kind") or "", "country": d.get("country") or "",
            "aliases": _join(d.get("aliases")), **{s: took_part[s] for s in STATUSES},
            **{f"no_recipient_{s}": sum(c for (_, st), c in solo.items() if st == s) for s in STATUSES},
            "no_recipient": "; ".join(f"{t} {s} {c}" for (t, s), c in sorted(solo.items()))}


def flat_network(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the actor network whose attributes are all strings or integers (for GraphML).

    Events without a recipient become node attributes of their actor
    (``no_recipient_asserted``, ... and ``no_recipient``: "TYPE status count; ...").
    """
    F = nx.MultiDiGraph()
    for n in sorted(G):
        F.add_node(n, **_node_attrs(G, n))
    for u, v, k, d in _events(G):
        if v is None:
            continue
        attrs = _edge_attrs(d)
        F.add_edge(u, v, key=k, label=f"{d['type']} {d.get('date') or ''}".strip(), type=d["type"],
                   symmetric=bool(d.get("symmetric")), **attrs)
    return F


def network_graphml(G: nx.MultiDiGraph) -> bytes:
    """The actor network as GraphML (UTF-8)."""
    return "\n".join(nx.generate_graphml(flat_network(G))).encode("utf-8") + b"\n"


def network_csv(G: nx.MultiDiGraph) -> bytes:
    """Every event as a row of a Gephi edge table (CSV); actors by IRI, events without a recipient with an
    empty ``Target``."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(EDGE_COLUMNS)
    for u, v, k, d in _events(G):
        attrs = _edge_attrs(d)
        w.writerow([u, v or "", "Undirected" if d.get("symmetric") else "Directed", k,
                    f"{d['type']} {d.get('date') or ''}".strip(), G.nodes[u].get("label") or u,
                    (G.nodes[v].get("label") or v) if v else "", *(attrs[c] for c in EDGE_COLUMNS[7:19]),
                    _join(tuple(s for _, s in d.get("evidence", ())))])
    return buf.getvalue().encode("utf-8")


def network_nodes_csv(G: nx.MultiDiGraph) -> bytes:
    """Every actor as a row of a Gephi node table (CSV): IRI, label, kind, country, aliases, its events by
    status and those without a recipient."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(NODE_COLUMNS)
    for n in sorted(G):
        attrs = _node_attrs(G, n)
        w.writerow([n, attrs["label"], *(attrs[c] for c in NODE_COLUMNS[2:])])
    return buf.getvalue().encode("utf-8")
