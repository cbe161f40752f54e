"""Positions for the HTML network: each community laid out on its own, then the communities packed apart.

Communities are Louvain's (seeded).  A small one is laid out by Kamada-Kawai, a
larger one (over 15 actors, where Kamada-Kawai costs seconds) by a seeded spring
layout; each is scaled to the room its actors' circles need; the communities are then pushed apart as
circles, linked ones kept near each other.  A last pass moves any two actors
whose circles overlap.  The same graph always gives the same positions.

>>> import networkx as nx
>>> P = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
>>> lay = community_layout(P, {n: 8.0 for n in P})
>>> sorted(lay.positions) == sorted(P) and lay == community_layout(P, {n: 8.0 for n in P})
True
>>> overlaps(lay.positions, {n: 8.0 for n in P}, gap=GAP)
[]
"""

from __future__ import annotations

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
              boxes: Mapping[str, tuple[float, float]], *, below: float = 1.0, rounds: int = 120,
              ) -> dict[str, tuple[float, float]]:
    """Move actors so that the labels in ``boxes`` (width, height, centred under each circle, ``below``
    pixels under its edge) cover no circle and no other label, keeping circles apart.

    >>> pos = make_room({"a": (0, 0), "b": (0, 24)}, {"a": 8, "b": 8}, {"a": (80, 16)})
    >>> pos["b"][1] - pos["a"][1] >= 8 + 1 + 16 + GAP + 8 - 0.1   # b's circle is below a's label
    True
    """
    ids = list(positions)
    xy = np.array([positions[n] for n in ids], dtype=float).reshape(-1, 2)
    r = np.array([radius[n] for n in ids], dtype=float)
    lab = np.array([i for i, n in enumerate(ids) if n in boxes], dtype=int)
    if len(lab):
        half = np.array([boxes[ids[i]] for i in lab], dtype=float) / 2
        reach = float(np.hypot(*half.max(axis=0)) + r.max() + GAP)
        for _ in range(rounds):
            centre = np.stack([xy[lab, 0], xy[lab, 1] + r[lab] + below + half[:, 1]], axis=1)
            delta = np.zeros_like(xy)
            busy = _labels_off_circles(xy, r, lab, centre, half, reach, delta)
            busy |= _labels_apart(lab, centre, half, delta)
            if not busy:
                break
            xy = _separate(xy + delta, r, gap=GAP, rounds=1)
        xy = _separate(xy, r, gap=GAP, rounds=200)
    return {n: (round(float(x), 2), round(float(y), 2)) for n, (x, y) in zip(ids, xy)}


def _labels_off_circles(xy, r, lab, centre, half, reach, delta) -> bool:
    """Push every circle that a label covers out of it, and the label's own actor the other way."""
    near = cKDTree(xy).query_ball_point(centre, reach)
    k = np.repeat(np.arange(len(lab)), [len(js) for js in near])
    j = np.fromiter((j for js in near for j in js), dtype=int, count=len(k))
    keep = j != lab[k]
    k, j = k[keep], j[keep]
    if not len(k):
        return False
    nearest = np.clip(xy[j], centre[k] - half[k], centre[k] + half[k])
    d = xy[j] - nearest
    dist = np.hypot(*d.T)
    over = r[j] + GAP - dist
    hit = over > 0
    if not hit.any():
        return False
    k, j, d, dist, over = k[hit], j[hit], d[hit], dist[hit], over[hit]
    inside = dist < 1e-9
    if inside.any():  # the centre is inside the label: leave by the nearer side
        rel = xy[j[inside]] - centre[k[inside]]
        room = half[k[inside]] - np.abs(rel)
        sideways = room[:, 0] < room[:, 1]
        sign = np.where(rel >= 0, 1.0, -1.0)
        d[inside] = np.where(sideways[:, None], [[1.0, 0.0]], [[0.0, 1.0]]) * sign
        over[inside] = np.where(sideways, room[:, 0], room[:, 1]) + r[j[inside]] + GAP
        dist[inside] = 1.0
    push = d / dist[:, None] * (over / 2 + 0.01)[:, None]
    delta += _sum_at(j, push, len(delta)) - _sum_at(lab[k], push, len(delta))
    return True


def _labels_apart(lab, centre, half, delta) -> bool:
    """Push overlapping labels apart along the axis where they overlap least."""
    if len(lab) < 2:
        return False
    pairs = cKDTree(centre).query_pairs(2 * float(np.hypot(*half.max(axis=0))), output_type="ndarray")
    if not len(pairs):
        return False
    a, b = pairs[:, 0], pairs[:, 1]
    rel = centre[b] - centre[a]
    over = half[a] + half[b] + GAP / 2 - np.abs(rel)
    hit = (over > 0).all(axis=1)
    if not hit.any():
        return False
    a, b, rel, over = a[hit], b[hit], rel[hit], over[hit]
    sideways = over[:, 0] < over[:, 1]
    sign = np.where(rel >= 0, 1.0, -1.0)
    step = np.where(sideways[:, None], [[1.0, 0.0]], [[0.0, 1.0]]) * sign * (over / 2 + 0.01)
    delta += _sum_at(lab[b], step, len(delta)) - _sum_at(lab[a], step, len(delta))
    return True
