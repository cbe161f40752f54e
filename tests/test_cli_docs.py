"""Every CLI command is documented in the README and its --help ends with an example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from newskg.cli import app

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_there_are_commands() -> None:
    assert {"build", "events", "validate"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_in_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"\bnewskg {name}\b", readme), f"`newskg {name}` is not shown in README.md"


@pytest.mark.parametrize("name", COMMANDS)
def test_help_ends_with_example(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "200", "TERM": "dumb"})
    assert result.exit_code == 0, result.output
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    doc = (command.help or "").strip()
    last = doc.splitlines()[-1].strip()
    assert last.startswith("Example: newskg " + name), f"help of {name} must end with an example: {last!r}"
    assert "Example:" in result.output
