"""The commands that write what the graph holds: ``events``, ``export``, ``report`` and ``viz``.

:mod:`newskg.cli` registers them and translates the errors they raise.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from .cli_common import OutOption, open_store
from .errors import ConfigError

__all__ = ["events", "export", "report", "viz"]


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
        raise ConfigError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}",
                          hint="use --format csv or parquet for pandas and R, plover or polecat for event-data tools")
    if fmt == "parquet" and output is None:
        raise ConfigError("Parquet is a binary format", hint="give a file to write: -o events.parquet")
    with open_store(out) as store:
        if output is None:
            export_events(store, fmt, sys.stdout, doc=doc)
            sys.stdout.flush()
        else:
            n = export_events(store, fmt, output, doc=doc)
            typer.echo(f"wrote {n} rows to {output}", err=True)


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

    with open_store(out) as store:
        if output is None:
            export_rdf(store, fmt, sys.stdout.buffer)
            sys.stdout.flush()
        else:
            export_rdf(store, fmt, output)
            typer.echo(f"wrote {output}", err=True)


def report(
    out: Path = OutOption,
    dest: Optional[Path] = typer.Option(None, "--dest", help="Folder for report.md and figures/ (default: --out)."),
) -> None:
    """Write the Markdown report (key actors, contact timelines, balance, reciprocity, contested claims) with PNG figures.

    Example: newskg report --out out
    """
    from .export import write_report

    with open_store(out) as store:
        path = write_report(store, dest or out)
    typer.echo(f"wrote {path}")


def viz(
    out: Path = OutOption,
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="HTML file to write (default: OUT/graph.html)."),
    title: str = typer.Option("newskg actor network", help="Page title."),
) -> None:
    """Write the interactive HTML actor network; it opens offline in any browser.

    Example: newskg viz --out out -o network.html
    """
    from .export import write_html

    with open_store(out) as store:
        path = write_html(store, output or out / "graph.html", title=title)
    typer.echo(f"wrote {path}")
