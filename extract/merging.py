"""Events a sentence tells twice: one act read by two rules, or told with its sides in either order.

Within a sentence, events of the same type between the same sides (in either order for the symmetric types)
are one event, keeping the date and mode either gave, unless their dates differ ("a call on Thursday, the
first since their meeting in September") or their modes tell two acts apart ("expelled Spain's ambassador
and recalled its own envoy").  An event without a target adds nothing to the same act with one, the states'
event adds nothing to their officials' in the same sentence (nor a visit to a state to the meeting with its
official there, which takes the visit's mode), and no event is its own actor's.

>>> from newskg.records import Actor, Event
>>> fr, ru = Actor("France", kind="state", country="FRA"), Actor("Russia", kind="state", country="RUS")
>>> def ev(a, t, **kw):
...     return Event(doc="d", sentence="s", start=0, end=1, actor=a, action="CONSULT", mode=kw.get("mode"),
...                  target=t, date=kw.get("date"), source=None, status="asserted")
>>> [(e.actor.name, e.date, e.mode) for e in merge_sentence_events([ev(fr, ru, date="2024-04-03"),
...                                                                 ev(ru, fr, mode="phone"), ev(fr, None), ev(fr, fr)])]
[('France', '2024-04-03', 'phone')]
"""

from __future__ import annotations

from ..records import SYMMETRIC_TYPES, Actor, Event

__all__ = ["merge_sentence_events"]


def merge_sentence_events(final: list[Event]) -> list[Event]:
    """The events of one document with the twice-told ones of each sentence merged (see the module docs)."""
    seen: dict[tuple, int] = {}
    merged: list[Event] = []
    for ev in final:
        key = (ev.start, ev.action, ev.actor.name, ev.target.name if ev.target else None)
        rkey = (ev.start, ev.action, ev.target.name if ev.target else None, ev.actor.name)
        if key in seen or (ev.action in SYMMETRIC_TYPES and rkey in seen):
            j = seen.get(key, seen.get(rkey))
            prev = merged[j]
            # "expelled Spain's ambassador and recalled its own envoy": two acts of one type, told apart by mode
            if not (prev.date and ev.date and prev.date != ev.date) and not (
                    prev.mode and ev.mode and prev.mode != ev.mode and prev.trigger != ev.trigger):
                merged[j] = prev.with_(date=prev.date or ev.date, mode=prev.mode or ev.mode)
                continue
            # "a call on Thursday, the first since their meeting in September": two events of one pair
        seen[key] = len(merged)
        merged.append(ev)
    # "X met Y to discuss ...": an event without a target adds nothing to the same act with one
    aimed = {(ev.start, ev.action, ev.actor.name, ev.status) for ev in merged if ev.target is not None}
    aimed |= {(ev.start, ev.action, ev.target.name, ev.status) for ev in merged
              if ev.target is not None and ev.action in SYMMETRIC_TYPES}
    # "a call between Lecornu and Shoigu, a rare contact between the two countries": the states' event in
    # the sentence that names their officials' is the same event
    officials = {(ev.start, ev.action, ev.status, frozenset((ev.actor.country, ev.target.country)))
                 for ev in merged if ev.target is not None and "person" in (ev.actor.kind, ev.target.kind)}

    # "travelled to Moscow to meet Putin": a visit to a state is the meeting with its official in the sentence,
    # which takes the visit's mode
    def where(ev: Event, kind: str) -> tuple | None:
        """The sentence, visitor and state of a CONSULT aimed at an actor of ``kind``, else None."""
        if ev.action != "CONSULT" or ev.target is None or ev.target.kind != kind:
            return None
        return ev.start, ev.actor, ev.status, ev.target.country

    visits = {where(ev, "state"): ev for ev in merged if ev.mode == "visit" and where(ev, "state")}
    met = {where(ev, "person") for ev in merged if ev.mode in (None, "visit") and where(ev, "person")}
    merged = [ev.with_(mode="visit", date=ev.date or visits[where(ev, "person")].date)
              if ev.mode is None and where(ev, "person") in visits else ev for ev in merged]

    def redundant(ev: Event) -> bool:
        if ev.target is None:
            return ev.denies is None and (ev.start, ev.action, ev.actor.name, ev.status) in aimed
        if ev.mode == "visit" and where(ev, "state") in met:
            return True
        return ev.actor.kind == ev.target.kind == "state" and \
            (ev.start, ev.action, ev.status, frozenset((ev.actor.country, ev.target.country))) in officials

    # an event is never its own actor's: "X met X" is a reading error, not an event
    return [ev for ev in merged if not redundant(ev) and not _same_actor(ev.actor, ev.target)]


def _same_actor(a: Actor, b: Actor | None) -> bool:
    return b is not None and (a.kind, a.name, a.country) == (b.kind, b.name, b.country)
