"""Actors named by common nouns, and what the text around a mention says of its actor.

* "ethnic Albanians in south Serbia": a people named where they live is a
  group of that country (:func:`resident`);
* every mention of an organisation or group carries every form the document
  writes it in (:func:`shared_aliases`);
* "King Hassan of Morocco", or a titled person whose sentence names one state,
  has that country (:func:`countries_from_context`);
* "his Russian counterpart", "the Defence Ministers of France and Russia":
  the named persons a role description refers to (:func:`role_people`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ...records import Actor
from ..gazetteer import Gazetteer
from ..lexicon import Lexicon
from .context import clean, country_of_tokens, modifiers, place_of, title_case
from .index import ActorMention
from .people import Person

__all__ = ["resident", "shared_aliases", "countries_from_context", "role_people", "governments_from_context",
           "dominant_state"]


def resident(doc: Doc, m: ActorMention, gz: Gazetteer) -> ActorMention:
    """A people named where they live ("ethnic Albanians in south Serbia", "the Kurds of Iraq") is a group
    of the country they live in, as event coders code minorities."""
    tok = doc[m.end - 1]
    if m.actor.kind != "state" or m.end - m.start != 1 or tok.tag_ not in ("NNS", "NNPS") or not gz.demonym(tok.text):
        return m
    # the place itself, not how it is described ("the Israeli-occupied West Bank" is no Israeli place)
    iso = country_of_tokens([t for t in place_of(tok) if t.dep_ in ("pobj", "compound")], gz)
    if iso is None and any(c.dep_ == "amod" and c.lemma_.lower() == "ethnic" for c in tok.children):
        # an ethnic minority is of the country the sentence places the events in ("ethnic Albanians
        # demonstrated in Serbia")
        iso = country_of_tokens([g for t in tok.sent if t.dep_ == "prep" and t.text.lower() == "in"
                                  for g in t.children if g.dep_ == "pobj"], gz)
    if not iso or iso == m.actor.country:
        # "thousands of Israelis protested": a counted crowd of a people is civilians, not their state
        counted = tok.dep_ == "pobj" and tok.head.lower_ == "of" and (
            tok.head.head.lemma_.lower() in Lexicon.default().cues["partitive_nouns"] or tok.head.head.like_num)
        return replace(m, actor=Actor(title_case(tok.text), kind="group", country=m.actor.country)) if counted else m
    info = gz.country(iso)
    return replace(m, actor=Actor(f"{title_case(tok.text)} in {info.name if info else iso}", kind="group",
                                  country=iso))


def shared_aliases(mentions: list[ActorMention]) -> list[ActorMention]:
    """Organisations and groups keep every form the document writes them in ("U.N.", "United Nations"),
    the same on each of their mentions, so that they stay one actor."""
    forms: dict[Actor, set[str]] = {}
    for m in mentions:
        if m.actor.kind in ("organization", "group"):
            forms.setdefault(m.actor, set()).add(clean(m.text))
    out = []
    for m in mentions:
        seen = forms.get(m.actor)
        if seen:
            aliases = tuple(sorted((seen | set(m.actor.aliases)) - {m.actor.name, ""}))
            m = replace(m, actor=replace(m.actor, aliases=aliases))
        out.append(m)
    return out


def countries_from_context(doc: Doc, mentions: list[ActorMention], gz: Gazetteer, lex: Lexicon,
                           home: str | None = None) -> list[ActorMention]:
    """Give a titled person of unknown nationality the country the text ties them to.

    "King Hassan of Morocco" (an of/from phrase after the name); a person with
    a title or role whose sentence names one state ("President Omar El Bashir
    shortened the curfew in Sudan"); and a head of state or government with no nationality written, in a story filed
    from ``home`` ("MANILA -- President Rodrigo Duterte"): wire copy writes a
    foreign leader's nationality and leaves the home one's out.  The country
    then holds for every mention of that person in the document.
    """
    titles = set(lex.cues["titles"]) | set(lex.cues["role_nouns"])
    leaders = set(lex.cues["leader_titles"])
    states_in: dict[int, set[str]] = {}
    placed: dict[int, set[str]] = {}
    other: dict[int, set[str]] = {}
    for m in mentions:
        # "Rwandan rebels" place the sentence too; "Syrian President X" (another person's title) does not
        root = doc[m.end - 1]
        modifier = root.dep_ in ("compound", "amod", "nmod")
        title = modifier and (root.head.ent_type_ == "PERSON" or (
            root.head.lower_ in titles and root.head.head.ent_type_ == "PERSON"))
        # a state that only modifies a thing ("to offer a U.S. team") places no one but the sentence's subject
        thing = modifier and root.head.pos_ == "NOUN" and root.head.lemma_.lower() not in lex.cues["government_nouns"]
        # whom a sentence is attributed to places no one in it ("..., according to the State Department")
        reporter = root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"
        # "X told his Chinese counterpart": X is of another state than that
        if m.actor.country and (root.lemma_.lower() == "counterpart" or (
                modifier and root.head.lemma_.lower() == "counterpart")):
            other.setdefault(doc[m.start].sent.start, set()).add(m.actor.country)
            continue
        if m.actor.kind in ("state", "group") and m.actor.country and not title and not reporter:
            states_in.setdefault(doc[m.start].sent.start, set()).add(m.actor.country)
            if not thing:
                placed.setdefault(doc[m.start].sent.start, set()).add(m.actor.country)
    found: dict[str, str] = {}
    for m in mentions:
        a = m.actor
        if a.kind != "person" or a.country or a.name in found:
            continue
        head = doc[m.end - 1]
        # "King Hassan of Morocco", "a diplomat from Peru"; not "met King Abdullah in Tel Aviv"
        iso = country_of_tokens(place_of(head, ("of", "from")), gz)
        if iso is None:
            before = doc[max(0, m.start - 3):m.start]
            words = {w for t in list(doc[m.start:m.end]) + list(before) for w in t.text.lower().strip(".").split("-")}
            titled = bool(words & titles) and not words & lex.cues["non_state_titles"]
            # an official of an organisation ("U.N. Secretary-General Kofi Annan") speaks for no state
            of_org = any(o.actor.kind == "organization" and m.start - 6 <= o.start < m.start for o in mentions)
            acting = doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
            states = (states_in if acting else placed).get(doc[m.start].sent.start, set()) - \
                other.get(doc[m.start].sent.start, set())
            subject = doc[m.end - 1] if doc[m.end - 1].dep_ != "appos" else doc[m.end - 1].head
            if subject.dep_ in ("nsubj", "nsubjpass"):
                # "the junta's leader, Gen. X, accused France": whom one acts on is not one's own state
                states = states - _objects_of(subject.head, mentions)
            if titled and not of_org and len(states) == 1:
                iso = next(iter(states))
            elif home and not of_org and words & leaders and not words & {"vice", "deputy", "former"}:
                iso = home
        if iso:
            found[a.name] = iso
    if not found:
        return mentions
    return [ActorMention(m.start, m.end, m.text, replace(m.actor, country=found[m.actor.name]), m.government)
            if m.actor.kind == "person" and not m.actor.country and m.actor.name in found else m for m in mentions]


def _objects_of(verb: Token, mentions: list[ActorMention]) -> set[str]:
    """The states a verb (and the verbs coordinated with it) acts on: its objects and what its prepositions
    govern ("accused France of ...", "met with Russia's envoy")."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    objs = {t.i for h in heads for c in h.children if c.dep_ in ("dobj", "dative", "prep")
            for t in ([c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"])}
    return {m.actor.country for m in mentions if m.actor.kind == "state" and m.actor.country
            and any(m.start <= i < m.end for i in objs)}


def role_people(tok: Token, people: list[Person], gz: Gazetteer, lex: Lexicon) -> list[tuple[Person, Token | None]]:
    """Named persons a role description refers to ("his Russian counterpart", "the Defence Ministers of France and Russia").

    Returns each person with the token that named their country after "of" (None for a modifier).
    """
    lemma = tok.lemma_.lower()
    if lemma not in lex.cues["role_nouns"] and lemma.endswith("s") and lemma[:-1] in lex.cues["role_nouns"]:
        lemma = lemma[:-1]  # "Ministers" tagged as a proper noun keeps its plural
    if lemma not in lex.cues["role_nouns"] or lemma in ("official", "diplomat", "leader", "head", "chief", "state"):
        return []
    if any(c.dep_ == "appos" for c in tok.children) or tok.ent_type_ == "PERSON":
        return []
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "any", "some") for c in tok.children):
        return []  # "hosted a Greek counterpart in 2021": someone in that office, not the one named here
    mods = modifiers(tok)
    roles = {t.text.lower() for t in mods if t.text.lower() in lex.cues["role_nouns"]}
    roles.add({"ministers": "minister", "presidents": "president"}.get(tok.text.lower(), lemma))
    roles.discard("counterpart")
    countries: list[tuple[str, Token | None]] = []
    iso = country_of_tokens(mods, gz)
    if iso:
        countries.append((iso, None))
    for p in tok.children:
        if p.dep_ == "prep" and p.text.lower() == "of":
            for g in p.children:
                for t in [g, *g.conjuncts]:
                    hit = gz.lookup(t.text)
                    if hit and hit.country:
                        countries.append((hit.country, t))
    for c in tok.conjuncts:  # "... Ministers of France and Russia" parsed as a coordination of the noun
        hit = gz.lookup(c.text)
        if hit and hit.country and countries:
            countries.append((hit.country, c))
    if not countries and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
            and lemma in lex.cues["leader_titles"] | {"minister"} and (roles - {"minister"} or lemma != "minister"):
        # "the President's residence", "both the President and the Prime Minister": the one person of the story
        # with that title
        cands = [p for p in people if roles <= p.roles]
        return [(cands[0], None)] if len(cands) == 1 else []
    found = []
    for iso, where in countries:
        cands = [p for p in people if p.country == iso]
        if roles:
            cands = [p for p in cands if roles <= p.roles] or [p for p in cands if roles & p.roles]
        if len(cands) == 1:
            found.append((cands[0], where))
    return found


def _fronted_place(sent, mentions: list[ActorMention]) -> str | None:
    """The state a sentence opens in: "In Moscow, ...", "In Washington, ..."."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None or first.lower_ not in ("in", "at", "from"):
        return None
    objs = [g for g in first.children if g.dep_ == "pobj"]
    for m in mentions:
        if objs and m.start <= objs[0].i < m.end and m.actor.kind == "state" and m.actor.country:
            return m.actor.country
    return None


def dominant_state(mentions: list[ActorMention]) -> str | None:
    """The state a story with no dateline is about: the one its mentions name (as a state or as the country of
    a person) clearly most often: at least three times and half as often again as any other.

    >>> from newskg.records import Actor
    >>> m = lambda c: ActorMention(0, 1, c, Actor(c, kind="state", country=c))
    >>> dominant_state([m("MMR"), m("MMR"), m("MMR"), m("IDN")]), dominant_state([m("MMR"), m("IDN")])
    ('MMR', None)
    """
    counts: dict[str, int] = {}
    for m in mentions:
        if m.actor.country:
            counts[m.actor.country] = counts.get(m.actor.country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and 2 * ranked[0][1] < 3 * ranked[1][1]):
        return None
    return ranked[0][0]


def governments_from_context(doc: Doc, mentions: list[ActorMention], lex: Lexicon,
                             home: str | None = None) -> list[ActorMention]:
    """A ministry, government or police named without its state is the state of the sentence's fronted place
    ("In Moscow, the Foreign Ministry condemned ..."), else of ``home``: the state the story is filed from (or,
    with no dateline, the one it is about: :func:`dominant_state`)."""
    nouns = lex.cues["government_nouns"] | lex.cues["police_nouns"] | {"ministry", "government", "department"}
    out = []
    for m in mentions:
        head = doc[m.end - 1]
        if m.actor.kind == "organization" and not m.actor.country and (
                head.lemma_.lower() in nouns or "ministry" in m.actor.name.lower()):
            iso = _fronted_place(head.sent, mentions) or home
            if iso:
                m = ActorMention(m.start, m.end, m.text, replace(m.actor, country=iso), True)
        out.append(m)
    return out
