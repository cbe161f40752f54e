"""Scale benchmark: build throughput in one process and on Dask workers, incremental builds, peak memory.

Prints, as medians of several runs, with every ratio measured in the same run:

1. words/s of plain spaCy ``nlp.pipe`` (one process, the same model and batch size), of ``build`` in this
   process, and of ``build(workers=2)`` (a Dask ``LocalCluster`` of two worker processes, its start-up and
   the workers' model loading included), on one mixed corpus: the PLOVER gold-standard articles of
   ../shared/eval when present (short wire items), and longer synthetic articles; then the same on a
   larger corpus of the same mix (``--large-words``, 150,000 by default; 0 skips it), where the cluster's
   fixed start-up is a smaller share of the build.  Each ``--workers 2`` line also says how long the build
   took until its first batch came back (the cluster's start and the workers' model loading);
2. the time of adding the same 10 articles to stores of 1,000, 5,000 and 20,000 documents, against adding
   them to an empty store (``build`` in this process, model loaded once before timing).  The large stores
   are written straight from hand-made records (bench/_synth.py, no model) and resolved once, as a build
   would leave them;
3. the peak resident memory (VmHWM) of the driver and of a worker of a ``newskg build --workers 2`` run.

The machine is shared: run it when it is quiet, and read the ratios rather than the absolute numbers.

Usage: python bench/bench_scale.py [--runs 3] [--words 48000] [--large-words 150000] [--stores 1000,5000,20000]
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import _synth  # noqa: E402
from synthetic import articles  # noqa: E402

from newskg.build import build, index_path, store_path  # noqa: E402
from newskg.coding import worker_extractor  # noqa: E402
from newskg.config import default_model  # noqa: E402
from newskg.graph import Store, document_triples, resolve  # noqa: E402
from newskg.graph.index import ResolutionIndex  # noqa: E402
from newskg.graph.iri import doc_iri  # noqa: E402
from newskg.graph.terms import ntriples  # noqa: E402

GSR = ROOT.parent / "shared" / "eval" / "plover-gsr" / "docs.jsonl"


def mixed_corpus(words: int) -> list[dict]:
    """About ``words`` words: gold-standard wire items and synthetic articles, alternating."""
    short = [json.loads(line) for line in GSR.read_text("utf-8").splitlines() if line.strip()] if GSR.exists() else []
    long = articles(100_000, seed=3, sentences=8)
    out, n = [], 0
    for i in itertools.count():
        rec = dict(short[i % len(short)]) if short and i % 2 else next(long)
        rec["id"] = f"mix-{i:06d}-{rec['id']}"
        out.append(rec)
        n += len(rec["text"].split())
        if n >= words:
            return out
    raise AssertionError


def write_jsonl(path: Path, recs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return path


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def synthetic_store(out: Path, n: int) -> tuple[float, float]:
    """A store of ``n`` synthetic documents, resolved, with its index, as a build leaves it.

    The first 1,000 documents are written as a build writes them (one transaction each), the rest with
    Oxigraph's bulk loader, which is many times faster.  Returns the seconds per document spent
    serialising and writing (what the driver does for each document it receives) and resolving from
    scratch (what a first build does after coding).
    """
    import pyoxigraph as ox

    records = _synth.corpus(n, events_per_doc=6)
    with Store(store_path(out)) as store, ResolutionIndex(index_path(out)) as index:
        first = list(itertools.islice(records, 1000))
        started = time.perf_counter()
        index.add_pending(doc.id for doc, _ in first)
        store.write_documents((str(doc_iri(doc.id)), ntriples(document_triples(doc, events))) for doc, events in first)
        write = (time.perf_counter() - started) / len(first)
        rest = out / "rest.nq"
        with rest.open("w", encoding="utf-8") as f:
            for chunk in _batched(records, 500):
                index.add_pending(doc.id for doc, _ in chunk)
                for doc, events in chunk:
                    g = f" <{doc_iri(doc.id)}> .\n"
                    f.write("".join(line[:-2] + g for line in ntriples(document_triples(doc, events)).split("\n")))
        store.ox.bulk_load(path=str(rest), format=ox.RdfFormat.N_QUADS)
        rest.unlink()
        started = time.perf_counter()
        resolve(store, documents=(), index=index)
        return write, (time.perf_counter() - started) / n


def bulk_load_rate(out: Path) -> tuple[int, float]:
    """Quads in a store, and the seconds Oxigraph's bulk loader takes to load them from an N-Quads file."""
    import pyoxigraph as ox

    dump = out / "dump.nq"
    with Store(store_path(out), read_only=True) as store:
        quads = len(store)
        store.ox.dump(str(dump), format=ox.RdfFormat.N_QUADS)
    fresh = ox.Store(str(out / "bulk"))
    seconds = timed(lambda: fresh.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS))
    del fresh
    shutil.rmtree(out / "bulk")
    dump.unlink()
    return quads, seconds


def views_cost(out: Path) -> tuple[float, float]:
    """Seconds to write graph.trig and events.jsonl of a store (two of the whole-store files)."""
    from newskg.build import write_events
    from newskg.export import export_rdf
    from newskg.graph import events_from_store

    with Store(store_path(out), read_only=True) as store:
        trig = timed(lambda: export_rdf(store, "trig", out / "graph.trig"))
        events = timed(lambda: write_events(events_from_store(store), out / "events.jsonl"))
    return trig, events


def _batched(items, size):
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def peak_rss(corpus: Path, out: Path) -> tuple[int, int, float]:
    """Peak RSS in MB of the driver and of the largest worker of `newskg build --workers 2`, and its seconds."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen([str(Path(sys.executable).with_name("newskg")), "build", str(corpus), "--out", str(out),
                             "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    driver, workers = 0, 0
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            driver = max(driver, parent.memory_info().rss)
            for child in parent.children(recursive=True):
                workers = max(workers, child.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    if proc.returncode != 0:
        raise SystemExit(f"newskg build --workers 2 failed: {proc.stderr.read()}")
    return driver // 2**20, workers // 2**20, time.perf_counter() - started


_RUNS = itertools.count()


def throughput(nlp, recs: list[dict], corpus: Path, tmp: Path, args, name: str) -> None:
    """Plain nlp.pipe, build in this process and build --workers 2 on one corpus, interleaved runs."""
    words = sum(len(r["text"].split()) for r in recs)
    texts = [r["text"] for r in recs]
    if name:
        print(f"{name}corpus: {len(recs)} documents, {words:,} words (the same mix)", flush=True)
    plain, local, dask2, first = [], [], [], []

    def workers() -> None:
        started, seen = time.perf_counter(), []

        def progress(doc, events) -> None:
            if not seen:
                seen.append(time.perf_counter() - started)
        build([corpus], out=tmp / f"dask{next(_RUNS)}", batch_size=args.batch_size, workers=2, progress=progress)
        first.append(seen[0])

    for _ in range(args.runs):  # interleaved, so that a busy minute costs each the same
        plain.append(timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size))))
        local.append(timed(lambda: build([corpus], out=tmp / f"local{next(_RUNS)}", batch_size=args.batch_size)))
        dask2.append(timed(workers))
        print(f"  run: plain {plain[-1]:.1f} s, build {local[-1]:.1f} s, --workers 2 {dask2[-1]:.1f} s "
              f"(first batch back after {first[-1]:.1f} s)", flush=True)
    p, b, d, f = (statistics.median(x) for x in (plain, local, dask2, first))
    print(f"{name}plain nlp.pipe {words / p:,.0f} words/s | build in one process {words / b:,.0f} words/s "
          f"({p / b:.2f}x plain; target >= 0.8) | build --workers 2 {words / d:,.0f} words/s "
          f"({b / d:.2f}x one process; target >= 1.5; its first batch back after {f:.1f} s); medians of "
          f"{args.runs}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--words", type=int, default=48_000)
    ap.add_argument("--large-words", type=int, default=150_000)
    ap.add_argument("--stores", default="1000,5000,20000")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--skip-throughput", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newskg-bench-scale-"))
    extractor = worker_extractor(default_model(), args.batch_size)  # the model, loaded once before timing
    nlp = extractor.nlp
    print(f"model {extractor.model} {extractor.model_version}; {args.runs} runs each; scratch in {tmp}", flush=True)

    # 1. throughput
    recs = mixed_corpus(args.words)
    words = sum(len(r["text"].split()) for r in recs)
    corpus = write_jsonl(tmp / "mixed.jsonl", recs)
    print(f"corpus: {len(recs)} documents, {words:,} words (gold-standard wire items and synthetic articles)",
          flush=True)
    if not args.skip_throughput:
        list(extractor.pipe([]))
        throughput(nlp, recs, corpus, tmp, args, "")
        if args.large_words:
            big = mixed_corpus(args.large_words)
            throughput(nlp, big, write_jsonl(tmp / "large.jsonl", big), tmp, args, "large ")

    # 2. incremental builds
    new = write_jsonl(tmp / "ten.jsonl", [dict(r, id=f"new-{i}") for i, r in enumerate(recs[:10])])

    def add_ten(out: Path) -> float:
        return timed(lambda: build([new], out=out, batch_size=args.batch_size))

    empty = [add_ten(tmp / f"empty{i}") for i in range(args.runs)]
    base = statistics.median(empty)
    print(f"10 documents into an empty store: {base:.2f} s (median of {args.runs})", flush=True)
    for n in (int(x) for x in args.stores.split(",") if x):
        made = tmp / f"store{n}"
        write, resolved = synthetic_store(made, n)
        trig, table = views_cost(made)
        print(f"store of {n:,} synthetic documents (6 events each): serialising and writing {write * 1e3:.2f} ms "
              f"per document, resolving from scratch {resolved * 1e3:.2f} ms per document; whole-store "
              f"graph.trig {trig:.1f} s, events.jsonl {table:.1f} s", flush=True)
        (made / "graph.trig").unlink()
        (made / "events.jsonl").unlink()
        quads, bulk = bulk_load_rate(made)
        print(f"  the same {quads:,} quads through Oxigraph's bulk loader (what `oxigraph load` does with per-partition "
              f"N-Quads files): {quads / bulk:,.0f} quads/s, against {quads / n / write:,.0f} quads/s serialised and "
              f"written a document at a time", flush=True)
        times = []
        for i in range(args.runs):
            out = tmp / f"store{n}-{i}"
            shutil.copytree(made, out)
            times.append(add_ten(out))
            shutil.rmtree(out)
        shutil.rmtree(made)
        t = statistics.median(times)
        print(f"10 documents into a store of {n:,} documents: {t:.2f} s = {t / base:.2f}x the empty store "
              f"(target <= 2 at 20,000)", flush=True)

    # 3. memory
    driver, worker, seconds = peak_rss(corpus, tmp / "rss")
    print(f"peak RSS of newskg build --workers 2 on the corpus: driver {driver} MB, largest worker {worker} MB "
          f"({seconds:.0f} s)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
