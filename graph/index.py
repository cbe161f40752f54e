"""The resolution index: what each document's graph says, kept beside the store so that
resolution after a build looks only at what the build touched.

:func:`newskg.graph.resolve` is a function of the set of documents.  To
update it after ``k`` new documents in time that depends on ``k`` and not on
the size of the store, it needs to find, without reading every graph:

* every document that names an actor (by the IRI the document's own reading
  gave it), and every person whose name could be the same person (by the
  family names the name could have, :func:`name_keys`);
* every report of one *block*: same type, polarity and resolved participants,
  and the same year (or, undated, the same document), the only reports
  :func:`~newskg.graph.clusters.cluster_reports` ever compares (:func:`block_key`);
* what resolution decided last time (each actor's canonical IRI, name and
  country; each mention's event), to tell which graphs change.

The index is a SQLite database (Python's standard library; indexed look-ups
and transactions without a server).  It is derived data: the store stays the
system of record, and :func:`newskg.graph.resolve` rebuilds the index from
the store whenever it is missing, was left unfinished by a killed build, or
does not match the store.

>>> idx = ResolutionIndex(None)
>>> idx.documents()
0
>>> block_key("CONSULT", False, "b", "a", "2024-04-03", "d1") == block_key("CONSULT", False, "a", "b", "2024", "d2")
True
>>> sorted(name_keys("Moon Jae-in")), sorted(name_keys("Xi Jinping"))
(['moon'], ['jinping', 'xi'])
"""

from __future__ import annotations

import functools
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..names import PersonName
from .clusters import EventFacts, Report
from .identity import Canonical, LocalActor
from .iri import SYMMETRIC_TYPES

__all__ = ["ResolutionIndex", "block_key", "name_keys", "SCHEMA_VERSION"]

log = logging.getLogger(__name__)

#: Bumped whenever the tables or what they mean change; an index of another version is rebuilt.
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs (doc TEXT PRIMARY KEY, mentions INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS actors (doc TEXT NOT NULL, origin TEXT NOT NULL, kind TEXT NOT NULL,
                                   name TEXT NOT NULL, country TEXT);
CREATE INDEX IF NOT EXISTS actors_origin ON actors(origin);
CREATE INDEX IF NOT EXISTS actors_doc ON actors(doc);
CREATE TABLE IF NOT EXISTS name_keys (key TEXT NOT NULL, origin TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS name_keys_key ON name_keys(key);
CREATE INDEX IF NOT EXISTS name_keys_doc ON name_keys(doc);
CREATE INDEX IF NOT EXISTS name_keys_origin ON name_keys(origin);
CREATE TABLE IF NOT EXISTS canon (origin TEXT PRIMARY KEY, iri TEXT NOT NULL, kind TEXT NOT NULL,
                                  name TEXT NOT NULL, country TEXT);
CREATE INDEX IF NOT EXISTS canon_iri ON canon(iri);
CREATE TABLE IF NOT EXISTS reports (mention TEXT PRIMARY KEY, doc TEXT NOT NULL, action TEXT NOT NULL,
                                    actor TEXT NOT NULL, recipient TEXT, date TEXT, mode TEXT,
                                    negated INTEGER NOT NULL, block TEXT, event TEXT, ev_actor TEXT,
                                    ev_recipient TEXT, ev_date TEXT, ev_mode TEXT);
CREATE INDEX IF NOT EXISTS reports_doc ON reports(doc);
CREATE INDEX IF NOT EXISTS reports_block ON reports(block);
CREATE INDEX IF NOT EXISTS reports_actor ON reports(actor);
CREATE INDEX IF NOT EXISTS reports_recipient ON reports(recipient);
CREATE TABLE IF NOT EXISTS links (iri TEXT PRIMARY KEY, qid TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pending (doc TEXT PRIMARY KEY);
"""

#: Parameters per ``IN (...)`` query (SQLite allows 32,766; smaller lists keep each query cheap).
_CHUNK = 500


@functools.lru_cache(maxsize=65536)
def name_keys(name: str) -> frozenset[str]:
    """The family names a person's name could have, whatever country resolution gives it.

    Resolution only ever compares persons that share a family name, and a
    name's family name depends on its country only for the family-name-first
    rule, so these keys block persons exactly: persons that share none are
    never compared.

    >>> sorted(name_keys("Sergei Shoigu")), sorted(name_keys("Kim Jong-un")), name_keys("President")
    (['shoigu'], ['kim'], frozenset())
    """
    return frozenset(k for k in (PersonName.parse(name).family, PersonName.parse(name, "CHN").family) if k)


def block_key(action: str, negated: bool, actor: str, recipient: str | None, date: str | None, doc: str) -> str:
    """The block of a report, with its participants as resolved IRIs (see the module docs).

    Dated reports are only ever compared within one year (a date joins the
    dates it contains), undated ones only within their document.
    """
    parts = (actor, recipient or "")
    if action in SYMMETRIC_TYPES:
        parts = tuple(sorted(parts))
    when = date[:4] if date else "doc:" + doc
    return "\x1f".join((action, "1" if negated else "0", *parts, when))


def _chunks(items: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(set(items))
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


class ResolutionIndex:
    """The index of one store (a SQLite file), or an in-memory one when ``path`` is None.

    All writes happen in one transaction, committed by :meth:`commit`.
    """

    def __init__(self, path: str | Path | None) -> None:
        self.path = None if path is None else Path(path)
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(":memory:" if self.path is None else str(self.path), isolation_level="DEFERRED")
        self.db.execute("PRAGMA journal_mode=WAL" if self.path is not None else "PRAGMA journal_mode=MEMORY")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA cache_size=-65536")  # 64 MB of pages: the look-ups of a build stay in memory
        self.db.executescript(_SCHEMA)
        self.db.commit()

    def __enter__(self) -> ResolutionIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def commit(self) -> None:
        self.db.commit()

    def rollback(self) -> None:
        self.db.rollback()

    # -- state -------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def clear(self) -> None:
        """Forget everything (before a rebuild from the store)."""
        for table in ("docs", "actors", "name_keys", "canon", "reports", "links", "meta"):
            self.db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names

    def documents(self) -> int:
        """How many documents the index holds."""
        return self.db.execute("SELECT COUNT(*) FROM docs").fetchone()[0]

    def mentions(self) -> int:
        """How many mentions (rows of the event table) the indexed documents hold."""
        return self.db.execute("SELECT COALESCE(SUM(mentions), 0) FROM docs").fetchone()[0]

    def add_pending(self, docs: Iterable[str]) -> None:
        """Record documents written to the store but not yet resolved (committed at once)."""
        self.db.executemany("INSERT OR IGNORE INTO pending VALUES (?)", ((d,) for d in docs))
        self.db.commit()

    def pending(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT doc FROM pending")}

    def clear_pending(self) -> None:
        self.db.execute("DELETE FROM pending")

    # -- documents -----------------------------------------------------------
    def document_state(self, docs: Iterable[str]) -> tuple[dict[str, str], set[str], set[str]]:
        """What the index holds of ``docs``: their actors' origins (-> kind), person name keys and report blocks."""
        origins: dict[str, str] = {}
        keys: set[str] = set()
        blocks: set[str] = set()
        for chunk in _chunks(docs):
            marks = ",".join("?" * len(chunk))
            origins.update(self.db.execute(f"SELECT origin, kind FROM actors WHERE doc IN ({marks})", chunk))
            keys.update(r[0] for r in self.db.execute(f"SELECT key FROM name_keys WHERE doc IN ({marks})", chunk))
            blocks.update(r[0] for r in self.db.execute(
                f"SELECT block FROM reports WHERE doc IN ({marks}) AND block IS NOT NULL", chunk))
        return origins, keys, blocks

    def replace_document(self, doc: str, actors: Iterable[LocalActor], reports: Iterable[Report]) -> None:
        """Replace what the index holds of ``doc`` (its reports get their block and event later)."""
        self.remove_document(doc)
        actors, reports = list(actors), list(reports)
        self.db.executemany("INSERT INTO actors VALUES (?, ?, ?, ?, ?)",
                            ((doc, a.iri, a.kind, a.name, a.country) for a in actors))
        self.db.executemany("INSERT INTO name_keys VALUES (?, ?, ?)",
                            ((k, a.iri, doc) for a in actors if a.kind == "person"
                             for k in (name_keys(a.name) or {"iri:" + a.iri})))
        self.db.executemany(
            "INSERT OR REPLACE INTO reports (mention, doc, action, actor, recipient, date, mode, negated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            ((r.mention, doc, r.action, r.actor, r.recipient, r.date, r.mode, int(r.negated)) for r in reports))
        self.db.execute("INSERT INTO docs VALUES (?, ?)", (doc, len(reports)))

    def present(self, docs: Iterable[str]) -> list[str]:
        """Those of ``docs`` the index holds."""
        out = []
        for chunk in _chunks(docs):
            marks = ",".join("?" * len(chunk))
            out.extend(r[0] for r in self.db.execute(f"SELECT doc FROM docs WHERE doc IN ({marks})", chunk))
        return out

    def remove_document(self, doc: str) -> None:
        for table in ("docs", "actors", "name_keys", "reports"):
            self.db.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))  # noqa: S608 - fixed table names

    # -- actors --------------------------------------------------------------
    def local_actors(self, origins: Iterable[str]) -> list[LocalActor]:
        """Every document's reading of these actors (one per document and actor)."""
        out = []
        for chunk in _chunks(origins):
            marks = ",".join("?" * len(chunk))
            out.extend(LocalActor(o, k, n, c, d) for d, o, k, n, c in self.db.execute(
                f"SELECT doc, origin, kind, name, country FROM actors WHERE origin IN ({marks})", chunk))
        return out

    def persons_sharing(self, keys: Iterable[str]) -> tuple[set[str], set[str]]:
        """The persons with any of these name keys, and all of their keys."""
        origins: set[str] = set()
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            origins.update(r[0] for r in self.db.execute(
                f"SELECT DISTINCT origin FROM name_keys WHERE key IN ({marks})", chunk))
        found: set[str] = set()
        for chunk in _chunks(origins):
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(
                f"SELECT DISTINCT key FROM name_keys WHERE origin IN ({marks})", chunk))
        return origins, found

    def canon(self, origins: Iterable[str]) -> dict[str, Canonical]:
        """The canonical actor resolution last gave each of these origins."""
        out = {}
        for chunk in _chunks(origins):
            marks = ",".join("?" * len(chunk))
            for o, iri, kind, name, country in self.db.execute(
                    f"SELECT origin, iri, kind, name, country FROM canon WHERE origin IN ({marks})", chunk):
                out[o] = Canonical(iri, kind, name, country)
        return out

    def set_canon(self, changed: dict[str, Canonical], gone: Iterable[str]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO canon VALUES (?, ?, ?, ?, ?)",
                            ((o, c.iri, c.kind, c.name, c.country) for o, c in changed.items()))
        self.db.executemany("DELETE FROM canon WHERE origin = ?", ((o,) for o in gone))

    def canonical_named(self, iris: Iterable[str]) -> dict[str, Canonical]:
        """A canonical actor by its IRI, for the IRIs some actor still resolves to."""
        out = {}
        for chunk in _chunks(iris):
            marks = ",".join("?" * len(chunk))
            for iri, kind, name, country in self.db.execute(
                    f"SELECT iri, kind, name, country FROM canon WHERE iri IN ({marks}) ORDER BY origin", chunk):
                out.setdefault(iri, Canonical(iri, kind, name, country))
        return out

    def docs_naming(self, origins: Iterable[str]) -> set[str]:
        """The documents that name any of these actors."""
        out: set[str] = set()
        for chunk in _chunks(origins):
            marks = ",".join("?" * len(chunk))
            out.update(r[0] for r in self.db.execute(f"SELECT DISTINCT doc FROM actors WHERE origin IN ({marks})",
                                                     chunk))
        return out

    # -- reports ---------------------------------------------------------------
    _REPORT = "mention, doc, action, actor, recipient, date, mode, negated, block"

    def _report(self, row) -> tuple[Report, str | None]:
        m, d, a, x, y, date, mode, neg, block = row
        return Report(m, d, a, x, y, date, mode, bool(neg)), block

    def unblocked_reports(self, origins: Iterable[str]) -> list[tuple[Report, str | None]]:
        """The reports with no block yet (new ones) or with a participant among ``origins``."""
        seen: dict[str, tuple[Report, str | None]] = {}
        for row in self.db.execute(f"SELECT {self._REPORT} FROM reports WHERE block IS NULL"):
            seen[row[0]] = self._report(row)
        for chunk in _chunks(origins):
            marks = ",".join("?" * len(chunk))
            for column in ("actor", "recipient"):  # one indexed look-up each (an OR would scan the table)
                for row in self.db.execute(f"SELECT {self._REPORT} FROM reports WHERE {column} IN ({marks})", chunk):
                    seen[row[0]] = self._report(row)
        return list(seen.values())

    def set_blocks(self, blocks: Iterable[tuple[str, str]]) -> None:
        self.db.executemany("UPDATE reports SET block = ? WHERE mention = ?", ((b, m) for m, b in blocks))

    def reports_in(self, blocks: Iterable[str]) -> list[tuple[Report, EventFacts | None]]:
        """Every report of these blocks, with the event resolution last gave it."""
        out = []
        for chunk in _chunks(blocks):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                    f"SELECT {self._REPORT}, event, ev_actor, ev_recipient, ev_date, ev_mode FROM reports "
                    f"WHERE block IN ({marks})", chunk):
                report, _ = self._report(row[:9])
                event, ev_actor, ev_recipient, ev_date, ev_mode = row[9:]
                facts = None if event is None else EventFacts(event, report.action, ev_mode, ev_actor, ev_recipient,
                                                              ev_date, report.negated)
                out.append((report, facts))
        return out

    def set_events(self, events: dict[str, EventFacts]) -> None:
        self.db.executemany(
            "UPDATE reports SET event = ?, ev_actor = ?, ev_recipient = ?, ev_date = ?, ev_mode = ? WHERE mention = ?",
            ((e.iri, e.actor, e.recipient, e.date, e.mode, m) for m, e in events.items()))

    def document_events(self, doc: str) -> dict[str, EventFacts]:
        """Mention -> event of one document, as resolution last decided."""
        out = {}
        for m, action, neg, event, ev_actor, ev_recipient, ev_date, ev_mode in self.db.execute(
                "SELECT mention, action, negated, event, ev_actor, ev_recipient, ev_date, ev_mode FROM reports "
                "WHERE doc = ?", (doc,)):
            out[m] = EventFacts(event, action, ev_mode, ev_actor, ev_recipient, ev_date, bool(neg))
        return out

    # -- Wikidata links --------------------------------------------------------
    def links(self, iris: Iterable[str]) -> dict[str, str]:
        out = {}
        for chunk in _chunks(iris):
            marks = ",".join("?" * len(chunk))
            out.update(self.db.execute(f"SELECT iri, qid FROM links WHERE iri IN ({marks})", chunk))
        return out

    def link_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM links").fetchone()[0]

    def set_links(self, links: dict[str, str | None]) -> None:
        self.db.executemany("DELETE FROM links WHERE iri = ?", ((i,) for i, q in links.items() if q is None))
        self.db.executemany("INSERT OR REPLACE INTO links VALUES (?, ?)",
                            ((i, q) for i, q in links.items() if q is not None))
