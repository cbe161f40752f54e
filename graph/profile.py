"""An actor's profile: who it is, and its events by role, type, status and counterpart.

What ``newskg actor`` answers, as one frozen record.  Nothing is counted by
grammatical direction where there is none: in a symmetric event (CONSULT,
COOPERATE, AGREE) both sides are ``participant``; in a directed one the actor
of the event is ``actor`` and the other side ``recipient``.  Every row has its
status, so a call said never to have happened is a negated row, never a
contact.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, label in [("bush", "George W. Bush"), ("jiang", "Jiang Zemin"), ("putin", "Vladimir Putin")]:
...     G.add_node(n, label=label, kind="person", country=None, aliases=set(), solo_events={})
>>> def ev(u, v, k, t, status, date=None):
...     _ = G.add_edge(u, v, key=k, type=t, date=date, status=status, symmetric=t == "CONSULT")
>>> ev("bush", "jiang", "e1", "CONSULT", "negated")
>>> ev("putin", "bush", "e2", "CONSULT", "asserted", "2001-06-16")
>>> ev("putin", "bush", "e3", "ACCUSE", "asserted", "2001-06")
>>> p = actor_profile(G, "Bush")
>>> (p.name, p.asserted, p.negated, p.rank, p.first, p.last)
('George W. Bush', 2, 1, 1, '2001-06', '2001-06-16')
>>> [(r.role, r.type, r.status, r.counterpart, r.events) for r in p.breakdown]
[('participant', 'CONSULT', 'asserted', 'Vladimir Putin', 1), ('recipient', 'ACCUSE', 'asserted', 'Vladimir Putin', 1), ('participant', 'CONSULT', 'negated', 'Jiang Zemin', 1)]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx

from ..records import STATUSES
from .analysis import iter_events
from .iri import SYMMETRIC_TYPES
from .network import find_actor, status_of

__all__ = ["ProfileRow", "ActorProfile", "actor_profile"]


@dataclass(frozen=True, slots=True)
class ProfileRow:
    """The actor's events of one role, type, status and counterpart (None: events without a recipient)."""

    role: str
    type: str
    status: str
    counterpart: str | None
    counterpart_iri: str | None
    events: int
    earliest: str | None
    latest: str | None


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """Who an actor is and what it does.

    ``asserted``, ``claimed`` and ``negated`` count its events by status;
    ``rank`` is its place among the ``ranked`` actors with asserted events,
    by their number (actors with as many share a rank; None without any);
    ``first`` and ``last`` are the dates of its first and last dated asserted
    events; ``breakdown`` has one row per role, type, status and counterpart.
    """

    ROWS = ("breakdown", ProfileRow)

    iri: str
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]
    asserted: int
    claimed: int
    negated: int
    rank: int | None
    ranked: int
    first: str | None
    last: str | None
    breakdown: tuple[ProfileRow, ...]


def _role(d: dict, node: str, actor: str) -> str:
    if d["type"] in SYMMETRIC_TYPES:
        return "participant"
    return "actor" if actor == node else "recipient"


def actor_profile(G: nx.MultiDiGraph, name: str, *, country: str | None = None) -> ActorProfile:
    """The profile of the actor ``name`` denotes (:func:`newskg.graph.network.find_actor`).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        From :func:`newskg.graph.actor_network`.
    name : str
        A name, surname, alias or IRI, optionally with its country in brackets.
    country : str, optional
        Only actors of this country are looked up.
    """
    n = find_actor(G, name, country=country)
    d = G.nodes[n]
    rows: dict[tuple, list[str | None]] = defaultdict(list)
    asserted: Counter = Counter()
    by_status: Counter = Counter()
    for _, u, v, e in iter_events(G):
        status = status_of(e)
        if status == "asserted":
            asserted[u] += 1
            if v is not None:
                asserted[v] += 1
        if n not in (u, v):
            continue
        by_status[status] += 1
        other = v if u == n else u
        rows[(_role(e, n, u), e["type"], status, other)].append(e.get("date"))
    out = []
    for (role, type_, status, other), dates in rows.items():
        dated = sorted(x for x in dates if x)
        out.append(ProfileRow(role, type_, status, G.nodes[other]["label"] if other else None, other, len(dates),
                              dated[0] if dated else None, dated[-1] if dated else None))
    order = {s: i for i, s in enumerate(STATUSES)}
    out.sort(key=lambda r: (order[r.status], -r.events, r.role, r.type, r.counterpart or "", r.counterpart_iri or ""))
    own = sorted(x for (role, t, status, _), ds in rows.items() if status == "asserted" for x in ds if x)
    mine = asserted[n]
    return ActorProfile(n, d.get("label") or n, d.get("kind") or "", d.get("country"),
                        tuple(sorted(d.get("aliases", ()))), by_status["asserted"], by_status["claimed"],
                        by_status["negated"], 1 + sum(1 for c in asserted.values() if c > mine) if mine else None,
                        len(asserted), own[0] if own else None, own[-1] if own else None, tuple(out))
