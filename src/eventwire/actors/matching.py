"""Find candidate mentions in a parsed document with spaCy PhraseMatchers built once per vocab.

Three matchers over lower-cased tokens: names (states, IGOs, groups, outlets, references), role
nouns, and office holders' names. Letter case is checked afterwards, per entry, so one
case-insensitive pass serves "NATO" (exact case only), "Russia" (capitalised) and "the alliance"
(any case). A longest-first, left-to-right choice keeps "the US-led bloc" over "US".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.actors.tables import Entry, Office, Role, Tables

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

__all__ = ["Matchers", "NameHit", "RoleHit", "plural_forms"]

# Entry types whose names are still read when written in lower case (see ``_lower_case_name``).
LOWER_CASE_TYPES = frozenset({"state", "demonym", "ethnic", "region", "capital", "usstate", "city"})
# The last word of a police force's name, often written in lower case ("Merseyside police").
FORCE_WORDS = frozenset({"police", "constabulary"})
IRREGULAR_PLURALS = {"man": "men", "woman": "women", "person": "people", "chief": "chiefs"}


def plural_forms(phrase: str) -> set[str]:
    """Return ``phrase`` and its English plural (inflecting the last word only)."""
    head, _, last = phrase.rpartition(" ")
    prefix = f"{head} " if head else ""
    for singular, plural in IRREGULAR_PLURALS.items():
        if last.endswith(singular):
            return {phrase, prefix + last[: -len(singular)] + plural}
    if last.endswith(("s", "x", "ch", "sh")):
        form = last + "es" if not last.endswith("s") else last
    elif last.endswith("y") and last[-2:-1] not in set("aeiou"):
        form = last[:-1] + "ies"
    else:
        form = last + "s"
    return {phrase, prefix + form}


@dataclass(frozen=True, slots=True)
class NameHit:
    """A table name found in the text."""

    start: int  # token offsets
    end: int
    entry: Entry


@dataclass(frozen=True, slots=True)
class RoleHit:
    """A role noun found in the text."""

    start: int
    end: int
    role: Role


def _case_ok(entry: Entry, span: Span, role_tokens: frozenset[int]) -> bool:
    """Return whether the letter case of the text fits the entry.

    A capitalised name is matched capitalised, or in an all-capitals headline ("RUSSIA SAYS
    UNITED STATES ..."), which carries no case information. Written in lower case ("iSrael",
    "tunisian rioters", "russia and china") it must also look like a name to the parser
    (:func:`_lower_case_name`): a lower-case "china" or "turkey" is a plate or a bird.
    """
    text = span.text
    if "cased" in entry.flags:
        return text == entry.phrase
    if not entry.phrase[:1].isupper():
        return True  # "the alliance", "the US-led bloc": any case
    if text.isupper() and sum(c.isalpha() for c in text) > 2:
        return True
    first = next((c for c in text if c.isalpha()), "")
    if first.isupper():
        # "Russia Today" the channel, not "Russia today"; news writes a force's name with a
        # lower-case "police" ("West Yorkshire police")
        head, _, last = text.rpartition(" ")
        force = last in FORCE_WORDS and head.istitle()
        return not (" " in entry.phrase and entry.phrase.istitle() and not text.istitle()) or force
    return _lower_case_name(entry, span, role_tokens)


def _lower_case_name(entry: Entry, span: Span, role_tokens: frozenset[int]) -> bool:
    """Return whether a state's name or demonym written in lower case is used as a name.

    Every word must carry the NER label of a place or people. A state's name must be a proper
    noun with no determiner or modifier of its own and not a noun modifier: "russia and china
    signed" is read, "fine china plates", "the turkey", "a panama hat" are not. A demonym must
    be an adjective whose noun is a role ("tunisian rioters", not "french fries" or "danish
    pastries") or a noun standing for a people ("israelis"); never a verb ("polish the floor").
    """
    if entry.type not in LOWER_CASE_TYPES:
        return False
    if any(t.ent_type_ not in {"GPE", "LOC", "NORP"} for t in span):
        return False
    root = span.root
    if entry.type in {"demonym", "ethnic"}:
        if root.pos_ == "ADJ":
            return root.dep_ == "amod" and root.head.i in role_tokens
        return root.pos_ in {"NOUN", "PROPN"} and root.dep_ != "compound"
    return (
        root.pos_ == "PROPN"
        and root.dep_ not in {"compound", "amod"}
        and not any(
            c.dep_ in {"det", "amod", "nummod", "compound"}
            for c in root.children
            if not span.start <= c.i < span.end
        )
    )


def _longest(spans: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Keep the longest non-overlapping spans, preferring the earlier one on a tie."""
    chosen: list[tuple[int, int, object]] = []
    taken: set[int] = set()
    for start, end, item in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if any(i in taken for i in range(start, end)):
            continue
        chosen.append((start, end, item))
        taken.update(range(start, end))
    return sorted(chosen, key=lambda s: s[0])


class Matchers:
    """PhraseMatchers for one vocab, with the table rows behind each match id."""

    def __init__(self, tables: Tables, vocab: Vocab) -> None:
        import spacy
        from spacy.matcher import PhraseMatcher

        make = spacy.blank("en", vocab=vocab).tokenizer
        self._names: PhraseMatcher = PhraseMatcher(vocab, attr="LOWER")
        self._name_rows: dict[int, list[Entry]] = defaultdict(list)
        keys: dict[str, list[Entry]] = defaultdict(list)
        for entry in tables.entries.values():
            keys[entry.phrase.lower()].append(entry)
        for i, entries in enumerate(keys.values()):
            label = vocab.strings.add(f"EW_NAME_{i}")
            self._name_rows[label] = entries
            # tokenize as written: "US-led" and "us-led" do not split alike
            forms = {e.phrase for e in entries}
            self._names.add(f"EW_NAME_{i}", [make(f) for f in sorted(forms)])
        self._roles: PhraseMatcher = PhraseMatcher(vocab, attr="LOWER")
        self._role_rows: dict[int, Role] = {}
        for i, role in enumerate(tables.roles.values()):
            label = vocab.strings.add(f"EW_ROLE_{i}")
            self._role_rows[label] = role
            forms = {role.phrase} if role.phrase.endswith("s") else plural_forms(role.phrase)
            self._roles.add(f"EW_ROLE_{i}", [make(f) for f in sorted(forms)])
        self._people: PhraseMatcher = PhraseMatcher(vocab, attr="LOWER")
        self._person_rows: dict[int, list[Office]] = defaultdict(list)
        by_name: dict[str, list[Office]] = defaultdict(list)
        for office in tables.offices:
            for form in (office.name, *office.aliases):
                by_name[form.lower()].append(office)
        written: dict[str, set[str]] = defaultdict(set)
        for office in tables.offices:
            for form in (office.name, *office.aliases):
                written[form.lower()].add(form)
        for i, (form, offices) in enumerate(by_name.items()):
            label = vocab.strings.add(f"EW_PERSON_{i}")
            self._person_rows[label] = offices
            self._people.add(f"EW_PERSON_{i}", [make(f) for f in sorted(written[form])])
        self.offices_by_name = by_name

    def names(self, doc: Doc, roles: list[RoleHit] | None = None) -> list[NameHit]:
        """Return the table names in ``doc``, longest first, letter case checked.

        ``roles`` are the role nouns of ``doc``: a demonym written in lower case counts only
        before one ("tunisian rioters").
        """
        role_tokens = frozenset(i for r in roles or () for i in range(r.start, r.end))
        spans: list[tuple[int, int, object]] = []
        for label, start, end in self._names(doc):
            span = doc[start:end]
            text = span.text
            fits = [e for e in self._name_rows[label] if _case_ok(e, span, role_tokens)]
            if fits:
                # an exact-case row wins over a case-insensitive one ("US" over "us")
                fits.sort(key=lambda e: e.phrase != text)
                spans.append((start, end, fits[0]))
        return [NameHit(s, e, item) for s, e, item in _longest(spans)]  # type: ignore[arg-type]

    def roles(self, doc: Doc) -> list[RoleHit]:
        """Return role nouns used as nouns ("general" in "general election" is not one)."""
        spans: list[tuple[int, int, object]] = []
        for label, start, end in self._roles(doc):
            last = doc[end - 1]
            if last.pos_ not in {"NOUN", "PROPN"} and not (
                end - start > 1 and last.pos_ in {"ADJ", "VERB"}
            ):
                continue
            spans.append((start, end, self._role_rows[label]))
        # "islamists" is the plural of the person row "islamist" and a body row of its own:
        # the row written as the text wins
        spans.sort(key=lambda s: s[2].phrase != doc[s[0] : s[1]].text.lower())  # type: ignore[attr-defined]
        return [RoleHit(s, e, item) for s, e, item in _longest(spans)]  # type: ignore[arg-type]

    def people(self, doc: Doc) -> list[tuple[Span, list[Office]]]:
        """Return office holders' names found in ``doc`` (capitalised) with their terms."""
        spans: list[tuple[int, int, object]] = []
        for label, start, end in self._people(doc):
            span = doc[start:end]
            if not span[-1].text[:1].isupper():
                continue
            spans.append((start, end, self._person_rows[label]))
        return [(doc[s:e], item) for s, e, item in _longest(spans)]  # type: ignore[misc]
