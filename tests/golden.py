"""Golden corpora for the analysis commands: short news stories of our own, coded by hand.

Each story is written below with the events a careful PLOVER coder records
(``/work/shared/eval/PLOVER-notes.md``) as :class:`newskg.records.Event`
records, sentence by sentence, so that a reader can check every record
against its text.  The persons are invented; the states are real.  No model
is involved: the records go through ``document_graph``, the store and
``resolve``, as a build's would.

The expected answers live in ``tests/test_answers.py``, written by hand
from these texts.

THE STANDOFF: three outlets tell one week of a Franco-Russian standoff
differently.  Wire One and Gazette Three report Wednesday's phone call of the
defence ministers (Daily Two has it from Moscow, naming Orlov first); all
three re-mention their call of October 2022 or the one of Wednesday; Moscow
claims an agreement that Paris denies; Orlov's accusation is rejected; two
contacts are said never to have happened; protesters in Paris and in Tbilisi
are two different groups; two Georgian politicians share a surname.
"""

from __future__ import annotations

from datetime import date

from newskg.records import Actor, Document, Event

FRA = Actor("France", kind="state", country="FRA")
RUS = Actor("Russia", kind="state", country="RUS")
LBN = Actor("Lebanon", kind="state", country="LBN")
DUMONT = Actor("Claire Dumont", kind="person", country="FRA", aliases=("Dumont",))
ORLOV = Actor("Pavel Orlov", kind="person", country="RUS", aliases=("Orlov",))
VOLKOV = Actor("Dmitri Volkov", kind="person", country="RUS", aliases=("Volkov",))
LEFEVRE = Actor("Marc Lefevre", kind="person", country="FRA", aliases=("Lefevre",))
MARCHENKO = Actor("Oleh Marchenko", kind="person", country="UKR")
NUNEZ = Actor("José Luis Núñez Ortega", kind="person", country="MEX")
WANG = Actor("Wang Lei", kind="person", country="CHN")
I_BERIDZE = Actor("Irakli Beridze", kind="person", country="GEO")
N_BERIDZE = Actor("Nino Beridze", kind="person", country="GEO")
PROTESTERS_FRA = Actor("Protesters", kind="group", country="FRA")
PROTESTERS_GEO = Actor("Protesters", kind="group", country="GEO")
RU_MOD = Actor("Russian Defence Ministry", kind="organization", country="RUS")


def _doc(doc_id: str, outlet: str, published: date, sentences: list[str]) -> tuple[Document, list[str]]:
    return Document(doc_id, " ".join(sentences), published, outlet=outlet, title=sentences[0]), sentences


def _ev(doc: tuple[Document, list[str]], i: int, actor: Actor, action: str, target: Actor | None = None,
        date_: str | None = None, mode: str | None = None, *, status: str = "asserted", source: Actor | None = None,
        trigger: str = "", denies: Event | None = None) -> Event:
    """The event of sentence ``i`` of ``doc``."""
    d, sentences = doc
    start = d.text.index(sentences[i])
    return Event(d.id, sentences[i], start, start + len(sentences[i]), actor, action, mode, target, date_,
                 source=source, status=status, trigger=trigger or action.lower(), denies=denies)


WIRE = _doc("wire-1", "Wire One", date(2024, 4, 4), [
    "French Defence Minister Claire Dumont spoke by phone with her Russian counterpart Pavel Orlov on Wednesday.",
    "The two ministers last spoke in October 2022.",
    "In the call, Orlov accused France of training Ukrainian drone crews, according to the Russian defence ministry.",
    "Dumont rejected the accusation during the call.",
])
_orlov_accuses = _ev(WIRE, 2, ORLOV, "ACCUSE", FRA, "2024-04-03", source=RU_MOD, trigger="accused")
WIRE_EVENTS = [
    _ev(WIRE, 0, DUMONT, "CONSULT", ORLOV, "2024-04-03", "phone", trigger="spoke by phone"),
    _ev(WIRE, 1, DUMONT, "CONSULT", ORLOV, "2022-10", trigger="spoke"),
    _orlov_accuses,
    _ev(WIRE, 3, DUMONT, "REJECT", ORLOV, "2024-04-03", trigger="rejected", denies=_orlov_accuses),
]

DAILY = _doc("daily-2", "Daily Two", date(2024, 4, 5), [
    "Pavel Orlov and Claire Dumont held a telephone conversation on April 3, Moscow said.",
    "According to the Kremlin, the two ministers also agreed to keep a line of communication open.",
    "Paris denied that any such agreement was reached.",
    "Dumont and Orlov have never met in person, French officials said.",
    "In Tbilisi, protesters rallied outside parliament against Russia on Thursday.",
    "Georgian Prime Minister Irakli Beridze condemned the protesters, and opposition leader Nino Beridze "
    "condemned the prime minister.",
])
_kremlin_claims = _ev(DAILY, 1, ORLOV, "AGREE", DUMONT, "2024-04-03", status="claimed", source=RUS, trigger="agreed")
DAILY_EVENTS = [
    _ev(DAILY, 0, ORLOV, "CONSULT", DUMONT, "2024-04-03", "phone", source=RUS, trigger="held a telephone conversation"),
    _kremlin_claims,
    _ev(DAILY, 2, FRA, "REJECT", RUS, trigger="denied", denies=_kremlin_claims),
    _ev(DAILY, 3, DUMONT, "CONSULT", ORLOV, status="negated", source=FRA, trigger="met"),
    _ev(DAILY, 4, PROTESTERS_GEO, "PROTEST", RUS, "2024-04-04", "demo", trigger="rallied"),
    _ev(DAILY, 5, I_BERIDZE, "ACCUSE", PROTESTERS_GEO, trigger="condemned"),
    _ev(DAILY, 5, N_BERIDZE, "ACCUSE", I_BERIDZE, trigger="condemned the prime minister"),
]

GAZETTE = _doc("gazette-3", "Gazette Three", date(2024, 4, 6), [
    "The call between Dumont and Orlov on Wednesday was their first since October 2022.",
    "Russian President Dmitri Volkov and French President Marc Lefevre spoke by phone in September 2022.",
    "Volkov threatened France with retaliation on Friday.",
    "France summoned the Russian ambassador in protest the same day.",
    "On Friday, Lefevre accused Russia of spreading misinformation, and Russia accused France of meddling.",
    "Volkov has never spoken to Ukrainian President Oleh Marchenko, the Kremlin said.",
    "Russia announced military drills near its western border.",
    "Thousands of protesters marched in Paris on Saturday against the government's pension plan.",
    "Mexican Foreign Minister José Luis Núñez Ortega visited Lefevre in Paris on Friday.",
    "Lebanon thanked France for its aid.",
    "Chinese Foreign Minister Wang Lei called for calm.",
])
GAZETTE_EVENTS = [
    _ev(GAZETTE, 0, DUMONT, "CONSULT", ORLOV, "2024-04-03", "phone", trigger="call"),
    _ev(GAZETTE, 0, DUMONT, "CONSULT", ORLOV, "2022-10", trigger="first since"),
    _ev(GAZETTE, 1, VOLKOV, "CONSULT", LEFEVRE, "2022-09", "phone", trigger="spoke by phone"),
    _ev(GAZETTE, 2, VOLKOV, "THREATEN", FRA, "2024-04-05", trigger="threatened"),
    _ev(GAZETTE, 3, FRA, "ACCUSE", RUS, "2024-04-05", "disapprove", trigger="summoned"),
    _ev(GAZETTE, 4, LEFEVRE, "ACCUSE", RUS, "2024-04-05", trigger="accused"),
    _ev(GAZETTE, 4, RUS, "ACCUSE", FRA, "2024-04-05", trigger="accused France"),
    _ev(GAZETTE, 5, VOLKOV, "CONSULT", MARCHENKO, status="negated", source=RUS, trigger="spoken"),
    _ev(GAZETTE, 6, RUS, "MOBILIZE", None, None, "troops", trigger="drills"),
    _ev(GAZETTE, 7, PROTESTERS_FRA, "PROTEST", FRA, "2024-04-06", "demo", trigger="marched"),
    _ev(GAZETTE, 8, NUNEZ, "CONSULT", LEFEVRE, "2024-04-05", "visit", trigger="visited"),
    _ev(GAZETTE, 9, LBN, "SUPPORT", FRA, trigger="thanked"),
    _ev(GAZETTE, 10, WANG, "REQUEST", trigger="called for"),
]

#: The standoff: (document, events) for each of the three outlets.
STANDOFF = [(WIRE[0], WIRE_EVENTS), (DAILY[0], DAILY_EVENTS), (GAZETTE[0], GAZETTE_EVENTS)]


def load(corpus, store) -> None:
    """Put a corpus into a store and resolve it, as ``newskg build`` does."""
    from newskg.graph import document_graph, resolve

    for doc, events in corpus:
        store.replace_document(document_graph(doc, events))
    resolve(store)
