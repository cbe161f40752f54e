"""HTML benchmark: write, then open in headless Chromium until drawn, a 2,000-node / 5,000-edge network.

Prints medians of several runs of: building and writing ``graph.html``
(``render_html``: layout, JSON, template) and opening it in Debian's
chromium (Playwright) until vis-network has drawn it (``body[data-drawn]``).
Target: under 3 s to draw.

Usage: python bench/bench_viz.py [--nodes 2000] [--edges 5000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import networkx as nx  # noqa: E402

from browser import PageLog, browser, open_graph  # noqa: E402
from newskg.export.html import render_html  # noqa: E402
from newskg.fileio import atomic_write  # noqa: E402
from newskg.ontology import quad_class  # noqa: E402

TYPES = ["CONSULT", "AGREE", "SUPPORT", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "ASSAULT", "AID", "REQUEST"]


def network(n_nodes: int, n_edges: int, seed: int = 3) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    kinds = ["person", "person", "state", "organization", "group"]
    for i in range(n_nodes):
        G.add_node(f"n{i}", label=f"Actor {i}", kind=kinds[i % 5], country=f"C{i % 60:02d}", aliases=set(),
                   solo_events={})
    nodes = list(G)
    pairs: set[frozenset] = set()
    k = 0
    while len(pairs) < n_edges:  # distinct pairs, so that every event is one drawn link
        # preferential attachment-ish: a few hubs, a long tail
        u = nodes[int(rng.paretovariate(1.2)) % n_nodes]
        v = rng.choice(nodes)
        if u == v or frozenset((u, v)) in pairs:
            continue
        pairs.add(frozenset((u, v)))
        k += 1
        t = rng.choice(TYPES)
        G.add_edge(u, v, key=f"e{k}", type=t, mode=None, quad=quad_class(t),
                   date=f"{rng.randrange(2015, 2025)}-{rng.randrange(1, 13):02d}", statuses=frozenset({"asserted"}),
                   sources=("Outlet",), docs=(f"d{k}",), evidence=((f"d{k}", f"Actor {u} did {t} to {v}."),),
                   denies=None, symmetric=t == "CONSULT")
    return G


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--edges", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    G = network(args.nodes, args.edges)
    path = Path(tempfile.mkdtemp(prefix="newskg-bench-viz-")) / "graph.html"
    writes, draws = [], []
    for _ in range(args.runs):
        t = time.perf_counter()
        page_html = render_html(G)
        with atomic_write(path) as f:
            f.write(page_html)
        writes.append(time.perf_counter() - t)
    with browser() as b:
        for _ in range(args.runs):
            page = b.new_page(viewport={"width": 1400, "height": 900})
            log = PageLog(page)
            t = time.perf_counter()
            open_graph(page, path, timeout_ms=120_000)
            draws.append(time.perf_counter() - t)
            shown = page.evaluate("[window.newskg.nodes.length, window.newskg.edges.length]")
            outside = log.outside(path.resolve().as_uri())
            page.close()
    print(f"network: {G.number_of_nodes()} nodes, {G.number_of_edges()} events -> {shown[1]} pair links drawn "
          f"({shown[0]} nodes); page {path.stat().st_size / 1e6:.1f} MB; requests outside the page: {len(outside)}")
    print(f"write graph.html: median {statistics.median(writes):.2f} s of {args.runs} "
          f"(min {min(writes):.2f}, max {max(writes):.2f})")
    print(f"open until drawn in headless chromium: median {statistics.median(draws):.2f} s of {args.runs} "
          f"(min {min(draws):.2f}, max {max(draws):.2f}); target < 3 s")


if __name__ == "__main__":
    main()
