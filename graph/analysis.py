"""Analyses of the actor network: key actors, relationship balance, reciprocity, contested claims.

Each takes the MultiDiGraph of :func:`newskg.graph.network.actor_network`
plus keyword options, networkx-style, and returns frozen records.  Events are
counted by their status (:func:`newskg.graph.network.event_status`): by
default only asserted events count, and ``statuses=`` says which others do.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, c in [("fr", "FRA"), ("ru", "RUS"), ("ua", "UKR")]:
...     G.add_node(n, label={"fr": "France", "ru": "Russia", "ua": "Ukraine"}[n], kind="state",
...                country=c, aliases=set(), solo_events={})
>>> def ev(u, v, k, t, q, d, status="asserted", denies=None):
...     _ = G.add_edge(u, v, key=k, type=t, quad=q, date=d, mode=None, sources=(), docs=("x",),
...                    evidence=(("x", k),), status=status, statuses=frozenset({status}),
...                    denies=denies, symmetric=t == "CONSULT")
>>> ev("fr", "ru", "e1", "CONSULT", "VerbalCooperation", "2022-10")
>>> ev("ru", "fr", "e2", "ACCUSE", "VerbalConflict", "2024-04", status="claimed")
>>> ev("fr", "ru", "e3", "REJECT", "VerbalConflict", "2024-04", denies="e2")
>>> ev("fr", "ua", "e4", "AID", "MaterialCooperation", "2024-02")
>>> [(k.label, k.events) for k in key_actors(G)][:2]
[('France', 3), ('Russia', 2)]
>>> b = balance(G, "France", "Russia")
>>> (b.cooperation, b.conflict, b.claimed, [(p.period, p.cooperation, p.conflict) for p in b.periods])
(1, 1, 1, [('2022', 1, 0), ('2024', 0, 1)])
>>> [(c.claim_type, c.actor, [d.denier for d in c.denials]) for c in contested_claims(G)]
[('ACCUSE', 'Russia', ['France'])]
>>> [(r.a, r.b, r.type, r.a_to_b, r.b_to_a) for r in reciprocity(G, statuses="all", types=("ACCUSE", "REJECT"))]
[('France', 'Russia', 'ACCUSE', 0, 1), ('France', 'Russia', 'REJECT', 1, 0)]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import networkx as nx

from ..errors import ConfigError
from ..records import PLOVER_TYPES, STATUSES
from .contacts import actor_members
from .iri import SYMMETRIC_TYPES
from .network import CONFLICT, COOPERATION, counted_statuses, find_actor, pair_network, status_of

__all__ = [
    "iter_events", "same_side", "DIRECTED_TYPES", "KeyActor", "key_actors", "Period", "Balance", "balance",
    "Reciprocity", "reciprocity", "Denial", "ContestedClaim", "contested_claims",
]

#: Event types with a direction (one side acts on the other); the rest are symmetric.
DIRECTED_TYPES: tuple[str, ...] = tuple(t for t in PLOVER_TYPES if t not in SYMMETRIC_TYPES)


def iter_events(G: nx.MultiDiGraph) -> Iterator[tuple[str, str, str | None, dict]]:
    """Every event as ``(event IRI, actor node, recipient node or None, attributes)``, edges and solo events."""
    for u, v, k, d in G.edges(keys=True, data=True):
        yield k, u, v, d
    for n, nd in G.nodes(data=True):
        for k, d in nd.get("solo_events", {}).items():
            yield k, n, None, d


def same_side(G: nx.Graph, u: str, v: str) -> bool:
    """A state and a person or organisation of that state (Bashar Assad and Syria; a Moscow court and
    Russia): one side, not a relationship between two.

    >>> G = nx.Graph()
    >>> G.add_node("syr", kind="state", country="SYR"); G.add_node("assad", kind="person", country="SYR")
    >>> G.add_node("crowd", kind="group", country="SYR")
    >>> same_side(G, "assad", "syr"), same_side(G, "crowd", "syr")
    (True, False)
    """
    a, b = G.nodes[u], G.nodes[v]
    for x, y in ((a, b), (b, a)):
        if x.get("kind") == "state" and y.get("kind") in ("person", "organization") and x.get("country") \
                and y.get("country") == x.get("country"):
            return True
    return False


@dataclass(frozen=True, slots=True)
class KeyActor:
    """An actor's place in the network: the events it takes part in (of the statuses counted), its
    distinct counterparts in them, its betweenness and its community."""

    iri: str
    label: str
    kind: str
    country: str | None
    events: int
    partners: int
    betweenness: float
    community: int


def key_actors(G: nx.MultiDiGraph, *, top: int | None = None,
               statuses: Iterable[str] | str = ("asserted",)) -> list[KeyActor]:
    """Actors ranked by how many events they take part in, with betweenness and community.

    ``events`` counts events (with or without a recipient) whose status is in
    ``statuses``; ``partners`` the distinct counterparts in them;
    ``betweenness`` is computed on the undirected pair view of those events
    and ``community`` numbers its greedy-modularity communities (0 is the
    largest; -1 for an actor without counterparts).
    """
    keep = counted_statuses(statuses)
    P = pair_network(G, statuses=keep)
    P.remove_edges_from(list(nx.selfloop_edges(P)))
    btw = nx.betweenness_centrality(P) if len(P) > 2 else {n: 0.0 for n in P}
    community: dict[str, int] = {}
    if P.number_of_edges():
        comms = nx.community.greedy_modularity_communities(P, weight="weight")
        for i, c in enumerate(sorted(comms, key=lambda c: (-len(c), sorted(c)))):
            for n in c:
                community[n] = i
    counts: Counter = Counter()
    for _, u, v, d in iter_events(G):
        if status_of(d) in keep:
            counts[u] += 1
            if v is not None:
                counts[v] += 1
    out = []
    for n, d in G.nodes(data=True):
        if not counts[n]:
            continue
        out.append(KeyActor(n, d.get("label") or n, d.get("kind") or "", d.get("country"), counts[n],
                            P.degree(n), round(btw.get(n, 0.0), 4), community.get(n, -1)))
    out.sort(key=lambda k: (-k.events, -k.betweenness, k.label, k.iri))
    return out[:top] if top else out


@dataclass(frozen=True, slots=True)
class Period:
    """Cooperation and conflict between a pair in one period, by PLOVER quad class."""

    period: str
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int

    @property
    def cooperation(self) -> int:
        return self.verbal_cooperation + self.material_cooperation

    @property
    def conflict(self) -> int:
        return self.verbal_conflict + self.material_conflict


@dataclass(frozen=True, slots=True)
class Balance:
    """The relationship balance of a pair: cooperation against conflict, in total and per period.

    ``cooperation``, ``conflict``, ``undated`` (events dated less precisely
    than a period) and ``periods`` count the events whose status is in
    ``statuses``; ``asserted``, ``claimed`` and ``negated`` count all the
    pair's events by status.  ``score`` is (cooperation - conflict) / both,
    from -1 (all conflict) to 1 (all cooperation).
    """

    ROWS = ("periods", Period)

    a: str
    a_iri: str
    b: str
    b_iri: str
    officials: bool
    statuses: tuple[str, ...]
    cooperation: int
    conflict: int
    undated: int
    score: float
    asserted: int
    claimed: int
    negated: int
    periods: tuple[Period, ...]


def _period(name: str, c: Counter) -> Period:
    return Period(name, c["VerbalCooperation"], c["MaterialCooperation"], c["VerbalConflict"], c["MaterialConflict"])


def balance(G: nx.MultiDiGraph, a: str, b: str, *, by: str = "year", include_officials: bool = False,
            statuses: Iterable[str] | str = ("asserted",)) -> Balance:
    """Cooperation against conflict between ``a`` and ``b`` (both directions) by PLOVER quad class.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    a, b : str
        Actors as :func:`newskg.graph.network.find_actor` reads them.
    by : {"year", "month"}
        The period of the timeline.
    include_officials : bool
        For states, count their officials' events too.
    statuses : iterable of str, or "all"
        The event statuses counted (default: asserted only).
    """
    if by not in ("year", "month"):
        raise ConfigError(f"by must be 'year' or 'month', not {by!r}", hint="use --by year or --by month")
    keep = counted_statuses(statuses)
    na, nb = find_actor(G, a), find_actor(G, b)
    sa, sb = actor_members(G, na, include_officials), actor_members(G, nb, include_officials)
    width = 4 if by == "year" else 7
    per: dict[str, Counter] = defaultdict(Counter)
    by_status: Counter = Counter()
    undated = 0
    for _, u, v, d in iter_events(G):
        if v is None or not ((u in sa and v in sb) or (u in sb and v in sa)):
            continue
        by_status[status_of(d)] += 1
        if status_of(d) not in keep:
            continue
        if not d.get("date") or len(d["date"]) < width:
            undated += 1
            per["undated"][d["quad"]] += 1
            continue
        per[d["date"][:width]][d["quad"]] += 1
    total: Counter = Counter()
    for c in per.values():
        total.update(c)
    coop, conf = sum(total[q] for q in COOPERATION), sum(total[q] for q in CONFLICT)
    score = 0.0 if not coop + conf else round((coop - conf) / (coop + conf), 3)
    return Balance(G.nodes[na]["label"], na, G.nodes[nb]["label"], nb, include_officials,
                   tuple(s for s in STATUSES if s in keep), coop, conf, undated, score, by_status["asserted"],
                   by_status["claimed"], by_status["negated"],
                   tuple(_period(p, per[p]) for p in sorted(k for k in per if k != "undated")))


@dataclass(frozen=True, slots=True)
class Reciprocity:
    """How often one directed event type goes each way between two actors (``a`` sorts before ``b``)."""

    a: str
    a_iri: str
    b: str
    b_iri: str
    type: str
    a_to_b: int
    b_to_a: int
    returned: bool


def reciprocity(G: nx.MultiDiGraph, *, types: Iterable[str] = DIRECTED_TYPES, min_events: int = 1,
                statuses: Iterable[str] | str = ("asserted",)) -> list[Reciprocity]:
    """For each pair and directed event type, the events each way: are accusations, threats, sanctions
    returned?

    Symmetric types (CONSULT, COOPERATE, AGREE) have no direction: both sides
    take part, whichever a text names first, so they are refused here.  A
    state and its own officials or organisations are one side (:func:`same_side`)
    and make no pair.  Pairs are ordered by label; results by total events,
    then labels and type.

    Raises
    ------
    newskg.errors.ConfigError
        For a symmetric or unknown type.
    """
    types = tuple(types)
    wrong = [t for t in types if t not in DIRECTED_TYPES]
    if wrong:
        sym = [t for t in wrong if t in SYMMETRIC_TYPES]
        raise ConfigError(
            f"reciprocity needs directed event types, not {', '.join(wrong)}"
            + (" (symmetric: both sides take part, so it has no direction)" if sym else ""),
            hint="use directed types such as ACCUSE, THREATEN, SANCTION; for contacts use `newskg contacts`")
    keep = counted_statuses(statuses)
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for _, u, v, d in iter_events(G):
        if v is None or d["type"] not in types or status_of(d) not in keep or same_side(G, u, v):
            continue
        lu, lv = G.nodes[u]["label"], G.nodes[v]["label"]
        if (lu, u) <= (lv, v):
            counts[(u, v, d["type"])][0] += 1
        else:
            counts[(v, u, d["type"])][1] += 1
    out = [Reciprocity(G.nodes[x]["label"], x, G.nodes[y]["label"], y, t, ab, ba, ab > 0 and ba > 0)
           for (x, y, t), (ab, ba) in counts.items() if ab + ba >= min_events]
    out.sort(key=lambda r: (-(r.a_to_b + r.b_to_a), r.a, r.b, r.type, r.a_iri, r.b_iri))
    return out


@dataclass(frozen=True, slots=True)
class Denial:
    """One denial of a claim: who denied it, when, and in which words."""

    denial: str
    denier: str
    denier_iri: str
    denial_date: str | None
    denial_evidence: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class ContestedClaim:
    """A claim: an event no text asserts in its own voice (status claimed), or that someone denies."""

    ROWS = ("denials", Denial)

    event: str
    claim_type: str
    status: str
    actor: str
    actor_iri: str
    target: str | None
    target_iri: str | None
    date: str | None
    claimants: tuple[str, ...]
    evidence: tuple[tuple[str, str], ...]
    denials: tuple[Denial, ...]


def contested_claims(G: nx.MultiDiGraph, *, denied_only: bool = False) -> list[ContestedClaim]:
    """Claims with their denials and who made each (``denied_only`` keeps the denied ones), by date."""
    events = {k: (u, v, d) for k, u, v, d in iter_events(G)}
    denials: dict[str, list[Denial]] = defaultdict(list)
    for k, (u, _, d) in events.items():
        if d.get("denies"):
            denials[d["denies"]].append(Denial(k, G.nodes[u]["label"], u, d.get("date"),
                                               tuple(d.get("evidence", ()))))
    out = []
    for k, (u, v, d) in sorted(events.items()):
        if status_of(d) != "claimed" and k not in denials:
            continue
        if denied_only and k not in denials:
            continue
        out.append(ContestedClaim(k, d["type"], status_of(d), G.nodes[u]["label"], u,
                                  G.nodes[v]["label"] if v else None, v, d.get("date"),
                                  tuple(d.get("sources", ())), tuple(d.get("evidence", ())),
                                  tuple(sorted(denials.get(k, ()), key=lambda x: (x.denial_date or "", x.denial)))))
    out.sort(key=lambda c: (c.date or "", c.event))
    return out
