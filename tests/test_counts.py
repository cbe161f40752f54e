"""Property: every analysis and export counts the events of the event table, by status and by type.

The reference is the event table (``events_from_store``, one row per mention)
grouped into the graph's events by ``nkg:mentionOf``; an event's status is
asserted when one of its reports asserts it, else claimed when one claims it,
else negated (``docs/MODEL.md``).  Checked on random corpora of hand-built
records (no model), on the golden standoff corpus, and on the bundled
examples built by the real extractor.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newskg.export.network import network_csv, network_graphml, network_nodes_csv
from newskg.export.report import render_report
from newskg.graph import Store, events_from_store
from newskg.graph.analysis import DIRECTED_TYPES, balance, iter_events, key_actors, reciprocity, same_side
from newskg.graph.contacts import contact_history
from newskg.graph.network import actor_network
from newskg.graph.profile import actor_profile
from newskg.records import PLOVER_TYPES, STATUSES, Actor, Document, Event

sys.path.insert(0, str(Path(__file__).parent))
from golden import STANDOFF, load  # noqa: E402

_MENTIONS = """
PREFIX nkg: <https://w3id.org/newskg/ontology#>
SELECT DISTINCT ?m ?e ?type ?status ?r WHERE {
  ?m nkg:mentionOf ?e ; nkg:status ?status . ?e nkg:eventType ?type . OPTIONAL { ?e nkg:recipient ?r } }"""


def _reference(store):
    """Mentions by (type, status) from the event table; events by (type, status, has a recipient)."""
    table = Counter((e.action, e.status) for e in events_from_store(store))
    events: dict[str, dict] = {}
    mentions = Counter()
    for row in store.query(_MENTIONS):
        status = row["status"].value.rsplit("#", 1)[1].lower()
        kind = row["type"].value.rsplit("/", 1)[1]
        mentions[(kind, status)] += 1
        e = events.setdefault(row["e"].value, {"type": kind, "statuses": set(), "recipient": row["r"] is not None})
        e["statuses"].add(status)
    assert mentions == table, "the graph's mentions are the event table's rows"
    by = Counter()
    for e in events.values():
        status = next(s for s in STATUSES if s in e["statuses"])
        by[(e["type"], status, e["recipient"])] += 1
    return table, by


def _sum(by: Counter, *, recipient=None, weight=lambda r: 1) -> Counter:
    out = Counter()
    for (t, s, r), n in by.items():
        if recipient is None or r == recipient:
            out[(t, s)] += n * weight(r)
    return out


def check_counts(store) -> None:
    table, by = _reference(store)
    events = _sum(by)
    G = actor_network(store)
    # the network itself
    assert Counter((d["type"], d["status"]) for _, _, _, d in iter_events(G)) == events
    assert Counter((d["type"], s) for _, _, _, d in iter_events(G) for _, _, s in d["mentions"]) == table
    # the CSV edge table: every event once, its mentions by status
    rows = list(csv.DictReader(io.StringIO(network_csv(G).decode())))
    assert Counter((r["event_type"], r["status"]) for r in rows) == events
    mentioned = Counter()
    for r in rows:
        for s in STATUSES:
            mentioned[(r["event_type"], s)] += int(r[f"{s}_mentions"])
    assert +mentioned == table
    assert Counter((r["event_type"], r["status"]) for r in rows if not r["Target"]) == _sum(by, recipient=False)
    # GraphML edges, and the events without a recipient as attributes of their actor
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.fromstring(network_graphml(G))
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(ns + "key")}

    def attrs(el):
        return {keys[d.get("key")]: d.text or "" for d in el.findall(ns + "data")}

    graphml = Counter((a["type"], a["status"]) for a in map(attrs, root.iter(ns + "edge")))
    solo = Counter()
    for a in map(attrs, root.iter(ns + "node")):
        for part in filter(None, a.get("no_recipient", "").split("; ")):
            t, s, n = part.split()
            solo[(t, s)] += int(n)
    assert graphml == _sum(by, recipient=True) and solo == _sum(by, recipient=False)
    # the CSV node table: each event counted once per side
    took_part = Counter()
    for r in csv.DictReader(io.StringIO(network_nodes_csv(G).decode())):
        for s in STATUSES:
            took_part[s] += int(r[s])
    by_status_sides = Counter()
    for (_, s), n in _sum(by, weight=lambda r: 2 if r else 1).items():
        by_status_sides[s] += n
    assert +took_part == +by_status_sides
    # actor profiles: every event in the profile of each side
    profiles = Counter()
    for n in G:
        for row in actor_profile(G, n).breakdown:
            profiles[(row.type, row.status)] += row.events
    assert profiles == _sum(by, weight=lambda r: 2 if r else 1)
    # key actors, by status
    for s in STATUSES:
        assert sum(k.events for k in key_actors(G, statuses=[s])) == by_status_sides[s]
    # contact histories and balances of every pair
    contacts, balances = Counter(), Counter()
    for u, v in {frozenset((u, v)) for u, v in G.edges()}:
        h = contact_history(G, u, v, statuses="all")
        contacts.update(("CONSULT", c.status) for c in h.contacts)
        assert (h.asserted, h.claimed, h.negated) == tuple(Counter(c.status for c in h.contacts)[s] for s in STATUSES)
        b = balance(G, u, v, statuses="all")
        balances.update({"asserted": b.asserted, "claimed": b.claimed, "negated": b.negated})
        assert b.cooperation + b.conflict == b.asserted + b.claimed + b.negated
    with_recipient = _sum(by, recipient=True)
    assert +contacts == Counter({k: n for k, n in with_recipient.items() if k[0] == "CONSULT"})
    assert +balances == +Counter({s: sum(n for (_, st), n in with_recipient.items() if st == s) for s in STATUSES})
    # reciprocity: every directed event between two sides, by type and status
    for s in STATUSES:
        got = Counter()
        for r in reciprocity(G, statuses=[s]):
            got[r.type] += r.a_to_b + r.b_to_a
        want = Counter(d["type"] for _, u, v, d in iter_events(G)
                       if v is not None and d["status"] == s and d["type"] in DIRECTED_TYPES and not same_side(G, u, v))
        assert got == want
        assert sum(want.values()) <= sum(n for (t, st), n in with_recipient.items() if st == s and t in DIRECTED_TYPES)
    # the report's summary line
    total = Counter()
    for (_, s), n in events.items():
        total[s] += n
    line = re.search(r"(\d+) events: (\d+) asserted, (\d+) claimed, (\d+) negated\.", render_report(G, {}))
    assert tuple(map(int, line.groups())) == (sum(total.values()), total["asserted"], total["claimed"],
                                              total["negated"])


def test_counts_on_the_golden_corpus() -> None:
    with Store(None) as store:
        load(STANDOFF, store)
        check_counts(store)


CAST = [Actor("France", kind="state", country="FRA"), Actor("Russia", kind="state", country="RUS"),
        Actor("Claire Dumont", kind="person", country="FRA", aliases=("Dumont",)),
        Actor("Dumont", kind="person"), Actor("Pavel Orlov", kind="person", country="RUS"),
        Actor("Protesters", kind="group", country="FRA"), Actor("Protesters", kind="group", country="GEO"),
        Actor("United Nations", kind="organization"), Actor("Moscow City Court", kind="organization", country="RUS")]


@st.composite
def corpora(draw):
    docs = []
    for i in range(draw(st.integers(1, 5))):
        events: list[Event] = []
        for k in range(draw(st.integers(0, 6))):
            actor, target = draw(st.sampled_from(CAST)), draw(st.none() | st.sampled_from(CAST))
            if target is not None and (target.kind, target.name) == (actor.kind, actor.name):
                target = None
            action = draw(st.sampled_from(PLOVER_TYPES))
            denies = draw(st.none() | st.sampled_from(events)) if events and action == "REJECT" else None
            text = f"Sentence {k} of article {i}."
            events.append(Event(f"d{i}", text, 40 * k, 40 * k + len(text), actor, action,
                                draw(st.sampled_from([None, "phone"])) if action == "CONSULT" else None, target,
                                draw(st.sampled_from([None, "2024", "2024-04", "2024-04-03", "2022-10"])),
                                status=draw(st.sampled_from(STATUSES)), trigger=action.lower(), denies=denies))
        docs.append((Document(f"d{i}", " ".join(e.sentence for e in events) or "Nothing.", date(2024, 4, 6)), events))
    return docs


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_counts_on_any_corpus(corpus) -> None:
    with Store(None) as store:
        load(corpus, store)
        check_counts(store)


@pytest.mark.model
def test_counts_on_the_built_examples(example_out) -> None:
    from newskg.build import store_path

    with Store(store_path(example_out), read_only=True) as store:
        check_counts(store)
