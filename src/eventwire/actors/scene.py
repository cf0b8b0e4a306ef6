"""Decide whether a sentence happens in the one state a document names.

The last context rule for a bare body that acts at home ("police", "the government") takes the
only state the document names, when the body's sentence names it too. A sentence can name that
state as a destination and still happen elsewhere: in a story about a Los Angeles to Tokyo
flight, "passengers were interviewed by police" after "the flight landed at LAX" are no
Japanese police. The rule therefore gives way when the sentence places its act at, in or near
a place that is another state's or that the tables do not know ("at LAX", "at Heathrow
Airport"), unless the sentence also places it in the state itself ("in Tokyo").

Measured on 496 real documents (BBC politics 2004-05, news-please 2017 clusters), the same
veto on the document's dominant state (the rule before it) removed mostly right codes: a
British story names Woodhill Prison, Thurso or the Lords, places the tables do not know, in
sentences whose bodies are British. It applies to the one-state rule only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.actors.mentions import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Scene"]

# Prepositions that place an act somewhere ("in", "at", "near" ...); "of" and "from" do not.
LOCATIVE_PREPS = frozenset({"in", "at", "inside", "near", "outside", "across", "throughout"})
# A venue is often tagged ORG by the small model ("at Wembley"); "at Google" is no place of the
# one state either.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})


class Scene:
    """Where a document's sentences are placed, as far as its names say.

    Args:
        doc: The parsed document.
        mentions: Mentions whose code is a state (``StateContext.mentions``).
        roles: Token indices of role nouns ("in Parliament" names a body, not a place).
    """

    def __init__(self, doc: Doc, mentions: list[Mention], roles: set[int]) -> None:
        self.roles = roles
        self.code_at: dict[int, str] = {}
        for m in mentions:
            if m.code is not None:
                for i in range(m.start, m.end):
                    self.code_at[i] = m.code

    def elsewhere(self, code: str, sentence: Span) -> bool:
        """Return whether ``sentence`` places its act somewhere that is not state ``code``.

        True when it names a place after "at", "in", "near" ... that is another state's or
        unknown to the tables, and no place of ``code`` that way.
        """
        places = [self._place(tok) for tok in sentence]
        if code in places:
            return False
        return any(p is not None for p in places)

    def _place(self, tok: Token) -> str | None:
        """Return the state of the place ``tok`` heads ("" if unknown), None if it is none."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
            return None
        if tok.i in self.roles:
            return None  # "in Parliament", "at the embassy": a body, not a place
        for t in (tok, *(c for c in tok.children if c.dep_ == "compound")):
            if t.i in self.code_at:
                return self.code_at[t.i]
        if tok.ent_type_:
            return "" if tok.ent_type_ in PLACE_LABELS else None
        return "" if tok.pos_ == "PROPN" and tok.text[:1].isupper() else None
