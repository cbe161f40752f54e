"""Extraction: a spaCy pipeline and rules that code PLOVER events from news text."""

from .coder import code_document
from .pipeline import Extractor, load_nlp

__all__ = ["Extractor", "load_nlp", "code_document"]
