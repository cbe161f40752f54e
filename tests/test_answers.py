"""Golden answers: every analysis command on the standoff corpus of ``tests/golden.py``, against answers
written by hand from its texts (no model needed).

Each expected value below can be checked by reading the stories in ``tests/golden.py``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newskg.build import store_path
from newskg.cli import app
from newskg.export.network import network_csv, network_graphml
from newskg.export.report import render_report
from newskg.graph import Store
from newskg.graph.analysis import balance, contested_claims, key_actors, reciprocity
from newskg.graph.contacts import contact_history
from newskg.graph.network import actor_network

sys.path.insert(0, str(Path(__file__).parent))
from golden import STANDOFF, load  # noqa: E402

runner = CliRunner()
ID = "https://w3id.org/newskg/id/actor/"
DUMONT, ORLOV = ID + "person/FRA/claire-dumont", ID + "person/RUS/pavel-orlov"
VOLKOV, LEFEVRE = ID + "person/RUS/dmitri-volkov", ID + "person/FRA/marc-lefevre"
FRANCE, RUSSIA = ID + "state/FRA", ID + "state/RUS"
PROT_FRA, PROT_GEO = ID + "group/FRA/protesters", ID + "group/GEO/protesters"


@pytest.fixture(scope="module")
def standoff(tmp_path_factory):
    out = tmp_path_factory.mktemp("standoff")
    with Store(store_path(out)) as store:
        load(STANDOFF, store)
    return out


@pytest.fixture(scope="module")
def G(standoff):
    with Store(store_path(standoff), read_only=True) as store:
        return actor_network(store)


def _cli(standoff, *args: str):
    res = runner.invoke(app, [*args, "--out", str(standoff)])
    return res


def _json(standoff, *args: str):
    res = _cli(standoff, *args, "--format", "json")
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


# ------------------------------------------------------------------ contacts


def test_contacts_of_the_ministers(standoff) -> None:
    """Wednesday's call (told by all three outlets, by Daily Two from Moscow) and the call of October 2022
    (Wire One, Gazette Three); Daily Two's "never met in person" is a negated contact, counted apart."""
    h = _json(standoff, "contacts", "Orlov", "Dumont")
    rows = [(c["date"], c["mode"], frozenset((c["actor_iri"], c["target_iri"])), c["status"], c["docs"], c["sources"],
             c["gap_days"], c["gap"]) for c in h["contacts"]]
    pair = frozenset((DUMONT, ORLOV))
    assert rows == [
        ("2022-10", None, pair, "asserted", ["gazette-3", "wire-1"], [], None, None),
        ("2024-04-03", "phone", pair, "asserted", ["daily-2", "gazette-3", "wire-1"], ["Russia"], 550,
         "first contact since October 2022 (about 18 months)"),
    ]
    assert (h["a"], h["b"], h["first"], h["last"], h["modes"]) == (
        "Pavel Orlov", "Claire Dumont", "2022-10", "2024-04-03", ["phone"])
    assert (h["asserted"], h["claimed"], h["negated"], h["statuses"]) == (2, 0, 1, ["asserted"])
    every = _json(standoff, "contacts", "Orlov", "Dumont", "--status", "all")
    assert [(c["date"], c["status"], c["docs"]) for c in every["contacts"]] == [
        ("2022-10", "asserted", ["gazette-3", "wire-1"]), ("2024-04-03", "asserted", ["daily-2", "gazette-3", "wire-1"]),
        (None, "negated", ["daily-2"])]


def test_contacts_of_the_states_with_their_officials(standoff, G) -> None:
    """France and Russia never talk as states; through their officials: the presidents' call of
    September 2022, then the ministers' calls."""
    alone = contact_history(G, "France", "Russia")
    assert (alone.contacts, alone.asserted, alone.negated) == ((), 0, 0)
    h = contact_history(G, "France", "Russia", include_officials=True)
    assert [(c.date, frozenset((c.actor, c.target)), c.gap_days) for c in h.contacts] == [
        ("2022-09", frozenset(("Dmitri Volkov", "Marc Lefevre")), None),
        ("2022-10", frozenset(("Claire Dumont", "Pavel Orlov")), 30),
        ("2024-04-03", frozenset(("Claire Dumont", "Pavel Orlov")), 550)]
    assert [g.text for g in h.gaps] == ["first contact since September 2022 (about 1 month)",
                                        "first contact since October 2022 (about 18 months)"]
    assert (h.asserted, h.claimed, h.negated) == (3, 0, 1)


def test_contacts_answer_in_csv_and_table_with_the_json_fields(standoff) -> None:
    data = _json(standoff, "contacts", "Dumont", "Orlov")
    res = _cli(standoff, "contacts", "Dumont", "Orlov", "--format", "csv")
    assert res.exit_code == 0, res.output
    lines = list(csv.DictReader(io.StringIO(res.stdout)))
    own = [k for k in data if k != "contacts"]
    assert list(lines[0]) == own + list(data["contacts"][0])
    assert [r["date"] for r in lines] == ["2022-10", "2024-04-03"]
    assert all(r["a"] == "Claire Dumont" and r["negated"] == "1" for r in lines)
    assert lines[1]["docs"] == "daily-2; gazette-3; wire-1"
    table = _cli(standoff, "contacts", "Dumont", "Orlov").stdout
    for field in own + list(data["contacts"][0]):
        assert field in table
    assert "first contact since October 2022 (about 18 months)" in table


def test_no_contacts_says_what_was_left_out(standoff) -> None:
    """Volkov and Marchenko never spoke: no row, and the negated report is pointed to."""
    res = _cli(standoff, "contacts", "Volkov", "Marchenko")
    assert res.exit_code == 0 and "(0 rows)" in res.stdout
    assert "not listed: 1 negated contact (add --status negated to list them)" in res.stderr
    res = _cli(standoff, "contacts", "Lebanon", "Russia", "--officials")
    assert "no contacts between Lebanon and Russia or their officials" in res.stderr
    assert "--officials" not in res.stderr.split("officials", 1)[1]  # fault 7: no "try --officials" when set
    res = _cli(standoff, "contacts", "Lebanon", "Russia")
    assert "--officials counts a state's officials too" in res.stderr


# ------------------------------------------------------------------ actor


def test_actor_profile_separates_statuses_and_has_no_direction_in_calls(standoff) -> None:
    """Orlov: two calls with Dumont and his accusation of France (asserted), her rejection of it; the
    agreement only the Kremlin reports (claimed); the meeting that never happened (negated)."""
    p = _json(standoff, "actor", "Orlov")
    assert (p["iri"], p["name"], p["kind"], p["country"], p["aliases"]) == (
        ORLOV, "Pavel Orlov", "person", "RUS", ["Orlov"])
    assert (p["asserted"], p["claimed"], p["negated"], p["rank"], p["ranked"], p["first"], p["last"]) == (
        4, 1, 1, 3, 13, "2022-10", "2024-04-03")
    rows = [(r["role"], r["type"], r["status"], r["counterpart_iri"], r["events"], r["earliest"], r["latest"])
            for r in p["breakdown"]]
    assert rows == [
        ("participant", "CONSULT", "asserted", DUMONT, 2, "2022-10", "2024-04-03"),
        ("actor", "ACCUSE", "asserted", FRANCE, 1, "2024-04-03", "2024-04-03"),
        ("recipient", "REJECT", "asserted", DUMONT, 1, "2024-04-03", "2024-04-03"),
        ("participant", "AGREE", "claimed", DUMONT, 1, "2024-04-03", "2024-04-03"),
        ("participant", "CONSULT", "negated", DUMONT, 1, None, None),
    ]


def test_a_contact_said_never_to_have_happened_is_no_contact(standoff) -> None:
    """Fault 3: Volkov 'has never spoken to' Marchenko; the profile counts it as negated, never as a CONSULT."""
    p = _json(standoff, "actor", "Volkov")
    assert (p["asserted"], p["negated"]) == (2, 1)
    assert [(r["type"], r["status"], r["counterpart"]) for r in p["breakdown"]] == [
        ("THREATEN", "asserted", "France"), ("CONSULT", "asserted", "Marc Lefevre"),
        ("CONSULT", "negated", "Oleh Marchenko")]


def test_actor_answers_in_csv(standoff) -> None:
    res = _cli(standoff, "actor", "Dumont", "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {(r["type"], r["status"], r["counterpart"], r["events"]) for r in rows} == {
        ("CONSULT", "asserted", "Pavel Orlov", "2"), ("REJECT", "asserted", "Pavel Orlov", "1"),
        ("AGREE", "claimed", "Pavel Orlov", "1"), ("CONSULT", "negated", "Pavel Orlov", "1")}
    assert {r["iri"] for r in rows} == {DUMONT} and {r["asserted"] for r in rows} == {"3"}


# ------------------------------------------------------------------ names (the look-up is in test_lookup.py)


def test_an_ambiguous_name_is_answerable_on_the_command_line(standoff) -> None:
    res = _cli(standoff, "actor", "Protesters")
    assert res.exit_code == 6 and "'Protesters' matches 2 actors" in res.stderr
    for written, iri in (("Protesters (FRA)", PROT_FRA), ("Protesters (GEO)", PROT_GEO)):
        assert written + " [" in res.stderr
        assert _json(standoff, "actor", written)["iri"] == iri
    assert _json(standoff, "actor", "Protesters", "--country", "GEO")["iri"] == PROT_GEO
    assert _json(standoff, "contacts", "Protesters (GEO)", "Russia")["a_iri"] == PROT_GEO
    res = _cli(standoff, "actor", "Protesters", "--country", "Georgia")
    assert res.exit_code == 2 and "ISO 3166-1 alpha-3" in res.stderr


# ------------------------------------------------------------------ reciprocity (fault 4)


def test_reciprocity_has_directed_types_only(standoff) -> None:
    rows = [(r["a_iri"], r["b_iri"], r["type"], r["a_to_b"], r["b_to_a"], r["returned"])
            for r in _json(standoff, "reciprocity")]
    nino, irakli = ID + "person/GEO/nino-beridze", ID + "person/GEO/irakli-beridze"
    assert rows == [
        (FRANCE, RUSSIA, "ACCUSE", 1, 1, True),
        (DUMONT, ORLOV, "REJECT", 1, 0, False),
        (VOLKOV, FRANCE, "THREATEN", 1, 0, False),
        (FRANCE, ID + "state/LBN", "SUPPORT", 0, 1, False),
        (FRANCE, ORLOV, "ACCUSE", 0, 1, False),
        (FRANCE, PROT_FRA, "PROTEST", 0, 1, False),
        (FRANCE, RUSSIA, "REJECT", 1, 0, False),
        (irakli, nino, "ACCUSE", 0, 1, False),
        (irakli, PROT_GEO, "ACCUSE", 1, 0, False),
        (LEFEVRE, RUSSIA, "ACCUSE", 1, 0, False),
        (PROT_GEO, RUSSIA, "PROTEST", 1, 0, False),
    ]
    res = _cli(standoff, "reciprocity", "--type", "CONSULT")
    assert res.exit_code == 2 and "symmetric" in res.stderr


def test_reciprocity_never_pairs_an_official_with_their_own_state(G) -> None:
    """What the extractor made of 'Syrian President Bashar Assad telephoned ...' (issue 15): a person and
    their own state are one side."""
    import networkx as nx

    H = nx.MultiDiGraph(G)
    H.add_edge(VOLKOV, RUSSIA, key="e-own", type="THREATEN", quad="VerbalConflict", date=None, status="asserted")
    pairs = {(r.a_iri, r.b_iri) for r in reciprocity(H, types=("THREATEN",))}
    assert pairs == {(VOLKOV, FRANCE)}


# ------------------------------------------------------------------ balance, key actors, claims


def test_balance_of_the_states_alone_and_with_their_officials(standoff) -> None:
    b = _json(standoff, "balance", "France", "Russia")
    assert (b["cooperation"], b["conflict"], b["undated"], b["score"], b["asserted"], b["claimed"]) == (
        0, 3, 1, -1.0, 3, 0)
    assert [(p["period"], p["verbal_cooperation"], p["verbal_conflict"], p["material_conflict"])
            for p in b["periods"]] == [("2024", 0, 2, 0)]
    b = _json(standoff, "balance", "France", "Russia", "--officials")
    assert (b["cooperation"], b["conflict"], b["undated"], b["score"]) == (3, 7, 1, -0.4)
    assert (b["asserted"], b["claimed"], b["negated"]) == (10, 1, 1)
    assert [(p["period"], p["verbal_cooperation"], p["verbal_conflict"]) for p in b["periods"]] == [
        ("2022", 2, 0), ("2024", 1, 6)]
    b = _json(standoff, "balance", "France", "Russia", "--officials", "--by", "month")
    assert [(p["period"], p["verbal_cooperation"], p["verbal_conflict"]) for p in b["periods"]] == [
        ("2022-09", 1, 0), ("2022-10", 1, 0), ("2024-04", 1, 6)]


def test_key_actors_count_asserted_events(G) -> None:
    ranked = key_actors(G)
    assert {k.label if k.kind != "group" else f"{k.label} ({k.country})": (k.events, k.partners) for k in ranked} == {
        "France": (7, 5), "Russia": (6, 3), "Pavel Orlov": (4, 2), "Claire Dumont": (3, 1), "Marc Lefevre": (3, 3),
        "Dmitri Volkov": (2, 2), "Protesters (GEO)": (2, 2), "Irakli Beridze": (2, 2), "Protesters (FRA)": (1, 1),
        "José Luis Núñez Ortega": (1, 1), "Lebanon": (1, 1), "Nino Beridze": (1, 1), "Wang Lei": (1, 0)}
    assert [k.label for k in ranked[:3]] == ["France", "Russia", "Pavel Orlov"]
    everything = {k.label: k.events for k in key_actors(G, statuses="all")}
    assert (everything["Claire Dumont"], everything["Dmitri Volkov"], everything["Oleh Marchenko"]) == (5, 3, 1)


def test_contested_claims(standoff) -> None:
    claims = _json(standoff, "claims")
    got = {(c["claim_type"], c["status"], c["actor_iri"], c["target_iri"], tuple(c["claimants"]),
            tuple((d["denier_iri"], d["denial_date"]) for d in c["denials"])) for c in claims}
    assert got == {("AGREE", "claimed", ORLOV, DUMONT, ("Russia",), ((FRANCE, None),)),
                   ("ACCUSE", "asserted", ORLOV, FRANCE, ("Russian Defence Ministry",), ((DUMONT, "2024-04-03"),))}
    rows = list(csv.DictReader(io.StringIO(_cli(standoff, "claims", "--format", "csv").stdout)))
    assert sorted((r["claim_type"], r["denier"]) for r in rows) == [("ACCUSE", "Claire Dumont"), ("AGREE", "France")]


# ------------------------------------------------------------------ report (fault 3)


def test_report_picks_pairs_by_asserted_contacts_and_every_heading_has_rows(G) -> None:
    md = render_report(G, {})
    assert "15 actors, 21 events: 18 asserted, 1 claimed, 2 negated." in md
    section = md.split("## Contact timelines", 1)[1].split("## Relationship balance", 1)[0]
    headings = {frozenset(line[4:].split(" – ")) for line in section.splitlines() if line.startswith("### ")}
    assert headings == {frozenset(("Claire Dumont", "Pavel Orlov")), frozenset(("Dmitri Volkov", "Marc Lefevre")),
                        frozenset(("José Luis Núñez Ortega", "Marc Lefevre"))}
    for block in section.split("### ")[1:]:
        assert "\n- " in block, block
    assert "contacts also 1 negated (not counted)" in section
    assert "Oleh Marchenko" not in section
    recip = md.split("## Reciprocity", 1)[1].split("## Contested claims", 1)[0]
    assert "CONSULT" not in recip and "ACCUSE: France → Russia 1, Russia → France 1 (returned)" in recip


# ------------------------------------------------------------------ exports (faults 3 and 5)


def test_csv_export_keeps_every_event_with_iris_and_status(G) -> None:
    from newskg.export.network import network_nodes_csv

    rows = list(csv.DictReader(io.StringIO(network_csv(G).decode())))
    assert len(rows) == 21
    assert {r["Source"] for r in rows if r["source_label"] == "Protesters"} == {PROT_FRA, PROT_GEO}
    solo = sorted((r["Source"], r["event_type"], r["status"]) for r in rows if not r["Target"])
    assert solo == [(ID + "person/CHN/wang-lei", "REQUEST", "asserted"), (RUSSIA, "MOBILIZE", "asserted")]
    negated = sorted((r["source_label"], r["target_label"]) for r in rows if r["status"] == "negated")
    assert negated == [("Claire Dumont", "Pavel Orlov"), ("Dmitri Volkov", "Oleh Marchenko")]
    call = next(r for r in rows if r["date"] == "2024-04-03" and r["event_type"] == "CONSULT")
    assert (call["Type"], call["asserted_mentions"], call["documents"]) == ("Undirected", "3",
                                                                          "daily-2; gazette-3; wire-1")
    nodes = {r["Id"]: r for r in csv.DictReader(io.StringIO(network_nodes_csv(G).decode()))}
    assert len(nodes) == 15 and nodes[PROT_GEO]["Label"] == "Protesters" and nodes[PROT_GEO]["country"] == "GEO"
    assert (nodes[RUSSIA]["no_recipient"], nodes[RUSSIA]["asserted"]) == ("MOBILIZE asserted 1", "6")
    assert nodes[DUMONT]["negated"] == "1" and nodes[DUMONT]["claimed"] == "1"


def test_export_command_writes_both_tables(standoff) -> None:
    for fmt, n in (("csv", 21), ("csv-nodes", 15)):
        res = _cli(standoff, "export", "--format", fmt)
        assert res.exit_code == 0, res.output
        assert len(list(csv.DictReader(io.StringIO(res.stdout)))) == n


def test_graphml_export_keeps_recipientless_events_on_their_actor(G) -> None:
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(network_graphml(G))
    keys = {k.get("id"): k.get("attr.name") for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")}

    def attrs(el):
        return {keys[d.get("key")]: d.text for d in el.findall("g:data", ns)}

    nodes = {n.get("id"): attrs(n) for n in root.iter("{http://graphml.graphdrawing.org/xmlns}node")}
    edges = [attrs(e) for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(nodes) == 15 and len(edges) == 19
    assert nodes[ID + "person/CHN/wang-lei"]["no_recipient"] == "REQUEST asserted 1"
    assert sorted(e["status"] for e in edges).count("negated") == 2


# ------------------------------------------------------------------ the same fields in every format


@pytest.mark.parametrize("command", [("contacts", "Dumont", "Orlov"), ("contacts", "Volkov", "Marchenko"),
                                     ("actor", "Lefevre"), ("actor", "Russian Defence Ministry"), ("key-actors",),
                                     ("balance", "France", "Russia"), ("reciprocity",), ("claims",),
                                     ("claims", "--denied")])
def test_every_answer_has_the_same_fields_in_each_format(standoff, command) -> None:
    data = _json(standoff, *command)
    records = data if isinstance(data, list) else [data]
    fields = []
    for rec in records[:1]:
        for k, v in rec.items():
            if k in ("contacts", "breakdown", "periods", "denials"):
                fields += list(v[0]) if v else []
            else:
                fields.append(k)
    res = _cli(standoff, *command, "--format", "csv")
    assert res.exit_code == 0, res.output
    header = next(csv.reader(io.StringIO(res.stdout)))
    assert set(fields) <= set(header) and len(header) == len(set(header))
    table = _cli(standoff, *command).stdout
    assert all(f in table for f in header)
