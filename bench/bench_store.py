"""Store benchmark: bulk load of a >= 1M-triple graph, and the named queries' latency.

Generates a synthetic corpus in the newskg ontology (with ``document_graph``),
writes it as N-Quads, then measures, in this one run:

* bulk load into the on-disk Oxigraph store (triples/s), and rdflib's
  in-memory parse of the same file for comparison;
* p50/p95 of the ``contact-history`` query for one pair and of the
  ``claims-denials`` query, in the embedded store and through ``newskg serve``.

Usage: python bench/bench_store.py [--docs 4500] [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pyoxigraph as ox  # noqa: E402
from rdflib import Dataset  # noqa: E402

from _synth import corpus  # noqa: E402
from newskg.graph import Store, document_graph  # noqa: E402
from newskg.graph.endpoint import Endpoint  # noqa: E402
from newskg.graph.named import render_named  # noqa: E402
from newskg.graph.sparql import run  # noqa: E402


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def timed(fn, runs: int) -> list[float]:
    fn()  # warm-up
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=4500)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newskg-bench-store-"))
    nq = tmp / "graph.nq"
    t = time.perf_counter()
    with nq.open("wb") as f:
        for doc, events in corpus(args.docs):
            f.write(document_graph(doc, events).serialize(format="nt", encoding="utf-8")
                    .replace(b" .\n", f" <https://w3id.org/newskg/id/doc/{doc.id}> .\n".encode()))
    gen = time.perf_counter() - t
    n = sum(1 for _ in nq.open("rb"))
    print(f"generated {n:,} quads ({args.docs} documents) in {gen:.1f} s")

    loads = []
    for i in range(3):
        store_dir = tmp / f"store{i}"
        t = time.perf_counter()
        with Store(store_dir) as store:
            store.bulk_load(nq)
        loads.append(time.perf_counter() - t)
    load = statistics.median(loads)
    print(f"bulk load into the on-disk store: median {load:.2f} s of 3 -> {n / load:,.0f} triples/s")
    sub = tmp / "sub.nq"
    lines = nq.open("rb").readlines()[:200_000]
    sub.write_bytes(b"".join(lines))
    t = time.perf_counter()
    Dataset().parse(sub, format="nquads")
    rd = time.perf_counter() - t
    t = time.perf_counter()
    ox.Store().bulk_load(path=str(sub), format=ox.RdfFormat.N_QUADS)
    oxm = time.perf_counter() - t
    print(f"{len(lines):,} quads: rdflib in-memory parse {rd:.2f} s, Oxigraph in-memory bulk load {oxm:.2f} s "
          f"(ratio {rd / oxm:.0f}x, same run)")

    store_dir = tmp / "store0"
    with Store(store_dir, read_only=True) as store:
        pair = next(iter(store.query(
            "PREFIX nkg: <https://w3id.org/newskg/ontology#> PREFIX plover: <https://w3id.org/newskg/plover/> "
            "SELECT ?a ?b (COUNT(*) AS ?n) WHERE { ?e nkg:eventType plover:CONSULT ; nkg:actor ?a ; nkg:recipient ?b } "
            "GROUP BY ?a ?b ORDER BY DESC(?n) ?a ?b LIMIT 1")))
        ch = render_named(store, "contact-history", a=pair["a"].value, b=pair["b"].value)
        cl = render_named(store, "claims-denials")
        rows = len(list(store.query(ch)))
        claims = len(list(store.query(cl)))
        t_ch = timed(lambda: list(run(store, ch)), args.runs)
        t_cl = timed(lambda: list(run(store, cl)), max(5, args.runs // 3))
    print(f"embedded contact-history (one pair, {rows} rows): p50 {pct(t_ch, 50):.1f} ms, p95 {pct(t_ch, 95):.1f} ms")
    print(f"embedded claims-denials ({claims} rows): p50 {pct(t_cl, 50):.1f} ms, p95 {pct(t_cl, 95):.1f} ms")

    with Endpoint(store_dir, port=0, timeout=60, max_bytes=500_000_000) as ep:
        def http(q: str):
            req = urllib.request.Request(ep.url, data=urllib.parse.urlencode({"query": q}).encode(),
                                         headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(req, timeout=120) as r:
                return r.read()
        h_ch = timed(lambda: http(ch), args.runs)
        h_cl = timed(lambda: http(cl), max(5, args.runs // 3))
    print(f"endpoint contact-history: p50 {pct(h_ch, 50):.1f} ms, p95 {pct(h_ch, 95):.1f} ms")
    print(f"endpoint claims-denials: p50 {pct(h_cl, 50):.1f} ms, p95 {pct(h_cl, 95):.1f} ms")
    print("targets: contact-history p50 <= 50 ms on >= 1M triples (embedded); bulk load >= 100k triples/s")


if __name__ == "__main__":
    main()
