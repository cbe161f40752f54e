"""Finding an actor by what a user types (issue 15, faults 1 and 7), on the golden standoff corpus of
``tests/golden.py`` (no model needed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newskg.errors import ConfigError, QueryError
from newskg.graph import Store
from newskg.graph.lookup import match_actors, selector
from newskg.graph.network import actor_network, find_actor

sys.path.insert(0, str(Path(__file__).parent))
from golden import STANDOFF, load  # noqa: E402

ID = "https://w3id.org/newskg/id/actor/"
ORLOV, FRANCE, RUSSIA = ID + "person/RUS/pavel-orlov", ID + "state/FRA", ID + "state/RUS"
PROT_FRA, PROT_GEO = ID + "group/FRA/protesters", ID + "group/GEO/protesters"


@pytest.fixture(scope="module")
def G():
    with Store(None) as store:
        load(STANDOFF, store)
        return actor_network(store)


def test_names_are_found_by_their_structure_accents_and_case(G) -> None:
    nunez = ID + "person/MEX/jose-luis-nunez-ortega"
    for name in ("José Luis Núñez Ortega", "Nunez Ortega", "núñez ortega", "Ortega", "NUNEZ ORTEGA", nunez,
                 "nkgid:actor/person/MEX/jose-luis-nunez-ortega", "Minister Nunez Ortega"):
        assert find_actor(G, name) == nunez, name
    assert find_actor(G, "Wang") == ID + "person/CHN/wang-lei"  # family name first
    assert find_actor(G, "RUS") == RUSSIA and find_actor(G, "france") == FRANCE
    assert find_actor(G, "Orlov") == ORLOV and find_actor(G, "Mr. Orlov") == ORLOV
    assert find_actor(G, "Defence Ministry") == ID + "org/RUS/russian-defence-ministry"  # words of a name


def test_a_typo_never_suggests_a_state_for_a_person(G) -> None:
    with pytest.raises(QueryError) as err:
        find_actor(G, "Nunez Ortga")
    assert err.value.hint == "did you mean: José Luis Núñez Ortega"
    with pytest.raises(QueryError) as err:  # issue 15: the old look-up suggested "Lebanon" for this
        find_actor(G, "Lopez Obrador")
    assert "Lebanon" not in str(err.value) and "newskg query --name actors" in err.value.hint
    for name in ("Lebanon Ortga", "Lebannon"):  # a state's name is still suggested for a state's
        with pytest.raises(QueryError) as err:
            find_actor(G, name)
        assert "Lebanon" in err.value.hint, name


@pytest.mark.parametrize("name, candidates", [
    ("Protesters", {PROT_FRA: "Protesters (FRA)", PROT_GEO: "Protesters (GEO)"}),
    ("Beridze", {ID + "person/GEO/irakli-beridze": "Irakli Beridze", ID + "person/GEO/nino-beridze": "Nino Beridze"}),
])
def test_an_ambiguous_name_lists_candidates_that_can_be_given_back(G, name, candidates) -> None:
    with pytest.raises(QueryError) as err:
        find_actor(G, name)
    message = str(err.value)
    assert f"{name!r} matches 2 actors" in message
    for iri, written in candidates.items():
        assert f"{written} [" in message and "events" in message
        assert find_actor(G, written) == iri


def test_every_actor_has_a_selector_that_finds_it_alone(G) -> None:
    """Whatever the graph, each candidate a message lists can be given back."""
    for n in G:
        assert match_actors(G, selector(G, n)) == [n]


def test_country_option_chooses_among_namesakes(G) -> None:
    assert find_actor(G, "Protesters", country="GEO") == PROT_GEO
    assert find_actor(G, "Protesters (FRA)") == PROT_FRA
    with pytest.raises(QueryError):
        find_actor(G, "Protesters", country="RUS")
    with pytest.raises(ConfigError):
        find_actor(G, "Protesters", country="Georgia")


def test_a_surname_left_as_written_is_listed_with_the_full_names_it_fits() -> None:
    """Resolution keeps an ambiguous surname as written ("Moon" beside Moon Jae-in and Ban Ki-moon): asking for
    it lists it with Moon Jae-in, never with Ban Ki-moon."""
    import networkx as nx

    H = nx.MultiDiGraph()
    for iri, label, country in [("p/moon", "Moon", None), ("p/moon-jae-in", "Moon Jae-in", "KOR"),
                                ("p/ban-ki-moon", "Ban Ki-moon", "KOR")]:
        H.add_node(iri, label=label, kind="person", country=country, aliases=set(), events=1)
    assert match_actors(H, "Moon") == ["p/moon", "p/moon-jae-in"]
    assert find_actor(H, "Ban") == "p/ban-ki-moon" and find_actor(H, "Moon Jae In") == "p/moon-jae-in"
    assert [selector(H, n) for n in sorted(H)] == ["Ban Ki-moon", "p/moon", "Moon Jae-in"]


def test_the_named_queries_look_up_shows_event_counts_too() -> None:
    """``actor_nodes`` (what named queries use) counts events only for the message of an ambiguous name."""
    from newskg.graph.network import actor_nodes

    with Store(None) as store:
        load(STANDOFF, store)
        nodes = actor_nodes(store)
        assert find_actor(nodes, "Orlov") == ORLOV
        with pytest.raises(QueryError) as err:
            find_actor(nodes, "Protesters")
    assert "Protesters (GEO) [group, GEO, 2 events, nkgid:actor/group/GEO/protesters]" in str(err.value)
