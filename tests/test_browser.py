"""graph.html in a real headless browser: Debian's chromium driven by Playwright.

The page must draw the expected network, make no request beyond its own file,
log no console error, and never run article text as script.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from browser import PageLog, browser, open_graph  # noqa: E402

from newskg.build import store_path  # noqa: E402
from newskg.export import write_html  # noqa: E402
from newskg.graph import Store, document_graph, resolve  # noqa: E402
from newskg.graph.network import actor_network, pair_network  # noqa: E402
from newskg.records import Actor, Document, Event  # noqa: E402

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


def _expected(out: Path) -> tuple[int, int]:
    with Store(store_path(out), read_only=True) as store:
        G = actor_network(store)
    return G.number_of_nodes(), pair_network(G).number_of_edges()


@pytest.mark.model
def test_example_graph_renders_offline(example_out, chromium) -> None:
    page = chromium.new_page(viewport={"width": 1280, "height": 800})
    log = PageLog(page)
    html = example_out / "graph.html"
    open_graph(page, html)
    n_nodes, n_edges = _expected(example_out)
    got = page.evaluate("[window.newskg.nodes.length, window.newskg.edges.length]")
    assert got == [n_nodes, n_edges]
    assert n_nodes > 5 and n_edges > 5
    drawn = page.evaluate("window.newskg.network.getPositions().constructor === Object && "
                          "Object.keys(window.newskg.network.getPositions()).length")
    assert drawn == n_nodes
    assert page.locator("#net canvas").count() == 1
    status = page.locator("#status").inner_text()
    assert status == f"{n_nodes} actors, {n_edges} links shown"
    # filters: unchecking every event type hides every link; the search box dims non-matching actors
    for box in page.locator("#types input").all():
        box.uncheck()
    assert page.evaluate("window.newskg.edges.length") == 0
    for box in page.locator("#types input").all():
        box.check()
    page.fill("#from", "2024")
    dated_2024 = page.evaluate("window.newskg.edges.length")
    assert 0 < dated_2024 < n_edges
    page.fill("#from", "")
    page.fill("#search", "shoigu")
    dimmed = page.evaluate("window.newskg.nodes.get().filter(n => n.opacity < 1).length")
    assert dimmed == n_nodes - 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.fill("#search", "")
    page.screenshot(path=str(ARTIFACTS / "graph.png"))
    assert (ARTIFACTS / "graph.png").stat().st_size > 10_000
    assert log.outside(html.resolve().as_uri()) == [], "the page made network requests"
    assert log.errors == [], log.errors
    page.close()


def test_script_in_actor_names_and_text_never_runs(tmp_path, chromium) -> None:
    evil = '<script>window.__pwned = 1; alert("x")</script><img src=x onerror="window.__pwned=2">'
    a = Actor(evil, kind="person", country="FRA", aliases=('"><svg onload=alert(3)>',))
    b = Actor("Plain Name </script><script>window.__pwned=4</script>", kind="organization")
    doc = Document('id"><script>alert(5)</script>', f"{evil} met Plain Name.", date(2024, 4, 4),
                   outlet="<b onmouseover=alert(6)>Outlet</b>")
    src = Actor("Source <iframe src=javascript:alert(7)>", kind="organization")
    ev = Event(doc.id, doc.text, 0, len(doc.text), a, "CONSULT", "visit", b, "2024-04-03", source=src)
    with Store(store_path(tmp_path)) as store:
        store.replace_document(document_graph(doc, [ev]))
        resolve(store)
        html = write_html(store, tmp_path / "graph.html")
    page = chromium.new_page()
    log = PageLog(page)
    open_graph(page, html)
    # hover every node and the edge so that tooltips are built from the hostile text
    page.evaluate("window.newskg.network.selectNodes(window.newskg.nodes.getIds())")
    box = page.locator("#net canvas").bounding_box()
    for pos in page.evaluate("Object.values(window.newskg.network.canvasToDOM ? "
                             "Object.fromEntries(Object.entries(window.newskg.network.getPositions())"
                             ".map(([k, p]) => [k, window.newskg.network.canvasToDOM(p)])) : {})"):
        page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
        page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned === undefined")
    assert log.dialogs == []
    assert page.evaluate("window.newskg.nodes.get().map(n => n.label).sort()") == sorted([evil, b.name, src.name])
    assert page.evaluate("document.querySelectorAll('img[src=x], svg[onload], iframe').length") == 0
    assert log.outside(html.resolve().as_uri()) == []
    page.close()
