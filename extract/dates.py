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

__all__ = ["resolve_date", "find_date_expressions"]


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
    m = rf"(?:{month})\.?"
    parts = [
        rf"(?:(?:on|since|by|from|until|in|of|early|late|mid|mid-)\s+)?(?:(?:{wday}),?\s+)?(?:{m}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{m}(?:,?\s+\d{{4}})?)",
        rf"(?:(?:in|since|by|from|until|during|early|late|mid|mid-|of)\s+)?(?:early\s+|late\s+|mid-?)?{m}(?:\s+(?:of\s+)?(?:\d{{4}}|that\s+year|this\s+year|last\s+year))?",
        rf"(?:(?:on|last|this|next|since|by|until)\s+)?(?:{wday})(?:\s+(?:morning|afternoon|evening|night))?",
        rf"(?:(?:in|during|since|by|until|over)\s+)?(?:the\s+)?(?:(?:last|this|next|past|early|late)\s+)(?:{season}|month|year)",
        rf"(?:(?:in|during|since|by|until)\s+)?(?:the\s+)?(?:{season})\s+of\s+(?:\d{{4}}|that\s+year|this\s+year|last\s+year)",
        rf"(?:earlier|later)\s+this\s+(?:month|year|week)",
        rf"(?:(?:in|during|over|since|by|until)\s+)?(?:the\s+)?(?:last|this|next|past)\s+week",
        rf"(?:\d{{1,2}}|{num})\s+(?:days?|weeks?)\s+ago",
        rf"(?:(?:in|since|by|until|during|of)\s+)?(?:19|20)\d{{2}}\b",
        rf"\b(?:{rel})\b",
    ]
    return tuple(re.compile(rf"\b(?:{p})\b", re.I) for p in parts)


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


def resolve_date(expression: str, published: date | None, *, anchor: str | None = None) -> str | None:
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
