"""Incremental builds end to end: building a corpus in two runs gives the graph of one run, and a few
documents added to a large store do not rewrite (nor leave out of date) the whole-store files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from synthetic import articles  # noqa: E402

from newskg.build import OUTPUT_FILES, VIEWS_UP_TO, build, index_path, store_path  # noqa: E402
from newskg.graph import Store, document_triples, events_from_store, resolve  # noqa: E402
from newskg.graph.index import ResolutionIndex  # noqa: E402
from newskg.graph.iri import doc_iri  # noqa: E402
from newskg.graph.terms import ntriples  # noqa: E402

pytestmark = pytest.mark.model


def _jsonl(path: Path, recs) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return path


def _nquads(out: Path) -> list[str]:
    with Store(store_path(out), read_only=True) as store:
        return sorted(line for line in store.nquads().decode("utf-8").splitlines() if line)


def test_two_builds_give_the_graph_of_one(extractor, tmp_path: Path) -> None:
    recs = list(articles(16, seed=21, sentences=3))
    first, second = _jsonl(tmp_path / "a.jsonl", recs[:10]), _jsonl(tmp_path / "b.jsonl", recs[10:])
    build([first, second], out=tmp_path / "once", html=False, report=False)
    build([first], out=tmp_path / "twice", html=False, report=False)
    report = build([second], out=tmp_path / "twice", html=False, report=False)
    assert report.documents == 6 and report.store_documents == 16
    assert _nquads(tmp_path / "twice") == _nquads(tmp_path / "once")
    assert (tmp_path / "twice" / "events.jsonl").read_text("utf-8") == \
        (tmp_path / "once" / "events.jsonl").read_text("utf-8")
    assert report.store_events == len((tmp_path / "once" / "events.jsonl").read_text("utf-8").splitlines())


def test_a_few_documents_into_a_large_store_leave_the_whole_store_files_alone(extractor, tmp_path: Path) -> None:
    import _synth

    out = tmp_path / "out"
    big = VIEWS_UP_TO + 100
    with Store(store_path(out)) as store, ResolutionIndex(index_path(out)) as index:
        pairs = list(_synth.corpus(big, events_per_doc=2))
        index.add_pending(doc.id for doc, _ in pairs)
        store.write_documents((str(doc_iri(doc.id)), ntriples(document_triples(doc, events))) for doc, events in pairs)
        resolve(store, documents=(), index=index)
    for name in OUTPUT_FILES:  # as an earlier build left them
        (out / name).write_text("out of date\n", encoding="utf-8")
    new = _jsonl(tmp_path / "new.jsonl", list(articles(3, seed=4, sentences=3)))
    report = build([new], out=out)
    assert report.store_documents == big + 3 and report.conforms
    assert report.files == () and sorted(p.name for p in report.removed) == sorted(OUTPUT_FILES)
    assert not any((out / name).exists() for name in OUTPUT_FILES)
    with Store(store_path(out), read_only=True) as store:
        assert report.store_events == sum(1 for _ in events_from_store(store))
        assert {e.doc for e in events_from_store(store, doc="syn-000001")} == {"syn-000001"}
    report = build([new], out=out, views="all")  # on request
    assert {p.name for p in report.files} == set(OUTPUT_FILES)
    rows = (out / "events.jsonl").read_text("utf-8").splitlines()
    assert len(rows) == report.store_events and {json.loads(r)["doc"] for r in rows} >= {"syn-000001", "d0"}
