"""Crash safety and concurrency, with real `newskg build` processes.

* SIGKILL at a random moment leaves the store readable, and re-running the
  same command completes the job: the result is the same graph as a clean run.
* Two builds on one store: the second fails at once with a clear message and
  exit code 5, and the first finishes untouched.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import write_corpus  # noqa: E402

from newskg.build import store_path  # noqa: E402
from newskg.graph import Store  # noqa: E402

pytestmark = [pytest.mark.model, pytest.mark.slow]
NEWSKG = str(Path(sys.executable).with_name("newskg"))
N_DOCS = 300


def _build(corpus: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([NEWSKG, "build", str(corpus), "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _quads(out: Path) -> list[str]:
    with Store(store_path(out), read_only=True) as store:
        return sorted(set(store.nquads().decode("utf-8").split("\n")))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "big.jsonl", N_DOCS)


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> tuple[Path, float]:
    out = tmp_path_factory.mktemp("clean")
    started = time.monotonic()
    proc = _build(corpus, out)
    _, err = proc.communicate(timeout=900)
    assert proc.returncode == 0, err
    return out, time.monotonic() - started


@pytest.mark.parametrize("fraction_seed", [1, 2])
def test_sigkill_then_rerun_gives_the_clean_graph(corpus, clean, tmp_path, fraction_seed) -> None:
    clean_out, duration = clean
    rng = random.Random(int(os.environ.get("NEWSKG_CRASH_SEED", "0")) * 10 + fraction_seed)
    # the first kill lands while documents are being written, the second early (loading, first documents)
    delay = rng.uniform(0.3, 0.6) * duration if fraction_seed == 1 else rng.uniform(0.05, 0.3) * duration
    out = tmp_path / "out"
    proc = _build(corpus, out)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, f"the build ended before the kill at {delay:.1f} s"
    if fraction_seed == 1:
        assert (store_path(out) / "CURRENT").exists(), "killed before any document was stored"
    if (store_path(out) / "CURRENT").exists():
        with Store(store_path(out), read_only=True) as store:  # readable after the crash
            ids = store.document_ids()
            assert all(i.startswith("syn-") for i in ids) and len(ids) <= N_DOCS
    for name in ("graph.trig", "events.jsonl", "graph.html", "report.md"):
        f = out / name
        if f.exists():  # never half-written: either absent or complete
            assert f.stat().st_size > 0
    again = _build(corpus, out)
    _, err = again.communicate(timeout=900)
    assert again.returncode == 0, err
    assert not list(out.rglob("*.tmp")), "temporary files left behind"
    assert _quads(out) == _quads(clean_out), f"re-run after a kill at {delay:.1f} s differs from a clean run"
    trig = pyoxigraph.Store()
    trig.load(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    assert sorted(set(trig.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode().split("\n"))) == _quads(clean_out)


def test_second_build_fails_at_once_while_the_first_runs(corpus, clean, tmp_path) -> None:
    clean_out, _ = clean
    out = tmp_path / "out"
    first = _build(corpus, out)
    deadline = time.monotonic() + 120
    from filelock import FileLock, Timeout

    from newskg.graph.store import lock_path
    while True:  # wait until the first build holds the store
        if lock_path(store_path(out)).exists():
            probe = FileLock(str(lock_path(store_path(out))))
            try:
                probe.acquire(timeout=0)
            except Timeout:
                break
            probe.release()
        assert time.monotonic() < deadline and first.poll() is None, "the first build never took the store"
        time.sleep(0.05)
    started = time.monotonic()
    second = subprocess.run([NEWSKG, "build", str(corpus), "--out", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert second.returncode == 5, second.stderr
    assert "in use by another newskg process" in second.stderr and "Traceback" not in second.stderr
    assert time.monotonic() - started < 30
    query = subprocess.run([NEWSKG, "query", "--out", str(out), "ASK { ?s ?p ?o }"],
                           capture_output=True, text=True, timeout=120)
    assert query.returncode == 5 and "being written" in query.stderr
    _, err = first.communicate(timeout=900)
    assert first.returncode == 0, err
    assert _quads(out) == _quads(clean_out)
