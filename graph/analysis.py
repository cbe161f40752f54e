"""Analyses of the actor network: key actors, relationship balance, reciprocity, contested claims.

Each takes the MultiDiGraph of :func:`newskg.graph.network.actor_network`
plus keyword options, networkx-style, and returns frozen records.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, c in [("fr", "FRA"), ("ru", "RUS"), ("ua", "UKR")]:
...     G.add_node(n, label={"fr": "France", "ru": "Russia", "ua": "Ukraine"}[n], kind="state",
...                country=c, aliases=set(), solo_events={})
>>> def ev(u, v, k, t, q, d, **kw):
...     _ = G.add_edge(u, v, key=k, type=t, quad=q, date=d, mode=None, sources=(), docs=("x",),
...                    evidence=(("x", k),), statuses=frozenset({kw.get("status", "asserted")}),
...                    denies=kw.get("denies"), symmetric=t == "CONSULT")
>>> ev("fr", "ru", "e1", "CONSULT", "VerbalCooperation", "2022-10")
>>> ev("ru", "fr", "e2", "ACCUSE", "VerbalConflict", "2024-04", status="claimed")
>>> ev("fr", "ru", "e3", "REJECT", "VerbalConflict", "2024-04", denies="e2")
>>> ev("fr", "ua", "e4", "AID", "MaterialCooperation", "2024-02")
>>> [(k.label, k.degree) for k in key_actors(G)][:2]
[('France', 4), ('Russia', 3)]
>>> b = balance(G, "France", "Russia")
>>> (b.cooperation, b.conflict, [(p.period, p.cooperation, p.conflict) for p in b.periods])
(1, 2, [('2022', 1, 0), ('2024', 0, 2)])
>>> [(c.claim_type, c.actor, [d.denier for d in c.denials]) for c in contested_claims(G)]
[('ACCUSE', 'Russia', ['France'])]
>>> r = reciprocity(G, types=("CONSULT", "ACCUSE", "REJECT"))
>>> [(p.a, p.b, p.type, p.a_to_b, p.b_to_a) for p in r if p.type == "ACCUSE"]
[('France', 'Russia', 'ACCUSE', 0, 1)]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx

from .contacts import actor_members
from .network import CONFLICT, COOPERATION, find_actor, pair_network

__all__ = [
    "iter_events", "KeyActor", "key_actors", "Period", "Balance", "balance", "Reciprocity", "reciprocity",
    "Denial", "ContestedClaim", "contested_claims",
]


def iter_events(G: nx.MultiDiGraph) -> Iterator[tuple[str, str, str | None, dict]]:
    """Every event as ``(event IRI, actor node, recipient node or None, attributes)``, edges and solo events."""
    for u, v, k, d in G.edges(keys=True, data=True):
        yield k, u, v, d
    for n, nd in G.nodes(data=True):
        for k, d in nd.get("solo_events", {}).items():
            yield k, n, None, d


@dataclass(frozen=True, slots=True)
class KeyActor:
    """An actor's place in the network."""

    node: str
    label: str
    kind: str
    country: str | None
    degree: int
    partners: int
    betweenness: float
    community: int


def key_actors(G: nx.MultiDiGraph, *, top: int | None = None) -> list[KeyActor]:
    """Actors ranked by how many events they take part in, with betweenness and community.

    ``degree`` counts events (with or without a recipient); ``partners`` the
    distinct counterparts; ``betweenness`` is computed on the undirected pair
    view and ``community`` numbers the greedy-modularity communities of that
    view (0 is the largest).
    """
    P = pair_network(G)
    P.remove_edges_from(list(nx.selfloop_edges(P)))
    btw = nx.betweenness_centrality(P) if len(P) > 2 else {n: 0.0 for n in P}
    community: dict[str, int] = {}
    if P.number_of_edges():
        comms = nx.community.greedy_modularity_communities(P, weight="weight")
        for i, c in enumerate(sorted(comms, key=lambda c: (-len(c), sorted(c)))):
            for n in c:
                community[n] = i
    out = []
    for n, d in G.nodes(data=True):
        degree = G.degree(n) + len(d.get("solo_events", {}))
        if not degree:
            continue
        out.append(KeyActor(n, d.get("label") or n, d.get("kind") or "", d.get("country"), degree,
                            P.degree(n) if n in P else 0, round(btw.get(n, 0.0), 4), community.get(n, -1)))
    out.sort(key=lambda k: (-k.degree, -k.betweenness, k.label))
    return out[:top] if top else out


@dataclass(frozen=True, slots=True)
class Period:
    """Cooperation and conflict between a pair in one period."""

    period: str
    cooperation: int
    conflict: int
    quads: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Balance:
    """The relationship balance of a pair: cooperation against conflict, in total and per period."""

    a: str
    b: str
    cooperation: int
    conflict: int
    undated: int
    periods: tuple[Period, ...]

    @property
    def score(self) -> float:
        """(cooperation - conflict) / all events, from -1 (all conflict) to 1 (all cooperation)."""
        total = self.cooperation + self.conflict
        return 0.0 if not total else round((self.cooperation - self.conflict) / total, 3)


def balance(G: nx.MultiDiGraph, a: str, b: str, *, by: str = "year", include_officials: bool = False) -> Balance:
    """Cooperation against conflict between ``a`` and ``b`` (both directions) by PLOVER quad class.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    a, b : str
        Actor names or node ids.
    by : {"year", "month"}
        The period of the timeline.
    include_officials : bool
        For states, count their officials' events too.
    """
    if by not in ("year", "month"):
        raise ValueError("by must be 'year' or 'month'")
    na, nb = find_actor(G, a), find_actor(G, b)
    sa, sb = actor_members(G, na, include_officials), actor_members(G, nb, include_officials)
    width = 4 if by == "year" else 7
    per: dict[str, Counter] = defaultdict(Counter)
    undated = 0
    for _, u, v, d in iter_events(G):
        if v is None or "negated" in d.get("statuses", ()):
            continue
        if not ((u in sa and v in sb) or (u in sb and v in sa)):
            continue
        if not d.get("date") or len(d["date"]) < width:
            undated += 1
            per["undated"][d["quad"]] += 1
            continue
        per[d["date"][:width]][d["quad"]] += 1
    periods = []
    for p in sorted(k for k in per if k != "undated"):
        c = per[p]
        periods.append(Period(p, sum(c[q] for q in COOPERATION), sum(c[q] for q in CONFLICT), tuple(sorted(c.items()))))
    total = Counter()
    for c in per.values():
        total.update(c)
    return Balance(G.nodes[na]["label"], G.nodes[nb]["label"], sum(total[q] for q in COOPERATION),
                   sum(total[q] for q in CONFLICT), undated, tuple(periods))


@dataclass(frozen=True, slots=True)
class Reciprocity:
    """How often one event type goes each way between two actors."""

    a: str
    b: str
    type: str
    a_to_b: int
    b_to_a: int

    @property
    def returned(self) -> bool:
        return self.a_to_b > 0 and self.b_to_a > 0


def reciprocity(G: nx.MultiDiGraph, *, types: tuple[str, ...] = ("CONSULT", "ACCUSE", "THREATEN", "SANCTION"),
                min_events: int = 1) -> list[Reciprocity]:
    """For each pair and event type, the events each way: are contacts and accusations returned?

    Pairs are ordered by label (``a`` < ``b``); results by total events, then labels.
    """
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for _, u, v, d in iter_events(G):
        if v is None or u == v or d["type"] not in types or "negated" in d.get("statuses", ()):
            continue
        lu, lv = G.nodes[u]["label"], G.nodes[v]["label"]
        if (lu, u) <= (lv, v):
            counts[(u, v, d["type"])][0] += 1
        else:
            counts[(v, u, d["type"])][1] += 1
    out = [Reciprocity(G.nodes[x]["label"], G.nodes[y]["label"], t, ab, ba)
           for (x, y, t), (ab, ba) in counts.items() if ab + ba >= min_events]
    out.sort(key=lambda r: (-(r.a_to_b + r.b_to_a), r.a, r.b, r.type))
    return out


@dataclass(frozen=True, slots=True)
class Denial:
    """One denial of a claim: who denied it, when, and in which words."""

    event: str
    denier: str
    date: str | None
    evidence: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class ContestedClaim:
    """A claim (an event some text reports only on one party's word, or that someone denies)."""

    event: str
    claim_type: str
    actor: str
    target: str | None
    date: str | None
    claimants: tuple[str, ...]
    evidence: tuple[tuple[str, str], ...]
    denials: tuple[Denial, ...]


def contested_claims(G: nx.MultiDiGraph, *, denied_only: bool = False) -> list[ContestedClaim]:
    """Claims with their denials and who made each (``denied_only`` keeps the denied ones)."""
    events = {k: (u, v, d) for k, u, v, d in iter_events(G)}
    denials: dict[str, list[Denial]] = defaultdict(list)
    for k, (u, _, d) in events.items():
        if d.get("denies"):
            denials[d["denies"]].append(Denial(k, G.nodes[u]["label"], d.get("date"), tuple(d.get("evidence", ()))))
    out = []
    for k, (u, v, d) in sorted(events.items()):
        if "claimed" not in d.get("statuses", ()) and k not in denials:
            continue
        if denied_only and k not in denials:
            continue
        out.append(ContestedClaim(k, d["type"], G.nodes[u]["label"], G.nodes[v]["label"] if v else None,
                                  d.get("date"), tuple(d.get("sources", ())), tuple(d.get("evidence", ())),
                                  tuple(sorted(denials.get(k, ()), key=lambda x: (x.date or "", x.event)))))
    out.sort(key=lambda c: (c.date or "", c.event))
    return out
