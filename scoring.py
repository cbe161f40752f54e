"""Scoring extracted events against hand-coded gold events.

Analysts who code a sample of their corpus by hand score the graph against it
before they publish event data.  The gold format and the matching rules are
those of the evaluation's README (``../shared/eval/README.md``): a gold folder
holds ``docs.jsonl`` (the coded documents) and ``gold.jsonl`` (one gold event
per line).  A system event matches a gold event of the same document when the
PLOVER type is equal and the actor and target match (name or alias, case and
punctuation ignored; a person by surname; a state by any actor with its
country code; a gold event without a target matches any target); CONSULT,
COOPERATE and AGREE match in either order.  Matching is one-to-one within each
document and optimal (:func:`scipy.optimize.linear_sum_assignment`): it
maximises the true positives, then spares false positives, then pairs events
of the closest sentences with agreeing date and source.  An event the text
negates only matches a negated gold event, and the other way round.

>>> from newskg.records import Actor
>>> fra = Actor("France", kind="state", country="FRA")
>>> lec = Actor("Sebastien Lecornu", kind="person", country="FRA", aliases=("Lecornu",))
>>> gold = [GoldEvent("d", "Lecornu called Moscow.", lec, "CONSULT", target=Actor("Russia", kind="state",
...                   country="RUS"), date="2024-04-03")]
>>> system = [SystemEvent("d", "Lecornu called Moscow.", "Mr. Lecornu", "FRA", "CONSULT", "Russia", "RUS",
...                       date="2024-04-03")]
>>> s = score(gold, system, docs=["d"])
>>> (s.precision, s.recall, s.date_accuracy)
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .records import PLOVER_TYPES, STATUSES, SYMMETRIC_TYPES, Actor, date_precision

__all__ = ["GoldEvent", "SystemEvent", "Score", "read_gold", "read_system", "score", "render", "normalise"]

#: Words before a surname that are not names ("Mr", "President", "Prime Minister").
TITLES = frozenset({"mr", "mrs", "ms", "dr", "the", "president", "prime", "minister", "his", "her"})


def normalise(text: str | None) -> str:
    """Lower case ASCII words: accents, case and punctuation ignored.

    >>> normalise("Sébastien  Lecornu's"), normalise(None)
    ('sebastien lecornu s', '')
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One hand-coded event. ``sourced`` is False where the gold set does not annotate sources."""

    doc: str
    sentence: str
    actor: Actor
    action: str
    mode: str | None = None
    target: Actor | None = None
    date: str | None = None
    source: Actor | None = None
    sourced: bool = True
    status: str = "asserted"
    required: bool = True


@dataclass(frozen=True, slots=True)
class SystemEvent:
    """One row of an event table as the scorer reads it: the names as the table writes them."""

    doc: str
    sentence: str
    actor: str | None
    actor_country: str | None
    action: str
    target: str | None = None
    target_country: str | None = None
    date: str | None = None
    source: str | None = None
    status: str = "asserted"

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> SystemEvent:
        """From a row of ``events.jsonl`` (:meth:`newskg.records.Event.to_row`)."""
        return cls(doc=str(row["doc"]), sentence=row.get("sentence") or "", actor=row.get("actor"),
                   actor_country=row.get("actor_country"), action=row["action"], target=row.get("target"),
                   target_country=row.get("target_country"), date=row.get("date"), source=row.get("source"),
                   status=row.get("status") or "asserted")


def _names(actor: Actor) -> set[str]:
    return {n for n in (normalise(actor.name), *(normalise(a) for a in actor.aliases)) if n}


def entity_matches(label: str | None, country: str | None, gold: Actor | None) -> bool:
    """Does a system actor (its label and country code) denote the gold actor?  No gold actor matches any."""
    if gold is None:
        return True
    if not label and not country:
        return False
    written = normalise(label)
    if written in _names(gold):
        return True
    if gold.kind == "person":
        words = [w for w in written.split() if w not in TITLES]
        surname = normalise(gold.name).split()[-1:]
        if words and words[-1:] == surname:
            return True
    return gold.kind == "state" and bool(country) and gold.country == country.upper()


def source_matches(label: str | None, gold: Actor | None) -> bool:
    """Does the system's source agree with the gold's: both none, or one name within the other?"""
    if gold is None:
        return not label
    written = normalise(label)
    return bool(written) and any(n in written or written in n for n in _names(gold))


def date_matches(value: str | None, gold: str | None) -> bool:
    """Is the system date the gold date, or a more precise date within it?"""
    return bool(value and gold) and value.startswith(gold)


def event_matches(s: SystemEvent, g: GoldEvent) -> bool:
    if s.action != g.action:
        return False
    if entity_matches(s.actor, s.actor_country, g.actor) and entity_matches(s.target, s.target_country, g.target):
        return True
    return (g.action in SYMMETRIC_TYPES and g.target is not None
            and entity_matches(s.target, s.target_country, g.actor)
            and entity_matches(s.actor, s.actor_country, g.target))


def _overlap(a: str, b: str) -> float:
    wa, wb = set(normalise(a).split()), set(normalise(b).split())
    return len(wa & wb) / max(1, len(wa | wb))


@dataclass(frozen=True)
class Score:
    """The outcome of :func:`score`: matched pairs, false positives (with the gold event of the other
    polarity they clash with, if any), misses, and neutral pairs (optional gold, agreeing negations)."""

    tp: tuple[tuple[SystemEvent, GoldEvent], ...]
    fp: tuple[tuple[SystemEvent, GoldEvent | None], ...]
    fn: tuple[GoldEvent, ...]
    neutral: tuple[tuple[SystemEvent, GoldEvent | None], ...]
    docs: tuple[str, ...] = field(default=())

    @property
    def precision(self) -> float:
        return len(self.tp) / max(1, len(self.tp) + len(self.fp))

    @property
    def recall(self) -> float:
        return len(self.tp) / max(1, len(self.tp) + len(self.fn))

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def _accuracy(self, pairs, agree) -> tuple[float, int]:
        pairs = list(pairs)
        return sum(map(agree, pairs)) / max(1, len(pairs)), len(pairs)

    @property
    def date_accuracy(self) -> float:
        """Over the true positives whose gold event is dated."""
        return self._accuracy(((s, g) for s, g in self.tp if g.date), lambda p: date_matches(p[0].date, p[1].date))[0]

    @property
    def source_accuracy(self) -> float:
        """Over the true positives whose gold set annotates sources."""
        return self._accuracy(((s, g) for s, g in self.tp if g.sourced),
                              lambda p: source_matches(p[0].source, p[1].source))[0]

    @property
    def status_accuracy(self) -> float:
        return self._accuracy(self.tp, lambda p: p[0].status == p[1].status)[0]

    def per_document(self) -> dict[str, tuple[int, int, int]]:
        """``doc -> (tp, fp, fn)`` for every gold document."""
        counts = {d: [0, 0, 0] for d in self.docs}
        for s, _ in self.tp:
            counts.setdefault(s.doc, [0, 0, 0])[0] += 1
        for s, _ in self.fp:
            counts.setdefault(s.doc, [0, 0, 0])[1] += 1
        for g in self.fn:
            counts.setdefault(g.doc, [0, 0, 0])[2] += 1
        return {d: tuple(c) for d, c in sorted(counts.items())}  # type: ignore[misc]

    def summary(self) -> dict[str, Any]:
        """The figures, rounded to three places, with the numbers they are taken over."""
        dated = sum(1 for _, g in self.tp if g.date)
        sourced = sum(1 for _, g in self.tp if g.sourced)
        return {"tp": len(self.tp), "fp": len(self.fp), "fn": len(self.fn),
                "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "date_accuracy": round(self.date_accuracy, 3), "dated": dated,
                "source_accuracy": round(self.source_accuracy, 3), "sourced": sourced,
                "status_accuracy": round(self.status_accuracy, 3)}


def score(gold: Iterable[GoldEvent], system: Iterable[SystemEvent], *, docs: Iterable[str]) -> Score:
    """Match ``system`` to ``gold`` within each of ``docs`` (events of other documents are left out)."""
    from scipy.optimize import linear_sum_assignment

    docs = tuple(dict.fromkeys(docs))
    wanted = set(docs)
    gold_by_doc: dict[str, list[GoldEvent]] = {}
    sys_by_doc: dict[str, list[SystemEvent]] = {}
    for g in gold:
        gold_by_doc.setdefault(g.doc, []).append(g)
    for s in system:
        if s.doc in wanted:
            sys_by_doc.setdefault(s.doc, []).append(s)
    tp, fp, neutral, matched = [], [], [], set()
    for doc, ss in sys_by_doc.items():
        gs = gold_by_doc.get(doc, [])
        cand = [[event_matches(s, g) for g in gs] for s in ss]
        # lexicographic weights: a true positive outweighs any number of neutral pairs, which outweigh any
        # sum of closeness (at most 12 a pair: 10 for the sentence, 1 for the date, 1 for the source)
        k = min(len(ss), len(gs)) + 1
        mid = 12.0 * k + 1
        big = mid * k + 1
        weights = [[0.0] * len(gs) for _ in ss]
        for i, s in enumerate(ss):
            for j, g in enumerate(gs):
                if not cand[i][j] or (s.status == "negated") != (g.status == "negated"):
                    continue
                close = (10 * _overlap(s.sentence, g.sentence) + date_matches(s.date, g.date)
                         + (g.sourced and source_matches(s.source, g.source)))
                useful = s.status != "negated" and g.required
                weights[i][j] = (big if useful else 0.0) + mid + close
        pairs = {}
        if ss and gs:
            rows, cols = linear_sum_assignment(weights, maximize=True)
            pairs = {i: j for i, j in zip(rows, cols) if weights[i][j] > 0}
        for i, s in enumerate(ss):
            if i in pairs:
                g = gs[pairs[i]]
                if s.status != "negated" and g.required:
                    tp.append((s, g))
                    matched.add(id(g))
                else:
                    neutral.append((s, g))
                continue
            clash = next((g for j, g in enumerate(gs)
                          if cand[i][j] and (g.status == "negated") != (s.status == "negated")), None)
            if clash is not None or s.status != "negated":
                fp.append((s, clash))
            else:
                neutral.append((s, None))
    fn = [g for d in docs for g in gold_by_doc.get(d, [])
          if g.required and g.status != "negated" and id(g) not in matched]
    return Score(tuple(tp), tuple(fp), tuple(fn), tuple(neutral), docs)


def render(result: Score, *, system_events: int, verbose: bool = False) -> str:
    """The score as text: true positives, false positives and misses per document, then the figures.

    With ``verbose``, each false positive and miss on a line of its own.
    """
    lines = [f"{'document':<28} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for doc_id, (tp, fp, fn) in result.per_document().items():
        lines.append(f"{doc_id[:28]:<28} {tp:>4} {fp:>4} {fn:>4}")
    if verbose:
        for s, clash in result.fp:
            why = "matches only a gold event of the other polarity" if clash else "no gold event"
            lines.append(f"FP ({why}) {s.doc}: {s.actor} {s.action} {s.target} | {s.sentence[:100]}")
        for g in result.fn:
            target = g.target.name if g.target else None
            lines.append(f"MISS {g.doc}: {g.actor.name} {g.action} {target} | {g.sentence[:100]}")
    f = result.summary()
    lines.append(f"precision {f['precision']:.3f}  recall {f['recall']:.3f}  F1 {f['f1']:.3f}  "
                 f"(tp {f['tp']}, fp {f['fp']}, fn {f['fn']}; {system_events} system events)")
    lines.append(f"date accuracy {f['date_accuracy']:.3f} over {f['dated']} dated matches; source accuracy "
                 f"{f['source_accuracy']:.3f} over {f['sourced']}; status accuracy {f['status_accuracy']:.3f}")
    return "\n".join(lines) + "\n"


# ---- reading gold folders and event tables ----------------------------------------------------------

def _jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    from .corpus import json_objects

    if not path.is_file():
        raise InputError("no such file", path=path,
                         hint="a gold folder holds docs.jsonl and gold.jsonl (see the README, `newskg score`)")
    for n, row in json_objects(path):
        if isinstance(row, InputError):
            raise row
        yield n, row


def _actor(value: Any, what: str, path: Path, line: int) -> Actor | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("name"), str):
        raise InputError(f"'{what}' must be an object with a 'name'", path=path, line=line,
                         hint='e.g. {"name": "Sergei Shoigu", "kind": "person", "country": "RUS"}')
    try:
        return Actor(value["name"], kind=value.get("kind") or "organization", country=value.get("country"),
                     aliases=tuple(a for a in value.get("aliases", ()) if isinstance(a, str)))
    except ValueError as err:
        raise InputError(f"'{what}': {err}", path=path, line=line, hint="fix the actor's kind or country code") from None


def read_gold(folder: str | Path) -> tuple[tuple[str, ...], list[GoldEvent]]:
    """The document ids of ``folder/docs.jsonl`` and the events of ``folder/gold.jsonl``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("no such folder", path=folder, hint="give the folder that holds docs.jsonl and gold.jsonl")
    docs = []
    for n, row in _jsonl(folder / "docs.jsonl"):
        if "id" not in row:
            raise InputError("missing 'id'", path=folder / "docs.jsonl", line=n, hint="every document needs its id")
        docs.append(str(row["id"]))
    gold, path = [], folder / "gold.jsonl"
    for n, row in _jsonl(path):
        missing = [k for k in ("doc", "sentence", "actor", "action", "status") if k not in row]
        if missing:
            raise InputError(f"missing {', '.join(map(repr, missing))}", path=path, line=n,
                             hint="a gold event has doc, sentence, actor, action, target, date, status, required")
        if row["action"] not in PLOVER_TYPES:
            raise InputError(f"'action' {row['action']!r} is not a PLOVER type", path=path, line=n,
                             hint=f"use one of {', '.join(PLOVER_TYPES)}")
        if row["status"] not in STATUSES:
            raise InputError(f"'status' {row['status']!r} is not one of {', '.join(STATUSES)}", path=path, line=n,
                             hint="asserted, claimed or negated")
        try:
            date_precision(row.get("date"))
        except ValueError:
            raise InputError(f"'date' {row.get('date')!r} is not an ISO date", path=path, line=n,
                             hint="write YYYY-MM-DD, YYYY-MM or YYYY, or null") from None
        gold.append(GoldEvent(
            doc=str(row["doc"]), sentence=str(row["sentence"]), actor=_actor(row["actor"], "actor", path, n),
            action=row["action"], mode=row.get("mode"), target=_actor(row.get("target"), "target", path, n),
            date=row.get("date"), source=_actor(row.get("source"), "source", path, n), sourced="source" in row,
            status=row["status"], required=bool(row.get("required", True))))
    return tuple(docs), gold


def read_system(path: str | Path) -> list[SystemEvent]:
    """The events of an event table in JSON Lines (``events.jsonl``)."""
    path = Path(path)
    out = []
    for n, row in _jsonl(path):
        if "doc" not in row or "action" not in row:
            raise InputError("missing 'doc' or 'action'", path=path, line=n,
                             hint="give the events.jsonl of `newskg build` or `newskg events`")
        out.append(SystemEvent.from_row(row))
    return out
