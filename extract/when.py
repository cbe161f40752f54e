"""When an event happened: which date expression of its sentence belongs to it.

A noun trigger ("talks", "calls") takes only a date attached to itself (or to the
light verb that holds it: "held talks on Monday"); a verb also takes a date
attached to the clauses that govern it, but never one of another event: a date
told in a relative or adverbial clause of its own ("agreed to resume the
communications, which Beijing suspended in August 2022"), or one that dates an
event noun ("blamed him for the August 7 bombings").  Expressions of the day the
story is at are resolved from the sentence's own earlier date, else from
publication ("the previous evening"); "that year", "later that month" from the
document's running anchor.  What the text places in the future resolves forward
("will resign on July 13").
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

from .dates import find_date_expressions, resolve_date, told_from_story
from .entities import doc_dateline_end
from .lexicon import Lexicon
from .reference import recent

__all__ = ["date_of"]


def _is_event_noun(tok: Token, lex: Lexicon) -> bool:
    return tok.pos_ == "NOUN" and (bool(lex.patterns(tok.lemma_.lower(), "NOUN"))
                                   or tok.lemma_.lower() in lex.cues["event_anaphors"])


def date_of(trigger: Token, sent: Span, published: date | None, anchor: str | None, *,
            future: bool = False, content: bool = False, lex: Lexicon | None = None) -> tuple[str | None, bool]:
    """The date of the event at ``trigger``, and whether it was attached to the trigger's own clause.

    With ``content``, the trigger takes a clause as its content (an agreement, a demand, a threat): a date
    inside that clause is the date of what is agreed or demanded ("agreed to hold talks from April 18"), not
    of the agreement.
    """
    lex = lex or Lexicon.default()
    while trigger.dep_ == "compound" and trigger.head.pos_ in ("NOUN", "PROPN") and trigger.head.i != trigger.i:
        trigger = trigger.head  # "announced a $20 million aid package on Monday": the phrase's head is dated
    shift = _days_apart(trigger)
    if shift is not None:
        # "marched on Friday, a day after missiles struck": the day the governing clause is at, less a day
        verb, days = shift
        # (an undated governing clause is at the day the story is at: "The arrests came a day after ...")
        base = date_of(verb, sent, published, anchor, lex=lex)[0] or (
            anchor if anchor and recent(anchor, published) else None)
        if base is not None and len(base) == 10:
            return (date.fromisoformat(base) + timedelta(days=days)).isoformat(), True
    # the dateline's date is when the story was filed, not when its events happened; "since ..." opens a period
    filed = doc_dateline_end(sent.doc) - sent.start_char
    every = [(s, e, t) for s, e, t in find_date_expressions(sent.text) if s >= filed]
    exprs = [x for x in every if not x[2].lower().startswith("since")]
    doc = sent.doc
    spans = {k: doc.char_span(sent.start_char + s, sent.start_char + e, alignment_mode="expand")
             for k, (s, e, _) in enumerate(exprs)}
    # "in March, when NATO launched ...", "the worst since 1988, when separatists took ...": a when-clause is
    # at the time of what it hangs on
    when = _when_head(trigger)
    if when is not None:
        for s_, e_, text in every:
            span = doc.char_span(sent.start_char + s_, sent.start_char + e_, alignment_mode="expand")
            if span is not None and (any(t.i == when.i for t in span) or span.root.head.i == when.i or
                                     any(a.i == when.i for a in list(span.root.ancestors)[:2])):
                return resolve_date(text, published, anchor=anchor, future=future), False
    if not exprs:
        return None, False
    clause = {trigger.i} | {a.i for a in trigger.ancestors}
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    # the words that carry the trigger's own date: itself, the light verb of "held talks",
    # the head of "a series of calls"
    own = [trigger]
    if is_noun and trigger.dep_ in ("dobj", "nsubjpass") and trigger.head.pos_ in ("VERB", "AUX"):
        own.append(trigger.head)
    if is_noun and trigger.dep_ == "pobj" and trigger.head.text.lower() == "of" and trigger.head.head.pos_ == "NOUN":
        own.append(trigger.head.head)
    if is_noun and trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and trigger.head.head.pos_ in ("VERB", "AUX"):
        own.append(trigger.head.head)  # "was in Moscow on Monday for talks with Putin": the stay's day is the talks'
    if is_noun and _setting(trigger) and trigger.head.head.pos_ == "VERB" and trigger.head.i < trigger.i:
        own.append(trigger.head.head)  # "discussed it with X in a phone call late on Sunday": the call is then
    if is_noun and trigger.dep_ == "nsubj" and trigger.head.pos_ == "VERB" and \
            not lex.patterns(trigger.head.lemma_.lower(), "VERB"):
        own.append(trigger.head)  # "X's talks with Y on Tuesday focused on ...": the parser hung the date on the verb
    # the words on them, but not a clause of their own ("their first meeting since the dispute broke out in 2021",
    # "has rejected offers ..., and in January its leader called ...")
    own_ids = {t.i for t in own} | {c.i for t in own for c in t.children
                                    if not (c.pos_ in ("VERB", "AUX") and (c.dep_ == "advcl" or (
                                        c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))))}
    below = {t.i for t in trigger.subtree}
    inside = {t.i for c in trigger.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree} if content else set()
    # the clauses the trigger is told in, up to the root: a date above a relative or adverbial clause of the
    # trigger's own is the date of the clause it hangs on ("..., whom Washington has blamed")
    sealed = _sealed_at(trigger)
    scored = []
    for k, (s, e, text) in enumerate(exprs):
        span = spans[k]
        if span is None:
            continue
        head = span.root
        if head.i in inside:
            continue
        anc = {a.i for a in head.ancestors}
        between = [a for a in head.ancestors if a.i not in clause]
        direct = bool(anc & clause) and not any(a.dep_ in ("relcl", "acl", "advcl") and a.pos_ in ("VERB", "AUX")
                                                 for a in between)
        owner = next((a for a in head.ancestors if a.pos_ in ("VERB", "NOUN", "ADJ", "AUX")), None)
        if owner is not None and owner.i in below and _describes(owner, lex):
            # "met the minister appointed by the junta at an airport on Wednesday": the parser hung the meeting's
            # date on the participle that describes who took part
            owner = trigger
            direct = True
        if owner is not None and owner.i == trigger.i and _before_reported_subject(head, trigger):
            owner = trigger.head  # "said on Monday she had spoken ...": the parser gave the telling's date to the told
            direct = True
        exact = owner is not None and owner.i in own_ids
        if is_noun and not exact:
            continue
        if not is_noun and not exact:
            # the date must hang on the trigger or a clause above it, not on a clause beside it ("will resign
            # on July 13, X announced, hours after protesters stormed ...")
            if owner is not None and owner.pos_ in ("VERB", "AUX") and owner.i not in clause:
                continue
            if not direct or (sealed is not None and owner is not None and owner.i not in below
                              and (sealed.i == trigger.i or sealed.is_ancestor(trigger))
                              and not sealed.is_ancestor(owner) and owner.i != sealed.i):
                continue
            # (but "hosted X for talks on Monday": the talks one is hosted for are the same occasion)
            purpose = owner is not None and owner.dep_ == "pobj" and owner.head.lower_ == "for" and \
                owner.head.head.i == trigger.i and any(p.type == "CONSULT" for p in lex.patterns(
                    owner.lemma_.lower(), "NOUN"))
            if owner is not None and owner.i != trigger.i and _is_event_noun(owner, lex) and not _setting(owner) \
                    and not purpose:
                continue  # "blamed him for the August 7 bombings": the bombings' date
        scored.append((not exact, abs(head.i - trigger.i), k, text))
    if not scored and is_noun and len(own) > 1 and own[1].pos_ in ("VERB", "AUX"):
        # "erupted on Feb. 4 and raged as troops traded fire": the light verb's clause dates the noun it holds
        return date_of(own[1], sent, published, anchor, future=future, lex=lex)
    if not scored:
        # "In July, Russia staged exercises while U.S. troops held a joint exercise": a date the sentence opens
        # with dates all it tells
        first = spans.get(0)
        if first is not None and first.start in (sent.start, sent.start + 1) \
                and first.root.head.dep_ in ("ROOT", "prep", "npadvmod") and first.end < sent.end and \
                any(t.text == "," for t in doc[first.end:first.end + 1]):
            return resolve_date(exprs[0][2], published, anchor=anchor), False
        return None, False
    scored.sort()
    best = scored[0]
    # the sentence's own earlier date is the day "the next day" is told from; else the document's anchor
    # ("later that month") or publication ("the previous evening")
    local = None
    for _, _, earlier in exprs[: best[2]]:
        local = resolve_date(earlier, published, anchor=anchor) or local
    that = "that" in best[3].lower().split() or told_from_story(best[3])
    ref = local or (anchor if that else None)
    # what is still to come resolves forward, but only a date of the trigger's own clause: "told reporters on
    # Thursday that Beijing would lift curbs" was told last Thursday
    mine = spans[best[2]] is not None and spans[best[2]].root.i in below
    return resolve_date(best[3], published, anchor=ref, future=future and mine), not best[0]


_UNIT_DAYS = {"day": 1, "week": 7}
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _days(day: Token) -> int | None:
    """How many days "a day", "two days", "a week" (an npadvmod) count, or None."""
    count = next((_NUMBERS.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
                  for c in day.children if c.dep_ in ("det", "nummod")), None)
    return count * _UNIT_DAYS[day.lemma_.lower()] if count else None


def _days_apart(trigger: Token) -> tuple[Token, int] | None:
    """ "..., a day after X struck", "two days before the vote was held", "a week after": the clause the trigger's
    clause is told from, and how many days the trigger is after (positive) or before it."""
    node = trigger
    if node.dep_ == "pcomp" and node.head.lower_ in ("after", "before") and node.head.head.i != node.head.i:
        # "expelled the ambassador on Sunday, a day after recalling its own envoy": the gerund of the phrase
        node = node.head
        day = next((c for c in node.children if c.dep_ == "npadvmod" and c.lemma_.lower() in _UNIT_DAYS), None)
        count = _days(day) if day is not None else None
        return (node.head, -count if node.lower_ == "after" else count) if count else None
    for _ in range(3):
        mark = next((c for c in node.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")), None)
        day = next((c for c in [*node.children, *(mark.children if mark is not None else [])]
                    if c.dep_ == "npadvmod" and c.lemma_.lower() in _UNIT_DAYS), None)
        if mark is not None and day is not None and node.head.i != node.i and node.dep_ in ("advcl", "conj", "prep",
                                                                                            "pcomp"):
            count = _days(day)
            return (node.head, -count if mark.lower_ == "after" else count) if count else None
        if node.head.i == node.i or node.dep_ not in ("xcomp", "ccomp", "dobj", "pobj", "prep"):
            return None
        node = node.head
    return None


def _before_reported_subject(date_head: Token, verb: Token) -> bool:
    """Is a date the parser hung on a reported clause's verb written before that clause begins: between the
    reporting verb and the clause's subject, with no "that" ("said on Monday she had spoken to ...")?"""
    if verb.dep_ != "ccomp" or verb.head.i > verb.i:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not verb.head.i < date_head.i < subj.left_edge.i:
        return False
    return not any(c.dep_ == "mark" for c in verb.children)


def _describes(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` a past participle that only describes a noun ("the minister appointed by the junta"), no
    event of its own?"""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") and \
        not lex.patterns(verb.lemma_.lower(), "VERB") and verb.head.i != verb.i


def _setting(noun: Token) -> bool:
    """Is an event noun the setting of the clause it hangs on ("in a telephone call on Sunday")?"""
    return noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during", "at", "on")


def _sealed_at(trigger: Token) -> Token | None:
    """The nearest relative or adverbial clause head above (or at) the trigger, if any."""
    node = trigger
    for _ in range(6):
        if node.dep_ in ("relcl", "acl") and node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _when_head(trigger: Token) -> Token | None:
    """What a when-clause the trigger is in hangs on: "collapsed in March, when NATO launched" -> collapsed."""
    node = trigger
    for _ in range(4):
        if node.dep_ in ("advcl", "relcl") and any(c.lower_ == "when" and c.dep_ == "advmod" for c in node.children):
            return node.head
        if node.head.i == node.i or node.dep_ not in ("conj", "xcomp", "ccomp", "dobj", "pobj", "prep"):
            return None
        node = node.head
    return None
