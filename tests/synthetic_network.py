"""A synthetic, seeded event corpus of a chosen number of actors, with communities, for the HTML tests and
the viz benchmark (no spaCy model needed).

Actors fall into regional groups of uneven size; most events stay inside a group and a few cross to
another, a few actors in each group take most of its events, some events have no recipient, and a
few actors are only ever sources.  Names, dates (at day, month and year precision), statuses, sources
and article URLs vary like a real build's.

>>> docs = list(corpus(60, seed=1))
>>> len({a.name for _, evs in docs for e in evs for a in (e.actor, e.target, e.source) if a}) >= 55
True
>>> docs == list(corpus(60, seed=1))
True
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from newskg.records import Actor, Document, Event

__all__ = ["cast", "corpus", "build_store"]

_FIRST = ["Amara", "Jonas", "Li", "Pavel", "Sofia", "Tariq", "Elena", "Kwame", "Ines", "Hiroshi", "Nadia",
          "Mateo", "Olga", "Ravi", "Leila", "Bram", "Chen", "Dmitri", "Fatima", "Gustavo", "Hana", "Ivan",
          "Jae-won", "Kofi", "Lucia", "Marek", "Noor", "Omar", "Priya", "Quentin", "Rosa", "Sergio"]
_LAST = ["Kovalenko", "Weber", "Wen", "Orlov", "Martins", "Haddad", "Petrova", "Mensah", "Duarte", "Sato",
         "Rahimi", "Fernandez", "Lindqvist", "Chaudhry", "Nasser", "de Vries", "Zhao", "Volkov", "Bello",
         "Alvarez", "Takahashi", "Novak", "Park", "Asante", "Moretti", "Kowalski", "Siddiqui", "Farouk",
         "Iyer", "Lefebvre", "Castillo", "Bianchi", "Okafor", "Yilmaz", "Horvath", "Nguyen"]
_ORGS = ["Ministry of Defence", "Foreign Ministry", "Central Bank", "Supreme Court", "Electoral Commission",
         "National Guard", "Parliament", "Energy Agency", "State Television", "Interior Ministry"]
_GROUPS = ["Farmers' Union", "Opposition Alliance", "Students", "Rebel Front", "Dock Workers"]
_STATES = ["FRA", "RUS", "USA", "GBR", "DEU", "UKR", "TUR", "CHN", "IND", "BRA", "ZAF", "JPN", "KOR", "IRN",
           "ISR", "EGY", "SAU", "POL", "ITA", "ESP", "CAN", "MEX", "ARG", "NGA", "KEN", "ETH", "PAK", "IDN",
           "AUS", "NZL", "SWE", "NOR", "FIN", "NLD", "BEL", "AUT", "CHE", "GRC", "HUN", "ROU", "PRT", "CZE",
           "SRB", "QAT", "ARE", "VNM", "THA", "PHL", "MAR", "DZA", "CHL", "COL", "PER", "VEN", "CUB", "IRQ",
           "SYR", "JOR", "LBN", "AFG"]
_TYPES = ["CONSULT", "CONSULT", "CONSULT", "CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST",
          "ACCUSE", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def cast(n_actors: int, *, seed: int = 5) -> list[list[Actor]]:
    """``n_actors`` actors in regional groups of uneven size (the first of each group is its state)."""
    rng = random.Random(seed)
    n_groups = max(2, min(len(_STATES), round(n_actors ** 0.5 / 1.4)))
    weights = [rng.paretovariate(1.5) for _ in range(n_groups)]
    sizes = [max(2, round(n_actors * w / sum(weights))) for w in weights]
    while sum(sizes) > n_actors:
        sizes[sizes.index(max(sizes))] -= 1
    while sum(sizes) < n_actors:
        sizes[sizes.index(min(sizes))] += 1
    groups, seen = [], set()
    for g, size in enumerate(sizes):
        country = _STATES[g]
        members = [Actor(f"State {country}", kind="state", country=country)]
        while len(members) < size:
            r = rng.random()
            if r < 0.7:
                first, last = rng.choice(_FIRST), rng.choice(_LAST)
                name, aliases, kind = f"{first} {last}", (last,), "person"
            elif r < 0.9:
                name, aliases, kind = f"{rng.choice(_ORGS)} of {country}", (), "organization"
            else:
                name, aliases, kind = f"{rng.choice(_GROUPS)} of {country}", (), "group"
            # a person's name is one person's in the whole graph (resolution merges a full name written alike
            # in two countries' news); an organisation's is its country's
            key = name if kind == "person" else (name, country)
            if key in seen:
                continue
            seen.add(key)
            members.append(Actor(name, kind=kind, country=country, aliases=aliases))
        groups.append(members)
    return groups


def corpus(n_actors: int, *, events_per_actor: float = 2.2, seed: int = 5,
           ) -> Iterator[tuple[Document, list[Event]]]:
    """Documents and their events among :func:`cast` ``(n_actors)``; about 3% of actors are sources only."""
    rng = random.Random(seed)
    groups = cast(n_actors, seed=seed)
    sources_only = [m for g in groups for m in g[1:] if rng.random() < 0.03]
    active = [[m for m in g if m not in sources_only] for g in groups]
    # a few actors take most of a group's events: pick by a heavy-tailed rank
    def pick(group: list[Actor]) -> Actor:
        return group[min(len(group) - 1, int(rng.paretovariate(1.1)) - 1)]
    n_events = round(n_actors * events_per_actor / 2)
    todo = [m for g in active for m in g]  # everyone acts at least once
    rng.shuffle(todo)
    start = date(2015, 1, 1)
    i = 0
    while n_events > 0 or todo:
        published = start + timedelta(days=rng.randrange(3600))
        k = rng.choice((1, 1, 2, 3, 4))
        events, pos, sentences = [], 0, []
        for _ in range(k):
            a = todo.pop() if todo else pick(active[rng.randrange(len(active))])
            g = next(j for j, grp in enumerate(active) if a in grp)
            other = active[g] if rng.random() < 0.85 else active[rng.randrange(len(active))]
            b = pick(other) if rng.random() < 0.5 else rng.choice(other)
            etype = rng.choice(_TYPES)
            if b == a or (etype == "PROTEST" and rng.random() < 0.5):
                b = None  # an event without a recipient
            when = (published - timedelta(days=rng.randrange(500))).isoformat()[: rng.choice((4, 7, 10, 10, 10))]
            status = rng.choice(("asserted",) * 8 + ("claimed", "negated"))
            source = rng.choice(sources_only or [a]) if (status == "claimed" or rng.random() < 0.2) else None
            said = f" according to {source.name}" if source else ""
            text = (f"{a.name} {etype.lower()} {b.name if b else 'the situation'} on {when}{said}, "
                    f"story {i}.")
            events.append(Event(f"s{i:05d}", text, pos, pos + len(text), a, etype,
                                "phone" if etype == "CONSULT" and rng.random() < 0.4 else None, b, when,
                                source=source, status=status, trigger=etype.lower()))
            sentences.append(text)
            pos += len(text) + 1
            n_events -= 1
        url = f"https://news.example.org/{published.year}/story-{i}" if rng.random() < 0.8 else None
        yield Document(f"s{i:05d}", " ".join(sentences), published, url=url, outlet=f"Wire {i % 9}",
                       title=f"Story {i}"), events
        i += 1


def build_store(store, n_actors: int, **kw) -> None:
    """Fill ``store`` (a :class:`newskg.graph.Store`) with :func:`corpus` and resolve it."""
    from newskg.graph import document_graph, resolve

    for doc, events in corpus(n_actors, **kw):
        store.replace_document(document_graph(doc, events))
    resolve(store)
