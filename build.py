"""The build job: read a corpus, extract events, load the store, write the outputs.

``build`` is what ``newskg build`` runs.  It streams documents through the
extractor one batch at a time and replaces each document's named graph in the
on-disk store as soon as it is coded, so a killed build loses at most the
documents in flight and re-running the same command completes the job
without duplicates.  After loading it resolves actors and events across
documents, validates the graph against the SHACL shapes, and writes
``graph.trig``, ``events.jsonl``, ``graph.html`` and ``report.md``, each
through a temporary file and a rename.
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .config import Settings
from .corpus import read_corpus
from .errors import InputError, NewsKGError, ValidationError
from .fileio import atomic_write
from .records import Document, Event

__all__ = ["BuildReport", "build", "store_path", "write_events", "OUTPUT_FILES"]

log = logging.getLogger(__name__)

#: The files a build writes into its output folder, besides the store.
#: Documents between flushes of the store to disk, which keeps memory flat on long runs.
FLUSH_EVERY = 500

#: How many document graphs ``build`` validates at most (evenly spread); ``newskg validate`` checks all.
VALIDATE_SAMPLE = 100

OUTPUT_FILES: tuple[str, ...] = ("graph.trig", "events.jsonl", "graph.html", "report.md")


def store_path(out: str | Path) -> Path:
    """The folder of the on-disk store inside an output folder.

    >>> store_path("out").as_posix()
    'out/store'
    """
    return Path(out) / "store"


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
        Passed to ``nlp.pipe``.
    on_problem : callable, optional
        Called with each skipped document's :class:`~newskg.errors.InputError`.
    progress : callable, optional
        Called after each document with the document and its event count.
    html, report : bool
        Also write ``graph.html`` and ``report.md``.
    strict : bool
        Raise :class:`~newskg.errors.ValidationError` when the graph does not
        conform to the shapes (after all files are written).

    Returns
    -------
    BuildReport
    """
    from .export import export_rdf, write_html, write_report
    from .extract import Extractor
    from .graph import Store, document_triples, events_from_store, resolve, validate
    from .graph.iri import doc_iri

    if on_error not in ("stop", "skip"):
        raise NewsKGError(f"--on-error must be 'stop' or 'skip', not {on_error!r}",
                          hint="use --on-error skip to report bad documents and go on")
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
    n_docs = n_events = 0
    with Store(store_path(out)) as store:
        _remove_stale_temporaries(out)
        stream = itertools.chain([first], docs) if first is not None else iter(())
        extractor = Extractor(settings.model, batch_size=batch_size, n_process=n_process) if first else None
        for doc, events in (extractor.pipe(stream) if extractor else ()):
            store.replace_document_triples(doc_iri(doc.id), document_triples(doc, events))
            n_docs += 1
            n_events += len(events)
            if n_docs % FLUSH_EVERY == 0:
                store.flush()  # Oxigraph's memtables otherwise grow with the corpus (about 100 MB per 1,000 documents)
            if progress is not None:
                progress(doc, len(events))
        resolve(store)
        store.flush()
        files: list[Path] = []
        export_rdf(store, "trig", out / "graph.trig")
        files.append(out / "graph.trig")
        n_rows = write_events(events_from_store(store), out / "events.jsonl")
        files.append(out / "events.jsonl")
        # SHACL is the slowest step after parsing: on large stores the build checks an even sample
        # of VALIDATE_SAMPLE documents (the graphs come from one code path); `newskg validate` checks all.
        check = validate(store, sample=VALIDATE_SAMPLE)
        if html:
            files.append(write_html(store, out / "graph.html"))
        if report:
            files.append(write_report(store, out))
        result = BuildReport(
            out=out, documents=n_docs, events=n_events,
            store_documents=len(store.document_ids()), store_events=n_rows,
            problems=tuple(problems), conforms=check.conforms, validation=check.text,
            files=tuple(files), skipped=tuple(sorted(skipped.items())),
        )
    if strict and not check.conforms:
        raise ValidationError(
            "the graph does not conform to the newskg shapes: " + check.text.strip().splitlines()[0]
            if check.text.strip() else "the graph does not conform to the newskg shapes",
            path=out / "graph.trig",
            hint="run `newskg validate` for the full report; this is a bug, please report it")
    return result
