"""The entity layer: every mention of a person, state, organisation or group in a document, linked to
one actor per document, between the parse and the event rules.

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

from .datelines import Dateline, dateline, dateline_end, doc_dateline_end
from .index import ActorMention, MentionIndex
from .mentions import find_mentions, home_state

__all__ = ["ActorMention", "MentionIndex", "find_mentions", "home_state", "Dateline", "dateline", "dateline_end",
           "doc_dateline_end"]
