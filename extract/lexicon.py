"""The trigger lexicon and the cue word lists, loaded from data files.

``data/triggers.tsv`` maps a head lemma, plus the lemmas that must depend on
it ("reach out", "call on", "phone call"), to a PLOVER type and mode.
``data/cues.json`` holds reporting verbs, hedges, negation cues, government
and role nouns.

>>> lex = Lexicon.default()
>>> [(p.type, p.mode) for p in lex.patterns("reach", "VERB") if p.extras == ("out",)]
[('CONSULT', 'phone')]
>>> [(p.head, p.extras, p.mode) for p in lex.patterns("strike", "NOUN") if p.extras == ("hunger",)]
[('strike', ('hunger',), 'hunger')]
>>> "say" in lex.cues["reporting_verbs"]
True
"""

from __future__ import annotations

import csv
import functools
import io
import json
from dataclasses import dataclass
from importlib import resources

from ..records import PLOVER_TYPES

__all__ = ["TriggerPattern", "Lexicon"]


@dataclass(frozen=True, slots=True)
class TriggerPattern:
    """One lexicon entry: head lemma, required dependent lemmas, part of speech, type and mode."""

    head: str
    extras: tuple[str, ...]
    pos: str
    type: str
    mode: str | None


class Lexicon:
    """Trigger patterns indexed by head lemma, and cue lists; use :meth:`default`."""

    def __init__(self, patterns: list[TriggerPattern], cues: dict) -> None:
        self._by_head: dict[str, list[TriggerPattern]] = {}
        for p in patterns:
            self._by_head.setdefault(p.head, []).append(p)
        for plist in self._by_head.values():
            plist.sort(key=lambda p: -len(p.extras))  # most specific first
        self.cues = {k: (frozenset(v) if isinstance(v, list) and all(isinstance(x, str) for x in v) else v)
                     for k, v in cues.items()}
        #: (words, objects, type, mode): a verb or noun acting on an object noun makes the event
        self.governed = tuple((frozenset(r["words"]), frozenset(r["objects"]), r["type"], r["mode"])
                              for r in cues.get("governed_objects", ()))
        self.heads = frozenset(self._by_head)
        #: verbs that only report or acknowledge an event named as their object ("confirmed the call")
        self.report_only = (self.cues["reporting_verbs"] | self.cues["acknowledging_verbs"]) - \
            self.cues["performative_verbs"]
        self._idioms: dict[str, list[TriggerPattern]] = {}
        for phrase in cues.get("idioms", ()):
            head, *extras = phrase.split()
            self._idioms.setdefault(head, []).append(TriggerPattern(head, tuple(extras), "", "", None))

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> Lexicon:
        """The packaged lexicon."""
        data = resources.files(__package__).joinpath("data")
        rows = csv.reader(io.StringIO(data.joinpath("triggers.tsv").read_text(encoding="utf-8")), delimiter="\t")
        patterns = []
        for n, row in enumerate(rows, 1):
            if not row or row[0].startswith("#"):
                continue
            words, pos, etype, mode = (row + ["", "", "", ""])[:4]
            if etype not in PLOVER_TYPES:
                raise ValueError(f"triggers.tsv:{n}: unknown PLOVER type {etype!r}")
            head, *extras = words.split()
            if pos == "NOUN" and extras:  # noun compounds read head-last: "hunger strike" is a strike
                *extras, head = words.split()
            patterns.append(TriggerPattern(head, tuple(extras), pos, etype, None if mode in ("", "-") else mode))
        cues = json.loads(data.joinpath("cues.json").read_text(encoding="utf-8"))
        return cls(patterns, cues)

    def idioms(self, lemma: str) -> list[TriggerPattern]:
        """Fixed expressions headed by ``lemma`` that are never triggers ("pull out all the stops")."""
        return self._idioms.get(lemma, [])

    def patterns(self, lemma: str, pos: str) -> list[TriggerPattern]:
        """Patterns whose head is ``lemma`` with part of speech ``pos``, most specific first."""
        return [p for p in self._by_head.get(lemma, ()) if p.pos == pos]
