"""Headless Debian Chromium driven by Playwright, for the HTML tests and the viz benchmark."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    """Debian's chromium, installed by `make test`."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise RuntimeError("chromium is missing: `make test` installs Debian's chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class PageLog:
    """Every request a page makes, its console errors and uncaught exceptions."""

    def __init__(self, page) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def on_dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()
        page.on("dialog", on_dialog)

    def outside(self, page_url: str) -> list[str]:
        return [u for u in self.requests if u != page_url and not u.startswith(("data:", "blob:"))]


def open_graph(page, path: Path, timeout_ms: int = 30000) -> None:
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("body[data-drawn]", state="attached", timeout=timeout_ms)


# What vis-network has drawn, read from the network itself (canvas coordinates): the labels it draws
# (a label is skipped when its font is below the draw threshold at the current zoom) and every circle.
DRAWN_LABELS_JS = """() => {
  const net = window.newskg.network, scale = net.getScale(), out = [];
  for (const n of window.newskg.nodes.get()) {
    const body = net.body.nodes[n.id];
    if (n.hidden || body.options.label === undefined || body.options.label === "") continue;
    const lab = body.labelModule, threshold = body.options.scaling.label.drawThreshold;
    if (lab.fontOptions.size * scale < threshold - 1) continue;
    out.push({id: n.id, text: body.options.label, left: lab.size.left, top: lab.size.top,
              right: lab.size.left + lab.size.width, bottom: lab.size.top + lab.size.height});
  }
  return out;
}"""
CIRCLES_JS = """() => window.newskg.nodes.get().filter(n => !n.hidden).map(n => {
  const b = window.newskg.network.body.nodes[n.id];
  return {id: n.id, x: b.x, y: b.y, r: b.options.size};
})"""


def drawn_labels(page) -> list[dict]:
    """The node labels vis-network draws, with their boxes in canvas coordinates."""
    return page.evaluate(DRAWN_LABELS_JS)


def circles(page) -> list[dict]:
    """Every visible node's centre and radius in canvas coordinates."""
    return page.evaluate(CIRCLES_JS)


def overlapping_boxes(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of boxes (left, top, right, bottom) that overlap."""
    boxes = sorted(boxes, key=lambda b: b["left"])
    out = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b["left"] >= a["right"]:
                break
            if a["top"] < b["bottom"] and b["top"] < a["bottom"]:
                out.append((a["id"], b["id"]))
    return out


def overlapping_circles(cs: list[dict]) -> list[tuple[str, str]]:
    """Pairs of circles whose centres are closer than the sum of their radii."""
    cs = sorted(cs, key=lambda c: c["x"])
    reach = 2 * max((c["r"] for c in cs), default=0)
    out = []
    for i, a in enumerate(cs):
        for b in cs[i + 1:]:
            if b["x"] - a["x"] > reach:
                break
            if ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5 < a["r"] + b["r"]:
                out.append((a["id"], b["id"]))
    return out


def click_canvas(page, x: float, y: float) -> None:
    """Click the network at a point in canvas coordinates."""
    dom = page.evaluate("([x, y]) => window.newskg.network.canvasToDOM({x, y})", [x, y])
    box = page.locator("#net canvas").bounding_box()
    page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])
