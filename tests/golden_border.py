"""Golden corpora: short news stories of our own, told by several outlets, with the events a careful
PLOVER coder records for them (``../shared/eval/PLOVER-notes.md``), written by hand as records.

The texts are here beside their records so that a reader can check each one.  Tests load them with
:func:`golden_store` (``document_graph``, ``Store``, ``resolve``: no spaCy model), so what they check is
the graph and its queries, independent of how well the extractor reads.

Story 1, Norway and Russia (three documents):

* ``nw-1`` (Nordic Wire, Friday 8 March 2024): the foreign ministers' call on Thursday (7 March) on the
  Norwegian ministry's word; Russia's claim that Norway agreed to reopen a border crossing, denied twice
  (by Oslo, and by Dahl "later"); their previous call, September 2023.
* ``bd-2`` (Barents Daily, 9 March): the same call told from Moscow's side, Markov first and dated only
  "early March"; Moscow's claim that they discussed a fisheries deal during the call, which Oslo denied;
  Markov's accusation, rejected by Dahl on the Norwegian ministry's word; an undated meeting at Arctic
  Council sessions.
* ``tp-3`` (no outlet, 10 March): the call again, on no one's word; Russia's claim re-mentioned and not
  denied there; a hedged report that Russian border guards may have detained a Norwegian fisherman last
  month; the ministers' first meeting, in 2022.

Story 2, Argentina and Chile (two documents):

* ``lp-1`` (La Plata Herald, Friday 14 February 2025): a visit that did not happen; the ministers' call on
  12 February; a Chilean minister's claim that Argentina moved troops to the border in January, which
  Buenos Aires calls absurd.
* ``ss-2`` (Santiago Sur, Saturday 15 February): the call, on Wednesday (12 February), on the Chilean
  ministry's word; the troops claim again, by Aravena, not denied there.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newskg.records import Actor, Document, Event

__all__ = ["golden_corpus", "golden_store", "TEXTS"]

NOR = Actor("Norway", kind="state", country="NOR")
RUS = Actor("Russia", kind="state", country="RUS")
DAHL = Actor("Ingrid Dahl", kind="person", country="NOR", aliases=("Dahl",))
MARKOV = Actor("Oleg Markov", kind="person", country="RUS", aliases=("Markov",))
NOR_MFA = Actor("Norwegian Foreign Ministry", kind="organization", country="NOR")
RUS_MFA = Actor("Russian Foreign Ministry", kind="organization", country="RUS")

ARG = Actor("Argentina", kind="state", country="ARG")
CHL = Actor("Chile", kind="state", country="CHL")
FERREYRA = Actor("Lucia Ferreyra", kind="person", country="ARG", aliases=("Ferreyra",))
ARAVENA = Actor("Tomas Aravena", kind="person", country="CHL", aliases=("Aravena",))
PIZARRO = Actor("Raul Pizarro", kind="person", country="CHL", aliases=("Pizarro",))
CHL_MFA = Actor("Chilean Foreign Ministry", kind="organization", country="CHL")

#: The documents: id -> (outlet, publication date, text).
TEXTS = {
    "nw-1": ("Nordic Wire", date(2024, 3, 8),
             "Norwegian Foreign Minister Ingrid Dahl spoke by phone with her Russian counterpart Oleg Markov on "
             "Thursday, the Norwegian foreign ministry said. "
             "Russia said Norway had agreed to reopen the Storskog border crossing. "
             "Oslo denied it. "
             "Dahl later told reporters the Russian account was false. "
             "The two ministers last spoke in September 2023."),
    "bd-2": ("Barents Daily", date(2024, 3, 9),
             "Russia's Oleg Markov and Norway's Ingrid Dahl held a phone call in early March, the Russian "
             "foreign ministry said. "
             "Moscow said the two ministers discussed a new fisheries deal during the call, which Oslo denied. "
             "Markov accused Norway of militarising the Arctic. "
             "Dahl rejected the accusation as baseless, according to the Norwegian foreign ministry. "
             "Dahl and Markov have also met at Arctic Council sessions."),
    "tp-3": (None, date(2024, 3, 10),
             "Ingrid Dahl phoned Oleg Markov on March 7 to discuss fishing quotas. "
             "Russia also claimed that Norway had agreed to reopen the Storskog crossing. "
             "Russian border guards may have detained a Norwegian fisherman last month. "
             "Dahl and Markov first met in 2022."),
    "lp-1": ("La Plata Herald", date(2025, 2, 14),
             "Argentine Foreign Minister Lucia Ferreyra did not visit her Chilean counterpart Tomas Aravena in "
             "Santiago this week. "
             "Ferreyra and Aravena spoke by phone on February 12. "
             "Chilean Defence Minister Raul Pizarro said Argentina had moved troops to the border in January. "
             "Buenos Aires called the claim absurd."),
    "ss-2": ("Santiago Sur", date(2025, 2, 15),
             "Tomas Aravena and Lucia Ferreyra held a phone call on Wednesday, the Chilean foreign ministry said. "
             "Aravena said Argentina had moved troops to the border last month."),
}


def _doc(doc_id: str) -> Document:
    outlet, published, text = TEXTS[doc_id]
    return Document(doc_id, text, published, outlet=outlet, title=f"Story {doc_id}")


def _event(doc: Document, sentence: str, actor: Actor, action: str, mode: str | None, target: Actor | None,
           when: str | None, **kw) -> Event:
    start = doc.text.index(sentence)
    return Event(doc.id, sentence, start, start + len(sentence), actor, action, mode, target, when, **kw)


def golden_corpus() -> list[tuple[Document, list[Event]]]:
    """The five documents and their events, as a careful coder records them."""
    out = []

    d = _doc("nw-1")
    agreed = _event(d, "Russia said Norway had agreed to reopen the Storskog border crossing.", NOR, "AGREE", None,
                    RUS, None, source=RUS, status="claimed", trigger="agreed")
    out.append((d, [
        _event(d, "Norwegian Foreign Minister Ingrid Dahl spoke by phone with her Russian counterpart Oleg Markov on "
                  "Thursday, the Norwegian foreign ministry said.", DAHL, "CONSULT", "phone", MARKOV, "2024-03-07",
               source=NOR_MFA, trigger="spoke by phone"),
        agreed,
        _event(d, "Oslo denied it.", NOR, "REJECT", None, RUS, None, trigger="denied", denies=agreed),
        _event(d, "Dahl later told reporters the Russian account was false.", DAHL, "REJECT", None, RUS, None,
               trigger="false", denies=agreed),
        _event(d, "The two ministers last spoke in September 2023.", DAHL, "CONSULT", None, MARKOV, "2023-09",
               trigger="spoke"),
    ]))

    d = _doc("bd-2")
    talks = "Moscow said the two ministers discussed a new fisheries deal during the call, which Oslo denied."
    discussed = _event(d, talks, MARKOV, "CONSULT", "phone", DAHL, "2024-03", source=RUS, status="claimed",
                       trigger="discussed")
    accused = _event(d, "Markov accused Norway of militarising the Arctic.", MARKOV, "ACCUSE", "allege", NOR, None,
                     trigger="accused")
    out.append((d, [
        _event(d, "Russia's Oleg Markov and Norway's Ingrid Dahl held a phone call in early March, the Russian "
                  "foreign ministry said.", MARKOV, "CONSULT", "phone", DAHL, "2024-03", source=RUS_MFA,
               trigger="phone call"),
        discussed,
        _event(d, talks, NOR, "REJECT", None, RUS, None, trigger="denied", denies=discussed),
        accused,
        _event(d, "Dahl rejected the accusation as baseless, according to the Norwegian foreign ministry.", DAHL,
               "REJECT", None, MARKOV, None, source=NOR_MFA, trigger="rejected", denies=accused),
        _event(d, "Dahl and Markov have also met at Arctic Council sessions.", DAHL, "CONSULT", "multilateral",
               MARKOV, None, trigger="met"),
    ]))

    d = _doc("tp-3")
    out.append((d, [
        _event(d, "Ingrid Dahl phoned Oleg Markov on March 7 to discuss fishing quotas.", DAHL, "CONSULT", "phone",
               MARKOV, "2024-03-07", trigger="phoned"),
        _event(d, "Russia also claimed that Norway had agreed to reopen the Storskog crossing.", NOR, "AGREE", None,
               RUS, None, source=RUS, status="claimed", trigger="agreed"),
        _event(d, "Russian border guards may have detained a Norwegian fisherman last month.", RUS, "COERCE",
               "arrest", NOR, "2024-02", status="claimed", trigger="detained"),
        _event(d, "Dahl and Markov first met in 2022.", DAHL, "CONSULT", None, MARKOV, "2022", trigger="met"),
    ]))

    d = _doc("lp-1")
    troops = _event(d, "Chilean Defence Minister Raul Pizarro said Argentina had moved troops to the border in "
                       "January.", ARG, "MOBILIZE", "troops", CHL, "2025-01", source=PIZARRO, status="claimed",
                    trigger="moved troops")
    out.append((d, [
        _event(d, "Argentine Foreign Minister Lucia Ferreyra did not visit her Chilean counterpart Tomas Aravena in "
                  "Santiago this week.", FERREYRA, "CONSULT", "visit", ARAVENA, None, status="negated",
               trigger="visit"),
        _event(d, "Ferreyra and Aravena spoke by phone on February 12.", FERREYRA, "CONSULT", "phone", ARAVENA,
               "2025-02-12", trigger="spoke by phone"),
        troops,
        _event(d, "Buenos Aires called the claim absurd.", ARG, "REJECT", None, PIZARRO, None, trigger="absurd",
               denies=troops),
    ]))

    d = _doc("ss-2")
    out.append((d, [
        _event(d, "Tomas Aravena and Lucia Ferreyra held a phone call on Wednesday, the Chilean foreign ministry "
                  "said.", ARAVENA, "CONSULT", "phone", FERREYRA, "2025-02-12", source=CHL_MFA,
               trigger="phone call"),
        _event(d, "Aravena said Argentina had moved troops to the border last month.", ARG, "MOBILIZE", "troops",
               CHL, "2025-01", source=ARAVENA, status="claimed", trigger="moved troops"),
    ]))
    return out


def golden_store(path: Path) -> Path:
    """An output folder at ``path`` whose store holds :func:`golden_corpus`, resolved across documents."""
    from newskg.build import store_path
    from newskg.graph import Store, document_graph, resolve

    with Store(store_path(path)) as store:
        for doc, events in golden_corpus():
            store.replace_document(document_graph(doc, events))
        resolve(store)
    return path
