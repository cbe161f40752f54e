"""The one date-range definition: Python and SPARQL agree, and every dated named query uses it."""

from __future__ import annotations

import itertools
import re

import pyoxigraph as ox
import pytest

from newskg.graph.daterange import SPARQL_FILTER, in_range
from newskg.graph.named import list_queries

DATES = [None, "2015", "2016", "2017", "2016-08", "2016-09", "2016-10", "2016-08-31", "2016-09-01", "2016-09-14",
         "2016-09-15", "2016-09-16", "2016-09-30", "2016-10-01"]
BOUNDS = [None, "2016", "2016-09", "2016-09-15", "2016-09-30", "2015-12-31", "2017-01"]
_TYPES = {4: "gYear", 7: "gYearMonth", 10: "date"}


def _term(value: str | None, typed: bool) -> str:
    if value is None:
        return "UNDEF"
    return f'"{value}"^^<http://www.w3.org/2001/XMLSchema#{_TYPES[len(value)]}>' if typed else f'"{value}"'


def test_sparql_filter_is_in_range() -> None:
    cases = list(itertools.product(DATES, BOUNDS, BOUNDS))
    rows = " ".join(f"({i} {_term(d, True)} {_term(s, False)} {_term(u, False)})"
                    for i, (d, s, u) in enumerate(cases))
    query = f"SELECT ?i WHERE {{ VALUES (?i ?date ?since ?until) {{ {rows} }} {SPARQL_FILTER} }}"
    kept = {int(r["i"].value) for r in ox.Store().query(query)}
    expected = {i for i, (d, s, u) in enumerate(cases) if in_range(d, s, u)}
    assert kept == expected
    assert 0 < len(expected) < len(cases)


def test_hand_checked_cases() -> None:
    # issue 15.6: a "September 2016" contact overlaps a range from 15 September; 2001 is after 1999
    assert in_range("2016-09", since="2016-09-15") and not in_range("2001", until="1999")
    assert in_range(None, since="2030") and in_range("2016-09-30", until="2016-09")
    assert not in_range("2016-08", since="2016-09-15") and not in_range("2016-10-01", until="2016-09")
    with pytest.raises(ValueError):
        in_range("2016/09")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_dated_named_queries_use_the_definition() -> None:
    dated = [q for q in list_queries() if {"since", "until"} <= {p.name for p in q.params}]
    assert {q.name for q in dated} >= {"contact-history", "actor-timeline"}
    for q in dated:
        assert _squash(SPARQL_FILTER) in _squash(q.text), q.name
        # and no other test of ?since or ?until that could disagree with it
        assert _squash(q.text).count("?since") == _squash(SPARQL_FILTER).count("?since"), q.name
        assert _squash(q.text).count("?until") == _squash(SPARQL_FILTER).count("?until"), q.name
