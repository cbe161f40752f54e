"""The field's codes of a PLOVER event: CAMEO code, PLOVER intensity and quad code, from the ontology.

Everything here is read from ``ontology/plover.ttl`` (its header says where
each value comes from); no mapping is kept in code.

- **CAMEO**: ``cameo:X skos:relatedMatch plovermode:M`` makes X the code of
  an event of X's PLOVER type in mode M; otherwise the event takes the code its
  type maps to (``plover:T skos:closeMatch cameo:X``), mostly CAMEO's "not
  specified" code of the type's cue category.
- **Intensity**: ``nkg:intensity`` of the event type, the PLOVER
  conflict-cooperation score (-10 to +10, comparable with Goldstein scores).
- **Quad code**: the ``skos:notation`` of the type's quad class, 1 (verbal
  cooperation) to 4 (material conflict).

>>> cameo_code("CONSULT", "phone"), cameo_code("CONSULT", None), cameo_code("CONSULT", "multilateral")
('041', '040', '040')
>>> intensity("ASSAULT"), intensity("RETREAT")
(-9.3, 7.6)
>>> quad_code("REJECT")
3
"""

from __future__ import annotations

import functools

from rdflib.namespace import SKOS

from ..ontology import NKG, PLOVER, cameo_to_plover, event_types, plover_graph, quad_class

__all__ = ["cameo_code", "intensity", "quad_code", "cameo_table"]


def _local(term) -> str:
    return str(term).rsplit("/", 1)[-1]


@functools.lru_cache(maxsize=None)
def cameo_table() -> dict[tuple[str, str | None], str]:
    """``(type, mode) -> CAMEO code`` for every pair the ontology maps, ``(type, None)`` for each type.

    >>> cameo_table()[("ASSAULT", "aerial")]
    '195'
    """
    g = plover_graph()
    table: dict[tuple[str, str | None], str] = {}
    for etype in event_types():
        code = g.value(PLOVER[etype], SKOS.closeMatch)
        if code is None:
            raise LookupError(f"plover.ttl maps {etype} to no CAMEO code")
        table[(etype, None)] = str(g.value(code, SKOS.notation))
    for code, mode in g.subject_objects(SKOS.relatedMatch):
        notation = str(g.value(code, SKOS.notation))
        etype = cameo_to_plover(notation)
        if etype is None:
            raise LookupError(f"plover.ttl relates CAMEO {notation} to a mode but to no PLOVER type")
        key = (etype, _local(mode))
        if table.get(key, notation) != notation:
            raise LookupError(f"plover.ttl maps {key} to CAMEO {table[key]} and {notation}")
        table[key] = notation
    return table


def cameo_code(event_type: str, mode: str | None = None) -> str:
    """The CAMEO event code of a PLOVER event type and mode.

    >>> cameo_code("SANCTION", "convict"), cameo_code("RETREAT")
    ('116', '08')
    """
    table = cameo_table()
    if (event_type, None) not in table:
        raise KeyError(f"not a PLOVER event type: {event_type!r}")
    return table.get((event_type, mode)) or table[(event_type, None)]


@functools.lru_cache(maxsize=None)
def intensity(event_type: str) -> float:
    """The PLOVER conflict-cooperation score of an event type (the manual gives none by mode)."""
    value = plover_graph().value(PLOVER[event_type], NKG.intensity)
    if value is None:
        raise KeyError(f"no intensity for {event_type!r} in plover.ttl")
    return float(value)


@functools.lru_cache(maxsize=None)
def quad_code(event_type: str) -> int:
    """PLOVER's quad code of an event type: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    4 material conflict."""
    return int(plover_graph().value(PLOVER[quad_class(event_type)], SKOS.notation))
