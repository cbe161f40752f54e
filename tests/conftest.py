"""Shared fixtures: one loaded extractor per test session, pinned to the model version."""

from __future__ import annotations

import pytest

from newskg.config import MODEL_VERSION


@pytest.fixture(scope="session")
def extractor():
    from newskg.extract import Extractor

    ex = Extractor()
    version = ex.model_version
    if not version.startswith(MODEL_VERSION.rsplit(".", 1)[0]):
        pytest.skip(f"model-backed tests are pinned to {MODEL_VERSION}; the installed model is {version}")
    return ex


@pytest.fixture(scope="session")
def example_out(extractor, tmp_path_factory):
    """The bundled example corpus built once per session (graph, store, HTML and report)."""
    from pathlib import Path

    from newskg.build import build

    out = tmp_path_factory.mktemp("example-out")
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus.jsonl"
    report = build([corpus], out=out)
    assert report.conforms, report.validation
    return out


def tiny_events():
    """Hand-made records for two documents about two ministers (no model needed).

    Document ``a`` reports a phone call on 2024-04-03 and an earlier one in
    October 2022; document ``b`` reports the same 2024 call, a claim by Russia
    that France offered talks, and France's denial of it.
    """
    from datetime import date

    from newskg.records import Actor, Document, Event

    fr = Actor("France", kind="state", country="FRA")
    ru = Actor("Russia", kind="state", country="RUS")
    lec = Actor("Sebastien Lecornu", kind="person", country="FRA", aliases=("Lecornu",))
    sho = Actor("Sergei Shoigu", kind="person", country="RUS", aliases=("Shoigu",))
    a = Document("a", "Lecornu phoned Shoigu on Wednesday. They last spoke in October 2022.",
                 date(2024, 4, 4), outlet="Wire One")
    b = Document("b", "Shoigu and Lecornu spoke on April 3. Moscow said Paris offered talks. Paris denied it.",
                 date(2024, 4, 5), outlet="Daily <Two>")
    claim = Event("b", "Moscow said Paris offered talks.", 37, 69, fr, "AGREE", None, ru, None,
                  source=ru, status="claimed")
    return [
        (a, [Event("a", "Lecornu phoned Shoigu on Wednesday.", 0, 35, lec, "CONSULT", "phone", sho, "2024-04-03"),
             Event("a", "They last spoke in October 2022.", 36, 68, sho, "CONSULT", "phone", lec, "2022-10")]),
        (b, [Event("b", "Shoigu and Lecornu spoke on April 3.", 0, 36, sho, "CONSULT", "phone", lec, "2024-04-03"),
             claim,
             Event("b", "Paris denied it.", 70, 86, fr, "REJECT", None, ru, None, denies=claim)]),
    ]


@pytest.fixture()
def tiny_out(tmp_path):
    """An output folder whose store holds :func:`tiny_events`, resolved across documents."""
    from newskg.build import store_path
    from newskg.graph import Store, document_graph, resolve

    with Store(store_path(tmp_path)) as store:
        for doc, events in tiny_events():
            store.replace_document(document_graph(doc, events))
        resolve(store)
    return tmp_path
