"""Cross-document resolution: one IRI per actor and per real-world event.

Design: :func:`~newskg.graph.rdf.document_graph` already mints IRIs from
canonical keys (a state by its ISO code, a person by name and country, an
event by type, participants, date and polarity), so most mentions of the same
thing meet on the same IRI without any help.  :func:`resolve` handles what
keys alone cannot, by rewriting the document graphs in place, recomputed from
the whole store each time (so it is idempotent and independent of the order
documents were built in):

* a person named only by surname ("Shoigu") or without a known country is
  merged into the single full-name person with that surname and a compatible
  country ("Sergei Shoigu", RUS); all surface forms stay as ``skos:altLabel``;
* every actor gets one ``skos:prefLabel`` (the label most documents use);
* events of the same type and participants (in either order for symmetric
  types) whose dates are compatible (``2024-04`` and ``2024-04-03``) become
  one event at the most precise date, keeping every mention and source;
  symmetric events get one orientation (the one most mentions give);
* the named graph ``nkgid:graph/resolution`` holds ``owl:sameAs`` links to
  Wikidata from the bundled table ``graph/data/wikidata.tsv``.

Rewrites replace each changed document graph in one transaction, like a build.
Re-building one document leaves what the others contributed in place.
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources

import pyoxigraph as ox

from ..ontology.namespace import NKG, SEM, WD
from .iri import RESOLUTION_GRAPH, SYMMETRIC_TYPES, doc_id_of, event_key, slug

__all__ = ["ResolutionReport", "resolve", "wikidata_table"]

log = logging.getLogger(__name__)

_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_PREF = ox.NamedNode(_SKOS + "prefLabel")
_ALT = ox.NamedNode(_SKOS + "altLabel")
_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
_ACTOR = ox.NamedNode(str(NKG.actor))
_RECIPIENT = ox.NamedNode(str(NKG.recipient))
_MODE = ox.NamedNode(str(NKG.eventMode))
_DATE = ox.NamedNode(str(SEM.hasTimeStamp))
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE_TYPES = {4: _XSD + "gYear", 7: _XSD + "gYearMonth", 10: _XSD + "date"}
_TITLES = {"mr", "mrs", "ms", "dr", "sir", "president", "minister", "general", "gen"}


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


def _q(sparql: str) -> str:
    return ("PREFIX nkg: <https://w3id.org/newskg/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
            "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>\n" + sparql)


_ACTORS = _q("""SELECT ?g ?a ?kind ?label ?country WHERE { GRAPH ?g {
  ?a skos:prefLabel ?label ; a ?kind . FILTER(?kind IN (nkg:Person, nkg:Organization, nkg:State, nkg:Group))
  OPTIONAL { ?a nkg:countryCode ?country } } }""")
_EVENTS = _q("""SELECT ?g ?e ?type ?mode ?actor ?recipient ?date (SAMPLE(?neg) AS ?negated) WHERE { GRAPH ?g {
  ?e a nkg:Event ; nkg:eventType ?type ; nkg:actor ?actor .
  OPTIONAL { ?e nkg:eventMode ?mode } OPTIONAL { ?e nkg:recipient ?recipient } OPTIONAL { ?e sem:hasTimeStamp ?date }
  OPTIONAL { ?e nkg:hasMention ?m . ?m nkg:status ?st . BIND(?st = nkg:Negated AS ?neg) } } }
  GROUP BY ?g ?e ?type ?mode ?actor ?recipient ?date""")


def _person_key(label: str) -> list[str]:
    return [t for t in _norm(label).split() if t not in _TITLES]


def _actor_map(people: dict[str, dict]) -> dict[str, str]:
    """Map surname-only or country-less persons to the one full-name person they must be."""
    full = {a: d for a, d in people.items() if len(_person_key(d["name"])) >= 2}
    mapping: dict[str, str] = {}
    for a, d in people.items():
        toks = _person_key(d["name"])
        if not toks:
            continue
        surname, country = toks[-1], d["country"]
        cands = {
            f for f, fd in full.items()
            if f != a and _person_key(fd["name"])[-1] == surname
            and (country is None or fd["country"] is None or fd["country"] == country)
            and (len(toks) == 1 or _person_key(fd["name"]) == toks)
            and (fd["country"] is not None or country is None)
        }
        if len(toks) >= 2 and country is not None:
            continue  # a full name with a country is already canonical
        # prefer candidates with a known country
        with_country = {f for f in cands if full[f]["country"]}
        pick = with_country or cands
        if len(pick) == 1:
            mapping[a] = next(iter(pick))
    # follow chains
    for a in list(mapping):
        seen = {a}
        while mapping[a] in mapping and mapping[a] not in seen:
            seen.add(mapping[a])
            mapping[a] = mapping[mapping[a]]
    return mapping


def _date_literal(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(_DATE_TYPES[len(value)]))


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
    # ---- actors
    labels: dict[str, Counter] = defaultdict(Counter)
    info: dict[str, dict] = {}
    for row in store.query(_ACTORS):
        a = row["a"].value
        labels[a][row["label"].value] += 1
        d = info.setdefault(a, {"kind": row["kind"].value.rsplit("#", 1)[-1], "country": None, "name": ""})
        if row["country"] is not None:
            d["country"] = row["country"].value
    for a, d in info.items():
        d["name"] = max(labels[a], key=lambda s: (len(_person_key(s)), len(s), s))
    people = {a: d for a, d in info.items() if d["kind"] == "Person"}
    amap = _actor_map(people)

    def canon(a: str | None) -> str | None:
        return None if a is None else amap.get(a, a)

    merged_labels: dict[str, Counter] = defaultdict(Counter)
    for a, c in labels.items():
        merged_labels[canon(a)].update(c)
    pref = {a: sorted(c.items(), key=lambda kv: (-kv[1], -len(_person_key(kv[0])), len(kv[0]), kv[0]))[0][0]
            for a, c in merged_labels.items()}
    for a, d in info.items():  # persons: prefer the fullest name
        if d["kind"] == "Person":
            ca = canon(a)
            pref[ca] = max(merged_labels[ca], key=lambda s: (len(_person_key(s)), merged_labels[ca][s], -len(s), s))

    # ---- events
    events: dict[str, dict] = {}
    for row in store.query(_EVENTS):
        e = row["e"].value
        d = events.setdefault(e, {"type": row["type"].value.rsplit("/", 1)[-1], "mode": None, "date": None,
                                  "orient": Counter(), "graphs": set(), "negated": False})
        d["graphs"].add(row["g"].value)
        if row["mode"] is not None:
            d["mode"] = row["mode"].value.rsplit("/", 1)[-1]
        if row["date"] is not None:
            d["date"] = row["date"].value
        if row["negated"] is not None and row["negated"].value == "true":
            d["negated"] = True
        d["orient"][(canon(row["actor"].value), canon(row["recipient"].value if row["recipient"] else None))] += 1

    groups: dict[tuple, list[str]] = defaultdict(list)
    for e, d in events.items():
        (a, r), _ = sorted(d["orient"].items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1] or ""))[0]
        parts = (a, r) if d["type"] not in SYMMETRIC_TYPES else tuple(sorted([a, r or ""]))
        d["participants"] = (a, r)
        groups[(d["type"], d["negated"], parts)].append(e)

    emap: dict[str, dict] = {}
    base = "https://w3id.org/newskg/id/event/"
    for (etype, negated, _parts), members in groups.items():
        dates = {events[e]["date"] for e in members if events[e]["date"]}
        buckets: dict[str | None, list[str]] = defaultdict(list)
        for e in members:
            d0 = events[e]["date"]
            if d0 is None:
                buckets[None].append(e)
                continue
            finer = {x for x in dates if x.startswith(d0)}
            top = max(len(x) for x in finer)
            best = {x for x in finer if len(x) == top}
            buckets[next(iter(best)) if len(best) == 1 else d0].append(e)
        for date, bucket in buckets.items():
            if date is None:
                for e in bucket:
                    d = events[e]
                    a, r = d["participants"]
                    doc = doc_id_of(sorted(d["graphs"])[0])
                    emap[e] = {"iri": base + event_key(etype, d["mode"], a, r, None, negated, doc),
                               "date": None, "mode": d["mode"], "participants": (a, r)}
                continue
            modes = sorted({events[e]["mode"] for e in bucket if events[e]["mode"]})
            by_mode: dict[str | None, list[str]] = defaultdict(list)
            for e in bucket:
                m = events[e]["mode"]
                by_mode[m if len(modes) > 1 and m else (modes[0] if modes else None)].append(e)
            for mode, same in by_mode.items():
                orient = Counter()
                for e in same:
                    orient.update(events[e]["orient"])
                (a, r), _ = sorted(orient.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1] or ""))[0]
                iri = base + event_key(etype, mode, a, r, date, negated)
                for e in same:
                    emap[e] = {"iri": iri, "date": date, "mode": mode, "participants": (a, r)}

    # ---- rewrite the document graphs that change
    graphs_rewritten = 0
    plover_mode = "https://w3id.org/newskg/plover/mode/"
    for g in list(store.ox.named_graphs()):
        if not isinstance(g, ox.NamedNode) or doc_id_of(g.value) is None:
            continue
        quads = list(store.ox.quads_for_pattern(None, None, None, g))
        new: list[ox.Triple] = []
        changed = False
        rewritten_events: set[str] = set()

        def node(term):
            if isinstance(term, ox.NamedNode):
                v = term.value
                if v in amap:
                    return ox.NamedNode(amap[v])
                if v in emap:
                    return ox.NamedNode(emap[v]["iri"])
            return term

        for q in quads:
            s, p, o = q.subject, q.predicate, q.object
            if isinstance(s, ox.NamedNode) and s.value in emap and p in (_ACTOR, _RECIPIENT, _MODE, _DATE):
                rewritten_events.add(s.value)
                continue  # re-emitted below from the canonical values
            if p in (_PREF, _RDFS_LABEL) and isinstance(s, ox.NamedNode) and canon(s.value) in pref:
                ca = canon(s.value)
                if o.value != pref[ca]:
                    new.append(ox.Triple(node(s), _ALT, o))
                    changed = True
                    continue
            ns, no = node(s), node(o)
            if ns != s or no != o:
                changed = True
            new.append(ox.Triple(ns, p, no))
        for e in rewritten_events:
            m = emap[e]
            eiri = ox.NamedNode(m["iri"])
            a, r = m["participants"]
            new.append(ox.Triple(eiri, _ACTOR, ox.NamedNode(a)))
            if r:
                new.append(ox.Triple(eiri, _RECIPIENT, ox.NamedNode(r)))
            if m["mode"]:
                new.append(ox.Triple(eiri, _MODE, ox.NamedNode(plover_mode + m["mode"])))
            if m["date"]:
                new.append(ox.Triple(eiri, _DATE, _date_literal(m["date"])))
        # add canonical labels for actors present in this graph
        present = {t.subject.value for t in new if t.predicate == _ALT or t.predicate == _PREF}
        for a in present:
            if a in pref:
                new.append(ox.Triple(ox.NamedNode(a), _PREF, ox.Literal(pref[a])))
                new.append(ox.Triple(ox.NamedNode(a), _RDFS_LABEL, ox.Literal(pref[a])))
        old_set = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
        new_set = set(new)
        if new_set != old_set:
            store.replace_triples(g.value, new_set)
            graphs_rewritten += 1

    # ---- Wikidata links, recomputed from scratch
    table = wikidata_table()
    links = set()
    for a, d in info.items():
        ca = canon(a)
        kind = d["kind"].lower()
        qid = None
        if kind == "state" and d["country"]:
            qid = table.get(("state", d["country"]))
        if qid is None:
            qid = table.get((kind, _norm(pref.get(ca, d["name"]))))
        if qid:
            links.add(ox.Triple(ox.NamedNode(ca), _SAME_AS, ox.NamedNode(str(WD) + qid)))
    store.replace_triples(str(RESOLUTION_GRAPH), links)

    merged_events = len(events) - len({m["iri"] for m in emap.values()})
    report = ResolutionReport(len(amap), merged_events, graphs_rewritten, len(links))
    log.info("resolution: %s", report)
    return report
