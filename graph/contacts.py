"""Contact history: the dated CONSULT timeline between two actors, and the gaps in it.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("fr", label="France", kind="state", country="FRA", aliases=set())
>>> G.add_node("ru", label="Russia", kind="state", country="RUS", aliases=set())
>>> for k, d in [("e1", "2022-10"), ("e2", "2024-04-03")]:
...     _ = G.add_edge("fr", "ru", key=k, type="CONSULT", mode="phone", date=d, sources=("AFP",),
...                    docs=("a",), evidence=(("a", "They spoke."),), statuses=frozenset({"asserted"}))
>>> h = contact_history(G, "France", "Russia")
>>> h.first.date, h.last.date, h.gaps[0].text
('2022-10', '2024-04-03', 'first contact since October 2022 (about 18 months)')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import networkx as nx

from .daterange import in_range
from .network import find_actor

__all__ = ["Contact", "Gap", "ContactHistory", "contact_history", "actor_members", "human_date"]

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
    """One contact: when, how, between whom, and who reports it."""

    event: str
    date: str | None
    mode: str | None
    actor: str
    target: str
    sources: tuple[str, ...]
    docs: tuple[str, ...]
    evidence: tuple[tuple[str, str], ...]
    statuses: frozenset[str]


@dataclass(frozen=True, slots=True)
class Gap:
    """The time between two consecutive dated contacts."""

    before: Contact
    after: Contact
    days: int
    text: str


@dataclass(frozen=True, slots=True)
class ContactHistory:
    """The contacts of two actors in date order (undated ones last), with gaps and modes."""

    a: str
    b: str
    contacts: tuple[Contact, ...]
    gaps: tuple[Gap, ...]
    modes: tuple[str, ...]

    @property
    def first(self) -> Contact | None:
        dated = [c for c in self.contacts if c.date]
        return dated[0] if dated else None

    @property
    def last(self) -> Contact | None:
        dated = [c for c in self.contacts if c.date]
        return dated[-1] if dated else None


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


def contact_history(G: nx.MultiDiGraph, a: str, b: str, *, since: str | None = None, until: str | None = None,
                    include_officials: bool = False, types: tuple[str, ...] = ("CONSULT",)) -> ContactHistory:
    """The contact timeline between actors ``a`` and ``b`` (names or node ids).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        From :func:`newskg.graph.actor_network`.
    a, b : str
        Actor names (label, alias or surname) or node ids.
    since, until : str, optional
        ISO dates bounding the contacts, inclusive: a contact at month or year precision is kept when its
        period overlaps the range, an undated one always (:func:`newskg.graph.daterange.in_range`).
    include_officials : bool
        For states, count their officials' contacts too (France-Russia includes
        a French minister's call with a Russian minister).
    types : tuple of str
        Event types that count as contact.

    Returns
    -------
    ContactHistory
    """
    na, nb = find_actor(G, a), find_actor(G, b)
    sa, sb = actor_members(G, na, include_officials), actor_members(G, nb, include_officials)
    contacts = []
    for u, v, k, d in G.edges(keys=True, data=True):
        if d["type"] not in types or "negated" in d.get("statuses", ()):
            continue
        if not ((u in sa and v in sb) or (u in sb and v in sa)):
            continue
        if not in_range(d["date"], since, until):
            continue
        contacts.append(Contact(k, d["date"], d["mode"], G.nodes[u]["label"], G.nodes[v]["label"],
                                tuple(d.get("sources", ())), tuple(d.get("docs", ())),
                                tuple(d.get("evidence", ())), frozenset(d.get("statuses", ()))))
    contacts.sort(key=lambda c: (c.date is None, c.date or "", c.event))
    dated = [c for c in contacts if c.date]
    gaps = []
    for x, y in zip(dated, dated[1:]):
        days = (_start(y.date) - _start(x.date)).days
        months = round(days / 30.44)
        if days == 0:
            text = f"same day as the contact of {human_date(x.date)}"
        else:
            span = (f"about {months} month{'s' if months != 1 else ''}" if months >= 1
                    else f"{days} day{'s' if days != 1 else ''}")
            text = f"first contact since {human_date(x.date)} ({span})"
        gaps.append(Gap(x, y, days, text))
    modes = tuple(sorted({c.mode for c in contacts if c.mode}))
    return ContactHistory(G.nodes[na]["label"], G.nodes[nb]["label"], tuple(contacts), tuple(gaps), modes)
