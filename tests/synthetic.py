"""Synthetic news-style articles for the crash, concurrency and memory tests and benchmarks.

Sentences are built from templates over a fixed cast, so every article is
different but realistic enough for the extractor to find events in.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

PEOPLE = [("French", "Foreign Minister", "Claire Martin"), ("German", "Chancellor", "Jonas Weber"),
          ("Russian", "Defence Minister", "Pavel Orlov"), ("Ukrainian", "President", "Taras Bondar"),
          ("Turkish", "Foreign Minister", "Emre Kaya"), ("American", "Secretary of State", "Laura Hill"),
          ("Chinese", "Premier", "Li Wen"), ("Indian", "Prime Minister", "Arjun Rao")]
STATES = ["France", "Germany", "Russia", "Ukraine", "Turkey", "the United States", "China", "India"]
TEMPLATES = [
    "{r1} {n1} spoke by phone with his {d2} counterpart {n2} on {day}, the ministry said.",
    "{s1} accused {s2} of violating the ceasefire, according to a statement.",
    "{n1} met {n2} in {city} on {day} to discuss the crisis.",
    "{s1} denied that it had supplied weapons to {s2}.",
    "{n2} said {s1} was ready to host talks between the two sides.",
    "{s1} imposed new sanctions on {s2} last month.",
    "The two ministers last held talks in {month} {year}, officials said.",
    "{s1} called on {s2} to withdraw its troops from the border.",
    "{n1} condemned the attack and reaffirmed support for {s2}.",
]
CITIES = ["Geneva", "Ankara", "Paris", "Berlin", "Vienna", "Doha"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "March", "May", "July", "September", "October"]


def articles(n: int, *, seed: int = 11, sentences: int = 6) -> Iterator[dict]:
    """``n`` articles as corpus records (id, text, published, outlet)."""
    rng = random.Random(seed)
    for i in range(n):
        published = date(2023, 1, 1) + timedelta(days=rng.randrange(700))
        paras = []
        for _ in range(sentences):
            p1, p2 = rng.sample(PEOPLE, 2)
            s1, s2 = rng.sample(STATES, 2)
            paras.append(rng.choice(TEMPLATES).format(
                r1=f"{p1[0]} {p1[1]}", n1=p1[2], d2=p2[0], n2=p2[2], s1=s1, s2=s2, city=rng.choice(CITIES),
                day=rng.choice(DAYS), month=rng.choice(MONTHS), year=rng.randrange(2018, 2023)))
        yield {"id": f"syn-{i:06d}", "text": "\n\n".join(paras), "published": published.isoformat(),
               "outlet": f"Synthetic Wire {i % 7}"}


def write_corpus(path: Path, n: int, **kw) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for rec in articles(n, **kw):
            f.write(json.dumps(rec) + "\n")
    return path
