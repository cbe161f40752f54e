"""The library of named SPARQL queries shipped as ``.rq`` files in ``graph/queries/``.

Each file starts with comment lines that name and document it and declare its
parameters::

    # name: contact-history
    # description: ...
    # param: a actor      first actor
    # param: since date?  optional (a trailing ``?``)

Parameter types are ``actor`` (a name, surname, alias or IRI, resolved against
the graph), ``doc`` (a document id), ``date`` (ISO ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``), ``int`` and ``str``.  Values become RDF terms written by
pyoxigraph in N-Triples syntax (literals escaped, IRIs validated), so a value
cannot change the shape of a query.  A required parameter replaces its
variable wherever it occurs (Oxigraph then uses its indexes: a ``GRAPH <doc>``
is a hundred times faster than ``GRAPH ?doc`` joined with ``VALUES``), so
queries use required parameters only where a constant may stand; an optional
one is bound in a ``VALUES`` block and may be tested with ``BOUND``.

>>> sorted(q.name for q in list_queries())[:3]
['actor-timeline', 'actors', 'claims-denials']
>>> q = load_query("contact-history")
>>> [(p.name, p.type, p.required) for p in q.params]
[('a', 'actor', True), ('b', 'actor', True), ('since', 'date', False), ('until', 'date', False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from rdflib import XSD, Literal, URIRef

from ..errors import ConfigError, QueryError
from ..records import date_precision
from .iri import doc_iri

__all__ = ["Param", "NamedQuery", "list_queries", "load_query", "bind_params", "render_named", "run_named"]

PARAM_TYPES = ("actor", "doc", "date", "int", "str")


@dataclass(frozen=True, slots=True)
class Param:
    """One declared parameter of a named query."""

    name: str
    type: str
    required: bool
    help: str


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A named, documented SPARQL query with typed parameters."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str

    def usage(self) -> str:
        """A one-line usage string for the command line.

        >>> load_query("document-events").usage()
        'newskg query --name document-events --param doc=DOC'
        """
        parts = [f"newskg query --name {self.name}"]
        for p in self.params:
            item = f"--param {p.name}={p.type.upper()}"
            parts.append(item if p.required else f"[{item}]")
        return " ".join(parts)


def _parse(name: str, text: str) -> NamedQuery:
    meta: dict[str, str] = {}
    params = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line[1:].strip().partition(":")
        value = value.strip()
        if key == "param":
            pname, ptype, *rest = value.split(None, 2)
            required = not ptype.endswith("?")
            ptype = ptype.rstrip("?")
            if ptype not in PARAM_TYPES:
                raise ConfigError(f"query {name}: unknown parameter type {ptype!r}",
                                  hint=f"use one of {', '.join(PARAM_TYPES)}")
            params.append(Param(pname, ptype, required, rest[0] if rest else ""))
        else:
            meta[key] = value
    return NamedQuery(meta.get("name", name), meta.get("description", ""), tuple(params), text)


def _files():
    return resources.files(__package__).joinpath("queries")


def list_queries() -> list[NamedQuery]:
    """Every named query, sorted by name."""
    out = [_parse(f.name[:-3], f.read_text(encoding="utf-8"))
           for f in _files().iterdir() if f.name.endswith(".rq")]
    return sorted(out, key=lambda q: q.name)


def load_query(name: str) -> NamedQuery:
    """The named query ``name``.

    Raises
    ------
    newskg.errors.QueryError
        When there is no such query; the hint lists the names.
    """
    f = _files().joinpath(f"{name}.rq")
    if not re.fullmatch(r"[a-z0-9-]+", name) or not f.is_file():
        names = ", ".join(q.name for q in list_queries())
        raise QueryError(f"no named query {name!r}", hint=f"use one of: {names}")
    return _parse(name, f.read_text(encoding="utf-8"))


def _actor_term(store, value: str):
    if value.startswith(("http://", "https://")):
        return URIRef(value)
    from .network import actor_nodes, find_actor

    return URIRef(find_actor(actor_nodes(store), value))


def bind_params(query: NamedQuery, values: dict[str, str], store=None) -> dict:
    """Check ``values`` against the declared parameters and turn them into RDF terms.

    >>> q = load_query("multi-source")
    >>> bind_params(q, {"min": "3"})
    {'min': rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))}
    >>> bind_params(q, {"max": "3"})
    Traceback (most recent call last):
    ...
    newskg.errors.QueryError: query multi-source has no parameter 'max' (its parameters: min) (newskg query --name multi-source [--param min=INT])
    """
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise QueryError(f"query {query.name} has no parameter {unknown[0]!r} "
                         f"(its parameters: {', '.join(declared) or 'none'})", hint=query.usage())
    missing = [p.name for p in query.params if p.required and p.name not in values]
    if missing:
        raise QueryError(f"query {query.name} needs the parameter {missing[0]!r}", hint=query.usage())
    out = {}
    for name, raw in values.items():
        p = declared[name]
        if p.type == "actor":
            out[name] = _actor_term(store, raw)
        elif p.type == "doc":
            out[name] = doc_iri(raw)
        elif p.type == "date":
            try:
                date_precision(raw)
            except ValueError:
                raise QueryError(f"parameter {name}={raw!r} is not an ISO date",
                                 hint="write YYYY, YYYY-MM or YYYY-MM-DD") from None
            out[name] = Literal(raw)
        elif p.type == "int":
            try:
                out[name] = Literal(int(raw), datatype=XSD.integer)
            except ValueError:
                raise QueryError(f"parameter {name}={raw!r} is not a whole number", hint=query.usage()) from None
        else:
            out[name] = Literal(raw)
    return out


def render_named(store, name: str, **values: str) -> str:
    """The full text of a named query with its parameters bound, for any SPARQL endpoint.

    >>> text = render_named(None, "document-events", doc="seed-a")
    >>> "GRAPH <https://w3id.org/newskg/id/doc/seed-a> {" in text
    True
    >>> print(render_named(None, "multi-source", min="3").split("WHERE {")[1].splitlines()[0])
     VALUES (?min) { ("3"^^<http://www.w3.org/2001/XMLSchema#integer>) }
    """
    from .sparql import with_prefixes, with_values
    from .terms import to_ox

    query = load_query(name)
    bound = bind_params(query, values, store)
    required = {p.name for p in query.params if p.required}
    text = query.text
    for var in sorted(required & set(bound)):
        term = str(to_ox(bound[var]))
        text = "\n".join(line if line.lstrip().startswith("#")
                         else re.sub(rf"[?$]{var}\b", lambda _: term, line) for line in text.split("\n"))
    optional = {k: v for k, v in bound.items() if k not in required}
    return with_prefixes(with_values(text, optional))


def run_named(store, name: str, fmt: str = "table", **values: str) -> str:
    """Run the named query ``name`` with parameter ``values`` and format the results.

    >>> from newskg.graph import Store
    >>> with Store(None) as store:
    ...     print(run_named(store, "actors", "csv"), end="")
    actor,label,kind,country,wikidata,events\r
    """
    from .sparql import format_results

    return format_results(store, render_named(store, name, **values), fmt)
