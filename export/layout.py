"""Positions for the HTML network: each community laid out on its own, then the communities packed apart.

Communities are Louvain's (seeded).  A small one is laid out by Kamada-Kawai, a
larger one (over 15 actors, where Kamada-Kawai costs seconds) by a seeded spring
layout; each is scaled to the room its actors' circles need; the communities are then pushed apart as
circles, linked ones kept near each other.  A last pass moves any two actors
whose circles overlap.  The same graph always gives the same positions.

:func:`make_room` then clears the labels of the most connected: an actor in the
way of a label goes to the nearest free place (not only as far as pushes from
its neighbours would carry it), so every label is cleared however crowded the
picture is, at the price of longer moves where it is crowded.

>>> import networkx as nx
>>> P = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
>>> lay = community_layout(P, {n: 8.0 for n in P})
>>> sorted(lay.positions) == sorted(P) and lay == community_layout(P, {n: 8.0 for n in P})
True
>>> overlaps(lay.positions, {n: 8.0 for n in P}, gap=GAP)
[]
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

__all__ = ["Layout", "community_layout", "make_room", "node_radius", "overlaps", "label_box", "GAP"]

#: Free space kept between two actors' circles, in pixels at zoom 1.
GAP = 6.0


@dataclass(frozen=True, slots=True)
class Layout:
    """Positions (pixels at zoom 1, y downwards) and the communities they were laid out by."""

    positions: dict[str, tuple[float, float]]
    communities: tuple[tuple[str, ...], ...]


def node_radius(n_events: int) -> float:
    """The radius of an actor's circle, growing with the square root of its event count.

    >>> node_radius(0), node_radius(1), node_radius(100)
    (5.0, 7.5, 30.0)
    """
    return min(30.0, 5.0 + 2.5 * math.sqrt(n_events))


def overlaps(positions: Mapping[str, tuple[float, float]], radius: Mapping[str, float], *,
             gap: float = 0.0) -> list[tuple[str, str]]:
    """The pairs of nodes whose circles come closer than ``gap`` to each other (overlap when ``gap`` is 0)."""
    ids = list(positions)
    if len(ids) < 2:
        return []
    xy = np.array([positions[n] for n in ids], dtype=float)
    r = np.array([radius[n] for n in ids], dtype=float)
    pairs = cKDTree(xy).query_pairs(2 * float(r.max()) + gap, output_type="ndarray")
    if not len(pairs):
        return []
    i, j = pairs[:, 0], pairs[:, 1]
    close = np.hypot(*(xy[i] - xy[j]).T) < r[i] + r[j] + gap - 1e-6
    return sorted((ids[a], ids[b]) for a, b in zip(i[close], j[close]))


def _canonical(P: nx.Graph) -> nx.Graph:
    """A copy of ``P`` with nodes and edges in sorted order and no self-loops: a subgraph view iterates in
    the order of a set, which changes from run to run, and Louvain and the layouts depend on the order."""
    H = nx.Graph()
    H.add_nodes_from(sorted(P))
    H.add_edges_from(sorted((min(u, v), max(u, v), {"weight": w}) for u, v, w in P.edges(data="weight", default=1)
                            if u != v))
    return H


def _communities(P: nx.Graph, seed: int) -> list[tuple[str, ...]]:
    found = nx.community.louvain_communities(P, weight="weight", seed=seed) if P.number_of_edges() else []
    placed = {n for c in found for n in c}
    found += [{n} for n in P if n not in placed]
    return sorted((tuple(sorted(c)) for c in found), key=lambda c: (-len(c), c[0]))


def _local(P: nx.Graph, members: tuple[str, ...], r: np.ndarray, seed: int) -> np.ndarray:
    """One community's positions around (0, 0), scaled so that its circles have room."""
    k = len(members)
    if k == 1:
        return np.zeros((1, 2))
    sub = _canonical(P.subgraph(members))
    if k == 2:
        raw = {members[0]: (-1.0, 0.0), members[1]: (1.0, 0.0)}
    elif k <= 15 and nx.is_connected(sub):
        raw = nx.kamada_kawai_layout(sub, weight=None)
    else:
        raw = nx.spring_layout(sub, seed=seed, iterations=60 if k < 400 else 25, weight=None)
    xy = np.array([raw[n] for n in members], dtype=float)
    xy -= xy.mean(axis=0)
    extent = np.hypot(*xy.T).max() or 1.0
    # the area k circles need with their gaps, with room for edges and labels: x3
    need = math.sqrt(3.0 * float(((2 * r + GAP) ** 2).sum()) / math.pi)
    return xy * (need / extent)


def _sum_at(index: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Rows of ``values`` summed by ``index`` into ``n`` rows (``np.add.at``, many times faster)."""
    return np.stack([np.bincount(index, values[:, 0], n), np.bincount(index, values[:, 1], n)], axis=1)


def _separate(xy: np.ndarray, r: np.ndarray, *, gap: float, rounds: int = 60) -> np.ndarray:
    """Move circles apart until no two overlap (within ``gap``), each pair by half their overlap."""
    if len(xy) < 2:
        return xy
    reach = 2 * float(r.max()) + gap
    for _ in range(rounds):
        pairs = cKDTree(xy).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        d = xy[j] - xy[i]
        dist = np.hypot(*d.T)
        over = r[i] + r[j] + gap - dist
        hit = over > 1e-6
        if not hit.any():
            break
        i, j, d, dist, over = i[hit], j[hit], d[hit], dist[hit], over[hit]
        # coincident centres: split along a fixed, index-dependent direction (deterministic)
        zero = dist < 1e-9
        d[zero] = np.stack([np.cos(i[zero] * 2.399), np.sin(i[zero] * 2.399)], axis=1)
        dist[zero] = 1.0
        push = d / dist[:, None] * (over / 2 + 0.01)[:, None]
        xy = xy + _sum_at(j, push, len(xy)) - _sum_at(i, push, len(xy))
    return xy


def _pack(radii: np.ndarray, links: np.ndarray, weights: np.ndarray, seed: int, aspect: float) -> np.ndarray:
    """Centres for circles of ``radii``: linked circles drawn together, all pulled to the middle, none overlapping.

    ``links`` are index pairs with ``weights``; the result is wider than high by about ``aspect``.
    """
    n = len(radii)
    if n == 1:
        return np.zeros((1, 2))
    rng = np.random.default_rng(seed)
    total = math.sqrt(float((radii ** 2).sum()))
    # start on a sunflower spiral, largest in the middle, so that packing is compact from the start
    k = np.arange(n)
    xy = np.stack([np.cos(k * 2.39996), np.sin(k * 2.39996)], axis=1) * (np.sqrt(k + 0.5) / math.sqrt(n))[:, None]
    xy = xy * total * 1.2 + rng.normal(scale=1e-3, size=(n, 2))
    xy[:, 0] *= math.sqrt(aspect)
    xy[:, 1] /= math.sqrt(aspect)
    stretch = np.array([1.0 / aspect, 1.0])
    for step in range(300):
        cool = 1.0 - step / 300
        # gravity towards the middle (stronger vertically, for a landscape picture) ...
        force = -xy * stretch * 0.04 * cool
        # ... and linked communities towards each other
        if len(links):
            a, b = links[:, 0], links[:, 1]
            d = xy[b] - xy[a]
            dist = np.hypot(*d.T) + 1e-9
            want = radii[a] + radii[b]
            pull = (d / dist[:, None]) * (np.clip(dist - want, 0, None) * 0.02 * np.minimum(weights, 4) * cool)[:, None]
            force += _sum_at(a, pull, n) - _sum_at(b, pull, n)
        # heavier (larger) circles move less
        xy = xy + force * (radii.mean() / radii)[:, None] ** 0.5
        xy = _separate(xy, radii, gap=0.0, rounds=3)
    return _separate(xy, radii, gap=0.0, rounds=200)


def community_layout(P: nx.Graph, radius: Mapping[str, float], *, seed: int = 7, aspect: float = 1.3) -> Layout:
    """Seeded positions for the nodes of ``P`` (undirected, ``weight`` on edges) whose circles never overlap.

    Parameters
    ----------
    P : networkx.Graph
        One edge per linked pair (self-loops are ignored).
    radius : mapping
        Each node's circle radius in pixels at zoom 1 (see :func:`node_radius`).
    seed : int
        Seeds Louvain and the spring layouts.
    aspect : float
        Width over height wanted for the whole picture.

    Returns
    -------
    Layout
    """
    if not len(P):
        return Layout({}, ())
    P = _canonical(P)
    comms = _communities(P, seed)
    local, extents = [], []
    for c in comms:
        r = np.array([radius[n] for n in c], dtype=float)
        xy = _separate(_local(P, c, r, seed), r, gap=GAP)
        local.append(xy)
        extents.append(float((np.hypot(*xy.T) + r).max()) + 2 * GAP)
    index = {n: i for i, c in enumerate(comms) for n in c}
    between: dict[tuple[int, int], float] = {}
    for u, v, w in P.edges(data="weight", default=1):
        a, b = sorted((index[u], index[v]))
        if a != b:
            between[a, b] = between.get((a, b), 0) + w
    links = np.array(sorted(between), dtype=int).reshape(-1, 2)
    weights = np.array([between[tuple(p)] for p in links], dtype=float)
    centres = _pack(np.array(extents), links, weights, seed, aspect)
    ids = [n for c in comms for n in c]
    xy = np.concatenate([centres[i] + local[i] for i in range(len(comms))])
    r = np.array([radius[n] for n in ids], dtype=float)
    xy = _separate(xy, r, gap=GAP, rounds=200)
    xy -= (xy.min(axis=0) + xy.max(axis=0)) / 2
    return Layout({n: (round(float(x), 2), round(float(y), 2)) for n, (x, y) in zip(ids, xy)}, tuple(comms))


def label_box(text: str, font: float) -> tuple[float, float]:
    """A generous estimate of a label's width and height in pixels at font size ``font`` (sans-serif).

    >>> label_box("Sergei Shoigu", 14)
    (107.9, 18.8)
    """
    return round(0.56 * font * len(text) + 6, 1), round(1.2 * font + 2, 1)


def make_room(positions: Mapping[str, tuple[float, float]], radius: Mapping[str, float],
              boxes: Mapping[str, tuple[float, float]], *, below: float = 1.0) -> dict[str, tuple[float, float]]:
    """Move actors so that the labels in ``boxes`` (width, height, centred under each circle, ``below``
    pixels under its edge) cover no circle and no other label, keeping circles ``GAP`` apart.

    Each actor that has to move goes to the nearest free place (on a grid of 2 px near where it was,
    coarser further out), so that the picture keeps its shape: first the labelled, in the order of
    ``boxes`` (an actor keeps its place unless a label or circle placed before it is in the way of its
    own), then the other actors that a label or a labelled circle covers (or that overlap an earlier
    one), the largest first.  Other actors keep their places.

    >>> pos = make_room({"a": (0, 0), "b": (0, 24)}, {"a": 8, "b": 8}, {"a": (80, 16)})
    >>> pos["a"], pos["b"][1] - pos["a"][1] >= 8 + 1 + 16 + GAP + 8   # b's circle is below a's label
    ((0.0, 0.0), True)
    """
    ids = list(positions)
    xy = np.array([positions[n] for n in ids], dtype=float).reshape(-1, 2)
    r = np.array([radius[n] for n in ids], dtype=float)
    at = {n: i for i, n in enumerate(ids)}
    lab = [at[n] for n in boxes if n in at]
    # the actors placed so far (solid) and their labels (rects) are what the next one must keep clear of
    solid = np.zeros(len(ids), dtype=bool)
    rects = np.zeros((0, 4))
    for i in lab:
        w, h = boxes[ids[i]]
        label = (float(w), float(h), r[i] + below)
        if not _fits(xy[i][None], r[i], label, xy[solid], r[solid], rects, slack=-_TOLERANCE)[0]:
            xy[i] = _nearest_free(xy[i], r[i], label, xy[solid], r[solid], rects)
        solid[i] = True
        rects = np.vstack([rects, _label_rect(xy[i][None], label)])
    movers = _covered(xy, r, solid, rects)
    solid |= ~movers
    for i in sorted(np.flatnonzero(movers), key=lambda i: (-r[i], i)):
        xy[i] = _nearest_free(xy[i], r[i], None, xy[solid], r[solid], rects)
        solid[i] = True
    return {n: (round(float(x), 2), round(float(y), 2)) for n, (x, y) in zip(ids, xy)}


#: Slack kept beyond every clearance by a moved actor, so that positions rounded to 0.01 px still keep it.
_SLACK = 0.05
#: How much closer than its clearance an actor may be and still keep its place.
_TOLERANCE = 0.5


def _label_rect(centres: np.ndarray, label: tuple[float, float, float]) -> np.ndarray:
    """The boxes (x0, y0, x1, y1) of a label (width, height, drop below the circle's centre) under ``centres``."""
    w, h, drop = label
    x, y = centres[:, 0], centres[:, 1] + drop
    return np.stack([x - w / 2, y, x + w / 2, y + h], axis=1)


def _rect_gap2(points: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """Squared distances from each of ``points`` (rows) to each of ``rects`` (columns), 0 inside."""
    dx = np.maximum(np.maximum(rects[None, :, 0] - points[:, None, 0], points[:, None, 0] - rects[None, :, 2]), 0)
    dy = np.maximum(np.maximum(rects[None, :, 1] - points[:, None, 1], points[:, None, 1] - rects[None, :, 3]), 0)
    return dx * dx + dy * dy


def _fits(cand: np.ndarray, r: float | np.ndarray, label: tuple[float, float, float] | None, cxy: np.ndarray,
          cr: np.ndarray, rects: np.ndarray, *, slack: float = _SLACK) -> np.ndarray:
    """Which candidate centres give circles of radius ``r`` (one, or one per candidate), and the label, room
    among the circles ``cxy``/``cr`` and the labels ``rects``: ``GAP`` from circles, ``GAP / 2`` between labels,
    plus ``slack``.  Each test runs only on the candidates that passed the ones before."""
    left = np.arange(len(cand))
    r = np.broadcast_to(np.asarray(r, dtype=float), (len(cand),))
    if len(rects) and len(left):
        c, need = cand[left], r[left, None] + GAP + slack
        left = left[(_rect_gap2(c, rects) >= need * need).all(axis=1)]
    if len(cr) and len(left):
        c, need = cand[left], r[left, None] + cr[None, :] + GAP + slack
        dx, dy = c[:, None, 0] - cxy[None, :, 0], c[:, None, 1] - cxy[None, :, 1]
        left = left[(dx * dx + dy * dy >= need * need).all(axis=1)]
    if label is not None and len(rects) and len(left):
        own, apart = _label_rect(cand[left], label), GAP / 2 + slack
        left = left[((own[:, None, 0] >= rects[None, :, 2] + apart) | (rects[None, :, 0] >= own[:, None, 2] + apart)
                     | (own[:, None, 1] >= rects[None, :, 3] + apart) | (rects[None, :, 1] >= own[:, None, 3] + apart)
                     ).all(axis=1)]
    if label is not None and len(cr) and len(left):
        need = cr[:, None] + GAP + slack
        left = left[(_rect_gap2(cxy, _label_rect(cand[left], label)) >= need * need).all(axis=0)]
    ok = np.zeros(len(cand), dtype=bool)
    ok[left] = True
    return ok


@functools.cache
def _rings() -> tuple[np.ndarray, ...]:
    """Offsets from a place, in rings of doubling distance (0-32, 32-64, ... px), each on a grid of 1/16 of its
    outer distance (2 px in the first) and sorted by distance, then angle: where a moved actor may go."""
    rings, inner = [], 0.0
    for k in range(13):
        outer = 32.0 * 2 ** k
        step = 2.0 if k == 0 else outer / 16
        g = np.arange(-outer, outer + step / 2, step)
        grid = np.stack(np.meshgrid(g, g), axis=-1).reshape(-1, 2)
        d = np.hypot(*grid.T)
        keep = (d >= inner) & (d < outer)
        grid, d = grid[keep], d[keep]
        ring = grid[np.lexsort((np.arctan2(grid[:, 1], grid[:, 0]), d))]
        ring.flags.writeable = False
        rings.append(ring)
        inner = outer
    return tuple(rings)


def _nearest_free(p: np.ndarray, r: float, label: tuple[float, float, float] | None, cxy: np.ndarray,
                  cr: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """The nearest place to ``p`` (on the grid of :func:`_rings`) where :func:`_fits` holds."""
    w, h, drop = label or (0.0, 0.0, 0.0)
    # how far the moved actor reaches from its centre, and every obstacle's box
    left, right, top, bottom = max(r, w / 2), max(r, w / 2), r, max(r, drop + h)
    boxes = np.concatenate([np.column_stack([cxy - cr[:, None], cxy + cr[:, None]]), rects])
    for ring in _rings():
        cand = p + ring
        reach = float(np.abs(ring).max()) + GAP + 1.0
        near = ((boxes[:, 2] >= p[0] - reach - left) & (boxes[:, 0] <= p[0] + reach + right)
                & (boxes[:, 3] >= p[1] - reach - top) & (boxes[:, 1] <= p[1] + reach + bottom))
        nc = near[: len(cr)]
        ok = _fits(cand, r, label, cxy[nc], cr[nc], rects[near[len(cr):]])
        if ok.any():
            return cand[int(np.argmax(ok))]
    # only for pictures over 100,000 px across: beyond the right edge of everything
    return np.array([float(boxes[:, 2].max()) + right + GAP + 1.0, p[1]])


def _covered(xy: np.ndarray, r: np.ndarray, solid: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """The actors not yet placed (not ``solid``) that a placed circle or label covers, or that come too close
    to an earlier one of them (when ``xy`` came with circles overlapping)."""
    rest = np.flatnonzero(~solid)
    hit = np.zeros(len(xy), dtype=bool)
    hit[rest] = ~_fits(xy[rest], r[rest], None, xy[solid], r[solid], rects, slack=-_TOLERANCE)
    for a, b in overlaps({i: xy[i] for i in rest}, {i: r[i] for i in rest}, gap=GAP - _TOLERANCE):
        if not hit[min(a, b)]:
            hit[max(a, b)] = True
    return hit
