"""What one document graph says, as resolution needs it: the graph's actors and reports.

:func:`graph_facts` reads them from the graph's triples as plain strings (IRIs and literal values), so the
same function serves a graph read back from the store (:func:`stored_facts`) and a graph just made from
a document's records (:func:`coded_facts`, which a coder runs next to serialising the graph, on a worker
when there are workers): a build hands resolution the facts of the graphs it wrote instead of having it
read every one back. 

>>> from datetime import date
>>> from newskg.records import Actor, Document, Event
>>> fra, rus = Actor("France", kind="state", country="FRA"), Actor("Russia", kind="state", country="RUS")
>>> doc = Document("d1", "France called Russia.", date(2024, 4, 4))
>>> f = coded_facts(doc, [Event("d1", doc.text, 0, 21, fra, "CONSULT", "phone", rus, "2024-04-03")])
>>> sorted(a.name for a in f.local.values()), [(r.action, r.date, r.mode) for r in f.reports]
(['France', 'Russia'], [('CONSULT', '2024-04-03', 'phone')])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from ..ontology.namespace import NKG, SEM
from ..records import Document, Event
from .clusters import EventFacts, Report
from .identity import Canonical, LocalActor
from .iri import doc_iri, parse_actor_iri
from .rdf import KIND_CLASSES, document_triples
from .terms import ntriples_lines

__all__ = ["GraphFacts", "graph_facts", "coded_graph", "coded_facts", "stored_facts", "MENTION_OF"]

# the ontology's terms as the plain strings graph_facts compares, from the closed namespaces (so each is declared)
_TYPE = str(RDF.type)
_LABEL = str(RDFS.label)
_PREF = str(SKOS.prefLabel)
_ALT = str(SKOS.altLabel)
_TIMESTAMP = str(SEM.hasTimeStamp)
_COUNTRY = str(NKG.countryCode)
_EXTRACTED = str(NKG.extractedAs)
_MENTION = str(NKG.Mention)
MENTION_OF = str(NKG.mentionOf)
_EVENT_TYPE = str(NKG.eventType)
_EVENT_MODE = str(NKG.eventMode)
_ACTOR = str(NKG.actor)
_RECIPIENT = str(NKG.recipient)
_STATUS = str(NKG.status)
_NEGATED = str(NKG.Negated)
_REPORTED_ACTOR = str(NKG.reportedActor)
_REPORTED_RECIPIENT = str(NKG.reportedRecipient)
_REPORTED_DATE = str(NKG.reportedDate)
_REPORTED_MODE = str(NKG.reportedMode)
_DENIED = str(NKG.deniedClaim)
_CLASS_KIND = {str(v): k for k, v in KIND_CLASSES.items()}


@dataclass(frozen=True, slots=True)
class GraphFacts:
    """What one document graph says, read for resolution."""

    local: dict[str, LocalActor]           #: node IRI in the graph -> the actor as the document read it
    aliases: dict[str, tuple[str, ...]]    #: node IRI -> the document's other names for it
    reports: list[Report]
    denied: dict[str, set[str]]            #: mention -> the claim mentions it denies
    actors_now: dict[str, Canonical]       #: node IRI -> the canonical actor the graph gives it now
    events_now: dict[str, EventFacts | None]  #: mention -> the event the graph gives it now (None: unclear)
    #: the graph's N-Triples lines that name an actor or an event node (what resolution may rewrite; the
    #: others, the text and the sentences, it leaves as they are)
    lines: frozenset[str]


def graph_facts(doc: str, triples: Sequence[tuple[str, str, str, bool, str]]) -> GraphFacts:
    """The facts of document ``doc`` from its graph's triples: subject IRI, predicate IRI, object IRI or
    literal value, whether the object is an IRI, and the triple's N-Triples line; a triple may repeat."""
    by_s: dict[str, dict[str, dict[str, None]]] = {}
    for s, p, o, _, _ in triples:
        by_s.setdefault(s, {}).setdefault(p, {})[o] = None  # each property's values, once each, in order
    empty: dict[str, None] = {}
    local, aliases, reports, denied, actors_now, events_now = {}, {}, [], {}, {}, {}
    for s, props in by_s.items():
        types = props.get(_TYPE, empty)
        kinds = [_CLASS_KIND[t] for t in types if t in _CLASS_KIND]
        if kinds:
            extracted = props.get(_EXTRACTED)
            origin = next(iter(extracted)) if extracted else s
            parsed = parse_actor_iri(origin)
            prefs, codes = list(props.get(_PREF, empty)), list(props.get(_COUNTRY, empty))
            kind, country = parsed if parsed else (kinds[0], None)
            if parsed is None and codes:
                country = codes[0]
            labels = sorted(props.get(_LABEL, empty)) or sorted(prefs)
            local[s] = LocalActor(origin, kind, labels[0] if labels else s, country, doc)
            aliases[s] = tuple(sorted(props.get(_ALT, empty)))
            actors_now[s] = Canonical(s, kind, prefs[0] if len(prefs) == 1 else "\x00",
                                      codes[0] if len(codes) == 1 else None if not codes else "\x00")
        elif _MENTION in types:
            event = next(iter(props[MENTION_OF]))
            event_props = by_s.get(event, {})
            etype = next(iter(event_props[_EVENT_TYPE])).rsplit("/", 1)[-1]
            negated = next(iter(props[_STATUS])) == _NEGATED
            recipient, date, mode = (next(iter(props[p]), None) if p in props else None
                                     for p in (_REPORTED_RECIPIENT, _REPORTED_DATE, _REPORTED_MODE))
            reports.append(Report(s, doc, etype, next(iter(props[_REPORTED_ACTOR])), recipient, date,
                                  mode.rsplit("/", 1)[-1] if mode else None, negated))
            if props.get(_DENIED):
                denied[s] = set(props[_DENIED])
            events_now[s] = _event_now(event, etype, event_props, negated)
    # reports name actors by their node in this graph; resolution works on the documents' own IRIs
    reports = [Report(r.mention, r.doc, r.action, local[r.actor].iri if r.actor in local else r.actor,
                      (local[r.recipient].iri if r.recipient in local else r.recipient) if r.recipient else None,
                      r.date, r.mode, r.negated) for r in reports]
    nodes = set(local) | {e for props in by_s.values() for e in props.get(MENTION_OF, empty)}
    lines = frozenset(line for s, _, o, iri, line in triples if s in nodes or iri and o in nodes)
    return GraphFacts(local, aliases, reports, denied, actors_now, events_now, lines)


def _event_now(event: str, etype: str, props: dict, negated: bool) -> EventFacts | None:
    """The event node of a graph as :class:`EventFacts` (None when it is not one clear event)."""
    one = {}
    for key, p in (("mode", _EVENT_MODE), ("actor", _ACTOR), ("recipient", _RECIPIENT), ("date", _TIMESTAMP)):
        values = list(props.get(p, ()))
        if len(values) > 1:
            return None
        one[key] = values[0] if values else None
    if one["actor"] is None or len(props.get(_EVENT_TYPE, ())) != 1:
        return None
    mode = one["mode"].rsplit("/", 1)[-1] if one["mode"] else None
    return EventFacts(event, etype, mode, one["actor"], one["recipient"], one["date"], negated)


def coded_graph(doc: Document, events: Sequence[Event]) -> tuple[str, GraphFacts]:
    """The graph :func:`~newskg.graph.document_triples` makes of ``doc``, as N-Triples text
    (:func:`~newskg.graph.terms.ntriples`), and its facts."""
    lines = ntriples_lines(document_triples(doc, events))
    facts = graph_facts(doc.id, [(str(s), str(p), str(o), type(o) is URIRef, line)
                                 for line, (s, p, o) in lines.items()])
    return "\n".join(lines), facts


def coded_facts(doc: Document, events: Sequence[Event]) -> GraphFacts:
    """The facts of the graph :func:`~newskg.graph.document_triples` makes of ``doc``."""
    return coded_graph(doc, events)[1]


def _doc_graph(doc: str) -> ox.NamedNode:
    return ox.NamedNode(str(doc_iri(doc)))


def stored_facts(store, doc: str) -> GraphFacts | None:
    """The facts of document ``doc``'s graph in the store (None when the store has no such graph)."""
    quads = list(store.ox.quads_for_pattern(None, None, None, _doc_graph(doc)))
    if not quads:
        return None
    return graph_facts(doc, [(q.subject.value, q.predicate.value, q.object.value, isinstance(q.object, ox.NamedNode),
                              f"{q.subject} {q.predicate} {q.object} .") for q in quads
                             if isinstance(q.subject, ox.NamedNode)])
