"""Reading input: ``.txt`` files, folders of them, and JSONL corpora, streamed.

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

import html.parser
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

from .errors import InputError
from .records import Document

__all__ = ["read_corpus", "normalise_text", "MAX_ID_LENGTH"]

log = logging.getLogger(__name__)

MAX_ID_LENGTH = 512
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ID_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
_HTML_HINT = re.compile(r"<\s*(html|body|p|div|article|span|br|head|script|a\s)[\s>/]", re.I)
_BINARY_SAMPLE = 8192


def normalise_text(text: str) -> str:
    """Line ends to ``\\n``, control characters dropped (``\\n`` and ``\\t`` kept), Unicode NFC.

    >>> normalise_text("a\\r\\nb\\rc\\x00d")
    'a\\nb\\ncd'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


class _TextExtractor(html.parser.HTMLParser):
    """Collect the visible text of an HTML page, one block per line."""

    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section",
              "header", "footer", "blockquote", "title"}
    _HIDDEN = {"script", "style", "noscript", "template", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def _html_to_text(text: str) -> str:
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _decode(data: bytes, path: Path, line: int | None = None) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    sample = data[:_BINARY_SAMPLE]
    if sample and (sample.count(b"\x00") > len(sample) // 100 or sample.startswith((b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b"))):
        raise InputError("binary data, not text", path=path, line=line,
                         hint="give plain UTF-8 text, a folder of .txt files or a JSONL corpus")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad_line = (line or 1) + data[: err.start].count(b"\n")
        raise InputError(f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})",
                         path=path, line=bad_line,
                         hint="convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8") from None


def _clean_text(text: str, path: Path, line: int | None) -> str:
    text = normalise_text(text)
    if _HTML_HINT.search(text[:20000]):
        log.warning("%s%s: looks like HTML; using its visible text", path, f":{line}" if line else "")
        text = _html_to_text(text)
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


def _read_jsonl(path: Path, today: date) -> Iterator[Document | InputError]:
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            try:
                line = _decode(raw, path, n)
            except InputError as err:
                yield err
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                yield InputError(f"not valid JSON: {err.msg} (column {err.colno})", path=path, line=n,
                                 hint="each line must be one JSON object; fix or remove this line")
                continue
            if not isinstance(row, dict):
                yield InputError(f"a JSON {type(row).__name__}, not an object", path=path, line=n,
                                 hint='each line must be an object like {"id": ..., "text": ...}')
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


def _expand(inputs: Sequence[str | Path]) -> Iterator[Path | InputError]:
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".jsonl"))
            if not files:
                yield InputError("the folder has no .txt or .jsonl files", path=path,
                                 hint="put one article per .txt file in it, or give a JSONL corpus")
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
) -> Iterator[Document]:
    """Stream the documents of ``inputs`` in order.

    Parameters
    ----------
    inputs : sequence of path
        ``.txt`` files (id = file stem), folders of them (searched recursively,
        sorted), or ``.jsonl`` corpora (one object per line with ``id``,
        ``text`` and optional ``published``, ``url``, ``outlet``, ``title``).
    published : datetime.date, optional
        Publication date of ``.txt`` documents.
    on_error : {"stop", "skip"}
        Raise the first problem, or report it to ``on_problem`` and go on.
    on_problem : callable, optional
        Receives each skipped problem.
    today : datetime.date, optional
        Dates after this are rejected as in the future (default: today).

    Yields
    ------
    Document
    """
    if on_error not in ("stop", "skip"):
        raise ValueError("on_error must be 'stop' or 'skip'")
    today = today or date.today()
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
        suffix = item.suffix.lower()
        if suffix == ".jsonl":
            results: Iterator[Document | InputError] = _read_jsonl(item, today)
        elif suffix in (".txt", ".text", ".md", ".html", ".htm"):
            def one(p: Path = item) -> Iterator[Document | InputError]:
                try:
                    yield _read_txt(p, published)
                except InputError as err:
                    yield err
            results = one()
        else:
            problem(InputError(f"unsupported file type {item.suffix or '(none)'!r}", path=item,
                               hint="give .txt files, folders of them, or a .jsonl corpus"))
            continue
        try:
            for res in results:
                if isinstance(res, InputError):
                    problem(res)
                    continue
                if res.published is None:
                    log.warning("%s: no publication date; relative dates stay unresolved", res.origin)
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


def _line_of(origin: str | None) -> int | None:
    if origin and ":" in origin:
        tail = origin.rsplit(":", 1)[1]
        if tail.isdigit():
            return int(tail)
    return None
