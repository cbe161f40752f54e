"""The newskg error hierarchy.

The library raises these; the command line turns them into one clear line on
standard error and a non-zero exit status.  Every message says what went wrong,
where (file and line when known), and what to do next.

>>> err = InputError("not valid JSON", path="corpus.jsonl", line=3,
...                  hint="fix or remove that line")
>>> str(err)
'corpus.jsonl:3: not valid JSON (fix or remove that line)'
>>> isinstance(err, NewsKGError)
True
"""

from __future__ import annotations

from os import PathLike

__all__ = [
    "NewsKGError",
    "InputError",
    "ConfigError",
    "ModelError",
    "StoreError",
    "StoreLockedError",
    "QueryError",
    "ValidationError",
]


class NewsKGError(Exception):
    """Base class of every error newskg raises on purpose.

    Parameters
    ----------
    message : str
        What went wrong.
    path : str or path-like, optional
        The file concerned.
    line : int, optional
        The 1-based line number in ``path``.
    hint : str, optional
        What the user should do next.
    """

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | PathLike[str] | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        tail = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{tail}"


class InputError(NewsKGError):
    """An input file or document cannot be read or is not valid."""

    exit_code = 2


class ConfigError(NewsKGError):
    """A setting or command-line option is not valid."""

    exit_code = 2


class ModelError(NewsKGError):
    """The spaCy model cannot be loaded."""

    exit_code = 3


class StoreError(NewsKGError):
    """The triple store cannot be opened, read or written."""

    exit_code = 4


class StoreLockedError(StoreError):
    """Another newskg process is writing to the same store."""

    exit_code = 5


class QueryError(NewsKGError):
    """A SPARQL query is malformed or failed."""

    exit_code = 6


class ValidationError(NewsKGError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = 7
