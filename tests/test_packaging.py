"""A plain (non-editable) install holds every module and data file of the package.

An editable install reads the source tree and hides a subpackage or data file missing from
``pyproject.toml``; a wheel does not. Build one and compare it with the tree.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_PACKAGE = {"tests", "bench", "notebooks", "docs", "examples", ".ci", ".venv", "build", "dist", "out"}


def _files() -> list[str]:
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return [p for p in out.splitlines() if (ROOT / p).is_file()]


def _tracked() -> list[str]:
    return [p for p in _files() if p.split("/")[0] not in NOT_PACKAGE and not p.startswith(".")]


def test_the_wheel_holds_every_module_and_data_file(tmp_path: Path) -> None:
    # build from a copy of the tree, so that no build/ directory left by an earlier build fills the gaps
    src = tmp_path / "src"
    for p in _files():
        (src / p).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / p, src / p)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(src)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("newskg-*.whl"))
    inside = {n.removeprefix("newskg/") for n in zipfile.ZipFile(wheel).namelist() if n.startswith("newskg/")}
    data_suffixes = (".json", ".tsv", ".csv", ".txt", ".ttl", ".rq", ".html", ".js", ".css")
    wanted = [p for p in _tracked() if p.endswith(".py") or (p.endswith(data_suffixes) and "/" in p)]
    missing = sorted(p for p in wanted if p not in inside)
    assert not missing, f"not in a plain install (add them to pyproject.toml): {missing}"
