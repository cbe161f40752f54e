"""Extraction benchmark: `newskg build` against plain spaCy `nlp.pipe` over the same text.

Prints words per second (whitespace-separated words of the input) for:

* plain ``nlp.pipe`` with the same model and batch size (the ceiling);
* the extractor alone (``Extractor.pipe``: spaCy plus the event rules);
* the whole ``build`` (extraction, RDF, store, resolution, exports, validation, HTML, report);

each as the median of several runs, in one process and with ``n_process=2``,
and the ratios measured in the same run.  The model is loaded once before
timing.  The text is the PLOVER gold-standard corpus in ../shared/eval when
present (real news), else synthetic articles.

Usage: python bench/bench_extract.py [--repeat 8] [--runs 3] [--processes 1,2] [--clock wall|cpu]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from synthetic import articles  # noqa: E402

from newskg.build import build  # noqa: E402
from newskg.extract import Extractor  # noqa: E402
from newskg.extract.pipeline import load_nlp  # noqa: E402
from newskg.records import Document  # noqa: E402

GSR = ROOT.parent / "shared" / "eval" / "plover-gsr" / "docs.jsonl"


def corpus(repeat: int) -> tuple[list[dict], str]:
    if GSR.exists():
        base = [json.loads(line) for line in GSR.read_text("utf-8").splitlines() if line.strip()]
        name = f"PLOVER gold-standard articles x{repeat}"
    else:
        base = list(articles(300))
        name = f"300 synthetic articles x{repeat}"
    out = []
    for r in range(repeat):
        for rec in base:
            out.append({**rec, "id": f"r{r}-{len(out)}-{rec['id']}"})
    return out, name


#: The clock of the measurements: wall time, or this process's CPU time (all its threads; steadier on a
#: machine others are using, though it counts the store writer's thread in full where wall time overlaps it).
CLOCK = time.perf_counter


def median_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        t = CLOCK()
        fn()
        times.append(CLOCK() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=8)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--processes", default="1,2", help="the n_process values to measure, comma-separated")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                    help="wall time, or this process's CPU time (steadier on a shared machine; n_process=1 only)")
    args = ap.parse_args()
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
    recs, name = corpus(args.repeat)
    words = sum(len(r["text"].split()) for r in recs)
    tmp = Path(tempfile.mkdtemp(prefix="newskg-bench-extract-"))
    path = tmp / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    texts = [r["text"] for r in recs]
    docs = [Document(r["id"], r["text"], date.fromisoformat(r["published"]) if r.get("published") else None)
            for r in recs]
    nlp = load_nlp(None)
    ex = Extractor(batch_size=args.batch_size)
    print(f"corpus: {name}: {len(recs)} documents, {words:,} words; model {ex.model} {ex.model_version}")
    list(ex.pipe(docs[:20]))  # warm up
    n = [0]
    for n_process in (int(p) for p in args.processes.split(",")):
        plain = median_of(args.runs, lambda: sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size,
                                                                      n_process=n_process)))
        ex.n_process = n_process
        extract = median_of(args.runs, lambda: sum(1 for _ in ex.pipe(docs)))

        def run_build() -> None:
            n[0] += 1
            build([path], out=tmp / f"out{n[0]}", n_process=n_process, batch_size=args.batch_size)
        full = median_of(args.runs, run_build)
        print(f"n_process={n_process}: plain nlp.pipe {words / plain:,.0f} words/s | extractor {words / extract:,.0f} "
              f"words/s ({plain / extract:.2f}x of plain) | newskg build {words / full:,.0f} words/s "
              f"({plain / full:.2f}x of plain); medians of {args.runs}, {args.clock} time")
    print("target: build >= 0.8x plain nlp.pipe in one process")


if __name__ == "__main__":
    main()
