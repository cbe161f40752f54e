"""newskg score: the documented matching, on gold events of our own (no ../shared data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newskg.cli import app
from newskg.errors import InputError
from newskg.records import Actor
from newskg.scoring import GoldEvent, SystemEvent, read_gold, score

FRA = Actor("France", kind="state", country="FRA", aliases=("Paris",))
RUS = Actor("Russia", kind="state", country="RUS", aliases=("Moscow", "the Kremlin"))
LEC = Actor("Sebastien Lecornu", kind="person", country="FRA", aliases=("Lecornu",))
SHO = Actor("Sergei Shoigu", kind="person", country="RUS", aliases=("Shoigu",))
UN = Actor("United Nations", kind="organization", aliases=("U.N.", "UN"))
S1 = "Lecornu phoned Shoigu on Wednesday, the ministry said."
S2 = "The two ministers last spoke in October 2022."


def sys(actor, country, action, target=None, target_country=None, *, doc="d", sentence=S1, **kw) -> SystemEvent:
    return SystemEvent(doc, sentence, actor, country, action, target, target_country, **kw)


def gold(actor, action, target=None, *, doc="d", sentence=S1, **kw) -> GoldEvent:
    return GoldEvent(doc, sentence, actor, action, target=target, **kw)


@pytest.mark.parametrize("label, country, matches", [
    ("Sebastien Lecornu", "FRA", True), ("Mr. Lecornu", None, True), ("lecornu", None, True),
    ("President Lecornu", None, True), ("Defence Minister", "FRA", False), ("Sergei Shoigu", "RUS", False),
    (None, None, False),
])
def test_persons_match_by_name_alias_or_surname(label, country, matches) -> None:
    s = score([gold(LEC, "CONSULT", SHO)], [sys(label, country, "CONSULT", "Shoigu", "RUS")], docs=["d"])
    assert len(s.tp) == (1 if matches else 0)


def test_states_match_any_actor_of_theirs_and_names_ignore_punctuation() -> None:
    g = [gold(FRA, "ACCUSE", RUS), gold(UN, "REQUEST", None, sentence=S2)]
    s = score(g, [sys("French Foreign Ministry", "FRA", "ACCUSE", "the Kremlin", None),
                  sys("U. N.", None, "REQUEST", "Russia", "RUS", sentence=S2)], docs=["d"])
    assert len(s.tp) == 2 and not s.fp and not s.fn, "a null gold target matches any target"


def test_symmetric_types_match_in_either_order_others_do_not() -> None:
    for action, expected in (("CONSULT", 1), ("AGREE", 1), ("COOPERATE", 1), ("ACCUSE", 0)):
        s = score([gold(LEC, action, SHO)], [sys("Shoigu", "RUS", action, "Lecornu", "FRA")], docs=["d"])
        assert len(s.tp) == expected, action


def test_matching_is_one_to_one_and_optimal() -> None:
    # s1 matches both gold events (Shoigu by name, Russia by his country), s2 only the first (a surname with no
    # country): pairing s1 with the gold event of its own sentence, as a greedy pass would, leaves s2 a false
    # positive; the optimal matching pairs both
    g = [gold(LEC, "ACCUSE", SHO), gold(LEC, "ACCUSE", RUS, sentence=S2)]
    s1 = sys("Lecornu", "FRA", "ACCUSE", "Sergei Shoigu", "RUS")
    s2 = sys("Lecornu", "FRA", "ACCUSE", "Shoigu", None, sentence=S2)
    result = score(g, [s1, s2], docs=["d"])
    assert len(result.tp) == 2 and not result.fp and not result.fn
    assert {(s.target, g.target.name) for s, g in result.tp} == {("Sergei Shoigu", "Russia"), ("Shoigu", "Sergei Shoigu")}
    duplicate = score(g[:1], [s1, s1], docs=["d"])
    assert (len(duplicate.tp), len(duplicate.fp)) == (1, 1)


def test_pairs_follow_the_closest_sentence_so_dates_are_compared_right() -> None:
    g = [gold(LEC, "CONSULT", SHO, date="2024-04-03"), gold(LEC, "CONSULT", SHO, sentence=S2, date="2022-10")]
    s = [sys("Lecornu", "FRA", "CONSULT", "Shoigu", "RUS", sentence=S2, date="2022-10-14"),
         sys("Lecornu", "FRA", "CONSULT", "Shoigu", "RUS", date="2024-04-03")]
    result = score(g, s, docs=["d"])
    assert len(result.tp) == 2 and result.date_accuracy == 1.0, "a more precise date within the gold date agrees"
    coarse = score(g[:1], [sys("Lecornu", "FRA", "CONSULT", "Shoigu", "RUS", date="2024-04")], docs=["d"])
    assert coarse.date_accuracy == 0.0


def test_negation_and_optional_gold() -> None:
    negated = gold(FRA, "CONSULT", RUS, status="negated")
    asserted_sys = sys("France", "FRA", "CONSULT", "Russia", "RUS")
    negated_sys = sys("France", "FRA", "CONSULT", "Russia", "RUS", status="negated")
    clash = score([negated], [asserted_sys], docs=["d"])
    assert (len(clash.tp), len(clash.fp), len(clash.fn)) == (0, 1, 0) and clash.fp[0][1] is negated
    agree = score([negated], [negated_sys], docs=["d"])
    assert (len(agree.tp), len(agree.fp), len(agree.neutral)) == (0, 0, 1)
    wrong_way = score([gold(FRA, "CONSULT", RUS)], [negated_sys], docs=["d"])
    assert (len(wrong_way.tp), len(wrong_way.fp), len(wrong_way.fn)) == (0, 1, 1)
    optional = gold(FRA, "CONSULT", RUS, required=False)
    assert (len(score([optional], [asserted_sys], docs=["d"]).fp), len(score([optional], [], docs=["d"]).fn)) == (0, 0)


def test_source_and_status_accuracy_and_documents_left_out() -> None:
    g = [gold(LEC, "CONSULT", SHO, source=Actor("French Defence Ministry", aliases=("the ministry",))),
         gold(FRA, "ACCUSE", RUS, sentence=S2, sourced=False, status="claimed")]
    s = [sys("Lecornu", "FRA", "CONSULT", "Shoigu", "RUS", source="French Defence Ministry"),
         sys("France", "FRA", "ACCUSE", "Russia", "RUS", sentence=S2, source="someone"),
         sys("France", "FRA", "ACCUSE", "Russia", "RUS", doc="elsewhere")]
    result = score(g, s, docs=["d"])
    assert (len(result.tp), len(result.fp)) == (2, 0), "events of documents outside the gold set are left out"
    summary = result.summary()
    assert (summary["source_accuracy"], summary["sourced"]) == (1.0, 1)
    assert summary["status_accuracy"] == 0.5
    assert result.per_document() == {"d": (2, 0, 0)}


# ---- gold folders and the command ------------------------------------------------------------

def write_gold(folder: Path, docs: list[str], events: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "docs.jsonl").write_text("".join(json.dumps({"id": d}) + "\n" for d in docs), encoding="utf-8")
    (folder / "gold.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return folder


def person(name, alias, country):
    return {"name": name, "aliases": [alias], "country": country, "kind": "person"}


TINY_GOLD = [  # the tiny_out fixture's stories, coded by hand
    {"doc": "a", "sentence": "Lecornu phoned Shoigu on Wednesday.", "actor": person("Sebastien Lecornu", "Lecornu", "FRA"),
     "action": "CONSULT", "mode": "phone", "target": person("Sergei Shoigu", "Shoigu", "RUS"), "date": "2024-04-03",
     "source": None, "status": "asserted", "required": True},
    {"doc": "a", "sentence": "They last spoke in October 2022.", "actor": person("Sebastien Lecornu", "Lecornu", "FRA"),
     "action": "CONSULT", "mode": None, "target": person("Sergei Shoigu", "Shoigu", "RUS"), "date": "2022-10",
     "source": None, "status": "asserted", "required": True},
    {"doc": "b", "sentence": "Paris denied it.", "actor": {"name": "France", "country": "FRA", "kind": "state"},
     "action": "REJECT", "mode": None, "target": {"name": "Russia", "country": "RUS", "kind": "state"},
     "date": None, "source": None, "status": "asserted", "required": True},
    {"doc": "b", "sentence": "Paris denied it.", "actor": {"name": "France", "country": "FRA", "kind": "state"},
     "action": "ACCUSE", "mode": None, "target": {"name": "Russia", "country": "RUS", "kind": "state"},
     "date": None, "source": None, "status": "asserted", "required": True},
]


def test_score_command_on_the_store_and_on_a_table(tiny_out: Path, tmp_path: Path) -> None:
    folder = write_gold(tmp_path / "gold", ["a", "b"], TINY_GOLD)
    result = CliRunner().invoke(app, ["score", str(folder), "--out", str(tiny_out), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    # doc b: the 2024 call (no gold event) and the claimed offer (none either) are false positives
    assert (summary["tp"], summary["fp"], summary["fn"]) == (3, 2, 1)
    assert (summary["precision"], summary["recall"], summary["date_accuracy"]) == (0.6, 0.75, 1.0)
    rows = CliRunner().invoke(app, ["events", "--out", str(tiny_out)]).stdout
    (tmp_path / "events.jsonl").write_text(rows, encoding="utf-8")
    table = CliRunner().invoke(app, ["score", str(folder), "--events", str(tmp_path / "events.jsonl"), "--verbose"])
    assert table.exit_code == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[1].split() == ["a", "2", "0", "0"] and lines[2].split() == ["b", "1", "2", "1"]
    assert "precision 0.600  recall 0.750  F1 0.667" in table.stdout
    assert any(l.startswith("MISS b: France ACCUSE Russia") for l in lines)


def test_score_command_reports_bad_gold_and_an_unbuilt_store(tiny_out: Path, tmp_path: Path) -> None:
    folder = write_gold(tmp_path / "other", ["x1"], [])
    result = CliRunner().invoke(app, ["score", str(folder), "--out", str(tiny_out)])
    assert result.exit_code == 1 and "holds none of the 1 documents" in result.stderr and "newskg build" in result.stderr
    (folder / "gold.jsonl").write_text('{"doc": "x1"}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError, match="gold.jsonl:1: missing 'sentence'"):
        read_gold(folder)
    (folder / "gold.jsonl").write_text(json.dumps({**TINY_GOLD[0], "action": "DEMAND"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(folder), "--out", str(tiny_out)])
    assert result.exit_code == 2 and "gold.jsonl:1: 'action' 'DEMAND' is not a PLOVER type" in result.stderr
    (folder / "gold.jsonl").unlink()
    result = CliRunner().invoke(app, ["score", str(folder), "--out", str(tiny_out)])
    assert result.exit_code == 2 and "gold.jsonl: no such file" in result.stderr and "Traceback" not in result.stderr
