"""The structure of a person's name: which word is the family name, and which names can be the same person.

News writes one person many ways: "Sergei Shoigu", "Shoigu", "Mr. Shoigu";
"Moon Jae-in" and "Moon" (a Korean name, family name first, with a hyphenated
given name), "Bashar al-Assad" and "Assad", "Ursula von der Leyen" and "von der
Leyen".  :class:`PersonName` finds the family name of a written name, so that
the extractor (within a document) and the graph (across documents) link a
surname-only mention to the right full name, and never "Moon" to "Ban Ki-moon".

The family-name-first rule: a name is written family name first when its first
word is a common Chinese, Korean or Cambodian family name (``data/names.json``)
and either its person is of a state that writes names that way or its given
name is hyphenated ("Kim Jong-un", "Ma Ying-jeou").

>>> PersonName.parse("Sergei Shoigu").family
'shoigu'
>>> PersonName.parse("Moon Jae-in", "KOR").family, PersonName.parse("Ban Ki-moon").family
('moon', 'ban')
>>> PersonName.parse("Xi Jinping", "CHN").family, PersonName.parse("Jet Li").family
('xi', 'li')
>>> PersonName.parse("Bashar al-Assad").family, PersonName.parse("Assad").family
('assad', 'assad')
>>> PersonName.parse("Ursula von der Leyen").family, PersonName.parse("von der Leyen").is_full
('leyen', False)
>>> PersonName.parse("President Vladimir Putin").key
'vladimir putin'
>>> PersonName.parse("Martin Luther King Jr.").family
'king'
>>> PersonName.parse("\\x9bᕟ").family
''
>>> PersonName.parse("Mohammed bin Salman", "SAU").family, PersonName.parse("bin Salman").family
('bin salman', 'bin salman')
>>> PersonName.parse("Moon").could_be(PersonName.parse("Moon Jae-in", "KOR"))
True
>>> PersonName.parse("Moon").could_be(PersonName.parse("Ban Ki-moon", "KOR"))
False
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

__all__ = ["PersonName", "name_data", "norm_name"]


@functools.lru_cache(maxsize=1)
def name_data() -> dict[str, frozenset[str]]:
    """The word lists of ``data/names.json``: titles, particles, suffixes, family-name-first names and states."""
    raw = json.loads(resources.files(__package__).joinpath("data/names.json").read_text(encoding="utf-8"))
    return {k: frozenset(w if k.endswith("_states") else w.lower() for w in v)
            for k, v in raw.items() if not k.startswith("_")}


def norm_name(text: str) -> str:
    """Lower case, accents and punctuation gone, hyphens kept as spaces.

    >>> norm_name("Ségolène  Royal-Ducros!")
    'segolene royal ducros'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text.replace("’", "'").replace("'", "")).split())


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name as written, with its family name found.

    Attributes
    ----------
    words : tuple of str
        The name's words without titles or suffixes, normalised (:func:`norm_name`), in written order.
    family : str
        The normalised family name ("" for an empty name), without particles ("al", "von der").
    given : tuple of str
        The other words (given and middle names, initials), in written order.
    family_first : bool
        Written family name first ("Xi Jinping").
    """

    words: tuple[str, ...]
    family: str
    given: tuple[str, ...]
    family_first: bool = False

    @classmethod
    def parse(cls, text: str, country: str | None = None) -> PersonName:
        """The name ``text`` as written by someone of ``country`` (which decides whether "Xi Jinping" is
        family name first). Pure, so parsed once per distinct name and country."""
        return _parse(text, country)

    @property
    def is_full(self) -> bool:
        """A given name is written too ("Sergei Shoigu", not "Shoigu" or "von der Leyen")."""
        return bool(self.given)

    @property
    def key(self) -> str:
        """The name's words in written order, normalised: equal keys are the same written name."""
        return " ".join(self.words)

    def could_be(self, other: PersonName) -> bool:
        """Whether this name, as written, could denote the person written ``other``.

        Same family name, and every given name or initial written here agrees
        with one written there ("G. Bush" could be "George Bush"; "George W.
        Bush" could not be "George H. W. Bush" without the W).
        """
        if not self.family or self.family != other.family:
            return False
        mine, theirs = list(self.given), list(other.given)
        for g in mine:
            hit = next((t for t in theirs if t == g or (len(g) == 1 and t.startswith(g))
                        or (len(t) == 1 and g.startswith(t))), None)
            if hit is None:
                return False
            theirs.remove(hit)
        return True


@functools.lru_cache(maxsize=1 << 16)
def _parse(text: str, country: str | None) -> PersonName:
    data = name_data()
    raw = text.split()
    # titles and honorifics in front ("President", "Mr.", "Gen.")
    while raw and raw[0].lower().rstrip(".") in data["titles"]:
        raw = raw[1:]
    while raw and norm_name(raw[-1]) in data["suffixes"]:
        raw = raw[:-1]
    if not raw:
        return PersonName((), "", ())
    words = tuple(w for w in norm_name(" ".join(raw)).split() if w)
    first = norm_name(raw[0])
    hyphenated_given = len(raw) >= 2 and "-" in raw[1] and len(raw) == 2
    family_first = (len(raw) >= 2 and first in data["family_first_names"]
                    and (country in data["family_first_states"] or hyphenated_given))
    if family_first:
        family = first
        given = tuple(norm_name(" ".join(raw[1:])).split())
        return PersonName(words, family, given, True)
    # western order: the family name is the last word, with its particles ("al-Assad", "von der Leyen")
    parts = [norm_name(w).split() for w in raw]
    flat = [w for p in parts for w in p]
    if not flat:  # nothing left of a name in another script ("ᕟ")
        return PersonName((), "", ())
    i = len(flat) - 1
    while i > 0 and flat[i - 1] in data["particles"]:
        i -= 1
    family_words = [w for w in flat[i:] if w not in data["particles"]] or flat[i:]
    given = tuple(w for w in flat[:i] if w not in data["particles"])
    family = family_words[-1] if family_words else ""
    if flat[i] in data["patronymics"] and len(flat) > i + 1:
        family = f"{flat[i]} {family}"  # "Mohammed bin Salman" is not "Salman" (his father)
    return PersonName(words, family, given, False)
