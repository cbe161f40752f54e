"""The typed, frozen records that cross every boundary inside newskg.

``extract`` turns a :class:`Document` into :class:`Event` records, ``graph``
turns events into RDF and back, ``export`` writes tables and pictures from
them.  No loose dicts travel between subpackages.

>>> from datetime import date
>>> fra = Actor("France", kind="state", country="FRA")
>>> rus = Actor("Russia", kind="state", country="RUS")
>>> ev = Event(doc="d1", sentence="France called Russia.", start=0, end=21,
...            actor=fra, action="CONSULT", mode="phone", target=rus,
...            date="2024-04-03", trigger="called")
>>> ev.to_row()["target_country"]
'RUS'
>>> Event.from_row(ev.to_row()) == ev
True
>>> len(ev.key)
16
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from datetime import date as _date
from typing import Any, Literal

__all__ = [
    "ACTOR_KINDS",
    "STATUSES",
    "PLOVER_TYPES",
    "SYMMETRIC_TYPES",
    "Actor",
    "Document",
    "Event",
    "date_precision",
]

#: The kinds of actor newskg distinguishes.
ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "state", "group")

#: Event statuses: reported as fact, resting on one party's disputed word, or said not to have happened.
STATUSES: tuple[str, ...] = ("asserted", "claimed", "negated")

#: The 16 PLOVER event types.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

#: Event types whose two participants are interchangeable (a meeting, cooperation or agreement between them).
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})

ActorKind = Literal["person", "organization", "state", "group"]
Status = Literal["asserted", "claimed", "negated"]

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_precision(value: str | None) -> str | None:
    """The precision of an ISO 8601 date string: ``"day"``, ``"month"``, ``"year"`` or None.

    >>> date_precision("2022-10"), date_precision("2024-04-03"), date_precision("2024")
    ('month', 'day', 'year')
    >>> date_precision(None) is None
    True
    """
    if value is None:
        return None
    if not _DATE_RE.match(value):
        raise ValueError(f"not an ISO 8601 date at day, month or year precision: {value!r}")
    return {4: "year", 7: "month", 10: "day"}[len(value)]


@dataclass(frozen=True, slots=True)
class Document:
    """One news article as read from the input.

    Parameters
    ----------
    id : str
        The document id given at input (the file stem for ``.txt`` files).
    text : str
        The article text, normalised to ``\\n`` line ends.
    published : datetime.date or None
        Publication date; relative dates in the text are resolved against it.
    url, outlet, title : str or None
        Optional metadata.
    origin : str or None
        Where the document came from (``path`` or ``path:line``), for messages.
    """

    id: str
    text: str
    published: _date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who does something, or to whom it is done, or who says so.

    ``name`` is the fullest name the document gives ("Sebastien Lecornu");
    ``aliases`` are the other surface forms seen ("Lecornu", "Mr. Lecornu").
    ``country`` is an ISO 3166-1 alpha-3 code or None.
    """

    name: str
    kind: str = "organization"
    country: str | None = None
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in ACTOR_KINDS:
            raise ValueError(f"actor kind must be one of {ACTOR_KINDS}, not {self.kind!r}")
        if self.country is not None and not re.fullmatch(r"[A-Z]{3}", self.country):
            raise ValueError(f"country must be an ISO 3166-1 alpha-3 code, not {self.country!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "country": self.country,
                "aliases": list(self.aliases)}

    def as_written(self, text: str) -> str:
        """The actor's name as ``text`` writes it: the longest of its names found there as whole words,
        else :attr:`name`.

        >>> un = Actor("United Nations", aliases=("U.N.", "UN"))
        >>> un.as_written("U.N. helicopters evacuated the wounded."), un.as_written("It said so.")
        ('U.N.', 'United Nations')
        """
        for form in sorted({self.name, *self.aliases}, key=lambda f: (-len(f), f)):
            if form and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                return form
        return self.name

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Actor | None:
        if d is None:
            return None
        return cls(d["name"], kind=d.get("kind", "organization"), country=d.get("country"),
                   aliases=tuple(d.get("aliases", ())))


@dataclass(frozen=True, slots=True)
class Event:
    """One coded PLOVER event and the evidence for it.

    ``start``/``end`` are character offsets of ``sentence`` in the document
    text.  ``date`` is ISO 8601 at the precision the text supports, or None.
    ``source`` is who the text attributes the report to (None when the outlet
    says it in its own voice).  A denial (REJECT) carries the claim it denies
    in ``denies``.
    """

    doc: str
    sentence: str
    start: int
    end: int
    actor: Actor
    action: str
    mode: str | None = None
    target: Actor | None = None
    date: str | None = None
    source: Actor | None = None
    status: str = "asserted"
    trigger: str = ""
    denies: Event | None = field(default=None, compare=True)

    def __post_init__(self) -> None:
        if self.action not in PLOVER_TYPES:
            raise ValueError(f"action must be a PLOVER type, not {self.action!r}")
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {self.status!r}")
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad sentence offsets {self.start}..{self.end}")
        date_precision(self.date)

    @property
    def key(self) -> str:
        """A short deterministic id of this event within its document."""
        parts = [self.doc, str(self.start), str(self.end), self.action, self.mode or "",
                 self.actor.name, self.target.name if self.target else "", self.date or "",
                 self.status, self.trigger]
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]

    def with_(self, **changes: Any) -> Event:
        """A copy with some fields changed (records are immutable)."""
        return replace(self, **changes)

    def _label(self, actor: Actor) -> str:
        # organisations and groups have no canonical name the way states and people do: the
        # table gives them as the sentence writes them ("U.N.", "the Security Council")
        return actor.as_written(self.sentence) if actor.kind in ("organization", "group") else actor.name

    def to_row(self) -> dict[str, Any]:
        """The event-table row (the format ``shared/eval/score.py`` reads).

        ``actor`` and ``target`` are names for reading: persons and states by their resolved
        name, organisations and groups as the sentence writes them.  ``actor_name`` and
        ``target_name`` are the names the graph uses.
        """
        return {
            "doc": self.doc,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "actor": self._label(self.actor),
            "actor_name": self.actor.name,
            "actor_kind": self.actor.kind,
            "actor_country": self.actor.country,
            "action": self.action,
            "mode": self.mode,
            "target": self._label(self.target) if self.target else None,
            "target_name": self.target.name if self.target else None,
            "target_kind": self.target.kind if self.target else None,
            "target_country": self.target.country if self.target else None,
            "date": self.date,
            "source": self.source.name if self.source else None,
            "status": self.status,
            "trigger": self.trigger,
            "denies": self.denies.key if self.denies else None,
            "key": self.key,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_row(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Event:
        """Rebuild an event from :meth:`to_row` output (``denies`` is not restored)."""
        def actor(prefix: str) -> Actor | None:
            name = row.get(f"{prefix}_name") or row.get(prefix)
            if not name:
                return None
            return Actor(name, kind=row.get(f"{prefix}_kind") or "organization",
                         country=row.get(f"{prefix}_country"))
        src = row.get("source")
        return cls(
            doc=row["doc"], sentence=row["sentence"], start=int(row.get("start", 0)),
            end=int(row.get("end", len(row["sentence"]))), actor=actor("actor"),  # type: ignore[arg-type]
            action=row["action"], mode=row.get("mode"), target=actor("target"),
            date=row.get("date"), source=Actor(src) if src else None,
            status=row.get("status") or "asserted", trigger=row.get("trigger") or "",
        )
