"""Finding an actor by what a user types: an IRI, a name, a surname, an alias, with or without accents.

:func:`find_actor` looks a name up in the nodes of an actor network (any
networkx graph whose nodes are actor IRIs carrying ``label``, ``kind``,
``country``, ``aliases`` and, optionally, ``events``, the number of events
each takes part in).  It tries, in order,
and stops at the first step that finds anything:

1. the IRI itself, in full or as ``nkgid:actor/...``;
2. a name or alias written the same way, ignoring case, accents, punctuation
   and hyphens ("lopez obrador" is "López Obrador"), or a state's ISO code;
3. for persons, the structure of the name (:class:`newskg.names.PersonName`):
   a surname or a shorter form of the full name ("Shoigu", "Lopez Obrador",
   "Xi" for Xi Jinping, "Moon" for Moon Jae-in and never for Ban Ki-moon,
   "von der Leyen");
4. the query's words in a row inside a name ("Security Council" for the UN
   Security Council, "Abiy" for Abiy Ahmed).

A name may end with a country in brackets, ``"Alvaro Uribe (COL)"``, or the
country may be given with ``country=``; then only actors of that country count.
When several actors match, the error lists each with what tells them apart
(kind, country, number of events, IRI), written so that it can be typed back:
its name when that alone is unique, else its name with its country, else its
IRI.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> P = "https://w3id.org/newskg/id/actor/person/"
>>> G.add_node(P + "MEX/andres-manuel-lopez-obrador", label="Andrés Manuel López Obrador", kind="person",
...            country="MEX", aliases=set())
>>> G.add_node(P + "KOR/moon-jae-in", label="Moon Jae-in", kind="person", country="KOR", aliases=set())
>>> G.add_node(P + "KOR/ban-ki-moon", label="Ban Ki-moon", kind="person", country="KOR", aliases=set())
>>> G.add_node("https://w3id.org/newskg/id/actor/state/LBN", label="Lebanon", kind="state", country="LBN",
...            aliases=set())
>>> find_actor(G, "Lopez Obrador") == P + "MEX/andres-manuel-lopez-obrador"
True
>>> find_actor(G, "moon") == P + "KOR/moon-jae-in"
True
>>> find_actor(G, "Lopez Obradr")
Traceback (most recent call last):
...
newskg.errors.QueryError: no actor called 'Lopez Obradr' in the graph (did you mean: Andrés Manuel López Obrador)
"""

from __future__ import annotations

import difflib
import re

import networkx as nx

from ..errors import ConfigError, QueryError
from ..names import PersonName, norm_name
from ..ontology.namespace import NKGID

__all__ = ["find_actor", "match_actors", "selector", "compact_iri"]

_QUALIFIED = re.compile(r"^(?P<name>.*\S)\s*\((?P<country>[A-Za-z]{3})\)$")
_BASE = str(NKGID)


def compact_iri(iri: str) -> str:
    """A data IRI with the ``nkgid:`` prefix (any other IRI unchanged); :func:`find_actor` reads both.

    >>> compact_iri("https://w3id.org/newskg/id/actor/state/FRA")
    'nkgid:actor/state/FRA'
    """
    return "nkgid:" + iri[len(_BASE):] if iri.startswith(_BASE) else iri


def _forms(d: dict) -> set[str]:
    return {f for f in [d.get("label") or "", *sorted(d.get("aliases", ()))] if f}


def _words_in(query: list[str], name: list[str]) -> bool:
    n = len(query)
    return any(name[i:i + n] == query for i in range(len(name) - n + 1))


def match_actors(G: nx.Graph, name: str, *, country: str | None = None) -> list[str]:
    """Every node that ``name`` denotes at the first step of :func:`find_actor` that finds any (sorted).

    >>> G = nx.Graph()
    >>> G.add_node("k1", label="Kim Jong-un", kind="person", country="PRK", aliases=set())
    >>> G.add_node("k2", label="Kim Yo-jong", kind="person", country="PRK", aliases=set())
    >>> match_actors(G, "Kim"), match_actors(G, "Kim Yo Jong")
    (['k1', 'k2'], ['k2'])
    """
    text = name.strip()
    m = _QUALIFIED.match(text)
    if m and (country is None or country.upper() == m["country"].upper()):
        text, country = m["name"], m["country"]
    if text.startswith("nkgid:"):
        text = _BASE + text[len("nkgid:"):]
    if text in G:
        return [text] if country is None or G.nodes[text].get("country") == country.upper() else []
    pool = [(n, d) for n, d in G.nodes(data=True)
            if country is None or (d.get("country") or "").upper() == country.upper()]
    q = norm_name(text)
    if not q:
        return []
    exact = [n for n, d in pool if q in {norm_name(f) for f in _forms(d)}
             or (d.get("kind") == "state" and (d.get("country") or "").lower() == q)]
    wanted = PersonName.parse(text)
    # a surname-only person of that name ("Moon", left as written) may also be a full name it fits
    if exact and (wanted.is_full or any(G.nodes[n].get("kind") != "person" for n in exact)):
        return sorted(exact)
    by_name = [n for n, d in pool if wanted.family and d.get("kind") == "person"
               and any(wanted.could_be(PersonName.parse(f, d.get("country"))) for f in _forms(d))]
    if exact or by_name:
        return sorted(set(exact) | set(by_name))
    words = q.split()
    return sorted(n for n, d in pool if any(_words_in(words, norm_name(f).split()) for f in _forms(d)))


def selector(G: nx.Graph, node: str) -> str:
    """The shortest thing to type that :func:`find_actor` reads as ``node`` alone: its name, its name
    with its country in brackets, or its IRI (compacted).

    >>> G = nx.Graph()
    >>> G.add_node("https://w3id.org/newskg/id/actor/group/FRA/protesters", label="Protesters", kind="group",
    ...            country="FRA", aliases=set())
    >>> G.add_node("https://w3id.org/newskg/id/actor/group/xx/protesters", label="Protesters", kind="group",
    ...            country=None, aliases=set())
    >>> [selector(G, n) for n in sorted(G)]
    ['Protesters (FRA)', 'nkgid:actor/group/xx/protesters']
    """
    d = G.nodes[node]
    label = d.get("label") or ""
    tries = [label] + ([f"{label} ({d['country']})"] if d.get("country") else [])
    return next((t for t in tries if t and match_actors(G, t) == [node]), compact_iri(node))


def _events(G: nx.Graph, node: str) -> int | None:
    """The number of events of ``node``: a node attribute, or counted on demand (``actor_nodes``)."""
    if "events" in G.nodes[node]:
        return G.nodes[node]["events"]
    counts = G.graph.get("event_counts")
    return counts().get(node, 0) if counts else None


def _describe(G: nx.Graph, node: str) -> str:
    d = G.nodes[node]
    facts = [d.get("kind") or "actor"]
    if d.get("country"):
        facts.append(d["country"])
    n = _events(G, node)
    if n is not None:
        facts.append(f"{n} event{'s' if n != 1 else ''}")
    chosen = selector(G, node)
    if chosen != compact_iri(node):
        facts.append(compact_iri(node))
    return f"{chosen} [{', '.join(facts)}]"


def _looks_like_person(G: nx.Graph, name: str) -> bool:
    """Two or more words (titles aside), none of them a word of a state's name in the graph."""
    words = PersonName.parse(name).words
    if len(words) < 2 and len(name.split()) == len(words):
        return False
    state_words = {w for _, d in G.nodes(data=True) if d.get("kind") == "state"
                   for f in _forms(d) for w in norm_name(f).split()}
    return not state_words & set(words)


def _suggestions(G: nx.Graph, name: str) -> list[str]:
    person = _looks_like_person(G, name)
    forms: dict[str, set[str]] = {}
    for n, d in G.nodes(data=True):
        if person and d.get("kind") == "state":
            continue  # a person's name is never "close" to a state's
        for f in _forms(d):
            words = norm_name(f).split()
            # a person is also close by the end of the name ("Lopez Obradr" for Andres Manuel Lopez Obrador)
            keys = {" ".join(words)} | ({" ".join(words[-2:]), words[-1]} if d.get("kind") == "person" and words
                                        else set())
            for k in keys:
                forms.setdefault(k, set()).add(n)
    close = difflib.get_close_matches(norm_name(name), sorted(forms), n=5, cutoff=0.6)
    nodes = sorted({n for c in close for n in forms[c]}, key=lambda n: (G.nodes[n].get("label") or "", n))
    return [selector(G, n) for n in nodes][:5]


def find_actor(G: nx.Graph, name: str, *, country: str | None = None) -> str:
    """The one node ``name`` denotes (see the module docstring for how names are read).

    Parameters
    ----------
    G : networkx.Graph
        Nodes are actor IRIs with ``label``, ``kind``, ``country``, ``aliases``.
    name : str
        An IRI, a name, a surname, an alias or an ISO code; optionally ending
        with a country in brackets ("Alvaro Uribe (COL)").
    country : str, optional
        Only actors of this country (ISO 3166-1 alpha-3).

    Raises
    ------
    newskg.errors.QueryError
        When no actor or several actors match; the message lists the
        candidates, each written so that it can be given back.
    newskg.errors.ConfigError
        When ``country`` is not an ISO 3166-1 alpha-3 code.
    """
    if country is not None and not re.fullmatch(r"[A-Za-z]{3}", country):
        raise ConfigError(f"country {country!r} is not an ISO 3166-1 alpha-3 code", hint="e.g. --country COL")
    found = match_actors(G, name, country=country)
    if len(found) == 1:
        return found[0]
    where = f" of country {country.upper()}" if country else ""
    if not found:
        close = [] if country else _suggestions(G, name)
        hint = ("did you mean: " + "; ".join(close)) if close else "run `newskg query --name actors` to list actors"
        raise QueryError(f"no actor called {name!r}{where} in the graph", hint=hint)
    listed = "; ".join(_describe(G, n) for n in sorted(found, key=lambda n: (-(_events(G, n) or 0), n)))
    raise QueryError(f"{name!r}{where} matches {len(found)} actors: {listed}",
                     hint="give one of them as listed before its square brackets: its name, its name with "
                          "its country in round brackets, or its IRI")
