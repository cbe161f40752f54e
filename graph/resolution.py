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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

import pyoxigraph as ox
from rdflib import URIRef

from ..ontology.namespace import NKG, WD
from .clusters import EventFacts, cluster_reports
from .facts import MENTION_OF, GraphFacts, stored_facts
from .identity import Canonical, resolve_actors
from .index import SCHEMA_VERSION, ResolutionIndex, block_key
from .iri import RESOLUTION_GRAPH, doc_id_of, doc_iri
from .rdf import actor_triples, event_triples
from .terms import ntriples

__all__ = ["ResolutionReport", "resolve", "wikidata_table", "KEEP_READ"]

log = logging.getLogger(__name__)

#: Changed documents whose facts resolution keeps in memory between reading and rewriting them (a build hands
#: it the facts of at most this many of the graphs it wrote).
KEEP_READ = 5000
_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")


@dataclass(frozen=True, slots=True)
class ResolutionReport:
    """What one resolution pass changed."""

    actors_merged: int
    events_merged: int
    graphs_rewritten: int
    same_as_links: int
    rewritten: tuple[str, ...] = ()  #: ids of the documents whose graphs this pass rewrote
    read: int = 0                    #: document graphs this pass read back for their facts


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


def _unchanged(facts: GraphFacts, canon: dict[str, Canonical], events: dict[str, EventFacts]) -> bool:
    """Whether resolution leaves a graph as it is: every actor and every mention's event as the graph has them."""
    return (all(canon[a.iri] == facts.actors_now[n] for n, a in facts.local.items())
            and all(events[r.mention] == facts.events_now.get(r.mention) for r in facts.reports))


_MENTION_OF_NT = f"<{MENTION_OF}>"


@functools.lru_cache(maxsize=65536)
def _actor_lines(iri: str, kind: str, pref: str, label: str, aliases: tuple[str, ...], country: str | None,
                 extracted: str) -> tuple[str, ...]:
    """An actor's N-Triples lines in a resolved graph (the same actor, read the same way, recurs in many
    documents, so each is written once)."""
    return tuple(ntriples(actor_triples(URIRef(iri), kind, pref=pref, label=label, aliases=aliases,
                                        country=country, extracted=URIRef(extracted))).split("\n"))


def _resolved_lines(facts: GraphFacts, canon: dict[str, Canonical], events: dict[str, EventFacts]) -> set[str]:
    """The lines of a document graph that name an actor or an event (``facts.lines``) as resolution leaves
    them, as N-Triples lines (compared and written as text; the graph's other lines stay as they are).
    The lines hold no blank nodes, and IRIs hold no spaces."""
    node = {f"<{n}>": f"<{canon[a.iri].iri}>" for n, a in facts.local.items()}
    parsed = [(line, *line[:-2].split(" ", 2)) for line in facts.lines]
    skip = {f"<{n}>" for n in facts.local} | {o for _, _, p, o in parsed if p == _MENTION_OF_NT}
    out: set[str] = set()
    for line, s, p, o in parsed:
        if s in skip or p == _MENTION_OF_NT:
            continue  # actors and events are written again below
        ns, no = node.get(s), node.get(o)
        out.add(line if ns is None and no is None else f"{ns or s} {p} {no or o} .")
    for n, a in facts.local.items():
        c = canon[a.iri]
        out.update(_actor_lines(c.iri, a.kind, c.name, a.name, facts.aliases[n], c.country, a.iri))
    triples: list = []
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


def _qid(c: Canonical) -> str | None:
    """The bundled Wikidata item of a canonical actor, if any."""
    table = wikidata_table()
    qid = table.get(("state", c.country)) if c.kind == "state" and c.country else None
    return qid or table.get((c.kind, _norm(c.name)))


def _store_documents(store) -> list[str]:
    return sorted(d for d in (doc_id_of(g.value) for g in store.ox.named_graphs() if isinstance(g, ox.NamedNode))
                  if d is not None)


_COUNT_DOCUMENTS = ("SELECT (COUNT(?d) AS ?n) WHERE { GRAPH ?d { ?d a <https://schema.org/NewsArticle> } }")


def _count_documents(store) -> int:
    """How many document graphs the store holds (counted inside Oxigraph: no Python object per document)."""
    return int(next(iter(store.ox.query(_COUNT_DOCUMENTS)))["n"].value)


def resolve(store, *, documents: Iterable[str] | None = None, index: ResolutionIndex | None = None,
            known: Mapping[str, GraphFacts] | None = None) -> ResolutionReport:
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
    known : mapping, optional
        Document id -> the :class:`~newskg.graph.facts.GraphFacts` of its graph as the store holds it now
        (:func:`~newskg.graph.facts.coded_facts` of what the caller wrote): resolution takes those
        instead of reading the graphs back.

    Returns
    -------
    ResolutionReport
    """
    own = index is None
    index = ResolutionIndex(None) if own else index
    try:
        full = documents is None or index.meta("version") != SCHEMA_VERSION
        known = known or {}
        report = _resolve(store, index, None if full else set(documents) | index.pending(), known)
        if not full and index.documents() != _count_documents(store):
            log.warning("the resolution index does not match the store; resolving from scratch")
            report = _resolve(store, index, None, known)
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


def _resolve(store, index: ResolutionIndex, documents: set[str] | None, known: Mapping[str, GraphFacts]
             ) -> ResolutionReport:
    if documents is None:  # from scratch
        index.clear()
        index.set_meta("version", SCHEMA_VERSION)
        store.replace_triples(str(RESOLUTION_GRAPH), ())
        documents = set(_store_documents(store))
    changed = sorted(documents)
    old_origins, old_keys, old_blocks = index.document_state(changed)
    if len(changed) > KEEP_READ:
        log.info("resolving %d documents", len(changed))

    # 1. what the changed documents say now (as the caller knows it, else read from their graphs)
    facts: dict[str, GraphFacts] = {}
    keep = len(changed) <= KEEP_READ  # a from-scratch resolution of a large store reads them again later
    read = 0
    for doc in changed:
        f = known.get(doc)
        if f is None:
            f = stored_facts(store, doc)
            read += f is not None
        if f is not None:
            index.replace_document(doc, f.local.values(), f.reports)
            if keep or doc in known:
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
    for doc in sorted(affected):
        f = facts.get(doc)
        if f is None:
            read += doc not in present
            f = stored_facts(store, doc)
        canon_d, events_d = index.canon(a.iri for a in f.local.values()), index.document_events(doc)
        if _unchanged(f, canon_d, events_d):
            continue
        new, now = _resolved_lines(f, canon_d, events_d), f.lines
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
