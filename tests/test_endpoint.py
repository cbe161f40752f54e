"""`newskg serve`: a real SPARQL endpoint over HTTP, queried with SPARQLWrapper, and its safety limits."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

NEWSKG = str(Path(sys.executable).with_name("newskg"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, query: str, accept: str = "application/sparql-results+json") -> tuple[int, str]:
    req = urllib.request.Request(url + "?query=" + urllib.parse.quote(query), headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


def _post(url: str, field: str, text: str) -> tuple[int, str]:
    data = urllib.parse.urlencode({field: text}).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=60) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


@pytest.fixture()
def server(tiny_out):
    """`newskg serve` started as a real subprocess, and stopped with SIGTERM afterwards."""
    port = _free_port()
    proc = subprocess.Popen([NEWSKG, "serve", "--out", str(tiny_out), "--port", str(port), "--timeout", "2",
                             "--max-bytes", "200000"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=5).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("newskg serve did not start: " + proc.stderr.read())
            time.sleep(0.2)
    yield url, tiny_out, proc
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("newskg serve did not stop on SIGTERM")
    assert proc.returncode == 0, proc.stderr.read()


def _named(out: Path, *args: str) -> str:
    run = subprocess.run([NEWSKG, "query", "--out", str(out), "--show", *args],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_sparqlwrapper_gets_contact_history_and_claims(server) -> None:
    url, out, _ = server
    sw = SPARQLWrapper(url)
    sw.setReturnFormat(JSON)
    sw.setQuery(_named(out, "--name", "contact-history", "-p", "a=Lecornu", "-p", "b=Shoigu"))
    rows = sw.query().convert()["results"]["bindings"]
    assert [r["date"]["value"] for r in rows] == ["2022-10", "2024-04-03"]
    assert rows[1]["reports"]["value"] == "2"
    assert {r["mode"]["value"] for r in rows} == {"phone"}
    sw.setQuery(_named(out, "--name", "claims-denials"))
    claims = sw.query().convert()["results"]["bindings"]
    assert [(c["claimant"]["value"], c["denier"]["value"]) for c in claims] == [("Russia", "France")]
    # the default graph is the union of the documents' graphs
    sw.setQuery("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(sw.query().convert()["results"]["bindings"][0]["n"]["value"]) >= 2


def test_updates_and_load_are_refused(server) -> None:
    url, out, _ = server
    base = url.rsplit("/", 1)[0]
    for path in ("/update", "/query"):
        for text in ("DROP ALL", "LOAD <http://example.org/x.ttl>",
                     "INSERT DATA { <http://a.example/s> <http://a.example/p> 1 }"):
            code, body = _post(base + path, "update", text)
            assert code in (400, 403, 405), (path, text, code, body)
    code, _ = _post(base + "/store", "x", "y")
    assert code in (403, 404)
    code, body = _get(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert code == 200 and '"value":"0"' not in body.replace(" ", "")


def test_binds_to_loopback_only(server) -> None:
    url, _, _ = server
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    addrs = {a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1"}
    for addr in addrs:
        with socket.socket() as s:
            s.settimeout(2)
            assert s.connect_ex((addr, port)) != 0, f"reachable on {addr}"


def test_cartesian_product_is_stopped_and_server_stays_up(server) -> None:
    url, _, proc = server
    started = time.monotonic()
    code, body = _get(url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    assert code == 503 and "ran out of time" in body, (code, body[:200])
    assert time.monotonic() - started < 30
    code, body = _get(url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }")
    assert code in (413, 503), (code, body[:200])
    code, body = _get(url, "ASK { ?s ?p ?o }")
    assert code == 200 and "true" in body
    assert proc.poll() is None


def test_serve_refuses_a_missing_store(tmp_path) -> None:
    run = subprocess.run([NEWSKG, "serve", "--out", str(tmp_path / "none"), "--port", "0"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0 and "newskg build" in run.stderr and "Traceback" not in run.stderr
