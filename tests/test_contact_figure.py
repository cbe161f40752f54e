"""The report's contact figure: each pair on one date axis, gaps marked, no label running into another."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from synthetic_network import build_store  # noqa: E402

from newskg.build import store_path  # noqa: E402
from newskg.export.report import write_report  # noqa: E402
from newskg.export.timeline import contact_figure, gap_label  # noqa: E402
from newskg.graph import Store  # noqa: E402
from newskg.graph.contacts import contact_history  # noqa: E402
from newskg.graph.network import actor_network, pair_network  # noqa: E402


def _boxes(fig, texts):
    renderer = fig.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in texts if t.get_text() and t.get_visible()]


def _overlap(boxes) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes) if i < j and a.overlaps(b)]


@pytest.fixture(scope="module")
def histories():
    """The ten pairs with most contacts of a synthetic corpus with many contacts per pair."""
    with Store(None) as store:
        build_store(store, 60, events_per_actor=12)
        G = actor_network(store)
    P = pair_network(G)
    pairs = sorted((e for e in P.edges(data=True) if e[0] != e[1] and e[2]["types"].get("CONSULT")),
                   key=lambda e: (-e[2]["types"]["CONSULT"], e[0], e[1]))[:10]
    return [contact_history(G, u, v) for u, v, _ in pairs]


@pytest.mark.parametrize("width", [4.0, 6.0, 9.0])
def test_date_labels_and_gap_labels_stand_apart(histories, width) -> None:
    assert sum(len(h.gaps) for h in histories) >= 10
    fig = contact_figure(histories, width=width)
    ax = fig.axes[0]
    ticks = _boxes(fig, ax.get_xticklabels())
    assert len(ticks) >= 3 and _overlap(ticks) == []
    gaps = [t for t in ax.texts if t.get_text() in {gap_label(g.days) for h in histories for g in h.gaps}]
    assert gaps, "some gaps are labelled"
    assert _overlap(_boxes(fig, gaps) + ticks) == []
    # every pair is a row, named by its two actors
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"{h.a} – {h.b}" for h in histories]
    # the longest gap of each pair with gaps is drawn in red
    red = [line for line in ax.lines if line.get_color() == "#e15759"]
    assert len(red) >= sum(1 for h in histories if h.gaps)


def test_report_figure_of_the_two_ministers(tiny_out, tmp_path) -> None:
    with Store(store_path(tiny_out), read_only=True) as store:
        G = actor_network(store)
        write_report(store, tmp_path)
    assert (tmp_path / "figures" / "contacts.png").read_bytes()[:4] == b"\x89PNG"
    h = contact_history(G, "Lecornu", "Shoigu")
    fig = contact_figure([h])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == ["18 mo"]
    # October 2022 is a month: drawn as a bar over the month, the call of 3 April 2024 as a dot
    bars = [line for line in ax.lines if line.get_linewidth() == 6]
    assert len(bars) == 1
    assert contact_figure([contact_history(G, "France", "Russia")]) is None  # no dated contact
