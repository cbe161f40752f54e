"""HTML benchmark: write, then open in headless Chromium until drawn, actor networks of a few sizes.

For each size (default 300 actors / 600 events, 1,000 / 2,500 and
2,000 / 5,000, every event a distinct pair) it prints medians of several runs
of: the page's data (``page_data``: the community layout, room for labels,
contact timelines), building and writing the whole ``graph.html``
(``render_html``), and opening it in Debian's chromium (Playwright) until
vis-network has drawn it and chosen its labels (``body[data-drawn]``).
Target: under 3 s to draw 2,000 actors.

Usage: python bench/bench_viz.py [--sizes 300:600,1000:2500,2000:5000] [--runs 5]
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
from newskg.export.html import page_data, render_html  # noqa: E402
from newskg.fileio import atomic_write  # noqa: E402
from newskg.graph.network import pair_network  # noqa: E402
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


def _measure(b, n_nodes: int, n_edges: int, runs: int) -> None:
    G = network(n_nodes, n_edges)
    path = Path(tempfile.mkdtemp(prefix="newskg-bench-viz-")) / "graph.html"
    layouts, writes, draws = [], [], []
    P = pair_network(G)
    for _ in range(runs):
        t = time.perf_counter()
        page_data(G)
        layouts.append(time.perf_counter() - t)
        t = time.perf_counter()
        page_html = render_html(G)
        with atomic_write(path) as f:
            f.write(page_html)
        writes.append(time.perf_counter() - t)
    for _ in range(runs):
        page = b.new_page(viewport={"width": 1400, "height": 900})
        log = PageLog(page)
        t = time.perf_counter()
        open_graph(page, path, timeout_ms=120_000)
        draws.append(time.perf_counter() - t)
        shown = page.evaluate("[window.newskg.nodes.get().filter(n => !n.hidden).length, window.newskg.edges.length,"
                              " window.newskg.labelled().length]")
        outside = log.outside(path.resolve().as_uri())
        page.close()
    print(f"{G.number_of_nodes()} actors, {G.number_of_edges()} events, {P.number_of_edges()} pairs: "
          f"{shown[0]} actors and {shown[1]} links drawn, {shown[2]} labels; page {path.stat().st_size / 1e6:.1f} MB; "
          f"requests outside the page: {len(outside)}")
    for name, xs in (("  page data (layout, timelines, JSON-ready values)", layouts),
                     ("  write graph.html (all of it)", writes), ("  open until drawn in headless chromium", draws)):
        print(f"{name}: median {statistics.median(xs):.2f} s of {runs} (min {min(xs):.2f}, max {max(xs):.2f})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="300:600,1000:2500,2000:5000",
                    help="comma-separated actors:events sizes (default: %(default)s)")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    sizes = [tuple(int(x) for x in size.split(":")) for size in args.sizes.split(",")]
    with browser() as b:
        for n_nodes, n_edges in sizes:
            _measure(b, n_nodes, n_edges, args.runs)
    print("target: under 3 s to draw 2,000 actors and 5,000 links")


if __name__ == "__main__":
    main()
