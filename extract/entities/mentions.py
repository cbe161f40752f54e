"""Finding every mention of an actor in a parsed document, once per document.

Passes, each a pure function of the parse and the gazetteer:

1. the dateline names no actor (:mod:`.datelines`);
2. named entities, corrected by the gazetteer (a capital the model calls a
   PERSON is the state; "the Kremlin" is Russia; a known person the model took
   for a place is the person);
3. persons, linked within the document by the structure of their names
   (:mod:`.people`), with the country their titles, appositions and
   possessors give ("Russian President X", "X, deputy chief of the Russian
   General Staff", "Kuwait's emir, X", "its emir, X");
4. names the model missed: capitalised words that act or are met, surnames of
   people already named, gazetteer phrases;
5. common nouns: government phrases ("the Russian side", "Chinese officials"),
   role descriptions ("the French defence minister"), groups ("rebels",
   "thousands of protesters") and courts (:mod:`.nominals`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...records import Actor
from ..gazetteer import Gazetteer
from ..lexicon import Lexicon
from .context import (
    ORG_LABELS, PERSON_LABELS, PLACE_LABELS, PLACE_PREPS, UNACTING_LABELS, clean, country_of_tokens, modifiers,
    named_like_a_person, place_of, strip_titles, title_case, title_context,
)
from .datelines import dateline, dateline_end
from .index import ActorMention
from .nominals import countries_from_context, dominant_state, governments_from_context, resident, shared_aliases
from .people import Person, PersonRegistry
from .phrases import MentionSet, government_and_roles, groups, institutions, led_collectives, owned_members

__all__ = ["find_mentions", "home_state"]


def _appositive_country(span: Span, mentions: MentionSet, gz: Gazetteer) -> str | None:
    """The country an apposition or possessor gives a name: "X, deputy chief of the Russian General Staff",
    "Kuwait's emir, X", "X, Qatar's emir", "its emir, X" (its: the state last named)."""
    root = span.root
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [c for c in root.children if c.dep_ == "appos"]
    for noun in nouns:
        for c in noun.children:
            if c.dep_ == "poss":
                m = mentions.by_start.get(c.i)
                if m is not None and m.actor.country and m.actor.kind in ("state", "organization"):
                    return m.actor.country
                if c.lower_ == "its":
                    last = [x for s, x in sorted(mentions.by_start.items()) if s < c.i and x.actor.kind == "state"
                            and x.start >= c.sent.start - 60]
                    # the state that acts ("Kuwait, which has kept its ties with Doha, ... and its emir"), else
                    # the last named
                    acting = [x for x in last if span.doc[x.end - 1].dep_ in ("nsubj", "nsubjpass")]
                    if acting or last:
                        return (acting or last)[-1].actor.country
        iso = country_of_tokens(modifiers(noun) + place_of(noun), gz)
        if iso:
            return iso
    return None


def _peoples_of_states(doc: Doc, mentions: MentionSet, gz: Gazetteer) -> None:
    """A people named by where they live and who they are ("Bosnian Serb", "Kosovo Albanians", "Iraqi Kurds")
    is a group of the state they live in, not either state (as event coders code the Bosnian Serbs)."""
    for i in range(len(doc) - 1):
        a, b = doc[i], doc[i + 1]
        if not (a.ent_type_ in ("NORP", "GPE") and b.ent_type_ == "NORP") or a.whitespace_ != " ":
            continue
        if i > 0 and doc[i - 1].ent_iob_ in ("B", "I") and doc[i - 1].ent_type_ in ("NORP", "GPE"):
            continue  # the middle of a longer name
        home = gz.demonym(a.text) or (gz.lookup(a.text).country if gz.lookup(a.text) else None)
        people = gz.demonym(b.text)
        if home is None or people == home or not (people or b.text.endswith(("ish", "an", "i"))):
            continue
        if people is None and b.text.endswith("ish"):
            continue  # "Kurdish" names a language and people the gazetteer has no state for: leave it to the groups
        forms = gz.country(people).demonyms if people and gz.country(people) else ()
        plural = b.text if b.text.endswith("s") else (b.text + "s" if b.text + "s" in forms or not forms else next(
            (d for d in forms if d.startswith(b.text) and d.endswith("s")), b.text + "s"))
        name = f"{a.text} {plural}"
        mentions.add(ActorMention(i, i + 2, doc[i:i + 2].text, Actor(name, kind="group", country=home)))


def _names_a_place(ent: Span, lex: Lexicon) -> bool:
    """"the border village of Panmunjom", "the town of Gori": the name of a place, whatever its tag."""
    root = ent.root
    return root.dep_ in ("pobj", "appos") and (
        (root.head.lower_ == "of" and root.head.head.lemma_.lower() in lex.cues["place_nouns"])
        or (root.dep_ == "appos" and root.head.lemma_.lower() in lex.cues["place_nouns"]))


def _modifies_a_thing(ent: Span, lex: Lexicon) -> bool:
    """A name that only modifies a common noun of a thing: "the Max Thunder air drills", "the Punggye-ri
    test site" (not "the Trump administration", "Hezbollah lawmaker X", "EU partners")."""
    root = ent.root
    head = root.head
    if root.dep_ not in ("compound", "nmod") or head.pos_ != "NOUN" or head.i < root.i:
        return False
    # the noun the name's compound chain ends in ("Max Thunder air drills": drills)
    while head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i > head.i:
        head = head.head
    return head.lemma_.lower() in lex.cues["facility_nouns"] and head.ent_type_ != "PERSON"


def _with_a_person(root: Token, gz: Gazetteer) -> bool:
    """Is the name ``root`` coordinated with a person's name ("between Modi and Sharif", "Sharif and Modi")?"""
    others = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    return any(o.ent_type_ == "PERSON" or (o.pos_ == "PROPN" and gz.person(o.text) is not None) for o in others)


def _met(root: Token, lex: Lexicon) -> bool:
    """Is the name ``root`` the one met in a meeting not told as travel: the object of "hosted", "received",
    "telephoned", or "talks with" / "met with"?  (One travels to places: "visited Arusha" is no one met.)"""
    verb = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "with":
        verb = root.head.head
    elif root.dep_ != "dobj":
        return False
    lemma = verb.lemma_.lower()
    pos = "VERB" if verb.pos_ in ("VERB", "AUX") else "NOUN" if verb.pos_ == "NOUN" else None
    return pos is not None and lemma not in lex.cues["travel_words"] and \
        any(p.type == "CONSULT" for p in lex.patterns(lemma, pos))


def _a_medium(ent: Span, lex: Lexicon) -> bool:
    """Is ``ent`` a platform something is said on ("on his Twitter account", "announced on Telegram")?"""
    root = ent.root
    if ent.text.lower() not in lex.cues["media_platforms"]:
        return False
    if root.dep_ in ("compound", "poss", "nmod") and root.head.pos_ == "NOUN":
        root = root.head  # "his Twitter account"
    return root.dep_ == "pobj" and root.head.lower_ in ("on", "via", "through", "in")


def _named_entities(doc: Doc, mentions: MentionSet, gz: Gazetteer, lex: Lexicon,
                    maybe_places: dict[int, str]) -> list[tuple[Span, list[str]]]:
    """States, places and organisations the model names, and the person candidates it leaves."""
    role_words = lex.cues["role_nouns"]
    titles = lex.cues["titles"]
    pending_people: list[tuple[Span, list[str]]] = []
    place_names: set[str] = set()  # names the text shows are places ("the village of X")
    _peoples_of_states(doc, mentions, gz)
    for ent in doc.ents:
        text = clean(ent.text)
        if not text or any(i in mentions.taken for i in range(ent.start, ent.end)) or _a_medium(ent, lex):
            continue
        hit = gz.lookup(text)
        # the model tags a lone demonym ("Ugandan") or a capital as a PERSON now and then
        if hit is not None and (ent.label_ not in PERSON_LABELS or hit.via in ("capital", "country", "iso")
                                or (hit.via == "demonym" and len(ent) == 1)
                                or (hit.kind == "group" and gz.person(text) is None)):  # "the Houthis" as PERSON
            mentions.add(ActorMention(ent.start, ent.end, ent.text, Actor(hit.name, kind=hit.kind, country=hit.country)))
            continue
        known_person = gz.person(text) is not None
        place = gz.place(text) if ent.label_ in PLACE_LABELS or (
            ent.label_ in PERSON_LABELS | ORG_LABELS and not known_person) else None
        unknown_place = ent.label_ == "GPE" and place is None and ent.root.pos_ == "PROPN" and \
            not any(c.dep_ == "det" for c in ent.root.children)
        if ent.label_ in PLACE_LABELS and (known_person or (unknown_place and (
                ent.root.dep_ == "nsubj" or (ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in role_words)
                or _with_a_person(ent.root, gz) or _met(ent.root, lex)))):
            # a person the model took for a place: a known one, or an unknown name acting ("Shoigu met ..."),
            # named together with a person ("talks between Modi and Sharif") or met ("Modi hosted Hasina")
            pending_people.append((ent, text.split()))
            continue
        if _names_a_place(ent, lex) and ent.label_ in PERSON_LABELS | ORG_LABELS:
            place_names.add(text)
            if place is not None:  # "the border village of Panmunjom" tagged as a person
                mentions.add(ActorMention(ent.start, ent.end, ent.text,
                                          Actor(gz.country(place).name, kind="state", country=place)))
            continue
        if ent.label_ in PERSON_LABELS | ORG_LABELS and _modifies_a_thing(ent, lex):
            # "the Max Thunder air drills", "its Punggye-ri nuclear test site": a name of a thing; "shelled the
            # Kharkiv plant": the place it is in
            if place is not None:
                mentions.add(ActorMention(ent.start, ent.end, ent.text,
                                          Actor(gz.country(place).name, kind="state", country=place)))
            continue
        # a place the model took for a person or an organisation: "withdrew from Kherson", "the Zaporizhzhia
        # plant", "blocked roads in Lyon"; a person's name that is also a town's ("a letter to Kim") is
        # decided once the document's people are known
        misread = ent.label_ in PERSON_LABELS | ORG_LABELS and place is not None and (
            (ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_PREPS) or
            (ent.label_ in PERSON_LABELS and ent.root.dep_ in ("compound", "nmod") and ent.root.head.pos_ == "NOUN"))
        if misread and ent.label_ in PERSON_LABELS:
            pending_people.append((ent, strip_titles(text.split(), titles) or text.split()))
            maybe_places[ent.start] = place
            continue
        if ent.label_ in PLACE_LABELS or misread:
            info = gz.country(place) if place else None  # "shelled Kharkiv": the state the place is in
            if info is not None and (misread or not named_like_a_person(ent)):
                mentions.add(ActorMention(ent.start, ent.end, ent.text, Actor(info.name, kind="state", country=place)))
            continue
        if ent.label_ in PERSON_LABELS:
            words = strip_titles(text.split(), titles)
            if words:
                pending_people.append((ent, words))
        elif ent.label_ in ORG_LABELS and ent.root.lemma_.lower() in lex.cues["facility_nouns"]:
            # "Esfahan Uranium Conversion Facilities (UCF) in central Iran": a site, in the state it is in
            iso = country_of_tokens(place_of(ent.root) + list(ent), gz) or gz.place(text)
            if iso and gz.country(iso):
                mentions.add(ActorMention(ent.start, ent.end, ent.text, Actor(gz.country(iso).name, kind="state",
                                                                              country=iso)))
        elif ent.label_ in ORG_LABELS:
            root = ent.root
            if root.lemma_.lower() in role_words or root.text.lower().rstrip("s") in role_words:
                continue  # "the Defence Ministers of France": a role description, resolved below
            iso = country_of_tokens([t for t in ent if t.i != root.i], gz) or country_of_tokens(modifiers(root), gz)
            is_gov = root.lemma_.lower() in lex.cues["government_nouns"] or "ministry" in text.lower()
            if iso and is_gov:
                mentions.add(ActorMention(ent.start, ent.end, ent.text,
                                          Actor(title_case(text), kind="organization", country=iso), True))
            elif known_person or (ent.start > 0 and set(doc[ent.start - 1].text.lower().strip(".").split("-")) & titles):
                # "Vice-President Moody Awori" tagged ORG, or a person the actor list knows ("Lavrov"): a person
                pending_people.append((ent, text.split()))
            else:
                pending_people.append((ent, []))  # maybe a surname the model took for an organisation
    return [(e, w) for e, w in pending_people if clean(e.text) not in place_names]


def _missed_names(doc: Doc, mentions: MentionSet, gz: Gazetteer, lex: Lexicon) -> list[tuple[Span, list[str]]]:
    """Names the model missed altogether ("Lavrov travelled to Pyongyang", "talks with Saied"): a
    capitalised proper noun that acts or is met, that no list knows as anything else, is a person."""
    titles, role_words = lex.cues["titles"], lex.cues["role_nouns"]
    in_ents = {t.i for ent in doc.ents if ent.label_ not in UNACTING_LABELS for t in ent}
    out = []
    for tok in doc:
        if tok.i in in_ents or tok.i in mentions.taken or tok.pos_ != "PROPN" or not tok.is_title or len(tok) < 3:
            continue
        if tok.dep_ not in ("nsubj", "dobj") and not (tok.dep_ == "pobj" and tok.head.lower_ == "with") and \
                not (tok.dep_ == "conj" and _with_a_person(tok, gz)):
            continue
        if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue  # "the North", "the Kremlin": not a person's name
        first = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i
                 and c.i not in in_ents and c.is_title]
        name = doc[first[0].i if first else tok.i:tok.i + 1]
        name_words = {t.lower_.strip(".") for t in name}
        typo = gz.misspelt_country(tok.text) if len(name) == 1 else None
        if typo:  # "Ethopia has agreed ...": a misspelt state, not a person
            mentions.add(ActorMention(tok.i, tok.i + 1, tok.text, Actor(gz.country(typo).name, kind="state", country=typo)))
            continue
        if tok.lower_ in lex.cues["not_names"] or gz.lookup(name.text) or gz.lookup(tok.text) or gz.place(tok.text) \
                or gz.demonym(tok.text) or tok.lemma_.lower() in lex.cues["government_nouns"] \
                or name_words & (titles | role_words):  # "the Federal Minister", "Vice Foreign Minister"
            continue
        out.append((name, name.text.split()))
    return out


def _persons(doc: Doc, pending: list[tuple[Span, list[str]]], mentions: MentionSet, gz: Gazetteer,
             lex: Lexicon) -> tuple[PersonRegistry, dict[int, Person]]:
    """Link every person candidate to its person; return the registry and the person of each candidate."""
    role_words = lex.cues["role_nouns"]
    reg = PersonRegistry()
    linked: dict[int, Person] = {}
    last_roles: set[str] = set()
    for ent, words in sorted((p for p in pending if p[1]), key=lambda p: p[0].start):
        ctx = title_context(ent)
        iso = country_of_tokens(ctx, gz) or _appositive_country(ent, mentions, gz)
        known = gz.person(" ".join(words))
        if known is not None:
            iso = iso or known[0]
            if len(words) == 1:
                words = known[1].split()  # "Assad" is Bashar al-Assad
        roles = {t.text.lower() for t in ctx if t.text.lower() in role_words}
        if "counterpart" in roles and last_roles:
            roles |= last_roles  # "his Russian counterpart": the same office in another state
        elif roles - {"counterpart"}:
            last_roles = roles - {"counterpart"}
        # "his elder brother Mahinda": a relative is someone else than the one of that given name named before
        kin = any(t.lemma_.lower() in lex.cues["kin_nouns"] for t in ctx)
        p = reg.add(words, iso, at=ent.start, alias=clean(ent.text), given_name=not kin)
        p.roles |= roles
        linked[ent.start] = p
    # organisations (and unknown names) that are really surnames of people already named
    for ent, words in pending:
        if words:
            continue
        last = clean(ent.text).split()[-1] if clean(ent.text) else ""
        p = reg.by_family(last, ent.start) if last else None
        if p is not None:
            p.aliases.add(clean(ent.text))
            linked[ent.start] = p
    return reg, linked


def find_mentions(doc: Doc, gz: Gazetteer | None = None, lex: Lexicon | None = None) -> list[ActorMention]:
    """All actor mentions of a parsed document, resolved within the document, in text order."""
    gz = gz or Gazetteer.default()
    lex = lex or Lexicon.default()
    mentions = MentionSet()
    # a dateline ("WASHINGTON, Nov 16 (Reuters) -") says where the story was filed, not who acts
    filed = dateline_end(doc.text)
    mentions.taken.update(t.i for t in doc if t.idx + len(t) <= filed)

    maybe_places: dict[int, str] = {}
    pending = _named_entities(doc, mentions, gz, lex, maybe_places)
    pending += _missed_names(doc, mentions, gz, lex)
    reg, linked = _persons(doc, [p for p in pending if p[0].start not in maybe_places], mentions, gz, lex)
    for ent, words in pending:
        if ent.start in maybe_places:
            # "a letter to Kim" is the Kim of the story; "withdrew from Kherson" is a place
            p = reg.find(words, None, at=ent.start)
            if p is not None:
                linked[ent.start] = p
            else:
                iso = maybe_places[ent.start]
                mentions.add(ActorMention(ent.start, ent.end, ent.text,
                                          Actor(gz.country(iso).name, kind="state", country=iso)))
                continue
        if ent.start in linked:
            mentions.add(ActorMention(ent.start, ent.end, ent.text, linked[ent.start].actor()))
    # surnames the model missed (or took for a common noun at the start of a sentence)
    for tok in doc:
        if tok.i in mentions.taken or not (tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.is_title)):
            continue
        p = reg.by_family(tok.text, tok.i) if tok.text[:1].isupper() else None
        if p is not None:
            mentions.add(ActorMention(tok.i, tok.i + 1, tok.text, p.actor()))
    _gazetteer_phrases(doc, mentions, gz)
    _compass_states(doc, mentions, gz)
    for ent, words in pending:
        if not words and ent.start not in linked and ent.label_ in ORG_LABELS:
            _unknown_org(doc, ent, mentions, gz)
    led_collectives(doc, mentions, gz, lex)
    government_and_roles(doc, mentions, reg, gz, lex)
    owned_members(doc, mentions, lex)
    home = home_state(doc.text, gz)
    _regime_anaphors(doc, mentions, gz, lex, home)
    groups(doc, mentions, gz, lex, home=home)
    institutions(doc, mentions, gz, lex)
    final = [resident(doc, mentions.by_start[k], gz) for k in sorted(mentions.by_start)]
    final = governments_from_context(doc, final, lex, home=home)
    final = countries_from_context(doc, shared_aliases(final), gz, lex, home=home)
    if home is None:  # a story with no dateline: its police and ministries are of the state it is about
        final = governments_from_context(doc, final, lex, home=dominant_state(final))
    # "the government" of no state the story names or is filed from is no one's
    return [m for m in final if not (m.actor.kind == "organization" and m.actor.name in lex.cues["bare_state_bodies"]
                                     and not m.actor.country)]


def home_state(text: str, gz: Gazetteer) -> str | None:
    """The state a story is filed from: the one state its dateline's places name, if any.

    >>> home_state("KHARTOUM, Aug 21 (Reuters) - Thousands marched.", Gazetteer.default())
    'SDN'
    """
    states = {gz.lookup(p.title()).country if gz.lookup(p.title()) else gz.place(p.title())
              for p in dateline(text).places}
    states.discard(None)
    return next(iter(states)) if len(states) == 1 else None


def _compass_states(doc: Doc, mentions: MentionSet, gz: Gazetteer) -> None:
    """"the North", "the South": in a story that names North Korea (or South Sudan, ...), that state."""
    named = {m.actor.name.split()[0]: m.actor for m in mentions.by_start.values()
             if m.actor.kind == "state" and m.actor.name.split()[0] in ("North", "South")}
    for tok in doc:
        if tok.i in mentions.taken or tok.text not in named or tok.dep_ == "compound":
            continue
        if tok.i > 0 and doc[tok.i - 1].lower_ == "the" and tok.pos_ in ("PROPN", "NOUN"):
            a = named[tok.text]
            mentions.add(ActorMention(tok.i, tok.i + 1, tok.text, Actor(a.name, kind="state", country=a.country)))


def _regime_anaphors(doc: Doc, mentions: MentionSet, gz: Gazetteer, lex: Lexicon, home: str | None) -> None:
    """"the kingdom", "the emirate": the last state of that form of government named before (else the one the
    story is filed from, if of that form)."""
    forms = lex.cues["regime_states"]
    for tok in doc:
        form = forms.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
        if form is None or tok.i in mentions.taken or not any(c.dep_ == "det" and c.lower_ == "the"
                                                              for c in tok.children) \
                or any(c.dep_ in ("amod", "compound", "prep") for c in tok.children):
            continue
        named = [m.actor.country for k, m in sorted(mentions.by_start.items())
                 if k < tok.i and m.actor.kind == "state" and m.actor.country in form]
        iso = named[-1] if named else (home if home in form else None)
        info = gz.country(iso) if iso else None
        if info is not None:
            mentions.add(ActorMention(tok.i, tok.i + 1, tok.text, Actor(info.name, kind="state", country=iso), True))


def _unknown_org(doc: Doc, ent: Span, mentions: MentionSet, gz: Gazetteer) -> None:
    """"the Palestinian Islamic Jihad movement", "the US Congress", "the Ivory Coast's Supreme Court":
    an organisation the gazetteer does not know; a state named inside or in front gives the country."""
    name = clean(ent.text)
    iso = country_of_tokens([t for t in ent if t.i != ent.root.i and t.text != name], gz) or \
        country_of_tokens([t for t in modifiers(ent.root) if not ent.start <= t.i < ent.end], gz)
    mentions.add(ActorMention(ent.start, ent.end, ent.text, Actor(name, kind="organization", country=iso)))


def _gazetteer_phrases(doc: Doc, mentions: MentionSet, gz: Gazetteer) -> None:
    """Gazetteer phrases the model missed (capitals, "Kremlin", demonyms)."""
    words = [t.text_with_ws for t in doc]
    upper = [t.text[:1].isupper() for t in doc]
    nominal = [t.pos_ in ("PROPN", "NOUN", "ADJ", "NUM") for t in doc]  # "the Group of Seven"
    # the tail of an organisation's longer name is no other organisation: "the Peace and Security Council" (the
    # African Union's) holds "Security Council" (the UN's)
    org_of = {j: ent for ent in doc.ents if ent.label_ in ORG_LABELS for j in range(ent.start, ent.end)}
    for n in (4, 3, 2, 1):
        for i in range(len(doc) - n + 1):
            if not upper[i] or not nominal[i + n - 1] or any(j in mentions.taken for j in range(i, i + n)):
                continue
            text = "".join(words[i:i + n]).rstrip()
            hit = gz.lookup(text)
            ent = org_of.get(i)
            prefix = [t for t in doc[ent.start:i] if t.lower_ != "the"] if ent is not None and ent.end == i + n else []
            if hit is not None and hit.kind == "organization" and prefix and \
                    gz.lookup(doc[prefix[0].i:i].text) is None and not all(t.ent_type_ in ("NORP", "GPE") for t in prefix):
                continue  # (not "the U.N. Security Council", "the Arab League's")
            if hit is not None:
                mentions.add(ActorMention(i, i + n, text, Actor(hit.name, kind=hit.kind, country=hit.country)))
