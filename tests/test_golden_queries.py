"""Golden answers: every named query on the stories of ``tests/golden_border.py``, with rows written by hand.

Each expected row was worked out by reading the texts in ``golden_border.py`` (and the resolution rules of
``docs/MODEL.md``: the 7 March call told by three documents is one event, undated reports are one event
per document), not by running the queries.  Rows are compared exactly: the whole row set, in order where
the query promises one.  Lists the queries join with ", " (outlets, sources, documents, statuses) have no
order in SPARQL and are compared as sets.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

from newskg.build import store_path
from newskg.graph import Store, mention_iri
from newskg.graph.named import run_named

sys.path.insert(0, str(Path(__file__).parent))
from golden_border import golden_corpus, golden_store  # noqa: E402

JOINED = {"outlets", "attributedTo", "documents", "statuses", "status"}


@pytest.fixture(scope="module")
def golden_out(tmp_path_factory) -> Path:
    return golden_store(tmp_path_factory.mktemp("golden"))


def _rows(out: Path, name: str, columns: tuple[str, ...], **params: str) -> list[tuple]:
    with Store(store_path(out), read_only=True) as store:
        text = run_named(store, name, "csv", **params)
    rows = list(csv.DictReader(io.StringIO(text)))
    return [tuple(frozenset(r[c].split(", ")) - {""} if c in JOINED else r[c] for c in columns) for r in rows]


def _mention(doc: str, start_of: str, action: str) -> str:
    """The IRI of the hand-built record of ``doc`` whose sentence starts with ``start_of``."""
    (hit,) = [ev for d, evs in golden_corpus() if d.id == doc for ev in evs
              if ev.sentence.startswith(start_of) and ev.action == action]
    return str(mention_iri(hit))


# --- claims-denials ------------------------------------------------------------------------------

CLAIM_COLUMNS = ("doc", "type", "mode", "actorLabel", "recipientLabel", "claimDate", "claimant", "claimSentence",
                 "denier", "denialSource", "denialDate", "denialSentence")
TALKS = "Moscow said the two ministers discussed a new fisheries deal during the call, which Oslo denied."
ACCUSED = "Markov accused Norway of militarising the Arctic."
TROOPS_LP = "Chilean Defence Minister Raul Pizarro said Argentina had moved troops to the border in January."
TROOPS_SS = "Aravena said Argentina had moved troops to the border last month."
AGREED_NW = "Russia said Norway had agreed to reopen the Storskog border crossing."
AGREED_TP = "Russia also claimed that Norway had agreed to reopen the Storskog crossing."
DETAINED = "Russian border guards may have detained a Norwegian fisherman last month."

#: One row per (claim, denial) pair, or per claim no denial answers, by document and place in it.
CLAIMS = [
    # Moscow's claim about the call is a claimed report of the (asserted) call itself: the claim is
    # that report, once, with Russia as its source, and Oslo's denial in the same sentence
    ("bd-2", "CONSULT", "phone", "Oleg Markov", "Ingrid Dahl", "2024-03", "Russia", TALKS,
     "Norway", "", "", TALKS),
    # an accusation in the outlet's own voice: the accuser makes the claim
    ("bd-2", "ACCUSE", "allege", "Oleg Markov", "Norway", "", "Oleg Markov", ACCUSED,
     "Ingrid Dahl", "Norwegian Foreign Ministry", "",
     "Dahl rejected the accusation as baseless, according to the Norwegian foreign ministry."),
    ("lp-1", "MOBILIZE", "troops", "Argentina", "Chile", "2025-01", "Raul Pizarro", TROOPS_LP,
     "Argentina", "", "", "Buenos Aires called the claim absurd."),
    # one claim, two denials: two rows
    ("nw-1", "AGREE", "", "Norway", "Russia", "", "Russia", AGREED_NW, "Norway", "", "", "Oslo denied it."),
    ("nw-1", "AGREE", "", "Norway", "Russia", "", "Russia", AGREED_NW,
     "Ingrid Dahl", "", "", "Dahl later told reporters the Russian account was false."),
    # the same claims told again where nothing denies them
    ("ss-2", "MOBILIZE", "troops", "Argentina", "Chile", "2025-01", "Tomas Aravena", TROOPS_SS, "", "", "", ""),
    ("tp-3", "AGREE", "", "Norway", "Russia", "", "Russia", AGREED_TP, "", "", "", ""),
    # hedged, on no one's word: no claimant (not every actor of the document)
    ("tp-3", "COERCE", "arrest", "Russia", "Norway", "2024-02", "", DETAINED, "", "", "", ""),
]


def test_claims_denials_golden(golden_out) -> None:
    assert _rows(golden_out, "claims-denials", CLAIM_COLUMNS) == CLAIMS


def test_claims_denials_names_the_mentions(golden_out) -> None:
    rows = _rows(golden_out, "claims-denials", ("claimSentence", "claim", "denial"))
    assert rows[0] == (TALKS, _mention("bd-2", "Moscow said", "CONSULT"), _mention("bd-2", "Moscow said", "REJECT"))
    assert rows[3][1:] == (_mention("nw-1", "Russia said", "AGREE"), _mention("nw-1", "Oslo denied", "REJECT"))
    assert rows[-1][1:] == (_mention("tp-3", "Russian border", "COERCE"), "")


def test_claims_denials_claimant_is_the_source_of_the_claim(golden_out) -> None:
    """Issue 13: an unbound source left ``?claimant`` to range over every labelled actor, and the asserted
    call was listed as the claim once per report of it (22 rows here, where 8 are right)."""
    rows = _rows(golden_out, "claims-denials", ("claimSentence", "claimant", "denialSentence"))
    assert sorted(rows) == sorted((r[7], r[6], r[11]) for r in CLAIMS)


@pytest.mark.parametrize("actor, claims", [
    ("Aravena", [TROOPS_SS]),                                     # the claimant
    ("Pizarro", [TROOPS_LP]),                                     # the claimant
    ("Ingrid Dahl", [TALKS, ACCUSED, AGREED_NW, AGREED_NW]),      # in a claim, or denying one: all its denials
    ("Norwegian Foreign Ministry", [ACCUSED]),                    # the source of a denial
    ("Russia", [TALKS, AGREED_NW, AGREED_NW, AGREED_TP, DETAINED]),
])
def test_claims_denials_actor(golden_out, actor, claims) -> None:
    assert [r[0] for r in _rows(golden_out, "claims-denials", ("claimSentence",), actor=actor)] == claims


# --- contact-history and the date range ----------------------------------------------------------

CONTACT_COLUMNS = ("date", "mode", "actor", "recipient", "reports", "outlets", "attributedTo", "documents")
F = frozenset
DAHL_MARKOV = [
    ("2022", "", "Ingrid Dahl", "Oleg Markov", "1", F(), F(), F({"tp-3"})),
    ("2023-09", "", "Ingrid Dahl", "Oleg Markov", "1", F({"Nordic Wire"}), F(), F({"nw-1"})),
    # three documents, one without an outlet, one in its own voice: the others still show
    ("2024-03-07", "phone", "Ingrid Dahl", "Oleg Markov", "3", F({"Nordic Wire", "Barents Daily"}),
     F({"Norwegian Foreign Ministry", "Russian Foreign Ministry", "Russia"}), F({"nw-1", "bd-2", "tp-3"})),
    ("", "multilateral", "Ingrid Dahl", "Oleg Markov", "1", F({"Barents Daily"}), F(), F({"bd-2"})),
]


def test_contact_history_golden(golden_out) -> None:
    assert _rows(golden_out, "contact-history", CONTACT_COLUMNS, a="Dahl", b="Markov") == DAHL_MARKOV
    # the visit that did not happen is no contact; lp-1 tells the call in its own voice
    assert _rows(golden_out, "contact-history", CONTACT_COLUMNS, a="Tomas Aravena", b="Ferreyra") == [
        ("2025-02-12", "phone", "Lucia Ferreyra", "Tomas Aravena", "2", F({"La Plata Herald", "Santiago Sur"}),
         F({"Chilean Foreign Ministry"}), F({"lp-1", "ss-2"}))]


def test_contact_history_sources_and_outlets_are_not_blanked(golden_out) -> None:
    """Issue 15.2: one unbound outlet or source made GROUP_CONCAT an error and the whole column empty."""
    (call,) = [r for r in _rows(golden_out, "contact-history", ("date", "outlets", "attributedTo"),
                                a="Dahl", b="Markov") if r[0] == "2024-03-07"]
    assert call[1:] == (F({"Nordic Wire", "Barents Daily"}),
                        F({"Norwegian Foreign Ministry", "Russian Foreign Ministry", "Russia"}))


RANGES = [  # (since, until) -> the Dahl-Markov contacts kept, undated last
    ({"since": "2023-09-15"}, ["2023-09", "2024-03-07", ""]),      # part of September 2023 is in range
    ({"until": "2023"}, ["2022", "2023-09", ""]),                  # the undated meeting cannot be placed outside
    ({"since": "2022-06", "until": "2023-12-31"}, ["2022", "2023-09", ""]),
    ({"since": "2024-03-07", "until": "2024-03-07"}, ["2024-03-07", ""]),
    ({"since": "2024-03-08"}, [""]),
    ({"until": "2021-12"}, [""]),
]


@pytest.mark.parametrize("bounds, dates", RANGES)
def test_contact_history_date_range_is_the_contacts_one(golden_out, bounds, dates) -> None:
    """Issue 15.6: the query and ``newskg contacts`` keep the same contacts for the same range."""
    from newskg.graph.contacts import contact_history
    from newskg.graph.network import actor_network

    assert [r[0] for r in _rows(golden_out, "contact-history", ("date",), a="Dahl", b="Markov", **bounds)] == dates
    with Store(store_path(golden_out), read_only=True) as store:
        h = contact_history(actor_network(store), "Dahl", "Markov", **bounds)
    assert [c.date or "" for c in h.contacts] == dates


# --- actor-timeline ------------------------------------------------------------------------------

TIMELINE_COLUMNS = ("date", "role", "type", "mode", "counterpart", "reports", "status")
DAHL_TIMELINE = [
    ("2022", "actor", "CONSULT", "", "Oleg Markov", "1", F({"asserted"})),
    ("2023-09", "actor", "CONSULT", "", "Oleg Markov", "1", F({"asserted"})),
    ("2024-03-07", "actor", "CONSULT", "phone", "Oleg Markov", "3", F({"asserted", "claimed"})),
]
DAHL_UNDATED = {
    ("", "actor", "CONSULT", "multilateral", "Oleg Markov", "1", F({"asserted"})),
    ("", "actor", "REJECT", "", "Russia", "1", F({"asserted"})),          # nw-1: the Russian account was false
    ("", "actor", "REJECT", "", "Oleg Markov", "1", F({"asserted"})),     # bd-2: rejected the accusation
}


def test_actor_timeline_golden(golden_out) -> None:
    rows = _rows(golden_out, "actor-timeline", TIMELINE_COLUMNS, actor="Ingrid Dahl")
    assert rows[:3] == DAHL_TIMELINE and set(rows[3:]) == DAHL_UNDATED and len(rows) == 6
    norway = _rows(golden_out, "actor-timeline", TIMELINE_COLUMNS, actor="Norway")
    assert norway[0] == ("2024-02", "recipient", "COERCE", "arrest", "Russia", "1", F({"claimed"}))
    assert sorted(norway[1:]) == sorted([
        ("", "actor", "AGREE", "", "Russia", "1", F({"claimed"})),         # nw-1
        ("", "actor", "AGREE", "", "Russia", "1", F({"claimed"})),         # tp-3 (undated: not merged)
        ("", "actor", "REJECT", "", "Russia", "1", F({"asserted"})),       # nw-1: Oslo denied it
        ("", "actor", "REJECT", "", "Russia", "1", F({"asserted"})),       # bd-2: which Oslo denied
        ("", "recipient", "ACCUSE", "allege", "Oleg Markov", "1", F({"asserted"})),
    ])


@pytest.mark.parametrize("bounds, dates", RANGES)
def test_actor_timeline_date_range(golden_out, bounds, dates) -> None:
    rows = _rows(golden_out, "actor-timeline", ("date", "type"), actor="Dahl", **bounds)
    dated = [d for d in dates if d]
    assert [d for d, _ in rows if d] == dated and len(rows) == len(dated) + len(DAHL_UNDATED)


# --- multi-source, document-events, actors -------------------------------------------------------

MULTI_COLUMNS = ("type", "date", "actorLabel", "recipientLabel", "reports", "documents", "outlets", "statuses")


def test_multi_source_golden(golden_out) -> None:
    """Issue 15.2 too: tp-3 has no outlet, and the 7 March call's outlets were blank."""
    assert _rows(golden_out, "multi-source", MULTI_COLUMNS) == [
        ("CONSULT", "2024-03-07", "Ingrid Dahl", "Oleg Markov", "3", F({"nw-1", "bd-2", "tp-3"}),
         F({"Nordic Wire", "Barents Daily"}), F({"asserted", "claimed"})),
        ("MOBILIZE", "2025-01", "Argentina", "Chile", "2", F({"lp-1", "ss-2"}), F({"La Plata Herald", "Santiago Sur"}),
         F({"claimed"})),
        ("CONSULT", "2025-02-12", "Lucia Ferreyra", "Tomas Aravena", "2", F({"lp-1", "ss-2"}),
         F({"La Plata Herald", "Santiago Sur"}), F({"asserted"})),
    ]
    assert _rows(golden_out, "multi-source", ("reports",), min="3") == [("3",)]
    # every event once: 21 reports of 16 events (the 7 March call told four times in three documents, the
    # Argentine-Chilean call and the troops claim twice each)
    everything = _rows(golden_out, "multi-source", ("reports",), min="1")
    assert len(everything) == 16 and sorted(int(r[0]) for r in everything)[-3:] == [2, 2, 3]


DOC_COLUMNS = ("start", "type", "mode", "actorLabel", "recipientLabel", "date", "statusName", "source")


def test_document_events_golden(golden_out) -> None:
    """What bd-2 says, not what the graph resolved: Markov first, and "early March" (the event itself is
    Dahl's call of 7 March)."""
    assert _rows(golden_out, "document-events", DOC_COLUMNS, doc="bd-2") == [
        ("0", "CONSULT", "phone", "Oleg Markov", "Ingrid Dahl", "2024-03", "asserted", "Russian Foreign Ministry"),
        ("115", "CONSULT", "phone", "Oleg Markov", "Ingrid Dahl", "2024-03", "claimed", "Russia"),
        ("115", "REJECT", "", "Norway", "Russia", "", "asserted", ""),
        ("212", "ACCUSE", "allege", "Oleg Markov", "Norway", "", "asserted", ""),
        ("262", "REJECT", "", "Ingrid Dahl", "Oleg Markov", "", "asserted", "Norwegian Foreign Ministry"),
        ("349", "CONSULT", "multilateral", "Ingrid Dahl", "Oleg Markov", "", "asserted", ""),
    ]
    assert _rows(golden_out, "document-events", ("type", "statusName"), doc="lp-1") == [
        ("CONSULT", "negated"), ("CONSULT", "asserted"), ("MOBILIZE", "claimed"), ("REJECT", "asserted")]


def test_actors_golden(golden_out) -> None:
    wd = "http://www.wikidata.org/entity/"
    assert _rows(golden_out, "actors", ("label", "kind", "country", "wikidata", "events")) == [
        ("Ingrid Dahl", "Person", "NOR", "", "6"),
        ("Norway", "State", "NOR", wd + "Q20", "6"),
        ("Oleg Markov", "Person", "RUS", "", "6"),
        ("Russia", "State", "RUS", wd + "Q159", "6"),
        ("Argentina", "State", "ARG", wd + "Q414", "2"),
        ("Lucia Ferreyra", "Person", "ARG", "", "2"),
        ("Tomas Aravena", "Person", "CHL", "", "2"),
        ("Chile", "State", "CHL", wd + "Q298", "1"),
        ("Raul Pizarro", "Person", "CHL", "", "1"),
        # sources only: no event of their own
        ("Chilean Foreign Ministry", "Organization", "CHL", "", "0"),
        ("Norwegian Foreign Ministry", "Organization", "NOR", "", "0"),
        ("Russian Foreign Ministry", "Organization", "RUS", "", "0"),
    ]


# --- with the real extractor ---------------------------------------------------------------------

@pytest.mark.model
def test_claims_denials_on_the_examples(example_out) -> None:
    """On the bundled examples read by the model: Moscow's claim that the ministers discussed Ukraine and
    France's denial, in their own sentences; and every row honest by construction (its claimant is the
    claim's source or, for an accusation in the outlet's voice, the accuser; its denial answers that claim)."""
    from newskg.graph import events_from_store

    with Store(store_path(example_out), read_only=True) as store:
        rows = list(csv.DictReader(io.StringIO(run_named(store, "claims-denials", "csv"))))
        records = list(events_from_store(store))
    assert {"doc": "ministers-call-2024", "claimant": "Russia",
            "claimSentence": "Moscow said the two ministers also discussed the war in Ukraine.", "denier": "France",
            "denialSentence": "The French side denied that account, saying that no talks on Ukraine were proposed."
            }.items() <= next(r for r in rows if r["denier"] == "France" and r["doc"] == "ministers-call-2024").items()
    assert len({(r["claim"], r["denial"]) for r in rows}) == len(rows)

    def record(doc: str, sentence: str, action: str, actor: str):
        (hit,) = [ev for ev in records
                  if (ev.doc, ev.sentence, ev.action, ev.actor.name) == (doc, sentence, action, actor)]
        return hit

    for r in rows:
        claim = record(r["doc"], r["claimSentence"], r["type"], r["actorLabel"])
        who = claim.source or (claim.actor if claim.action == "ACCUSE" else None)
        assert r["claimant"] == (who.name if who else ""), r
        assert claim.status == "claimed" or claim.mode == "allege" or r["denial"], r
        if r["denial"]:
            assert record(r["doc"], r["denialSentence"], "REJECT", r["denier"]).denies == claim, r
