"""The system of record: an embedded, persistent Oxigraph store, one named graph per document.

A writer holds an exclusive lock on a file beside the store, so two builds on
the same store never interleave: the second fails at once (or waits up to
``lock_timeout`` seconds) with :class:`~newskg.errors.StoreLockedError`.
Readers (queries, ``newskg serve``) hold a shared lock on the same file for as
long as they read: many readers run together, but no writer starts while one
reads and no reader opens the store while a writer holds it (Oxigraph leaves
reading during a write undefined).

Replacing a document's graph is one SPARQL update (``DROP GRAPH`` then
``INSERT DATA``), which Oxigraph applies in a single transaction: after a
crash the store holds either the old or the new graph, never a mix.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph(identifier=URIRef("https://w3id.org/newskg/id/doc/d1"))
>>> _ = g.add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("o")))
>>> with Store(None) as store:
...     store.replace_document(g)
...     store.replace_document(g)
...     len(store), store.document_ids()
(1, ['d1'])
"""

from __future__ import annotations

import fcntl
import logging
import os
import queue
import threading
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from filelock import FileLock, Timeout
from rdflib import Dataset, Graph, URIRef

from ..errors import QueryError, StoreError, StoreLockedError
from .iri import doc_iri, doc_id_of
from .terms import _ox_cached, ntriples, to_ox

__all__ = ["Store", "StoreWriter", "to_ox", "lock_path", "SharedLock", "ntriples"]

log = logging.getLogger(__name__)


def lock_path(path: str | Path) -> Path:
    """The lock file guarding a store folder.

    >>> lock_path("out/store").as_posix()
    'out/store.lock'
    """
    p = Path(path)
    return p.with_name(p.name + ".lock")


class SharedLock:
    """A shared (reader) lock on a store's lock file, compatible with the writers' exclusive lock.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()) / "store"
    >>> d.mkdir()
    >>> with SharedLock(d), SharedLock(d):
    ...     try:
    ...         FileLock(str(lock_path(d))).acquire(timeout=0)
    ...     except Timeout:
    ...         print("no writer while readers read")
    no writer while readers read
    """

    def __init__(self, store: str | Path) -> None:
        self.path = lock_path(store)
        self._fd: int | None = None

    def acquire(self) -> "SharedLock":
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StoreLockedError(f"the store {self.path.with_suffix('')} is being written by a newskg build",
                                   hint="wait for the build to finish, then run this command again") from None
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "SharedLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


class Store:
    """An Oxigraph store on disk (or in memory when ``path`` is None).

    Parameters
    ----------
    path : path or None
        Folder of the store; created when missing (not in read-only mode).
    read_only : bool
        Open for reading only, without taking the write lock.
    lock_timeout : float
        Seconds a writer waits for another writer to finish; 0 fails at once.
    """

    def __init__(self, path: str | Path | None, *, read_only: bool = False, lock_timeout: float = 0) -> None:
        self.path = None if path is None else Path(path)
        self.read_only = read_only
        self._lock: FileLock | None = None
        self._shared: SharedLock | None = None
        if self.path is None:
            self.ox = ox.Store()
            return
        if read_only:
            if not (self.path / "CURRENT").exists():
                raise StoreError(f"{self.path} is not a newskg store",
                                 hint="run `newskg build` to create it, or check --out")
            self._shared = SharedLock(self.path).acquire()
            try:
                self.ox = ox.Store.read_only(str(self.path))
            except OSError as err:
                self._shared.release()
                raise StoreError(f"cannot open the store {self.path}: {err}",
                                 hint="check the folder, or delete it and build again") from None
            return
        self.path.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(lock_path(self.path)))
        try:
            lock.acquire(timeout=lock_timeout)
        except Timeout:
            raise StoreLockedError(
                f"the store {self.path} is in use by another newskg process (a build, a query or `newskg serve`)",
                hint="wait for it to finish (or stop the endpoint), then run this command again") from None
        self._lock = lock
        try:
            self.ox = ox.Store(str(self.path))
        except OSError as err:
            lock.release()
            self._lock = None
            raise StoreError(f"cannot open the store {self.path}: {err}",
                             hint="check the folder, or delete it and build again") from None

    # -- context management -------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store and its lock."""
        if getattr(self, "ox", None) is not None and not self.read_only and self.path is not None:
            try:
                self.ox.flush()
            except OSError as err:  # pragma: no cover - disk failure
                log.error("flushing %s failed: %s", self.path, err)
        self.ox = None  # type: ignore[assignment]
        if self._shared is not None:
            self._shared.release()
            self._shared = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self.ox.flush()

    def __len__(self) -> int:
        return len(self.ox)

    # -- writing ------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only", hint="open it without read_only to write")

    def replace_document(self, graph: Graph) -> None:
        """Replace the named graph ``graph.identifier`` by ``graph``'s triples, atomically."""
        name = graph.identifier
        if not isinstance(name, URIRef):
            raise StoreError("a document graph needs an IRI as its identifier",
                             hint="build it with newskg.graph.document_graph")
        self.replace_document_triples(name, graph)

    def replace_document_triples(self, name: URIRef, triples: Iterable[tuple]) -> None:
        """Replace the named graph ``name`` by rdflib ``triples`` (repeats allowed), atomically.

        ``build`` calls it with :func:`~newskg.graph.document_triples`, without an rdflib graph in
        between: the terms go straight to Oxigraph, which writes them in N-Triples syntax.
        """
        self._replace_graph(name, dict.fromkeys(f"{_ox_cached(s)} {_ox_cached(p)} {to_ox(o)} ." for s, p, o in triples))

    def write_documents(self, graphs: Iterable[tuple[str, str]]) -> None:
        """Write named graphs given as ``(graph IRI, N-Triples text)``, each atomically.

        A graph not in the store yet is loaded by Oxigraph's N-Triples parser in
        one transaction; one that is replaced is dropped and inserted in one
        SPARQL update, as :meth:`replace_document_triples` does.
        """
        self._check_writable()
        for name, text in graphs:
            g = ox.NamedNode(name)
            if self.ox.contains_named_graph(g):
                self._replace_graph(name, (text,))
            else:
                try:
                    self.ox.load(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=g)
                except SyntaxError as err:
                    raise StoreError(f"the triples of {name} do not parse: {err}",
                                     hint="this is a bug, please report it") from None

    def patch_document(self, name: str, removed: Iterable[str], added: Iterable[str]) -> None:
        """Delete the N-Triples lines ``removed`` from the named graph ``name`` and insert ``added``, atomically.

        Resolution rewrites a graph this way: its changes (an actor's canonical IRI and label, an event's
        IRI) touch a fraction of the graph's triples, and Oxigraph's cost is per quad written.  The lines
        hold no blank nodes (document graphs have none).

        >>> with Store(None) as store:
        ...     g = "https://w3id.org/newskg/id/doc/d1"
        ...     store.write_documents([(g, '<https://example.org/s> <https://example.org/p> "o" .')])
        ...     store.patch_document(g, ['<https://example.org/s> <https://example.org/p> "o" .'],
        ...                          ['<https://example.org/s> <https://example.org/p> "n" .'])
        ...     [str(q.object) for q in store.ox]
        ['"n"']
        """
        self._check_writable()
        removed, added = "\n".join(removed), "\n".join(added)
        parts = ([f"DELETE DATA {{ GRAPH <{name}> {{\n{removed}\n}} }}"] if removed else []) + (
            [f"INSERT DATA {{ GRAPH <{name}> {{\n{added}\n}} }}"] if added else [])
        if parts:
            self.ox.update(" ;\n".join(parts))

    def replace_triples(self, name: str, triples) -> None:
        """Replace the named graph ``name`` by pyoxigraph triples, atomically (used by resolution)."""
        self._replace_graph(name, (f"{t.subject} {t.predicate} {t.object} ." for t in sorted(triples, key=str)))

    def _replace_graph(self, name: str, lines: Iterable[str]) -> None:
        """Drop the named graph ``name`` and insert ``lines`` (N-Triples) into it, in one transaction."""
        self._check_writable()
        body = "\n".join(lines)
        self.ox.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")

    def bulk_load(self, path: str | Path, *, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None:
        """Load a large RDF file fast (Oxigraph's bulk loader; not transactional, for fresh stores)."""
        self._check_writable()
        try:
            self.ox.bulk_load(path=str(path), format=fmt)
        except SyntaxError as err:
            raise StoreError(f"{path}: {err}", hint="check the file with `rapper -c` or `riot --validate`") from None

    def remove_document(self, doc_id: str) -> None:
        """Remove a document's named graph."""
        self._check_writable()
        g = ox.NamedNode(str(doc_iri(doc_id)))
        if self.ox.contains_named_graph(g):
            self.ox.remove_graph(g)

    # -- reading ------------------------------------------------------------
    def document_ids(self) -> list[str]:
        """Ids of the documents in the store, sorted."""
        ids = (doc_id_of(g.value) for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))
        return sorted(i for i in ids if i is not None)

    def query(self, sparql: str, *, bindings: dict | None = None, timeout: float | None = None):
        """Run a SPARQL query over the union of all graphs.

        ``bindings`` maps variable names to rdflib or pyoxigraph terms and is
        substituted safely (never pasted into the query text).  ``timeout`` is
        accepted for API symmetry with the endpoint; the embedded store has no
        query timeout.
        """
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        try:
            return self.ox.query(sparql, use_default_graph_as_union=True, substitutions=subs or None)
        except SyntaxError as err:
            raise QueryError(f"bad SPARQL: {err}", hint="check the query syntax") from None
        except OSError as err:
            raise QueryError(f"the query failed: {err}", hint="check the query") from None

    def nquads(self) -> bytes:
        """All quads as N-Quads (unsorted)."""
        return self.ox.dump(format=ox.RdfFormat.N_QUADS)

    def dataset(self) -> Dataset:
        """All named graphs as an rdflib Dataset."""
        ds = Dataset()
        ds.parse(data=self.nquads().decode("utf-8"), format="nquads")
        return ds

    def union_graph(self) -> Graph:
        """The merge of every named graph, as an rdflib Graph."""
        g = Graph()
        triples = self.ox.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        g.parse(data=triples.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
        return g


class StoreWriter:
    """Writes batches of named graphs into a store from a thread of its own.

    Oxigraph parses and writes without Python's global lock, so the caller
    goes on coding the next batch meanwhile.  At most ``depth`` batches wait;
    :meth:`close` waits for the last one and raises what the writer raised.

    >>> with Store(None) as store:
    ...     with StoreWriter(store) as writer:
    ...         writer.put([("https://w3id.org/newskg/id/doc/d1", '<https://example.org/s> <https://example.org/p> "o" .')])
    ...     store.document_ids()
    ['d1']
    """

    def __init__(self, store: Store, *, depth: int = 2, flush_every: int = 500) -> None:
        self.store, self.flush_every = store, flush_every
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="newskg-store-writer", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        written = 0
        while (graphs := self._queue.get()) is not None:
            if self._error is not None:
                continue  # drain: the caller learns of the error at its next put or at close
            try:
                self.store.write_documents(graphs)
                if (written + len(graphs)) // self.flush_every != written // self.flush_every:
                    self.store.flush()  # Oxigraph's memtables otherwise grow with the corpus
                written += len(graphs)
            except BaseException as err:  # noqa: BLE001 - handed to the caller
                self._error = err

    def _raise(self) -> None:
        if self._error is not None:
            err, self._error = self._error, None
            raise err

    def put(self, graphs: list[tuple[str, str]]) -> None:
        """Queue ``(graph IRI, N-Triples text)`` pairs (waits while ``depth`` batches are queued)."""
        self._raise()
        self._queue.put(list(graphs))

    def close(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        self._raise()

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.close()
        else:  # already failing: stop the writer, keep the first error
            try:
                self.close()
            except BaseException:  # noqa: BLE001
                log.debug("the store writer failed too", exc_info=True)
