"""The commands that ask the graph questions: SPARQL (``query``, ``serve``) and the analyses.

The analyses (``contacts``, ``actor``, ``key-actors``, ``balance``,
``reciprocity``, ``claims``) answer on the actor network in table, JSON or CSV.
:mod:`newskg.cli` registers them and translates the errors they raise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .cli_common import OutOption, existing_store, note, open_store
from .errors import ConfigError

__all__ = ["actor", "balance", "claims", "contacts", "key_actors_", "query", "reciprocity", "serve"]


def _params(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ConfigError(f"--param {item!r} is not NAME=VALUE", hint="e.g. --param a=Lecornu")
        out[key.strip()] = value
    return out


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
        raise ConfigError("give either a SPARQL query (or .rq file) or --name, not both or neither",
                          hint="run `newskg query --list` to see the named queries")
    if name is None and param:
        raise ConfigError("--param only applies to named queries", hint="use --name NAME with --param")
    params = _params(param)
    with open_store(out) as store:
        if name is not None and show:
            typer.echo(render_named(store, name, **params), nl=False)
        elif name is not None:
            typer.echo(format_results(store, render_named(store, name, **params), fmt), nl=False)
        else:
            typer.echo(format_results(store, read_query(sparql), fmt), nl=False)


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

    from .graph.endpoint import Endpoint

    path = existing_store(out)
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

    with open_store(out) as store:
        return actor_network(store)


FormatOption = typer.Option("table", "--format", "-f",
                            help="table, json or csv: the same fields in each (see the README).")
StatusOption = typer.Option(["asserted"], "--status",
                            help="Event statuses counted: asserted (default), claimed, negated, or all (repeatable).")
FirstActor = typer.Argument(..., help="First actor: name, surname, alias, IRI, or 'Name (ISO3)'.")
SecondActor = typer.Argument(..., help="Second actor.")


def _answer_format(fmt: str) -> str:
    from .answers import FORMATS

    if fmt not in FORMATS:
        raise ConfigError(f"--format must be table, json or csv, not {fmt!r}", hint="use --format json for programs")
    return fmt


def _statuses(values: list[str]) -> frozenset[str]:
    from .graph.network import counted_statuses

    return counted_statuses("all" if "all" in values else values)


def _emit(answer, fmt: str, kind=None) -> None:
    from .answers import format_answer

    typer.echo(format_answer(answer, fmt, kind=kind), nl=False)


def contacts(
    a: str = FirstActor,
    b: str = SecondActor,
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
            raise ConfigError(f"{option} {value!r} is not an ISO date",
                              hint="write YYYY, YYYY-MM or YYYY-MM-DD") from None
    G = _network(out)
    h = contact_history(G, a, b, since=since, until=until, include_officials=officials, statuses=_statuses(status))
    _emit(h, fmt)
    left = {s: getattr(h, s) for s in ("asserted", "claimed", "negated") if s not in h.statuses and getattr(h, s)}
    if left:
        note("not listed: " + ", ".join(f"{n} {s} contact{'s' if n != 1 else ''}" for s, n in left.items())
             + " (add --status " + " --status ".join(left) + " to list them)")
    if not h.contacts and not left:
        states = [G.nodes[n].get("kind") == "state" for n in (h.a_iri, h.b_iri)]
        tip = " (--officials counts a state's officials too)" if any(states) and not officials else ""
        note(f"no contacts between {h.a} and {h.b}{' or their officials' if officials and any(states) else ''}{tip}")


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


def balance(
    a: str = FirstActor,
    b: str = SecondActor,
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
