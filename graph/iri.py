"""Deterministic IRIs for documents, sentences, actors, events and mentions.

The same input always gives the same IRI; ids are percent-encoded so nothing
in an id can change the shape of an IRI.  No blank nodes are ever minted.

>>> str(doc_iri("seed a/../x"))
'https://w3id.org/newskg/id/doc/seed%20a%2F..%2Fx'
>>> from newskg.records import Actor
>>> str(actor_iri(Actor("France", kind="state", country="FRA")))
'https://w3id.org/newskg/id/actor/state/FRA'
>>> str(actor_iri(Actor("Sergei Shoigu", kind="person", country="RUS")))
'https://w3id.org/newskg/id/actor/person/RUS/sergei-shoigu'
>>> actor_iri(Actor("Workers", kind="group", country="SRB")) != actor_iri(Actor("Workers", kind="group", country="IRN"))
True
>>> slug("Ségolène  Royal!")
'segolene-royal'
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

from ..ontology.namespace import NKGID
from ..records import SYMMETRIC_TYPES, Actor, Event

__all__ = [
    "SYMMETRIC_TYPES", "slug", "doc_iri", "context_iri", "sentence_iri", "actor_iri",
    "event_iri", "event_key", "mention_iri", "outlet_iri", "RESOLUTION_GRAPH", "doc_id_of", "parse_actor_iri",
]


_BASE = str(NKGID)
_DOC = _BASE + "doc/"

#: The named graph that holds cross-document links (owl:sameAs to Wikidata).
RESOLUTION_GRAPH = URIRef(_BASE + "graph/resolution")


@functools.lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """A lower-case ASCII slug; a short hash when nothing readable is left.

    >>> slug("Islamic State group")
    'islamic-state-group'
    >>> slug("<script>")
    'script'
    >>> len(slug("日本"))
    12
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")
    return out or hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _q(value: str) -> str:
    return quote(value, safe="")


def doc_iri(doc_id: str) -> URIRef:
    """The IRI of a document; also the IRI of its named graph."""
    return URIRef(_DOC + _q(doc_id))


def doc_id_of(iri: str) -> str | None:
    """The document id of a document IRI, or None for any other IRI.

    >>> doc_id_of(str(doc_iri("a b")))
    'a b'
    """
    from urllib.parse import unquote

    s = str(iri)
    if not s.startswith(_DOC) or "#" in s:
        return None
    return unquote(s[len(_DOC):])


def context_iri(doc_id: str, length: int) -> URIRef:
    """The NIF context (the whole text) of a document."""
    return URIRef(f"{doc_iri(doc_id)}#char=0,{length}")


def sentence_iri(doc_id: str, start: int, end: int) -> URIRef:
    """A sentence of a document, by character offsets (RFC 5147 style)."""
    return URIRef(f"{doc_iri(doc_id)}#char={start},{end}")


def actor_iri(actor: Actor) -> URIRef:
    """The IRI of an actor: states by ISO code, persons and groups by country and name ("workers" in
    Serbia are not "workers" in Iran), organisations by name."""
    if actor.kind == "state" and actor.country:
        return URIRef(f"{_BASE}actor/state/{actor.country}")
    if actor.kind in ("person", "group"):
        return URIRef(f"{_BASE}actor/{actor.kind}/{actor.country or 'xx'}/{slug(actor.name)}")
    if actor.kind == "organization" and actor.country:
        return URIRef(f"{_BASE}actor/org/{actor.country}/{slug(actor.name)}")  # a court in Moscow is not one in Kyiv
    kind = {"organization": "org", "group": "group", "state": "state"}[actor.kind]
    return URIRef(f"{_BASE}actor/{kind}/{slug(actor.name)}")


def parse_actor_iri(iri: str) -> tuple[str, str | None] | None:
    """The kind and country an actor IRI was minted from (None for an IRI that is not an actor's).

    >>> parse_actor_iri("https://w3id.org/newskg/id/actor/person/RUS/sergei-shoigu")
    ('person', 'RUS')
    >>> parse_actor_iri("https://w3id.org/newskg/id/actor/org/united-nations")
    ('organization', None)
    >>> parse_actor_iri("https://w3id.org/newskg/id/actor/group/xx/protesters")
    ('group', None)
    """
    if not iri.startswith(_BASE + "actor/"):
        return None
    parts = iri[len(_BASE) + 6:].split("/")
    kind = {"org": "organization", "person": "person", "group": "group", "state": "state"}.get(parts[0])
    if kind is None:
        return None
    if kind == "state":
        return kind, parts[1] if len(parts) == 2 and re.fullmatch(r"[A-Z]{3}", parts[1]) else None
    if len(parts) == 3:
        return kind, None if parts[1] == "xx" else parts[1]
    return kind, None


def event_key(action: str, mode: str | None, actor: str, target: str | None, date: str | None,
              negated: bool, doc: str | None = None) -> str:
    """The hash behind an event IRI: type, participants, date and polarity.

    Symmetric types ignore the order of the participants.  Undated events
    carry their document id, so undated events of different articles are
    never merged by accident.
    """
    parts = [actor, target or ""]
    if action in SYMMETRIC_TYPES:
        parts.sort()
    fields = [action, mode or "", *parts, date or ("doc:" + (doc or "")), "neg" if negated else ""]
    return hashlib.sha1("\x1f".join(fields).encode("utf-8")).hexdigest()[:20]


def event_iri(event: Event) -> URIRef:
    """The IRI of the real-world event a mention reports.

    >>> from newskg.records import Actor, Event
    >>> a, b = Actor("A", kind="state", country="FRA"), Actor("B", kind="state", country="RUS")
    >>> e1 = Event("d1", "A called B.", 0, 11, a, "CONSULT", "phone", b, "2024-04-03")
    >>> e2 = Event("d2", "B and A spoke.", 0, 14, b, "CONSULT", "phone", a, "2024-04-03")
    >>> event_iri(e1) == event_iri(e2)
    True
    """
    target = str(actor_iri(event.target)) if event.target else None
    return URIRef(_BASE + "event/" + event_key(event.action, event.mode, str(actor_iri(event.actor)), target,
                                                event.date, event.status == "negated", event.doc))


def mention_iri(event: Event) -> URIRef:
    """The IRI of one document's report of an event."""
    return URIRef(f"{_BASE}mention/{_q(event.doc)}/{event.key}")


def outlet_iri(name: str) -> URIRef:
    """The IRI of a news outlet."""
    return URIRef(f"{_BASE}outlet/{slug(name)}")
