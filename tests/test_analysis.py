"""networkx views built from the RDF graph, the analyses, and the commands that print them (no model)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))

from synthetic_network import build_store  # noqa: E402

from newskg.build import store_path
from newskg.cli import app
from newskg.graph import Store
from newskg.graph.analysis import balance, contested_claims, key_actors, reciprocity
from newskg.graph.contacts import contact_history, pair_history
from newskg.graph.network import actor_network, pair_network

runner = CliRunner()


def _G(out):
    with Store(store_path(out), read_only=True) as store:
        return actor_network(store)


def test_network_from_the_store(tiny_out) -> None:
    G = _G(tiny_out)
    labels = {d["label"] for _, d in G.nodes(data=True)}
    assert labels == {"Sebastien Lecornu", "Sergei Shoigu", "France", "Russia"}
    calls = [d for _, _, d in G.edges(data=True) if d["type"] == "CONSULT"]
    assert sorted(d["date"] for d in calls) == ["2022-10", "2024-04-03"]
    merged = next(d for d in calls if d["date"] == "2024-04-03")
    assert merged["docs"] == ("a", "b") and merged["mode"] == "phone" and merged["quad"] == "VerbalCooperation"
    P = pair_network(G)
    lec = next(n for n, d in G.nodes(data=True) if d["label"] == "Sebastien Lecornu")
    sho = next(n for n, d in G.nodes(data=True) if d["label"] == "Sergei Shoigu")
    assert P[lec][sho]["weight"] == 2


def test_contact_history_gap_and_officials(tiny_out) -> None:
    G = _G(tiny_out)
    h = contact_history(G, "Lecornu", "Shoigu")
    assert (h.first, h.last, h.modes) == ("2022-10", "2024-04-03", ("phone",))
    assert [g.text for g in h.gaps] == ["first contact since October 2022 (about 18 months)"]
    assert set(h.contacts[-1].sources) == set() and h.contacts[-1].docs == ("a", "b")
    assert contact_history(G, "France", "Russia").contacts == ()
    states = contact_history(G, "France", "Russia", include_officials=True)
    assert [c.date for c in states.contacts] == ["2022-10", "2024-04-03"]
    assert [c.date for c in contact_history(G, "Lecornu", "Shoigu", since="2023").contacts] == ["2024-04-03"]


def test_balance_key_actors_reciprocity_claims(tiny_out) -> None:
    G = _G(tiny_out)
    b = balance(G, "France", "Russia")
    # the asserted denial (conflict) counts; the claimed AGREE it denies is said apart
    assert (b.cooperation, b.conflict, b.undated, b.periods, b.score, b.claimed) == (0, 1, 1, (), -1.0, 1)
    b = balance(G, "France", "Russia", statuses=("asserted", "claimed"))
    assert (b.cooperation, b.conflict, b.undated, b.score) == (1, 1, 2, 0.0)
    ranked = key_actors(G, statuses="all")
    assert {k.label: (k.events, k.partners) for k in ranked} == {
        "Sebastien Lecornu": (2, 1), "Sergei Shoigu": (2, 1), "France": (2, 1), "Russia": (2, 1)}
    communities = {k.label: k.community for k in ranked}
    assert communities["Sebastien Lecornu"] == communities["Sergei Shoigu"] != communities["France"]
    recs = {(r.type, r.a, r.b): (r.a_to_b, r.b_to_a) for r in reciprocity(G)}
    assert recs == {("REJECT", "France", "Russia"): (1, 0)}  # calls have no direction
    claims = contested_claims(G)
    assert [(c.claim_type, c.actor, c.target, c.claimants) for c in claims] == [("AGREE", "France", "Russia", ("Russia",))]
    assert [d.denier for d in claims[0].denials] == ["France"]


def test_cli_contacts_shows_both_calls_and_gap(tiny_out) -> None:
    res = runner.invoke(app, ["contacts", "Lecornu", "Shoigu", "--out", str(tiny_out)])
    assert res.exit_code == 0, res.output
    assert "2022-10" in res.stdout and "2024-04-03" in res.stdout
    assert "first contact since October 2022" in res.stdout
    bad = runner.invoke(app, ["contacts", "Lecornu", "Nobody", "--out", str(tiny_out)])
    assert bad.exit_code == 6 and "no actor called 'Nobody'" in bad.output


def test_cli_actor_profile(tiny_out) -> None:
    res = runner.invoke(app, ["actor", "shoigu", "--out", str(tiny_out)])
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("iri: nkgid:actor/person/RUS/sergei-shoigu\nname: Sergei Shoigu\nkind: person\n")
    assert re.search(r"participant +CONSULT +asserted +Sebastien Lecornu .* 2 +2022-10 +2024-04-03", res.stdout)


def test_cli_report_and_viz_escape_text(tiny_out, tmp_path) -> None:
    res = runner.invoke(app, ["report", "--out", str(tiny_out), "--dest", str(tmp_path / "rep")])
    assert res.exit_code == 0, res.output
    md = (tmp_path / "rep" / "report.md").read_text("utf-8")
    for heading in ("## Key actors", "## Contact timelines", "## Relationship balance", "## Reciprocity",
                    "## Contested claims"):
        assert heading in md
    assert "denied by France" in md and "first contact since October 2022" in md
    assert (tmp_path / "rep" / "figures" / "contacts.png").read_bytes()[:4] == b"\x89PNG"
    assert "<Two>" not in md
    res = runner.invoke(app, ["viz", "--out", str(tiny_out), "-o", str(tmp_path / "g.html")])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "g.html").read_text("utf-8")
    assert not re.search(r"https?://(?!w3id\.org|www\.w3\.org)", page.split('id="newskg-data"')[0])



def test_a_pair_history_is_the_pairs_contact_history_in_the_whole_network() -> None:
    """The page and the report read pairs' histories from a graph of the pair alone: the same history as
    from the whole network, for every pair with events (a synthetic network of many actors)."""
    with Store(None) as store:
        build_store(store, 60)
        G = actor_network(store)
    pairs = sorted({tuple(sorted((u, v))) for u, v in G.edges() if u != v})
    assert len(pairs) > 20
    for u, v in pairs:
        assert pair_history(G, u, v) == contact_history(G, u, v)
        assert pair_history(G, v, u) == contact_history(G, v, u)
    assert sum(bool(contact_history(G, u, v).contacts) for u, v in pairs) >= 5
