"""Shared fixtures: one loaded extractor per test session, pinned to the model version."""

from __future__ import annotations

import pytest

from newskg.config import MODEL_VERSION


@pytest.fixture(scope="session")
def extractor():
    from newskg.extract import Extractor

    ex = Extractor()
    version = ex.model_version
    if not version.startswith(MODEL_VERSION.rsplit(".", 1)[0]):
        pytest.skip(f"model-backed tests are pinned to {MODEL_VERSION}; the installed model is {version}")
    return ex
