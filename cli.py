"""The ``newskg`` command line: a thin Typer layer over the library.

The library raises :mod:`newskg.errors`; this module turns them into one line
on standard error and the error's exit code.  Only the CLI modules print.

This module holds the app and registers the commands, which live by topic:
:mod:`newskg.cli_build` (build, validate, score), :mod:`newskg.cli_query`
(SPARQL and the analyses of the actor network) and :mod:`newskg.cli_export`
(event tables, RDF, report, HTML); :mod:`newskg.cli_common` holds what they
share.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import traceback
from typing import Callable, TypeVar

import typer

from . import __version__, cli_build, cli_export, cli_query
from .errors import NewsKGError

__all__ = ["COMMANDS", "app", "main", "translate_errors"]

app = typer.Typer(
    name="newskg",
    help="Build a knowledge graph of political events (PLOVER) from news articles.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., object])


def _fail(message: str, code: int) -> None:
    typer.echo(f"newskg: error: {message}", err=True)
    raise typer.Exit(code)


def translate_errors(func: F) -> F:
    """Run a command, turning newskg errors and OS errors into one clear line and an exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except NewsKGError as err:
            _fail(str(err), err.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted; re-run the same command to complete the job", 130)
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0)
        except MemoryError:
            _fail("out of memory; split the input into smaller files", 1)
        except OSError as err:
            where = f"{err.filename}: " if getattr(err, "filename", None) else ""
            _fail(f"{where}{err.strerror or err} (check the path and its permissions)", 1)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as err:  # a bug: no traceback for the user unless they ask for one
            if os.environ.get("NEWSKG_DEBUG", "") not in ("", "0"):
                traceback.print_exc()
            _fail(f"internal error: {type(err).__name__}: {err} "
                  "(please report it; set NEWSKG_DEBUG=1 to see the traceback)", 70)

    return wrapper  # type: ignore[return-value]


@app.callback(invoke_without_command=True)
def _root(
    version: bool = typer.Option(False, "--version", help="Show the version and exit."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details to standard error."),
) -> None:
    """Build a knowledge graph of political events (PLOVER) from news articles.

    Example: newskg build examples/corpus.jsonl && newskg contacts Lecornu Shoigu
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="newskg: %(levelname)s: %(message)s")
    if version:
        typer.echo(f"newskg {__version__}")
        raise typer.Exit(0)


#: Every command, in the order ``newskg --help`` lists them.  Each runs inside
#: :func:`translate_errors`, so none can end in a traceback.
COMMANDS: tuple[tuple[str, Callable[..., None]], ...] = (
    ("build", cli_build.build),
    ("events", cli_export.events),
    ("score", cli_build.score),
    ("validate", cli_build.validate),
    ("export", cli_export.export),
    ("query", cli_query.query),
    ("serve", cli_query.serve),
    ("contacts", cli_query.contacts),
    ("actor", cli_query.actor),
    ("key-actors", cli_query.key_actors_),
    ("balance", cli_query.balance),
    ("reciprocity", cli_query.reciprocity),
    ("claims", cli_query.claims),
    ("report", cli_export.report),
    ("viz", cli_export.viz),
)
for _name, _command in COMMANDS:
    app.command(_name)(translate_errors(_command))


def main() -> None:
    """Entry point of the ``newskg`` console script."""
    app()


if __name__ == "__main__":
    main()
