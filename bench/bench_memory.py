"""Memory benchmark: build a synthetic corpus of 20,000 documents and print peak memory.

Runs ``newskg.build.build`` in this process on a generated JSONL corpus and
reads the resident set size (VmRSS) from /proc after the model is loaded and
after every 2,000 documents, then the peak (VmHWM) at the end, including
resolution, exports, validation, the HTML and the report.  The input is read
as a stream: RSS should stay flat while documents are coded.

Usage: python bench/bench_memory.py [--docs 20000] [--sentences 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from synthetic import write_corpus  # noqa: E402

from newskg.build import build  # noqa: E402
from newskg.extract.pipeline import load_nlp  # noqa: E402


def status(field: str) -> int:
    """A /proc/self/status field in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    raise KeyError(field)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--sentences", type=int, default=3)
    ap.add_argument("--every", type=int, default=2000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newskg-bench-memory-"))
    corpus = write_corpus(tmp / "corpus.jsonl", args.docs, sentences=args.sentences)
    print(f"corpus: {args.docs:,} synthetic documents, {corpus.stat().st_size / 1e6:.1f} MB", flush=True)
    print(f"RSS at start: {status('VmRSS')} MB", flush=True)
    load_nlp(None)
    base = status("VmRSS")
    print(f"RSS after loading the model: {base} MB", flush=True)
    samples: list[tuple[int, int]] = []
    started = time.perf_counter()

    def progress(doc, n_events) -> None:
        progress.n += 1
        if progress.n % args.every == 0:
            samples.append((progress.n, status("VmRSS")))
            print(f"  {progress.n:>6,} documents: RSS {samples[-1][1]} MB "
                  f"({time.perf_counter() - started:.0f} s)", flush=True)
    progress.n = 0
    report = build([corpus], out=tmp / "out", progress=progress)
    total = time.perf_counter() - started
    print(f"built {report.documents:,} documents, {report.store_events:,} event mentions in {total:.0f} s")
    print(f"RSS at the end: {status('VmRSS')} MB; peak RSS (VmHWM): {status('VmHWM')} MB; target < 2048 MB")
    if len(samples) >= 2:
        first, last = samples[0], samples[-1]
        print(f"growth while coding: {last[1] - first[1]:+d} MB from {first[0]:,} to {last[0]:,} documents "
              f"({(last[1] - first[1]) / max(1, (last[0] - first[0]) / 1000):+.1f} MB per 1,000 documents)")


if __name__ == "__main__":
    main()
