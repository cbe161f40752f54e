"""graph.html in a real headless browser: Debian's chromium driven by Playwright.

The page must draw the expected network, make no request beyond its own file,
log no console error, and never run article text as script.  What it draws is
read back from vis-network (label boxes, circles, canvas pixels), not taken
from the Python layout.  Screenshots at 1280 x 800 go to tests/artifacts/.
"""

from __future__ import annotations

import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from browser import (PageLog, browser, circles, click_canvas, drawn_labels, open_graph,  # noqa: E402
                     overlapping_boxes, overlapping_circles)
from synthetic_network import build_store  # noqa: E402

from newskg.build import store_path  # noqa: E402
from newskg.export import write_html  # noqa: E402
from newskg.export.timeline import date_span  # noqa: E402
from newskg.graph import Store, document_graph, resolve  # noqa: E402
from newskg.graph.contacts import contact_history  # noqa: E402
from newskg.graph.network import actor_network, find_actor, pair_network  # noqa: E402
from newskg.records import Actor, Document, Event  # noqa: E402

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).parent / "artifacts"
VIEW = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


def _network(out: Path):
    with Store(store_path(out), read_only=True) as store:
        return actor_network(store)


def _events_of(G, n) -> int:
    return len({k for *_, k in G.in_edges(n, keys=True)} | {k for *_, k in G.out_edges(n, keys=True)}) + len(
        G.nodes[n]["solo_events"])


def _shown(page) -> list[int]:
    return page.evaluate("[window.newskg.nodes.get().filter(n => !n.hidden).length, window.newskg.edges.length]")


def _check_drawing(page) -> list[dict]:
    """No two drawn labels overlap and no two circles overlap; returns the labels."""
    labels = drawn_labels(page)
    assert overlapping_boxes(labels) == []
    assert overlapping_circles(circles(page)) == []
    return labels


def _set_range(page, lo: int, hi: int) -> None:
    page.evaluate("""([lo, hi]) => { for (const [id, v] of [["from", lo], ["to", hi]]) {
        const r = document.getElementById(id); r.value = v; r.dispatchEvent(new Event("input")); } }""", [lo, hi])


def _month(d: str) -> tuple[int, int]:
    start, end = date_span(d)
    last = end.toordinal() - 1
    end = date.fromordinal(last)
    return start.year * 12 + start.month - 1, end.year * 12 + end.month - 1


def _pair_index(page, a: str, b: str) -> int:
    """The page's index of the link between actors ``a`` and ``b``."""
    return page.evaluate("([a, b]) => { const d = window.newskg.data, ids = d.nodes.map(n => n.id);"
                         " return d.pairs.findIndex(p => [ids[p.a], ids[p.b]].sort().join() === [a, b].sort().join()); }",
                         [a, b])


def _panel_events(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('#panel .ev')].map(e => ({
        date: e.querySelector('.ev-date').textContent, type: e.querySelector('.ev-type').textContent,
        sentences: [...e.querySelectorAll('.sentence')].map(q => q.textContent).sort()}))""")


@pytest.mark.model
def test_example_graph_renders_offline(example_out, chromium) -> None:
    page = chromium.new_page(viewport=VIEW)
    log = PageLog(page)
    html = example_out / "graph.html"
    open_graph(page, html)
    G = _network(example_out)
    P = pair_network(G)
    with_events = [n for n in G if _events_of(G, n)]
    assert _shown(page) == [len(with_events), P.number_of_edges()]
    assert len(with_events) > 5 and P.number_of_edges() > 5
    assert page.locator("#status").inner_text() == f"{len(with_events)} actors, {P.number_of_edges()} links shown"
    labels = _check_drawing(page)
    # at this size every actor fits its label
    assert len(labels) >= len(with_events) - 2
    # filters: no event type, no link; from 2024 on, only some
    page.click("#types-none")
    assert _shown(page)[1] == 0
    page.click("#types-all")
    lo, hi = page.evaluate("[Number(document.getElementById('from').min), Number(document.getElementById('to').max)]")
    _set_range(page, 2024 * 12, hi)
    assert 0 < _shown(page)[1] < P.number_of_edges()
    _set_range(page, lo, hi)
    # a pair's contact timeline: Lecornu and Shoigu, with the gap the report names
    a, b = find_actor(G, "Lecornu"), find_actor(G, "Shoigu")
    h = contact_history(G, a, b)
    k = _pair_index(page, a, b)
    page.evaluate(f"window.newskg.openPair({k})")
    assert page.locator("#panel .timeline circle.contact").count() == sum(1 for c in h.contacts if c.date)
    gaps = page.locator("#panel .gaps li").all_inner_texts()
    assert [g.text for g in h.gaps] and all(any(g.text in t for t in gaps) for g in h.gaps)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "graph-seeds-pair.png"))
    shutil.copyfile(example_out / "figures" / "contacts.png", ARTIFACTS / "report-contacts-seeds.png")
    page.click("#panel-close")
    # search centres and highlights Shoigu and those linked to him
    page.fill("#search", "shoigu")
    page.press("#search", "Enter")
    lit = set(page.evaluate("window.newskg.nodes.get().filter(n => !n.hidden && n.opacity === 1).map(n => n.id)"))
    assert lit == {b} | set(P[b])
    assert page.locator("#panel h2").inner_text() == G.nodes[b]["label"]
    page.fill("#search", "")
    page.press("#search", "Enter")
    page.click("#panel-close")
    page.evaluate("window.newskg.network.fit()")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "graph-seeds.png"))
    assert (ARTIFACTS / "graph-seeds.png").stat().st_size > 10_000
    assert log.outside(html.resolve().as_uri()) == [], "the page made network requests"
    assert log.errors == [], log.errors
    page.close()


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A 300-actor build of synthetic records (no model): its folder, network and page."""
    out = tmp_path_factory.mktemp("big")
    with Store(store_path(out)) as store:
        build_store(store, 300)
        G = actor_network(store)
        html = write_html(store, out / "graph.html")
    return out, G, html


@pytest.fixture()
def big_page(big, chromium):
    page = chromium.new_page(viewport=VIEW)
    log = PageLog(page)
    open_graph(page, big[2])
    yield page
    assert log.outside(big[2].resolve().as_uri()) == [], "the page made network requests"
    assert log.errors == [], log.errors
    page.close()


def test_300_actors_are_legible(big, big_page) -> None:
    _, G, _ = big
    page = big_page
    assert G.number_of_nodes() == 300
    labels = _check_drawing(page)
    assert len(labels) >= 30
    # the labelled are among the 80 most connected
    counts = sorted((_events_of(G, n) for n in G), reverse=True)
    assert min(_events_of(G, lab["id"]) for lab in labels) >= counts[79]
    # labels are readable at this zoom: at least 11 px on screen
    scale = page.evaluate("window.newskg.network.getScale()")
    assert min(lab["bottom"] - lab["top"] for lab in labels) * scale >= 11
    # each circle is painted in its kind's colour exactly as the legend shows it
    pixels = page.evaluate("""() => {
      const net = window.newskg.network, canvas = document.querySelector('#net canvas');
      const ctx = canvas.getContext('2d'), ratio = canvas.width / canvas.clientWidth, out = [];
      const legend = {};
      document.querySelectorAll('#legend-kinds .sw').forEach(s => legend[s.dataset.kind] = getComputedStyle(s).backgroundColor);
      for (const n of window.newskg.data.nodes) {
        const item = window.newskg.nodes.get(n.id);
        if (item.hidden) continue;
        const b = net.body.nodes[n.id], p = net.canvasToDOM({x: b.x, y: b.y});
        if (p.x < 0 || p.y < 0 || p.x >= canvas.clientWidth || p.y >= canvas.clientHeight) continue;
        const d = ctx.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data;
        out.push([n.kind, legend[n.kind], [d[0], d[1], d[2]]]);
      }
      return out;
    }""")
    assert len(pixels) >= 250
    for kind, legend, rgb in pixels:
        want = [int(x) for x in re.findall(r"\d+", legend)[:3]]
        assert max(abs(a - b) for a, b in zip(rgb, want)) <= 3, (kind, legend, rgb)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "graph-300.png"))


def test_clicked_link_lists_its_events(big, big_page) -> None:
    _, G, _ = big
    page = big_page
    # a link of several events with a point clear of every other link and circle, to click on
    target = page.evaluate("""() => {
      const net = window.newskg.network, d = window.newskg.data, pos = id => net.body.nodes[id];
      const shown = window.newskg.edges.get(), segs = shown.map(e => [e.id, pos(e.from), pos(e.to)]);
      function dist(p, a, b) {
        const dx = b.x - a.x, dy = b.y - a.y, t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
      }
      for (const e of shown.filter(e => e.count >= 2).sort((a, b) => b.count - a.count)) {
        const a = pos(e.from), b = pos(e.to);
        // zoom in on the link, as one would to click it
        const scale = Math.min(4, 300 / Math.hypot(b.x - a.x, b.y - a.y));
        net.moveTo({position: {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}, scale: scale, animation: false});
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
          const m = {x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)};
          const clearOfEdges = segs.every(([id, p, q]) => id === e.id || dist(m, p, q) * scale > 8);
          const clearOfNodes = Object.values(net.body.nodes).every(n => n.options.hidden || (Math.hypot(n.x - m.x, n.y - m.y) - n.options.size) * scale > 8);
          if (clearOfEdges && clearOfNodes) return {id: e.id, from: e.from, to: e.to, x: m.x, y: m.y};
        }
      }
      return null;
    }""")
    assert target is not None
    click_canvas(page, target["x"], target["y"])
    panel = page.locator("#panel")
    assert panel.is_visible() and panel.get_attribute("data-id") == target["id"]
    u, v = target["from"], target["to"]
    want = []
    for a, b in ((u, v), (v, u)):
        for d in G.get_edge_data(a, b, default={}).values():
            want.append({"type": d["type"] + (f" / {d['mode']}" if d["mode"] else ""),
                         "sentences": sorted(s for _, s in d["evidence"])})
    got = _panel_events(page)
    key = lambda e: (e["type"], e["sentences"])  # noqa: E731
    assert sorted(({"type": e["type"], "sentences": e["sentences"]} for e in got), key=key) == sorted(want, key=key)
    assert len(got) >= 2
    # every listed document links to its URL
    hrefs = page.evaluate("[...document.querySelectorAll('#panel a.doc')].map(a => a.href)")
    assert hrefs and all(h.startswith("https://news.example.org/") for h in hrefs)
    page.screenshot(path=str(ARTIFACTS / "graph-300-link.png"))
    # a clicked actor lists all its events
    page.click("#panel-close")
    page.evaluate("window.newskg.network.fit({animation: false})")
    node = max(G, key=lambda n: _events_of(G, n))
    p = page.evaluate("id => { const b = window.newskg.network.body.nodes[id]; return {x: b.x, y: b.y}; }", node)
    click_canvas(page, p["x"], p["y"])
    assert panel.get_attribute("data-id") == node
    assert page.locator("#panel .ev").count() == _events_of(G, node)


def test_filters_search_and_sources_toggle(big, big_page) -> None:
    _, G, _ = big
    page = big_page
    P = pair_network(G)
    no_events = [n for n in G if not _events_of(G, n)]
    assert no_events, "the synthetic corpus has actors that are only sources"
    assert _shown(page) == [G.number_of_nodes() - len(no_events), P.number_of_edges()]
    page.check("#show-sources")
    assert _shown(page)[0] == G.number_of_nodes()
    page.wait_for_selector("body[data-label-runs='2']", state="attached")
    shown = {lab["id"] for lab in _check_drawing(page)}
    assert shown & set(no_events), "the sources shown are labelled where they fit"
    page.uncheck("#show-sources")
    page.wait_for_selector("body[data-label-runs='3']", state="attached")
    assert not {lab["id"] for lab in _check_drawing(page)} & set(no_events)
    # type filters
    page.click("#types-none")
    assert _shown(page)[1] == 0
    page.check("#types input[value=CONSULT]")
    assert _shown(page)[1] == sum(1 for *_, d in P.edges(data=True) if d["types"].get("CONSULT"))
    page.click("#types-all")
    # the date range: a pair shows when one of its events falls in the months chosen
    lo, hi = 2018 * 12 + 3, 2019 * 12 + 8
    _set_range(page, lo, hi)

    def in_range(d):
        if not d["date"]:
            return True
        a, b = _month(d["date"])
        return b >= lo and a <= hi
    want = {frozenset((u, v)) for u, v, d in G.edges(data=True) if in_range(d)}
    assert 0 < _shown(page)[1] == len(want) < P.number_of_edges()
    assert page.locator("#from-label").inner_text() == "Apr 2018"
    _set_range(page, 0, 10**6)
    # search: the actor goes to the middle of the free canvas, it and its partners lit, the rest dimmed
    node = max(G, key=lambda n: (len(P[n]), n))
    page.fill("#search", G.nodes[node]["label"].upper())
    page.press("#search", "Enter")
    lit = set(page.evaluate("window.newskg.nodes.get().filter(n => !n.hidden && n.opacity === 1).map(n => n.id)"))
    assert lit == {node} | set(P[node])
    where = page.evaluate("""id => { const net = window.newskg.network, b = net.body.nodes[id];
        return [net.canvasToDOM({x: b.x, y: b.y}), document.querySelector('#net').clientWidth,
                document.querySelector('#net').clientHeight, document.getElementById('panel').offsetWidth]; }""", node)
    (p, width, height, panel) = where
    assert abs(p["x"] - (width - panel) / 2) < 3 and abs(p["y"] - height / 2) < 3
    assert page.locator("#panel").get_attribute("data-id") == node
    page.fill("#search", "")
    page.press("#search", "Enter")
    assert page.evaluate("window.newskg.nodes.get().filter(n => !n.hidden && n.opacity < 1).length") == 0


def test_pair_panel_draws_the_contact_timeline(tiny_out, chromium) -> None:
    with Store(store_path(tiny_out)) as store:
        html = write_html(store, tiny_out / "graph.html")
        G = actor_network(store)
    a, b = find_actor(G, "Lecornu"), find_actor(G, "Shoigu")
    page = chromium.new_page(viewport=VIEW)
    log = PageLog(page)
    open_graph(page, html)
    k = _pair_index(page, a, b)
    page.evaluate(f"window.newskg.openPair({k})")
    assert page.locator("#panel .timeline circle.contact").count() == 2
    assert page.locator("#panel .timeline .gap-label").all_text_contents() == ["18 mo"]
    ticks = page.evaluate("[...document.querySelectorAll('#panel .timeline text.tick')].map(t => {"
                          " const r = t.getBoundingClientRect(); return {id: t.textContent, left: r.left, right: r.right,"
                          " top: r.top, bottom: r.bottom}; })")
    assert len(ticks) >= 2 and overlapping_boxes(ticks) == []
    assert "first contact since October 2022" in page.locator("#panel .gaps").inner_text()
    # the call of 3 April 2024 is one event reported by both documents, each mention with its own sentence
    events = _panel_events(page)
    call = next(e for e in events if e["date"] == "3 April 2024")
    assert call["sentences"] == ["Lecornu phoned Shoigu on Wednesday.", "Shoigu and Lecornu spoke on April 3."]
    assert "Daily <Two>" in page.locator("#panel").inner_text()
    # a source that is an actor of the graph opens that actor's panel: Russia, who claims France offered talks
    fr, ru = find_actor(G, "France"), find_actor(G, "Russia")
    page.evaluate(f"window.newskg.openPair({_pair_index(page, fr, ru)})")
    page.click("#panel .actor-link:text-is('Russia')")
    assert page.locator("#panel").get_attribute("data-id") == ru
    assert log.errors == [], log.errors
    page.close()


def test_script_in_actor_names_and_text_never_runs(tmp_path, chromium) -> None:
    evil = '<script>window.__pwned = 1; alert("x")</script><img src=x onerror="window.__pwned=2">'
    a = Actor(evil, kind="person", country="FRA", aliases=('"><svg onload=alert(3)>',))
    b = Actor("Plain Name </script><script>window.__pwned=4</script>", kind="organization")
    doc = Document('id"><script>alert(5)</script>', f"{evil} met Plain Name.", date(2024, 4, 4),
                   outlet="<b onmouseover=alert(6)>Outlet</b>", url="javascript:window.__pwned=8",
                   title='<img src=x onerror="window.__pwned=9">')
    src = Actor("Source <iframe src=javascript:alert(7)>", kind="organization")
    ev = Event(doc.id, doc.text, 0, len(doc.text), a, "CONSULT", "visit", b, "2024-04-03", source=src)
    with Store(store_path(tmp_path)) as store:
        store.replace_document(document_graph(doc, [ev]))
        resolve(store)
        html = write_html(store, tmp_path / "graph.html")
    page = chromium.new_page()
    log = PageLog(page)
    open_graph(page, html)
    page.check("#show-sources")
    # hover every node so that tooltips and hover labels are built from the hostile text
    box = page.locator("#net canvas").bounding_box()
    for pos in page.evaluate("Object.values(Object.fromEntries(Object.entries(window.newskg.network.getPositions())"
                             ".map(([k, p]) => [k, window.newskg.network.canvasToDOM(p)])))"):
        page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
        page.wait_for_timeout(300)
    # open every actor's and the link's side panel, and search for the hostile name
    for i in range(page.evaluate("window.newskg.data.nodes.length")):
        page.evaluate(f"window.newskg.openNode({i})")
    page.evaluate("window.newskg.openPair(0)")
    assert evil in page.locator("#panel").inner_text()
    page.fill("#search", "<script>")
    page.press("#search", "Enter")
    assert page.evaluate("window.__pwned === undefined")
    assert log.dialogs == []
    assert page.evaluate("window.newskg.nodes.get().map(n => n.label).filter(Boolean).length") >= 2
    assert sorted(page.evaluate("window.newskg.data.nodes.map(n => n.label)")) == sorted([evil, b.name, src.name])
    assert page.evaluate("document.querySelectorAll('img[src=x], svg[onload], iframe, b[onmouseover]').length") == 0
    assert page.evaluate("document.querySelectorAll('a[href^=javascript], #panel a').length") == 0
    assert log.outside(html.resolve().as_uri()) == []
    assert log.errors == [], log.errors
    page.close()
