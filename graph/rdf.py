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

import functools
from collections import Counter
from collections.abc import Iterator, Sequence

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node
from rdflib.namespace import SKOS

from ..ontology.namespace import NIF, NKG, PLOVER, PLOVERMODE, PROV, SCHEMA, SEM, bind_prefixes
from ..names import PersonName
from ..records import Actor, Document, Event, date_precision
from .clusters import orientation
from .iri import (
    actor_iri, context_iri, doc_iri, event_iri, mention_iri, outlet_iri, sentence_iri,
)

__all__ = [
    "document_graph", "document_triples", "events_from_store", "KIND_CLASSES", "STATUS_TERMS", "date_literal",
    "actor_table", "actor_records", "select_rows", "actor_triples", "event_triples",
]

#: Actor kind -> ontology class.
KIND_CLASSES = {"person": NKG.Person, "organization": NKG.Organization, "state": NKG.State, "group": NKG.Group}
#: Status name -> ontology individual.
STATUS_TERMS = {"asserted": NKG.Asserted, "claimed": NKG.Claimed, "negated": NKG.Negated}
_DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


@functools.lru_cache(maxsize=8192)
def date_literal(value: str) -> Literal:
    """An ISO date string as a literal typed at its precision.

    >>> date_literal("2022-10").datatype == XSD.gYearMonth
    True
    """
    return Literal(value, datatype=_DATE_TYPES[date_precision(value)])


@functools.lru_cache(maxsize=65536)
def _integer(n: int) -> Literal:
    """An xsd:integer literal (offsets recur in every document; rdflib's literals are slow to make)."""
    return Literal(n)


def actor_triples(node: URIRef, kind: str, *, pref: str, label: str, aliases: Sequence[str] = (),
                  country: str | None = None, extracted: URIRef | None = None) -> list[tuple[Node, Node, Node]]:
    """The triples that describe an actor in one document's graph.

    ``pref`` is the graph's one name for the actor (``skos:prefLabel``, the same
    in every document); ``label`` and ``aliases`` are what this document calls
    it (``rdfs:label``, ``skos:altLabel``); ``extracted`` is the IRI the
    document's own reading gave it, when resolution merged it into ``node``.
    """
    triples: list[tuple[Node, Node, Node]] = [
        (node, RDF.type, KIND_CLASSES[kind]),
        (node, SKOS.prefLabel, Literal(pref)),
        (node, RDFS.label, Literal(label)),
    ]
    triples.extend((node, SKOS.altLabel, Literal(alias)) for alias in aliases if alias != label)
    if country:
        triples.append((node, NKG.countryCode, Literal(country)))
    if kind == "person":
        key = PersonName.parse(label, country).family
        if key:
            triples.append((node, NKG.nameKey, Literal(key)))
    if extracted is not None and extracted != node:
        triples.append((node, NKG.extractedAs, extracted))
    return triples


@functools.lru_cache(maxsize=65536)
def _actor_triples(actor: Actor) -> tuple[URIRef, tuple[tuple[Node, Node, Node], ...]]:
    """An actor's IRI and triples as extracted (the records are frozen: the same actor recurs in every
    mention that names it and in many documents, so each is made once)."""
    node = actor_iri(actor)
    return node, tuple(actor_triples(node, actor.kind, pref=actor.name, label=actor.name, aliases=actor.aliases,
                                     country=actor.country))


def event_triples(e: URIRef, action: str, mode: str | None, actor: URIRef, recipient: URIRef | None,
                  date: str | None, mentions: Sequence[URIRef], denies: Sequence[URIRef] = ()
                  ) -> Iterator[tuple[Node, Node, Node]]:
    """The triples of one event (in a document's graph: its mentions there)."""
    yield e, RDF.type, NKG.Event
    yield e, NKG.eventType, PLOVER[action]
    if mode:
        yield e, NKG.eventMode, PLOVERMODE[mode]
    yield e, NKG.actor, actor
    if recipient is not None:
        yield e, NKG.recipient, recipient
    if date:
        yield e, SEM.hasTimeStamp, date_literal(date)
    for m in mentions:
        yield e, NKG.hasMention, m
    for d in denies:
        yield e, NKG.denies, d


def _claims(events: Sequence[Event]) -> dict[str, Event]:
    """Denial key -> the claim among ``events`` it denies (the same record, or the one at the same place
    with the same type and participants when a later rule re-dated it)."""
    by_key = {ev.key: ev for ev in events}
    out = {}
    for ev in events:
        c = ev.denies
        if c is None:
            continue
        hit = by_key.get(c.key) or next((x for x in events if (x.start, x.action, x.actor, x.target)
                                         == (c.start, c.action, c.actor, c.target)), None)
        if hit is not None and hit is not ev:
            out[ev.key] = hit
    return out


def document_triples(doc: Document, events: Sequence[Event]) -> Iterator[tuple[Node, Node, Node]]:
    """The triples of one document's named graph (see :func:`document_graph`); a triple may repeat.

    ``build`` writes them to the store without an rdflib graph in between: adding a triple to an
    rdflib graph costs more than making it.  Each mention keeps what it reports (actor, recipient,
    date, mode); the event it reports has one actor and one recipient, in the order most of its
    mentions give (:func:`orientation`).

    >>> from newskg.records import Document
    >>> triples = set(document_triples(Document("d1", "Text."), []))
    >>> (doc_iri("d1"), RDF.type, SCHEMA.NewsArticle) in triples
    True
    """
    d = doc_iri(doc.id)
    yield d, RDF.type, SCHEMA.NewsArticle
    yield d, SCHEMA.identifier, Literal(doc.id)
    if doc.published:
        yield d, SCHEMA.datePublished, Literal(doc.published.isoformat(), datatype=XSD.date)
    if doc.url:
        yield d, SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI)
    if doc.title:
        yield d, SCHEMA.headline, Literal(doc.title)
    if doc.outlet:
        o = outlet_iri(doc.outlet)
        yield d, SCHEMA.publisher, o
        yield o, RDF.type, SCHEMA.Organization
        yield o, SCHEMA.name, Literal(doc.outlet)
    ctx = context_iri(doc.id, len(doc.text))
    yield ctx, RDF.type, NIF.Context
    yield ctx, NIF.isString, Literal(doc.text)
    yield ctx, NIF.beginIndex, _integer(0)
    yield ctx, NIF.endIndex, _integer(len(doc.text))
    yield ctx, NIF.sourceUrl, d

    claims = _claims(events)
    iris = [event_iri(ev) for ev in events]  # each minted once (a hash over the actors' IRIs)
    by_event: dict[URIRef, list[Event]] = {}
    for e, ev in zip(iris, events):
        by_event.setdefault(e, []).append(ev)
    for e, evs in by_event.items():
        first = evs[0]
        pairs = Counter((actor_iri(ev.actor), actor_iri(ev.target) if ev.target else None) for ev in evs)
        a, r = orientation(pairs)
        denies = sorted({event_iri(claims[ev.key]) for ev in evs if ev.key in claims})
        yield from event_triples(e, first.action, first.mode, a, r, first.date, [mention_iri(ev) for ev in evs],
                                 denies)
    for e, ev in zip(iris, events):
        m = mention_iri(ev)
        s = sentence_iri(doc.id, ev.start, ev.end)
        yield s, RDF.type, NIF.Sentence
        yield s, NIF.anchorOf, Literal(ev.sentence)
        yield s, NIF.beginIndex, _integer(ev.start)
        yield s, NIF.endIndex, _integer(ev.end)
        yield s, NIF.referenceContext, ctx

        yield m, RDF.type, NKG.Mention
        yield m, NKG.mentionOf, e
        yield m, NKG.status, STATUS_TERMS[ev.status]
        yield m, PROV.wasDerivedFrom, d
        yield m, NKG.evidence, s
        for role, actor in ((NKG.reportedActor, ev.actor), (NKG.reportedRecipient, ev.target)):
            if actor is not None:
                node, triples = _actor_triples(actor)
                yield from triples
                yield m, role, node
        if ev.date:
            yield m, NKG.reportedDate, date_literal(ev.date)
        if ev.mode:
            yield m, NKG.reportedMode, PLOVERMODE[ev.mode]
        if ev.key in claims:
            yield m, NKG.deniedClaim, mention_iri(claims[ev.key])
        if ev.trigger:
            yield m, NKG.trigger, Literal(ev.trigger)
        if ev.source:
            node, triples = _actor_triples(ev.source)
            yield from triples
            yield m, PROV.wasAttributedTo, node


def document_graph(doc: Document, events: Sequence[Event], *, prefixes: bool = True) -> Graph:
    """The named graph of one document: its metadata, text, events and mentions.

    Parameters
    ----------
    doc : Document
    events : sequence of Event
        The events extracted from ``doc``.
    prefixes : bool
        Bind the newskg prefixes (for Turtle or TriG).

    Returns
    -------
    rdflib.Graph
        Identified by the document IRI, with every newskg prefix bound (unless ``prefixes`` is false).
    """
    g = Graph(identifier=doc_iri(doc.id))
    if prefixes:
        bind_prefixes(g)
    for triple in document_triples(doc, events):
        g.add(triple)
    return g


_KINDS = {str(v): k for k, v in KIND_CLASSES.items()}
_STATUSES = {str(v): k for k, v in STATUS_TERMS.items()}

_EVENTS_QUERY = """
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
SELECT ?doc ?docIri ?m ?type ?mode ?actor ?recipient ?date ?source ?status ?trigger ?sentence ?start ?end ?denied
WHERE {
  GRAPH ?docIri {
    ?m a nkg:Mention ; nkg:mentionOf ?e ; nkg:status ?status ; nkg:evidence ?s ; prov:wasDerivedFrom ?docIri ;
       nkg:reportedActor ?actor .
    ?s nif:anchorOf ?sentence ; nif:beginIndex ?start ; nif:endIndex ?end .
    ?docIri schema:identifier ?doc .
    ?e nkg:eventType ?type .
    OPTIONAL { ?m nkg:trigger ?trigger }
    OPTIONAL { ?m prov:wasAttributedTo ?source }
    OPTIONAL { ?m nkg:reportedMode ?mode }
    OPTIONAL { ?m nkg:reportedRecipient ?recipient }
    OPTIONAL { ?m nkg:reportedDate ?date }
    OPTIONAL { ?m nkg:deniedClaim ?denied }
  }
}
"""

#: One pattern per query, so that each stays linear in the store's size: the union default graph
#: is a multiset (an actor described in k documents has k copies of each triple), and joining
#: its label, kind and aliases in one pattern would cost k**3 rows per actor.
_ACTOR_FACTS = {
    "kind": "SELECT DISTINCT ?a ?v WHERE { ?a a ?v FILTER(?v IN (nkg:Person, nkg:Organization, nkg:State, nkg:Group)) }",
    "label": "SELECT DISTINCT ?a ?v WHERE { ?a skos:prefLabel ?v }",
    "name": "SELECT DISTINCT ?a ?v WHERE { ?a rdfs:label ?v }",
    "country": "SELECT DISTINCT ?a ?v WHERE { ?a nkg:countryCode ?v }",
    "alt": "SELECT DISTINCT ?a ?v WHERE { ?a skos:altLabel ?v }",
}
_PREFIX = ("PREFIX nkg: <https://w3id.org/newskg/ontology#>\n"
           "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
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
                table.setdefault(a, {"kind": set(), "label": set(), "country": set(), "alt": set(), "name": set()})
                v = v.rsplit("#", 1)[-1]
            if a in table:
                table[a][fact].add(v)
    return {a: d for a, d in table.items() if d["label"]}


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def actor_records(source) -> dict[str, Actor]:
    """Every actor IRI with its :class:`~newskg.records.Actor`: the preferred label is the name, the other
    names documents give it are aliases."""
    out = {}
    for a, d in actor_table(source).items():
        name = sorted(d["label"], key=lambda s: (-len(s), s))[0]  # one after resolution
        kind = sorted(_KINDS[str(NKG) + k] for k in d["kind"])[0]
        country = sorted(d["country"])[0] if d["country"] else None
        aliases = tuple(sorted((d["alt"] | d["label"] | d["name"]) - {name}))
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
    if doc is not None:
        yield from _document_events(doc, list(store.query(_EVENTS_QUERY, bindings={"docIri": doc_iri(doc)})), actors)
        return
    # one query, its rows in document order: each document's rows are consecutive, so memory holds one
    # document at a time (a query per document, or per batch of them, costs far more)
    current: str | None = None
    rows: list = []
    for row in store.query(_EVENTS_QUERY + "ORDER BY ?doc"):
        doc_id = row["doc"].value
        if doc_id != current and rows:
            yield from _document_events(current, rows, actors)
            rows = []
        current = doc_id
        rows.append(row)
    if rows:
        yield from _document_events(current, rows, actors)


def _document_events(doc_id: str, rows: list, actors: dict[str, Actor]) -> list[Event]:
    """One document's events from its rows of the events query, denials linked, in table order."""
    built: dict[str, tuple[Event, str | None]] = {}
    for row in rows:
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
        built[row["m"].value] = (ev, denied)
    final = []
    for ev, denied in built.values():
        if denied is not None and denied in built:
            ev = ev.with_(denies=built[denied][0])
        final.append(ev)
    final.sort(key=lambda ev: (ev.start, ev.action, ev.actor.name, ev.key))
    return final
