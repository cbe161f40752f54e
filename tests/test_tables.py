"""The event table in the field's formats, each read back with the library its users use.

Parquet and CSV with pandas and pyarrow, POLECAT's table with pandas, PLOVER JSON
against the field list of the PLOVER manual (written out here, not taken from
the code under test). The store is ``tiny_out`` (conftest): hand-made records,
no model.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newskg.build import store_path
from newskg.cli import app
from newskg.export import tables
from newskg.export.tables import export_events, story_events
from newskg.graph import Store

# openeventdata/PLOVER, PLOVER_MANUAL.tex, chapter "Data Fields": the tables "PLOVER JSON", "Information
# object for actors", "Information object for text" and "Information object for citations"
SPEC_EVENT = {"id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event", "event_loc",
              "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info",
              "cite_info", "coder", "coded_date", "coded_time", "comment"}
SPEC_REQUIRED = {"id", "date", "actor", "event"}
SPEC_ACTOR = {"code", "sector", "actor_text", "identifier_id", "identifier_text", "actor_loc", "religion",
              "ethnicity", "office", "gender", "age"}
SPEC_TEXT = {"sequence", "start", "end", "text_story"}
SPEC_CITE = {"corpus", "citation", "url", "title", "language", "publication", "license", "copyright", "coder",
             "codebook", "version"}
OWN = {"status", "attributed_source", "cameo"}  # the named fields newskg adds, as the manual allows


def _store(out: Path) -> Store:
    return Store(store_path(out), read_only=True)


def _write(out: Path, fmt: str, tmp_path: Path) -> Path:
    path = tmp_path / f"events.{fmt}"
    with _store(out) as store:
        assert export_events(store, fmt, path) == 5
    return path


def test_parquet_reads_back_typed_in_pandas_and_pyarrow(tiny_out: Path, tmp_path: Path) -> None:
    path = _write(tiny_out, "parquet", tmp_path)
    schema = pq.read_schema(path)
    assert str(schema.field("date").type) == "date32[day]" and str(schema.field("published").type) == "date32[day]"
    assert str(schema.field("action").type) == "dictionary<values=string, indices=int32, ordered=0>"
    df = pd.read_parquet(path)
    assert len(df) == 5
    for column in ("action", "mode", "status", "actor_country", "cameo", "date_precision", "outlet", "quad_class"):
        assert isinstance(df[column].dtype, pd.CategoricalDtype), column
    assert df["intensity"].dtype == "float64" and str(df["start"].dtype) == "int32"
    row = df[(df.doc == "a") & (df.date_precision == "month")].iloc[0]
    assert (row.date, row.date_end, row.published) == (date(2022, 10, 1), date(2022, 10, 31), date(2024, 4, 4))
    assert (row.action, row["mode"], row.cameo, row.intensity, row.quad_code) == ("CONSULT", "phone", "041", 2.1, 1)
    assert (row.actor_name, row.target_name, row.outlet) == ("Sergei Shoigu", "Sebastien Lecornu", "Wire One")
    denial = df[df.action == "REJECT"].iloc[0]
    assert denial.denies == df[df.action == "AGREE"].iloc[0].key
    assert pd.isna(denial.date) and denial.status == "asserted"
    assert set(df[df.doc == "b"].outlet) == {"Daily <Two>"}


def test_csv_reads_back_like_the_parquet(tiny_out: Path, tmp_path: Path) -> None:
    parquet = pd.read_parquet(_write(tiny_out, "parquet", tmp_path))
    categories = {name: "category" for name, kind in tables.COLUMNS if kind == "category"}
    csv = pd.read_csv(_write(tiny_out, "csv", tmp_path), dtype={**categories, "cameo": str},
                      parse_dates=["date", "date_end", "published"], keep_default_na=False, na_values=[""])
    assert list(csv.columns) == list(parquet.columns)
    assert csv["date"].dtype.kind == "M" and isinstance(csv["action"].dtype, pd.CategoricalDtype)
    assert list(csv.cameo) == list(parquet.cameo), "codes keep their leading zeros"
    for column in ("doc", "action", "mode", "actor", "target", "status", "sentence", "start", "intensity", "key"):
        assert [None if pd.isna(v) else v for v in csv[column]] == \
            [None if pd.isna(v) else v for v in parquet[column]], column
    assert [d.date() if not pd.isna(d) else None for d in csv.date] == \
        [d if not pd.isna(d) else None for d in parquet.date]


def test_plover_records_follow_the_specification(tiny_out: Path, tmp_path: Path) -> None:
    records = [json.loads(line) for line in _write(tiny_out, "plover", tmp_path).read_text().splitlines()]
    assert len(records) == 5 and len({r["id"] for r in records}) == 5
    for r in records:
        assert SPEC_REQUIRED <= set(r) and set(r) <= SPEC_EVENT | OWN, set(r) - SPEC_EVENT
        for actor in r["actor"] + r.get("recipient", []):
            assert set(actor) <= SPEC_ACTOR and "identifier_text" in actor
        assert set(r["text_info"]) <= SPEC_TEXT and set(r["cite_info"]) <= SPEC_CITE
        assert isinstance(r["event"], list) and r["quad_code"] in (1, 2, 3, 4)
        assert r["date"] is None or date.fromisoformat(r["date"])
    call = next(r for r in records if r.get("enddate"))
    assert (call["date"], call["enddate"], call["mode"]) == ("2022-10-01", "2022-10-31", ["phone"])
    assert call["cite_info"]["publication"] == "Wire One" and call["cite_info"]["citation"] == "a"
    assert call["actor"][0] == {"code": "RUS", "actor_text": "Sergei Shoigu", "identifier_text": "Sergei Shoigu"}
    claim = next(r for r in records if r["event"] == ["AGREE"])
    assert claim["actor"][0]["sector"] == "GOV" and claim["status"] == "claimed"
    assert claim["attributed_source"] == "Russia" and claim["event_scale"] == 4.2 and claim["cameo"] == "030"


def test_polecat_table_reads_in_pandas(tiny_out: Path, tmp_path: Path) -> None:
    df = pd.read_csv(_write(tiny_out, "polecat", tmp_path), sep="\t", dtype=str, keep_default_na=False)
    assert list(df.columns[:16]) == ["Event ID", "Event Date", "Event Type", "Event Mode", "Quad Code",
                                     "Actor Name", "Actor Name Raw", "Actor Country", "Primary Actor Sector",
                                     "Recipient Name", "Recipient Name Raw", "Recipient Country",
                                     "Primary Recipient Sector", "Source", "Publication Date", "Story ID"]
    assert {"Status", "Attributed Source", "Sentence", "Start", "End", "URL"} <= set(df.columns)
    denial = df[df["Event Type"] == "REJECT"].iloc[0]
    assert (denial["Actor Name"], denial["Actor Country"], denial["Primary Actor Sector"]) == ("France", "FRA", "GOV")
    assert (denial["Source"], denial["Publication Date"], denial["Story ID"]) == ("Daily <Two>", "2024-04-05", "b")
    assert (denial["Sentence"], denial["Start"], denial["End"], denial["Event Date"]) == ("Paris denied it.", "70", "86", "")


def test_stories_are_looked_up_in_batches(tiny_out: Path, monkeypatch) -> None:
    with _store(tiny_out) as store:
        whole = list(story_events(store))
        monkeypatch.setattr(tables, "BATCH_ROWS", 1)
        assert list(story_events(store)) == whole
    assert [(ev.doc, story.published) for ev, story in whole] == \
        [("a", date(2024, 4, 4))] * 2 + [("b", date(2024, 4, 5))] * 3


@pytest.mark.parametrize("fmt", ["jsonl", "tsv", "plover", "polecat", "csv"])
def test_events_command_prints_each_format(tiny_out: Path, fmt: str) -> None:
    result = CliRunner().invoke(app, ["events", "--out", str(tiny_out), "--format", fmt, "--doc", "b"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3 + (fmt in ("tsv", "polecat", "csv"))
    if fmt == "jsonl":
        assert {json.loads(l)["doc"] for l in lines} == {"b"}


def test_events_command_writes_parquet_to_a_file_only(tiny_out: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["events", "--out", str(tiny_out), "-f", "parquet"])
    assert result.exit_code == 2 and "-o events.parquet" in result.stderr and "Traceback" not in result.stderr
    result = CliRunner().invoke(app, ["events", "--out", str(tiny_out), "-f", "parquet", "-o", str(tmp_path / "e.pq")])
    assert result.exit_code == 0 and "wrote 5 rows" in result.stderr
    assert len(pd.read_parquet(tmp_path / "e.pq")) == 5
    result = CliRunner().invoke(app, ["events", "--out", str(tiny_out), "-f", "xlsx"])
    assert result.exit_code == 2 and "--format must be one of" in result.stderr
