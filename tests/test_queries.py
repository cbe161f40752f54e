"""The named query library and the query command, on a hand-made store (no model)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from newskg.build import store_path
from newskg.cli import app
from newskg.errors import QueryError
from newskg.graph import Store
from newskg.graph.named import list_queries, load_query, run_named

runner = CliRunner()


def _csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_every_named_query_is_documented_and_runs(tiny_out) -> None:
    queries = list_queries()
    assert {"contact-history", "claims-denials", "actor-timeline", "multi-source", "document-events",
            "actors"} <= {q.name for q in queries}
    with Store(store_path(tiny_out), read_only=True) as store:
        for q in queries:
            assert q.description, q.name
            values = {p.name: {"actor": "Lecornu", "doc": "a", "date": "2020", "int": "1", "str": "x"}[p.type]
                      for p in q.params if p.required}
            run_named(store, q.name, "json", **values)


def test_contact_history_lists_both_calls_with_sources(tiny_out) -> None:
    with Store(store_path(tiny_out), read_only=True) as store:
        rows = _csv(run_named(store, "contact-history", "csv", a="Shoigu", b="Sebastien Lecornu"))
    assert [r["date"] for r in rows] == ["2022-10", "2024-04-03"]
    assert rows[1]["reports"] == "2", "the 2024 call is told by both documents"
    assert set(rows[1]["outlets"].split(", ")) == {"Wire One", "Daily <Two>"}
    assert all(r["mode"] == "phone" for r in rows)


def test_contact_history_since(tiny_out) -> None:
    with Store(store_path(tiny_out), read_only=True) as store:
        rows = _csv(run_named(store, "contact-history", "csv", a="Lecornu", b="Shoigu", since="2023"))
    assert [r["date"] for r in rows] == ["2024-04-03"]


def test_claims_and_denials(tiny_out) -> None:
    with Store(store_path(tiny_out), read_only=True) as store:
        rows = _csv(run_named(store, "claims-denials", "csv"))
    assert [(r["doc"], r["type"], r["actorLabel"], r["recipientLabel"], r["claimant"], r["claimSentence"],
             r["denier"], r["denialSentence"]) for r in rows] == [
        ("b", "AGREE", "France", "Russia", "Russia", "Moscow said Paris offered talks.", "France", "Paris denied it.")]


def test_multi_source_and_threshold(tiny_out) -> None:
    with Store(store_path(tiny_out), read_only=True) as store:
        two = _csv(run_named(store, "multi-source", "csv"))
        one = _csv(run_named(store, "multi-source", "csv", min="1"))
    assert len(two) == 1 and two[0]["reports"] == "2" and two[0]["date"] == "2024-04-03"
    assert len(one) == 4


def test_actor_timeline_and_document_events(tiny_out) -> None:
    with Store(store_path(tiny_out), read_only=True) as store:
        timeline = _csv(run_named(store, "actor-timeline", "csv", actor="Lecornu"))
        doc_b = _csv(run_named(store, "document-events", "csv", doc="b"))
    assert [r["date"] for r in timeline] == ["2022-10", "2024-04-03"]
    assert [r["type"] for r in doc_b] == ["CONSULT", "AGREE", "REJECT"]
    assert doc_b[1]["statusName"] == "claimed"


def test_parameter_values_cannot_inject(tiny_out) -> None:
    with Store(store_path(tiny_out), read_only=True) as store:
        before = len(store)
        out = run_named(store, "document-events", "csv", doc='a" } } DROP ALL ; SELECT * { {')
        assert _csv(out) == [] and len(store) == before
        with pytest.raises(QueryError, match="not an ISO date"):
            run_named(store, "contact-history", a="Lecornu", b="Shoigu", since="2020' || true")
        with pytest.raises(QueryError, match="no actor"):
            run_named(store, "actor-timeline", actor="Nobody At All")
        with pytest.raises(QueryError, match="needs the parameter"):
            run_named(store, "actor-timeline")


def test_unknown_query_lists_names() -> None:
    with pytest.raises(QueryError) as err:
        load_query("../../etc/passwd")
    assert "contact-history" in err.value.hint


def test_cli_named_query_json(tiny_out) -> None:
    res = runner.invoke(app, ["query", "--out", str(tiny_out), "--name", "contact-history",
                              "--param", "a=Lecornu", "--param", "b=Shoigu", "--format", "json"])
    assert res.exit_code == 0, res.output
    bindings = json.loads(res.stdout)["results"]["bindings"]
    assert [b["date"]["value"] for b in bindings] == ["2022-10", "2024-04-03"]


def test_cli_query_text_and_file(tiny_out, tmp_path) -> None:
    rq = tmp_path / "n.rq"
    rq.write_text("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a nkg:Event }", encoding="utf-8")
    res = runner.invoke(app, ["query", str(rq), "--out", str(tiny_out), "-f", "tsv"])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[1] == "4"
    listing = runner.invoke(app, ["query", "--list"])
    assert "contact-history" in listing.stdout and "usage: newskg query --name" in listing.stdout


@pytest.mark.parametrize("args, message", [
    (["--name", "contact-history", "--param", "a"], "NAME=VALUE"),
    (["--name", "contact-history", "--param", "a=Lecornu"], "needs the parameter 'b'"),
    (["SELECT * WHERE {}", "--name", "actors"], "not both"),
    (["SELECT * WHERE { ?s ?p }"], "bad SPARQL"),
])
def test_cli_query_errors(tiny_out, args, message) -> None:
    res = runner.invoke(app, ["query", "--out", str(tiny_out), *args])
    assert res.exit_code != 0
    assert message in res.output and "Traceback" not in res.output


def test_network_exports(tiny_out) -> None:
    import networkx as nx

    res = runner.invoke(app, ["export", "--out", str(tiny_out), "-f", "csv"])
    assert res.exit_code == 0, res.output
    rows = _csv(res.stdout)
    assert {r["event_type"] for r in rows} == {"CONSULT", "AGREE", "REJECT"}
    target = tiny_out / "net.graphml"
    res = runner.invoke(app, ["export", "--out", str(tiny_out), "-f", "graphml", "-o", str(target)])
    assert res.exit_code == 0, res.output
    G = nx.read_graphml(target, force_multigraph=True)
    labels = {d["label"] for _, d in G.nodes(data=True)}
    assert {"Sebastien Lecornu", "Sergei Shoigu", "France", "Russia"} <= labels
    assert G.number_of_edges() == len(rows) == 4
