"""Normalising date expressions against a document's publication date.

Dates keep the precision the text gives: a day (``2024-04-03``), a month
(``2022-10``) or a year (``2019``).  Relative expressions look back from the
publication date, as news does: "on Wednesday" is the Wednesday on or before
publication; "in March" is the latest March not after it.

>>> from datetime import date
>>> pub = date(2024, 4, 4)            # a Thursday
>>> resolve_date("on Wednesday", pub), resolve_date("April 3", pub), resolve_date("last month", pub)
('2024-04-03', '2024-04-03', '2024-03')
>>> resolve_date("in October 2022", pub), resolve_date("September of that year", pub, anchor="2022-10")
('2022-10', '2022-09')
>>> resolve_date("in December", pub), resolve_date("this summer", pub), resolve_date("recently", pub)
('2023-12', '2024', None)
>>> find_date_expressions("They spoke on Wednesday and met in October 2022.")
[(11, 23, 'on Wednesday'), (32, 47, 'in October 2022')]
"""

from __future__ import annotations

import functools
import json
import re
from datetime import date, timedelta
from importlib import resources

__all__ = ["resolve_date", "find_date_expressions", "told_from_story"]


@functools.lru_cache(maxsize=1)
def _words() -> dict:
    return json.loads(resources.files(__package__).joinpath("data", "dates.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    w = _words()
    month = "|".join(sorted(w["months"], key=len, reverse=True))
    wday = "|".join(w["weekdays"])
    season = "|".join(w["seasons"])
    rel = "|".join(sorted(map(re.escape, w["relative_days"]), key=len, reverse=True))
    num = "|".join(w["numbers"])
    parts = "|".join(w["day_parts"])
    m = rf"(?:{month})\.?"
    pats = [
        rf"(?:(?:on|since|by|from|until|in|of|early|late|mid|mid-)\s+)?(?:(?:{wday}),?\s+)?(?:{m}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{m}(?:,?\s+\d{{4}})?)",
        rf"(?:(?:in|since|by|from|until|during|early|late|mid|mid-|of)\s+)?(?:early\s+|late\s+|mid-?)?{m}(?:\s+(?:of\s+)?(?:\d{{4}}|that\s+year|this\s+year|last\s+year))?",
        rf"(?:(?:on|last|this|next|since|by|until)\s+)?(?:{wday})(?:\s+(?:morning|afternoon|evening|night))?",
        rf"(?:(?:in|during|since|by|until|over)\s+)?(?:the\s+)?(?:(?:last|this|next|past|early|late)\s+)(?:{season}|month|year)",
        rf"(?:(?:in|during|since|by|until)\s+)?(?:the\s+)?(?:{season})\s+of\s+(?:\d{{4}}|that\s+year|this\s+year|last\s+year)",
        rf"(?:earlier|later)\s+this\s+(?:month|year|week)",
        rf"(?:(?:in|during|over|since|by|until)\s+)?(?:the\s+)?(?:last|this|next|past)\s+week",
        rf"(?:\d{{1,2}}|{num})\s+(?:days?|weeks?)\s+ago",
        # relative to the day the story is at: "the previous evening", "the next day", "a day earlier"
        rf"(?:on\s+)?the\s+(?:previous|preceding|next|following)\s+(?:day|{parts})",
        rf"the\s+(?:day|night|evening)\s+(?:before|after)",
        rf"(?:\d{{1,2}}|{num})\s+(?:days?|weeks?)\s+(?:earlier|later)",
        rf"(?:earlier|later)\s+(?:in\s+the|that)\s+(?:day|week|month|year)",
        rf"(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night|week|month)",
        rf"(?:late|early|mid-?)\s*(?:last|this|next)\s+(?:month|year|week)",
        rf"(?:in|during)\s+the\s+(?:{parts})",
        rf"(?:(?:in|since|by|until|during|of)\s+)?(?:19|20)\d{{2}}\b",
        rf"\b(?:{rel})\b",
    ]
    return tuple(re.compile(rf"\b(?:{p})\b", re.I) for p in pats)


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Character spans of date expressions in ``text``: non-overlapping, longest first."""
    found: list[tuple[int, int]] = []
    for pat in _patterns():
        for mt in pat.finditer(text):
            if re.search(r"\bmay\b", mt.group(0)) or re.fullmatch(r"(?:in|of|by|since|until|from|during)\s+\w+", mt.group(0), re.I) and not re.search(r"\d|[A-Z]", mt.group(0)[3:]):
                continue  # the modal verb "may", or a lower-case word after a preposition
            found.append((mt.start(), mt.end()))
    found.sort(key=lambda se: (-(se[1] - se[0]), se[0]))
    chosen: list[tuple[int, int]] = []
    for s, e in found:
        if all(e <= cs or s >= ce for cs, ce in chosen):
            chosen.append((s, e))
    return [(s, e, text[s:e]) for s, e in sorted(chosen)]


def _latest_month(month: int, pub: date) -> int:
    return pub.year if month <= pub.month else pub.year - 1


def _safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_NONE = object()


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value and len(value) == 10 else None


def _relative_to_day(text: str, published: date | None, anchor: str | None):
    """Expressions told from the day the story is at (``anchor`` when it is a day, else publication):
    "the previous evening", "the next day", "two days later", "later that month", "in the evening";
    ``_NONE`` for any other expression."""
    w = _words()
    ref = _day(anchor) or published
    ref_month = anchor[:7] if anchor and len(anchor) >= 7 else (published.isoformat()[:7] if published else None)
    m = re.fullmatch(r"(?:on )?the (previous|preceding|next|following) (\w+)", text) or \
        re.fullmatch(r"the (day|night|evening) (before|after)", text)
    if m:
        step = w["anchor_relative"].get(m.group(1)) if m.group(1) in w["anchor_relative"] else \
            (-1 if m.group(2) == "before" else 1)
        return (ref + timedelta(days=step)).isoformat() if ref else None
    m = re.fullmatch(r"(\d{1,2}|[a-z]+) (day|week)s? (earlier|later)", text)
    if m and (m.group(1).isdigit() or m.group(1) in w["numbers"]):
        n = int(m.group(1)) if m.group(1).isdigit() else w["numbers"][m.group(1)]
        days = n * (7 if m.group(2) == "week" else 1) * (-1 if m.group(3) == "earlier" else 1)
        return (ref + timedelta(days=days)).isoformat() if ref else None
    if re.fullmatch(r"(?:earlier|later) (?:in the|that) day|(?:that|the same) (?:day|morning|afternoon|evening|night)"
                    r"|(?:in|during) the (?:morning|afternoon|evening|night)", text):
        return ref.isoformat() if ref else None
    if re.fullmatch(r"(?:earlier|later) (?:in the|that) (?:week|month)|(?:that|the same) (?:week|month)", text):
        return ref_month
    if re.fullmatch(r"(?:earlier|later) (?:in the|that) year", text):
        return (anchor or (published.isoformat() if published else ""))[:4] or None
    m = re.fullmatch(r"(?:late|early|mid-?) ?(last|this|next) (month|year|week)", text)
    if m:
        return _resolve(f"{m.group(1)} {m.group(2)}", published)
    return _NONE


def told_from_story(expression: str) -> bool:
    """Is ``expression`` told from the day the story is at ("the following day", "two days later", "that
    evening"), rather than from publication or the calendar?

    >>> told_from_story("the following day"), told_from_story("on Monday"), told_from_story("the previous evening")
    (True, False, True)
    """
    text = " ".join(expression.lower().replace(",", " ").split())
    if re.fullmatch(r"(?:late|early|mid-?) ?(?:last|this|next) (?:month|year|week)", text):
        return False
    return _relative_to_day(text, date(2000, 1, 1), "2000-01-01") is not _NONE


def _forward(value: str | None, published: date | None, text: str) -> str | None:
    """A date the text places after publication: a month or day without a year is the next one, not the last
    ("will resign on July 13", "planned for June 12"), a weekday the coming one."""
    if value is None or published is None or re.search(r"\b(?:19|20)\d{2}\b|last|ago|yesterday|previous", text):
        return value
    pub = published.isoformat()
    if len(value) == 10 and value < pub:
        d = date.fromisoformat(value)
        if re.search(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday", text):
            return (d + timedelta(days=7)).isoformat()
        return _safe_day(d.year + 1, d.month, d.day).isoformat() if _safe_day(d.year + 1, d.month, d.day) else value
    if len(value) == 7 and value < pub[:7]:
        return f"{int(value[:4]) + 1:04d}{value[4:]}"
    return value


def resolve_date(expression: str, published: date | None, *, anchor: str | None = None,
                 future: bool = False) -> str | None:
    """ISO 8601 date of ``expression`` at the precision it supports, or None (see :func:`_resolve`).

    With ``future``, the expression is of something still to come ("will resign on July 13"): a day or
    month without a year resolves forward from publication.

    >>> resolve_date("on July 13", date(2022, 7, 10), future=True), resolve_date("on July 13", date(2022, 7, 10))
    ('2022-07-13', '2021-07-13')
    >>> resolve_date("the previous evening", date(1998, 10, 8)), resolve_date("later that month", None, anchor="2009-11")
    ('1998-10-07', '2009-11')
    """
    value = _resolve(expression, published, anchor=anchor)
    return _forward(value, published, expression.lower()) if future else value


def _resolve(expression: str, published: date | None, *, anchor: str | None = None) -> str | None:
    """ISO 8601 date of ``expression`` at the precision it supports, or None.

    Parameters
    ----------
    expression : str
        "on Wednesday", "April 3", "3 April 2024", "last month", "in March",
        "in October 2022", "September of that year", "this summer", "2019", ...
    published : datetime.date or None
        The document's publication date; without it only absolute dates resolve.
    anchor : str, optional
        The date (ISO) an earlier event has, for "that year" and "that month".
    """
    w = _words()
    text = " ".join(expression.lower().replace(",", " ").split())
    rel = _relative_to_day(text, published, anchor)
    if rel is not _NONE:
        return rel
    text = re.sub(r"^(on|in|since|by|from|until|during|of|over|the|early|late|mid-?)\s+", "", text)
    text = re.sub(r"^(on|in|the)\s+", "", text)
    months, wdays = w["months"], w["weekdays"]
    anchor_year = int(anchor[:4]) if anchor else None

    year_m = re.search(r"\b((?:19|20)\d{2})\b", text)
    year = int(year_m.group(1)) if year_m else None
    if year is None and "that year" in text:
        year = anchor_year
    if year is None and "last year" in text and published:
        year = published.year - 1
    if year is None and "this year" in text and published:
        year = published.year
    month = None
    for tok in re.findall(r"[a-z]+", text):
        if tok in months and not (tok == "may" and not re.search(r"\bmay\s+\d|\d\s+may\b|\bin may\b|^may$", text)):
            month = months[tok]
            break
    day_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", text)
    day = int(day_m.group(1)) if day_m and month and int(day_m.group(1)) <= 31 else None

    if month and day:
        if year is None:
            if published is None:
                return None
            year = published.year
            d = _safe_day(year, month, day)
            if d and d > published:
                year -= 1
        d = _safe_day(year, month, day)
        return d.isoformat() if d else None
    if month:
        if year is None:
            if published is None:
                return None
            year = _latest_month(month, published)
        return f"{year:04d}-{month:02d}"
    for name, wd in wdays.items():
        if re.search(rf"\b{name}\b", text):
            if published is None:
                return None
            back = (published.weekday() - wd) % 7
            if text.startswith("last ") and back == 0:
                back = 7
            if text.startswith("next "):
                return (published + timedelta(days=(wd - published.weekday()) % 7 or 7)).isoformat()
            return (published - timedelta(days=back)).isoformat()
    for phrase, offset in w["relative_days"].items():
        if text == phrase and published:
            return (published + timedelta(days=offset)).isoformat()
    if published:
        ago = re.fullmatch(r"(\d{1,2}|[a-z]+) (day|week)s? ago", text)
        if ago and (ago.group(1).isdigit() or ago.group(1) in w["numbers"]):
            n = int(ago.group(1)) if ago.group(1).isdigit() else w["numbers"][ago.group(1)]
            return (published - timedelta(days=n * (7 if ago.group(2) == "week" else 1))).isoformat()
        week = re.fullmatch(r"(?:the )?(last|past|this|next|earlier this|later this) week", text)
        if week:
            # a week is told at the month it lies in, when it lies in one
            monday = published - timedelta(days=published.weekday()) + timedelta(
                days={"last": -7, "past": -7, "next": 7}.get(week.group(1), 0))
            sunday = monday + timedelta(days=6)
            return f"{monday.year:04d}-{monday.month:02d}" if (monday.year, monday.month) == (sunday.year, sunday.month) \
                else None
        if re.fullmatch(r"(last|past) month", text):
            first = published.replace(day=1) - timedelta(days=1)
            return f"{first.year:04d}-{first.month:02d}"
        if re.fullmatch(r"(earlier |later )?this month", text):
            return f"{published.year:04d}-{published.month:02d}"
        if re.fullmatch(r"next month", text):
            nxt = (published.replace(day=28) + timedelta(days=4)).replace(day=1)
            return f"{nxt.year:04d}-{nxt.month:02d}"
        if re.fullmatch(r"(last|past) year", text):
            return f"{published.year - 1:04d}"
        if re.fullmatch(r"(earlier |later )?this year", text):
            return f"{published.year:04d}"
        if re.fullmatch(r"next year", text):
            return f"{published.year + 1:04d}"
        for season in w["seasons"]:
            if text in (f"this {season}",):
                return f"{published.year:04d}"
            if text in (f"last {season}",):
                return f"{published.year - 1:04d}" if season != "winter" else None
    if year is not None and re.fullmatch(r"(?:(?:19|20)\d{2}|(?:\w+ of )?(?:that|this|last) year|(?:spring|summer|autumn|fall|winter) of \d{4})", text):
        return f"{year:04d}"
    return None
