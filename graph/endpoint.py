"""A read-only SPARQL 1.1 Protocol endpoint over the store.

The SPARQL protocol is served by Oxigraph's own server (the ``oxigraph``
package on PyPI) run as ``oxigraph serve-read-only`` on a private loopback
port, with the union of the documents' graphs as the default graph and its
query timeout set.  In front of it a small guard, the only port users see:

* exposes ``/query`` (GET and POST) and nothing else: ``/update``, ``/store``
  and anything else get ``403``/``404``, so SPARQL UPDATE and LOAD never reach
  the store (which is also opened read-only);
* binds to ``127.0.0.1`` unless told otherwise;
* bounds the result size (Oxigraph has no such option): an answer larger than
  ``max_bytes`` is cut off and answered with ``413``;
* turns Oxigraph's timeout, which cancels the query in the middle of a
  streamed ``200`` answer, into a clean ``503`` with a message.

While the endpoint runs it holds a shared (reader) lock on the store, so no
build writes to a store that is being read (Oxigraph leaves that undefined): a
build fails at once with a clear message instead.  Queries still run.
"""

from __future__ import annotations

import http.client
import logging
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..errors import StoreError
from .store import SharedLock

__all__ = ["Endpoint", "oxigraph_binary"]

log = logging.getLogger(__name__)

_FORWARDED = ("Accept", "Content-Type")


def oxigraph_binary() -> str:
    """The path of the ``oxigraph`` server installed with newskg.

    Raises
    ------
    newskg.errors.StoreError
        When it is not installed.
    """
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.exists():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise StoreError("the oxigraph server is not installed",
                         hint="install newskg's dependencies again: pip install -e .")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Guard(BaseHTTPRequestHandler):
    server_version = "newskg-endpoint"
    protocol_version = "HTTP/1.1"
    endpoint: "Endpoint"

    def log_message(self, fmt, *args):  # library code logs, never prints
        log.info("%s %s", self.address_string(), fmt % args)

    def _reply(self, code: int, text: str) -> None:
        body = (text + "\n").encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server API)
        self._forward(None)

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        if length > self.endpoint.max_query_bytes:
            self._reply(413, f"the request body is larger than {self.endpoint.max_query_bytes} bytes")
            return
        self._forward(self.rfile.read(length))

    def _refuse(self) -> None:
        self._reply(403, "this endpoint is read-only: SPARQL UPDATE, LOAD and the graph store protocol are refused")

    do_PUT = do_DELETE = do_PATCH = _refuse  # noqa: N815

    def _forward(self, body: bytes | None) -> None:
        ep = self.endpoint
        path = self.path.split("?", 1)[0]
        if path in ("/update", "/store") or path.startswith("/store/"):
            self._refuse()
            return
        if path != "/query":
            self._reply(404, "not found: send SPARQL queries to /query")
            return
        headers = {h: self.headers[h] for h in _FORWARDED if self.headers.get(h)}
        started = time.monotonic()
        conn = http.client.HTTPConnection("127.0.0.1", ep.upstream_port, timeout=ep.timeout + 5)
        try:
            conn.request(self.command, self.path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read(ep.max_bytes + 1)
            complete = resp.isclosed() or not resp.read(1)
        except (OSError, http.client.HTTPException) as err:
            conn.close()
            if time.monotonic() - started >= ep.timeout:
                self._reply(503, f"the query ran out of time ({ep.timeout:g} s); add a LIMIT or narrow the pattern")
            else:
                self._reply(502, f"the SPARQL engine failed: {err}")
            return
        conn.close()
        if len(data) > ep.max_bytes or not complete:
            self._reply(413, f"the result is larger than {ep.max_bytes} bytes; add a LIMIT or select fewer variables")
            return
        if resp.status == 200 and time.monotonic() - started >= ep.timeout:
            self._reply(503, f"the query ran out of time ({ep.timeout:g} s); add a LIMIT or narrow the pattern")
            return
        self.send_response(resp.status)
        ctype = resp.getheader("Content-Type")
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class Endpoint:
    """A running read-only SPARQL endpoint over the store at ``store``.

    Parameters
    ----------
    store : path
        The store folder (``OUT/store``).
    host, port : str, int
        Where the endpoint listens; ``127.0.0.1`` by default (port 0 picks one).
    timeout : float
        Seconds a query may run before it is cancelled.
    max_bytes : int
        The largest answer sent; larger ones get ``413``.

    Use it as a context manager; :attr:`url` is the query URL.
    """

    def __init__(self, store: str | Path, *, host: str = "127.0.0.1", port: int = 7878,
                 timeout: float = 10.0, max_bytes: int = 20_000_000, max_query_bytes: int = 1_000_000) -> None:
        self.store = Path(store)
        self.host, self.port = host, port
        self.timeout, self.max_bytes, self.max_query_bytes = timeout, max_bytes, max_query_bytes
        self.upstream_port = 0
        self._proc: subprocess.Popen | None = None
        self._httpd: ThreadingHTTPServer | None = None
        self._lock: SharedLock | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/query"

    def start(self) -> "Endpoint":
        if not (self.store / "CURRENT").exists():
            raise StoreError(f"{self.store} is not a newskg store", hint="run `newskg build` first, or check --out")
        self._lock = SharedLock(self.store).acquire()
        try:
            self._start_upstream()
            handler = type("Guard", (_Guard,), {"endpoint": self})
            try:
                self._httpd = ThreadingHTTPServer((self.host, self.port), handler)
            except OSError as err:
                raise StoreError(f"cannot listen on {self.host}:{self.port}: {err.strerror or err}",
                                 hint="choose another --port, or stop what uses this one") from None
            self._httpd.daemon_threads = True
            self.port = self._httpd.server_address[1]
            threading.Thread(target=self._httpd.serve_forever, name="newskg-endpoint", daemon=True).start()
        except BaseException:
            self.stop()
            raise
        log.info("serving %s at %s", self.store, self.url)
        return self

    def _start_upstream(self) -> None:
        self.upstream_port = _free_port()
        cmd = [oxigraph_binary(), "serve-read-only", "--location", str(self.store),
               "--bind", f"127.0.0.1:{self.upstream_port}", "--union-default-graph",
               "--timeout-s", str(max(1, round(self.timeout)))]
        self._proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                err = self._proc.stderr.read().decode("utf-8", "replace").strip() if self._proc.stderr else ""
                raise StoreError(f"the SPARQL engine did not start: {err or 'exit ' + str(self._proc.returncode)}",
                                 hint="check that the store is not damaged (newskg validate)")
            try:
                socket.create_connection(("127.0.0.1", self.upstream_port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise StoreError("the SPARQL engine did not start within 30 s", hint="try again; check the machine's load")

    def stop(self) -> None:
        """Stop the guard and the engine, and release the store."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover - a stuck engine
                self._proc.kill()
                self._proc.wait()
            if self._proc.stderr:
                self._proc.stderr.close()
            self._proc = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Endpoint":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
