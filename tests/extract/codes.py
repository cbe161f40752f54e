"""What the real pipeline codes for a sentence of our own, as ``(actor, type, target)`` names (test helper)."""

from __future__ import annotations

from datetime import date

from newskg.records import Document

PUB = date(2023, 5, 10)  # a Wednesday


def coded(extractor, text, published=PUB):
    events = extractor.extract(Document("t", text, published))
    return {(e.actor.name, e.action, e.target.name if e.target else None) for e in events}


def codes_as(extractor, text, expected, absent=None):
    """The text is coded with the event ``expected`` (unless None) and without ``absent``, each (actor, type,
    target)."""
    got = coded(extractor, text)
    assert (expected is None or expected in got) and absent not in got, got
