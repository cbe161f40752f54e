"""newskg: a knowledge graph of political events (PLOVER) from news articles.

>>> import newskg
>>> newskg.__version__
'0.1.0'
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newskg")
except PackageNotFoundError:  # pragma: no cover - running from a plain checkout
    __version__ = "0.1.0"

__all__ = ["__version__"]
