"""The newskg ontology, the PLOVER concept scheme and the SHACL shapes, as Turtle data files.

>>> quad_class("CONSULT")
'VerbalCooperation'
>>> len(event_types())
16
>>> "phone" in modes("CONSULT")
True
>>> cameo_to_plover("042")
'CONSULT'
"""

from __future__ import annotations

import functools
from importlib import resources

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from .namespace import CAMEO, NKG, PLOVER, PLOVERMODE, PREFIXES, bind_prefixes

__all__ = [
    "ontology_graph", "plover_graph", "shapes_graph", "event_types", "quad_class", "modes",
    "cameo_to_plover", "turtle_path", "NKG", "PLOVER", "PLOVERMODE", "CAMEO", "PREFIXES", "bind_prefixes",
]

_FILES = {"ontology": "newskg.ttl", "plover": "plover.ttl", "shapes": "shapes.ttl"}


def turtle_path(name: str):
    """The packaged Turtle file ``name`` (ontology, plover or shapes) as a resource path."""
    return resources.files(__name__).joinpath(_FILES[name])


@functools.lru_cache(maxsize=None)
def _load(name: str) -> Graph:
    g = bind_prefixes(Graph())
    g.parse(data=turtle_path(name).read_text(encoding="utf-8"), format="turtle")
    return g


def ontology_graph() -> Graph:
    """The newskg OWL ontology (cached: do not modify it; copy it first)."""
    return _load("ontology")


def plover_graph() -> Graph:
    """The PLOVER SKOS scheme with modes and CAMEO mappings (cached: do not modify)."""
    return _load("plover")


def shapes_graph() -> Graph:
    """The SHACL shapes (cached: do not modify)."""
    return _load("shapes")


def _local(term) -> str:
    return str(term).rsplit("/", 1)[-1]


@functools.lru_cache(maxsize=None)
def event_types() -> tuple[str, ...]:
    """The 16 PLOVER event types, in the order of the scheme's notation."""
    g = plover_graph()
    return tuple(sorted(_local(t) for t in g.subjects(URIRef(str(NKG.quadClass)), None)))


@functools.lru_cache(maxsize=None)
def quad_class(event_type: str) -> str:
    """The quad class of a PLOVER event type."""
    value = plover_graph().value(PLOVER[event_type], NKG.quadClass)
    if value is None:
        raise KeyError(f"not a PLOVER event type: {event_type!r}")
    return _local(value)


@functools.lru_cache(maxsize=None)
def modes(event_type: str) -> tuple[str, ...]:
    """The modes that apply to a PLOVER event type."""
    g = plover_graph()
    return tuple(sorted(_local(m) for m in g.subjects(NKG.modeOf, PLOVER[event_type])))


@functools.lru_cache(maxsize=None)
def cameo_to_plover(code: str) -> str | None:
    """The PLOVER type a CAMEO code maps to (its own mapping, else its parent's), or None."""
    g = plover_graph()
    node = CAMEO[code]
    while node is not None:
        for rel in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch):
            target = g.value(node, rel)
            if target is not None:
                return _local(target)
        node = g.value(node, SKOS.broader)
    return None
