"""The CLI turns every error a command raises into one line and an exit code (newskg.cli.translate_errors)."""

from __future__ import annotations

import errno

import pytest
import typer.main
from typer.testing import CliRunner

import newskg.graph.named
from newskg.cli import COMMANDS, app, translate_errors
from newskg.errors import ConfigError, NewsKGError, QueryError


def test_every_command_is_registered_inside_the_translation() -> None:
    translated = translate_errors(lambda: None).__code__
    registered = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert list(registered) == [name for name, _ in COMMANDS]
    for name, command in COMMANDS:
        chain = [registered[name].callback]
        while hasattr(chain[-1], "__wrapped__"):
            chain.append(chain[-1].__wrapped__)
        assert chain[-1] is command, name
        assert any(f.__code__ is translated for f in chain), f"{name} runs outside translate_errors"


@pytest.mark.parametrize(("error", "code", "line"), [
    (NewsKGError("no graph", hint="build one"), 1, "newskg: error: no graph (build one)"),
    (ConfigError("bad option", hint="use another"), 2, "newskg: error: bad option (use another)"),
    (QueryError("bad query"), 6, "newskg: error: bad query"),
    (OSError(errno.EACCES, "Permission denied", "q.rq"), 1,
     "newskg: error: q.rq: Permission denied (check the path and its permissions)"),
    (MemoryError(), 1, "newskg: error: out of memory; split the input into smaller files"),
    (KeyboardInterrupt(), 130, "newskg: error: interrupted; re-run the same command to complete the job"),
    (RuntimeError("boom"), 70, "newskg: error: internal error: RuntimeError: boom (please report it; "
                               "set NEWSKG_DEBUG=1 to see the traceback)"),
])
def test_an_error_is_one_line_and_its_exit_code(monkeypatch, error, code, line) -> None:
    def fail():
        raise error

    monkeypatch.setattr(newskg.graph.named, "list_queries", fail)
    result = CliRunner().invoke(app, ["query", "--list"], env={"NEWSKG_DEBUG": None})
    assert result.exit_code == code
    assert result.stderr == line + "\n"
    assert result.stdout == ""


def test_newskg_debug_shows_the_traceback_of_an_internal_error(monkeypatch) -> None:
    def fail():
        raise RuntimeError("boom")

    monkeypatch.setattr(newskg.graph.named, "list_queries", fail)
    result = CliRunner().invoke(app, ["query", "--list"], env={"NEWSKG_DEBUG": "1"})
    assert result.exit_code == 70
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert 'raise RuntimeError("boom")' in result.stderr
    assert result.stderr.endswith("set NEWSKG_DEBUG=1 to see the traceback)\n")


@pytest.mark.parametrize("args", [
    ["events", "--format", "xyz"],
    ["events", "--format", "parquet"],
    ["query", "--name", "actors", "-p", "noequals"],
    ["contacts", "Lecornu", "Shoigu", "--since", "last week"],
    ["score", ".", "--format", "yaml"],
])
def test_a_bad_option_value_exits_like_a_usage_error(tmp_path, args) -> None:
    # a value the option does not take is a usage error (exit 2, as Click's own), whatever the store holds
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path)])
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.output
