"""CONTRIBUTING.md's module map names every module of the package (so that it cannot fall behind)."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_PACKAGE = {"tests", "bench", "notebooks", "docs", "examples"}


def test_every_module_is_in_the_module_map() -> None:
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    modules = [Path(p) for p in out.splitlines() if p.split("/")[0] not in NOT_PACKAGE and (ROOT / p).is_file()]
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    missing = [str(p) for p in modules if p.name != "__init__.py" and f"`{p.name}`" not in text]
    assert not missing, f"add these modules to CONTRIBUTING.md's module map: {missing}"
