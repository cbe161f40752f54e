"""Resolution is faithful: it only merges, never rewrites who took part or loses a date, and does not
depend on the order of documents or mentions (hand-built records; no model needed)."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newskg.graph import Store, document_graph, document_triples, doc_iri, events_from_store, resolve, validate
from newskg.graph.clusters import Report, cluster_reports
from newskg.graph.facts import coded_facts, coded_graph, stored_facts
from newskg.graph.identity import LocalActor, resolve_actors
from newskg.graph.index import ResolutionIndex
from newskg.graph.terms import ntriples
from newskg.records import Actor, Document, Event

P = "https://w3id.org/newskg/id/actor/person/"


def person(name, country=None, aliases=()):
    return Actor(name, kind="person", country=country, aliases=aliases)


FRA, RUS = Actor("France", kind="state", country="FRA"), Actor("Russia", kind="state", country="RUS")
LECORNU, SHOIGU = person("Sebastien Lecornu", "FRA"), person("Sergei Shoigu", "RUS")
MOON, BAN, KIM = person("Moon Jae-in", "KOR"), person("Ban Ki-moon", "KOR"), person("Kim Jong-un", "PRK")


def _ev(doc, text, actor, action, target=None, date_=None, mode=None, status="asserted", start=0):
    return Event(doc, text, start, start + len(text), actor, action, mode, target, date_, status=status,
                 trigger=action.lower())


def _store(corpus):
    store = Store(None)
    for doc, events in corpus:
        store.replace_document(document_graph(doc, events))
    resolve(store)
    return store


def _nquads(store) -> list[str]:
    return sorted(line for line in store.nquads().decode().splitlines() if line)


# ---------------------------------------------------------------- identity


def test_surname_joins_the_one_full_name_with_that_family_name():
    actors = [LocalActor(P + "KOR/moon-jae-in", "person", "Moon Jae-in", "KOR", "a"),
              LocalActor(P + "KOR/ban-ki-moon", "person", "Ban Ki-moon", "KOR", "b"),
              LocalActor(P + "xx/moon", "person", "Moon", None, "c"),
              LocalActor(P + "xx/ban", "person", "Ban", None, "d")]
    canon = resolve_actors(actors)
    assert canon[P + "xx/moon"].name == "Moon Jae-in"
    assert canon[P + "xx/ban"].name == "Ban Ki-moon"
    assert canon[P + "KOR/ban-ki-moon"].name == "Ban Ki-moon"


def test_one_person_with_two_inferred_countries_is_one_person():
    actors = [LocalActor(P + "COL/alvaro-uribe", "person", "Alvaro Uribe", "COL", d) for d in "abc"]
    actors.append(LocalActor(P + "BRA/alvaro-uribe", "person", "Alvaro Uribe", "BRA", "d"))
    canon = resolve_actors(actors)
    assert {c.iri for c in canon.values()} == {P + "COL/alvaro-uribe"}
    assert canon[P + "BRA/alvaro-uribe"].country == "COL"


def test_names_used_side_by_side_are_never_merged():
    # one document names a "Kim" beside Kim Jong-un and Kim Yo-jong: "Kim" could be either
    actors = [LocalActor(P + "PRK/kim-jong-un", "person", "Kim Jong-un", "PRK", "a"),
              LocalActor(P + "PRK/kim-yo-jong", "person", "Kim Yo-jong", "PRK", "a"),
              LocalActor(P + "xx/kim", "person", "Kim", None, "b")]
    canon = resolve_actors(actors)
    assert canon[P + "xx/kim"].iri == P + "xx/kim"
    # "Shoigu" in a document that also names Sergei Shoigu as someone else stays apart
    actors = [LocalActor(P + "RUS/sergei-shoigu", "person", "Sergei Shoigu", "RUS", "a"),
              LocalActor(P + "xx/shoigu", "person", "Shoigu", None, "a")]
    assert resolve_actors(actors)[P + "xx/shoigu"].iri == P + "xx/shoigu"


def test_partial_full_name_joins_the_longer_one():
    actors = [LocalActor(P + "MEX/andres-manuel-lopez-obrador", "person", "Andres Manuel Lopez Obrador", "MEX", "a"),
              LocalActor(P + "xx/lopez-obrador", "person", "Lopez Obrador", None, "b")]
    assert resolve_actors(actors)[P + "xx/lopez-obrador"].name == "Andres Manuel Lopez Obrador"


def test_father_and_son_are_not_guessed():
    actors = [LocalActor(P + "USA/george-w-bush", "person", "George W. Bush", "USA", "a"),
              LocalActor(P + "USA/george-h-w-bush", "person", "George H. W. Bush", "USA", "b"),
              LocalActor(P + "xx/bush", "person", "Bush", None, "c")]
    canon = resolve_actors(actors)
    assert canon[P + "xx/bush"].iri == P + "xx/bush"
    assert canon[P + "USA/george-w-bush"].iri != canon[P + "USA/george-h-w-bush"].iri


# ---------------------------------------------------------------- events


def test_dates_join_the_most_precise_and_undated_reports_stay_per_document():
    r = [Report("m1", "a", "CONSULT", "x", "y", "2024-04", None, False),
         Report("m2", "b", "CONSULT", "y", "x", "2024-04-03", "phone", False),
         Report("m3", "c", "CONSULT", "x", "y", None, None, False),
         Report("m4", "d", "CONSULT", "x", "y", None, None, False),
         Report("m5", "e", "CONSULT", "x", "y", "2024", None, False)]
    ev = cluster_reports(r)
    assert ev["m1"].iri == ev["m2"].iri == ev["m5"].iri and ev["m1"].date == "2024-04-03"
    assert ev["m1"].mode == "phone"
    assert len({ev["m3"].iri, ev["m4"].iri, ev["m1"].iri}) == 3


def test_a_month_that_could_be_two_days_stays_its_own_event():
    r = [Report("m1", "a", "CONSULT", "x", "y", "2024-04-03", None, False),
         Report("m2", "b", "CONSULT", "x", "y", "2024-04-20", None, False),
         Report("m3", "c", "CONSULT", "x", "y", "2024-04", None, False)]
    ev = cluster_reports(r)
    assert len({e.iri for e in ev.values()}) == 3 and ev["m3"].date == "2024-04"


def test_opposite_orders_of_a_symmetric_event_make_no_self_loop():
    """'X met Y' and, later, "Y's talks with X" in one article and in another."""
    a = Document("a", "Lecornu met Shoigu on Monday. Shoigu's talks with Lecornu were long.", date(2024, 4, 4))
    b = Document("b", "Shoigu and Lecornu met.", date(2024, 4, 5))
    corpus = [(a, [_ev("a", "Lecornu met Shoigu on Monday.", LECORNU, "CONSULT", SHOIGU, "2024-04-01"),
                   _ev("a", "Shoigu's talks with Lecornu were long.", SHOIGU, "CONSULT", LECORNU, "2024-04-01",
                       start=30)]),
              (b, [_ev("b", "Shoigu and Lecornu met.", person("Shoigu"), "CONSULT", person("Lecornu"), "2024-04")])]
    with _store(corpus) as store:
        rows = list(events_from_store(store))
        assert [(e.actor.name, e.target.name, e.date) for e in rows] == [
            ("Sebastien Lecornu", "Sergei Shoigu", "2024-04-01"), ("Sergei Shoigu", "Sebastien Lecornu", "2024-04-01"),
            ("Sergei Shoigu", "Sebastien Lecornu", "2024-04")]
        loops = list(store.query("PREFIX nkg: <https://w3id.org/newskg/ontology#> "
                                 "SELECT ?e WHERE { ?e nkg:actor ?a ; nkg:recipient ?a }"))
        assert loops == []
        events = list(store.query("PREFIX nkg: <https://w3id.org/newskg/ontology#> "
                                  "SELECT DISTINCT ?e WHERE { ?e a nkg:Event }"))
        assert len(events) == 1
        assert validate(store).conforms


def test_the_shapes_catch_a_self_loop():
    doc = Document("d", "France called France.", date(2024, 4, 4))
    g = document_graph(doc, [_ev("d", doc.text, FRA, "CONSULT", FRA, "2024-04-03")])
    report = validate(g)
    assert not report.conforms and "never its own recipient" in report.text


# ---------------------------------------------------------------- properties over shuffled corpora

CAST = [FRA, RUS, LECORNU, SHOIGU, person("Shoigu"), person("Lecornu", "FRA"), MOON, BAN, KIM, person("Moon"),
        person("Kim"), Actor("United Nations", kind="organization"), person("Alvaro Uribe", "COL"),
        person("Alvaro Uribe", "BRA")]
TYPES = ["CONSULT", "ACCUSE", "AGREE", "SANCTION", "PROTEST"]
DATES = [None, "2024", "2024-04", "2024-04-03", "2024-04-05", "2022-10"]


@st.composite
def corpora(draw):
    docs = []
    for i in range(draw(st.integers(1, 6))):
        events = []
        for k in range(draw(st.integers(0, 5))):
            actor, target = draw(st.sampled_from(CAST)), draw(st.none() | st.sampled_from(CAST))
            if target is not None and target.kind == actor.kind and target.name == actor.name:
                target = None
            text = f"Sentence {k} of article {i}."
            events.append(_ev(f"d{i}", text, actor, draw(st.sampled_from(TYPES)), target,
                              draw(st.sampled_from(DATES)), draw(st.sampled_from([None, "phone"])),
                              draw(st.sampled_from(["asserted", "asserted", "claimed", "negated"])), start=40 * k))
        # one document never names two different actors with one IRI
        docs.append((Document(f"d{i}", " ".join(e.sentence for e in events) or "Nothing.", date(2024, 4, 6)), events))
    return docs


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.randoms(use_true_random=False))
def test_resolution_is_order_free_incremental_and_faithful(corpus, rnd):
    with _store(corpus) as store:
        base = _nquads(store)
        rows = list(events_from_store(store))
        assert validate(store).conforms
        # idempotent
        resolve(store)
        assert _nquads(store) == base
    # shuffled documents and mentions: the same graph
    shuffled = [(doc, rnd.sample(events, len(events))) for doc, events in rnd.sample(corpus, len(corpus))]
    with _store(shuffled) as store:
        assert _nquads(store) == base
    # incremental: resolve after some documents, then add the rest
    cut = rnd.randrange(len(corpus) + 1)
    store = Store(None)
    for doc, events in corpus[:cut]:
        store.replace_document(document_graph(doc, events))
    resolve(store)
    for doc, events in corpus[cut:]:
        store.replace_document(document_graph(doc, events))
    resolve(store)
    assert _nquads(store) == base
    # faithful: every mention keeps its own participants' roles, date, mode and status; no self-loops
    extracted = {(e.doc, e.start, e.action): e for _, events in corpus for e in events}
    assert len(rows) == len(extracted)
    for row in rows:
        src = extracted[(row.doc, row.start, row.action)]
        assert (row.date, row.mode, row.status) == (src.date, src.mode, src.status)
        assert (row.target is None) == (src.target is None)
        assert row.actor.kind == src.actor.kind and src.actor.name.split()[-1] in row.actor.name
        if row.target is not None:
            assert src.target.name.split()[-1] in row.target.name
            assert row.actor != row.target


def test_resolution_equals_from_scratch_when_an_ambiguity_arrives_later():
    """A later document makes an earlier merge ambiguous: the merge is undone."""
    a = Document("a", "Moon Jae-in met Kim Jong-un.", date(2018, 4, 27))
    b = Document("b", "Moon spoke.", date(2018, 4, 28))
    c = Document("c", "Moon Chung-in met Kim Jong-un.", date(2018, 5, 1))
    ea = [_ev("a", a.text, MOON, "CONSULT", KIM, "2018-04-27")]
    eb = [_ev("b", b.text, person("Moon"), "SUPPORT", KIM)]
    ec = [_ev("c", c.text, person("Moon Chung-in", "KOR"), "CONSULT", KIM, "2018-05-01")]
    with _store([(a, ea), (b, eb), (c, ec)]) as store:
        scratch = _nquads(store)
    with _store([(a, ea), (b, eb)]) as store:
        assert {e.actor.name for e in events_from_store(store, doc="b")} == {"Moon Jae-in"}
        store.replace_document(document_graph(c, ec))
        resolve(store)
        assert {e.actor.name for e in events_from_store(store, doc="b")} == {"Moon"}
        assert _nquads(store) == scratch


@pytest.mark.parametrize("seed", range(3))
def test_document_order_does_not_change_the_event_table(seed):
    docs = [(Document(f"d{i}", "A met B.", date(2024, 4, 4)),
             [_ev(f"d{i}", "A met B.", random.Random(seed + i).choice([LECORNU, SHOIGU]), "CONSULT",
                  person("Lecornu") if i % 2 else person("Shoigu"), "2024-04-03")]) for i in range(5)]
    with _store(docs) as s1, _store(list(reversed(docs))) as s2:
        assert [e.to_row() for e in events_from_store(s1)] == [e.to_row() for e in events_from_store(s2)]


# ---------------------------------------------------------------- incremental resolution with an index


def _add(store, index, docs, **kw):
    for doc, events in docs:
        store.replace_document(document_graph(doc, events))
    return resolve(store, documents=[doc.id for doc, _ in docs], index=index, **kw)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.randoms(use_true_random=False))
def test_incremental_resolution_with_an_index_equals_from_scratch(corpus, rnd):
    """Documents added a few at a time, then one replaced and one removed: each step gives the graph that
    resolving the same set of documents from scratch gives."""
    with _store(corpus) as store:
        scratch = _nquads(store)
    order = rnd.sample(corpus, len(corpus))
    with Store(None) as store, ResolutionIndex(None) as index:
        i = 0
        while i < len(order):
            step = rnd.randint(1, 3)
            _add(store, index, order[i:i + step])
            i += step
        assert _nquads(store) == scratch
        assert index.documents() == len(corpus)
        assert index.mentions() == sum(len(events) for _, events in corpus)
        # a new version of one document (its last event gone), then another document removed
        doc, events = corpus[0]
        changed = [(doc, events[:-1])] + corpus[1:]
        _add(store, index, [(doc, events[:-1])])
        with _store(changed) as fresh:
            assert _nquads(store) == _nquads(fresh)
        if len(changed) > 1:
            store.remove_document(changed[-1][0].id)
            resolve(store, documents=[changed[-1][0].id], index=index)
            with _store(changed[:-1]) as fresh:
                assert _nquads(store) == _nquads(fresh)


def test_incremental_resolution_reads_only_what_the_new_documents_touch():
    """A store of 60 documents about pairs of unrelated people: a new report of one pair reads and rewrites
    only the documents of that pair, and undoes nothing elsewhere."""
    corpus = []
    for i in range(60):
        a, b = person(f"Given{i} Family{i}", "FRA"), person(f"Other{i} Surname{i}", "RUS")
        text = f"Given{i} Family{i} met Other{i} Surname{i}."
        corpus.append((Document(f"d{i}", text, date(2024, 4, 4)), [_ev(f"d{i}", text, a, "CONSULT", b, "2024-04")]))
    new = Document("n", "Family7 phoned Surname7 on April 3.", date(2024, 4, 5))
    events = [_ev("n", new.text, person("Family7"), "CONSULT", person("Surname7"), "2024-04-03", "phone")]
    with Store(None) as store, ResolutionIndex(None) as index:
        first = _add(store, index, corpus)
        assert first.read == 60
        report = _add(store, index, [(new, events)])
        assert report.read == 2 and set(report.rewritten) <= {"d7", "n"}
        rows = list(events_from_store(store, doc="n"))
        assert [(e.actor.name, e.target.name, e.date) for e in rows] == [("Given7 Family7", "Other7 Surname7",
                                                                           "2024-04-03")]
        with _store(corpus + [(new, events)]) as fresh:
            assert _nquads(store) == _nquads(fresh)


def test_documents_left_pending_by_a_killed_build_are_resolved_by_the_next():
    (a, ea), (b, eb) = [(Document("a", "Lecornu met Shoigu.", date(2024, 4, 4)),
                         [_ev("a", "Lecornu met Shoigu.", LECORNU, "CONSULT", SHOIGU, "2024-04-01")]),
                        (Document("b", "Shoigu met Lecornu.", date(2024, 4, 5)),
                         [_ev("b", "Shoigu met Lecornu.", person("Shoigu"), "CONSULT", person("Lecornu"), "2024-04")])]
    with Store(None) as store, ResolutionIndex(None) as index:
        index.add_pending(["a"])
        store.replace_document(document_graph(a, ea))  # ... and the build was killed here
        _add(store, index, [(b, eb)])
        assert index.pending() == set()
        with _store([(a, ea), (b, eb)]) as fresh:
            assert _nquads(store) == _nquads(fresh)
        # a document written behind the index's back: the index no longer matches, resolution starts over
        c = Document("c", "Moon met Kim.", date(2024, 4, 6))
        ec = [_ev("c", c.text, MOON, "CONSULT", KIM, "2024-04-06")]
        store.replace_document(document_graph(c, ec))
        resolve(store, documents=[], index=index)
        assert index.documents() == 3
        with _store([(a, ea), (b, eb), (c, ec)]) as fresh:
            assert _nquads(store) == _nquads(fresh)


# ---------------------------------------------------------------- facts known at coding time


def _written(corpus):
    """A store holding the corpus's graphs as a build writes them (N-Triples text), unresolved."""
    store = Store(None)
    store.write_documents((str(doc_iri(doc.id)), ntriples(document_triples(doc, events))) for doc, events in corpus)
    return store


def _same_facts(a, b):
    return (a.local, a.aliases, sorted(a.reports, key=repr), a.denied, a.actors_now, a.events_now, a.lines) == (
        b.local, b.aliases, sorted(b.reports, key=repr), b.denied, b.actors_now, b.events_now, b.lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_facts_made_at_coding_time_are_those_read_back_and_resolve_alike(corpus):
    """What a coder derives from a document's records is what resolution would read back from its graph,
    before and after resolution rewrote the graph; resolving with those facts reads no graph back and
    gives the graph resolving without them gives."""
    known = {doc.id: coded_facts(doc, events) for doc, events in corpus}
    with _written(corpus) as store, ResolutionIndex(None) as index:
        for doc, events in corpus:
            assert _same_facts(known[doc.id], stored_facts(store, doc.id))
            assert coded_graph(doc, events)[0] == ntriples(document_triples(doc, events))
        report = resolve(store, documents=list(known), index=index, known=known)
        assert report.read == 0
        with _written(corpus) as plain:
            resolve(plain)
            resolved = _nquads(plain)
        assert _nquads(store) == resolved
        # a resolved graph, read back, gives the facts a later build would hand resolution
        again = {doc.id: stored_facts(store, doc.id) for doc, _ in corpus}
        assert resolve(store, documents=list(known), index=index, known=again).graphs_rewritten == 0
        assert _nquads(store) == resolved
