"""Mentions of actors and the look-ups rules make over them.

An :class:`ActorMention` is a span of tokens that denotes an actor; a
:class:`MentionIndex` answers "which actor does this token stand for?",
looking through appositions, partitives ("thousands of students"),
organisation anaphors ("the alliance"), pronouns (the reporter of a reported
clause first, then the last person or collective) and pair nouns ("the two
ministers").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from ...records import Actor
from ..gazetteer import Gazetteer
from ..lexicon import Lexicon
from .context import country_of_tokens, modifiers, place_of, title_context

__all__ = ["ActorMention", "MentionIndex"]

_PRONOUNS_PERSON = {"he", "she", "him", "her"}


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A token span that denotes an actor; ``government`` marks a ministry or office of a state."""

    start: int
    end: int
    text: str
    actor: Actor
    government: bool = False



def doc_text_is_name(m: ActorMention) -> bool:
    """Is a mention a name ("Boko Haram", "Hezbollah"), not a common noun phrase ("protesters")?"""
    return any(w[:1].isupper() for w in m.text.split() if w.lower() not in ("the", "a", "an"))


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
        if tok.tag_ in ("WP", "WDT") and tok.head.dep_ in ("relcl", "acl") and tok.head.head.i != tok.i and (
                tok.lower_ in ("who", "whom") or tok.dep_ in ("nsubj", "nsubjpass")):
            return self.at(tok.head.head)  # "Kim, who arrived ...", "the leaders, whom they held": the antecedent
        if tok.tag_ == "WP$" and tok.head.head.dep_ in ("relcl", "acl") and tok.head.head.head.i != tok.i:
            return self.at(tok.head.head.head)  # "China, whose embassy was hit": the antecedent owns it
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
            if tok.lemma_.lower() in cues["group_anaphors"] and not self.modifiers(tok) and not any(
                    c.dep_ in ("prep", "acl", "relcl", "amod", "compound") for c in tok.children):
                # "the group", "the militants": the armed or political group last named by its name
                return next((m for m in reversed(self.mentions) if m.start < tok.i and m.actor.kind == "group"
                             and doc_text_is_name(m)), None)
        pronoun = tok.text.lower()
        if pronoun in ("i", "we") and tok.dep_ in ("nsubj", "nsubjpass"):
            # '"We will not negotiate," Netanyahu said': the speaker, and for "we" the side they speak for
            bound = self._reporter(tok, quoted=True)  # the speaker may come after the quote
            if bound is None:
                return None
            return self.state_of(bound) if pronoun == "we" and bound.actor.kind == "person" else bound
        if pronoun in ("him", "her") and tok.dep_ in ("dobj", "pobj", "dative"):
            # "Correa said Uribe lied to him": an object pronoun in a reported clause is its reporter
            reporter = self._object_reporter(tok)
            if reporter is not None:
                return reporter
        if pronoun in ("them", "it") and tok.dep_ in ("dobj", "pobj", "dative"):
            # "wrote to the leaders inviting them to talks": the last collective of the sentence, not the inviter,
            # nor a place named as where ("met Taliban officials in Kabul and warned them"); "imposed an embargo
            # on the government, accusing it of ..."
            return self.last_collective(tok, not_=self._own_subjects(tok), places=False)
        if pronoun in _PRONOUNS_PERSON or (pronoun in ("it", "they") and tok.dep_ in ("nsubj", "nsubjpass")):
            # "Shoigu told Lecornu that he hoped ...", "the rebels rejected X and said they ...": the subject
            # of a reported clause is, first of all, the reporter
            bound = self._reporter(tok) or self._clause_subject(tok)
            if bound is not None and (bound.actor.kind == "person") == (pronoun in _PRONOUNS_PERSON):
                return bound
            if pronoun in ("it", "they") and self._unnamed_reporter(tok):
                return None  # "foreign ministers said they were ready": they, whoever they are, not the last side named
            return self._salient_person(tok) if pronoun in _PRONOUNS_PERSON else self.last_collective(tok)
        if pronoun in ("his", "her") and tok.dep_ == "poss":
            # "On his first visit to India, Sunak said ...", "Sunak said his visit ...": the clause's subject
            return self._clause_person(tok)
        found = self.modifiers(tok)
        return found[0] if found else None

    def _clause_person(self, pronoun: Token) -> ActorMention | None:
        """The person subject of the clause a possessive pronoun's phrase is in, if there is one."""
        verb = pronoun.head
        for _ in range(5):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        m = self._by_token.get(subj.i) if subj is not None and subj.i != pronoun.i else None
        return m if m is not None and m.actor.kind == "person" else None

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

    def _clause_subject(self, pronoun: Token) -> ActorMention | None:
        """The subject of the verb on whose object a relative clause tells something its subject pronoun did:
        "Washington imposed sanctions on two officials it accused of ..." (it: Washington)."""
        verb = pronoun.head
        noun = verb.head
        if pronoun.dep_ != "nsubj" or verb.dep_ != "relcl" or noun.i == verb.i:
            return None
        if noun.dep_ not in ("dobj", "pobj"):
            return None
        host = noun.head
        for _ in range(3):  # "imposed sanctions on officials it ...": the verb the object's phrase is in
            if host.pos_ in ("VERB", "AUX") or host.head.i == host.i:
                break
            host = host.head
        subj = next((c for c in host.children if c.dep_ == "nsubj"), None) if host.pos_ in ("VERB", "AUX") else None
        return self._by_token.get(subj.i) if subj is not None else None

    def _unnamed_reporter(self, pronoun: Token) -> bool:
        """Is ``pronoun`` the subject of what someone no mention stands for says ("ministers said they ...")?"""
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.dep_ != "ccomp":
            return False
        subj = next((c for c in pronoun.head.head.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
        return subj is not None and subj.pos_ == "NOUN" and subj.i not in self._by_token and not self.modifiers(subj)

    def _object_reporter(self, pronoun: Token) -> ActorMention | None:
        """The reporter of the reported clause an object pronoun is in, when its subject is someone else."""
        node = pronoun
        for _ in range(5):
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in Lexicon.default().cues["reporting_verbs"]:
                subj = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
                inner = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                rep = self._by_token.get(subj.i) if subj is not None else None
                own = self._by_token.get(inner.i) if inner is not None else None
                if rep is not None and rep.actor.kind == "person" and (own is None or own.actor != rep.actor):
                    return rep
                return None
            if node.head.i == node.i:
                return None
            node = node.head
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

    def last_collective(self, tok: Token, not_: set[Actor] = frozenset(), places: bool = True) -> ActorMention | None:
        """What "it"/"they"/"them" most likely refers to: the last state, organisation or group of the sentence
        (other than the actors ``not_``, and, without ``places``, not one named as where something happens)."""
        best = None
        for m in self.mentions:
            if m.start >= tok.i:
                break
            root = tok.doc[m.end - 1]
            where = root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near", "inside", "outside", "across")
            if m.start >= tok.sent.start and m.actor.kind in ("state", "organization", "group") and m.actor not in not_ \
                    and (places or not where):
                best = m
        return best

    def national(self, tok: Token) -> ActorMention | None:
        """The state of someone named only by where they come from: "a missionary from Calgary", "a US
        national" (the way event coders code a foreign citizen), as a mention at ``tok``."""
        if tok.pos_ != "NOUN":
            return None
        gz = Gazetteer.default()
        iso = country_of_tokens(place_of(tok, ("from", "of")) + modifiers(tok), gz)
        info = gz.country(iso) if iso else None
        return ActorMention(tok.i, tok.i + 1, tok.text, Actor(info.name, kind="state", country=iso)) if info else None

    def pair(self, tok: Token) -> list[ActorMention]:
        """The two actors "the two ministers", "both countries" or "the pair" refer to: the last two persons
        (or states) named before, each as a mention at ``tok``; [] when ``tok`` is no such phrase."""
        cues = Lexicon.default().cues
        word = tok.lemma_.lower()
        the = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        # (a definite two: "the two ministers", "their two countries"; "two Russian officials" are new to the story)
        definite = the or any(c.dep_ == "poss" for c in tok.children)
        two = any((c.dep_ == "nummod" and c.lower_ == "two" and definite) or (c.dep_ in ("det", "predet") and c.lower_ in
                                                                                 ("both", "each"))
                  for c in tok.children) or (word == "pair" and the)
        if tok.lower_ in ("each", "both") and tok.pos_ in ("PRON", "DET") and tok.dep_ in ("nsubj", "nsubjpass"):
            # "each expelled a first secretary", "both recalled their ambassadors": the last two states (or people)
            found = []
            for kind in ("state", "person"):
                for m in reversed(self.mentions):
                    if m.start < tok.i and m.actor.kind == kind and all(m.actor != f.actor for f in found):
                        found.append(m)
                        if len(found) == 2:
                            return [ActorMention(tok.i, tok.i + 1, tok.text, f.actor) for f in reversed(found)]
                found = []
            return []
        if tok.lower_ == "they" and tok.dep_ in ("nsubj", "nsubjpass") and self._reporter(tok) is None:
            # "a summit between Moon and Kim at the Peace House, where they agreed ...": the last two sides named
            # together, unless a state, organisation or group was named after them
            return [ActorMention(tok.i, tok.i + 1, tok.text, m.actor) for m in self._last_coordinated(tok)]
        # "the ministers" with nothing else said of them; "the two" on its own; "their meeting"
        # ("accused the allies of rehearsing an invasion": a gerund the parser hung on the noun says nothing of it)
        bare = the and tok.tag_ in ("NNS", "NNPS") and all(
            c.dep_ in ("det", "punct") or (c.dep_ == "prep" and [g.dep_ for g in c.children] == ["pcomp"])
            for c in tok.children)
        alone = tok.lower_ == "two" and tok.pos_ == "NUM" and the and tok.dep_ in ("nsubj", "nsubjpass")
        their = tok.lower_ == "their" and tok.dep_ == "poss"
        if alone or their:
            word = "pair"
        elif not (two or bare) or tok.pos_ not in ("NOUN", "PROPN") or tok.i in self._by_token:
            return []
        kinds = ("person",) if word in cues["pair_person_nouns"] else \
            ("state",) if word in cues["pair_state_nouns"] else ()
        # "the two Korean leaders": of the states that word names
        named = [c.text for c in tok.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"]
        gz = Gazetteer.default()

        def of_them(m: ActorMention) -> bool:
            info = gz.country(m.actor.country) if m.actor.country else None
            return not named or (info is not None and any(d.endswith(n) for d in info.demonyms for n in named))

        # "Pyongyang accused the allies": the pair is not the one who acts on it
        acting = {c.i for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")} if tok.dep_ in ("dobj", "pobj") \
            else set()
        # "the two leaders" are two who lead, not the spokesman who tells of them: when two persons named before
        # carry a leader's title, the pair is among them
        # (and of the states the phrase names: "the two Sudanese leaders")
        led = set()
        if word in cues["leader_titles"] | {"leader"}:
            led = {m.actor for m in self.mentions if m.actor.kind == "person" and m.start < tok.i and of_them(m)
                   and any(t.lower_ in cues["leader_titles"] for t in title_context(tok.doc[m.start:m.end]))}
            led = led if len(led) >= 2 else set()
        found: list[ActorMention] = []
        if word == "side":
            # "Obama held his first meeting with Hu, ... and the two sides agreed": the two of different states
            # its own sentence named last, people or states
            for m in reversed(self.mentions):
                if tok.sent.start <= m.start < tok.i and m.actor.kind in ("person", "state") and m.actor.country \
                        and all(m.actor.country != f.actor.country for f in found) \
                        and not any(m.start <= i < m.end for i in acting):
                    found.append(m)
                    if len(found) == 2:
                        return [ActorMention(tok.i, tok.i + 1, tok.text, f.actor) for f in reversed(found)]
            found = []
            kinds = ("state", "group")  # "urged both sides to protect civilians": Israel and Hamas
            # (not those the phrase describes: "soldiers on both sides")
            acting |= {a.i for a in tok.ancestors}
        for m in reversed(self.mentions):
            if led and m.actor not in led:
                continue
            if m.start < tok.i and m.actor.kind in kinds and of_them(m) and all(m.actor != f.actor for f in found) \
                    and not any(m.start <= i < m.end for i in acting):
                found.append(m)
                if len(found) == 2:
                    return [ActorMention(tok.i, tok.i + 1, tok.text, f.actor) for f in reversed(found)]
        return []

    def _last_coordinated(self, tok: Token) -> list[ActorMention]:
        """The two sides last named together ("Moon and Kim") in ``tok``'s sentence or the one before, if no
        collective other than a place ("at the Peace House") was named after them."""
        start = tok.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        best: list[ActorMention] = []
        for m in self.mentions:
            if m.start >= tok.i:
                break
            if m.start < start:
                continue
            root = tok.doc[m.end - 1]
            other = next((self._by_token[c.i] for c in root.conjuncts if c.i > root.i and c.i < tok.i
                          and c.i in self._by_token), None)
            if other is not None and other.actor != m.actor and other.actor.kind == m.actor.kind:
                best = [m, other]
            elif best and m.start > best[1].start and m.actor.kind in ("state", "organization", "group") and not (
                    root.dep_ == "pobj" and root.head.lower_ in ("at", "in", "near", "inside", "outside")):
                best = []
        return best

    def _salient_person(self, pronoun: Token) -> ActorMention | None:
        """Whom "he"/"she" most likely is: the person subject of the clause its clause is coordinated with
        ("Correa said ..., and on Sunday he rejected ..."), else the person subject of the sentence before,
        else the last person named."""
        verb = pronoun.head
        if pronoun.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "conj":
            subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            m = self._by_token.get(subj.i) if subj is not None else None
            if m is not None and m.actor.kind == "person":
                return m
        sent = pronoun.sent
        if pronoun.dep_ in ("nsubj", "nsubjpass") and pronoun.i - sent.start <= 3 and sent.start > 0:
            prev = pronoun.doc[sent.start - 1].sent
            subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            m = self._by_token.get(subj.i) if subj is not None else None
            if m is None and subj is not None:
                m = next((x for x in self.mentions if x.start <= subj.i < x.end), None)
            if m is not None and m.actor.kind == "person":
                return m
        return self.last_person(pronoun.i, not_=self._own_subjects(pronoun))

    def _own_subjects(self, pronoun: Token) -> set[Actor]:
        """Who an object pronoun cannot be: the subject of its own verb ("Xi hosted him": not Xi)."""
        if pronoun.dep_ not in ("dobj", "dative", "pobj"):
            return set()
        verb = pronoun.head.head if pronoun.dep_ == "pobj" and pronoun.head.dep_ in ("prep", "dative") else pronoun.head
        for _ in range(3):
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if subj or verb.dep_ not in ("advcl", "xcomp", "acl", "relcl") or verb.head.i == verb.i:
                break
            verb = verb.head  # "wrote to them inviting them": the one who wrote invites
        # "Hu, who invited him": the relative pronoun stands for the noun it follows
        subj = [s_.head.head if s_.tag_ in ("WP", "WDT") and s_.head.dep_ == "relcl" else s_ for s_ in subj]
        if not subj and verb.dep_ == "acl":
            subj = [verb.head]  # "Macron, inviting them to talks"
        return {m.actor for c in subj for m in [self._by_token.get(c.i)] if m is not None}

    def last_person(self, before: int, not_: set[Actor] = frozenset()) -> ActorMention | None:
        """The last person mentioned before token ``before`` (other than the actors ``not_``)."""
        best = None
        for m in self.mentions:
            if m.start >= before:
                break
            if m.actor.kind == "person" and m.actor not in not_:
                best = m
        return best

    def in_span(self, start: int, end: int) -> Iterator[ActorMention]:
        for m in self.mentions:
            if start <= m.start < end:
                yield m
