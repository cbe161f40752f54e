"""Web archives: the HTML pages of a WARC or ARC file, streamed with warcio.

Crawls such as Common Crawl's CC-NEWS come as WARC files of many thousand
responses.  :func:`iter_pages` reads one record at a time (an archive is never
held in memory, a page at most :data:`MAX_PAGE_BYTES`) and yields the pages
worth coding: HTML ``response`` (or ``resource``) records with status 200,
each URL once.  What it passes over it counts, by reason, in ``skipped``.  A
damaged archive (a truncated gzip member, a record cut short, bytes that are
not a record) becomes an :class:`~newskg.errors.InputError` naming the file
and the record's byte offset; the pages before it are kept.

>>> import io, tempfile, pathlib
>>> from collections import Counter
>>> from warcio.warcwriter import WARCWriter
>>> from warcio.statusandheaders import StatusAndHeaders
>>> path = pathlib.Path(tempfile.mkdtemp()) / "crawl.warc.gz"
>>> with open(path, "wb") as f:
...     w = WARCWriter(f, gzip=True)
...     for uri, status, mime in [("https://a.example/1", "200 OK", "text/html"),
...                               ("https://a.example/logo.png", "200 OK", "image/png"),
...                               ("https://a.example/1", "200 OK", "text/html")]:
...         head = StatusAndHeaders(status, [("Content-Type", mime)], protocol="HTTP/1.1")
...         w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(b"<p>Hi.</p>"),
...                                             http_headers=head))
>>> skipped = Counter()
>>> [(p.uri, p.offset) for p in iter_pages(path, skipped=skipped)]
[('https://a.example/1', 0)]
>>> dict(skipped)
{'not HTML': 1, 'duplicate URL': 1}
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .html_input import looks_like_html

__all__ = ["WarcPage", "iter_pages", "is_archive", "MAX_PAGE_BYTES", "ARCHIVE_SUFFIXES"]

#: Pages larger than this are skipped (no news article is; trafilatura refuses larger files too).
MAX_PAGE_BYTES = 20_000_000

#: The file names read as web archives.
ARCHIVE_SUFFIXES: tuple[str, ...] = (".warc", ".warc.gz", ".arc", ".arc.gz")

_HTML_TYPES = {"text/html", "application/xhtml+xml"}


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One HTML page of an archive: its target URI, the record's byte offset, and the page as bytes."""

    uri: str
    offset: int
    data: bytes


def is_archive(path: str | Path) -> bool:
    """Whether ``path`` is named as a WARC or ARC file (optionally gzipped).

    >>> is_archive("CC-NEWS-20240404.warc.gz"), is_archive("page.html")
    (True, False)
    """
    return Path(path).name.lower().endswith(ARCHIVE_SUFFIXES)


def _damaged(path: Path, offset: int, what: str) -> InputError:
    return InputError(f"record at byte {offset}: {what}", path=path,
                      hint="the other records are read; re-download or re-crawl the archive to read this one")


def _mime(value: str | None) -> str | None:
    return value.split(";", 1)[0].strip().lower() if value else None


def iter_pages(path: str | Path, *, skipped: Counter | None = None) -> Iterator[WarcPage | InputError]:
    """Stream the HTML pages of a WARC or ARC archive.

    Parameters
    ----------
    path : path
        A ``.warc``, ``.warc.gz``, ``.arc`` or ``.arc.gz`` file.
    skipped : collections.Counter, optional
        Counts the records passed over, by reason: ``"not HTML"``,
        ``"HTTP status not 200"``, ``"duplicate URL"``, ``"page too large"``.
        Requests, metadata and revisit records are not pages and are not counted.

    Yields
    ------
    WarcPage or InputError
        An error ends the archive when the rest cannot be read (bytes that are
        not a record); a record cut short is reported and the next one read.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    path = Path(path)
    skipped = skipped if skipped is not None else Counter()
    seen: set[str] = set()
    with open(path, "rb") as f:
        records = ArchiveIterator(f, arc2warc=True)
        offset = None  # of the last record read
        try:
            for record in records:
                offset = records.offset
                page = _page(record, offset, seen, skipped)
                if isinstance(page, str):
                    yield _damaged(path, offset, page)
                elif page is not None:
                    seen.add(page.uri)
                    yield page
        except ArchiveLoadFailed as err:
            if offset is None and "Unknown archive format" in str(err):
                yield InputError("not a WARC or ARC archive", path=path,
                                 hint="give a .warc or .warc.gz file, or rename the file to what it is")
            elif "non-chunked gzip" in str(err):
                yield InputError("the archive is gzipped as one stream, not one gzip member per record",
                                 path=path, hint="gunzip it and give the plain archive, or run "
                                                 "`warcio recompress IN OUT` to repair it")
            else:
                yield _broken(path, offset, "are not a WARC or ARC record")
        except (zlib.error, EOFError, OSError) as err:
            yield _broken(path, offset, f"cannot be decompressed ({err})")


def _broken(path: Path, last: int | None, what: str) -> InputError:
    where = f"the bytes after the record at byte {last}" if last is not None else "the first bytes"
    return InputError(f"{where} {what}: the archive is damaged there", path=path,
                      hint="the pages before it are read; re-download or re-crawl the archive to read the rest")


def _page(record, offset: int, seen: set[str], skipped: Counter) -> WarcPage | str | None:
    """The page of one record; a message when the record is cut short; None when it is passed over."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None  # a response of another protocol (dns:, ftp:)
        if http.get_statuscode() != "200":
            skipped["HTTP status not 200"] += 1
            return None
        mime = _mime(http.get_header("Content-Type"))
    elif record.rec_type == "resource":
        mime = _mime(record.rec_headers.get_header("Content-Type"))
    else:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not uri:
        return "the record has no WARC-Target-URI"
    if mime is not None and mime not in _HTML_TYPES:
        skipped["not HTML"] += 1
        return None
    if uri in seen:
        skipped["duplicate URL"] += 1
        return None
    data = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        skipped["page too large"] += 1
        return None
    if mime is None and not looks_like_html(data):
        skipped["not HTML"] += 1
        return None
    raw = record.raw_stream
    left = getattr(raw, "limit", 0)
    if left and len(raw.read(left)) < left:
        return f"{uri} is cut short: the archive ends inside it (a truncated download or gzip member)"
    return WarcPage(uri=uri, offset=offset, data=data)
