"""Reading input: ``.txt`` files, saved HTML pages, web archives, folders of them, and JSONL corpora, streamed.

HTML pages (``.html``, ``.htm``) and the HTML responses of WARC/ARC archives
go through :mod:`newskg.html_input` (trafilatura) for their article text and
metadata; archives are streamed record by record by :mod:`newskg.warc_input`.
Every problem becomes an :class:`~newskg.errors.InputError` that names the
file, the line where there is one, and what to do.  With ``on_error="stop"``
the first problem is raised; with ``"skip"`` it goes to ``on_problem`` and
reading continues with the next document.

>>> import tempfile, pathlib, json
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "c.jsonl").write_text(json.dumps({"id": "a1", "text": "Hello.", "published": "2024-04-04"}) + "\\n")
>>> [doc.id for doc in read_corpus([d / "c.jsonl"])]
['a1']
>>> next(read_corpus([d / "missing.txt"]))
Traceback (most recent call last):
...
newskg.errors.InputError: ...missing.txt: no such file or folder (check the path)
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from .errors import InputError
from .html_input import Page, detect_language, extract_page, looks_like_html
from .records import Document
from .warc_input import is_archive, iter_pages

__all__ = ["read_corpus", "normalise_text", "url_id", "json_objects", "MAX_ID_LENGTH"]

log = logging.getLogger(__name__)

MAX_ID_LENGTH = 512
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ID_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
_BINARY_SAMPLE = 8192
_TEXT_SUFFIXES = (".txt", ".text", ".md")
_HTML_SUFFIXES = (".html", ".htm")


def normalise_text(text: str) -> str:
    """Line ends to ``\\n``, control characters dropped (``\\n`` and ``\\t`` kept), Unicode NFC.

    >>> normalise_text("a\\r\\nb\\rc\\x00d")
    'a\\nb\\ncd'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def _check_not_binary(data: bytes, path: Path, line: int | None = None) -> None:
    sample = data[:_BINARY_SAMPLE]
    if sample and (sample.count(b"\x00") > len(sample) // 100 or sample.startswith((b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b"))):
        raise InputError("binary data, not text", path=path, line=line,
                         hint="give plain UTF-8 text, HTML pages, web archives (.warc.gz) or a JSONL corpus")


def _decode(data: bytes, path: Path, line: int | None = None) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    _check_not_binary(data, path, line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad_line = (line or 1) + data[: err.start].count(b"\n")
        raise InputError(f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})",
                         path=path, line=bad_line,
                         hint="convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8") from None


def _clean_text(text: str, path: Path, line: int | None) -> str:
    text = normalise_text(text)
    if looks_like_html(text):
        log.warning("%s%s: looks like HTML; using its article text", path, f":{line}" if line else "")
        page = extract_page(text)
        text = page.text if page is not None else ""
    if not text.strip():
        raise InputError("the document has no text (empty or whitespace only)", path=path, line=line,
                         hint="remove it or give it some text")
    return text


def _check_id(value: object, path: Path, line: int | None) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"'id' must be a string, not {type(value).__name__}", path=path, line=line,
                         hint='write it as a JSON string, e.g. "id": "article-1"')
    doc_id = unicodedata.normalize("NFC", str(value))
    if not doc_id.strip():
        raise InputError("'id' is empty", path=path, line=line, hint="give every document a non-empty id")
    if len(doc_id) > MAX_ID_LENGTH:
        raise InputError(f"'id' is longer than {MAX_ID_LENGTH} characters", path=path, line=line,
                         hint="use a shorter id")
    if _ID_FORBIDDEN.search(doc_id):
        raise InputError("'id' contains a control character or line break", path=path, line=line,
                         hint="use printable characters only in ids")
    return doc_id


def _check_date(value: object, path: Path, line: int | None, today: date) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"'published' must be an ISO date string, not {type(value).__name__}",
                         path=path, line=line, hint='write it as "YYYY-MM-DD"')
    try:
        pub = date.fromisoformat(value[:10]) if re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ].*)?", value) else None
    except ValueError:
        pub = None
    if pub is None:
        raise InputError(f"'published' {value!r} is not an ISO date", path=path, line=line,
                         hint='write it as "YYYY-MM-DD", e.g. "2024-04-04"')
    if pub > today:
        raise InputError(f"'published' {value} is in the future", path=path, line=line,
                         hint="check the date; relative dates in the text are resolved against it")
    return pub


def _optional_str(row: dict, key: str, path: Path, line: int) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"'{key}' must be a string, not {type(value).__name__}", path=path, line=line,
                         hint=f"write '{key}' as a JSON string or leave it out")
    return normalise_text(value).strip() or None


def json_objects(path: Path) -> Iterator[tuple[int, dict | InputError]]:
    """Each line of a JSON Lines file as ``(line number, object)``, or the line's problem; blank lines skipped.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "x.jsonl"
    >>> _ = p.write_text('{"a": 1}\\n\\n[2]\\n', encoding="utf-8")
    >>> [(n, type(v).__name__) for n, v in json_objects(p)]
    [(1, 'dict'), (3, 'InputError')]
    """
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            try:
                line = _decode(raw, path, n)
            except InputError as err:
                yield n, err
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                yield n, InputError(f"not valid JSON: {err.msg} (column {err.colno})", path=path, line=n,
                                    hint="each line must be one JSON object; fix or remove this line")
                continue
            if not isinstance(row, dict):
                yield n, InputError(f"a JSON {type(row).__name__}, not an object", path=path, line=n,
                                    hint="each line must be one JSON object")
                continue
            yield n, row


def _read_jsonl(path: Path, today: date) -> Iterator[Document | InputError]:
    for n, row in json_objects(path):
        if isinstance(row, InputError):
            yield row
            continue
        try:
            missing = [k for k in ("id", "text") if k not in row]
            if missing:
                raise InputError(f"missing {' and '.join(repr(k) for k in missing)}", path=path, line=n,
                                 hint="every line needs an id and a text")
            doc_id = _check_id(row["id"], path, n)
            if not isinstance(row["text"], str):
                raise InputError(f"'text' must be a string, not {type(row['text']).__name__}",
                                 path=path, line=n, hint="put the article text in a JSON string")
            text = _clean_text(row["text"], path, n)
            pub = _check_date(row.get("published"), path, n, today)
            yield Document(doc_id, text, pub, url=_optional_str(row, "url", path, n),
                           outlet=_optional_str(row, "outlet", path, n),
                           title=_optional_str(row, "title", path, n), origin=f"{path}:{n}")
        except InputError as err:
            yield err


def _read_txt(path: Path, published: date | None) -> Document:
    data = path.read_bytes()
    if not data:
        raise InputError("empty file", path=path, hint="remove it or give it some text")
    text = _clean_text(_decode(data, path), path, None)
    doc_id = _check_id(path.stem, path, None)
    return Document(doc_id, text, published, origin=str(path))


_NO_DATE_HINT = "give --published YYYY-MM-DD (it dates every page of the run), or leave the page out"


def _page_document(page: Page, doc_id: str, published: date | None, origin: str, *,
                   url: str | None = None) -> Document:
    return Document(doc_id, normalise_text(page.text), published or page.published,
                    url=url or page.url, outlet=page.outlet, title=page.title, origin=origin)


def _read_html(path: Path, published: date | None, today: date) -> Document:
    data = path.read_bytes()
    if not data.strip():
        raise InputError("empty file", path=path, hint="remove it or save the page again")
    _check_not_binary(data, path)
    doc_id = _check_id(path.stem, path, None)
    page = extract_page(data, today=today)
    if page is None:
        raise InputError("no article text in the page", path=path,
                         hint="save the article's own page (not an index or a login page), or leave it out")
    if published is None and page.published is None:
        raise InputError("the page gives no publication date", path=path, hint=_NO_DATE_HINT)
    return _page_document(page, doc_id, published, str(path))


def url_id(url: str) -> str:
    """A stable document id for a page known by its URL: the host and a hash of the whole URL.

    >>> url_id("https://www.example.org/world/2024/04/04/talks.html")
    'www.example.org-b514608a07cdceea'
    """
    host = urlsplit(url).hostname or "page"
    return f"{host}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:16]}"


def _read_archive(path: Path, published: date | None, today: date,
                  skipped: Counter) -> Iterator[Document | InputError]:
    for item in iter_pages(path, skipped=skipped):
        if isinstance(item, InputError):
            yield item
            continue
        page = extract_page(item.data, url=item.uri, today=today)
        if page is None:
            skipped["no article text"] += 1
            continue
        if detect_language(page.text) != "en":
            skipped["not English"] += 1
            continue
        if published is None and page.published is None:
            yield InputError(f"record at byte {item.offset} ({item.uri}): the page gives no publication date",
                             path=path, hint=_NO_DATE_HINT)
            continue
        yield _page_document(page, url_id(item.uri), published, f"{path}@{item.offset}", url=item.uri)


def _wanted(path: Path) -> bool:
    return path.suffix.lower() in (*_TEXT_SUFFIXES, *_HTML_SUFFIXES, ".jsonl") or is_archive(path)


def _expand(inputs: Sequence[str | Path]) -> Iterator[Path | InputError]:
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p))
            if not files:
                yield InputError("the folder has no .txt, .html, .warc.gz or .jsonl files", path=path,
                                 hint="put one article per .txt or .html file in it, or give a JSONL corpus")
            yield from files
        elif path.exists():
            yield path
        else:
            yield InputError("no such file or folder", path=path, hint="check the path")


def read_corpus(
    inputs: Sequence[str | Path],
    *,
    published: date | None = None,
    on_error: str = "stop",
    on_problem: Callable[[InputError], None] | None = None,
    today: date | None = None,
    skipped: Counter | None = None,
) -> Iterator[Document]:
    """Stream the documents of ``inputs`` in order.

    Parameters
    ----------
    inputs : sequence of path
        ``.txt`` files (id = file stem); saved HTML pages, ``.html`` or
        ``.htm`` (id = file stem; text, title, date, site name and canonical
        URL from the page); WARC or ARC archives, ``.warc[.gz]`` or
        ``.arc[.gz]`` (each HTML response a document, its id derived from its
        URL, see :func:`url_id`); folders of any of these (searched
        recursively, sorted); or ``.jsonl`` corpora (one object per line with
        ``id``, ``text`` and optional ``published``, ``url``, ``outlet``,
        ``title``).
    published : datetime.date, optional
        Publication date of ``.txt`` documents; for pages and archives it
        replaces the page's own date.  A page with neither is bad input.
    on_error : {"stop", "skip"}
        Raise the first problem, or report it to ``on_problem`` and go on.
    on_problem : callable, optional
        Receives each skipped problem.
    today : datetime.date, optional
        Dates after this are rejected as in the future (default: today).
    skipped : collections.Counter, optional
        Counts the archive records that are not coded, by reason (not HTML,
        HTTP status not 200, not English, duplicate URL, no article text, page
        too large).  They are not problems: a crawl is full of them.

    Yields
    ------
    Document
    """
    if on_error not in ("stop", "skip"):
        raise ValueError("on_error must be 'stop' or 'skip'")
    today = today or date.today()
    skipped = skipped if skipped is not None else Counter()
    if published is not None and published > today:
        raise InputError(f"--published {published} is in the future", hint="give the real publication date")
    seen: dict[str, str] = {}

    def problem(err: InputError) -> None:
        if on_error == "stop":
            raise err
        if on_problem is not None:
            on_problem(err)
        else:
            log.warning("skipped: %s", err)

    for item in _expand(inputs):
        if isinstance(item, InputError):
            problem(item)
            continue
        results: Iterator[Document | InputError]
        suffix = item.suffix.lower()
        if suffix == ".jsonl":
            results = _read_jsonl(item, today)
        elif is_archive(item):
            results = _read_archive(item, published, today, skipped)
        elif suffix in (*_TEXT_SUFFIXES, *_HTML_SUFFIXES):
            results = _one(item, published, today)
        else:
            problem(InputError(f"unsupported file type {item.suffix or '(none)'!r}", path=item,
                               hint="give .txt or .html files, .warc.gz archives, folders of them, "
                                    "or a .jsonl corpus"))
            continue
        try:
            for res in results:
                if isinstance(res, InputError):
                    problem(res)
                    continue
                if res.published is None:
                    log.warning("%s: no publication date; relative dates stay unresolved", res.origin)
                if res.id in seen and is_archive(item):
                    skipped["duplicate URL"] += 1  # the same page in another crawl of this run
                    continue
                if res.id in seen:
                    problem(InputError(f"duplicate id {res.id!r} (first seen at {seen[res.id]})",
                                       path=item, line=_line_of(res.origin),
                                       hint="give every document a unique id"))
                    continue
                seen[res.id] = res.origin or str(item)
                yield res
        except PermissionError:
            problem(InputError("permission denied", path=item, hint="check the file's permissions"))
        except IsADirectoryError:
            problem(InputError("is a folder", path=item, hint="give the files inside it"))


def _one(path: Path, published: date | None, today: date) -> Iterator[Document | InputError]:
    """The one document of a text file or a saved page, or its problem."""
    try:
        if path.suffix.lower() in _HTML_SUFFIXES:
            yield _read_html(path, published, today)
        else:
            yield _read_txt(path, published)
    except InputError as err:
        yield err


def _line_of(origin: str | None) -> int | None:
    if origin and ":" in origin:
        tail = origin.rsplit(":", 1)[1]
        if tail.isdigit():
            return int(tail)
    return None
