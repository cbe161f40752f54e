"""The RDF graph: records to named graphs, the Oxigraph store, resolution, validation, queries and views."""

from .iri import actor_iri, doc_iri, event_iri, mention_iri
from .rdf import document_graph, document_triples, events_from_store
from .resolution import ResolutionReport, resolve
from .store import Store
from .validation import ValidationReport, validate

__all__ = [
    "Store", "document_graph", "document_triples", "events_from_store", "resolve", "ResolutionReport", "validate",
    "ValidationReport", "actor_iri", "doc_iri", "event_iri", "mention_iri",
]
