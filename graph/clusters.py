"""Event identity across reports: which mentions report one real-world event.

A pure function of what the reports say (:class:`Report`) and of which
actors are one (:func:`newskg.graph.identity.resolve_actors`).  Reports are
one event when they have the same type, the same participants (in either order
for symmetric types), the same polarity, and compatible dates and modes:

* a date at month or year precision joins the one more precise date of the
  same participants it contains (``2024-04`` and ``2024-04-03``), so the event
  keeps the most precise date its reports support; where it could be several
  days it stays an event of its own, at its own precision;
* undated reports are one event per document (an undated meeting in one
  article is not assumed to be an undated meeting in another);
* a report without a mode joins the one mode the others give; reports of
  different modes are different events.

Resolution never changes who took part in a report, so an event's actor is
never its own recipient.

>>> reports = [Report("m1", "a", "CONSULT", "p/lecornu", "p/shoigu", "2024-04-03", "phone", False),
...            Report("m2", "b", "CONSULT", "p/shoigu", "p/lecornu", "2024-04", None, False),
...            Report("m3", "b", "CONSULT", "p/shoigu", "p/lecornu", "2022-10", "phone", False)]
>>> ev = cluster_reports(reports)
>>> ev["m1"] == ev["m2"], ev["m1"].date, ev["m2"].mode, ev["m3"].date
(True, '2024-04-03', 'phone', '2022-10')
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .iri import SYMMETRIC_TYPES, event_key

__all__ = ["Report", "EventFacts", "cluster_reports", "orientation", "EVENT_BASE"]

#: Where event IRIs live.
EVENT_BASE = "https://w3id.org/newskg/id/event/"


@dataclass(frozen=True, slots=True)
class Report:
    """What one mention says of its event (actor and recipient as the document's own IRIs)."""

    mention: str
    doc: str
    action: str
    actor: str
    recipient: str | None
    date: str | None
    mode: str | None
    negated: bool


@dataclass(frozen=True, slots=True)
class EventFacts:
    """One real-world event: its IRI and what its reports agree on."""

    iri: str
    action: str
    mode: str | None
    actor: str
    recipient: str | None
    date: str | None
    negated: bool


def orientation(pairs: Counter) -> tuple:
    """The one (actor, recipient) order of an event whose reports give several: the most frequent, then
    the first in order.

    >>> orientation(Counter({("b", "a"): 1, ("a", "b"): 1})), orientation(Counter({("b", "a"): 2, ("a", "b"): 1}))
    (('a', 'b'), ('b', 'a'))
    """
    return sorted(pairs.items(), key=lambda kv: (-kv[1], str(kv[0][0]), str(kv[0][1] or "")))[0][0]


def cluster_reports(reports: Iterable[Report], canon: Mapping[str, str] | None = None) -> dict[str, EventFacts]:
    """Group reports into events.

    Parameters
    ----------
    reports : iterable of Report
    canon : mapping, optional
        Local actor IRI -> canonical actor IRI (actors not in it are their own).

    Returns
    -------
    dict
        Mention IRI -> the :class:`EventFacts` of the event it reports.
    """
    canon = canon or {}
    blocks: dict[tuple, list[tuple[Report, str, str | None]]] = defaultdict(list)
    for r in reports:
        a, t = canon.get(r.actor, r.actor), canon.get(r.recipient, r.recipient) if r.recipient else None
        parts = (a, t) if r.action not in SYMMETRIC_TYPES else tuple(sorted([a, t or ""]))
        blocks[(r.action, r.negated, parts)].append((r, a, t))
    out: dict[str, EventFacts] = {}
    for (action, negated, _), members in blocks.items():
        dates = {r.date for r, _, _ in members if r.date}
        buckets: dict[tuple, list] = defaultdict(list)
        for item in members:
            r = item[0]
            if r.date is None:
                buckets[(None, r.doc)].append(item)
                continue
            finer = {d for d in dates if d.startswith(r.date)}
            top = max(len(d) for d in finer)
            best = sorted(d for d in finer if len(d) == top)
            buckets[(best[0] if len(best) == 1 else r.date, None)].append(item)
        for (date, doc), items in buckets.items():
            modes = sorted({r.mode for r, _, _ in items if r.mode})
            by_mode: dict[str | None, list] = defaultdict(list)
            for item in items:
                m = item[0].mode
                by_mode[m if len(modes) > 1 else (modes[0] if modes else None)].append(item)
            for mode, same in by_mode.items():
                a, t = orientation(Counter((a, t) for _, a, t in same))
                iri = EVENT_BASE + event_key(action, mode, a, t, date, negated, doc)
                facts = EventFacts(iri, action, mode, a, t, date, negated)
                for r, _, _ in same:
                    out[r.mention] = facts
    return out
