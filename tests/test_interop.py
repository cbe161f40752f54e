"""Exports load into other RDF tools, and each round trip gives an isomorphic graph.

pyoxigraph parses every format strictly; Raptor's ``rapper`` (Debian's
raptor2-utils) and Apache Jena's ``riot`` (Debian's libapache-jena-java, run
with ``java -cp``) re-serialise each export as N-Quads, which must give the
same graphs, named graphs included.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from newskg.build import store_path
from newskg.export import serialize
from newskg.graph import Store

sys.path.insert(0, str(Path(__file__).parent))
from rdfcompare import named_graphs  # noqa: E402

pytestmark = [pytest.mark.model, pytest.mark.rdftools]

OX_FORMATS = {"turtle": pyoxigraph.RdfFormat.TURTLE, "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
              "trig": pyoxigraph.RdfFormat.TRIG, "nquads": pyoxigraph.RdfFormat.N_QUADS,
              "jsonld": pyoxigraph.RdfFormat.JSON_LD}
DATASETS = ("trig", "nquads", "jsonld")
RAPPER_INPUT = {"turtle": "turtle", "ntriples": "ntriples", "trig": "trig", "nquads": "nquads"}
RIOT_SYNTAX = {"turtle": "turtle", "ntriples": "ntriples", "trig": "trig", "nquads": "nquads",
               # Debian ships no Jakarta JSON-P implementation, which Jena's JSON-LD 1.1 reader
               # (Titanium) needs; its JSON-LD 1.0 reader (jsonld-java) reads our JSON-LD fine.
               "jsonld": "jsonld10"}


@pytest.fixture(scope="module")
def exports(example_out, tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("exports")
    out = {}
    with Store(store_path(example_out), read_only=True) as store:
        for fmt in OX_FORMATS:
            out[fmt] = d / f"graph.{fmt}"
            out[fmt].write_bytes(serialize(store, fmt))
    return out


def _graphs(nquads: str) -> dict[str, Graph]:
    return named_graphs("nquads", data=nquads)


def _expected(exports: dict[str, Path], fmt: str) -> dict[str, Graph]:
    if fmt in DATASETS:
        return _graphs(exports["nquads"].read_text("utf-8"))
    g = Graph()
    g.parse(exports["ntriples"], format="nt")
    return {"default": g}


def _as_graphs(nquads: str, fmt: str) -> dict[str, Graph]:
    if fmt in DATASETS:
        return _graphs(nquads)
    g = Graph()
    g.parse(data=nquads, format="nt")
    return {"default": g}


def _same(got: dict[str, Graph], want: dict[str, Graph]) -> None:
    assert set(got) == set(want)
    for name in want:
        assert len(got[name]) == len(want[name]), name
        assert isomorphic(got[name], want[name]), name


@pytest.mark.parametrize("fmt", sorted(OX_FORMATS))
def test_pyoxigraph_parses_strictly_and_round_trips(exports, fmt) -> None:
    quads = list(pyoxigraph.parse(path=str(exports[fmt]), format=OX_FORMATS[fmt]))
    assert quads
    assert not any(isinstance(t, pyoxigraph.BlankNode) for q in quads for t in (q.subject, q.object))
    text = "".join(f"{q.subject} {q.predicate} {q.object}" + (
        "" if isinstance(q.graph_name, pyoxigraph.DefaultGraph) else f" {q.graph_name}") + " .\n" for q in quads)
    _same(_as_graphs(text, fmt), _expected(exports, fmt))


@pytest.fixture(scope="module")
def rapper() -> str:
    path = shutil.which("rapper")
    if path is None:
        pytest.fail("rapper is missing: `make test` installs Debian's raptor2-utils")
    return path


@pytest.mark.parametrize("fmt", sorted(RAPPER_INPUT))
def test_rapper_round_trip(exports, rapper, fmt) -> None:
    run = subprocess.run([rapper, "-q", "-i", RAPPER_INPUT[fmt], "-o", "nquads", str(exports[fmt])],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    _same(_as_graphs(run.stdout, fmt), _expected(exports, fmt))


def _jena_classpath(tmp: Path) -> str:
    """Jena's jars and their dependencies from Debian, with one SLF4J binding (simple: errors reach stderr).

    Debian's jena-core relocates its bundled Xerces classes to ``xerces.*``
    but leaves their message bundles under ``org/apache/jena/ext/xerces``, so
    Xerces fails to start ("internal error"); a folder with the bundles at the
    relocated path, ahead on the class path, fixes that.
    """
    def files(pkg: str) -> list[str]:
        run = subprocess.run(["dpkg", "-L", pkg], capture_output=True, text=True)
        return run.stdout.splitlines() if run.returncode == 0 else []

    status = subprocess.run(["dpkg", "-s", "libapache-jena-java"], capture_output=True, text=True)
    if status.returncode != 0:
        pytest.fail("Apache Jena is missing: `make test` installs Debian's libapache-jena-java")
    depends = next((line[9:] for line in status.stdout.splitlines() if line.startswith("Depends:")), "")
    pkgs = ["libapache-jena-java"] + [d.split("(")[0].split("|")[0].strip() for d in depends.split(",")]
    jars = sorted({f for p in pkgs for f in files(p)
                   if f.startswith("/usr/share/java/") and f.endswith(".jar") and "/" not in f[16:]
                   and not any(c.isdigit() for c in Path(f).stem.rsplit("-", 1)[-1][:1])
                   and "slf4j" not in f and "log4j" not in f})
    jars += ["/usr/share/java/slf4j-api.jar", "/usr/share/java/slf4j-simple.jar"]
    fix = tmp / "jena-xerces-messages"
    with zipfile.ZipFile("/usr/share/java/jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith("org/apache/jena/ext/xerces/") and name.endswith(".properties"):
                target = fix / "xerces" / name[len("org/apache/jena/ext/xerces/"):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    return ":".join([str(fix)] + jars)


@pytest.fixture(scope="module")
def riot(tmp_path_factory) -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: `make test` installs default-jre-headless")
    return [java, "-cp", _jena_classpath(tmp_path_factory.mktemp("jena")), "riotcmd.riot"]


@pytest.mark.parametrize("fmt", sorted(RIOT_SYNTAX))
def test_jena_riot_round_trip(exports, riot, fmt) -> None:
    run = subprocess.run([*riot, "--strict", f"--syntax={RIOT_SYNTAX[fmt]}", "--out=nquads", str(exports[fmt])],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "WARN" not in run.stderr and "ERROR" not in run.stderr, run.stderr[-2000:]
    _same(_as_graphs(run.stdout, fmt), _expected(exports, fmt))
