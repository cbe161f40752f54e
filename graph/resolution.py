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
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import pyoxigraph as ox
from rdflib import URIRef

from ..ontology.namespace import NKG, WD
from .clusters import EventFacts, Report, cluster_reports
from .identity import Canonical, LocalActor, resolve_actors
from .index import SCHEMA_VERSION, ResolutionIndex, block_key
from .iri import RESOLUTION_GRAPH, doc_id_of, doc_iri, parse_actor_iri
from .rdf import actor_triples, event_triples
from .terms import ntriples

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
_EVENT_MODE = _NKG + "eventMode"
_ACTOR = _NKG + "actor"
_RECIPIENT = _NKG + "recipient"
_TIMESTAMP = "http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp"
_STATUS = _NKG + "status"
_NEGATED = _NKG + "Negated"
_REPORTED_ACTOR = _NKG + "reportedActor"
_REPORTED_RECIPIENT = _NKG + "reportedRecipient"
_REPORTED_DATE = _NKG + "reportedDate"
_REPORTED_MODE = _NKG + "reportedMode"
_DENIED = _NKG + "deniedClaim"
#: Changed documents whose facts resolution keeps in memory between reading and rewriting them.
_KEEP_READ = 5000
_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")


@dataclass(frozen=True, slots=True)
class ResolutionReport:
    """What one resolution pass changed."""

    actors_merged: int
    events_merged: int
    graphs_rewritten: int
    same_as_links: int
    rewritten: tuple[str, ...] = ()  #: ids of the documents whose graphs this pass rewrote
    read: int = 0                    #: document graphs this pass read


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
    actors_now: dict[str, Canonical]       # node IRI -> the canonical actor the graph gives it now
    events_now: dict[str, EventFacts | None]  # mention -> the event the graph gives it now (None: unclear)


def _graph_facts(doc: str, quads: list) -> _GraphFacts:
    """The facts of document ``doc`` from the quads (or triples) of its graph."""
    by_s: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for q in quads:
        if isinstance(q.subject, ox.NamedNode):
            by_s[q.subject.value][q.predicate.value].append(q.object)
    local, aliases, reports, denied, actors_now, events_now = {}, {}, [], {}, {}, {}
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
            prefs, codes = props.get(_PREF, []), props.get(_COUNTRY, [])
            actors_now[s] = Canonical(s, kind, prefs[0].value if len(prefs) == 1 else "\x00",
                                      codes[0].value if len(codes) == 1 else None if not codes else "\x00")
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
            events_now[s] = _event_now(event, etype, by_s[event], status == _NEGATED)
    # reports name actors by their node in this graph; resolution works on the documents' own IRIs
    reports = [Report(r.mention, r.doc, r.action, local[r.actor].iri if r.actor in local else r.actor,
                      (local[r.recipient].iri if r.recipient in local else r.recipient) if r.recipient else None,
                      r.date, r.mode, r.negated) for r in reports]
    return _GraphFacts(quads, local, aliases, reports, denied, actors_now, events_now)


def _event_now(event: str, etype: str, props: dict, negated: bool) -> EventFacts | None:
    """The event node of a graph as :class:`EventFacts` (None when it is not one clear event)."""
    one = {}
    for key, p in (("mode", _EVENT_MODE), ("actor", _ACTOR), ("recipient", _RECIPIENT), ("date", _TIMESTAMP)):
        values = props.get(p, [])
        if len(values) > 1:
            return None
        one[key] = values[0].value if values else None
    if one["actor"] is None or len(props.get(_EVENT_TYPE, [])) != 1:
        return None
    mode = one["mode"].rsplit("/", 1)[-1] if one["mode"] else None
    return EventFacts(event, etype, mode, one["actor"], one["recipient"], one["date"], negated)


def _unchanged(facts: _GraphFacts, canon: dict[str, Canonical], events: dict[str, EventFacts]) -> bool:
    """Whether resolution leaves a graph as it is: every actor and every mention's event as the graph has them."""
    return (all(canon[a.iri] == facts.actors_now[n] for n, a in facts.local.items())
            and all(events[r.mention] == facts.events_now.get(r.mention) for r in facts.reports))


def _resolved_lines(facts: _GraphFacts, canon: dict[str, Canonical], events: dict[str, EventFacts]) -> set[str]:
    """The document graph as resolution leaves it, as N-Triples lines (compared and written as text)."""
    node = {n: f"<{canon[a.iri].iri}>" for n, a in facts.local.items()}
    actor_nodes = set(facts.local)
    event_nodes = {q.object.value for q in facts.quads if q.predicate.value == _MENTION_OF}
    out: set[str] = set()
    for q in facts.quads:
        s, p, o = q.subject, q.predicate, q.object
        if isinstance(s, ox.NamedNode) and (s.value in actor_nodes or s.value in event_nodes):
            continue  # actors and events are written again below
        if p.value == _MENTION_OF:
            continue
        ns = node.get(s.value) or str(s) if isinstance(s, ox.NamedNode) else str(s)
        no = node.get(o.value) or str(o) if isinstance(o, ox.NamedNode) else str(o)
        out.add(f"{ns} {p} {no} .")
    triples: list = []
    for n, a in facts.local.items():
        c = canon[a.iri]
        triples.extend(actor_triples(URIRef(c.iri), a.kind, pref=c.name, label=a.name, aliases=facts.aliases[n],
                                     country=c.country, extracted=URIRef(a.iri)))
    by_event: dict[str, list[str]] = defaultdict(list)
    for r in facts.reports:
        by_event[events[r.mention].iri].append(r.mention)
    for e, mentions in by_event.items():
        f = events[mentions[0]]
        denies = sorted({events[c].iri for m in mentions for c in facts.denied.get(m, ()) if c in events})
        triples.extend(event_triples(URIRef(e), f.action, f.mode, URIRef(f.actor),
                                     URIRef(f.recipient) if f.recipient else None, f.date,
                                     [URIRef(m) for m in mentions], [URIRef(d) for d in denies]))
        triples.extend((URIRef(m), NKG.mentionOf, URIRef(e)) for m in mentions)
    out.update(ntriples(triples).split("\n") if triples else ())
    return out


def _lines(quads) -> set[str]:
    return {f"{q.subject} {q.predicate} {q.object} ." for q in quads}


def _qid(c: Canonical) -> str | None:
    """The bundled Wikidata item of a canonical actor, if any."""
    table = wikidata_table()
    qid = table.get(("state", c.country)) if c.kind == "state" and c.country else None
    return qid or table.get((c.kind, _norm(c.name)))


def _doc_graph(doc: str) -> ox.NamedNode:
    return ox.NamedNode(str(doc_iri(doc)))


def _store_documents(store) -> list[str]:
    return sorted(d for d in (doc_id_of(g.value) for g in store.ox.named_graphs() if isinstance(g, ox.NamedNode))
                  if d is not None)


_COUNT_DOCUMENTS = ("SELECT (COUNT(?d) AS ?n) WHERE { GRAPH ?d { ?d a <https://schema.org/NewsArticle> } }")


def _count_documents(store) -> int:
    """How many document graphs the store holds (counted inside Oxigraph: no Python object per document)."""
    return int(next(iter(store.ox.query(_COUNT_DOCUMENTS)))["n"].value)


def resolve(store, *, documents: Iterable[str] | None = None, index: ResolutionIndex | None = None
            ) -> ResolutionReport:
    """Resolve actors and events across the documents of ``store`` (see the module docs).

    Parameters
    ----------
    store : newskg.graph.Store
        Opened for writing.
    documents : iterable of str, optional
        The ids of the documents written, replaced or removed since ``index``
        was last brought up to date; resolution then reads only those, the
        actors and blocks of reports they touch, and the graphs that change.
        By default everything is resolved from scratch.
    index : ResolutionIndex, optional
        The store's resolution index (:mod:`newskg.graph.index`), updated and
        committed here; a temporary one by default.  It is rebuilt from the
        store when it does not match it.

    Returns
    -------
    ResolutionReport
    """
    own = index is None
    index = ResolutionIndex(None) if own else index
    try:
        full = documents is None or index.meta("version") != SCHEMA_VERSION
        report = _resolve(store, index, None if full else set(documents) | index.pending())
        if not full and index.documents() != _count_documents(store):
            log.warning("the resolution index does not match the store; resolving from scratch")
            report = _resolve(store, index, None)
        store.flush()
        index.commit()
    except BaseException:
        index.rollback()
        raise
    finally:
        if own:
            index.close()
    log.info("resolution: %s", report)
    return report


def _resolve(store, index: ResolutionIndex, documents: set[str] | None) -> ResolutionReport:
    if documents is None:  # from scratch
        index.clear()
        index.set_meta("version", SCHEMA_VERSION)
        store.replace_triples(str(RESOLUTION_GRAPH), ())
        documents = set(_store_documents(store))
    changed = sorted(documents)
    old_origins, old_keys, old_blocks = index.document_state(changed)
    if len(changed) > _KEEP_READ:
        log.info("resolving %d documents", len(changed))

    # 1. what the changed documents say now
    facts: dict[str, _GraphFacts] = {}
    keep = len(changed) <= _KEEP_READ  # a from-scratch resolution of a large store reads them again later
    for doc in changed:
        quads = list(store.ox.quads_for_pattern(None, None, None, _doc_graph(doc)))
        if quads:
            f = _graph_facts(doc, quads)
            index.replace_document(doc, f.local.values(), f.reports)
            if keep:
                facts[doc] = f
        else:
            index.remove_document(doc)
    present = set(index.present(changed))

    # 2. actors: every actor the changed documents name, now or before, and every person who could be the same
    new_origins, new_keys, _ = index.document_state(changed)
    touched = {**old_origins, **new_origins}
    persons = {o for o, kind in touched.items() if kind == "person"}
    keys = set(old_keys) | new_keys
    seen: set[str] = set()
    while keys:  # persons that share a family name with one of them, and so on: the blocks they are in
        seen |= keys
        found, more = index.persons_sharing(keys)
        persons |= found
        keys = more - seen
    scope = persons | {o for o, kind in touched.items() if kind != "person"}
    canon = resolve_actors(index.local_actors(scope))
    before = index.canon(scope)
    moved = {o: c for o, c in canon.items() if before.get(o) != c}
    gone = scope - set(canon)
    index.set_canon(moved, gone)

    # 3. events: re-cluster every block a changed report or a moved actor was or is in
    items = index.unblocked_reports(set(moved) | gone)
    cmap = {o: c.iri for o, c in index.canon({x for r, _ in items for x in (r.actor, r.recipient) if x}).items()}
    blocks = set(old_blocks)
    new_blocks = []
    for r, old in items:
        b = block_key(r.action, r.negated, cmap.get(r.actor, r.actor),
                      cmap.get(r.recipient, r.recipient) if r.recipient else None, r.date, r.doc)
        blocks.update((old, b) if old else (b,))
        if b != old:
            new_blocks.append((r.mention, b))
    index.set_blocks(new_blocks)
    rows = index.reports_in(blocks)
    missing = {x for r, _ in rows for x in (r.actor, r.recipient) if x and x not in cmap}
    cmap.update((o, c.iri) for o, c in index.canon(missing).items())
    events = cluster_reports((r for r, _ in rows), cmap)
    renamed = {r.mention: events[r.mention] for r, old in rows if old != events[r.mention]}
    index.set_events(renamed)

    # 4. rewrite the graphs that change
    affected = present | index.docs_naming(moved) | {r.doc for r, _ in rows if r.mention in renamed}
    rewritten = []
    read = len(present)
    for doc in sorted(affected):
        f = facts.get(doc)
        if f is None:
            read += doc not in present
            f = _graph_facts(doc, list(store.ox.quads_for_pattern(None, None, None, _doc_graph(doc))))
        canon_d, events_d = index.canon(a.iri for a in f.local.values()), index.document_events(doc)
        if _unchanged(f, canon_d, events_d):
            continue
        new, now = _resolved_lines(f, canon_d, events_d), _lines(f.quads)
        if new != now:  # only the triples that change are written (a fraction: actors' IRIs and labels, events)
            store.patch_document(str(doc_iri(doc)), sorted(now - new), sorted(new - now))
            rewritten.append(doc)

    # 5. Wikidata links of the canonical actors that appeared, changed or went
    iris = {c.iri for c in moved.values()} | {before[o].iri for o in set(moved) | gone if o in before}
    current = index.canonical_named(iris)
    want = {iri: _qid(current[iri]) if iri in current else None for iri in iris}
    have = index.links(iris)
    g = ox.NamedNode(str(RESOLUTION_GRAPH))
    for iri in sorted(iris):
        if have.get(iri) != want[iri]:
            if have.get(iri):
                store.ox.remove(ox.Quad(ox.NamedNode(iri), _SAME_AS, ox.NamedNode(str(WD) + have[iri]), g))
            if want[iri]:
                store.ox.add(ox.Quad(ox.NamedNode(iri), _SAME_AS, ox.NamedNode(str(WD) + want[iri]), g))
    index.set_links(want)
    index.clear_pending()
    return ResolutionReport(
        actors_merged=sum(1 for o, c in canon.items() if c.iri != o),
        events_merged=len(rows) - len({e.iri for e in events.values()}),
        graphs_rewritten=len(rewritten), same_as_links=index.link_count(), rewritten=tuple(rewritten),
        read=read)
