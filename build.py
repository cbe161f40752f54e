"""The build job: read a corpus, extract events, load the store, write the outputs.

``build`` is what ``newskg build`` runs.  It streams documents in batches to a
coder (:mod:`newskg.coding`: this process, or Dask workers) and writes
each document's named graph into the on-disk store as soon as its batch
comes back, so a killed build loses at most the batches in flight and
re-running the same command completes the job without duplicates.  Then it
resolves actors and events across documents, looking only at what this build
touched (:mod:`newskg.graph.index`), validates a sample of the graphs it
wrote against the SHACL shapes, and writes the whole-store files
``graph.trig``, ``events.jsonl``, ``graph.html`` and ``report.md`` (each
through a temporary file and a rename) when that costs little next to the
build itself (:func:`views_due`); a few documents added to a large store do
not rewrite them.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .config import Settings
from .corpus import read_corpus
from .errors import ConfigError, InputError, NewsKGError, ValidationError
from .fileio import atomic_write
from .records import Document, Event

__all__ = ["BuildReport", "build", "store_path", "index_path", "write_events", "views_due", "OUTPUT_FILES",
           "VIEWS_UP_TO", "VIEWS_SHARE"]

log = logging.getLogger(__name__)

#: The files a build writes into its output folder, besides the store.
#: Documents between flushes of the store to disk, which keeps memory flat on long runs.
FLUSH_EVERY = 500

#: How many document graphs ``build`` validates at most (evenly spread); ``newskg validate`` checks all.
VALIDATE_SAMPLE = 100

OUTPUT_FILES: tuple[str, ...] = ("graph.trig", "events.jsonl", "graph.html", "report.md")

#: With ``views="auto"``, stores of at most this many documents always get their whole-store files.
VIEWS_UP_TO = 500
#: ... and larger ones when a build codes at least this share of the store (so the files cost a bounded
#: fraction of the build that asks for them, however large the store).
VIEWS_SHARE = 0.1


def store_path(out: str | Path) -> Path:
    """The folder of the on-disk store inside an output folder.

    >>> store_path("out").as_posix()
    'out/store'
    """
    return Path(out) / "store"


def index_path(out: str | Path) -> Path:
    """The resolution index of the store in an output folder (derived data; deleting it costs one rebuild).

    >>> index_path("out").as_posix()
    'out/.newskg/resolution.sqlite'
    """
    return Path(out) / ".newskg" / "resolution.sqlite"


def views_due(views: str, store_documents: int, coded: int) -> bool:
    """Whether a build writes the whole-store files (``graph.trig``, ``events.jsonl``, ``graph.html``, ``report.md``).

    ``"all"`` always, ``"none"`` never; ``"auto"`` when the store is small
    (:data:`VIEWS_UP_TO` documents) or this build coded at least
    :data:`VIEWS_SHARE` of it.  Writing them costs time in proportion to the
    store, so "auto" keeps that cost a bounded fraction of the build's own.

    >>> views_due("auto", 400, 10), views_due("auto", 20_010, 10), views_due("auto", 20_000, 20_000)
    (True, False, True)
    """
    if views not in ("auto", "all", "none"):
        raise NewsKGError(f"--views must be auto, all or none, not {views!r}",
                          hint="use --views all to write graph.trig, events.jsonl, graph.html and report.md")
    if views != "auto":
        return views == "all"
    return store_documents <= VIEWS_UP_TO or coded >= VIEWS_SHARE * store_documents


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did."""

    out: Path
    documents: int
    events: int
    store_documents: int
    store_events: int
    problems: tuple[InputError, ...] = ()
    conforms: bool = True
    validation: str = ""
    files: tuple[Path, ...] = field(default_factory=tuple)
    removed: tuple[Path, ...] = ()  #: whole-store files this build left out of date and removed
    #: Archive records not coded, by reason (not HTML, HTTP status not 200, not English, duplicate URL, ...).
    skipped: tuple[tuple[str, int], ...] = ()


def write_events(events: Iterable[Event], path: str | Path) -> int:
    """Write an event table as JSON Lines (atomically); return the number of rows.

    >>> import tempfile, json
    >>> from newskg.records import Actor
    >>> p = Path(tempfile.mkdtemp()) / "events.jsonl"
    >>> ev = Event(doc="d", sentence="A met B.", start=0, end=8, actor=Actor("A"),
    ...            action="CONSULT", target=Actor("B"))
    >>> write_events([ev], p)
    1
    >>> json.loads(p.read_text())["action"]
    'CONSULT'
    """
    n = 0
    with atomic_write(path) as f:
        for ev in events:
            f.write(ev.to_json() + "\n")
            n += 1
    return n


def _remove_stale_temporaries(out: Path) -> None:
    """Remove the temporary files a killed run left behind (``atomic_write`` names them ``.NAME.*.tmp``)."""
    for folder in (out, out / "figures"):
        for tmp in folder.glob(".*.tmp") if folder.is_dir() else ():
            log.info("removing %s, left by an interrupted run", tmp)
            tmp.unlink(missing_ok=True)


def build(
    inputs: Sequence[str | Path],
    *,
    out: str | Path = "out",
    published: date | None = None,
    model: str | None = None,
    on_error: str = "skip",
    n_process: int = 1,
    batch_size: int = 64,
    on_problem: Callable[[InputError], None] | None = None,
    progress: Callable[[Document, int], None] | None = None,
    html: bool = True,
    report: bool = True,
    strict: bool = True,
    workers: int = 0,
    scheduler: str | None = None,
    views: str = "auto",
) -> BuildReport:
    """Build (or update) the knowledge graph in ``out`` from ``inputs``.

    Parameters
    ----------
    inputs : sequence of path
        ``.txt`` files, HTML pages, WARC/ARC archives, folders of them, or JSONL corpora.
    out : path
        Output folder; holds the store and the written files.  Documents
        already in the store stay; a document with the same id is replaced.
    published : datetime.date, optional
        Publication date for ``.txt`` inputs (JSONL carries its own); replaces the date of HTML pages.
    model : str, optional
        spaCy model name (default: :func:`newskg.config.default_model`).
    on_error : {"skip", "stop"}
        Report a bad document and go on with the rest (the default: one bad
        record in a large corpus should not cost the whole run), or stop at the
        first one.
    n_process, batch_size : int
        Passed to ``nlp.pipe``; ``batch_size`` is also the number of documents
        per batch sent to a coder and written to the store together.
    on_problem : callable, optional
        Called with each skipped document's :class:`~newskg.errors.InputError`.
    progress : callable, optional
        Called after each document with the document and its event count.
    html, report : bool
        Also write ``graph.html`` and ``report.md`` (when the whole-store files are written).
    strict : bool
        Raise :class:`~newskg.errors.ValidationError` when the graph does not
        conform to the shapes (after all files are written).
    workers : int
        Code on a Dask ``LocalCluster`` of this many worker processes (0: in this process).
    scheduler : str, optional
        Code on the Dask cluster of this scheduler (``tcp://HOST:8786``) instead.
    views : {"auto", "all", "none"}
        When to write the whole-store files (:func:`views_due`).  Those a
        build does not rewrite are removed rather than left out of date.

    Returns
    -------
    BuildReport
    """
    from .coding import DaskCoder, LocalCoder, check_graphs
    from .graph import Store, resolve
    from .graph.index import ResolutionIndex
    from .graph.iri import doc_iri
    from .graph.resolution import KEEP_READ
    from .graph.store import StoreWriter

    if on_error not in ("stop", "skip"):
        raise NewsKGError(f"--on-error must be 'stop' or 'skip', not {on_error!r}",
                          hint="use --on-error skip to report bad documents and go on")
    views_due(views, 0, 0)  # a bad value fails before any work
    if workers and scheduler:
        raise ConfigError("give --workers or --scheduler, not both",
                          hint="--workers N starts a cluster on this machine; --scheduler uses an existing one")
    out = Path(out)
    settings = Settings(model=model) if model else Settings()
    problems: list[InputError] = []

    def problem(err: InputError) -> None:
        problems.append(err)
        if on_problem is not None:
            on_problem(err)  # the caller reports it (the CLI prints it once)
        else:
            log.warning("skipped: %s", err)

    skipped: Counter = Counter()
    docs = read_corpus(inputs, published=published, on_error=on_error, on_problem=problem, skipped=skipped)
    first = next(docs, None)  # bad input fails here, before the model is loaded
    if first is None and not store_path(out).exists():
        raise InputError("no readable documents in the input", path=", ".join(str(p) for p in inputs),
                         hint="give .txt files, folders of them, or a JSONL corpus with id and text")
    out.mkdir(parents=True, exist_ok=True)
    clock = _Phases()
    with contextlib.ExitStack() as stack:
        store = stack.enter_context(Store(store_path(out)))
        index = stack.enter_context(ResolutionIndex(index_path(out)))
        _remove_stale_temporaries(out)
        if first is None:
            coder = None
        elif workers or scheduler:
            coder = stack.enter_context(DaskCoder(settings.model, workers=workers, scheduler=scheduler,
                                                  batch_size=batch_size))
        else:
            coder = stack.enter_context(LocalCoder(settings.model, batch_size=batch_size, n_process=n_process))
        clock.lap("start")
        n_docs = n_events = 0
        written: list[str] = []
        known: dict = {}  # the facts of the graphs written, for resolution (at most KEEP_READ: memory stays flat)
        writer = stack.enter_context(StoreWriter(store, flush_every=FLUSH_EVERY))
        for batch, coded in coder.run(itertools.chain([first], docs)) if coder else ():
            good = [c for c in coded if c.error is None]
            index.add_pending(c.id for c in good)  # resolved by the next build if this one is killed
            writer.put([(str(doc_iri(c.id)), c.ntriples) for c in good])  # written while the next batch is coded
            written.extend(c.id for c in good)
            known.update((c.id, c.facts) for c in good if c.facts is not None and len(known) < KEEP_READ)
            by_id = {d.id: d for d in batch}
            for c in coded:
                if c.error is not None:
                    bad = InputError(f"document {c.id!r} could not be coded: {c.error}",
                                     hint="check its text; other documents are not affected")
                    if on_error == "stop":
                        raise bad
                    problem(bad)
                    continue
                n_docs += 1
                n_events += c.events
                if progress is not None:
                    progress(by_id[c.id], c.events)
            clock.first("first batch back")
        clock.lap("coding")
        writer.close()
        clock.lap("last writes")
        resolution = resolve(store, documents=(), index=index, known=known)  # this build's documents are pending
        # SHACL is the slowest step after parsing: a build checks an even sample of at most VALIDATE_SAMPLE of
        # the graphs it wrote (they come from one code path), on a worker when there are workers, while the
        # driver writes the whole-store files; `newskg validate` checks all.
        sample = _sample_text(store, sorted(set(written) | set(resolution.rewritten)))
        remote = coder or LocalCoder
        check = remote.call(check_graphs, sample)
        files: list[Path] = []
        removed: list[Path] = []
        n_store, n_rows = index.documents(), index.mentions()
        clock.lap("resolution")
        if views_due(views, n_store, n_docs):
            files, n_rows, check = _write_views(store, out, html=html, report=report, remote=remote, check=check)
        else:
            removed = _remove_views(out)
            check, = remote.last(check)
        clock.lap("whole-store files")
        check = check.result()
        clock.lap("validation sample")
        result = BuildReport(
            out=out, documents=n_docs, events=n_events, store_documents=n_store, store_events=n_rows,
            problems=tuple(problems), conforms=check.conforms, validation=check.text,
            files=tuple(files), removed=tuple(removed), skipped=tuple(sorted(skipped.items())),
        )
    clock.lap("closing")
    log.info("build: %s", clock)
    if strict and not check.conforms:
        raise ValidationError(
            "the graph does not conform to the newskg shapes: " + check.text.strip().splitlines()[0]
            if check.text.strip() else "the graph does not conform to the newskg shapes",
            path=out / "graph.trig",
            hint="run `newskg validate` for the full report; this is a bug, please report it")
    return result


class _Phases:
    """Wall-clock seconds of a build's phases, for the log (``build: start 0.6 s, first batch back 2.9 s, ...``)."""

    def __init__(self) -> None:
        self.start = self.last = time.perf_counter()
        self.laps: list[tuple[str, float]] = []

    def first(self, name: str) -> None:
        """Record, once, the time since the start (not a lap: the next lap still runs from the last)."""
        if len(self.laps) == 1:
            self.laps.append((name, time.perf_counter() - self.start))

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps.append((name, now - self.last))
        self.last = now

    def __str__(self) -> str:
        return ", ".join(f"{name} {t:.2f} s" for name, t in self.laps) + f"; {self.last - self.start:.2f} s in all"


def _write_views(store, out: Path, *, html: bool, report: bool, remote, check) -> tuple[list[Path], int, object]:
    """Write the whole-store files; return their paths, the rows of the event table and ``check``'s result.

    ``graph.trig`` is Oxigraph's own dump, on a thread of its own while this one writes the others.  The
    report and the page are functions of the actor network (and the page of the mentions' evidence) alone
    (:func:`newskg.export.report.report_files`, :func:`newskg.export.render_html`): with Dask workers, they
    are made there (the workers warmed up at the end of the coding, :func:`newskg.coding_workers.warm_worker`)
    while this process writes the event table, and a thread closes the cluster as soon as they and the
    SHACL ``check`` are back (:meth:`newskg.coding.DaskCoder.last`).
    """
    from .export import export_rdf, render_html
    from .export.evidence import evidence
    from .export.html import save_html
    from .export.report import report_files, save_report
    from .graph import events_from_store
    from .graph.network import actor_network

    with ThreadPoolExecutor(1, thread_name_prefix="newskg-trig") as pool:
        trig = pool.submit(export_rdf, store, "trig", out / "graph.trig")
        network = actor_network(store) if html or report else None  # read once for the page and the report
        made = remote.call(report_files, network) if report else None
        page = remote.call(render_html, network, evidence_of=evidence(store)) if html else None
        check, made, page = remote.last(check, made, page)
        rows = write_events(events_from_store(store), out / "events.jsonl")
        files = [out / "graph.trig", out / "events.jsonl"]
        if html:
            files.append(save_html(page.result(), out / "graph.html"))
        if report:
            files.append(save_report(made.result(), out))
        trig.result()
    return files, rows, check


def _remove_views(out: Path) -> list[Path]:
    """Remove the whole-store files (and the report's figures) a build leaves out of date."""
    gone = [out / name for name in OUTPUT_FILES if (out / name).exists()]
    if (out / "report.md").exists():
        gone.extend(sorted((out / "figures").glob("*.png")))
    for path in gone:
        path.unlink(missing_ok=True)
    if gone:
        log.info("removed %d whole-store file(s) this build did not rewrite", len(gone))
    return [p for p in gone if p.parent == out]


def _sample_text(store, documents: Sequence[str]) -> str:
    """An even sample of at most :data:`VALIDATE_SAMPLE` of these documents' graphs, merged, as N-Triples."""
    import pyoxigraph as ox

    from .graph.iri import doc_iri

    if len(documents) > VALIDATE_SAMPLE:
        step = len(documents) / VALIDATE_SAMPLE
        documents = [documents[int(i * step)] for i in range(VALIDATE_SAMPLE)]
    return "".join(store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(doc_iri(doc))))
                   .decode("utf-8") for doc in documents)
