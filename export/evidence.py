"""What the HTML side panel says of each event: its mentions, one per reporting document, and the documents.

:func:`newskg.graph.network.actor_network` keeps an event's statuses, sources
and sentences as sets; the panel lists them per mention (which document says
what, on whose word, in which sentence) and links each document to its URL.
:func:`evidence` reads that from the store with two small queries
(``export/queries/*.rq``); :func:`evidence_from_network` makes the same from a
network alone, one entry per sentence, when there is no store.

>>> from datetime import date
>>> from newskg.records import Actor, Document, Event
>>> from newskg.graph import Store, document_graph
>>> fra, rus = Actor("France", kind="state", country="FRA"), Actor("Russia", kind="state", country="RUS")
>>> doc = Document("d1", "France called Russia.", date(2024, 4, 4), url="https://example.org/1", outlet="Wire")
>>> with Store(None) as store:
...     store.replace_document(document_graph(doc, [Event("d1", doc.text, 0, 21, fra, "CONSULT", "phone", rus)]))
...     ev = evidence(store)
>>> [(m.doc, m.status, m.sentence) for ms in ev.mentions.values() for m in ms]
[('d1', 'asserted', 'France called Russia.')]
>>> ev.articles["d1"].url, ev.articles["d1"].outlet
('https://example.org/1', 'Wire')
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

import networkx as nx

from ..graph.rdf import select_rows

__all__ = ["Mention", "Article", "Evidence", "evidence", "evidence_from_network", "safe_url"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One document's report of an event: its status, its source (an actor node) and its sentence."""

    event: str
    doc: str
    status: str
    source: str | None
    sentence: str


@dataclass(frozen=True, slots=True)
class Article:
    """A reporting document as the panel shows it; ``url`` only when it is an http(s) URL."""

    id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The mentions of each event (by event IRI, in document order) and the documents (by id)."""

    mentions: dict[str, tuple[Mention, ...]]
    articles: dict[str, Article]


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http or https URL, else None (a page may link only those).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)"), safe_url("../etc/passwd")
    ('https://example.org/a', None, None)
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _query(name: str) -> str:
    return resources.files(__package__).joinpath("queries", f"{name}.rq").read_text(encoding="utf-8")


def evidence(source) -> Evidence:
    """The mentions and documents of a :class:`~newskg.graph.Store` (or an rdflib graph)."""
    mentions: dict[str, set[Mention]] = {}
    for event, doc, status, src, sentence in select_rows(source, _query("mentions")):
        status = status.rsplit("#", 1)[-1].lower()
        mentions.setdefault(event, set()).add(Mention(event, doc, status, src, sentence))
    articles = {}
    for doc, url, outlet, title, published in select_rows(source, _query("articles")):
        articles[doc] = Article(doc, safe_url(url), outlet, title, published)
    return Evidence({e: tuple(sorted(ms, key=lambda m: (m.doc, m.sentence, m.status, m.source or "")))
                     for e, ms in mentions.items()}, articles)


def evidence_from_network(G: nx.MultiDiGraph) -> Evidence:
    """Mentions made from the network's own edge attributes: one per sentence, with the event's statuses
    and sources joined (the network does not say which document gave which); documents without URLs."""
    mentions: dict[str, tuple[Mention, ...]] = {}
    docs: set[str] = set()
    events = [(k, d) for _, _, k, d in G.edges(keys=True, data=True)]
    events += [(k, d) for _, nd in G.nodes(data=True) for k, d in nd.get("solo_events", {}).items()]
    for k, d in events:
        status = ", ".join(sorted(d.get("statuses", ())))
        source = ", ".join(d.get("sources", ())) or None
        mentions[k] = tuple(Mention(k, doc, status, source, sentence) for doc, sentence in d.get("evidence", ()))
        docs.update(d.get("docs", ()))
    return Evidence(mentions, {doc: Article(doc) for doc in sorted(docs)})
