"""Article pages: the main text and metadata of an HTML page, through trafilatura.

trafilatura (a maintained extractor) finds the article in a page and leaves
out menus, captions, bylines, share buttons and "read more" lines; it also
reads the page's title, publication date, site name and canonical URL from
its markup.  The date is the page's own (meta tags, ``<time>``, JSON-LD, the
URL), never a date guessed from the running text.  Nothing is fetched: pages
are given as bytes or text.

>>> page = extract_page(
...     b'<html><head><link rel="canonical" href="https://news.example/a">'
...     b'<meta property="article:published_time" content="2024-04-04"></head>'
...     b'<body><nav><a href="/">Home</a></nav><article><h1>Talks held</h1>'
...     b'<p>France and Italy held talks in Rome on Monday, the ministry said.</p>'
...     b'</article></body></html>', today=date(2024, 5, 1))
>>> page.text
'France and Italy held talks in Rome on Monday, the ministry said.'
>>> page.title, page.published, page.url
('Talks held', datetime.date(2024, 4, 4), 'https://news.example/a')
>>> extract_page(b'<html><body><nav><ul><li><a href="/">Home</a></li></ul></nav>'
...              b'<footer>Copyright 2024</footer></body></html>') is None
True
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

__all__ = ["Page", "extract_page", "detect_language", "looks_like_html"]

log = logging.getLogger(__name__)

# trafilatura logs every page it cannot use at WARNING; newskg reports those pages itself (as bad input
# or as skipped records), so its own lines would only repeat them
logging.getLogger("trafilatura").setLevel(logging.ERROR)

_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>", b"<div")


@dataclass(frozen=True, slots=True)
class Page:
    """What a page says about itself: its article text and metadata.

    ``text`` has one paragraph per line, without the headline (that is
    ``title``).  ``published`` is the page's own publication date, ``outlet``
    its site name and ``url`` its canonical URL; each is None when the page
    does not give it.
    """

    text: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None


def looks_like_html(data: bytes | str) -> bool:
    """Whether the start of ``data`` is HTML markup.

    >>> looks_like_html("<!DOCTYPE html><html>..."), looks_like_html("Paris, April 4 - ...")
    (True, False)
    """
    head = (data[:2048] if isinstance(data, bytes) else data[:2048].encode("utf-8", "replace")).lower()
    return any(marker in head for marker in _HTML_MARKERS)


def extract_page(data: bytes | str, *, url: str | None = None, today: date | None = None) -> Page | None:
    """The article of one HTML page, or None when the page has no article text.

    Parameters
    ----------
    data : bytes or str
        The page; bytes are decoded by the page's own charset declaration.
    url : str, optional
        Where the page was found, used when the page names no canonical URL.
    today : datetime.date, optional
        Dates after this are not taken as the publication date (default: today).
    """
    import trafilatura

    today = today or date.today()
    doc = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, favor_precision=True,
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "max_date": today.isoformat()},
    )
    if doc is None or not doc.text or not doc.text.strip():
        return None
    title = " ".join(doc.title.split()) if doc.title else None
    lines = [" ".join(line.split()) for line in doc.text.splitlines()]
    lines = [line for line in lines if line]
    if title and lines and lines[0] == title:
        lines = lines[1:]  # the headline is the title, not a sentence of the story
    if not lines:
        return None
    published = None
    if doc.date:
        try:
            published = date.fromisoformat(doc.date[:10])
        except ValueError:
            log.debug("unreadable page date %r", doc.date)
    return Page(text="\n".join(lines), title=title, published=published,
                outlet=" ".join(doc.sitename.split()) if doc.sitename else None,
                url=doc.url or url)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in (py3langid), or None for no text.

    >>> detect_language("The ministers met in Paris on Monday to discuss the war.")
    'en'
    >>> detect_language("Les ministres se sont rencontrés lundi à Paris pour parler de la guerre.")
    'fr'
    """
    if not text.strip():
        return None
    import py3langid

    lang, _ = py3langid.classify(text[:5000])
    return lang
