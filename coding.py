"""Coding documents in batches, in this process or on a Dask cluster.

A build streams its documents in batches to a *coder* and writes what comes
back into the store; the coder never touches the store.  Each batch becomes a
list of :class:`CodedDocument`: the document's named graph as N-Triples text
(what Oxigraph's own parser loads fastest), or the reason it could not be
coded.  :func:`code_documents` does that for one batch; it is the same
function in this process (:class:`LocalCoder`) and on Dask workers
(:class:`DaskCoder`), so a distributed build gives exactly the graph of a
local one.

:class:`DaskCoder` uses Dask's own scheduler (``distributed``): a
``LocalCluster`` of worker processes on this machine, or an existing cluster
at a scheduler address.  It keeps a bounded number of batches in flight, so
the driver never holds more than a few batches of the corpus; a worker that
dies has its batches re-run by Dask elsewhere; a batch that still cannot be
coded is reported document by document, like any bad document.  Each worker
process loads the spaCy model once (:func:`worker_extractor`).

>>> from newskg.records import Document
>>> coded = code_documents([Document("d1", "")], extractor=_NoEvents())
>>> coded[0].id, coded[0].events, "NewsArticle" in coded[0].ntriples
('d1', 0, True)
"""

from __future__ import annotations

import collections
import contextlib
import functools
import itertools
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from typing import TYPE_CHECKING

from .errors import ConfigError, NewsKGError
from .records import Document

if TYPE_CHECKING:
    from .graph.facts import GraphFacts

__all__ = ["CodedDocument", "code_documents", "check_graphs", "worker_extractor", "LocalCoder",
           "DaskCoder", "batched", "tapered"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CodedDocument:
    """One document as a coder returns it: its graph as N-Triples text, or why it could not be coded."""

    id: str
    ntriples: str
    events: int
    error: str | None = None
    #: what resolution needs of the graph (:func:`newskg.graph.facts.coded_graph`), made with its text
    facts: GraphFacts | None = None


class _NoEvents:
    """A stand-in extractor for the doctest: every document has no events."""

    def pipe(self, documents):
        return ((d, []) for d in documents)


@functools.lru_cache(maxsize=2)
def worker_extractor(model: str | None, batch_size: int = 64, n_process: int = 1):
    """The extractor of this process, loaded once per model (on a Dask worker: once per worker process)."""
    from .extract import Extractor

    return Extractor(model, batch_size=batch_size, n_process=n_process)


def _coded(doc: Document, events) -> CodedDocument:
    from .graph.facts import coded_graph

    text, facts = coded_graph(doc, events)
    return CodedDocument(doc.id, text, len(events), facts=facts)


def code_documents(documents: Sequence[Document], *, model: str | None = None, batch_size: int = 64,
                   extractor=None) -> list[CodedDocument]:
    """Code one batch: parse, code and turn each document into the triples of its named graph.

    A document whose coding raises gets a :class:`CodedDocument` with its
    ``error`` and no triples; the others of its batch are coded as usual.
    :class:`~newskg.errors.NewsKGError` (the model cannot be loaded, say) is
    not a document's fault and propagates.
    """
    ex = extractor if extractor is not None else worker_extractor(model, batch_size)
    try:
        return [_coded(doc, events) for doc, events in ex.pipe(documents)]
    except NewsKGError:
        raise
    except Exception:  # noqa: BLE001 - find the document at fault, one at a time
        log.debug("a batch failed; coding its documents one by one", exc_info=True)
    out = []
    for doc in documents:
        try:
            out.extend(_coded(d, events) for d, events in ex.pipe([doc]))
        except NewsKGError:
            raise
        except Exception as err:  # noqa: BLE001 - reported as a bad document
            out.append(CodedDocument(doc.id, "", 0, error=f"{type(err).__name__}: {err}"))
    return out


def check_graphs(ntriples: str):
    """SHACL-validate graphs given as N-Triples text (:func:`newskg.graph.validation.validate_ntriples`); runs on a
    worker too."""
    from .graph.validation import validate_ntriples

    return validate_ntriples(ntriples)


class _Done:
    """The result of a call made in this process, with the interface of a Dask future."""

    def __init__(self, value) -> None:
        self.value = value

    def result(self):
        return self.value


class _Later:
    """A result another thread fetches (:meth:`DaskCoder.last`); ``.result()`` waits for it."""

    def __init__(self) -> None:
        self._ready = threading.Event()
        self._value = self._error = None

    def set(self, value) -> None:
        self._value = value
        self._ready.set()

    def fail(self, err: BaseException) -> None:
        self._error = err
        self._ready.set()

    def result(self):
        self._ready.wait()
        if self._error is not None:
            raise self._error
        return self._value


def tapered(items: Iterable, size: int, ahead: int, small: int) -> Iterator[list]:
    """Lists of ``size`` items, read ``ahead`` lists in advance; the last ``ahead`` lists' items come in lists of
    ``small`` instead, so that at the end of a run no worker waits long on another's last batch.

    >>> [len(b) for b in tapered(range(10), 3, 2, 1)]
    [3, 3, 1, 1, 1, 1]
    >>> [len(b) for b in tapered(range(5), 3, 0, 1)]
    [3, 2]
    """
    held: collections.deque[list] = collections.deque()
    for chunk in batched(items, size):
        held.append(chunk)
        if len(held) > ahead:
            yield held.popleft()
    yield from batched(itertools.chain.from_iterable(held), small)


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last may be shorter).

    >>> list(batched(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


class LocalCoder:
    """Codes batches in this process, one after another (``extractor``: an :class:`~newskg.extract.Extractor`
    or anything with its ``pipe``; by default the model's, loaded once)."""

    def __init__(self, model: str | None = None, *, batch_size: int = 64, n_process: int = 1, extractor=None) -> None:
        self.model, self.batch_size, self.n_process = model, batch_size, n_process
        self.extractor = extractor if extractor is not None else worker_extractor(model, batch_size, n_process)

    def __enter__(self) -> LocalCoder:
        return self

    def __exit__(self, *exc) -> None:
        pass

    @staticmethod
    def call(fn, *args, **kwargs):
        """Run ``fn(*args, **kwargs)`` here and now; the result is had with ``.result()``."""
        return _Done(fn(*args, **kwargs))

    @staticmethod
    def last(*futures) -> list:
        """The results of the last calls (:meth:`DaskCoder.last`): here, already made."""
        return list(futures)

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[list[Document], list[CodedDocument]]]:
        """``(batch, coded batch)`` pairs, in input order.

        The documents go through one ``nlp.pipe`` stream (restarting it for every batch costs spaCy
        more); when the stream raises, the documents it held are coded one by one, so that only the one
        at fault is reported, and a new stream takes the rest.
        """
        rest = iter(documents)
        while True:
            held: collections.deque[Document] = collections.deque()

            def feed() -> Iterator[Document]:
                for doc in rest:
                    held.append(doc)
                    yield doc

            batch: list[Document] = []
            coded: list[CodedDocument] = []
            try:
                for doc, events in self.extractor.pipe(feed()):
                    coded.append(_coded(doc, events))
                    batch.append(held.popleft())
                    if len(batch) == self.batch_size:
                        yield batch, coded
                        batch, coded = [], []
            except NewsKGError:
                raise
            except Exception:  # noqa: BLE001 - find the document at fault, one at a time
                log.debug("the stream failed; coding the documents it held one by one", exc_info=True)
                stuck = list(held)
                yield batch + stuck, coded[:len(batch)] + code_documents(stuck, extractor=self.extractor)
                continue
            if batch:
                yield batch, coded
            return


class DaskCoder:
    """Codes batches on Dask workers: a ``LocalCluster`` of ``workers`` processes, or the cluster at ``scheduler``.

    Parameters
    ----------
    model : str, optional
        spaCy model name, loaded once by each worker process.
    workers : int
        Worker processes of a local cluster (ignored with ``scheduler``).
    scheduler : str, optional
        Address of an existing Dask scheduler (``tcp://HOST:8786``).
    batch_size : int
        Documents per task.
    in_flight : int, optional
        Batches submitted and not yet returned (default: two per worker).
    """

    def __init__(self, model: str | None = None, *, workers: int = 0, scheduler: str | None = None,
                 batch_size: int = 64, in_flight: int | None = None) -> None:
        import dask
        from distributed import Client, LocalCluster

        from .coding_workers import WORKER_CONFIG, QuickExit

        self.model, self.batch_size = model, batch_size
        self.cluster = None
        logging.getLogger("distributed").setLevel(logging.WARNING)  # Dask's start-up chatter is not the user's
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="10s")
            else:
                if workers < 1:
                    raise ConfigError("--workers must be at least 1", hint="e.g. --workers 2")
                with dask.config.set(WORKER_CONFIG):
                    self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
                self.client.register_plugin(QuickExit())  # our own workers only, not a --scheduler cluster's
        except OSError as err:
            self.close()
            raise ConfigError(f"cannot reach the Dask scheduler {scheduler or '(local cluster)'}: {err}",
                              hint="start it with `dask scheduler` and its workers with `dask worker ADDRESS`, "
                                   "or use --workers N for a cluster on this machine") from None
        self.n_workers = n = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)
        self.in_flight = in_flight or 2 * n
        self._closer: threading.Thread | None = None
        self._lock = threading.Lock()
        self._warm: list = []  # the workers' warm-up calls, held until the cluster is closed

    def __enter__(self) -> DaskCoder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        closer = getattr(self, "_closer", None)
        if closer is not None and closer is not threading.current_thread():
            closer.join()
        with getattr(self, "_lock", contextlib.nullcontext()):
            client, cluster = getattr(self, "client", None), self.cluster
            self.client = self.cluster = None
            getattr(self, "_warm", []).clear()
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    def call(self, fn, *args, **kwargs):
        """Run ``fn(*args, **kwargs)`` on a worker; the result is had with ``.result()``."""
        return self.client.submit(fn, *args, **kwargs, pure=False)

    def last(self, *futures) -> list:
        """The results of the last calls of a build, fetched on a thread that then closes the cluster, while the
        caller goes on (closing a ``LocalCluster`` takes half a second); each with ``.result()`` (``None``
        stays ``None``).  The coder is not used after this."""
        fetched = [_Later() if f is not None else None for f in futures]

        def work() -> None:
            for f, out in zip(futures, fetched):
                if f is not None:
                    try:
                        out.set(f.result())
                    except BaseException as err:  # noqa: BLE001 - raised where the result is asked for
                        out.fail(err)
            try:
                self.close()
            except Exception:  # noqa: BLE001 - the results are in; a slow shutdown is not the build's failure
                log.debug("closing the Dask cluster failed", exc_info=True)

        self._closer = threading.Thread(target=work, name="newskg-dask-close", daemon=True)
        self._closer.start()
        return fetched

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[list[Document], list[CodedDocument]]]:
        """``(batch, coded batch)`` pairs as batches finish, at most ``in_flight`` at a time."""
        from distributed import as_completed

        from .coding_workers import warm_worker

        batches = enumerate(tapered(documents, self.batch_size, self.n_workers, max(1, self.batch_size // 4)))
        pending: dict = {}
        done = as_completed()
        warmed = self._warm

        def submit() -> bool:
            item = next(batches, None)
            if item is None:
                if not warmed:  # the input is all out: each worker gets ready for the build's last calls
                    warmed.extend(self.client.submit(warm_worker, pure=False, priority=-1, workers=[w],
                                                     key=f"newskg-warm-{w}") for w in self._workers())
                return False
            i, batch = item
            fut = self.client.submit(code_documents, batch, model=self.model, batch_size=self.batch_size,
                                     key=f"newskg-code-{i}-{batch[0].id[:40]}", pure=False, retries=1)
            pending[fut.key] = batch
            done.add(fut)
            return True

        try:
            while len(pending) < self.in_flight and submit():
                pass
            for fut in done:
                batch = pending.pop(fut.key)
                try:
                    coded = fut.result()
                except NewsKGError:
                    raise
                except Exception as err:  # noqa: BLE001 - the batch failed even after Dask's retries
                    why = f"{type(err).__name__}: {err}".strip()
                    coded = [CodedDocument(d.id, "", 0, error=f"its batch failed on the Dask cluster ({why})")
                             for d in batch]
                fut.release()
                yield batch, coded
                while len(pending) < self.in_flight and submit():
                    pass
        finally:
            for key in list(pending):
                pending.pop(key)
            done.clear()

    def _workers(self) -> list[str]:
        return sorted(self.client.scheduler_info().get("workers", {}))
