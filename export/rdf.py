"""Export: Turtle (the merged graph), TriG, N-Quads and JSON-LD (named graphs kept), and the
actor network as GraphML or CSV edge and node tables (see :mod:`newskg.export.network`).

Output is deterministic.  TriG and N-Quads stream straight from Oxigraph in
the store's key order, in constant memory (TriG with the vocabulary prefixes bound);
Turtle (the merged graph), N-Triples (sorted) and JSON-LD are written by
rdflib.

>>> from newskg.graph import Store
>>> import io
>>> with Store(None) as store:
...     buf = io.BytesIO()
...     export_rdf(store, "nquads", buf)
>>> buf.getvalue()
b''
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Dataset, Graph

from ..errors import ConfigError
from ..fileio import atomic_write
from ..ontology.namespace import PREFIXES, bind_prefixes
from .network import NETWORK_FORMATS, network_csv, network_graphml, network_nodes_csv

__all__ = ["FORMATS", "RDF_FORMATS", "export_rdf", "serialize"]

#: Export formats and their usual file extensions.
RDF_FORMATS: dict[str, str] = {"turtle": "ttl", "trig": "trig", "nquads": "nq", "jsonld": "jsonld", "ntriples": "nt"}
#: Every export format and its usual file extension.
FORMATS: dict[str, str] = {**RDF_FORMATS, **NETWORK_FORMATS}


def _sorted_nquads(store) -> bytes:
    # split on "\n" only: literals may hold other line separators (\x0c, \x85, \u2028) unescaped
    lines = sorted({line for line in store.nquads().decode("utf-8").split("\n") if line})
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


_STREAMED = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


def _dump(store, fmt: str, out: BinaryIO | None = None) -> bytes | None:
    """TriG and N-Quads straight from Oxigraph: streamed, in constant memory, in the store's key order."""
    # data IRIs stay whole (their local names would need escaped slashes); vocabularies get prefixes
    prefixes = {p: iri for p, iri in PREFIXES.items() if p != "nkgid"} if fmt == "trig" else None
    return store.ox.dump(out, format=_STREAMED[fmt], prefixes=prefixes)


def serialize(store, fmt: str) -> bytes:
    """The store's content in ``fmt`` as bytes."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}", hint="use one of: " + ", ".join(FORMATS))
    if fmt in NETWORK_FORMATS:
        from ..graph.network import actor_network

        G = actor_network(store)
        return {"graphml": network_graphml, "csv": network_csv, "csv-nodes": network_nodes_csv}[fmt](G)
    if fmt in _STREAMED:
        return _dump(store, fmt)
    if fmt in ("turtle", "ntriples"):
        g = bind_prefixes(store.union_graph())
        if fmt == "ntriples":
            lines = sorted({line for line in g.serialize(format="nt", encoding="utf-8").decode("utf-8").split("\n")
                            if line})
            return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
        return g.serialize(format="turtle", encoding="utf-8")
    ds = Dataset()
    ds.parse(data=_sorted_nquads(store).decode("utf-8"), format="nquads")
    bind_prefixes(ds)
    if fmt == "trig":
        return ds.serialize(format="trig", encoding="utf-8")
    return ds.serialize(format="json-ld", encoding="utf-8", indent=1, sort_keys=True)


def export_rdf(store, fmt: str, dest: BinaryIO | str | os.PathLike[str]) -> None:
    """Write the store in ``fmt`` to a binary stream, or atomically to a file path.

    Parameters
    ----------
    store : newskg.graph.Store
    fmt : {"turtle", "trig", "nquads", "jsonld", "ntriples", "graphml", "csv", "csv-nodes"}
    dest : binary file object or path
    """
    if isinstance(dest, (str, os.PathLike)):
        with atomic_write(Path(dest), "wb") as f:
            if fmt in _STREAMED:
                _dump(store, fmt, f)
            else:
                f.write(serialize(store, fmt))
    elif fmt in _STREAMED:
        _dump(store, fmt, dest)
    else:
        dest.write(serialize(store, fmt))
