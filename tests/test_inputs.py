"""Real article inputs: saved HTML pages and WARC/ARC archives of pages of our own.

The pages in ``tests/data/pages`` are written for these tests in the shapes news
sites use (menus, cookie banners, bylines, share buttons, captions, "read more"
lines, related stories, comments, footers); the tests assert the exact article
text trafilatura leaves.  Archives are written with warcio itself.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newskg.build import store_path
from newskg.cli import app
from newskg.corpus import read_corpus, url_id
from newskg.errors import InputError
from newskg.graph import Store

PAGES = Path(__file__).parent / "data" / "pages"
TODAY = date(2026, 1, 1)

OSLO = ("OSLO, March 12 - Norway's foreign minister met his Chilean counterpart in Oslo on Tuesday, the Norwegian "
        "foreign ministry said in a statement.\n"
        "The two ministers discussed cooperation on renewable energy and research in Antarctica, according to the "
        "statement.\n"
        "Chile invited Norway to send a trade delegation to Santiago later this year, a Chilean official told "
        "reporters.")
BORDER = ("Kenya summoned Uganda's high commissioner in Nairobi on Monday to protest against the arrest of four "
          "Kenyan fishermen on Lake Victoria, the foreign ministry said.\n"
          "Ugandan police detained the fishermen near Migingo Island on Saturday, according to a fishermen's "
          "association in Kisumu.\n"
          "Uganda's foreign ministry denied that the men had been mistreated.")
UNDATED = ("Thousands of dockworkers marched through Valparaiso on Friday to protest against a planned pension "
           "reform, union leaders said.\nPolice estimated the crowd at about 5,000 people.")
FRENCH = ("<html lang='fr'><head><meta property='article:published_time' content='2024-03-13'></head><body><article>"
          "<p>Le ministre norvégien des affaires étrangères a rencontré mardi à Oslo son homologue chilien, "
          "a indiqué le ministère dans un communiqué.</p><p>Les deux ministres ont parlé d'énergie renouvelable "
          "et de recherche en Antarctique.</p></article></body></html>").encode("utf-8")


def read(inputs, **kw) -> tuple[list, list[InputError], Counter]:
    problems: list[InputError] = []
    skipped: Counter = Counter()
    docs = list(read_corpus(inputs, on_error="skip", on_problem=problems.append, today=TODAY,
                            skipped=skipped, **kw))
    return docs, problems, skipped


# ---- saved pages --------------------------------------------------------------------------

def test_pages_give_their_article_text_and_metadata() -> None:
    docs, problems, _ = read([PAGES])
    by_id = {d.id: d for d in docs}
    assert sorted(by_id) == ["border-dispute", "oslo-talks"]
    oslo, border = by_id["oslo-talks"], by_id["border-dispute"]
    assert oslo.text == OSLO
    assert (oslo.title, oslo.published, oslo.outlet, oslo.url) == (
        "Norway and Chile hold talks in Oslo", date(2024, 3, 13), "The Northern Courier",
        "https://courier.example/world/2024/03/13/norway-chile-talks")
    assert border.text == BORDER
    assert (border.title, border.published, border.outlet, border.url) == (
        "Kenya summons Ugandan envoy over border incident", date(2023, 11, 21), "Lakeside Times", None)
    for text in (oslo.text, border.text):
        for boilerplate in ("cookies", "Share", "Photo", "Read more", "Related", "Copyright", "Subscribe",
                            "Advertisement", "comments", "Great reporting", "Tags", "By Ingrid", "Posted by"):
            assert boilerplate not in text
    [problem] = problems
    assert "undated.html" in str(problem) and "no publication date" in str(problem)
    assert "--published" in str(problem)


def test_published_replaces_the_page_date_and_dates_undated_pages() -> None:
    docs, problems, _ = read([PAGES], published=date(2024, 3, 15))
    assert not problems
    assert {d.id: d.published for d in docs} == {
        "border-dispute": date(2024, 3, 15), "oslo-talks": date(2024, 3, 15), "undated": date(2024, 3, 15)}
    assert next(d for d in docs if d.id == "undated").text == UNDATED


@pytest.mark.parametrize("content, needle", [
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, "binary"),
    (b"<html><body><nav><ul><li><a href='/'>Home</a></li></ul></nav><footer>(c) 2024</footer></body></html>",
     "no article text"),
])
def test_unusable_pages_are_bad_input(tmp_path: Path, content: bytes, needle: str) -> None:
    (tmp_path / "page.html").write_bytes(content)
    with pytest.raises(InputError, match=needle) as err:
        list(read_corpus([tmp_path / "page.html"], published=date(2024, 1, 1), today=TODAY))
    assert "page.html" in str(err.value)


def test_an_undated_page_stops_the_build_with_a_clear_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(PAGES / "undated.html"), "--out", str(tmp_path / "o"),
                                      "--on-error", "stop"])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    [line] = [l for l in result.stderr.splitlines() if l.startswith("newskg: error:")]
    assert "undated.html" in line and "no publication date" in line and "--published" in line
    assert not (tmp_path / "o").exists(), "bad input fails before anything is written"


def test_jsonl_text_that_is_a_page_gives_its_article_text(tmp_path: Path) -> None:
    page = (PAGES / "oslo-talks.html").read_text(encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "p", "text": page, "published": "2024-03-13"}) + "\n")
    [doc] = read_corpus([tmp_path / "c.jsonl"], today=TODAY)
    assert doc.text == OSLO


# ---- web archives --------------------------------------------------------------------------

def _response(w: WARCWriter, uri: str, body: bytes, *, status: str = "200 OK", mime: str = "text/html"):
    head = StatusAndHeaders(status, [("Content-Type", mime)], protocol="HTTP/1.1")
    return w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=head)


def write_crawl(path: Path, *, truncate_last: bool = True) -> dict[str, int]:
    """A crawl of our own pages and the noise real crawls hold; returns each record's byte offset by name."""
    offsets: dict[str, int] = {}
    oslo = (PAGES / "oslo-talks.html").read_bytes()
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        records = [
            ("oslo", _response(w, "https://courier.example/world/2024/03/13/norway-chile-talks", oslo)),
            ("request", w.create_warc_record("https://lakeside.example/news/kenya-uganda-envoy", "request",
                                             payload=io.BytesIO(b"GET /news/kenya-uganda-envoy HTTP/1.1\r\n\r\n"))),
            ("border", _response(w, "https://lakeside.example/news/kenya-uganda-envoy",
                                 (PAGES / "border-dispute.html").read_bytes())),
            ("logo", _response(w, "https://courier.example/logo.png", b"\x89PNG\r\n\x1a\n....", mime="image/png")),
            ("missing", _response(w, "https://courier.example/gone", b"<html>Not found</html>", status="404 Not Found")),
            ("moved", _response(w, "https://courier.example/old", b"", status="301 Moved Permanently")),
            ("french", _response(w, "https://journal.example/norvege-chili", FRENCH)),
            ("again", _response(w, "https://courier.example/world/2024/03/13/norway-chile-talks", oslo)),
            ("undated", _response(w, "https://port.example/valparaiso", (PAGES / "undated.html").read_bytes())),
            ("cut", _response(w, "https://courier.example/world/2024/03/14/cut", oslo)),
        ]
        for name, record in records:
            offsets[name] = f.tell()
            w.write_record(record)
    if truncate_last:
        data = path.read_bytes()
        path.write_bytes(data[: offsets["cut"] + (len(data) - offsets["cut"]) // 2])
    return offsets


def test_archive_pages_are_read_and_the_rest_counted(tmp_path: Path) -> None:
    offsets = write_crawl(tmp_path / "crawl.warc.gz")
    docs, problems, skipped = read([tmp_path / "crawl.warc.gz"])
    oslo_uri = "https://courier.example/world/2024/03/13/norway-chile-talks"
    border_uri = "https://lakeside.example/news/kenya-uganda-envoy"
    assert [(d.id, d.url, d.text) for d in docs] == [(url_id(oslo_uri), oslo_uri, OSLO),
                                                      (url_id(border_uri), border_uri, BORDER)]
    assert docs[0].origin == f"{tmp_path / 'crawl.warc.gz'}@{offsets['oslo']}"
    assert (docs[1].published, docs[1].outlet, docs[1].title) == (
        date(2023, 11, 21), "Lakeside Times", "Kenya summons Ugandan envoy over border incident")
    assert dict(skipped) == {"not HTML": 1, "HTTP status not 200": 2, "not English": 1, "duplicate URL": 1}
    undated, cut = map(str, problems)
    assert f"crawl.warc.gz: record at byte {offsets['undated']} (https://port.example/valparaiso)" in undated
    assert "no publication date" in undated
    assert f"crawl.warc.gz: record at byte {offsets['cut']}" in cut and "cut short" in cut


def test_an_archive_is_streamed(tmp_path: Path) -> None:
    """The first page comes out before the damage further on is read (stop policy)."""
    offsets = write_crawl(tmp_path / "crawl.warc.gz")
    data = (tmp_path / "crawl.warc.gz").read_bytes()
    (tmp_path / "crawl.warc.gz").write_bytes(data[: offsets["logo"]] + b"these bytes are no record\n" + data[offsets["logo"]:])
    docs = read_corpus([tmp_path / "crawl.warc.gz"], on_error="stop", today=TODAY)
    assert next(docs).url == "https://courier.example/world/2024/03/13/norway-chile-talks"
    assert next(docs).url == "https://lakeside.example/news/kenya-uganda-envoy"
    with pytest.raises(InputError, match=r"the bytes after the record at byte (\d+) are not a WARC") as err:
        next(docs)
    # where warcio notices depends on the bytes it meets; it is never before the last page read
    assert int(re.search(r"byte (\d+)", str(err.value)).group(1)) >= offsets["border"]
    assert "crawl.warc.gz" in str(err.value)


def test_the_same_url_in_two_crawls_is_one_document(tmp_path: Path) -> None:
    write_crawl(tmp_path / "a.warc.gz", truncate_last=False)
    write_crawl(tmp_path / "b.warc.gz", truncate_last=False)
    docs, problems, skipped = read([tmp_path])
    assert len(docs) == 3, [d.url for d in docs]  # oslo, border and the last page, once each
    assert skipped["duplicate URL"] == 2 + 3
    assert all("no publication date" in str(p) for p in problems) and len(problems) == 2


def test_uncompressed_warc_and_arc_files(tmp_path: Path) -> None:
    with open(tmp_path / "plain.warc", "wb") as f:
        w = WARCWriter(f, gzip=False)
        w.write_record(_response(w, "https://lakeside.example/news/kenya-uganda-envoy",
                                 (PAGES / "border-dispute.html").read_bytes()))
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + (PAGES / "oslo-talks.html").read_bytes()
    rest = b"1 0 newskg tests\nURL IP-address Archive-date Content-type Archive-length\n"
    info = b"filedesc://old.arc 0.0.0.0 20240313000000 text/plain " + str(len(rest)).encode() + b"\n" + rest + b"\n"
    page = b"https://courier.example/o 10.0.0.1 20240313000000 text/html " + str(len(body)).encode() + b"\n"
    (tmp_path / "old.arc.gz").write_bytes(gzip.compress(info) + gzip.compress(page + body + b"\n"))
    docs, problems, _ = read([tmp_path / "plain.warc", tmp_path / "old.arc.gz"])
    assert not problems
    assert [d.text for d in docs] == [BORDER, OSLO]
    # one gzip stream over all records is not a valid archive: a clear message says how to repair it
    (tmp_path / "old.arc.gz").write_bytes(gzip.compress(info + page + body + b"\n"))
    _, [problem], _ = read([tmp_path / "old.arc.gz"])
    assert "old.arc.gz" in str(problem) and "warcio recompress" in str(problem)


def test_a_file_that_is_not_an_archive(tmp_path: Path) -> None:
    (tmp_path / "notes.warc.gz").write_bytes(gzip.compress(b"just some notes\n" * 20))
    with pytest.raises(InputError, match="not a WARC or ARC archive") as err:
        list(read_corpus([tmp_path / "notes.warc.gz"], today=TODAY))
    assert "notes.warc.gz" in str(err.value)


# ---- end to end (the statistical model) ----------------------------------------------------

@pytest.mark.model
def test_build_a_folder_of_pages(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(PAGES), "--out", str(tmp_path / "o"), "--published", "2024-03-13"])
    assert result.exit_code == 0, result.stderr
    with Store(store_path(tmp_path / "o"), read_only=True) as store:
        assert sorted(store.document_ids()) == ["border-dispute", "oslo-talks", "undated"]
    rows = [json.loads(l) for l in (tmp_path / "o" / "events.jsonl").read_text().splitlines()]
    assert {r["doc"] for r in rows} == {"oslo-talks", "border-dispute"}
    # "--published" dates every page: "on Monday" is the Monday before 13 March 2024
    assert any(r["action"] == "ACCUSE" and r["actor_country"] == "KEN" and r["target_country"] == "UGA"
               and r["date"] == "2024-03-11" for r in rows), rows


@pytest.mark.model
def test_build_a_crawl(tmp_path: Path) -> None:
    offsets = write_crawl(tmp_path / "crawl.warc.gz")
    result = CliRunner().invoke(app, ["build", str(tmp_path / "crawl.warc.gz"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2, result.stderr  # two bad records reported, the rest built
    assert "Traceback" not in result.stderr
    assert f"record at byte {offsets['cut']}" in result.stderr
    assert "not coded from archives: 2 HTTP status not 200, 1 duplicate URL, 1 not English, 1 not HTML" \
        in result.stdout, result.stdout
    rows = [json.loads(l) for l in (tmp_path / "o" / "events.jsonl").read_text().splitlines()]
    assert {r["doc"] for r in rows} == {url_id("https://courier.example/world/2024/03/13/norway-chile-talks"),
                                        url_id("https://lakeside.example/news/kenya-uganda-envoy")}
