"""Bad input never produces a traceback: one clear line naming the file (and line) and what to do.

Most cases run in-process through the Typer app; a few run the real console script.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newskg.cli import app

GOOD = "France and Russia held talks in Paris on Monday, the foreign ministry said.\n"
FUTURE = (date.today() + timedelta(days=30)).isoformat()


def jsonl(path: Path, *rows) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(args, tmp_path: Path):
    """`newskg build` under the stop policy, which these cases are about (skip is the default)."""
    result = CliRunner().invoke(app, ["build", *map(str, args), "--out", str(tmp_path / "out"), "--on-error", "stop"])
    return result.exit_code, result.stdout, result.stderr


def assert_clean_error(code: int, stderr: str, *needles: str) -> None:
    assert code != 0, "expected a non-zero exit"
    assert "Traceback" not in stderr
    lines = [l for l in stderr.splitlines() if l.startswith("newskg: error:")]
    assert len(lines) == 1, stderr
    for n in needles:
        assert n in lines[0], (n, lines[0])


# ---- cases that must stop with a clear message -------------------------------------------

def _missing(tmp):
    return [tmp / "nope.txt"], ("nope.txt", "no such file")


def _missing_dir(tmp):
    return [tmp / "nodir" / ""], ("nodir", "no such file")


def _empty_file(tmp):
    (tmp / "e.txt").write_bytes(b"")
    return [tmp / "e.txt"], ("e.txt", "empty file")


def _whitespace_file(tmp):
    (tmp / "w.txt").write_text("  \n\t \n", encoding="utf-8")
    return [tmp / "w.txt"], ("w.txt", "no text")


def _empty_dir(tmp):
    (tmp / "empty").mkdir()
    return [tmp / "empty"], ("empty", "no .txt")


def _binary(tmp):
    (tmp / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    return [tmp / "b.txt"], ("b.txt", "binary")


def _nul_heavy(tmp):
    (tmp / "n.txt").write_bytes(b"a\x00b\x00" * 1000)
    return [tmp / "n.txt"], ("n.txt", "binary")


def _latin1_txt(tmp):
    (tmp / "l.txt").write_bytes("Fran\u00e7ois Hollande a parl\u00e9.".encode("latin-1"))
    return [tmp / "l.txt"], ("l.txt", "UTF-8")


def _latin1_jsonl(tmp):
    p = tmp / "c.jsonl"
    p.write_bytes(json.dumps({"id": "a", "text": GOOD}).encode() + b"\n" + b'{"id": "b", "text": "caf\xe9"}\n')
    return [p], ("c.jsonl:2", "UTF-8")


def _malformed_line(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "a", "text": GOOD}, {"id": "b", "text": GOOD}, '{"id": "c", "text": ')], \
        ("c.jsonl:3", "not valid JSON")


def _not_object(tmp):
    return [jsonl(tmp / "c.jsonl", '["a", "b"]')], ("c.jsonl:1", "not an object")


def _missing_id(tmp):
    return [jsonl(tmp / "c.jsonl", {"text": GOOD})], ("c.jsonl:1", "'id'")


def _missing_text(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "x"})], ("c.jsonl:1", "'text'")


def _id_wrong_type(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": ["x"], "text": GOOD})], ("c.jsonl:1", "'id' must be a string")


def _text_wrong_type(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "x", "text": 42})], ("c.jsonl:1", "'text' must be a string")


def _empty_text(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "x", "text": ""})], ("c.jsonl:1", "no text")


def _whitespace_text(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "x", "text": " \n\t "})], ("c.jsonl:1", "no text")


def _duplicate_ids(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "x", "text": GOOD}, {"id": "x", "text": GOOD})], \
        ("c.jsonl:2", "duplicate id")


def _bad_published(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "x", "text": GOOD, "published": "04/04/2024"})], \
        ("c.jsonl:1", "not an ISO date")


def _impossible_published(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "x", "text": GOOD, "published": "2024-02-30"})], \
        ("c.jsonl:1", "not an ISO date")


def _future_published(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "x", "text": GOOD, "published": FUTURE})], ("c.jsonl:1", "future")


def _published_wrong_type(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "x", "text": GOOD, "published": 20240404})], \
        ("c.jsonl:1", "'published' must be")


def _id_newline(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "a\nb", "text": GOOD})], ("c.jsonl:1", "line break")


def _id_too_long(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "x" * 600, "text": GOOD})], ("c.jsonl:1", "longer than")


def _id_blank(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "   ", "text": GOOD})], ("c.jsonl:1", "'id' is empty")


def _unsupported(tmp):
    (tmp / "a.pdf").write_bytes(b"%PDF-1.4")
    return [tmp / "a.pdf"], ("a.pdf", "unsupported file type")


def _url_wrong_type(tmp):
    return [jsonl(tmp / "c.jsonl", {"id": "x", "text": GOOD, "url": 5})], ("c.jsonl:1", "'url' must be a string")


STOPS = [_missing, _missing_dir, _empty_file, _whitespace_file, _empty_dir, _binary, _nul_heavy, _latin1_txt,
         _latin1_jsonl, _malformed_line, _not_object, _missing_id, _missing_text, _id_wrong_type,
         _text_wrong_type, _empty_text, _whitespace_text, _duplicate_ids, _bad_published, _impossible_published,
         _future_published, _published_wrong_type, _id_newline, _id_too_long, _id_blank, _unsupported,
         _url_wrong_type]


@pytest.mark.parametrize("case", STOPS, ids=[c.__name__.strip("_") for c in STOPS])
def test_bad_input_stops_with_one_clear_line(case, tmp_path: Path) -> None:
    inputs, needles = case(tmp_path)
    code, _, stderr = run(inputs, tmp_path)
    assert_clean_error(code, stderr, *needles)
    assert not (tmp_path / "out" / "graph.trig").exists(), "nothing half-written"


def test_bad_published_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--published", "yesterday",
                                      "--out", str(tmp_path / "o")])
    assert_clean_error(result.exit_code, result.stderr, "--published", "YYYY-MM-DD")


def test_future_published_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--published", FUTURE,
                                      "--out", str(tmp_path / "o")])
    assert_clean_error(result.exit_code, result.stderr, "future")


def test_bad_on_error_value(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--on-error", "ignore"])
    assert_clean_error(result.exit_code, result.stderr, "--on-error")


def test_out_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "o").write_text("not a folder")
    result = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code != 0 and "Traceback" not in result.stderr
    assert "newskg: error:" in result.stderr


# ---- cases that are accepted ---------------------------------------------------------------

@pytest.mark.model
def test_skip_policy_codes_good_documents_and_reports_bad_ones(tmp_path: Path) -> None:
    corpus = jsonl(tmp_path / "c.jsonl", {"id": "good1", "text": GOOD, "published": "2024-04-04"},
                   "{oops", {"id": "good1", "text": GOOD}, {"id": "good2", "text": GOOD, "published": "2024-04-05"},
                   {"id": "bad", "text": ""})
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(tmp_path / "o"), "--on-error", "skip"])
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr
    skipped = [l for l in result.stderr.splitlines() if l.startswith("newskg: skipped:")]
    assert [l.split("c.jsonl:")[1].split(":")[0] for l in skipped] == ["2", "3", "5"]
    docs = {json.loads(l)["doc"] for l in (tmp_path / "o" / "events.jsonl").read_text().splitlines()}
    assert docs == {"good1", "good2"}


@pytest.mark.model
@pytest.mark.parametrize("variant", ["bom", "crlf", "cr", "html", "blank_lines", "odd_ids"])
def test_accepted_variants(variant: str, tmp_path: Path) -> None:
    if variant == "bom":
        (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
        inputs = [tmp_path / "a.txt"]
    elif variant == "crlf":
        (tmp_path / "a.txt").write_bytes(GOOD.replace("\n", "\r\n").encode() * 2)
        inputs = [tmp_path / "a.txt"]
    elif variant == "cr":
        (tmp_path / "a.txt").write_bytes(GOOD.replace("\n", "\r").encode() * 2)
        inputs = [tmp_path / "a.txt"]
    elif variant == "html":
        page = f"<html><head><script>alert(1)</script></head><body><p>{GOOD}</p></body></html>"
        inputs = [jsonl(tmp_path / "c.jsonl", {"id": "h", "text": page, "published": "2024-04-04"})]
    elif variant == "blank_lines":
        inputs = [jsonl(tmp_path / "c.jsonl", "", {"id": "x", "text": GOOD}, "   ", "")]
    else:
        ids = ['a "quoted" id', "<script>x</script>", "../../etc/passwd", "with space", "\u202eevil\u202c", "x>y&z"]
        inputs = [jsonl(tmp_path / "c.jsonl", *({"id": i, "text": GOOD, "published": "2024-04-04"} for i in ids))]
    code, stdout, stderr = run(inputs, tmp_path)
    assert code == 0, stderr
    assert "Traceback" not in stderr
    rows = [json.loads(l) for l in (tmp_path / "out" / "events.jsonl").read_text().splitlines()]
    assert rows, "the good text yields events"
    assert all("\r" not in r["sentence"] and "<script>" not in r["sentence"] for r in rows)
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_file()) == \
        ["events.jsonl", "graph.html", "graph.trig", "report.md", "store.lock"]


def test_very_long_line_is_read_without_copying_the_world(tmp_path: Path) -> None:
    from newskg.corpus import read_corpus

    (tmp_path / "long.txt").write_text("word " * 2_000_000, encoding="utf-8")  # 10 MB, one line
    doc = next(read_corpus([tmp_path / "long.txt"]))
    assert len(doc.text) == 10_000_000


@pytest.mark.model
def test_long_sentence_without_punctuation_does_not_blow_up(tmp_path: Path) -> None:
    text = "France met Russia " + "and talked " * 20_000  # 220 kB, no sentence end
    inputs = [jsonl(tmp_path / "c.jsonl", {"id": "long", "text": text, "published": "2024-04-04"})]
    code, _, stderr = run(inputs, tmp_path)
    assert code == 0, stderr


def test_real_console_script_reports_without_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("newskg")
    bad = jsonl(tmp_path / "c.jsonl", {"id": "a", "text": GOOD}, "not json")
    proc = subprocess.run([str(exe), "build", str(bad), "--out", str(tmp_path / "o"), "--on-error", "stop"],
                          capture_output=True, text=True, timeout=300)
    assert_clean_error(proc.returncode, proc.stderr, "c.jsonl:2", "not valid JSON")
    proc = subprocess.run([str(exe), "query", "SELECT", "--out", str(tmp_path / "nothing")],
                          capture_output=True, text=True, timeout=120)
    assert_clean_error(proc.returncode, proc.stderr, "newskg build")


def test_default_policy_codes_the_good_documents_and_reports_the_bad_one(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("newskg")
    corpus = jsonl(tmp_path / "c.jsonl", {"id": "a", "text": GOOD}, {"id": "a", "text": GOOD + " Again."})
    proc = subprocess.run([str(exe), "build", str(corpus), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    skipped = [l for l in proc.stderr.splitlines() if l.startswith("newskg: skipped:")]
    assert len(skipped) == 1 and "c.jsonl:2" in skipped[0] and "duplicate id" in skipped[0]
    rows = [json.loads(l) for l in (tmp_path / "o" / "events.jsonl").read_text("utf-8").splitlines()]
    assert rows and {r["doc"] for r in rows} == {"a"}
