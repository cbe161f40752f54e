"""Run every doctest in the newskg package (docs are tested)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newskg

SKIP = {"newskg.__main__"}


def _modules() -> list[str]:
    names = ["newskg"]
    for info in pkgutil.walk_packages(newskg.__path__, prefix="newskg."):
        if info.name in SKIP or ".tests" in info.name or info.name.startswith("newskg.tests"):
            continue
        if info.name.startswith(("newskg.bench", "newskg.notebooks", "newskg.examples")):
            continue
        names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                             verbose=False)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
