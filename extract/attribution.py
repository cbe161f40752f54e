"""Attribution: who the text says the report of an event comes from.

"according to X", "X said (that) ...", '"...", X said', "X told AFP",
"a readout from X", "X said in a statement", "a source close to X".  The
outermost reporting verb wins: in "A said that B told C ..., D said", D is
the source.  A source that is a ministry, spokesperson or unnamed source is
kept as the phrase the text uses ("French Defence Ministry", "a source close
to Lecornu").

>>> from spacy.vocab import Vocab
>>> from spacy.tokens import Doc
>>> from newskg.extract.entities import MentionIndex
>>> doc = Doc(Vocab(), words=["France", "called", "Russia", ",", "according", "to", "the", "ministry"],
...           heads=[1, 1, 1, 1, 1, 4, 7, 5], deps=["nsubj", "ROOT", "dobj", "punct", "prep", "prep", "det", "pobj"],
...           pos=["PROPN", "VERB", "PROPN", "PUNCT", "VERB", "ADP", "DET", "NOUN"],
...           lemmas=["France", "call", "Russia", ",", "accord", "to", "the", "ministry"])
>>> attribution(doc[1], MentionIndex([]), Lexicon.default())
Attribution(source=Actor(name='ministry', kind='organization', country=None, aliases=()), verb='according to')
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Token

from ..records import Actor
from .entities import MentionIndex
from .entities.datelines import past_dateline
from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .summaries import summary_noun

__all__ = ["Attribution", "attribution", "source_phrase"]

#: Dependencies by which a clause is the content of a reporting verb (not "After the talks, X said").
_CLAUSE_DEPS = {"ccomp", "parataxis", "xcomp", "advcl", "conj", "dobj", "relcl", "acl", "pcomp", "nsubj", "attr"}
_ADVERBIAL_DEPS = {"prep", "advmod", "npadvmod", "agent"}
_TEMPORAL_MARKS = {"after", "before", "when", "while", "since", "until", "once"}


@functools.lru_cache(maxsize=1)
def _source_words() -> re.Pattern:
    words = sorted(Lexicon.default().cues["source_words"], key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w).replace(r"\*", r"\w*") for w in words) + r")\b", re.I)

_TITLES = re.compile(r"\b(Mr|Mrs|Ms|Dr)\.?\s+")


@dataclass(frozen=True, slots=True)
class Attribution:
    """The source of a report and the reporting verb or phrase ("said", "according to")."""

    source: Actor | None
    verb: str | None


def source_phrase(tok: Token) -> str:
    """The noun phrase headed by ``tok``, without its determiner, possessive or titles."""
    toks = [t for t in tok.subtree if t.dep_ not in ("punct", "relcl", "acl", "appos") or t.i == tok.i]
    # keep the phrase up to the head and its "close to X"/"of X" complements, drop clauses
    left = [t for t in toks if t.i <= tok.i]
    right = [t for t in toks if t.i > tok.i and not any(a.dep_ in ("relcl", "acl", "appos") for a in t.ancestors if a.i > tok.i)]
    words = [t.text for t in left + right]
    text = " ".join(words)
    text = re.sub(r"\s+(['’]s)\b", r"\1", text)
    text = re.sub(r"^(the|a|an)\s+(?=\w)", lambda m: m.group(0) if "source" in text.lower() else "", text, flags=re.I)
    text = re.sub(r"(['’]s)$", "", text)
    text = _TITLES.sub("", text)
    return " ".join(text.split())


def _source_actor(tok: Token, idx: MentionIndex, gz: Gazetteer) -> Actor | None:
    # a statement/readout "of/from X" or "X's statement": the source is X
    if tok.lemma_.lower() in ("statement", "readout", "communique", "release", "transcript", "report"):
        owners = [c for c in tok.children if c.dep_ == "poss"]
        owners += [g for c in tok.children if c.dep_ == "prep" and c.text.lower() in ("from", "of", "by") for g in c.children]
        if owners:
            return _source_actor(owners[0], idx, gz)
    phrase = source_phrase(tok)
    if _source_words().search(phrase) or tok.lemma_.lower() in ("source", "official"):
        country = None
        for t in tok.subtree:
            country = gz.demonym(t.text) or (gz.lookup(t.text).country if gz.lookup(t.text) else None)
            if country:
                break
        if "source" not in phrase.lower() and len(phrase.split()) > 1:
            phrase = " ".join(w[:1].upper() + w[1:] if w.islower() and w not in ("of", "for", "and", "the") else w
                              for w in phrase.split())
        return Actor(phrase, kind="organization", country=country)
    m = idx.at(tok)
    if m is not None:
        return m.actor
    if tok.pos_ in ("PROPN",) and phrase:
        return Actor(phrase, kind="organization")
    return None


def attribution(trigger: Token, idx: MentionIndex, lex: Lexicon, gz: Gazetteer | None = None) -> Attribution:
    """The source a sentence attributes the event at ``trigger`` to, if any."""
    gz = gz or Gazetteer.default()
    sent = trigger.sent
    # "according to X"
    for t in sent:
        if t.lemma_.lower() == "accord" and t.text.lower() == "according":
            for p in t.children:
                if p.text.lower() == "to":
                    pobj = [g for g in p.children if g.dep_ == "pobj"]
                    if pobj:
                        return Attribution(_source_actor(pobj[0], idx, gz), "according to")
    reporting = lex.cues["reporting_verbs"]
    best: Token | None = None
    child = trigger
    node = trigger
    # "X said ..., a claim Moscow denied": a reaction told on a summing-up noun is told in the outlet's voice
    summing_up = summary_noun(trigger, lex) is not None
    while node.head.i != node.i and not summing_up:
        parent = node.head
        # "Turkey said X, but Kyiv pushed back": a clause coordinated with the reporting verb is not its content
        # (a second reporting verb so coordinated shares the first one's speaker: "acknowledged ..., but stressed")
        content = node.dep_ in _CLAUSE_DEPS and not (node.dep_ == "conj" and parent.lemma_.lower() in reporting
                                                     and node.lemma_.lower() not in reporting)
        # "announced ... hours after Xi hosted him": a clause that tells when is no content
        content = content and not (node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS
                                                                for c in node.children))
        if node.dep_ == "relcl" and trigger.lemma_.lower() in lex.cues["denial_verbs"]:
            break  # "Russia said X, which France denied": the denial is told in the outlet's voice
        if best is not None and node.dep_ == "advcl" and not content:
            break  # "X said ..., while Moscow claimed Y": Moscow's claim is no part of what X said
        if parent.lemma_.lower() in reporting and parent.pos_ in ("VERB", "AUX") and content:
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in parent.children):
                best = parent
        child, node = node, parent
    # a quotation before its speaker: '"...", X said.' where the trigger's clause is a sibling, not an
    # adverbial phrase of the verb ("After the talks, Moscow said ...")
    if best is None:
        root = sent.root
        if root.lemma_.lower() in reporting and root.i != trigger.i and trigger.i < root.i and \
                child.dep_ not in _ADVERBIAL_DEPS:
            best = root
    if best is None:
        # "a source close to Lecornu denied ...": an unnamed source acting is also the source of the report
        subj = [c for c in trigger.children if c.dep_ == "nsubj" and c.lemma_.lower() in ("source", "aide", "official")]
        if subj:
            return Attribution(_source_actor(subj[0], idx, gz), trigger.lemma_.lower())
    if best is None:
        # "a readout from X" / "X said in a statement" without a clause link
        for t in sent:
            if t.lemma_.lower() in ("readout", "statement") and t.i != trigger.i:
                owners = [g for c in t.children if c.dep_ == "prep" and c.text.lower() in ("from", "of", "by")
                          for g in c.children] + [c for c in t.children if c.dep_ == "poss"]
                if owners:
                    return Attribution(_source_actor(owners[0], idx, gz), t.text)
        return Attribution(None, None)
    subj = past_dateline([c for c in best.children if c.dep_ in ("nsubj", "nsubjpass")], best.doc)
    if best.lemma_.lower() == "quote" or not subj:
        return Attribution(None, best.lemma_.lower())
    if len({m.actor for c in subj for t in (c, *c.conjuncts) for m in [idx.at(t)] if m is not None}) > 1:
        # "Both Russia and France said the two ministers discussed ...": what both sides say is no one
        # party's claim
        return Attribution(None, best.lemma_.lower())
    return Attribution(_source_actor(subj[0], idx, gz), best.lemma_.lower())
