"""Answers as a table, JSON or CSV, with the same fields in each.

The analyses return frozen records (dataclasses).  An *answer* is one record
or a sequence of records.  A record's fields are scalars (str, int, float,
bool, None), tuples or sets of them, or tuples of such tuples; a record may
also name, in its class attribute ``ROWS = (field name, row class)``, the one
field that holds its rows: a tuple of records of that simple kind.

* ``json``: a record is an object of its fields (its rows an array of
  objects), a sequence an array; sets become sorted arrays.
* ``csv``: one line per row, the record's own fields first (repeated on each
  line), then the row's; a record without rows gives one line whose row
  fields are empty.  Lists are joined with ``"; "``, a pair such as
  (document, sentence) with ``": "``.
* ``table``: for one record, its own fields as ``name: value`` lines, then
  its rows as aligned columns; for a sequence, the csv lines as columns.
  Rows too wide for a terminal are written one block of fields each, and
  newskg IRIs are shortened to ``nkgid:...``.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Row:
...     date: str | None
...     docs: tuple[str, ...]
>>> @dataclass(frozen=True)
... class Answer:
...     ROWS = ("rows", Row)
...     pair: str
...     rows: tuple[Row, ...]
>>> ans = Answer("A – B", (Row("2024-04-03", ("a", "b")), Row(None, ())))
>>> print(to_json(ans))
{
  "pair": "A – B",
  "rows": [
    {
      "date": "2024-04-03",
      "docs": [
        "a",
        "b"
      ]
    },
    {
      "date": null,
      "docs": []
    }
  ]
}
>>> print(to_csv(ans), end="")
pair,date,docs
A – B,2024-04-03,a; b
A – B,,
>>> print(to_table(ans), end="")
pair: A – B
<BLANKLINE>
date        docs
----------  ----
2024-04-03  a; b
<BLANKLINE>
(2 rows)
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Sequence
from typing import Any

from .errors import ConfigError
from .graph.lookup import compact_iri

__all__ = ["FORMATS", "format_answer", "to_json", "to_csv", "to_table", "answer_columns", "answer_rows"]

#: The formats of :func:`format_answer`.
FORMATS = ("table", "json", "csv")


def _is_record(x: object) -> bool:
    return dataclasses.is_dataclass(x) and not isinstance(x, type)


def _rows_field(kind: type) -> str | None:
    return getattr(kind, "ROWS", (None, None))[0]


def _row_kind(kind: type) -> type | None:
    return getattr(kind, "ROWS", (None, None))[1]


def _own_fields(kind: type) -> list[str]:
    rows = _rows_field(kind)
    return [f.name for f in dataclasses.fields(kind) if f.name != rows]


def _plain(value: Any) -> Any:
    """A JSON value."""
    if _is_record(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def _text(value: Any) -> str:
    """A CSV or table cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (set, frozenset)):
        return "; ".join(sorted(_text(v) for v in value))
    if isinstance(value, (tuple, list)):
        return "; ".join(": ".join(_text(x) for x in v) if isinstance(v, (tuple, list)) else _text(v) for v in value)
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _records(answer: Any) -> list:
    return [answer] if _is_record(answer) else list(answer)


def answer_columns(answer: Any, kind: type | None = None) -> list[str]:
    """The column names of the csv and table forms (``kind``: the record class, for an empty sequence)."""
    records = _records(answer)
    kind = type(records[0]) if records else kind
    if kind is None:
        return []
    row_kind = _row_kind(kind)
    own = _own_fields(kind)
    inner = [f.name for f in dataclasses.fields(row_kind)] if row_kind else []
    clash = set(own) & set(inner)
    if clash:
        raise TypeError(f"{kind.__name__} and its rows share the fields {sorted(clash)}")
    return own + inner


def answer_rows(answer: Any) -> list[list[str]]:
    """The csv lines of an answer as lists of cells (without the header)."""
    out = []
    for rec in _records(answer):
        kind = type(rec)
        own = [_text(getattr(rec, f)) for f in _own_fields(kind)]
        rows_name = _rows_field(kind)
        if rows_name is None:
            out.append(own)
            continue
        rows = getattr(rec, rows_name)
        row_kind = _row_kind(kind)
        width = len(dataclasses.fields(row_kind)) if row_kind else 0
        if not rows:
            out.append(own + [""] * width)
        for r in rows:
            out.append(own + [_text(getattr(r, f.name)) for f in dataclasses.fields(r)])
    return out


def to_json(answer: Any) -> str:
    """The answer as indented JSON (UTF-8 text, not ASCII-escaped)."""
    data = _plain(answer) if _is_record(answer) else [_plain(r) for r in answer]
    return json.dumps(data, ensure_ascii=False, indent=2)


def to_csv(answer: Any, kind: type | None = None) -> str:
    """The answer as CSV with a header line (``\\n`` line ends)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(answer_columns(answer, kind))
    w.writerows(answer_rows(answer))
    return buf.getvalue()


def _columns(names: Sequence[str], rows: list[list[str]], width: int) -> str:
    """Aligned columns; when a line would be wider than ``width``, one block of ``name  value`` lines per row."""
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    tail = f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"
    if sum(widths) + 2 * (len(widths) - 1) > width:
        pad = max(len(n) for n in names)
        blocks = ["".join(f"  {n.ljust(pad)}  {c}".rstrip() + "\n" for n, c in zip(names, r)) for r in rows]
        return "".join(f"[{i}]\n{b}" for i, b in enumerate(blocks, 1)) + tail

    def line(cells) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip() + "\n"

    return line(names) + line(["-" * w for w in widths]) + "".join(line(r) for r in rows) + tail


def _short(rows: list[list[str]]) -> list[list[str]]:
    return [[compact_iri(c) for c in r] for r in rows]


def to_table(answer: Any, kind: type | None = None, *, width: int = 160) -> str:
    """The answer for reading in a terminal: columns, or one block per row when they would be wider than
    ``width``; newskg IRIs are shortened to ``nkgid:...`` (which every command reads back)."""
    if not _is_record(answer) or _rows_field(type(answer)) is None:
        return _columns(answer_columns(answer, kind), _short(answer_rows(answer)), width)
    own = _own_fields(type(answer))
    head = "".join(f"{f}: {compact_iri(_text(getattr(answer, f)))}".rstrip() + "\n" for f in own)
    names = answer_columns(answer)[len(own):]
    rows = [r[len(own):] for r in _short(answer_rows(answer))] if getattr(answer, _rows_field(type(answer))) else []
    return head + "\n" + _columns(names, rows, width)


def format_answer(answer: Any, fmt: str, *, kind: type | None = None) -> str:
    """The answer as ``table``, ``json`` or ``csv`` text (ending with a newline).

    ``kind`` is the record class, needed only to give an empty sequence its csv header.
    """
    if fmt == "json":
        return to_json(answer) + "\n"
    if fmt == "csv":
        return to_csv(answer, kind)
    if fmt == "table":
        return to_table(answer, kind)
    raise ConfigError(f"unknown answer format {fmt!r}", hint="use --format table, json or csv")
