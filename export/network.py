"""The actor network for tools such as Gephi: GraphML and a CSV edge table.

Both come from :func:`newskg.graph.network.actor_network`, so they are built
from the RDF graph alone.  Every event is one directed edge keyed by its IRI;
list-valued attributes are joined with ``"; "`` because GraphML and CSV hold
only scalars.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("fr", label="France", kind="state", country="FRA", aliases={"Paris"}, solo_events={})
>>> G.add_node("ru", label="Russia", kind="state", country="RUS", aliases=set(), solo_events={})
>>> _ = G.add_edge("fr", "ru", key="e1", type="CONSULT", mode="phone", quad="VerbalCooperation",
...                date="2024-04-03", statuses=frozenset({"asserted"}), sources=(), docs=("a",),
...                evidence=(("a", "They spoke."),), denies=None, symmetric=True)
>>> print(network_csv(G).decode(), end="")
Source,Target,Type,Id,Label,event_type,mode,quad_class,date,statuses,sources,documents,evidence
France,Russia,Directed,e1,CONSULT 2024-04-03,CONSULT,phone,VerbalCooperation,2024-04-03,asserted,,a,They spoke.
>>> b"<graphml" in network_graphml(G)
True
"""

from __future__ import annotations

import csv
import io

import networkx as nx

__all__ = ["NETWORK_FORMATS", "network_graphml", "network_csv", "flat_network"]

#: Network export formats and their usual file extensions.
NETWORK_FORMATS: dict[str, str] = {"graphml": "graphml", "csv": "csv"}


def _join(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (set, frozenset, tuple, list)):
        items = [" | ".join(v) if isinstance(v, tuple) else str(v) for v in value]
        return "; ".join(sorted(items))
    return str(value)


def flat_network(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the actor network whose attributes are all strings (for GraphML)."""
    F = nx.MultiDiGraph()
    for n, d in sorted(G.nodes(data=True)):
        F.add_node(n, label=d.get("label") or n, kind=d.get("kind") or "", country=d.get("country") or "",
                   aliases=_join(d.get("aliases")))
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
        F.add_edge(u, v, key=k, label=f"{d['type']} {d.get('date') or ''}".strip(), type=d["type"],
                   mode=d.get("mode") or "", quad=d.get("quad") or "", date=d.get("date") or "",
                   statuses=_join(d.get("statuses")), sources=_join(d.get("sources")),
                   documents=_join(d.get("docs")), denies=d.get("denies") or "")
    return F


def network_graphml(G: nx.MultiDiGraph) -> bytes:
    """The actor network as GraphML (UTF-8)."""
    return "\n".join(nx.generate_graphml(flat_network(G))).encode("utf-8") + b"\n"


def network_csv(G: nx.MultiDiGraph) -> bytes:
    """The actor network as a Gephi edge table (CSV, one row per event)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["Source", "Target", "Type", "Id", "Label", "event_type", "mode", "quad_class", "date",
                "statuses", "sources", "documents", "evidence"])
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
        w.writerow([G.nodes[u].get("label") or u, G.nodes[v].get("label") or v, "Directed", k,
                    f"{d['type']} {d.get('date') or ''}".strip(), d["type"], d.get("mode") or "",
                    d.get("quad") or "", d.get("date") or "", _join(d.get("statuses")),
                    _join(d.get("sources")), _join(d.get("docs")),
                    _join(tuple(s for _, s in d.get("evidence", ())))])
    return buf.getvalue().encode("utf-8")
