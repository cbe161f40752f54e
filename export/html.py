"""Interactive HTML of the actor network that opens fully offline.

The page inlines vis-network (from the pyvis package's own files), so no
request leaves it.  Positions come from :func:`newskg.export.layout.community_layout`
(seeded: the same graph gives the same page) and physics stays off.  An
actor's circle grows with its number of events and is coloured by its kind;
the page labels the most connected actors whose labels fit without touching
another, the rest on hover.  Each pair of actors is one link, as wide as its
number of events and coloured by their most frequent quad class.  Clicking an
actor or a link opens a side panel with its events and their mentions (date,
type and mode, status, source, sentence, document and URL) and, for a pair
with contacts, their timeline.  Actors that are only ever sources are hidden
behind a toggle.

All text reaches the page as JSON inside a ``<script type="application/json">``
block with ``<``, ``>`` and ``&`` escaped, and the page puts it in the DOM
with ``textContent``: article text never runs as script.  Only http(s) URLs
become links.

>>> safe_json({"label": "</script><script>alert(1)</script>"})
'{"label": "\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import html
import json
import math
from importlib import resources
from pathlib import Path
from string import Template

import networkx as nx

from ..fileio import atomic_write
from ..graph.contacts import pair_history
from ..graph.network import actor_network, pair_network
from .evidence import Evidence, evidence, evidence_from_network
from .layout import community_layout, label_box, make_room, node_radius
from .timeline import MODE_COLORS, timeline_data

__all__ = ["write_html", "render_html", "save_html", "page_data", "safe_json", "KIND_COLORS", "QUAD_COLORS"]

KIND_COLORS = {"state": "#4e79a7", "person": "#f28e2b", "organization": "#59a14f", "group": "#b07aa1"}
QUAD_COLORS = {"VerbalCooperation": "#76b7b2", "MaterialCooperation": "#2e7d32",
               "VerbalConflict": "#e0b400", "MaterialConflict": "#e15759"}
_UNKNOWN_KIND = "#999999"
_SENTENCE_CHARS = 600
_CANVAS = (1000, 720)  # the network's part of a 1280 x 800 window


def safe_json(obj) -> str:
    """JSON that is safe inside a ``<script>`` element."""
    return (json.dumps(obj, ensure_ascii=False, sort_keys=True)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _asset(package: str, *path: str) -> str:
    return resources.files(package).joinpath(*path).read_text(encoding="utf-8")


def _event_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    """Events per actor, as actor or recipient, with those without a recipient."""
    return {n: len({k for *_, k in G.in_edges(n, keys=True)} | {k for *_, k in G.out_edges(n, keys=True)})
            + len(d.get("solo_events", {})) for n, d in G.nodes(data=True)}


def _label_font(pos: dict[str, tuple[float, float]], radius: dict[str, float]) -> float:
    """The label size (pixels at zoom 1) that shows as about 13 px once the picture fits a 1000 x 720 canvas."""
    if not pos:
        return 13.0
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    pad = 2 * max(radius.values())
    scale = min(1.0, _CANVAS[0] / (max(xs) - min(xs) + pad), _CANVAS[1] / (max(ys) - min(ys) + pad))
    return round(min(60.0, max(13.0, 13.0 / scale)), 1)


def _positions(P: nx.Graph, counts: dict[str, int], rank: dict[str, int],
               ) -> tuple[dict[str, tuple[float, float]], dict[str, float], float, int]:
    """Positions, radii, label size and the number of labels room is made for: actors with events by the
    community layout, with room for the labels of the most connected, the others (sources only) in rows
    below them."""
    radius = {n: node_radius(counts[n]) for n in P}
    active = [n for n in P if counts[n]]
    pos = dict(community_layout(P.subgraph(active), radius).positions)
    font = _label_font(pos, radius)
    k = len(active) if len(active) <= 40 else max(40, min(120, len(active) // 6))
    top = sorted(active, key=rank.__getitem__)[:k]
    # vis-network draws a label font / 2 + 4 pixels under its circle
    pos = make_room(pos, radius, {n: label_box(P.nodes[n].get("label") or n, font) for n in top}, below=font / 2 + 3)
    rest = sorted((n for n in P if not counts[n]), key=lambda n: (P.nodes[n].get("label") or n, n))
    if rest:
        xs = [x for x, _ in pos.values()] or [0.0]
        bottom = max((y for _, y in pos.values()), default=0.0) + 80
        per_row = max(4, int(math.sqrt(len(rest) * 3)))
        step = max(150.0, (max(xs) - min(xs)) / per_row)
        left = (min(xs) + max(xs)) / 2 - step * (min(per_row, len(rest)) - 1) / 2
        for i, n in enumerate(rest):
            pos[n] = (round(left + (i % per_row) * step, 2), round(bottom + (i // per_row) * 50, 2))
    return pos, radius, font, k


class _Events:
    """The page's list of events with their mentions, and the documents they cite, numbered as they come."""

    def __init__(self, G: nx.MultiDiGraph, evidence_of: Evidence, index: dict[str, int]) -> None:
        self.G, self.evidence_of, self.index = G, evidence_of, index
        self.items: list[dict] = []
        self.docs: dict[str, int] = {}
        self.of_key: dict[str, int] = {}

    def add(self, key: str, d: dict, a: str, b: str | None) -> int:
        mentions = []
        for m in self.evidence_of.mentions.get(key, ()):
            src = m.source
            mentions.append({"doc": self.docs.setdefault(m.doc, len(self.docs)), "status": m.status,
                             "source": (self.G.nodes[src].get("label") or src) if src in self.G else src,
                             "sourceNode": self.index.get(src) if src else None,
                             "sentence": m.sentence[:_SENTENCE_CHARS]})
        self.of_key[key] = len(self.items)
        self.items.append({"type": d["type"], "mode": d.get("mode"), "quad": d["quad"], "date": d.get("date"),
                           "a": self.index[a], "b": None if b is None else self.index[b],
                           "statuses": sorted(d.get("statuses", ())), "symmetric": bool(d.get("symmetric")),
                           "mentions": mentions})
        return self.of_key[key]

    def doc_list(self) -> list[dict]:
        out = []
        for doc in sorted(self.docs, key=self.docs.__getitem__):
            a = self.evidence_of.articles.get(doc)
            out.append({"id": doc, "url": a and a.url, "outlet": a and a.outlet, "title": a and a.title,
                        "published": a and a.published})
        return out


def _by_date(item: tuple) -> tuple:
    return (item[-1].get("date") or "~", item[-1]["type"], item[-2])


def _pair_timeline(G: nx.MultiDiGraph, u: str, v: str, events: _Events) -> dict:
    """The contact timeline of one pair, from a graph of the pair alone (fast for any size of network)."""
    timeline = timeline_data(pair_history(G, u, v))
    for c in timeline["contacts"]:
        c["event"] = events.of_key[c["event"]]
    return timeline


def page_data(G: nx.MultiDiGraph, evidence_of: Evidence | None = None) -> dict:
    """Everything the page draws, as plain JSON-ready values.

    ``nodes`` (positions in pixels at zoom 1, radius, event count, label rank and
    the indices of their events), ``pairs`` (one per linked pair, with its events
    and contact timeline), ``events`` (with their mentions) and ``docs``.
    """
    P = pair_network(G)
    counts = _event_counts(G)
    rank = {n: i for i, n in enumerate(sorted(G, key=lambda n: (-counts[n], G.nodes[n].get("label") or n, n)))}
    pos, radius, font, n_labels = _positions(P, counts, rank)
    order = sorted(G, key=lambda n: (G.nodes[n].get("label") or n, n))
    index = {n: i for i, n in enumerate(order)}
    events = _Events(G, evidence_of or evidence_from_network(G), index)
    of_node: dict[str, list[int]] = {n: [] for n in G}
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=_by_date):
        i = events.add(k, d, u, v)
        of_node[u].append(i)
        if v != u:
            of_node[v].append(i)
    for n in order:
        for k, d in sorted(G.nodes[n].get("solo_events", {}).items(), key=_by_date):
            of_node[n].append(events.add(k, d, n, None))
    nodes = []
    for n in order:
        d = G.nodes[n]
        nodes.append({"id": n, "label": d.get("label") or n, "kind": d.get("kind", ""), "country": d.get("country"),
                      "aliases": sorted(d.get("aliases", ())), "x": pos[n][0], "y": pos[n][1], "r": radius[n],
                      "n": counts[n], "rank": rank[n],
                      "events": sorted(of_node[n], key=lambda i: (events.items[i]["date"] or "~", i))})
    pairs = [{"a": index[u], "b": index[v], "events": sorted(events.of_key[k] for k in d["events"]),
              "timeline": _pair_timeline(G, u, v, events) if d["types"].get("CONSULT") and u != v else None}
             for u, v, d in sorted(P.edges(data=True), key=lambda e: (index[e[0]], index[e[1]]))]
    return {"nodes": nodes, "pairs": pairs, "events": events.items, "docs": events.doc_list(),
            "types": sorted({e["type"] for e in events.items}), "kindColors": KIND_COLORS, "quadColors": QUAD_COLORS,
            "unknownKindColor": _UNKNOWN_KIND, "modeColors": {k or "": v for k, v in MODE_COLORS.items()},
            "labelFont": font, "labelCandidates": round(1.5 * n_labels)}


def render_html(G: nx.MultiDiGraph, *, title: str = "newskg actor network", max_nodes: int = 2000,
                evidence_of: Evidence | None = None) -> str:
    """The HTML page for an actor network.

    Larger networks keep their ``max_nodes`` most connected actors (the title
    says so).  ``evidence_of`` (from :func:`newskg.export.evidence.evidence`)
    gives each mention its own status, source and document URL; without it
    the page lists the network's own sentences.
    """
    if G.number_of_nodes() > max_nodes:
        keep = sorted(G, key=lambda n: (-G.degree(n), n))[:max_nodes]
        title = f"{title} (the {max_nodes} most connected of {G.number_of_nodes()} actors)"
        G = G.subgraph(keep)
    data = page_data(G, evidence_of)
    template = Template(_asset(__package__, "templates", "graph.html"))
    return template.substitute(
        title=html.escape(title), data=safe_json(data),
        page_js=_asset(__package__, "templates", "graph.js").replace("</script", "<\\/script"),
        page_css=_asset(__package__, "templates", "graph.css").replace("</style", "<\\/style"),
        vis_js=_asset("pyvis", "lib", "vis-9.1.2", "vis-network.min.js").replace("</script", "<\\/script"),
        vis_css=_asset("pyvis", "lib", "vis-9.1.2", "vis-network.css").replace("</style", "<\\/style"))


def write_html(store, path: str | Path, *, title: str = "newskg actor network",
               network: nx.MultiDiGraph | None = None) -> Path:
    """Write the interactive HTML of the store's actor network to ``path`` (atomically).

    ``network`` is the store's :func:`~newskg.graph.network.actor_network` when the caller has it already
    (``build`` reads it once for the page and the report); it is read only.
    """
    G = actor_network(store) if network is None else network
    return save_html(render_html(G, title=title, evidence_of=evidence(store)), path)


def save_html(page: str, path: str | Path) -> Path:
    """Write a page :func:`render_html` made to ``path`` (atomically); return the path."""
    path = Path(path)
    with atomic_write(path) as f:
        f.write(page)
    return path
