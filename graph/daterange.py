"""When a date at day, month or year precision, or no date, falls in a range: the one definition.

Event dates in newskg are ISO 8601 at the precision the text supports
(``2024-04-03``, ``2022-10``, ``2001``) or absent.  A date stands for the
whole period it names, and the bounds of a range (``since``, ``until``, each
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, both inclusive) do too.  Then:

* a date is **in the range** when its period overlaps it: it does not end
  before ``since`` begins and does not begin after ``until`` ends.  That is,
  compared at the coarser of the two precisions, it is neither before
  ``since`` nor after ``until``: "September 2016" is in a range from
  2016-09-15 (part of that month is), 2001 is not in a range until 1999;
* an **undated** event is in every range: nothing it says places it outside,
  so it is kept, and listings show it last, without a date (to drop it, add
  ``FILTER(BOUND(?date))`` to the query ``newskg query --show`` prints).

:func:`in_range` is the definition in Python (``newskg contacts``,
:func:`newskg.graph.contacts.contact_history`); :data:`SPARQL_FILTER` is the
same definition as a SPARQL 1.1 filter over ``?date``, ``?since`` and
``?until`` (``contact-history`` and ``actor-timeline``, where an unbound bound
is no bound).  A test checks that both agree on every combination of
precisions and that every named query with ``since``/``until`` uses this text.

>>> in_range("2016-09", since="2016-09-15")
True
>>> in_range("2001", until="1999"), in_range(None, until="1999")
(False, True)
>>> in_range("2024-04-03", since="2024-04", until="2024-04")
True
"""

from __future__ import annotations

from ..records import date_precision

__all__ = ["in_range", "SPARQL_FILTER"]

#: :func:`in_range` in SPARQL 1.1: ``?date`` a typed literal (``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear``)
#: or unbound, ``?since`` and ``?until`` plain literals or unbound.  ``STR`` gives the ISO text, and ISO text
#: compares as the dates do; ``SUBSTR`` cuts the finer of the two to the coarser precision.
SPARQL_FILTER = (
    "FILTER(!BOUND(?date)\n"
    "       || ((!BOUND(?since) || STR(?date) >= SUBSTR(STR(?since), 1, STRLEN(STR(?date))))\n"
    "           && (!BOUND(?until) || SUBSTR(STR(?date), 1, STRLEN(STR(?until))) <= STR(?until))))"
)


def in_range(date: str | None, since: str | None = None, until: str | None = None) -> bool:
    """Whether an event dated ``date`` falls between ``since`` and ``until`` (see the module docs).

    Parameters
    ----------
    date : str or None
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; None when the event is undated.
    since, until : str, optional
        Inclusive bounds at any of the same precisions; None for no bound.

    Returns
    -------
    bool
        True when the period ``date`` names overlaps the range, or ``date`` is None.

    Raises
    ------
    ValueError
        When a value is not an ISO date at day, month or year precision.

    >>> [in_range(d, since="2022-10") for d in ("2022", "2022-09", "2022-10-01", "2022-11")]
    [True, False, True, True]
    >>> [in_range(d, until="2022-10-15") for d in ("2022", "2022-10", "2022-10-16", "2023")]
    [True, True, False, False]
    >>> in_range("2022-10", since="2022-11", until="2022-09")
    False
    """
    for value in (date, since, until):
        date_precision(value)
    if date is None:
        return True
    # ISO text at one precision orders as the dates do; a prefix is the same period at a coarser precision
    if since is not None and date < since[: len(date)]:
        return False
    if until is not None and date[: len(until)] > until:
        return False
    return True
