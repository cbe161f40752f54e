"""Contact history: the dated CONSULT timeline between two actors, and the gaps in it.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("fr", label="France", kind="state", country="FRA", aliases=set())
>>> G.add_node("ru", label="Russia", kind="state", country="RUS", aliases=set())
>>> for k, d in [("e1", "2022-10"), ("e2", "2024-04-03")]:
...     _ = G.add_edge("fr", "ru", key=k, type="CONSULT", mode="phone", date=d, sources=("AFP",),
...                    docs=("a",), evidence=(("a", "They spoke."),), status="asserted",
...                    statuses=frozenset({"asserted"}))
>>> h = contact_history(G, "France", "Russia")
>>> h.first, h.last, h.contacts[1].gap
('2022-10', '2024-04-03', 'first contact since October 2022 (about 18 months)')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import networkx as nx

from ..records import STATUSES
from .daterange import in_range
from .network import counted_statuses, find_actor, status_of

__all__ = ["Contact", "Gap", "ContactHistory", "contact_history", "pair_history", "actor_members", "human_date"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def human_date(d: str) -> str:
    """An ISO date at its precision, in words.

    >>> human_date("2022-10"), human_date("2024-04-03"), human_date("2022")
    ('October 2022', '3 April 2024', '2022')
    """
    parts = d.split("-")
    if len(parts) == 1:
        return parts[0]
    month = _MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


@dataclass(frozen=True, slots=True)
class Contact:
    """One contact: when, how, between whom, who reports it, and how long since the contact before.

    ``status`` is the event's (:func:`newskg.graph.network.event_status`);
    ``mention_statuses`` those of its mentions.  ``gap_days`` and ``gap`` measure the
    time since the previous dated contact listed (None for the first, and for
    undated contacts).
    """

    event: str
    date: str | None
    mode: str | None
    actor: str
    actor_iri: str
    target: str
    target_iri: str
    status: str
    mention_statuses: frozenset[str]
    sources: tuple[str, ...]
    docs: tuple[str, ...]
    gap_days: int | None
    gap: str | None
    evidence: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Gap:
    """The time between two consecutive dated contacts."""

    before: Contact
    after: Contact
    days: int
    text: str


@dataclass(frozen=True, slots=True)
class ContactHistory:
    """The contacts of two actors in date order (undated ones last), with gaps and modes.

    ``contacts`` lists the contacts whose status is in ``statuses``;
    ``asserted``, ``claimed`` and ``negated`` count the pair's contacts of each
    status, listed or not, so that what was left out is never silent.
    """

    ROWS = ("contacts", Contact)

    a: str
    a_iri: str
    b: str
    b_iri: str
    officials: bool
    statuses: tuple[str, ...]
    first: str | None
    last: str | None
    modes: tuple[str, ...]
    asserted: int
    claimed: int
    negated: int
    contacts: tuple[Contact, ...]

    @property
    def gaps(self) -> tuple[Gap, ...]:
        """The gaps between consecutive dated contacts."""
        dated = [c for c in self.contacts if c.date]
        return tuple(Gap(x, y, y.gap_days, y.gap) for x, y in zip(dated, dated[1:]))


def _start(d: str) -> date:
    parts = [int(p) for p in d.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def actor_members(G: nx.MultiDiGraph, node: str, officials: bool) -> set[str]:
    """The node itself, plus, for a state when ``officials`` is true, every actor of its country."""
    out = {node}
    data = G.nodes[node]
    if officials and data.get("kind") == "state" and data.get("country"):
        out |= {n for n, d in G.nodes(data=True) if d.get("country") == data["country"]}
    return out


def _gap(before: str, after: str) -> tuple[int, str]:
    """The days between two dated contacts and the gap in words.

    >>> _gap("2022-10", "2024-04-03")
    (550, 'first contact since October 2022 (about 18 months)')
    """
    days = (_start(after) - _start(before)).days
    months = round(days / 30.44)
    if days == 0:
        return 0, f"same day as the contact of {human_date(before)}"
    span = (f"about {months} month{'s' if months != 1 else ''}" if months >= 1
            else f"{days} day{'s' if days != 1 else ''}")
    return days, f"first contact since {human_date(before)} ({span})"


def contact_history(G: nx.MultiDiGraph, a: str, b: str, *, since: str | None = None, until: str | None = None,
                    include_officials: bool = False, types: tuple[str, ...] = ("CONSULT",),
                    statuses: Iterable[str] | str = ("asserted",)) -> ContactHistory:
    """The contact timeline between actors ``a`` and ``b`` (names or node ids).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        From :func:`newskg.graph.actor_network`.
    a, b : str
        Actors as :func:`newskg.graph.network.find_actor` reads them (name,
        surname, alias, IRI, "Name (ISO)").
    since, until : str, optional
        ISO dates bounding the contacts, inclusive: a contact at month or year precision is kept when its
        period overlaps the range, an undated one always (:func:`newskg.graph.daterange.in_range`).
    include_officials : bool
        For states, count their officials' contacts too (France-Russia includes
        a French minister's call with a Russian minister).
    types : tuple of str
        Event types that count as contact.
    statuses : iterable of str, or "all"
        The event statuses listed (default: asserted contacts only; the counts
        by status cover all of them).

    Returns
    -------
    ContactHistory
    """
    keep = counted_statuses(statuses)
    na, nb = find_actor(G, a), find_actor(G, b)
    sa, sb = actor_members(G, na, include_officials), actor_members(G, nb, include_officials)
    found = []
    for u, v, k, d in G.edges(keys=True, data=True):
        if d["type"] not in types:
            continue
        if not ((u in sa and v in sb) or (u in sb and v in sa)):
            continue
        if not in_range(d["date"], since, until):
            continue
        found.append((u, v, k, d))
    by_status = Counter(status_of(d) for _, _, _, d in found)
    listed = sorted(((u, v, k, d) for u, v, k, d in found if status_of(d) in keep),
                    key=lambda x: (x[3]["date"] is None, x[3]["date"] or "", x[2]))
    contacts, previous = [], None
    for u, v, k, d in listed:
        days, text = _gap(previous, d["date"]) if previous and d["date"] else (None, None)
        previous = d["date"] or previous
        contacts.append(Contact(k, d["date"], d["mode"], G.nodes[u]["label"], u, G.nodes[v]["label"], v,
                                status_of(d), frozenset(d.get("statuses", ())),
                                tuple(d.get("sources", ())), tuple(d.get("docs", ())), days, text,
                                tuple(d.get("evidence", ()))))
    dated = [c.date for c in contacts if c.date]
    return ContactHistory(G.nodes[na]["label"], na, G.nodes[nb]["label"], nb, include_officials,
                          tuple(s for s in STATUSES if s in keep), dated[0] if dated else None,
                          dated[-1] if dated else None, tuple(sorted({c.mode for c in contacts if c.mode})),
                          by_status["asserted"], by_status["claimed"], by_status["negated"], tuple(contacts))


def pair_history(G: nx.MultiDiGraph, u: str, v: str) -> ContactHistory:
    """:func:`contact_history` of two nodes (with its default options), read from a graph of the pair alone:
    the same history, in time that does not grow with the network (the page and the report read ten or
    hundreds of pairs of a large one)."""
    H = nx.MultiDiGraph()
    H.add_nodes_from([(u, G.nodes[u]), (v, G.nodes[v])])
    ends = ((u, v), (v, u)) if u != v else ((u, u),)
    H.add_edges_from((a, b, k, d) for a, b in ends for k, d in G.get_edge_data(a, b, default={}).items())
    return contact_history(H, u, v)
