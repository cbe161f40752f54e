"""Closed namespaces for the newskg ontology and the PLOVER concept scheme.

Every term used in code must be declared here *and* in the Turtle files;
``tests/test_ontology.py`` checks both.  Asking for an undeclared term fails:

>>> NKG.Event
rdflib.term.URIRef('https://w3id.org/newskg/ontology#Event')
>>> NKG.NoSuchTerm
Traceback (most recent call last):
...
AttributeError: term 'NoSuchTerm' not in namespace 'https://w3id.org/newskg/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "NKG", "PLOVER", "PLOVERMODE", "CAMEO", "NKGID", "SEM", "PROV", "NIF", "SCHEMA", "TIME", "WD",
    "PREFIXES", "bind_prefixes",
]


class NKG(DefinedNamespace):
    """The newskg ontology (``nkg:``)."""

    _NS = Namespace("https://w3id.org/newskg/ontology#")
    _fail = True

    # classes
    Event: URIRef
    Mention: URIRef
    Person: URIRef
    Organization: URIRef
    State: URIRef
    Group: URIRef
    EventStatus: URIRef
    EventType: URIRef
    EventMode: URIRef
    QuadClass: URIRef
    # status individuals
    Asserted: URIRef
    Claimed: URIRef
    Negated: URIRef
    # properties
    eventType: URIRef
    eventMode: URIRef
    actor: URIRef
    recipient: URIRef
    hasMention: URIRef
    mentionOf: URIRef
    denies: URIRef
    status: URIRef
    evidence: URIRef
    trigger: URIRef
    triggerStart: URIRef
    triggerEnd: URIRef
    countryCode: URIRef
    quadClass: URIRef
    modeOf: URIRef
    # what one report says, before resolution merges it with others
    reportedActor: URIRef
    reportedRecipient: URIRef
    reportedDate: URIRef
    reportedMode: URIRef
    deniedClaim: URIRef
    # what resolution keeps of an actor as a document named it
    extractedAs: URIRef
    nameKey: URIRef
    # the PLOVER conflict-cooperation score of an event type
    intensity: URIRef


PLOVER = Namespace("https://w3id.org/newskg/plover/")
PLOVERMODE = Namespace("https://w3id.org/newskg/plover/mode/")
CAMEO = Namespace("https://w3id.org/newskg/cameo/")
NKGID = Namespace("https://w3id.org/newskg/id/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = Namespace("http://www.w3.org/ns/prov#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
WD = Namespace("http://www.wikidata.org/entity/")

#: Every prefix newskg binds, in a fixed order.
PREFIXES: dict[str, str] = {
    "nkg": str(NKG._NS),
    "plover": str(PLOVER),
    "plovermode": str(PLOVERMODE),
    "cameo": str(CAMEO),
    "nkgid": str(NKGID),
    "sem": str(SEM),
    "prov": str(PROV),
    "nif": str(NIF),
    "schema": str(SCHEMA),
    "time": str(TIME),
    "wd": str(WD),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}


def bind_prefixes(graph):
    """Bind every newskg prefix on an rdflib graph or dataset, replacing defaults.

    >>> from rdflib import Graph
    >>> g = bind_prefixes(Graph())
    >>> dict(g.namespaces())["nkg"]
    rdflib.term.URIRef('https://w3id.org/newskg/ontology#')
    """
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph
