"""The event table in the formats analysts use: pandas and R (Parquet, CSV), PLOVER JSON, POLECAT.

One row per mention, from :func:`newskg.graph.events_from_store` and the
metadata of each row's story (publication date, outlet, URL, headline).  Every
format streams: rows are written as they come, Parquet in row groups of
:data:`BATCH_ROWS`, so memory does not grow with the store.

- ``jsonl`` and ``tsv``: newskg's own table (the ``events.jsonl`` of a build);
- ``plover``: PLOVER JSON event records, one per line (:mod:`newskg.export.plover`);
- ``polecat``: a tab-separated table with POLECAT's column names;
- ``parquet`` and ``csv``: the typed table of :data:`COLUMNS` (dates as dates,
  codes as categories), for ``pandas.read_parquet`` and ``arrow::read_parquet``.

>>> from datetime import date
>>> period("2022-10")
(datetime.date(2022, 10, 1), datetime.date(2022, 10, 31), 'month')
>>> [name for name, _ in COLUMNS][:6]
['doc', 'date', 'date_end', 'date_precision', 'published', 'action']
"""

from __future__ import annotations

import calendar
import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..fileio import atomic_write
from ..ontology import quad_class
from ..records import Event, date_precision
from .codes import cameo_code, intensity, quad_code

__all__ = [
    "Story", "FORMATS", "COLUMNS", "BATCH_ROWS", "period", "story_events", "table_row", "export_events",
]

#: Formats of :func:`export_events`; ``parquet`` is binary.
FORMATS: tuple[str, ...] = ("jsonl", "tsv", "plover", "polecat", "csv", "parquet")

#: Rows per Parquet row group (and per story look-up).
BATCH_ROWS = 20_000

_TSV_COLUMNS = ("doc", "date", "actor", "action", "mode", "target", "source", "status", "sentence")


@dataclass(frozen=True, slots=True)
class Story:
    """The metadata of one document as the store holds it (POLECAT calls a document a story)."""

    id: str
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None


def period(value: str | None) -> tuple[date | None, date | None, str | None]:
    """The first and last day of an ISO date at day, month or year precision, and the precision.

    >>> period("2024"), period("2024-02-29"), period(None)
    ((datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), 'year'), (datetime.date(2024, 2, 29), datetime.date(2024, 2, 29), 'day'), (None, None, None))
    """
    precision = date_precision(value)
    if value is None:
        return None, None, None
    if precision == "day":
        day = date.fromisoformat(value)
        return day, day, precision
    year = int(value[:4])
    if precision == "month":
        month = int(value[5:7])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), precision
    return date(year, 1, 1), date(year, 12, 31), precision


_STORIES_QUERY = """
PREFIX schema: <https://schema.org/>
SELECT ?docIri ?doc ?published ?url ?title ?outlet WHERE {
  VALUES ?docIri { %s }
  GRAPH ?docIri {
    ?docIri schema:identifier ?doc .
    OPTIONAL { ?docIri schema:datePublished ?published }
    OPTIONAL { ?docIri schema:url ?url }
    OPTIONAL { ?docIri schema:headline ?title }
    OPTIONAL { ?docIri schema:publisher ?o . ?o schema:name ?outlet }
  }
}
"""


def _stories(store, doc_ids: Iterable[str]) -> dict[str, Story]:
    from ..graph.iri import doc_iri

    iris = " ".join(f"<{doc_iri(d)}>" for d in doc_ids)
    out = {}
    for row in store.query(_STORIES_QUERY % iris):
        def value(var: str) -> str | None:
            return None if row[var] is None else row[var].value
        pub = value("published")
        out[value("doc")] = Story(value("doc"), date.fromisoformat(pub) if pub else None, value("url"),
                                  value("outlet"), value("title"))
    return out


def story_events(store, *, doc: str | None = None) -> Iterator[tuple[Event, Story]]:
    """Each event of the table (:func:`~newskg.graph.events_from_store`) with its story.

    Stories are looked up for a batch of documents at a time, so neither all
    events nor all stories are ever held in memory.
    """
    from ..graph import events_from_store

    pending: list[Event] = []

    def flush() -> Iterator[tuple[Event, Story]]:
        stories = _stories(store, {ev.doc for ev in pending})
        for ev in pending:
            yield ev, stories.get(ev.doc) or Story(ev.doc)
        pending.clear()

    for ev in events_from_store(store, doc=doc):
        if len(pending) >= BATCH_ROWS and pending[-1].doc != ev.doc:
            yield from flush()
        pending.append(ev)
    yield from flush()


# ---- the typed table (Parquet, CSV) -------------------------------------------------------------

#: Column name and kind: str, int, float, date, or category (dictionary-encoded; R factors, pandas categories).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc", "str"), ("date", "date"), ("date_end", "date"), ("date_precision", "category"),
    ("published", "date"), ("action", "category"), ("mode", "category"), ("quad_class", "category"),
    ("quad_code", "int8"), ("cameo", "category"), ("intensity", "float"),
    ("actor", "str"), ("actor_name", "str"), ("actor_kind", "category"), ("actor_country", "category"),
    ("target", "str"), ("target_name", "str"), ("target_kind", "category"), ("target_country", "category"),
    ("status", "category"), ("source", "str"), ("trigger", "str"), ("sentence", "str"),
    ("start", "int32"), ("end", "int32"), ("outlet", "category"), ("url", "str"), ("title", "str"),
    ("denies", "str"), ("key", "str"),
)


def table_row(ev: Event, story: Story) -> tuple[Any, ...]:
    """One row of :data:`COLUMNS`."""
    row = ev.to_row()
    first, last, precision = period(ev.date)
    extra = {
        "date": first, "date_end": last, "date_precision": precision, "published": story.published,
        "quad_class": quad_class(ev.action), "quad_code": quad_code(ev.action),
        "cameo": cameo_code(ev.action, ev.mode), "intensity": intensity(ev.action),
        "outlet": story.outlet, "url": story.url, "title": story.title,
    }
    return tuple(extra[name] if name in extra else row[name] for name, _ in COLUMNS)


def _arrow_schema():
    import pyarrow as pa

    kinds = {"str": pa.string(), "date": pa.date32(), "float": pa.float64(), "int8": pa.int8(),
             "int32": pa.int32(), "category": pa.dictionary(pa.int32(), pa.string())}
    return pa.schema([pa.field(name, kinds[kind]) for name, kind in COLUMNS])


def _write_parquet(rows: Iterable[tuple[Any, ...]], f: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema()
    n = 0
    with pq.ParquetWriter(f, schema, compression="zstd") as writer:
        batch: list[tuple[Any, ...]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH_ROWS:
                writer.write_batch(_batch(batch, schema))
                n += len(batch)
                batch = []
        if batch or not n:
            writer.write_batch(_batch(batch, schema))
            n += len(batch)
    return n


def _batch(rows: list[tuple[Any, ...]], schema):
    import pyarrow as pa

    arrays = []
    for i, field in enumerate(schema):
        values = [row[i] for row in rows]
        if pa.types.is_dictionary(field.type):
            arrays.append(pa.array(values, pa.string()).dictionary_encode())
        else:
            arrays.append(pa.array(values, field.type))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


# ---- every format --------------------------------------------------------------------------------

def export_events(store, fmt: str, dest: str | Path | IO, *, doc: str | None = None) -> int:
    """Write the event table of ``store`` in ``fmt`` to a path (atomically) or an open file; return the rows.

    Parameters
    ----------
    store : newskg.graph.Store
    fmt : {"jsonl", "tsv", "plover", "polecat", "csv", "parquet"}
    dest : path or file
        A path, or a file open for writing (text, or binary for ``parquet``).
    doc : str, optional
        Only this document's events.
    """
    from .plover import POLECAT_COLUMNS, plover_record, polecat_row

    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    if isinstance(dest, (str, Path)):
        with atomic_write(dest, "wb" if fmt == "parquet" else "w") as f:
            return export_events(store, fmt, f, doc=doc)
    pairs = story_events(store, doc=doc)
    if fmt == "parquet":
        return _write_parquet((table_row(ev, story) for ev, story in pairs), dest)
    n = 0
    if fmt in ("jsonl", "plover"):
        for ev, story in pairs:
            record = ev.to_row() if fmt == "jsonl" else plover_record(ev, story)
            dest.write(json.dumps(record, ensure_ascii=False, sort_keys=fmt == "jsonl") + "\n")
            n += 1
        return n
    if fmt == "tsv":
        header, cells = _TSV_COLUMNS, lambda ev, story: [ev.to_row()[c] for c in _TSV_COLUMNS]
    elif fmt == "polecat":
        header, cells = POLECAT_COLUMNS, polecat_row
    else:
        header, cells = tuple(name for name, _ in COLUMNS), table_row
    # a cell never spans lines or holds a tab; CSV quotes what needs quoting (a comma, a quote)
    writer = csv.writer(dest, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(header)
    for ev, story in pairs:
        writer.writerow([_cell(v) for v in cells(ev, story)])
        n += 1
    return n


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)
