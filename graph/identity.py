"""Actor identity across documents: which names documents give are one actor.

A pure function of what the documents say (:class:`LocalActor`, one per
actor a document's own reading found), so resolving from scratch and
resolving again after more documents give the same answer, whatever the
order of the documents.

Rules, for persons (states, organisations and groups are already one IRI per
country and name):

* full names written alike ("Moon Jae-in", "Moon Jae In") are one person,
  whose country is the one most documents give (a wrong inferred country in
  one article does not split a person in two);
* a shorter name that can only be one of them is that person: a surname
  ("Shoigu", "Moon", "Assad") or a partial full name ("Lopez Obrador" for
  Andres Manuel Lopez Obrador), matched on the family name that
  :class:`newskg.names.PersonName` finds (so "Moon" is never "Ban Ki-moon"),
  with a compatible country;
* two names that one document uses side by side for different people are
  never merged, and a name that could be several people stays as written.

>>> people = [LocalActor("p/RUS/sergei-shoigu", "person", "Sergei Shoigu", "RUS", "a"),
...           LocalActor("p/xx/shoigu", "person", "Shoigu", None, "b"),
...           LocalActor("p/KOR/moon-jae-in", "person", "Moon Jae-in", "KOR", "c"),
...           LocalActor("p/KOR/ban-ki-moon", "person", "Ban Ki-moon", "KOR", "c"),
...           LocalActor("p/xx/moon", "person", "Moon", None, "d")]
>>> canon = resolve_actors(people)
>>> canon["p/xx/shoigu"].name, canon["p/xx/moon"].name, canon["p/KOR/ban-ki-moon"].name
('Sergei Shoigu', 'Moon Jae-in', 'Ban Ki-moon')
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..names import PersonName

__all__ = ["LocalActor", "Canonical", "resolve_actors"]


@dataclass(frozen=True, slots=True)
class LocalActor:
    """An actor as one document's reading found it.

    ``iri`` is the IRI the extractor minted (from kind, country and name);
    ``doc`` the document.
    """

    iri: str
    kind: str
    name: str
    country: str | None
    doc: str


@dataclass(frozen=True, slots=True)
class Canonical:
    """The actor of the graph a local actor is: its IRI, name and country."""

    iri: str
    kind: str
    name: str
    country: str | None


def _pick(counts: Counter) -> str:
    """The value most documents give, then the fullest, then the first in order (deterministic)."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def resolve_actors(actors: Iterable[LocalActor], *,
                   mint: Callable[[str, str, str | None], str] | None = None) -> dict[str, Canonical]:
    """Map every local actor IRI to its canonical actor.

    Parameters
    ----------
    actors : iterable of LocalActor
        Every actor of every document (an IRI may come once per document).
    mint : callable, optional
        ``mint(kind, name, country) -> IRI`` for a merged person; by default
        :func:`newskg.graph.iri.actor_iri`.

    Returns
    -------
    dict
        Local IRI -> :class:`Canonical`; an actor left as it is maps to its own IRI.
    """
    if mint is None:
        from ..records import Actor
        from .iri import actor_iri

        def mint(kind, name, country):
            return str(actor_iri(Actor(name, kind=kind, country=country)))

    names: dict[str, Counter] = defaultdict(Counter)
    info: dict[str, tuple[str, str | None]] = {}
    docs: dict[str, set[str]] = defaultdict(set)
    for a in actors:
        names[a.iri][a.name] += 1
        info[a.iri] = (a.kind, a.country)
        docs[a.iri].add(a.doc)
    out: dict[str, Canonical] = {}
    for iri, (kind, country) in info.items():
        if kind != "person":
            out[iri] = Canonical(iri, kind, _pick(names[iri]), country)
    persons = sorted(iri for iri, (kind, _) in info.items() if kind == "person")
    parsed = {iri: PersonName.parse(_pick(names[iri]), info[iri][1]) for iri in persons}
    groups: dict[str, set[str]] = {iri: {iri} for iri in persons}  # root -> its local persons
    root = {iri: iri for iri in persons}

    def join(a: str, b: str) -> None:
        """Put the group of root ``a`` into the group of root ``b``."""
        for m in groups[a]:
            root[m] = b
        groups[b] |= groups.pop(a)

    def together(a: set[str], b: set[str]) -> bool:
        """Some document names a member of ``a`` and a member of ``b`` as different people."""
        da = set().union(*(docs[x] for x in a))
        return any(da & docs[y] for y in b)

    def country_of(group: set[str]) -> str | None:
        countries: Counter = Counter()
        for m in group:
            if info[m][1]:
                countries[info[m][1]] += len(docs[m])
        return _pick(countries) if countries else None

    def head(r: str) -> PersonName:
        """The fullest name of a group, parsed with the group's country."""
        full = [m for m in groups[r] if parsed[m].is_full] or list(groups[r])
        best = max(full, key=lambda m: (len(parsed[m].words), _pick(names[m])))
        return PersonName.parse(_pick(names[best]), country_of(groups[r]))

    # 1. full names written alike are one person (unless one document uses two of them side by side)
    alike: dict[str, list[str]] = defaultdict(list)
    for iri in persons:
        if parsed[iri].is_full:
            alike[parsed[iri].key].append(iri)
    for same in alike.values():
        if not any(together({x}, {y}) for x in same for y in same if x < y):
            for x in same[1:]:
                join(root[x], root[same[0]])

    # 2. then, longest names first, a name that can be only one other, longer, person is that person
    #    ("Lopez Obrador", then "Shoigu"); candidates share its family name and are compared by group
    heads = {r: head(r) for r in groups}
    by_family: dict[str, set[str]] = defaultdict(set)
    for r, h in heads.items():
        by_family[h.family].add(r)
    for r in sorted(groups, key=lambda r: (-len(heads[r].words), r)):
        if r not in groups:
            continue
        me, country = heads[r], country_of(groups[r])
        if len(me.given) > 1:
            continue  # "George W. Bush" is written in full: it is not a shorter "George H. W. Bush"
        cands = set()
        for other in by_family.get(me.family, ()):
            h = heads[other]
            if other == r or len(h.words) <= len(me.words) or not me.could_be(h):
                continue
            oc = country_of(groups[other])
            if country is None or oc is None or oc == country:
                cands.add((other, oc))
        if len(cands) > 1 and country is not None:
            cands = {c for c in cands if c[1] == country}
        cands = {c for c in cands if not together(groups[r], groups[c[0]])}
        if len(cands) == 1:
            target = next(iter(cands))[0]
            by_family[me.family].discard(r)
            join(r, target)

    for r in sorted(groups):
        group = groups[r]
        full = [m for m in group if parsed[m].is_full]
        if not full:  # a name nobody else is: kept as written
            canon = Canonical(r, "person", _pick(names[r]), info[r][1])
        else:
            forms: Counter = Counter()
            for m in full:
                forms.update(names[m])
            name, country = _pick(forms), country_of(group)
            canon = Canonical(mint("person", name, country), "person", name, country)
        for m in group:
            out[m] = canon
    return out
