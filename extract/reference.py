"""Reference time: the date of an event its sentence does not date.

News tells the day's events without repeating the day.  An undated event is
dated by the time the story is at (PLOVER-notes rule 9):

* told in the present or present perfect ("Iran has denied ...", "says"), or
  announced for the future ("will visit", "is expected to meet"), it is the
  day's news: the publication date;
* told in the simple past, it is a re-mention of the same act between the same sides told before and has
  its date; else it happened when the story's last dated event did,
  when that event is recent (within ``RECENT_DAYS`` of publication); a story that
  has gone back to its background ("in 1979 ...") dates nothing by it;
* a habit ("has repeatedly denied") or a negated event keeps no date.

>>> from datetime import date
>>> recent("2024-04-03", date(2024, 4, 4)), recent("2019", date(2024, 4, 4))
(True, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from spacy.tokens import Token

from ..records import Event
from .lexicon import Lexicon
from .status import is_habitual, is_prospective

__all__ = ["reference_dates", "recent", "RECENT_DAYS"]

#: How far before publication a dated event may lie and still be the time the story is at.
RECENT_DAYS = 45


def _start(value: str) -> date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def recent(value: str, published: date | None) -> bool:
    """Is ``value`` (ISO, any precision) within :data:`RECENT_DAYS` before publication (or after it)?"""
    if published is None:
        return False
    if len(value) == 4:
        return False
    end = _start(value) if len(value) == 10 else (_start(value) + timedelta(days=31))
    return end >= published - timedelta(days=RECENT_DAYS)


def _clause_verb(tok: Token) -> Token:
    """The verb whose tense tells when the event at ``tok`` is: itself, or the verb its noun hangs on."""
    node = tok
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod", "compound"):
            return node
        if node.head.i == node.i:
            break
        node = node.head
    return node


def _tense(verb: Token) -> str:
    """ "present" (present and present perfect), "past", or "" when the verb says nothing."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("has", "have", "'s", "'ve") for a in auxes) and not any(a.lower_ == "had" for a in auxes):
        return "present"
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if tags & {"VBZ", "VBP"}:
        return "present"
    if tags & {"VBD"} or any(a.lower_ == "had" for a in auxes):
        return "past"
    return ""


def reference_dates(events: Sequence[Event], tokens: Sequence[Token], published: date | None,
                    lex: Lexicon) -> list[Event]:
    """Date the undated events by the time the story is at (see the module docs).  ``tokens[k]`` is the
    trigger token of ``events[k]``."""
    if published is None:
        return list(events)
    pub = published.isoformat()
    out = list(events)
    for k, ev in enumerate(events):
        if ev.date is not None or ev.status == "negated" or is_habitual(tokens[k], lex):
            continue
        verb = _clause_verb(tokens[k])
        tense = _tense(verb)
        if is_prospective(tokens[k], lex) or tense == "present":
            out[k] = ev.with_(date=pub)
            continue
        if tense != "past":
            continue
        # a re-mention ("The Americans destroyed a factory", after "US missiles struck the plant on Thursday")
        # keeps the date of the same act between the same sides told before
        same = [o.date for j, o in enumerate(out[:k]) if o.date and o.action == ev.action and o.actor == ev.actor
                and (ev.target is None or o.target == ev.target) and tokens[j].i < tokens[k].i]
        if same:
            out[k] = ev.with_(date=same[-1])
            continue
        before = [o.date for j, o in enumerate(out[:k]) if o.date and tokens[j].i < tokens[k].i
                  and o.date <= pub]  # what is planned is not where the story is
        if before and recent(before[-1], published):
            out[k] = ev.with_(date=before[-1])
    return out
