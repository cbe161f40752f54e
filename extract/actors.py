"""Actors: who a span of text denotes, resolved within the document.

Rules, each a pure function of the parsed ``Doc``:

* named entities, corrected by the gazetteer (a capital the model calls a
  PERSON is the state; "the Kremlin" is Russia);
* demonyms ("Russian", "the Ukrainians") and government nouns with a country
  ("the Russian side", "Chinese officials", "Russia's foreign ministry") are
  the state;
* persons are resolved within the document: "Sebastien Lecornu", "Lecornu"
  and "Mr. Lecornu" are one actor, and titles and roles give the country
  ("French Defence Minister X", "his Russian counterpart Y");
* role descriptions without a name ("the Defence Ministers of France and
  Russia", "the French defence minister") resolve to the named person with
  that role and country, anywhere in the document.

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> words = ["French", "Defence", "Minister", "Sebastien", "Lecornu", "called", "Moscow", "."]
>>> heads = [2, 2, 4, 4, 5, 5, 5, 5]
>>> deps = ["amod", "compound", "compound", "compound", "nsubj", "ROOT", "dobj", "punct"]
>>> ents = ["B-NORP", "O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O"]
>>> pos = ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"]
>>> doc = Doc(Vocab(), words=words, heads=heads, deps=deps, ents=ents, pos=pos)
>>> [(m.text, m.actor.name, m.actor.kind, m.actor.country) for m in find_mentions(doc)]
[('French', 'France', 'state', 'FRA'), ('Sebastien Lecornu', 'Sebastien Lecornu', 'person', 'FRA'), ('Moscow', 'Russia', 'state', 'RUS')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..records import Actor
from .gazetteer import Gazetteer
from .lexicon import Lexicon

__all__ = ["ActorMention", "dateline_end", "find_mentions", "MentionIndex"]

_PERSON_LABELS = {"PERSON"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_ORG_LABELS = {"ORG"}
_NORP = {"NORP"}
#: Labels of entities that never act, under which the model now and then hides a name ("Saied in Tunis")
_UNACTING_LABELS = {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"}
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_DATELINE = re.compile(r"\s*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?"  # SAN JOSE, Costa Rica
                       r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\s*(?:\([^)]{1,40}\))?"  # , Nov 16 (AFP)
                       r"|\s*\([^)]{1,40}\))\s*[-–—]+\s+")  # (Reuters)
_WHERE_FROM = ("of", "in", "from", "at", "inside", "throughout", "across")
#: States where a name is written family name first ("Xi Jinping", "Kim Jong Un" is three words)
_FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM"})
_PLACE_PREPS = ("in", "from", "to", "into", "near", "at", "towards", "toward", "outside", "across", "around")


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A token span that denotes an actor; ``government`` marks a ministry or office of a state."""

    start: int
    end: int
    text: str
    actor: Actor
    government: bool = False


@dataclass(slots=True)
class _Person:
    name: str
    country: str | None
    roles: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)


def _clean(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"(['’]s|['’])$", "", text).strip()
    return " ".join(text.split())


def _strip_titles(words: list[str], titles: frozenset) -> list[str]:
    while words and words[0].lower().rstrip(".") in {t.rstrip(".") for t in titles}:
        words = words[1:]
    return words


def _country_of_tokens(tokens, gz: Gazetteer) -> str | None:
    """The first country the tokens name, by demonym or by name; a token inside a named entity is
    looked up with the whole entity ("Ivory" in "the Ivory Coast")."""
    for t in tokens:
        iso = gz.demonym(t.text)
        if iso:
            return iso
        names = [t.text]
        if t.ent_iob_ in ("B", "I"):
            ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
            if ent is not None:
                names.insert(0, _clean(ent.text))
        for name in names:
            hit = gz.lookup(name)
            if hit and hit.kind == "state" and hit.country:
                return hit.country
        if t.ent_type_ in _PLACE_LABELS or (t.ent_type_ in _ORG_LABELS and t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS):
            iso = gz.place(names[0])  # "workers in Kharkiv", "in Lyon" even when the model took it for an organisation
            if iso:
                return iso
    return None


def _modifiers(tok: Token) -> list[Token]:
    """Tokens that modify a noun: its left compounds/adjectives and possessors, recursively."""
    out = []
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and c.i < tok.i:
            out.append(c)
            out.extend(_modifiers(c))
    return out


def _title_context(span: Span) -> list[Token]:
    """The title words in front of a name and the noun it is in apposition to."""
    doc = span.doc
    ctx: list[Token] = []
    i = span.start - 1
    while i >= 0 and i >= span.start - 6:
        t = doc[i]
        if t.is_punct or t.pos_ in ("VERB", "AUX", "DET", "PRON", "SCONJ", "CCONJ") or t.ent_type_ == "PERSON":
            break
        if t.pos_ == "ADP" and t.text.lower() != "of":
            break
        ctx.append(t)
        i -= 1
    root = span.root
    if root.dep_ == "appos":
        ctx.append(root.head)
        ctx.extend(_modifiers(root.head))
        # "a member of the Syrian parliament, X": the object of the role and how it is described
        objs = [g for p in root.head.children if p.dep_ == "prep" for g in p.children]
        ctx.extend(objs)
        ctx.extend(m for g in objs for m in _modifiers(g))
    for c in root.children:
        if c.dep_ == "appos":
            ctx.append(c)
            ctx.extend(_modifiers(c))
            ctx.extend(g for p in c.children if p.dep_ == "prep" for g in p.children)
    return ctx


def _place_of(tok: Token, preps: tuple[str, ...] = ("of", "in", "from", "throughout", "across", "inside")) -> list[Token]:
    """The objects of a noun's "of"/"in"/"from" phrases and their modifiers ("forces in Guinea",
    "inhabitants of the Syrian Golan Heights")."""
    out = []
    for p in tok.children:
        if p.dep_ == "prep" and p.text.lower() in preps:
            for g in p.children:
                if g.dep_ == "pobj":
                    out.append(g)
                    out.extend(_modifiers(g))
    return out


def dateline_end(text: str) -> int:
    """Where a story's dateline ("WASHINGTON, Nov 16 (Reuters) -") ends, or 0.

    >>> dateline_end("KYIV, June 3 - Ukraine said ..."), dateline_end("Ukraine said ...")
    (15, 0)
    """
    m = _DATELINE.match(text)
    return m.end() if m else 0


def _described_by(tok: Token) -> list[Token]:
    """What a group noun is described by after it, where it says who they are, not what they do:
    "workers of the bus company of Tehran", "workers affiliated with the Serbian union", "militants loyal
    to Iraq's ...". Not "protesters against the US", "refugees fleeing to Chad"."""
    out: list[Token] = []
    for c in tok.children:
        if c.i < tok.i:
            continue
        if (c.dep_ == "prep" and c.text.lower() in _WHERE_FROM) or (c.dep_ == "acl" and c.tag_ == "VBN") \
                or (c.dep_ == "amod" and c.pos_ == "ADJ"):
            out.extend(t for t in c.subtree if t.i > c.i or c.dep_ != "prep")
    return out


def _where_acting(tok: Token) -> list[Token]:
    """The place a subject acts in: "prisoners rioted at a jail in East Timor's capital Dili", "thousands
    of people blocked streets in Hong Kong"."""
    if tok.dep_ == "pobj" and tok.head.head.dep_ == "nsubj":
        tok = tok.head.head  # the part of a partitive ("thousands of people")
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = tok.head
    heads = [verb, *(t for c in verb.children if c.dep_ == "dobj" for t in c.subtree if t.pos_ in ("NOUN", "PROPN"))]
    return [t for h in heads for p in h.children if p.dep_ == "prep" and p.text.lower() in ("in", "at", "inside")
            for t in p.subtree if t.i > p.i and t.ent_type_ in _PLACE_LABELS | _ORG_LABELS]


def _named_like_a_person(ent: Span) -> bool:
    """A place name the model may have taken from a person's name: "Kenzo Oshima, the UN coordinator"
    (a first name in front, or a description in apposition)."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (before is not None and before.pos_ == "PROPN" and not before.ent_type_) or \
        any(c.dep_ == "appos" for c in ent.root.children)


def _government_phrase(tok: Token, gz: Gazetteer, lex: Lexicon) -> str | None:
    """The state a government noun phrase stands for ("the Russian side" -> RUS, "forces in Guinea" -> GIN)."""
    nouns = lex.cues["government_nouns"]
    if (tok.lemma_.lower() not in nouns and tok.text.lower() not in nouns) or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    # "Security forces arrested dozens in Dhaka": where the state's forces act
    return _country_of_tokens(_modifiers(tok) + _place_of(tok), gz) or (
        _country_of_tokens(_where_acting(tok), gz) if tok.lemma_.lower() in lex.cues["security_nouns"] else None)


def find_mentions(doc: Doc, gz: Gazetteer | None = None, lex: Lexicon | None = None) -> list[ActorMention]:
    """All actor mentions of a parsed document, resolved within the document, in text order."""
    gz = gz or Gazetteer.default()
    lex = lex or Lexicon.default()
    titles = lex.cues["titles"]
    role_words = lex.cues["role_nouns"]
    people: dict[str, _Person] = {}          # surname (lower) -> person
    alias_of: dict[str, str] = {}            # another surname a known person goes by ("assad") -> key in people
    mentions: dict[int, ActorMention] = {}   # start token -> mention
    taken: set[int] = set()

    # a dateline ("WASHINGTON, Nov 16 (Reuters) -") says where the story was filed, not who acts
    filed = dateline_end(doc.text)
    taken.update(t.i for t in doc if t.idx + len(t) <= filed)

    def add(m: ActorMention) -> None:
        if any(i in taken for i in range(m.start, m.end)):
            return
        mentions[m.start] = m
        taken.update(range(m.start, m.end))

    # pass 1: named entities and gazetteer phrases
    pending_people: list[tuple[Span, list[str]]] = []
    for ent in doc.ents:
        text = _clean(ent.text)
        if not text:
            continue
        hit = gz.lookup(text)
        # the model tags a lone demonym ("Ugandan") or a capital as a PERSON now and then
        if hit is not None and (ent.label_ not in _PERSON_LABELS or hit.via in ("capital", "country", "iso")
                                or (hit.via == "demonym" and len(ent) == 1)
                                or (hit.kind == "group" and gz.person(text) is None)):  # "the Houthis" as PERSON
            kind = hit.kind
            add(ActorMention(ent.start, ent.end, ent.text, Actor(hit.name, kind=kind, country=hit.country)))
            continue
        known_person = gz.person(text) is not None
        place = gz.place(text) if ent.label_ in _PLACE_LABELS or (
            ent.label_ in _PERSON_LABELS | _ORG_LABELS and not known_person) else None
        unknown_place = ent.label_ == "GPE" and place is None and ent.root.pos_ == "PROPN" and \
            not any(c.dep_ == "det" for c in ent.root.children)
        if ent.label_ in _PLACE_LABELS and (known_person or (unknown_place and (
                ent.root.dep_ == "nsubj" or (ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in role_words)))):
            # a person the model took for a place: a known one, or an unknown name acting ("Shoigu met ...")
            pending_people.append((ent, text.split()))
            continue
        # a place the model took for a person or an organisation: "withdrew from Kherson", "the Zaporizhzhia
        # plant", "blocked roads in Lyon"
        misread = ent.label_ in _PERSON_LABELS | _ORG_LABELS and place is not None and (
            (ent.root.dep_ == "pobj" and ent.root.head.lower_ in _PLACE_PREPS) or
            (ent.label_ in _PERSON_LABELS and ent.root.dep_ in ("compound", "nmod") and ent.root.head.pos_ == "NOUN"))
        if ent.label_ in _PLACE_LABELS or misread:
            info = gz.country(place) if place else None  # "shelled Kharkiv": the state the place is in
            if info is not None and (misread or not _named_like_a_person(ent)):
                add(ActorMention(ent.start, ent.end, ent.text, Actor(info.name, kind="state", country=place)))
            continue
        if ent.label_ in _PERSON_LABELS:
            words = _strip_titles(text.split(), titles)
            if words:
                pending_people.append((ent, words))
        elif ent.label_ in _ORG_LABELS:
            root = ent.root
            if root.lemma_.lower() in role_words or root.text.lower().rstrip("s") in role_words:
                continue  # "the Defence Ministers of France": a role description, resolved below
            iso = _country_of_tokens([t for t in ent if t.i != root.i], gz) or _country_of_tokens(_modifiers(root), gz)
            is_gov = root.lemma_.lower() in lex.cues["government_nouns"] or "ministry" in text.lower()
            if iso and is_gov:
                add(ActorMention(ent.start, ent.end, ent.text, Actor(_title_case(text), kind="organization", country=iso), True))
            elif ent.start > 0 and set(doc[ent.start - 1].text.lower().strip(".").split("-")) & titles:
                pending_people.append((ent, text.split()))  # "Vice-President Moody Awori" tagged ORG: a person
            else:
                pending_people.append((ent, []))  # maybe a surname the model took for an organisation
    # names the model missed altogether ("Lavrov travelled to Pyongyang", "talks with Saied"): a capitalised
    # proper noun that acts or is met, that no list knows as anything else, is a person
    in_ents = {t.i for ent in doc.ents if ent.label_ not in _UNACTING_LABELS for t in ent}
    for tok in doc:
        if tok.i in in_ents or tok.i in taken or tok.pos_ != "PROPN" or not tok.is_title or len(tok) < 3:
            continue
        if tok.dep_ not in ("nsubj", "dobj") and not (tok.dep_ == "pobj" and tok.head.lower_ == "with"):
            continue
        first = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i
                 and c.i not in in_ents and c.is_title]
        name = doc[first[0].i if first else tok.i:tok.i + 1]
        name_words = {t.lower_.strip(".") for t in name}
        typo = gz.misspelt_country(tok.text) if len(name) == 1 else None
        if typo:  # "Ethopia has agreed ...": a misspelt state, not a person
            add(ActorMention(tok.i, tok.i + 1, tok.text, Actor(gz.country(typo).name, kind="state", country=typo)))
            continue
        if tok.lower_ in lex.cues["not_names"] or gz.lookup(name.text) or gz.lookup(tok.text) or gz.place(tok.text) \
                or gz.demonym(tok.text) or tok.lemma_.lower() in lex.cues["government_nouns"] \
                or name_words & (titles | role_words):  # "the Federal Minister", "Vice Foreign Minister"
            continue
        pending_people.append((name, name.text.split()))
    last_roles: set[str] = set()
    for ent, words in pending_people:
        if not words:
            continue
        surname = words[-1].lower()
        ctx = _title_context(ent)
        iso = _country_of_tokens(ctx, gz)
        known = gz.person(" ".join(words))
        if len(words) == 2 and (iso or (known[0] if known else None)) in _FAMILY_NAME_FIRST:
            alias_of.setdefault(words[0].lower(), surname)  # "Li Qiang" is "Li" on second mention
        if known is not None:
            iso = iso or known[0]
            if len(words) == 1:
                words = known[1].split()
                if words[-1].lower() != surname:
                    alias_of[surname] = words[-1].lower()  # "Assad" is Bashar al-Assad
                surname = words[-1].lower()
        if len(words) == 1:
            surname = alias_of.get(surname, surname)
        roles = {t.text.lower() for t in ctx if t.text.lower() in role_words}
        if "counterpart" in roles and last_roles:
            roles |= last_roles  # "his Russian counterpart": the same office in another state
        elif roles - {"counterpart"}:
            last_roles = roles - {"counterpart"}
        p = people.get(surname)
        if p is None or (len(words) > len(p.name.split()) and (p.country is None or iso in (None, p.country))):
            old = p
            p = _Person(" ".join(words), iso or (old.country if old else None))
            if old:
                p.roles |= old.roles
                p.aliases |= old.aliases | {old.name}
            people[surname] = p
        if iso and p.country is None:
            p.country = iso
        p.roles |= roles
        p.aliases.add(_clean(ent.text))
    # organisations that are really known surnames; the others are organisations the gazetteer does not know
    unknown_orgs: list[Span] = []
    for ent, words in pending_people:
        if words:
            continue
        last = _clean(ent.text).split()[-1].lower() if _clean(ent.text) else ""
        p = people.get(alias_of.get(last, last)) if last else None
        if p is not None:
            p.aliases.add(_clean(ent.text))
        elif ent.label_ in _ORG_LABELS:
            unknown_orgs.append(ent)

    def person_actor(p: _Person) -> Actor:
        aliases = tuple(sorted(a for a in p.aliases if a != p.name))
        return Actor(p.name, kind="person", country=p.country, aliases=aliases)

    for ent, words in pending_people:
        key = (words[-1] if words else (_clean(ent.text).split() or [""])[-1]).lower()
        key = alias_of.get(key, key)
        if key in people:
            add(ActorMention(ent.start, ent.end, ent.text, person_actor(people[key])))
    # surnames the model missed (or took for a common noun at the start of a sentence)
    for tok in doc:
        if tok.i in taken or not (tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.is_title)):
            continue
        p = people.get(alias_of.get(tok.text.lower(), tok.text.lower()))
        if p is not None:
            add(ActorMention(tok.i, tok.i + 1, tok.text, person_actor(p)))
    # gazetteer phrases the model missed (capitals, "Kremlin", demonyms)
    words = [t.text_with_ws for t in doc]
    upper = [t.text[:1].isupper() for t in doc]
    nominal = [t.pos_ in ("PROPN", "NOUN", "ADJ") for t in doc]
    for n in (4, 3, 2, 1):
        for i in range(len(doc) - n + 1):
            if not upper[i] or not nominal[i + n - 1] or any(j in taken for j in range(i, i + n)):
                continue
            text = "".join(words[i:i + n]).rstrip()
            hit = gz.lookup(text)
            if hit is None:
                continue
            add(ActorMention(i, i + n, text, Actor(hit.name, kind=hit.kind, country=hit.country)))
    for ent in unknown_orgs:
        # "the Palestinian Islamic Jihad movement", "the US Congress", "the Ivory Coast's Supreme Court":
        # a state named inside or in front gives the country
        name = _clean(ent.text)
        iso = _country_of_tokens([t for t in ent if t.i != ent.root.i and t.text != name], gz) or \
            _country_of_tokens([t for t in _modifiers(ent.root) if not ent.start <= t.i < ent.end], gz)
        add(ActorMention(ent.start, ent.end, ent.text, Actor(name, kind="organization", country=iso)))
    # government noun phrases and role descriptions
    for tok in doc:
        if tok.i in taken or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON":
            continue  # a title in front of a name
        start = min([tok.i] + [m.i for m in _modifiers(tok)])
        owner = {j: m for m in mentions.values() for j in range(m.start, m.end)}
        inside = {owner[j] for j in range(start, tok.i + 1) if j in owner}
        if any(gz.demonym(m.text) is None for m in inside):
            continue
        persons = _role_people(tok, people, gz, lex)
        if persons:
            for m in inside:  # "the French defence minister": the demonym is part of the role
                mentions.pop(m.start, None)
                taken.difference_update(range(m.start, m.end))
            add(ActorMention(start, tok.i + 1, doc[start:tok.i + 1].text, person_actor(persons[0][0])))
            for p, country_tok in persons[1:]:
                # "the Defence Ministers of France and Russia": the second country stands for its minister
                if country_tok is not None:
                    old = mentions.pop(country_tok.i, None)
                    if old is not None:
                        taken.difference_update(range(old.start, old.end))
                    add(ActorMention(country_tok.i, country_tok.i + 1, country_tok.text, person_actor(p)))
            continue
        iso = _government_phrase(tok, gz, lex)
        if iso and not inside:
            info = gz.country(iso)
            add(ActorMention(start, tok.i + 1, doc[start:tok.i + 1].text,
                             Actor(info.name if info else iso, kind="state", country=iso), True))
    # groups named by a common noun ("rebels", "protesters", "the army") with no state named in front
    group_nouns = lex.cues["group_nouns"]
    for tok in doc:
        # ... and peoples the gazetteer has no state for ("Iraqi Kurds", "Tamils")
        a_people = tok.ent_type_ in _NORP and tok.tag_ in ("NNPS", "NNS")
        # "thousands of people marched": a crowd that acts is a group; "killed 23 people" names no actor
        subject = tok.dep_ == "nsubj" or (tok.dep_ == "pobj" and tok.head.head.dep_ == "nsubj" and
                                          tok.head.head.lemma_.lower() in lex.cues["partitive_nouns"])
        crowd = tok.lower_ in lex.cues["crowd_nouns"] and subject
        if tok.i in taken or tok.pos_ not in ("NOUN", "PROPN") or (
                tok.text.lower() not in group_nouns and not a_people and not crowd):
            continue
        mods = _modifiers(tok)
        named = [mentions[k] for k in list(mentions) if any(mentions[k].start <= m.i < mentions[k].end for m in mods)]
        if named and (tok.text.lower() in lex.cues["state_agent_nouns"] or any(n.actor.kind != "state" for n in named)):
            continue  # "Israeli soldiers", "Hamas militants": the state or group in front speaks for them
        for n in named:  # "Palestinian armed groups", "Croatian extremists": a group of that country, not its state
            mentions.pop(n.start)
            taken.difference_update(range(n.start, n.end))
        start = min([tok.i] + [m.i for m in mods])
        phrase = _clean(doc[start:tok.i + 1].text)
        country = _country_of_tokens(mods + _place_of(tok), gz) or _country_of_tokens(_described_by(tok), gz) \
            or _country_of_tokens(_where_acting(tok), gz)
        add(ActorMention(start, tok.i + 1, doc[start:tok.i + 1].text,
                         Actor(phrase[:1].upper() + phrase[1:], kind="group", country=country)))
    # courts and tribunals are organisations of the state they sit in (PLOVER-notes rule 10): "a court in
    # Moscow", "Russia's Supreme Court" when the model did not tag it
    for tok in doc:
        if tok.i in taken or tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in lex.cues["institution_nouns"]:
            continue
        mods = [m for m in _modifiers(tok) if m.i not in taken]
        country = _country_of_tokens(_modifiers(tok) + _place_of(tok), gz)
        if country is None:
            continue
        start = min([tok.i] + [m.i for m in mods])
        where = [t for t in _place_of(tok) if t.dep_ == "pobj"]
        end = max([tok.i] + [t.i for w in where for t in w.subtree]) + 1
        name = _clean(doc[start:end].text)
        add(ActorMention(start, tok.i + 1, doc[start:end].text,
                         Actor(name[:1].upper() + name[1:], kind="organization", country=country)))
    ordered = [_resident(doc, mentions[k], gz) for k in sorted(mentions)]
    return _countries_from_context(doc, _shared_aliases(ordered), gz, lex)


def _resident(doc: Doc, m: ActorMention, gz: Gazetteer) -> ActorMention:
    """A people named where they live ("ethnic Albanians in south Serbia", "the Kurds of Iraq") is a group
    of the country they live in, as event coders code minorities."""
    tok = doc[m.end - 1]
    if m.actor.kind != "state" or m.end - m.start != 1 or tok.tag_ not in ("NNS", "NNPS") or not gz.demonym(tok.text):
        return m
    # the place itself, not how it is described ("the Israeli-occupied West Bank" is no Israeli place)
    iso = _country_of_tokens([t for t in _place_of(tok) if t.dep_ in ("pobj", "compound")], gz)
    if iso is None and any(c.dep_ == "amod" and c.lemma_.lower() == "ethnic" for c in tok.children):
        # an ethnic minority is of the country the sentence places the events in ("ethnic Albanians
        # demonstrated in Serbia")
        iso = _country_of_tokens([g for t in tok.sent if t.dep_ == "prep" and t.text.lower() == "in"
                                  for g in t.children if g.dep_ == "pobj"], gz)
    if not iso or iso == m.actor.country:
        # "thousands of Israelis protested": a counted crowd of a people is civilians, not their state
        counted = tok.dep_ == "pobj" and tok.head.lower_ == "of" and (
            tok.head.head.lemma_.lower() in Lexicon.default().cues["partitive_nouns"] or tok.head.head.like_num)
        return replace(m, actor=Actor(_title_case(tok.text), kind="group", country=m.actor.country)) if counted else m
    info = gz.country(iso)
    return replace(m, actor=Actor(f"{_title_case(tok.text)} in {info.name if info else iso}", kind="group",
                                  country=iso))


def _shared_aliases(mentions: list[ActorMention]) -> list[ActorMention]:
    """Organisations and groups keep every form the document writes them in ("U.N.", "United Nations"),
    the same on each of their mentions, so that they stay one actor."""
    forms: dict[Actor, set[str]] = {}
    for m in mentions:
        if m.actor.kind in ("organization", "group"):
            forms.setdefault(m.actor, set()).add(_clean(m.text))
    out = []
    for m in mentions:
        seen = forms.get(m.actor)
        if seen:
            aliases = tuple(sorted((seen | set(m.actor.aliases)) - {m.actor.name, ""}))
            m = replace(m, actor=replace(m.actor, aliases=aliases))
        out.append(m)
    return out


def _countries_from_context(doc: Doc, mentions: list[ActorMention], gz: Gazetteer,
                            lex: Lexicon) -> list[ActorMention]:
    """Give a titled person of unknown nationality the country the text ties them to.

    "King Hassan of Morocco" (an of/from phrase after the name), or, for a
    person with a title or role ("President Omar El Bashir shortened the curfew
    in Sudan"), the one state their sentence names.  The country then holds for
    every mention of that person in the document.
    """
    titles = set(lex.cues["titles"]) | set(lex.cues["role_nouns"])
    states_in: dict[int, set[str]] = {}
    for m in mentions:
        if m.actor.kind in ("state", "group") and m.actor.country:  # "Rwandan rebels" place the sentence too
            states_in.setdefault(doc[m.start].sent.start, set()).add(m.actor.country)
    found: dict[str, str] = {}
    for m in mentions:
        a = m.actor
        if a.kind != "person" or a.country or a.name in found:
            continue
        head = doc[m.end - 1]
        # "King Hassan of Morocco", "a diplomat from Peru"; not "met King Abdullah in Tel Aviv"
        iso = _country_of_tokens(_place_of(head, ("of", "from")), gz)
        if iso is None:
            before = doc[max(0, m.start - 3):m.start]
            words = {w for t in list(doc[m.start:m.end]) + list(before) for w in t.text.lower().strip(".").split("-")}
            titled = bool(words & titles) and not words & lex.cues["non_state_titles"]
            # an official of an organisation ("U.N. Secretary-General Kofi Annan") speaks for no state
            of_org = any(o.actor.kind == "organization" and m.start - 6 <= o.start < m.start for o in mentions)
            states = states_in.get(doc[m.start].sent.start, set())
            if titled and not of_org and len(states) == 1:
                iso = next(iter(states))
        if iso:
            found[a.name] = iso
    if not found:
        return mentions
    return [ActorMention(m.start, m.end, m.text, replace(m.actor, country=found[m.actor.name]), m.government)
            if m.actor.kind == "person" and not m.actor.country and m.actor.name in found else m for m in mentions]


def _title_case(text: str) -> str:
    return " ".join(w if w.isupper() or not w.isalpha() else w[:1].upper() + w[1:] for w in text.split())


def _role_people(tok: Token, people: dict[str, _Person], gz: Gazetteer, lex: Lexicon) -> list[tuple[_Person, Token | None]]:
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
    mods = _modifiers(tok)
    roles = {t.text.lower() for t in mods if t.text.lower() in lex.cues["role_nouns"]}
    roles.add({"ministers": "minister", "presidents": "president"}.get(tok.text.lower(), lemma))
    roles.discard("counterpart")
    countries: list[tuple[str, Token | None]] = []
    iso = _country_of_tokens(mods, gz)
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
    found = []
    for iso, where in countries:
        cands = [p for p in people.values() if p.country == iso]
        if roles:
            cands = [p for p in cands if roles <= p.roles] or [p for p in cands if roles & p.roles]
        if len(cands) == 1:
            found.append((cands[0], where))
    return found


class MentionIndex:
    """Token-to-mention look-ups over one document's mentions, with pronoun resolution."""

    def __init__(self, mentions: list[ActorMention]) -> None:
        self.mentions = mentions
        self._by_token: dict[int, ActorMention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self._by_token[i] = m

    def at(self, tok: Token | None) -> ActorMention | None:
        """The mention that covers ``tok``, looking through appositions, pronouns and noun phrases."""
        if tok is None:
            return None
        m = self._by_token.get(tok.i)
        if m is not None:
            return m
        for c in tok.children:
            if c.dep_ == "appos" and c.i in self._by_token:
                return self._by_token[c.i]
        if tok.lemma_.lower() in Lexicon.default().cues["partitive_nouns"]:
            # "thousands of students", "members of the union", "a group of diplomats": the part acts for the whole
            for p in tok.children:
                if p.dep_ == "prep" and p.text.lower() in ("of", "from"):
                    inner = next((self.at(g) for g in p.children if g.dep_ == "pobj"), None)
                    if inner is not None:
                        return inner
        cues = Lexicon.default().cues
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.text.lower() == "the" for c in tok.children):
            if tok.lemma_.lower() in cues["organization_anaphors"] and not self.modifiers(tok):
                # "the alliance", "the bloc": the organisation last named
                return next((m for m in reversed(self.mentions) if m.start < tok.i and m.actor.kind == "organization"),
                            None)
        pronoun = tok.text.lower()
        if pronoun in ("i", "we") and tok.dep_ in ("nsubj", "nsubjpass"):
            # '"We will not negotiate," Netanyahu said': the speaker, and for "we" the side they speak for
            bound = self._reporter(tok, quoted=True)  # the speaker may come after the quote
            if bound is None:
                return None
            return self.state_of(bound) if pronoun == "we" and bound.actor.kind == "person" else bound
        if pronoun in _PRONOUNS_PERSON or (pronoun in ("it", "they") and tok.dep_ in ("nsubj", "nsubjpass")):
            # "Shoigu told Lecornu that he hoped ...", "the rebels rejected X and said they ...": the subject
            # of a reported clause is, first of all, the reporter
            bound = self._reporter(tok)
            if bound is not None and (bound.actor.kind == "person") == (pronoun in _PRONOUNS_PERSON):
                return bound
            return self.last_person(tok.i) if pronoun in _PRONOUNS_PERSON else self.last_collective(tok)
        found = self.modifiers(tok)
        return found[0] if found else None

    def _reporter(self, pronoun: Token, *, quoted: bool = False) -> ActorMention | None:
        """The subject of the verb whose reported clause ``pronoun`` is the subject of, if it is a mention."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.dep_ not in ("ccomp", "acl"):
            return None
        verb = pronoun.head.head
        cues = Lexicon.default().cues
        if verb.pos_ == "NOUN" and verb.lemma_.lower() in cues["denial_objects"] and \
                verb.dep_ == "dobj" and verb.head.lemma_.lower() in cues["denial_verbs"]:
            verb = verb.head  # "Beijing rejected accusations that it had supplied weapons": the denier
        elif pronoun.head.dep_ != "ccomp":
            return None
        for _ in range(3):  # "rejected X and said they ...": the coordinated verb's subject
            subj = [c for c in verb.children if c.dep_ == "nsubj" and (quoted or c.i < pronoun.i)]
            if subj:
                return self._by_token.get(subj[0].i) or next(iter(self.modifiers(subj[0])), None)
            if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
                return None
            verb = verb.head
        return None

    def modifiers(self, tok: Token) -> list[ActorMention]:
        """States named in a noun's modifiers: "Russian" in "the Russian side", both in "Hungarian and Romanian officials"."""
        out: list[ActorMention] = []
        if tok.pos_ not in ("NOUN", "PROPN"):
            return out
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i:
                for t in [c, *c.conjuncts]:
                    m = self._by_token.get(t.i)
                    if m is not None and m.actor.kind in ("state", "organization", "group") and m not in out:
                        out.append(m)
                    elif m is None and t.dep_ == "compound":
                        # "the Palestinian Islamic Jihad movement": through a chain of unnamed compounds
                        out.extend(x for x in self.modifiers(t) if x not in out)
        return out

    def state_of(self, m: ActorMention) -> ActorMention:
        """The state an official acts for: a person's or ministry's country as a state mention."""
        if m.actor.kind == "state" or not m.actor.country:
            return m
        info = Gazetteer.default().country(m.actor.country)
        name = info.name if info else m.actor.country
        return ActorMention(m.start, m.end, m.text, Actor(name, kind="state", country=m.actor.country), True)

    def last_collective(self, tok: Token) -> ActorMention | None:
        """What "it"/"they" most likely refers to: the last state, organisation or group of the sentence."""
        best = None
        for m in self.mentions:
            if m.start >= tok.i:
                break
            if m.start >= tok.sent.start and m.actor.kind in ("state", "organization", "group"):
                best = m
        return best

    def national(self, tok: Token) -> ActorMention | None:
        """The state of someone named only by where they come from: "a missionary from Calgary", "a US
        national" (the way event coders code a foreign citizen), as a mention at ``tok``."""
        if tok.pos_ != "NOUN":
            return None
        gz = Gazetteer.default()
        iso = _country_of_tokens(_place_of(tok, ("from", "of")) + _modifiers(tok), gz)
        info = gz.country(iso) if iso else None
        return ActorMention(tok.i, tok.i + 1, tok.text, Actor(info.name, kind="state", country=iso)) if info else None

    def pair(self, tok: Token) -> list[ActorMention]:
        """The two actors "the two ministers", "both countries" or "the pair" refer to: the last two persons
        (or states) named before, each as a mention at ``tok``; [] when ``tok`` is no such phrase."""
        cues = Lexicon.default().cues
        word = tok.lemma_.lower()
        the = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        two = any((c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
                  for c in tok.children) or (word == "pair" and the)
        # "the ministers" with nothing else said of them; "the two" on its own; "their meeting"
        bare = the and tok.tag_ in ("NNS", "NNPS") and all(c.dep_ in ("det", "punct") for c in tok.children)
        alone = tok.lower_ == "two" and tok.pos_ == "NUM" and the and tok.dep_ in ("nsubj", "nsubjpass")
        their = tok.lower_ == "their" and tok.dep_ == "poss"
        if alone or their:
            word = "pair"
        elif not (two or bare) or tok.pos_ not in ("NOUN", "PROPN") or tok.i in self._by_token:
            return []
        kinds = ("person",) if word in cues["pair_person_nouns"] else \
            ("state",) if word in cues["pair_state_nouns"] else ()
        found: list[ActorMention] = []
        for m in reversed(self.mentions):
            if m.start < tok.i and m.actor.kind in kinds and all(m.actor != f.actor for f in found):
                found.append(m)
                if len(found) == 2:
                    return [ActorMention(tok.i, tok.i + 1, tok.text, f.actor) for f in reversed(found)]
        return []

    def last_person(self, before: int) -> ActorMention | None:
        """The last person mentioned before token ``before``."""
        best = None
        for m in self.mentions:
            if m.start >= before:
                break
            if m.actor.kind == "person":
                best = m
        return best

    def in_span(self, start: int, end: int) -> Iterator[ActorMention]:
        for m in self.mentions:
            if start <= m.start < end:
                yield m
