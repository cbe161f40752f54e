"""People within one document: every way the text names a person is linked to one person.

"Sebastien Lecornu", "Lecornu" and "Mr. Lecornu" are one person; so are
"Moon Jae-in" and "Moon" (family name first, hyphenated given name),
"Bashar al-Assad" and "Assad", "Andres Manuel Lopez Obrador" and "Lopez
Obrador".  A name is linked by the structure :class:`newskg.names.PersonName`
finds, never by its last token alone, so "Moon" is not "Ban Ki-moon".  A
surname that several people of the story share goes to the one the story
names most often before it (its principal: "Jonathan" is the president, not
the first lady named once), then to the first named.

>>> reg = PersonRegistry()
>>> a = reg.add(["Moon", "Jae-in"], "KOR", at=0)
>>> b = reg.add(["Ban", "Ki-moon"], None, at=5)
>>> reg.add(["Moon"], None, at=9) is a, reg.add(["Ban"], None, at=12) is b
(True, True)
>>> reg.add(["Lopez", "Obrador"], None, at=20) is reg.add(["Andres", "Manuel", "Lopez", "Obrador"], "MEX", at=15)
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...names import PersonName
from ...records import Actor

__all__ = ["Person", "PersonRegistry"]


@dataclass(slots=True)
class Person:
    """A person of one document: the fullest name it gives, the country and roles its titles give."""

    name: str
    parsed: PersonName
    country: str | None = None
    roles: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    first: int = 0  # token index of the first mention
    count: int = 1  # mentions so far

    def actor(self) -> Actor:
        """The person as the record events carry: the fullest name, the country and the other names."""
        return Actor(self.name, kind="person", country=self.country,
                     aliases=tuple(sorted(a for a in self.aliases if a and a != self.name)))

    def absorb(self, words: list[str], country: str | None) -> None:
        """Take a fuller written form of the same person's name."""
        name = " ".join(words)
        if len(words) > len(self.name.split()):
            self.aliases.add(self.name)
            self.name = name
            self.parsed = PersonName.parse(name, country or self.country)
        elif name != self.name:
            self.aliases.add(name)
        if country and self.country is None:
            self.country = country
            self.parsed = PersonName.parse(self.name, country)


class PersonRegistry:
    """The persons of one document, in the order the text introduces them."""

    def __init__(self) -> None:
        self.people: list[Person] = []

    def find(self, words: list[str], country: str | None, *, at: int, given_name: bool = True) -> Person | None:
        """The person a written name denotes, or None when it is someone new; with ``given_name``, a lone
        given name may denote someone named in full before ("Abiy" after "Abiy Ahmed")."""
        name = PersonName.parse(" ".join(words), country)
        if not name.family:
            return None
        same = [p for p in self.people if p.parsed.key == name.key or PersonName.parse(p.name).key == name.key]
        same = [p for p in same if not (country and p.country and p.country != country)]
        if same:
            return same[0]
        if name.is_full:
            # a shorter full name of someone named in full ("Lopez Obrador"), or a fuller name of someone
            # named by surname so far
            cands = [p for p in self.people if (name.could_be(p.parsed) or p.parsed.could_be(name))
                     and not (country and p.country and p.country != country)]
            cands = [p for p in cands if not (p.parsed.is_full and name.is_full and len(name.given) > 1
                                              and len(p.parsed.given) > 1 and p.parsed.key != name.key)]
            return self._salient(cands, at)
        cands = [p for p in self.people if name.could_be(p.parsed)
                 and not (country and p.country and p.country != country)]
        if not cands and len(name.words) == 1 and given_name:
            # "Abiy" after "Abiy Ahmed", "Retno" after "Retno Marsudi": where people are called by their given
            # name, a lone word that is the given name of exactly one person named in full is that person; a
            # family-first name ("Xi Jinping") is never shortened to its given name
            cands = [p for p in self.people if p.parsed.given[:1] == name.words and len(p.parsed.words) >= 2
                     and not p.parsed.family_first
                     and not (country and p.country and p.country != country)]
            return cands[0] if len(cands) == 1 else None
        return self._salient(cands, at)

    @staticmethod
    def _salient(cands: list[Person], at: int) -> Person | None:
        if not cands:
            return None
        before = [p for p in cands if p.first <= at] or cands
        return max(before, key=lambda p: (p.count, -p.first))

    def add(self, words: list[str], country: str | None, *, at: int, alias: str | None = None,
            given_name: bool = True) -> Person:
        """Link a written name to its person (a new one if needed) and return it."""
        p = self.find(words, country, at=at, given_name=given_name)
        if p is None:
            p = Person(" ".join(words), PersonName.parse(" ".join(words), country), country, first=at)
            self.people.append(p)
        else:
            p.absorb(words, country)
            p.count += 1
        if alias:
            p.aliases.add(alias)
        return p

    def by_family(self, word: str, at: int) -> Person | None:
        """The person a lone capitalised word names ("Shoigu", or "Abiy" after "Abiy Ahmed"), if any."""
        return self.find([word], None, at=at)
