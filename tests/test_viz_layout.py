"""The HTML network's data without a browser: the community layout, room for labels, per-mention evidence,
and a page that is the same for the same graph."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from synthetic_network import build_store  # noqa: E402

from newskg.build import store_path  # noqa: E402
from newskg.export.evidence import evidence  # noqa: E402
from newskg.export.html import page_data, render_html  # noqa: E402
from newskg.export.layout import GAP, community_layout, label_box, make_room, node_radius, overlaps  # noqa: E402
from newskg.graph import Store, document_graph, resolve  # noqa: E402
from newskg.graph.network import actor_network, find_actor, pair_network  # noqa: E402
from newskg.records import Actor, Document, Event  # noqa: E402


@pytest.fixture(scope="module")
def network300():
    with Store(None) as store:
        build_store(store, 300)
        return actor_network(store), evidence(store)


def _linked(G):
    P = pair_network(G)
    counts = {n: G.degree(n) + len(G.nodes[n]["solo_events"]) for n in G}
    P = P.subgraph([n for n in P if counts[n]])
    return P, {n: node_radius(counts[n]) for n in P}, counts


def test_layout_keeps_circles_apart_and_communities_together(network300) -> None:
    P, radius, _ = _linked(network300[0])
    lay = community_layout(P, radius)
    assert sorted(lay.positions) == sorted(P)
    assert overlaps(lay.positions, radius, gap=GAP - 0.5) == []
    # communities are spread apart: an actor's nearest other actor is, nearly always, of its own community
    of = {n: i for i, c in enumerate(lay.communities) for n in c}
    big = [n for n in P if len(lay.communities[of[n]]) > 1]
    same = 0
    for n in big:
        x, y = lay.positions[n]
        nearest = min((m for m in P if m != n), key=lambda m: (lay.positions[m][0] - x) ** 2 + (lay.positions[m][1] - y) ** 2)
        same += of[nearest] == of[n]
    assert same / len(big) > 0.9
    assert len([c for c in lay.communities if len(c) > 1]) >= 8


def test_make_room_clears_the_labels_of_the_most_connected(network300) -> None:
    P, radius, counts = _linked(network300[0])
    pos = community_layout(P, radius).positions
    top = sorted(P, key=lambda n: (-counts[n], n))[:48]
    font, below = 18.0, 12.0
    boxes = {n: label_box(P.nodes[n]["label"], font) for n in top}

    def covered(pos):
        rects = {}
        for n, (w, h) in boxes.items():
            x, y = pos[n]
            rects[n] = (x - w / 2, y + radius[n] + below, x + w / 2, y + radius[n] + below + h)
        bad = set()
        for n, (x0, y0, x1, y1) in rects.items():
            for m, (x, y) in pos.items():
                px, py = min(max(x, x0), x1), min(max(y, y0), y1)
                if m != n and (x - px) ** 2 + (y - py) ** 2 < radius[m] ** 2:
                    bad.add(n)
            for m, (a0, b0, a1, b1) in rects.items():
                if m != n and a0 < x1 and x0 < a1 and b0 < y1 and y0 < b1:
                    bad.add(n)
        return bad
    before = covered(pos)
    after_pos = make_room(pos, radius, boxes, below=below)
    after = covered(after_pos)
    assert len(before) > 10, "the layout alone leaves labels covered (else this test shows nothing)"
    assert len(after) <= len(top) // 4, sorted(after)
    assert overlaps(after_pos, radius, gap=GAP - 0.5) == []


def test_same_graph_gives_the_same_page_in_any_process(tmp_path) -> None:
    """Set order changes with PYTHONHASHSEED; the page must not."""
    script = (
        "import sys, hashlib; sys.path.insert(0, sys.argv[1])\n"
        "from synthetic_network import build_store\n"
        "from newskg.graph import Store\n"
        "from newskg.graph.network import actor_network\n"
        "from newskg.export.evidence import evidence\n"
        "from newskg.export.html import render_html\n"
        "with Store(None) as s:\n"
        "    build_store(s, 80)\n"
        "    page = render_html(actor_network(s), evidence_of=evidence(s))\n"
        "print(hashlib.sha256(page.encode()).hexdigest())\n")
    digests = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        res = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent)], env=env,
                             capture_output=True, text=True, check=True)
        digests.add(res.stdout.strip())
    assert len(digests) == 1


def test_evidence_keeps_each_mention_and_links_only_web_urls(tmp_path) -> None:
    fr, ru = Actor("France", kind="state", country="FRA"), Actor("Russia", kind="state", country="RUS")
    tass = Actor("TASS", kind="organization")
    a = Document("a", "France phoned Russia on Monday.", date(2024, 5, 8), url="https://example.org/a", outlet="Wire")
    b = Document("b", "Russia said France phoned it.", date(2024, 5, 9), url="javascript:alert(1)", title="T <b>")
    ev_a = Event("a", a.text, 0, len(a.text), fr, "CONSULT", "phone", ru, "2024-05-06")
    ev_b = Event("b", b.text, 0, len(b.text), fr, "CONSULT", "phone", ru, "2024-05-06", source=tass,
                 status="claimed")
    with Store(store_path(tmp_path)) as store:
        store.replace_document(document_graph(a, [ev_a]))
        store.replace_document(document_graph(b, [ev_b]))
        resolve(store)
        G = actor_network(store)
        found = evidence(store)
    (event,) = [k for *_, k in G.edges(keys=True)]
    got = [(m.doc, m.status, m.source and G.nodes[m.source]["label"], m.sentence) for m in found.mentions[event]]
    assert got == [("a", "asserted", None, a.text), ("b", "claimed", "TASS", b.text)]
    assert found.articles["a"].url == "https://example.org/a" and found.articles["a"].outlet == "Wire"
    assert found.articles["b"].url is None and found.articles["b"].title == "T <b>"
    data = page_data(G, found)
    (e,) = data["events"]
    assert [(data["docs"][m["doc"]]["id"], m["status"], m["source"]) for m in e["mentions"]] == [
        ("a", "asserted", None), ("b", "claimed", "TASS")]
    assert "javascript" not in render_html(G, evidence_of=found).split('id="newskg-data"', 1)[1].split("</script>")[0]


def test_page_data_of_the_two_ministers(tiny_out) -> None:
    with Store(store_path(tiny_out), read_only=True) as store:
        G = actor_network(store)
        data = page_data(G, evidence(store))
    ids = [n["id"] for n in data["nodes"]]
    lec, sho = find_actor(G, "Lecornu"), find_actor(G, "Shoigu")
    (pair,) = [p for p in data["pairs"] if {ids[p["a"]], ids[p["b"]]} == {lec, sho}]
    t = pair["timeline"]
    assert [c["date"] for c in t["contacts"]] == ["2022-10", "2024-04-03"]
    assert t["contacts"][0]["start"] == "2022-10-01" and t["contacts"][0]["end"] == "2022-11-01"
    assert [g["label"] for g in t["gaps"]] == ["18 mo"]
    # every event of the pair is listed once, with one mention per reporting document
    assert sorted(len(data["events"][i]["mentions"]) for i in pair["events"]) == [1, 2]
    # a node lists every event it takes part in
    node = data["nodes"][ids.index(sho)]
    assert len(node["events"]) == node["n"] == G.degree(sho) + len(G.nodes[sho]["solo_events"])


def test_network_without_a_store_still_renders() -> None:
    G = nx.MultiDiGraph()
    G.add_node("a", label="A", kind="state", country="FRA", aliases=set(), solo_events={})
    G.add_node("b", label="B", kind="person", country=None, aliases=set(), solo_events={})
    G.add_edge("a", "b", key="e1", type="ACCUSE", mode=None, quad="VerbalConflict", date="2023",
               statuses=frozenset({"asserted"}), sources=("C",), docs=("d",), evidence=(("d", "A accused B."),),
               denies=None, symmetric=False)
    data = page_data(G)
    assert data["events"][0]["mentions"] == [{"doc": 0, "status": "asserted", "source": "C", "sourceNode": None,
                                             "sentence": "A accused B."}]
    assert hashlib.sha256(render_html(G).encode()).hexdigest() == hashlib.sha256(render_html(G).encode()).hexdigest()
