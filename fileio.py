"""Atomic file output: write to a temporary file beside the target, then rename.

Nothing newskg writes is ever left half-written: a crash leaves either the old
file or the new one.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> with atomic_write(d / "a.txt") as f:
...     _ = f.write("hello")
>>> (d / "a.txt").read_text()
'hello'
>>> oct((d / "a.txt").stat().st_mode & 0o777) == oct(0o666 & ~_umask())
True
>>> safe_child(d, "../etc/passwd")
Traceback (most recent call last):
...
newskg.errors.ConfigError: output path '../etc/passwd' escapes the output folder (use a plain file name inside it)
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import ConfigError

__all__ = ["atomic_write", "safe_child"]


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", *,
                 encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Open a temporary file next to ``path``; on success fsync it and rename it over ``path``.

    On an exception the temporary file is removed and ``path`` is untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    binary = "b" in mode
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with open(fd, mode, encoding=None if binary else encoding,
                  newline=None if binary else "") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file private (0600); give it the mode any other new file gets, so that other
        # users and tools can read the output
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    """The process's file-creation mask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def safe_child(root: str | os.PathLike[str], name: str | os.PathLike[str]) -> Path:
    """``root / name``, refusing any name that would land outside ``root``."""
    root_p = Path(root).resolve()
    target = (root_p / name).resolve()
    if target != root_p and root_p not in target.parents:
        raise ConfigError(f"output path {str(name)!r} escapes the output folder",
                          hint="use a plain file name inside it")
    return target
