"""End-to-end: build the bundled example corpus and check every output (needs the model)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from newskg.build import OUTPUT_FILES, build, store_path

sys.path.insert(0, str(Path(__file__).parent))
from rdfcompare import named_graphs  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus.jsonl"
ROW_FIELDS = {"doc", "sentence", "actor", "actor_country", "action", "mode", "target", "target_country",
              "date", "source", "status"}

pytestmark = pytest.mark.model


def _sorted_nquads(out: Path) -> list[str]:
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    return sorted(store.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8").split("\n"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    report = build([CORPUS], out=out)
    assert report.documents == sum(1 for line in CORPUS.read_text("utf-8").splitlines() if line.strip())
    assert report.conforms, report.validation
    return out


def test_all_outputs_written(built: Path) -> None:
    for name in OUTPUT_FILES:
        assert (built / name).stat().st_size > 0, name
    assert store_path(built).is_dir()
    assert not list(built.glob(".*.tmp")), "temporary files left behind"


def test_trig_parses_strictly_with_named_graphs(built: Path) -> None:
    store = pyoxigraph.Store()
    store.load(path=str(built / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    graphs = {g.value for g in store.named_graphs()}
    docs = [json.loads(line)["id"] for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
    for doc_id in docs:
        assert any(g.endswith("/doc/" + doc_id) for g in graphs), f"no named graph for {doc_id}"
    assert not any(isinstance(q.subject, pyoxigraph.BlankNode) for q in store), "blank node subject"
    assert len(store) > 100


def test_events_table_fields(built: Path) -> None:
    rows = [json.loads(line) for line in (built / "events.jsonl").read_text("utf-8").splitlines()]
    assert rows, "no events extracted from the example corpus"
    for row in rows:
        assert ROW_FIELDS <= set(row)
        assert row["status"] in {"asserted", "claimed", "negated"}


def test_rebuild_is_byte_identical(built: Path, tmp_path: Path) -> None:
    build([CORPUS], out=tmp_path, html=False, report=False)
    assert _sorted_nquads(tmp_path) == _sorted_nquads(built)


def _named_graphs(path: Path) -> dict[str, Graph]:
    return named_graphs("trig", path=path)


def test_rebuild_in_place_replaces(built: Path, tmp_path: Path) -> None:
    first = _named_graphs(built / "graph.trig")
    build([CORPUS], out=built, html=False, report=False)
    again = _named_graphs(built / "graph.trig")
    assert set(again) == set(first)
    for name in first:
        assert len(again[name]) == len(first[name]), name
        assert isomorphic(first[name], again[name]), name


def test_cli_build_and_events(tmp_path: Path) -> None:
    newskg = Path(sys.executable).with_name("newskg")
    run = subprocess.run([str(newskg), "build", str(CORPUS), "--out", str(tmp_path)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    ev = subprocess.run([str(newskg), "events", "--out", str(tmp_path), "--format", "tsv"],
                        capture_output=True, text=True, timeout=120)
    assert ev.returncode == 0, ev.stderr
    assert ev.stdout.splitlines()[0].startswith("doc\tdate\tactor")
    val = subprocess.run([str(newskg), "validate", "--out", str(tmp_path)],
                         capture_output=True, text=True, timeout=300)
    assert val.returncode == 0, val.stdout + val.stderr


def test_commands_without_a_graph_say_what_to_do(tmp_path: Path) -> None:
    newskg = Path(sys.executable).with_name("newskg")
    run = subprocess.run([str(newskg), "events", "--out", str(tmp_path / "nothing")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    assert "newskg build" in run.stderr and "Traceback" not in run.stderr
