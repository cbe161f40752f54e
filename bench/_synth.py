"""Synthetic corpora and graphs for the benchmarks (deterministic, seeded)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from newskg.records import Actor, Document, Event

TYPES = ["CONSULT", "CONSULT", "CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
COUNTRIES = ["FRA", "RUS", "USA", "GBR", "DEU", "UKR", "TUR", "CHN", "IND", "BRA", "ZAF", "JPN", "KOR", "IRN",
             "ISR", "EGY", "SAU", "POL", "ITA", "ESP", "CAN", "MEX", "ARG", "NGA", "KEN", "ETH", "PAK", "IDN",
             "AUS", "NZL", "SWE", "NOR", "FIN", "NLD", "BEL", "AUT", "CHE", "GRC", "HUN", "ROU"]


def actors(n_persons: int = 400) -> list[Actor]:
    out = [Actor(f"State {c}", kind="state", country=c) for c in COUNTRIES]
    for i in range(n_persons):
        c = COUNTRIES[i % len(COUNTRIES)]
        out.append(Actor(f"Person{i} Minister{i}", kind="person", country=c, aliases=(f"Minister{i}",)))
    return out


def corpus(n_docs: int, events_per_doc: int = 10, seed: int = 7) -> Iterator[tuple[Document, list[Event]]]:
    """``n_docs`` documents with their events: contacts, claims and denials among a fixed cast."""
    rng = random.Random(seed)
    cast = actors()
    start = date(2015, 1, 1)
    for i in range(n_docs):
        published = start + timedelta(days=rng.randrange(3650))
        sentences, events = [], []
        pos = 0
        for j in range(events_per_doc):
            a, b = rng.sample(cast, 2)
            etype = rng.choice(TYPES)
            text = f"{a.name} and {b.name} did {etype.lower()} number {j} in document {i}."
            when = (published - timedelta(days=rng.randrange(400))).isoformat()[: rng.choice((4, 7, 10, 10))]
            status = "claimed" if rng.random() < 0.08 else "asserted"
            ev = Event(f"d{i}", text, pos, pos + len(text), a, etype, "phone" if etype == "CONSULT" and j % 2 else None,
                       b, when, source=b if status == "claimed" else None, status=status, trigger=etype.lower())
            events.append(ev)
            if status == "claimed":
                pos += len(text) + 1
                sentences.append(text)
                text = f"{a.name} denied it in document {i}."
                events.append(Event(f"d{i}", text, pos, pos + len(text), a, "REJECT", None, b, None, denies=ev))
            pos += len(text) + 1
            sentences.append(text)
        yield Document(f"d{i}", " ".join(sentences), published, outlet=f"Outlet {i % 25}"), events
