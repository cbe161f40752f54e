"""Event records in the field's interchange formats: PLOVER JSON and POLECAT's table.

**PLOVER JSON** (openeventdata/PLOVER, ``PLOVER_MANUAL.tex``, chapter "Data
Fields"): one object per event with ``id``, ``date`` (and ``enddate`` when the
text gives only a month or a year), ``actor`` and ``recipient`` (lists of actor
objects with ``code``, ``sector``, ``actor_text`` and ``identifier_text``),
``event`` and ``mode`` (lists), ``context`` (``["negation"]`` for an event the
text says did not happen), ``quad_code``, ``event_scale`` (the PLOVER score),
``event_text`` (the trigger), ``text`` and ``text_info`` (the sentence and its
offsets) and ``cite_info`` (``url``, ``title``, ``publication``, ``citation``,
``language``, ``coder``).  The manual lets providers add named fields; newskg
adds ``status``, ``attributed_source`` and ``cameo``.

**POLECAT** (the PLOVER-coded successor of ICEWS): the columns of
:data:`POLECAT_COLUMNS`, POLECAT's names for the values newskg has, then
newskg's own.

>>> from datetime import date
>>> from newskg.records import Actor, Event
>>> from newskg.export.tables import Story
>>> ev = Event("d1", "Paris called Rome.", 0, 18, Actor("France", kind="state", country="FRA"),
...            "CONSULT", "phone", Actor("Italy", kind="state", country="ITA"), "2024-04")
>>> rec = plover_record(ev, Story("d1", date(2024, 4, 5), "https://x.example/1", "Wire One"))
>>> rec["date"], rec["enddate"], rec["event"], rec["mode"], rec["actor"][0]["code"]
('2024-04-01', '2024-04-30', ['CONSULT'], ['phone'], 'FRA')
>>> rec["cite_info"]["publication"], rec["event_scale"], rec["cameo"]
('Wire One', 2.1, '041')
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..records import Actor, Event
from .codes import cameo_code, intensity, quad_code
from .tables import Story, period

__all__ = ["PLOVER_FIELDS", "PLOVER_ACTOR_FIELDS", "NEWSKG_FIELDS", "POLECAT_COLUMNS", "plover_record",
           "plover_actor", "polecat_row"]

#: The event fields of the PLOVER JSON specification (the manual's table "PLOVER JSON").
PLOVER_FIELDS: tuple[str, ...] = (
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event", "event_loc",
    "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info",
    "coder", "coded_date", "coded_time", "comment",
)
#: The fields of PLOVER's actor object, of its text object and of its citation object.
PLOVER_ACTOR_FIELDS: tuple[str, ...] = (
    "code", "sector", "actor_text", "identifier_id", "identifier_text", "actor_loc", "religion", "ethnicity",
    "office", "gender", "age",
)
PLOVER_TEXT_FIELDS: tuple[str, ...] = ("sequence", "start", "end", "text_story")
PLOVER_CITE_FIELDS: tuple[str, ...] = (
    "corpus", "citation", "url", "title", "language", "publication", "license", "copyright", "coder", "codebook",
    "version",
)
#: The fields newskg adds to a PLOVER record.
NEWSKG_FIELDS: tuple[str, ...] = ("status", "attributed_source", "cameo")

_POLECAT = ("Event ID", "Event Date", "Event Type", "Event Mode", "Quad Code",
            "Actor Name", "Actor Name Raw", "Actor Country", "Primary Actor Sector",
            "Recipient Name", "Recipient Name Raw", "Recipient Country", "Primary Recipient Sector",
            "Source", "Publication Date", "Story ID")
_NEWSKG = ("Date End", "Date Precision", "Intensity", "CAMEO", "Status", "Attributed Source", "Trigger",
           "Sentence", "Start", "End", "URL", "Headline")
#: POLECAT's columns (where newskg has the value), then newskg's own.
POLECAT_COLUMNS: tuple[str, ...] = _POLECAT + _NEWSKG


def _sector(actor: Actor) -> str | None:
    # a state in newskg is a country acting through its government: PLOVER's sector GOV; no other kind of
    # actor has a sector newskg knows
    return "GOV" if actor.kind == "state" else None


def plover_actor(actor: Actor, as_written: str) -> dict[str, Any]:
    """PLOVER's actor object: country code, sector, the text as written and the resolved name."""
    out = {"code": actor.country, "sector": _sector(actor), "actor_text": as_written,
           "identifier_text": actor.name}
    return {k: v for k, v in out.items() if v is not None}


def plover_record(ev: Event, story: Story) -> dict[str, Any]:
    """The PLOVER JSON record of one event mention."""
    row = ev.to_row()
    first, last, precision = period(ev.date)
    record: dict[str, Any] = {
        "id": ev.key,
        "date": first.isoformat() if first else None,
    }
    if precision not in (None, "day"):
        record["enddate"] = last.isoformat()
    record["actor"] = [plover_actor(ev.actor, row["actor"])]
    if ev.target is not None:
        record["recipient"] = [plover_actor(ev.target, row["target"])]
    record["event"] = [ev.action]
    if ev.mode:
        record["mode"] = [ev.mode]
    if ev.status == "negated":
        record["context"] = ["negation"]
    record["quad_code"] = quad_code(ev.action)
    record["event_scale"] = intensity(ev.action)
    if ev.trigger:
        record["event_text"] = [ev.trigger]
    record["text"] = ev.sentence
    record["text_info"] = {"start": ev.start, "end": ev.end}
    cite = {"citation": story.id, "url": story.url, "title": story.title, "publication": story.outlet,
            "language": "en", "coder": f"newskg {__version__}"}
    record["cite_info"] = {k: v for k, v in cite.items() if v is not None}
    record["status"] = ev.status
    if ev.source is not None:
        record["attributed_source"] = ev.source.name
    record["cameo"] = cameo_code(ev.action, ev.mode)
    return record


def polecat_row(ev: Event, story: Story) -> list[Any]:
    """One row of :data:`POLECAT_COLUMNS` (None where there is no value)."""
    row = ev.to_row()
    first, last, precision = period(ev.date)

    def side(actor: Actor | None, written: str | None) -> list[Any]:
        if actor is None:
            return [None] * 4
        return [actor.name, written, actor.country, _sector(actor)]

    return [ev.key, first, ev.action, ev.mode, quad_code(ev.action),
            *side(ev.actor, row["actor"]), *side(ev.target, row["target"]),
            story.outlet, story.published, story.id,
            last, precision, intensity(ev.action), cameo_code(ev.action, ev.mode), ev.status,
            ev.source.name if ev.source else None, ev.trigger or None, ev.sentence, ev.start, ev.end,
            story.url, story.title]
