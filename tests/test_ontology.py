"""The ontology, the PLOVER scheme and the shapes: declared, parseable, and enforced."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, BNode, Literal, URIRef
from rdflib.namespace import XSD

import newskg
from newskg.graph import document_graph, validate
from newskg.ontology import (CAMEO, NKG, PLOVER, PLOVERMODE, cameo_to_plover, event_types, modes,
                             ontology_graph, plover_graph, quad_class, shapes_graph, turtle_path)
from newskg.ontology.namespace import SEM
from newskg.records import PLOVER_TYPES, Actor, Document, Event

PACKAGE = Path(newskg.__file__).parent


def _declared() -> set[str]:
    g = ontology_graph() + plover_graph()
    return {str(s) for s in g.subjects(RDFS.label, None)}


def test_every_namespace_term_is_declared_and_documented() -> None:
    g = ontology_graph()
    for name in NKG.__annotations__:
        term = NKG[name]
        assert (term, RDFS.label, None) in g, f"{name} has no rdfs:label"
        assert (term, RDFS.comment, None) in g, f"{name} has no rdfs:comment"


def test_every_term_used_in_code_is_declared() -> None:
    declared = _declared()
    used: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        # doctest lines may show a failing look-up on purpose
        src = "\n".join(l for l in path.read_text(encoding="utf-8").splitlines() if not l.strip().startswith(">>>"))
        used |= {str(NKG[m]) for m in re.findall(r"\bNKG\.(\w+)", src) if not m.startswith("_")}
        used |= {str(PLOVER[m]) for m in re.findall(r"\bPLOVER\.(\w+)", src)}
        used |= {str(PLOVERMODE[m]) for m in re.findall(r"\bPLOVERMODE\.(\w+)", src)}
    assert used, "the scan found no terms: it is broken"
    assert not used - declared, f"used but not declared: {sorted(used - declared)}"


def test_every_lexicon_type_and_mode_is_declared() -> None:
    lexicon = (PACKAGE / "extract" / "data" / "triggers.tsv").read_text(encoding="utf-8")
    declared = _declared()
    for line in lexicon.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _, _, etype, mode = line.split("\t")
        assert str(PLOVER[etype]) in declared, etype
        if mode != "-":
            assert str(PLOVERMODE[mode]) in declared, mode
            assert mode in modes(etype), f"mode {mode} does not apply to {etype}"


@pytest.mark.parametrize("name", ["ontology", "plover", "shapes"])
def test_turtle_parses_strictly_in_oxigraph(name: str) -> None:
    store = pyoxigraph.Store()
    store.load(turtle_path(name).read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) > 50


def test_plover_scheme() -> None:
    assert set(event_types()) == set(PLOVER_TYPES)
    quads = {quad_class(t) for t in PLOVER_TYPES}
    assert quads == {"VerbalCooperation", "MaterialCooperation", "VerbalConflict", "MaterialConflict"}
    assert quad_class("ASSAULT") == "MaterialConflict" and quad_class("AGREE") == "VerbalCooperation"
    assert set(modes("REQUEST")) == set(modes("REJECT")) == {"assist", "change", "yield", "meet"}
    assert cameo_to_plover("043") == "CONSULT" and cameo_to_plover("163") == "SANCTION"
    assert cameo_to_plover("055") == "CONCEDE", "the manual codes apologies as CONCEDE"
    assert cameo_to_plover("01") is None


def _graph():
    doc = Document("t1", "Paris phoned Rome.", date(2024, 1, 5))
    ev = Event("t1", doc.text, 0, 18, Actor("France", kind="state", country="FRA"), "CONSULT", "phone",
               Actor("Italy", kind="state", country="ITA"), "2024-01-04")
    return document_graph(doc, [ev])


def test_valid_graph_conforms() -> None:
    assert validate(_graph()).conforms


def _events(g):
    return list(g.subjects(RDF.type, NKG.Event))


@pytest.mark.parametrize("breakage", ["no_type", "two_types", "bad_date", "bad_status", "blank_event",
                                      "bad_country", "no_mention", "bad_offsets"])
def test_broken_graphs_do_not_conform(breakage: str) -> None:
    g = _graph()
    e = _events(g)[0]
    m = next(g.objects(e, NKG.hasMention))
    if breakage == "no_type":
        g.remove((e, NKG.eventType, None))
    elif breakage == "two_types":
        g.add((e, NKG.eventType, PLOVER.ACCUSE))
    elif breakage == "bad_date":
        g.set((e, SEM.hasTimeStamp, Literal("April 2024")))
    elif breakage == "bad_status":
        g.set((m, NKG.status, URIRef("https://example.org/maybe")))
    elif breakage == "blank_event":
        b = BNode()
        for p, o in list(g.predicate_objects(e)):
            g.add((b, p, o))
    elif breakage == "bad_country":
        a = next(g.objects(e, NKG.actor))
        g.set((a, NKG.countryCode, Literal("France")))
    elif breakage == "no_mention":
        g.remove((e, NKG.hasMention, None))
    elif breakage == "bad_offsets":
        s = next(g.objects(m, NKG.evidence))
        g.set((s, URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex"), Literal(99)))
    assert not validate(g).conforms, breakage


def test_every_type_and_mode_the_cues_produce_is_declared() -> None:
    cues = json.loads((PACKAGE / "extract" / "data" / "cues.json").read_text(encoding="utf-8"))
    pairs = [(r["type"], r["mode"]) for r in cues["governed_objects"]]
    pairs += [("THREATEN", mode) for mode in cues["threat_modes"].values()]
    pairs += [tuple(v) for k, v in cues["civilian_retype"].items() if not k.startswith("_")]
    declared = _declared()
    for etype, mode in pairs:
        assert str(PLOVER[etype]) in declared, etype
        if mode is not None:
            assert mode in modes(etype), f"mode {mode} does not apply to {etype}"
