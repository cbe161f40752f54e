"""What the CLI's commands share: the --out option, finding the store, dates and notes.

The commands themselves are in :mod:`newskg.cli_build`, :mod:`newskg.cli_query`
and :mod:`newskg.cli_export`; :mod:`newskg.cli` registers them on the app and
translates the errors they raise.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import typer

from .errors import ConfigError, NewsKGError

__all__ = ["OutOption", "existing_store", "note", "open_store", "parse_date"]

OutOption = typer.Option(Path("out"), "--out", help="Output folder holding the store (default: out/).")


def note(message: str) -> None:
    """Print ``newskg: MESSAGE`` on standard error.

    Examples
    --------
    >>> from typer.testing import CliRunner
    >>> app = typer.Typer()
    >>> @app.command()
    ... def hello() -> None:
    ...     note("2 document(s) skipped")
    >>> CliRunner().invoke(app, []).stderr
    'newskg: 2 document(s) skipped\\n'
    """
    typer.echo(f"newskg: {message}", err=True)


def parse_date(value: Optional[str], option: str) -> Optional[date]:
    """The ISO date an option gives, or None when it is not given.

    Raises
    ------
    NewsKGError
        When the value is not a YYYY-MM-DD date.

    Examples
    --------
    >>> parse_date("2024-04-04", "--published")
    datetime.date(2024, 4, 4)
    >>> parse_date(None, "--published") is None
    True
    >>> parse_date("April", "--published")
    Traceback (most recent call last):
    ...
    newskg.errors.ConfigError: --published 'April' is not an ISO date ...
    """
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} {value!r} is not an ISO date",
                          hint="write it as YYYY-MM-DD, e.g. 2024-04-04") from None


def existing_store(out: Path) -> Path:
    """The path of the store in the output folder *out*, which must have been built.

    Raises
    ------
    NewsKGError
        When *out* holds no store, saying how to build one.

    Examples
    --------
    >>> existing_store(Path("no-such-folder"))
    Traceback (most recent call last):
    ...
    newskg.errors.NewsKGError: no graph in no-such-folder/ ...
    """
    from .build import store_path

    path = store_path(out)
    if not path.exists():
        raise NewsKGError(f"no graph in {out}/",
                          hint=f"run `newskg build INPUT --out {out}` first, or pass --out DIR")
    return path


def open_store(out: Path):
    """Open the store of the output folder *out* read-only (a context manager).

    Raises
    ------
    NewsKGError
        When *out* holds no store (see :func:`existing_store`).
    """
    from .graph import Store

    return Store(existing_store(out), read_only=True)
