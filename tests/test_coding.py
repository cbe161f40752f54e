"""Coding in batches: a document whose coding fails is reported alone, the others of its batch are coded,
and the order and the graphs are those of one uninterrupted stream (no model: a stand-in extractor whose
rules fail on one document, as a rule with a bug would)."""

from __future__ import annotations

from datetime import date

import pytest

from newskg.coding import CodedDocument, LocalCoder, code_documents
from newskg.records import Actor, Document, Event


class RulesThatFailOn:
    """Codes every document 'X met Y.' as one CONSULT, and raises on the documents named."""

    def __init__(self, *bad: str) -> None:
        self.bad = set(bad)

    def pipe(self, documents):
        for doc in documents:
            if doc.id in self.bad:
                raise ValueError(f"a rule failed on {doc.id}")
            a, b = Actor("France", kind="state", country="FRA"), Actor("Russia", kind="state", country="RUS")
            yield doc, [Event(doc.id, doc.text, 0, len(doc.text), a, "CONSULT", None, b, "2024-04-03")]


DOCS = [Document(f"d{i}", "France met Russia.", date(2024, 4, 4)) for i in range(7)]


@pytest.mark.parametrize("bad", [(), ("d0",), ("d3",), ("d2", "d3", "d6")])
def test_a_failing_document_is_reported_alone(bad) -> None:
    clean = [c for _, coded in LocalCoder(batch_size=3, extractor=RulesThatFailOn()).run(DOCS) for c in coded]
    out = list(LocalCoder(batch_size=3, extractor=RulesThatFailOn(*bad)).run(DOCS))
    docs = [d.id for batch, _ in out for d in batch]
    coded = [c for _, batch in out for c in batch]
    assert docs == [c.id for c in coded] == [d.id for d in DOCS]
    assert {c.id for c in coded if c.error} == set(bad)
    assert all(c.error.startswith("ValueError: a rule failed on") for c in coded if c.error)
    assert [c for c in coded if not c.error] == [c for c in clean if c.id not in bad]
    assert all(c.events == 1 and "CONSULT" in c.ntriples for c in clean)


def test_code_documents_isolates_the_document_at_fault() -> None:
    coded = code_documents(DOCS[:3], extractor=RulesThatFailOn("d1"))
    assert [(c.id, c.error is None) for c in coded] == [("d0", True), ("d1", False), ("d2", True)]
    assert coded[1] == CodedDocument("d1", "", 0, error="ValueError: a rule failed on d1")
