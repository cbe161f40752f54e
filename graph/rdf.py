"""Records to RDF and back: a document's named graph, and the event table from the store.

The triples follow ``docs/MODEL.md``.  :func:`document_graph` turns one
document and its events into its named graph; :func:`events_from_store`
rebuilds :class:`~newskg.records.Event` records, one per mention, from the
store alone, so a saved graph never needs spaCy again.

>>> from datetime import date
>>> from newskg.records import Actor, Document, Event
>>> doc = Document("d1", "Paris called Moscow.", date(2024, 4, 4))
>>> fra = Actor("France", kind="state", country="FRA")
>>> rus = Actor("Russia", kind="state", country="RUS")
>>> ev = Event("d1", "Paris called Moscow.", 0, 20, fra, "CONSULT", "phone", rus, "2024-04-03")
>>> g = document_graph(doc, [ev])
>>> str(g.identifier)
'https://w3id.org/newskg/id/doc/d1'
>>> any(isinstance(t, BNode) for triple in g for t in triple)
False
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ..ontology.namespace import NIF, NKG, PLOVER, PLOVERMODE, PROV, SCHEMA, SEM, bind_prefixes
from ..records import Actor, Document, Event, date_precision
from .iri import (
    actor_iri, context_iri, doc_iri, event_iri, mention_iri, outlet_iri, sentence_iri,
)

__all__ = ["document_graph", "events_from_store", "KIND_CLASSES", "STATUS_TERMS", "date_literal", "actor_table", "actor_records", "select_rows"]

#: Actor kind -> ontology class.
KIND_CLASSES = {"person": NKG.Person, "organization": NKG.Organization, "state": NKG.State, "group": NKG.Group}
#: Status name -> ontology individual.
STATUS_TERMS = {"asserted": NKG.Asserted, "claimed": NKG.Claimed, "negated": NKG.Negated}
_DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def date_literal(value: str) -> Literal:
    """An ISO date string as a literal typed at its precision.

    >>> date_literal("2022-10").datatype == XSD.gYearMonth
    True
    """
    return Literal(value, datatype=_DATE_TYPES[date_precision(value)])


def _add_actor(g: Graph, actor: Actor) -> URIRef:
    node = actor_iri(actor)
    g.add((node, RDF.type, KIND_CLASSES[actor.kind]))
    g.add((node, SKOS.prefLabel, Literal(actor.name)))
    g.add((node, RDFS.label, Literal(actor.name)))
    for alias in actor.aliases:
        if alias != actor.name:
            g.add((node, SKOS.altLabel, Literal(alias)))
    if actor.country:
        g.add((node, NKG.countryCode, Literal(actor.country)))
    return node


def document_graph(doc: Document, events: Sequence[Event], *, prefixes: bool = True) -> Graph:
    """The named graph of one document: its metadata, text, events and mentions.

    Parameters
    ----------
    doc : Document
    events : sequence of Event
        The events extracted from ``doc``.
    prefixes : bool
        Bind the newskg prefixes (for Turtle or TriG).  ``build`` writes the
        graph to the store as N-Triples, where prefixes do not appear, and
        skips binding them: it costs more than building the triples.

    Returns
    -------
    rdflib.Graph
        Identified by the document IRI, with every newskg prefix bound (unless ``prefixes`` is false).
    """
    d = doc_iri(doc.id)
    g = Graph(identifier=d)
    if prefixes:
        bind_prefixes(g)
    g.add((d, RDF.type, SCHEMA.NewsArticle))
    g.add((d, SCHEMA.identifier, Literal(doc.id)))
    if doc.published:
        g.add((d, SCHEMA.datePublished, Literal(doc.published.isoformat(), datatype=XSD.date)))
    if doc.url:
        g.add((d, SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI)))
    if doc.title:
        g.add((d, SCHEMA.headline, Literal(doc.title)))
    if doc.outlet:
        o = outlet_iri(doc.outlet)
        g.add((d, SCHEMA.publisher, o))
        g.add((o, RDF.type, SCHEMA.Organization))
        g.add((o, SCHEMA.name, Literal(doc.outlet)))
    ctx = context_iri(doc.id, len(doc.text))
    g.add((ctx, RDF.type, NIF.Context))
    g.add((ctx, NIF.isString, Literal(doc.text)))
    g.add((ctx, NIF.beginIndex, Literal(0)))
    g.add((ctx, NIF.endIndex, Literal(len(doc.text))))
    g.add((ctx, NIF.sourceUrl, d))

    iris = {ev.key: event_iri(ev) for ev in events}
    for ev in events:
        e = iris[ev.key]
        m = mention_iri(ev)
        s = sentence_iri(doc.id, ev.start, ev.end)
        g.add((s, RDF.type, NIF.Sentence))
        g.add((s, NIF.anchorOf, Literal(ev.sentence)))
        g.add((s, NIF.beginIndex, Literal(ev.start)))
        g.add((s, NIF.endIndex, Literal(ev.end)))
        g.add((s, NIF.referenceContext, ctx))

        g.add((e, RDF.type, NKG.Event))
        g.add((e, NKG.eventType, PLOVER[ev.action]))
        if ev.mode:
            g.add((e, NKG.eventMode, PLOVERMODE[ev.mode]))
        g.add((e, NKG.actor, _add_actor(g, ev.actor)))
        if ev.target:
            g.add((e, NKG.recipient, _add_actor(g, ev.target)))
        if ev.date:
            g.add((e, SEM.hasTimeStamp, date_literal(ev.date)))
        g.add((e, NKG.hasMention, m))
        if ev.denies is not None:
            g.add((e, NKG.denies, iris.get(ev.denies.key, event_iri(ev.denies))))

        g.add((m, RDF.type, NKG.Mention))
        g.add((m, NKG.mentionOf, e))
        g.add((m, NKG.status, STATUS_TERMS[ev.status]))
        g.add((m, PROV.wasDerivedFrom, d))
        g.add((m, NKG.evidence, s))
        if ev.trigger:
            g.add((m, NKG.trigger, Literal(ev.trigger)))
        if ev.source:
            g.add((m, PROV.wasAttributedTo, _add_actor(g, ev.source)))
    return g


_KINDS = {str(v): k for k, v in KIND_CLASSES.items()}
_STATUSES = {str(v): k for k, v in STATUS_TERMS.items()}

_EVENTS_QUERY = """
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?doc ?docIri ?m ?e ?type ?mode ?actor ?recipient ?date ?source ?status ?trigger ?sentence ?start ?end ?denied
WHERE {
  GRAPH ?docIri {
    ?m a nkg:Mention ; nkg:mentionOf ?e ; nkg:status ?status ; nkg:evidence ?s ; prov:wasDerivedFrom ?docIri .
    ?s nif:anchorOf ?sentence ; nif:beginIndex ?start ; nif:endIndex ?end .
    ?docIri schema:identifier ?doc .
    OPTIONAL { ?m nkg:trigger ?trigger }
    OPTIONAL { ?m prov:wasAttributedTo ?source }
    ?e nkg:eventType ?type ; nkg:actor ?actor .
    OPTIONAL { ?e nkg:eventMode ?mode }
    OPTIONAL { ?e nkg:recipient ?recipient }
    OPTIONAL { ?e sem:hasTimeStamp ?date }
    OPTIONAL { ?e nkg:denies ?denied }
  }
}
"""

#: One pattern per query, so that each stays linear in the store's size: the union default graph
#: is a multiset (an actor described in k documents has k copies of each triple), and joining
#: its label, kind and aliases in one pattern would cost k**3 rows per actor.
_ACTOR_FACTS = {
    "kind": "SELECT DISTINCT ?a ?v WHERE { ?a a ?v FILTER(?v IN (nkg:Person, nkg:Organization, nkg:State, nkg:Group)) }",
    "label": "SELECT DISTINCT ?a ?v WHERE { ?a skos:prefLabel ?v }",
    "country": "SELECT DISTINCT ?a ?v WHERE { ?a nkg:countryCode ?v }",
    "alt": "SELECT DISTINCT ?a ?v WHERE { ?a skos:altLabel ?v }",
}
_PREFIX = ("PREFIX nkg: <https://w3id.org/newskg/ontology#>\n"
           "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")


def select_rows(source, query: str) -> Iterator[tuple[str | None, ...]]:
    """Rows of a SELECT over a Store or an rdflib graph, as tuples of plain strings (None when unbound)."""
    if hasattr(source, "ox"):
        for row in source.query(query):
            yield tuple(None if t is None else t.value for t in row)
    else:
        for row in source.query(query):
            yield tuple(None if t is None else str(t) for t in row)


def actor_table(source) -> dict[str, dict[str, set[str]]]:
    """Every actor IRI with the sets of its ``kind`` (local class name), ``label``, ``country`` and ``alt``.

    Works on a :class:`~newskg.graph.Store` or on any rdflib graph, in time
    linear in the number of actor triples.
    """
    table: dict[str, dict[str, set[str]]] = {}
    for fact, query in _ACTOR_FACTS.items():
        for a, v in select_rows(source, _PREFIX + query):
            if fact == "kind":
                table.setdefault(a, {"kind": set(), "label": set(), "country": set(), "alt": set()})
                v = v.rsplit("#", 1)[-1]
            if a in table:
                table[a][fact].add(v)
    return {a: d for a, d in table.items() if d["label"]}


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def actor_records(source) -> dict[str, Actor]:
    """Every actor IRI with its :class:`~newskg.records.Actor`: the longest label is the name, the rest aliases."""
    out = {}
    for a, d in actor_table(source).items():
        name = sorted(d["label"], key=lambda s: (-len(s), s))[0]
        kind = sorted(_KINDS[str(NKG) + k] for k in d["kind"])[0]
        country = sorted(d["country"])[0] if d["country"] else None
        aliases = tuple(sorted((d["alt"] | d["label"]) - {name}))
        out[a] = Actor(name, kind=kind, country=country, aliases=aliases)
    return out


def events_from_store(store, *, doc: str | None = None) -> Iterator[Event]:
    """The event table from the store: one :class:`Event` per mention.

    Parameters
    ----------
    store : newskg.graph.Store
    doc : str, optional
        Only this document's events.

    Yields
    ------
    Event
        Ordered by document id, sentence offset, type and actor.  A denial's
        ``denies`` holds the claim it rejects when that claim is mentioned in
        the same document.
    """
    actors = actor_records(store)
    ids = [doc] if doc is not None else store.document_ids()
    for doc_id in ids:  # one document at a time: memory stays flat however large the store
        built: dict[str, tuple[Event, str | None, str]] = {}
        for row in store.query(_EVENTS_QUERY, bindings={"docIri": doc_iri(doc_id)}):
            def actor(var: str) -> Actor | None:
                term = row[var]
                return None if term is None else actors.get(term.value)
            ev = Event(
                doc=doc_id, sentence=row["sentence"].value, start=int(row["start"].value),
                end=int(row["end"].value), actor=actor("actor"), action=_local(row["type"].value),
                mode=_local(row["mode"].value) if row["mode"] is not None else None,
                target=actor("recipient"), date=row["date"].value if row["date"] is not None else None,
                source=actor("source"), status=_STATUSES[row["status"].value],
                trigger=row["trigger"].value if row["trigger"] is not None else "",
            )
            denied = row["denied"].value if row["denied"] is not None else None
            built[row["m"].value] = (ev, denied, row["e"].value)
        by_event = {}
        for ev, _, e in built.values():
            by_event.setdefault(e, ev)
        final = []
        for ev, denied, _ in built.values():
            if denied is not None and denied in by_event:
                ev = ev.with_(denies=by_event[denied])
            final.append(ev)
        final.sort(key=lambda ev: (ev.start, ev.action, ev.actor.name, ev.key))
        yield from final
