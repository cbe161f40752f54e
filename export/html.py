"""Interactive HTML of the actor network that opens fully offline.

The page inlines vis-network (from the pyvis package's own files), so no
request leaves it.  Positions are precomputed with a seeded networkx layout
and physics stays off for large graphs, so the layout is stable and appears
at once.  Repeated events of a pair collapse into one weighted edge whose
tooltip lists the events.  All text reaches the page as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&``
escaped, and the page builds tooltips with ``textContent``: article text never
runs as script.

>>> safe_json({"label": "</script><script>alert(1)</script>"})
'{"label": "\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path
from string import Template

import networkx as nx

from ..fileio import atomic_write
from ..graph.network import actor_network, pair_network

__all__ = ["write_html", "render_html", "layout", "safe_json", "KIND_COLORS", "QUAD_COLORS"]

KIND_COLORS = {"state": "#4e79a7", "person": "#f28e2b", "organization": "#59a14f", "group": "#b07aa1"}
QUAD_COLORS = {"VerbalCooperation": "#76b7b2", "MaterialCooperation": "#2e7d32",
               "VerbalConflict": "#edc948", "MaterialConflict": "#e15759"}
_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
            "#bcbd22", "#17becf"]


def safe_json(obj) -> str:
    """JSON that is safe inside a ``<script>`` element."""
    return (json.dumps(obj, ensure_ascii=False, sort_keys=True)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _vis_asset(name: str) -> str:
    return resources.files("pyvis").joinpath("lib", "vis-9.1.2", name).read_text(encoding="utf-8")


def _country_color(country: str | None) -> str:
    if not country:
        return "#cccccc"
    return _PALETTE[sum(map(ord, country)) % len(_PALETTE)]


def layout(P: nx.Graph) -> dict[str, tuple[float, float]]:
    """Seeded, stable positions in pixels: the linked actors by a spring layout scaled to their number,
    the actors without links (sources only) in rows below them.

    >>> pos = layout(nx.Graph([("a", "b")]))
    >>> sorted(pos) == ["a", "b"] and pos == layout(nx.Graph([("a", "b")]))
    True
    """
    linked = [n for n in P if P.degree(n) > 0]
    alone = sorted(n for n in P if P.degree(n) == 0)
    scale = 150 * max(1.0, len(linked) ** 0.5)
    pos: dict[str, tuple[float, float]] = {}
    if linked:
        sub = P.subgraph(linked)
        raw = nx.spring_layout(sub, seed=7, iterations=50 if len(sub) < 500 else 15, scale=scale)
        pos = {n: (float(x), float(y)) for n, (x, y) in raw.items()}
    per_row = max(4, int(len(alone) ** 0.5) + 1)
    for i, n in enumerate(alone):
        pos[n] = (-scale + (i % per_row) * (2 * scale / max(1, per_row - 1)), scale * 1.25 + (i // per_row) * 60)
    return pos


def render_html(G: nx.MultiDiGraph, *, title: str = "newskg actor network", max_nodes: int = 2000,
                max_events_per_link: int = 50) -> str:
    """The HTML page for an actor network.

    Larger networks keep their ``max_nodes`` most connected actors (the title
    says so); a link's tooltip lists at most ``max_events_per_link`` events.
    """
    if G.number_of_nodes() > max_nodes:
        keep = sorted(G, key=lambda n: (-G.degree(n), n))[:max_nodes]
        title = f"{title} (the {max_nodes} most connected of {G.number_of_nodes()} actors)"
        G = G.subgraph(keep)
    P = pair_network(G)
    pos = layout(P)
    nodes = []
    for n, d in sorted(G.nodes(data=True)):
        x, y = pos.get(n, (0.0, 0.0))
        nodes.append({"id": n, "label": d.get("label") or n, "kind": d.get("kind", ""),
                      "country": d.get("country"), "aliases": sorted(d.get("aliases", ())),
                      "color": KIND_COLORS.get(d.get("kind"), "#999999"), "border": _country_color(d.get("country")),
                      "x": round(float(x), 2), "y": round(float(y), 2), "degree": P.degree(n)})
    edges = []
    for k, (u, v, d) in enumerate(sorted(P.edges(data=True), key=lambda e: (e[0], e[1]))):
        events = []
        for key in sorted(d["events"]):
            for a, b in ((u, v), (v, u)):
                if G.has_edge(a, b, key):
                    ed = G.edges[a, b, key]
                    events.append({"type": ed["type"], "mode": ed.get("mode"), "quad": ed["quad"],
                                   "date": ed.get("date"), "status": ", ".join(sorted(ed.get("statuses", ()))),
                                   "sources": list(ed.get("sources", ())), "docs": list(ed.get("docs", ())),
                                   "evidence": " / ".join(s for _, s in ed.get("evidence", ()))[:600],
                                   "symmetric": ed.get("symmetric", False)})
                    break
        events.sort(key=lambda e: (e["date"] or "", e["type"]))
        events = events[-max_events_per_link:]
        edges.append({"id": f"p{k}", "from": u, "to": v, "fromLabel": P.nodes[u].get("label", u),
                      "toLabel": P.nodes[v].get("label", v), "events": events})
    types = sorted({e["type"] for edge in edges for e in edge["events"]})
    data = {"nodes": nodes, "edges": edges, "types": types, "kindColors": KIND_COLORS, "quadColors": QUAD_COLORS,
            "physics": False}
    template = Template(resources.files(__package__).joinpath("templates", "graph.html").read_text(encoding="utf-8"))
    return template.substitute(title=html.escape(title), data=safe_json(data),
                               vis_js=_vis_asset("vis-network.min.js").replace("</script", "<\\/script"),
                               vis_css=_vis_asset("vis-network.css").replace("</style", "<\\/style"))


def write_html(store, path: str | Path, *, title: str = "newskg actor network") -> Path:
    """Write the interactive HTML of the store's actor network to ``path`` (atomically)."""
    path = Path(path)
    page = render_html(actor_network(store), title=title)
    with atomic_write(path) as f:
        f.write(page)
    return path
