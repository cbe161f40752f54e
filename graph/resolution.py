"""Cross-document resolution: one IRI per actor and per real-world event.

Each document's graph keeps what its text says: every mention records the
actor, recipient, date and mode it reports (``nkg:reportedActor``, ...), and
every actor the name the document gives it (``rdfs:label``) and, once merged,
the IRI the document's own reading gave it (``nkg:extractedAs``).  From those
facts alone :func:`resolve` decides

* which actors are one (:func:`newskg.graph.identity.resolve_actors`: "Shoigu"
  is Sergei Shoigu, "Moon" is Moon Jae-in and never Ban Ki-moon), with one
  ``skos:prefLabel`` and country each;
* which mentions report one event (:func:`newskg.graph.clusters.cluster_reports`:
  same type, participants and polarity, compatible dates and modes), with the
  most precise date its mentions support;

and rewrites the document graphs that change, each in one transaction.  It
only merges: no mention changes who took part in it or the date it gives, and
no event's actor is its own recipient.  The result is a function of the set of
documents, not of the order they were built in, so resolving again after a
build gives what resolving everything from scratch gives.  The named graph
``nkgid:graph/resolution`` holds ``owl:sameAs`` links to Wikidata from the
bundled table ``graph/data/wikidata.tsv``.
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

import pyoxigraph as ox
from rdflib import Literal, URIRef

from ..ontology.namespace import NKG, WD
from .clusters import EventFacts, Report, cluster_reports
from .identity import Canonical, LocalActor, resolve_actors
from .iri import RESOLUTION_GRAPH, doc_id_of, parse_actor_iri
from .rdf import actor_triples, event_triples

__all__ = ["ResolutionReport", "resolve", "wikidata_table"]

log = logging.getLogger(__name__)

_SKOS = "http://www.w3.org/2004/02/skos/core#"
_NKG = str(NKG)
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_PREF = _SKOS + "prefLabel"
_ALT = _SKOS + "altLabel"
_COUNTRY = _NKG + "countryCode"
_EXTRACTED = _NKG + "extractedAs"
_MENTION = _NKG + "Mention"
_MENTION_OF = _NKG + "mentionOf"
_EVENT_TYPE = _NKG + "eventType"
_STATUS = _NKG + "status"
_NEGATED = _NKG + "Negated"
_REPORTED_ACTOR = _NKG + "reportedActor"
_REPORTED_RECIPIENT = _NKG + "reportedRecipient"
_REPORTED_DATE = _NKG + "reportedDate"
_REPORTED_MODE = _NKG + "reportedMode"
_DENIED = _NKG + "deniedClaim"
_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")


@dataclass(frozen=True, slots=True)
class ResolutionReport:
    """What one resolution pass changed."""

    actors_merged: int
    events_merged: int
    graphs_rewritten: int
    same_as_links: int


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


@functools.lru_cache(maxsize=1)
def wikidata_table() -> dict[tuple[str, str], str]:
    """The bundled Wikidata links: ``(kind, key) -> QID``; key is an ISO code or a normalised name.

    >>> wikidata_table()[("state", "FRA")]
    'Q142'
    >>> wikidata_table()[("person", "vladimir putin")]
    'Q7747'
    """
    text = resources.files(__package__).joinpath("data/wikidata.tsv").read_text(encoding="utf-8")
    table: dict[tuple[str, str], str] = {}
    rows = csv.reader(io.StringIO(text), delimiter="\t")
    for row in rows:
        if not row or row[0].startswith("#"):
            continue
        kind, name, country, qid, aliases = (row + [""] * 5)[:5]
        if kind == "state":
            table[("state", country)] = qid
        for n in [name, *aliases.split("|")]:
            if n:
                table[(kind, _norm(n))] = qid
    return table


_KIND_CLASS = {"person": "Person", "organization": "Organization", "state": "State", "group": "Group"}
_CLASS_KIND = {str(NKG) + v: k for k, v in _KIND_CLASS.items()}


@dataclass(slots=True)
class _GraphFacts:
    """What one document graph says, read back for resolution."""

    quads: list
    local: dict[str, LocalActor]           # node IRI in the graph -> the actor as the document read it
    aliases: dict[str, tuple[str, ...]]    # node IRI -> the document's other names for it
    reports: list[Report]
    denied: dict[str, set[str]]            # mention -> the claim mentions it denies


def _graph_facts(store, g: ox.NamedNode) -> _GraphFacts:
    doc = doc_id_of(g.value) or g.value
    quads = list(store.ox.quads_for_pattern(None, None, None, g))
    by_s: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for q in quads:
        if isinstance(q.subject, ox.NamedNode):
            by_s[q.subject.value][q.predicate.value].append(q.object)
    local, aliases, reports, denied = {}, {}, [], {}
    for s, props in by_s.items():
        types = {t.value for t in props.get(_TYPE, [])}
        kinds = [_CLASS_KIND[t] for t in types if t in _CLASS_KIND]
        if kinds:
            origin = props[_EXTRACTED][0].value if props.get(_EXTRACTED) else s
            parsed = parse_actor_iri(origin)
            kind, country = parsed if parsed else (kinds[0], None)
            if parsed is None and props.get(_COUNTRY):
                country = props[_COUNTRY][0].value
            labels = sorted(o.value for o in props.get(_LABEL, [])) or sorted(o.value for o in props.get(_PREF, []))
            local[s] = LocalActor(origin, kind, labels[0] if labels else s, country, doc)
            aliases[s] = tuple(sorted(o.value for o in props.get(_ALT, [])))
        elif _MENTION in types:
            event = props[_MENTION_OF][0].value
            etype = by_s[event][_EVENT_TYPE][0].value.rsplit("/", 1)[-1]
            status = props[_STATUS][0].value
            recipient = props.get(_REPORTED_RECIPIENT)
            date = props.get(_REPORTED_DATE)
            mode = props.get(_REPORTED_MODE)
            reports.append(Report(s, doc, etype, props[_REPORTED_ACTOR][0].value,
                                  recipient[0].value if recipient else None, date[0].value if date else None,
                                  mode[0].value.rsplit("/", 1)[-1] if mode else None, status == _NEGATED))
            if props.get(_DENIED):
                denied[s] = {o.value for o in props[_DENIED]}
    # reports name actors by their node in this graph; resolution works on the documents' own IRIs
    reports = [Report(r.mention, r.doc, r.action, local[r.actor].iri if r.actor in local else r.actor,
                      (local[r.recipient].iri if r.recipient in local else r.recipient) if r.recipient else None,
                      r.date, r.mode, r.negated) for r in reports]
    return _GraphFacts(quads, local, aliases, reports, denied)


def _resolved_triples(facts: _GraphFacts, canon: dict[str, Canonical], events: dict[str, EventFacts]) -> set:
    """The document graph as resolution leaves it (rdflib terms)."""
    node = {n: canon[a.iri].iri for n, a in facts.local.items()}
    actor_nodes = set(facts.local)
    event_nodes = {q.object.value for q in facts.quads if q.predicate.value == _MENTION_OF}
    out: set = set()
    for q in facts.quads:
        s, p, o = q.subject, q.predicate, q.object
        if isinstance(s, ox.NamedNode) and (s.value in actor_nodes or s.value in event_nodes):
            continue  # actors and events are written again below
        if p.value == _MENTION_OF:
            continue
        ns = URIRef(node.get(s.value, s.value)) if isinstance(s, ox.NamedNode) else _rdflib(s)
        no = URIRef(node.get(o.value, o.value)) if isinstance(o, ox.NamedNode) else _rdflib(o)
        out.add((ns, URIRef(p.value), no))
    for n, a in facts.local.items():
        c = canon[a.iri]
        out.update(actor_triples(URIRef(c.iri), a.kind, pref=c.name, label=a.name, aliases=facts.aliases[n],
                                 country=c.country, extracted=URIRef(a.iri)))
    by_event: dict[str, list[str]] = defaultdict(list)
    for r in facts.reports:
        by_event[events[r.mention].iri].append(r.mention)
    for e, mentions in by_event.items():
        f = events[mentions[0]]
        denies = sorted({events[c].iri for m in mentions for c in facts.denied.get(m, ()) if c in events})
        out.update(event_triples(URIRef(e), f.action, f.mode, URIRef(f.actor),
                                 URIRef(f.recipient) if f.recipient else None, f.date,
                                 [URIRef(m) for m in mentions], [URIRef(d) for d in denies]))
        for m in mentions:
            out.add((URIRef(m), URIRef(str(NKG.mentionOf)), URIRef(e)))
    return out


def _rdflib(term):
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return URIRef(term.value)


def _as_set(quads) -> set:
    return {(_rdflib(q.subject), URIRef(q.predicate.value), _rdflib(q.object)) for q in quads}


def resolve(store) -> ResolutionReport:
    """Resolve actors and events across the documents of ``store`` (see the module docs).

    Parameters
    ----------
    store : newskg.graph.Store
        Opened for writing.

    Returns
    -------
    ResolutionReport
    """
    graphs = sorted((g for g in store.ox.named_graphs() if isinstance(g, ox.NamedNode) and doc_id_of(g.value)),
                    key=lambda g: g.value)
    facts = {g.value: _graph_facts(store, g) for g in graphs}
    canon = resolve_actors(a for f in facts.values() for a in f.local.values())
    events = cluster_reports((r for f in facts.values() for r in f.reports), {k: v.iri for k, v in canon.items()})
    rewritten = 0
    for g, f in facts.items():
        new = _resolved_triples(f, canon, events)
        if new != _as_set(f.quads):
            store.replace_document_triples(URIRef(g), new)
            rewritten += 1

    # Wikidata links, recomputed from scratch
    table = wikidata_table()
    links = set()
    for c in {c.iri: c for c in canon.values()}.values():
        qid = table.get(("state", c.country)) if c.kind == "state" and c.country else None
        qid = qid or table.get((c.kind, _norm(c.name)))
        if qid:
            links.add(ox.Triple(ox.NamedNode(c.iri), _SAME_AS, ox.NamedNode(str(WD) + qid)))
    store.replace_triples(str(RESOLUTION_GRAPH), links)
    n_reports = sum(len(f.reports) for f in facts.values())
    original_events = {q.object.value for f in facts.values() for q in f.quads if q.predicate.value == _MENTION_OF}
    report = ResolutionReport(
        actors_merged=sum(1 for k, v in canon.items() if k != v.iri),
        events_merged=max(0, len(original_events) - len({e.iri for e in events.values()})) if n_reports else 0,
        graphs_rewritten=rewritten, same_as_links=len(links))
    log.info("resolution: %s", report)
    return report
