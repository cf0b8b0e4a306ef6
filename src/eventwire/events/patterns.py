"""Choose the lexicon pattern that matches a token on the dependency parse.

A pattern matches a token when one of the token's forms (its lemma or a stem of the word) is
the pattern's lemma, the part of speech agrees and every condition holds (an object of a
class, a modifier, a preposition, a particle, a complement, a governing verb, ...); of the
patterns that match, the most specific wins.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from eventwire.events.lexicon import Condition, Entry, Lexicon
from eventwire.events.roles import (
    OBJ,
    conjuncts,
    governing_verb,
    infinitive_subject,
    is_passive,
    object_heads,
    prep_objects,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["NOUN_POS", "VERB_POS", "best_entry", "forms", "lemma_of", "object_words"]

VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
_MOD_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


def lemma_of(tok: Token) -> str:
    """Return the token's lemma in lower case."""
    return tok.lemma_.lower()


def forms(tok: Token) -> tuple[str, ...]:
    """Return the lemma plus stems of the word itself, for lemmas the tagger gets wrong.

    The small English model lemmatises "staged" as "stag" and "lodged" as "lodg"; the word's
    own stems ("stage", "lodge") let the lexicon match anyway.
    """
    low = tok.lower_
    out = [lemma_of(tok), low]
    if low.endswith("ied"):
        out.append(low[:-3] + "y")
    elif low.endswith("ed"):
        out += [low[:-1], low[:-2]]
    elif low.endswith("ing"):
        out += [low[:-3], low[:-3] + "e"]
    elif low.endswith("es"):
        out += [low[:-1], low[:-2]]
    elif low.endswith("s"):
        out.append(low[:-1])
    return tuple(dict.fromkeys(out))


# "tons of food aid", "part of a military aid program": the "of" phrase names the object
_PARTITIVE = frozenset(
    ["ton", "tons", "worth", "part", "million", "billion", "amount", "kg", "lot", "number",
     "series", "batch", "shipment", "consignment", "package", "round", "wave", "one", "some"]
)  # fmt: skip


def object_words(pred: Token) -> list[Token]:
    out = [o for h in object_heads(pred) for o in conjuncts(h)]
    for o in list(out):
        if o.lower_ in _PARTITIVE or lemma_of(o) in _PARTITIVE:
            out.extend(
                p
                for c in o.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            )
    return out


def _modifiers(pred: Token) -> Iterator[Token]:
    for host in (pred, *object_words(pred)):
        for c in host.children:
            if c.dep_ in _MOD_DEPS:
                yield c


def _gov(pred: Token) -> Token | None:
    if pred.pos_ in VERB_POS:
        return pred.head if pred.dep_ == "xcomp" and pred.head.i != pred.i else None
    if pred.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "obj", "conj", "appos", "pobj"):
        return governing_verb(pred)
    return None


def _holds(cond: Condition, pred: Token) -> bool:
    kind, values = cond.kind, cond.values
    if kind == "obj":
        objs = object_words(pred)
        if cond.labels and any(o.ent_type_ in cond.labels for o in objs):
            return True  # a class's named entities: "released Mahendra Chaudhry" (PERSON)
        return bool(objs) and (not values or any(f in values for o in objs for f in forms(o)))
    if kind == "noobj":
        # a passive's subject is its object: "the figures released by Egypt" has one
        return not any(c.dep_ in OBJ for c in pred.children) and not (
            is_passive(pred) and object_heads(pred)
        )
    if kind == "mod":
        return any(lemma_of(m) in values or m.lower_ in values for m in _modifiers(pred))
    if kind == "prep":
        hosts = [pred, *object_words(pred)]
        return any(
            c.dep_ in ("prep", "dative", "agent") and c.lower_ in values
            for h in hosts
            for c in h.children
        )
    if kind == "prt":
        return any(c.dep_ == "prt" and c.lower_ in values for c in pred.children)
    if kind == "comp":
        for c in pred.children:
            if c.dep_ in ("xcomp", "ccomp", "oprd") and (not values or set(forms(c)) & values):
                return True
            if c.dep_ == "prep":
                for p in c.children:
                    if p.dep_ == "pcomp" and (not values or lemma_of(p) in values):
                        return True
        return False
    if kind == "modal":
        # "Y must do": a clausal complement with a modal of obligation
        return any(
            c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in values for a in c.children)
            for c in pred.children
        )
    if kind == "compobj":
        has_obj = any(c.dep_ in OBJ for c in pred.children)
        return bool(infinitive_subject(pred)) or (
            has_obj and any(c.dep_ in ("xcomp", "ccomp") for c in pred.children)
        )
    if kind == "pobj":
        assert cond.prep is not None
        return any(
            not values or any(f in values for f in forms(p)) for p in prep_objects(pred, cond.prep)
        )
    if kind == "gov":
        gov = _gov(pred)
        return gov is not None and any(f in values for f in forms(gov))
    return False


def best_entry(lexicon: Lexicon, tok: Token) -> Entry | None:
    """Return the most specific pattern that matches ``tok`` (later wins ties), if any."""
    pos = "V" if tok.pos_ in VERB_POS else "N" if tok.pos_ in NOUN_POS else None
    if pos is None:
        return None
    best: Entry | None = None
    candidates: tuple[Entry, ...] = ()
    for form in forms(tok):
        candidates = lexicon.entries(pos, form)
        if candidates:
            break
    for entry in candidates:
        if all(_holds(c, tok) for c in entry.conditions) and (
            best is None or (entry.specificity, entry.order) >= (best.specificity, best.order)
        ):
            best = entry
    return best
