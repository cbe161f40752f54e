"""Distributed builds on a real Dask cluster: a `dask scheduler` and two `dask worker` processes on 127.0.0.1.

* A build through the cluster gives the graph and the event table of a local build of the same corpus,
  and reports a bad record as a local build does.
* A worker killed (SIGKILL) while it codes a batch has its batches re-run by Dask: the build finishes with
  the same result.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import articles  # noqa: E402

from newskg.build import store_path  # noqa: E402
from newskg.graph import Store  # noqa: E402

pytestmark = [pytest.mark.model, pytest.mark.slow]
BIN = Path(sys.executable).parent
NEWSKG, DASK = str(BIN / "newskg"), str(BIN / "dask")


@contextmanager
def dask_cluster(tmp: Path, n_workers: int = 2):
    """A scheduler and ``n_workers`` single-threaded workers (no nanny: a killed worker stays dead), all
    stopped on the way out, even when the test fails."""
    from distributed import Client

    procs: list[subprocess.Popen] = []
    logs = tmp / "logs"
    logs.mkdir(exist_ok=True)
    info = tmp / "scheduler.json"

    def start(args: list[str], name: str) -> subprocess.Popen:
        with open(logs / f"{name}.log", "w") as log:
            proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        procs.append(proc)
        return proc

    try:
        start([DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
               "--scheduler-file", str(info)], "scheduler")
        deadline = time.monotonic() + 60
        while not info.exists() or not info.read_text().strip():
            assert time.monotonic() < deadline and procs[0].poll() is None, (logs / "scheduler.log").read_text()
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        workers = [start([DASK, "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                          "--name", f"w{i}", "--memory-limit", "0", "--local-directory", str(tmp / f"w{i}")],
                         f"w{i}") for i in range(n_workers)]
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(n_workers, timeout=120)
        yield address, workers
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=20)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with dask_cluster(tmp_path_factory.mktemp("dask")) as running:
        yield running


def _local(corpus: Path, out: Path) -> tuple[object, list[str]]:
    """The same corpus built in this process (the session's model is loaded once)."""
    from newskg.build import build

    problems: list[str] = []
    report = build([corpus], out=out, on_problem=lambda err: problems.append(f"newskg: skipped: {err}"))
    return report, problems


def _corpus(path: Path, n: int, bad_line: bool = False) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i, rec in enumerate(articles(n, seed=5, sentences=3)):
            f.write(json.dumps(rec) + "\n")
            if bad_line and i == n // 2:
                f.write('{"id": "broken", "text": \n')
    return path


def _build(corpus: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSKG, "build", str(corpus), "--out", str(out), *extra],
                          capture_output=True, text=True, timeout=600)


def _nquads(out: Path) -> list[str]:
    with Store(store_path(out), read_only=True) as store:
        return sorted(line for line in store.nquads().decode("utf-8").splitlines() if line)


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl", 2)
    run = _build(corpus, tmp_path / "o", "--scheduler", "tcp://127.0.0.1:9")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in run.stderr and "dask scheduler" in run.stderr


def test_a_build_on_the_cluster_equals_a_local_build(extractor, cluster, tmp_path: Path) -> None:
    address, _ = cluster
    corpus = _corpus(tmp_path / "corpus.jsonl", 24, bad_line=True)
    report, problems = _local(corpus, tmp_path / "local")
    remote = _build(corpus, tmp_path / "remote", "--scheduler", address, "--batch-size", "4")
    assert remote.returncode == 2, remote.stderr  # the bad line is reported, the rest is coded
    assert "Traceback" not in remote.stderr
    skipped = [line for line in remote.stderr.splitlines() if line.startswith("newskg: skipped:")]
    assert skipped == problems and len(skipped) == 1 and "corpus.jsonl:14" in skipped[0]
    assert _nquads(tmp_path / "remote") == _nquads(tmp_path / "local")
    table = (tmp_path / "remote" / "events.jsonl").read_text("utf-8")
    assert table and table == (tmp_path / "local" / "events.jsonl").read_text("utf-8")
    assert f"{report.documents} documents, {report.events} events coded" in remote.stdout
    # the report and its figures, made on a worker, are the local build's byte for byte
    made = sorted(p.relative_to(tmp_path / "remote") for p in (tmp_path / "remote").rglob("*")
                  if p.suffix in (".md", ".png", ".html"))
    assert made == sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*")
                          if p.suffix in (".md", ".png", ".html"))
    assert any(p.suffix == ".png" for p in made)
    for p in made:
        assert (tmp_path / "remote" / p).read_bytes() == (tmp_path / "local" / p).read_bytes(), p


def test_a_worker_killed_mid_build_has_its_batches_rerun(extractor, cluster, tmp_path: Path) -> None:
    """Runs last: it kills one of the module's two workers."""
    from distributed import Client

    address, workers = cluster
    corpus = _corpus(tmp_path / "corpus.jsonl", 40)
    _local(corpus, tmp_path / "local")
    build = subprocess.Popen([NEWSKG, "build", str(corpus), "--out", str(tmp_path / "remote"),
                              "--scheduler", address, "--batch-size", "2"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with Client(address, timeout="30s") as client:
            deadline = time.monotonic() + 300
            victim = None
            while victim is None:  # a worker that is coding a batch of this build
                assert time.monotonic() < deadline and build.poll() is None, "the build never reached w0"
                info = client.scheduler_info()["workers"]
                busy = {a for a, tasks in client.processing().items() if tasks}
                victim = next((a for a in busy if info[a]["name"] == "w0"), None)
                time.sleep(0.05)
            os.kill(workers[0].pid, signal.SIGKILL)
            workers[0].wait(timeout=30)
            assert build.poll() is None, "the build finished before the kill"
        out, err = build.communicate(timeout=600)
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
    assert build.returncode == 0, err
    assert workers[0].returncode == -signal.SIGKILL
    assert _nquads(tmp_path / "remote") == _nquads(tmp_path / "local")
    assert (tmp_path / "remote" / "events.jsonl").read_text("utf-8") == \
        (tmp_path / "local" / "events.jsonl").read_text("utf-8")


def test_a_build_on_a_local_cluster_equals_a_local_build(extractor, tmp_path: Path) -> None:
    """`--workers 2` (a LocalCluster started by the build: warmed-up workers make the page and the report, a
    thread closes the cluster, its workers end without the interpreter's finalisation) gives the local build's
    files byte for byte, exits 0 and leaves no worker process behind."""
    import psutil

    corpus = _corpus(tmp_path / "corpus.jsonl", 20)
    _local(corpus, tmp_path / "local")
    before = {p.pid for p in psutil.process_iter()}
    run = _build(corpus, tmp_path / "w2", "--workers", "2", "--batch-size", "4")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert _nquads(tmp_path / "w2") == _nquads(tmp_path / "local")
    made = sorted(p.relative_to(tmp_path / "w2") for p in (tmp_path / "w2").rglob("*")
                  if p.suffix in (".jsonl", ".md", ".png", ".html"))
    assert any(p.suffix == ".png" for p in made) and any(p.suffix == ".html" for p in made)
    for p in made:
        assert (tmp_path / "w2" / p).read_bytes() == (tmp_path / "local" / p).read_bytes(), p
    left = [p for p in psutil.process_iter(["cmdline"]) if p.pid not in before
            and "spawn_main" in " ".join(p.info["cmdline"] or ())]  # a worker process (spawned)
    assert not left, left
