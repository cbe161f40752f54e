"""Accuracy harness: every visible gold set at once, in one table.

Builds each gold set's ``docs.jsonl`` with :func:`newskg.build.build` (the same
code as ``newskg build``), scores the event table with the evaluation's own
``score.py`` (../shared/eval, read-only; its matching is one-to-one and
optimal), and prints one row per set: precision, recall, F1, date, source and
status accuracy.  The ``extractor`` rows score the extractor's own output
before the graph resolves anything, so the table also shows what resolution
gains or loses.

The wire set is split once, at random, into a development part and a held-out
third (``HELD_OUT`` below, drawn with ``random.Random(20261201).sample`` from the
sorted ids).  The held-out part is scored but its errors are never listed, so
that rules are not fitted to it; report its score separately.

Error classes (development sets only) count what kind of mistake each false
positive and miss is, from the scorer's own matching:

* ``miss/none``: no system event of that type in the gold event's sentence;
* ``miss/actor``, ``miss/target``: an event of that type in the sentence, with
  the other role right and this one wrong;
* ``miss/type``: an event in the sentence with both roles right but another type;
* ``miss/roles``: an event of that type in the sentence, both roles wrong;
* ``fp/spurious``: no gold event of that type in the sentence;
* ``fp/roles``: a gold event of that type in the sentence, roles not matching;
* ``fp/polarity``: matches only a gold event of the other polarity;
* ``fp/self-loop``: actor and target are the same actor;
* ``date/none``, ``date/wrong``: matched events whose gold date is set.

Usage::

    python bench/accuracy.py                 # the table
    python bench/accuracy.py --errors wire   # also list the dev errors of one set
    python bench/accuracy.py --sets seeds,wire --no-extractor
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"

#: The wire articles set aside before any work on them (a third of 32, drawn at random, seed 20261201).
HELD_OUT = ("w1-03", "w1-06", "w1-07", "w1-08", "w1-10", "w2-02", "w4-01", "w4-05", "w4-06", "w4-07", "w4-08")


def _scorer():
    spec = importlib.util.spec_from_file_location("eval_score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def gold_sets(names: list[str]) -> dict[str, tuple[list[dict], list[dict]]]:
    """name -> (docs, gold) for each visible set; wire is split into wire-dev and wire-heldout."""
    out = {}
    for name in names:
        docs, gold = _jsonl(EVAL / name / "docs.jsonl"), _jsonl(EVAL / name / "gold.jsonl")
        if name == "wire":
            for part, keep in (("wire-dev", False), ("wire-heldout", True)):
                ids = {d["id"] for d in docs if (d["id"] in HELD_OUT) == keep}
                out[part] = ([d for d in docs if d["id"] in ids], [g for g in gold if g["doc"] in ids])
        else:
            out[name] = (docs, gold)
    return out


def _build_rows(docs: list[dict], tmp: Path) -> list[dict]:
    from newskg.build import build

    corpus = tmp / "docs.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    build([corpus], out=tmp / "out", html=False, report=False, strict=False, on_error="skip",
          on_problem=lambda err: None)
    return _jsonl(tmp / "out" / "events.jsonl")


def _extractor_rows(docs: list[dict]) -> list[dict]:
    from newskg.corpus import read_corpus
    from newskg.extract import Extractor

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "docs.jsonl"
        corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        records = list(read_corpus([corpus], on_error="skip", on_problem=lambda err: None))
    rows = []
    for _doc, events in Extractor().pipe(records):
        rows.extend(ev.to_row() for ev in events)
    return rows


def _summary(sc, gold, rows, docs) -> tuple[dict, tuple]:
    ids = {d["id"] for d in docs}
    tp, fp, fn, neutral = sc.score(gold, rows, ids)
    p = len(tp) / max(1, len(tp) + len(fp))
    r = len(tp) / max(1, len(tp) + len(fn))
    f1 = 2 * p * r / max(1e-9, p + r)
    dated = [(s, g) for s, g in tp if g["date"]]
    sourced = [(s, g) for s, g in tp if "source" in g]
    return {
        "P": p, "R": r, "F1": f1,
        "date": sum(sc.date_matches(s.get("date"), g["date"]) for s, g in dated) / max(1, len(dated)),
        "n_date": len(dated),
        "source": sum(sc.source_matches(s.get("source"), g["source"]) for s, g in sourced) / max(1, len(sourced)),
        "status": sum((s.get("status") or "asserted") == g["status"] for s, g in tp) / max(1, len(tp)),
        "tp": len(tp), "fp": len(fp), "fn": len(fn),
    }, (tp, fp, fn)


def _same_actor(s: dict) -> bool:
    return bool(s.get("target")) and (s.get("actor_name") or s.get("actor")) == (s.get("target_name") or s.get("target")) \
        and s.get("actor_kind") == s.get("target_kind")


def error_classes(sc, gold, rows, result) -> Counter:
    """Count each false positive, miss and wrong date by class (see the module docs)."""
    tp, fp, fn = result
    counts: Counter = Counter()
    by_sent: dict[tuple, list[dict]] = {}
    for s in rows:
        by_sent.setdefault((s["doc"], sc.norm(s.get("sentence", ""))), []).append(s)
    gold_by_sent: dict[tuple, list[dict]] = {}
    for g in gold:
        gold_by_sent.setdefault((g["doc"], sc.norm(g["sentence"])), []).append(g)
    for g in fn:
        near = by_sent.get((g["doc"], sc.norm(g["sentence"])), [])
        same_type = [s for s in near if s["action"] == g["action"]]

        def role(s, r_sys, c_sys, r_gold):
            return sc.entity_matches(s.get(r_sys), s.get(c_sys), g[r_gold])
        if not same_type:
            both = [s for s in near if role(s, "actor", "actor_country", "actor")
                    and role(s, "target", "target_country", "target")]
            counts["miss/type" if both else "miss/none"] += 1
            continue
        if any(role(s, "actor", "actor_country", "actor") for s in same_type):
            counts["miss/target"] += 1
        elif any(role(s, "target", "target_country", "target") for s in same_type):
            counts["miss/actor"] += 1
        else:
            counts["miss/roles"] += 1
    for s, clash in fp:
        if _same_actor(s):
            counts["fp/self-loop"] += 1
        elif clash is not None:
            counts["fp/polarity"] += 1
        elif any(g["action"] == s["action"] for g in gold_by_sent.get((s["doc"], sc.norm(s.get("sentence", ""))), [])):
            counts["fp/roles"] += 1
        else:
            counts["fp/spurious"] += 1
    for s, g in tp:
        if g["date"] and not sc.date_matches(s.get("date"), g["date"]):
            counts["date/none" if not s.get("date") else "date/wrong"] += 1
    return counts


def list_errors(sc, gold, rows, result) -> None:
    tp, fp, fn = result
    for s, clash in fp:
        why = "polarity" if clash else "no gold"
        print(f"  FP ({why}) {s['doc']}: {s.get('actor')} [{s.get('actor_country')}] {s['action']}/{s.get('mode')} "
              f"{s.get('target')} [{s.get('target_country')}] {s.get('date')} {s.get('status')} | {s.get('sentence', '')[:110]}")
    for g in fn:
        t = g["target"]["name"] if g["target"] else None
        print(f"  MISS {g['doc']}: {g['actor']['name']} {g['action']}/{g.get('mode')} {t} {g.get('date')} "
              f"{g['status']} | {g['sentence'][:110]}")
    for s, g in tp:
        if g["date"] and not sc.date_matches(s.get("date"), g["date"]):
            print(f"  DATE {s['doc']}: {s['action']} {s.get('actor')}->{s.get('target')} got {s.get('date')} "
                  f"gold {g['date']} | {g['sentence'][:110]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="seeds,plover-gsr,wire", help="comma-separated gold sets of ../shared/eval")
    ap.add_argument("--no-extractor", action="store_true", help="skip the extractor-only rows")
    ap.add_argument("--errors", default="", help="list the errors of these sets (wire means wire-dev only)")
    ap.add_argument("--json", metavar="FILE", help="also write the table as JSON")
    ap.add_argument("--dev-only", action="store_true",
                    help="leave the held-out third of wire out, so that development never sees its score")
    a = ap.parse_args(argv)
    if not (EVAL / "score.py").exists():
        print(f"no gold sets: {EVAL} is missing", file=sys.stderr)
        return 2
    sc = _scorer()
    sets = gold_sets(a.sets.split(","))
    if a.dev_only:
        sets.pop("wire-heldout", None)
    show = {s.strip() for s in a.errors.split(",") if s.strip()}
    show = {"wire-dev" if s == "wire" else s for s in show} - {"wire-heldout"}
    table, classes = [], {}
    for name, (docs, gold) in sets.items():
        with tempfile.TemporaryDirectory() as tmp:
            rows = _build_rows(docs, Path(tmp))
        summary, result = _summary(sc, gold, rows, docs)
        table.append((name, "build", summary))
        if name != "wire-heldout":
            classes[name] = error_classes(sc, gold, rows, result)
        if name in show:
            print(f"== errors in {name}")
            list_errors(sc, gold, rows, result)
        if not a.no_extractor:
            summary, _ = _summary(sc, gold, _extractor_rows(docs), docs)
            table.append((name, "extractor", summary))
    print(f"{'set':<14}{'output':<11}{'P':>6}{'R':>6}{'F1':>6}{'date':>7}{'(n)':>5}{'source':>7}{'status':>7}"
          f"{'tp':>5}{'fp':>5}{'fn':>5}")
    for name, kind, s in table:
        print(f"{name:<14}{kind:<11}{s['P']:>6.3f}{s['R']:>6.3f}{s['F1']:>6.3f}{s['date']:>7.3f}{s['n_date']:>5}"
              f"{s['source']:>7.3f}{s['status']:>7.3f}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}")
    print("\nerror classes (build output; wire-heldout not shown)")
    keys = sorted({k for c in classes.values() for k in c})
    print(f"{'class':<14}" + "".join(f"{n:>14}" for n in classes))
    for k in keys:
        print(f"{k:<14}" + "".join(f"{classes[n][k]:>14}" for n in classes))
    if a.json:
        Path(a.json).write_text(json.dumps({"table": table, "classes": classes}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
