"""What the worker processes of a Dask build are started with and get ready with (:mod:`newskg.coding`).

Three things cost a build's wall time on the workers beyond the coding itself, and are set here:

* Dask's worker defaults (:data:`WORKER_CONFIG`);
* a worker's first SHACL check and first figure: pySHACL, rdflib's shapes and matplotlib are imported and
  read once per process (:func:`warm_worker`, run on each worker once it has no more batches to code);
* a worker process's exit: a spawned process that holds the spaCy model, matplotlib and pySHACL spends
  0.5-0.9 s in the interpreter's finalisation (freeing every object one by one) while the build waits for
  its cluster to close (:class:`QuickExit`).
"""

from __future__ import annotations

import atexit
import logging
import os
import sys

from distributed import WorkerPlugin

__all__ = ["WORKER_CONFIG", "QuickExit", "warm_worker"]

#: Dask settings of the workers a ``LocalCluster`` starts (each a process of one thread).  Dask's defaults
#: cost a spaCy worker about half again the CPU of coding in a plain process (measured on the 48k-word mixed
#: corpus: 12.4-13.1 s of a worker thread's CPU for half the corpus, against 12.5 s for all of it in one
#: process; 8.1-8.4 s with these): ``MALLOC_TRIM_THRESHOLD_=65536`` makes glibc hand memory back to the
#: system after almost every batch of spaCy's arrays (and take it again), and the statistical profiler
#: samples the coding thread's stack every 10 ms.  BLAS stays at one thread per worker, as Dask sets it.
WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
    "distributed.worker.profile.enabled": False,
}


def warm_worker() -> str:
    """Get a worker ready for the calls that end a build (the SHACL check of the sample, the report's text and
    figures): import pySHACL and matplotlib, read the shapes, draw a first figure.  A worker that has coded its
    last batch does this while the others code theirs; a fresh process otherwise spends a second on it in the
    build's serial tail.  Returns the worker's address ("" outside Dask)."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .export import report  # noqa: F401
    from .graph.validation import validate_ntriples

    validate_ntriples("")
    fig = plt.figure(figsize=(1, 1))
    fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return ""


def _exit_now() -> None:
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(0)


class QuickExit(WorkerPlugin):
    """Ends a worker process without the interpreter's finalisation once its worker has closed cleanly.

    ``teardown`` runs only in a worker's orderly close (the nanny's stop at the end of a build): it registers
    an exit handler that flushes the logs and ends the process at once (measured on two workers that held
    the model, matplotlib and pySHACL: closing the ``LocalCluster`` 0.8-0.9 s -> 0.05 s).  A worker that
    fails never gets there and exits as before.  ``build`` registers it on the workers of its own
    ``LocalCluster`` only, never on a cluster given with ``--scheduler``.
    """

    name = "newskg-quick-exit"

    def teardown(self, worker) -> None:
        atexit.register(_exit_now)  # registered last, so it runs first, after everything the worker closed
