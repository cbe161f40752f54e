"""Running SPARQL over the store and formatting the results.

Queries get the newskg prefixes for free; results come as a readable table or
in the SPARQL 1.1 results formats (CSV, TSV, JSON), serialised by Oxigraph.

>>> from newskg.graph import Store
>>> with Store(None) as store:
...     print(format_results(store, "SELECT ?x WHERE { VALUES ?x { 1 2 } }", "csv"), end="")
x\r
1\r
2\r
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pyoxigraph as ox

from ..errors import ConfigError, QueryError
from ..ontology.namespace import PREFIXES

__all__ = ["read_query", "run", "format_results", "with_values", "with_prefixes", "RESULT_FORMATS"]

RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}


def read_query(text_or_path: str) -> str:
    """The query text: the argument itself, or the content of a ``.rq``/``.sparql`` file."""
    p = Path(text_or_path)
    if text_or_path.endswith((".rq", ".sparql")):
        try:
            return p.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise QueryError("no such query file", hint="check the path of the .rq file") from None
        except UnicodeDecodeError:
            raise QueryError(f"{p} is not UTF-8 text", hint="save the query file as UTF-8") from None
    return text_or_path


def with_prefixes(query: str) -> str:
    declared = {line.split()[1].rstrip(":").lower() for line in query.splitlines()
                if line.strip().upper().startswith("PREFIX") and len(line.split()) > 1}
    head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared)
    return head + query


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def with_values(query: str, bindings: dict) -> str:
    """``query`` with ``bindings`` as a ``VALUES`` block opening its first ``WHERE`` group.

    The terms are written in N-Triples syntax by pyoxigraph, which escapes
    literals and rejects invalid IRIs, so a value can never change the query's
    shape.  Variables left out stay unbound (``!BOUND(?x)`` holds).

    >>> from rdflib import Literal
    >>> print(with_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": Literal('a" } DROP ALL')}))
    SELECT ?x WHERE { VALUES (?o) { ("a\\" } DROP ALL") }
     ?x ?p ?o }
    """
    if not bindings:
        return query
    from .terms import to_ox

    names = sorted(bindings)
    try:
        row = " ".join(str(to_ox(bindings[n])) for n in names)
    except (ValueError, TypeError) as err:
        raise QueryError(f"a parameter is not a valid RDF term: {err}", hint="check the parameter values") from None
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}\n"
    m = _WHERE.search(query)
    if m is None:
        raise QueryError("the query has no WHERE clause to bind parameters in", hint="add WHERE { ... }")
    return query[: m.end()] + " " + block + query[m.end():]


def run(store, query: str):
    """Run ``query`` (newskg prefixes predeclared) over the store."""
    full = with_prefixes(query)
    shift = full.count("\n") - query.count("\n")
    try:
        return store.query(full)
    except QueryError as err:
        first = err.message.splitlines()[0]
        first = re.sub(r"error at (\d+):(\d+)", lambda m: f"line {int(m.group(1)) - shift}, column {m.group(2)}", first)
        if "expected one of" in first:
            first = first[: first.index("expected one of")].rstrip(": ") + ": unexpected text there"
        raise QueryError(first, hint=err.hint) from None


def _table(results) -> str:
    if isinstance(results, bool):
        return ("yes" if results else "no") + "\n"
    if isinstance(results, ox.QueryTriples):
        return "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in results)
    names = [v.value for v in results.variables]
    rows = [["" if r[n] is None else (r[n].value if not isinstance(r[n], ox.Triple) else str(r[n])) for n in names]
            for r in results]
    widths = [min(60, max([len(n)] + [len(row[i]) for row in rows])) for i, n in enumerate(names)]
    def line(cells):
        return "  ".join(c[:60].ljust(w) for c, w in zip(cells, widths)).rstrip() + "\n"
    out = line(names) + line(["-" * w for w in widths])
    out += "".join(line(r) for r in rows)
    return out + f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


def format_results(store, query: str, fmt: str = "table") -> str:
    """Run a query and format its results: ``table``, ``csv``, ``tsv``, ``json`` or ``xml``."""
    if fmt != "table" and fmt not in RESULT_FORMATS:
        raise ConfigError(f"unknown result format {fmt!r}", hint="use table, csv, tsv or json")
    results = run(store, query)
    if fmt == "table":
        return _table(results)
    if isinstance(results, ox.QueryTriples):
        return results.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    buf = io.BytesIO()
    results.serialize(buf, RESULT_FORMATS[fmt])
    return buf.getvalue().decode("utf-8")
