"""The coding lexicon: verb and noun patterns that map a predicate to a CAMEO code.

A lexicon is a tab-separated file, one pattern a line (``#`` starts a comment)::

    pos  lemma  when                 source    target        code  comment
    V    meet   -                    subj      with|obj|mutual  040  Meet, consult
    V    impose obj=sanction|embargo subj      on|against    163   Impose sanctions
    N    talks  -                    poss|subj with|mutual   046   Hold talks

``when`` lists conditions that must all hold (``-`` for none), separated by spaces:

    obj=a|b     a direct object (or passive subject) with one of these lemmas; ``obj=*`` any;
                ``obj=@persons`` any word of a semantic class of ``classes.tsv`` (its lemmas,
                or a token with one of its named-entity labels: "Chaudhry" PERSON)
    noobj       no direct object
    mod=a|b     a compound or adjective on the predicate or its object ("air strike")
    prep=a|b    a preposition on the predicate (or on its object) with one of these lemmas
    prt=a|b     a verb particle ("call off")
    comp=a|b    a clausal complement ("agree to meet") whose head has one of these lemmas
    compobj     an object plus a clausal complement ("want X to do")
    modal=a|b   a clausal complement with one of these modals ("said Y must withdraw")
    pobj=p:a|b  the object of preposition ``p`` has one of these lemmas ("call for aid")
    gov=a|b     the governing verb of a noun predicate ("hold talks", "lay out demands")

``source`` and ``target`` name argument slots, tried in order until one holds an actor:
``subj`` (the agent; the ``by`` phrase of a passive; the controller of an infinitive),
``obj``, ``iobj``, ``poss`` (an actor modifying a noun predicate: "Russian attack"), ``cause``
(the doer of what provoked a reaction: "North Korea's launch drew condemnation from Japan"), any
preposition (``with``, ``to``, ``against``, ``on`` ...), ``comp`` (the subject of a clausal
complement: "alleged that France ..."), ``cobj`` (the complement's object: "refused to release
X"), ``venue`` (the body whose meeting is the setting: "at a meeting of the bloc"), ``mutual``
(no target: pair the source actors with each other), ``both`` (also code the reverse
direction, for acts that are mutual by nature such as talks) and ``-`` (no target needed).
The code must be in the packaged CAMEO table. Among the patterns whose conditions hold, the
most specific wins; on a tie, the later one (so a user's lexicon, read after the packaged one,
overrides it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from eventwire.errors import LexiconError
from eventwire.events.ontology import is_code

__all__ = ["Condition", "Entry", "Lexicon", "load_lexicon", "packaged_lexicon_path"]

Pos = Literal["V", "N"]
_KINDS = frozenset(
    {"obj", "noobj", "mod", "prep", "prt", "comp", "compobj", "modal", "pobj", "gov"}
)
_NAMED_SLOTS = frozenset(
    {"subj", "obj", "iobj", "poss", "venue", "comp", "cobj", "cause", "mutual", "both", "-"}
)
_PREPS = frozenset(
    [
        "with",
        "by",
        "to",
        "against",
        "on",
        "at",
        "for",
        "from",
        "of",
        "in",
        "into",
        "over",
        "toward",
        "towards",
        "upon",
        "onto",
        "about",
        "between",
        "among",
        "across",
        "near",
        "inside",
        "outside",
        "off",
        "along",
        "behind",
        "beyond",
        "within",
    ]
)


@dataclass(frozen=True, slots=True)
class Condition:
    """One condition of a pattern: ``kind`` plus the lemmas it accepts (empty: any)."""

    kind: str
    values: frozenset[str]
    prep: str | None = None  # for pobj=p:...
    labels: frozenset[str] = frozenset()  # named-entity labels a class accepts (obj=@persons)


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon pattern; ``id`` is what an event's ``rule`` cites."""

    id: str
    pos: Pos
    lemma: str
    conditions: tuple[Condition, ...]
    source: tuple[str, ...]
    target: tuple[str, ...]
    code: str
    comment: str
    order: int

    @property
    def specificity(self) -> float:
        """Count the conditions; an unrestricted one (``obj=*``) counts half."""
        return sum(
            0.5 if c.kind in ("obj", "comp") and not c.values else 1.0 for c in self.conditions
        )


class Lexicon:
    """Patterns indexed by (part of speech, lemma) for constant-time lookup per token."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        index: dict[tuple[str, str], list[Entry]] = {}
        for e in entries:
            bucket = index.setdefault((e.pos, e.lemma), [])
            # a later entry with the same conditions replaces the earlier one
            bucket[:] = [b for b in bucket if b.conditions != e.conditions]
            bucket.append(e)
        self._index = {k: tuple(v) for k, v in index.items()}
        self.lemmas: frozenset[str] = frozenset(lemma for _, lemma in self._index)

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def entries(self, pos: str, lemma: str) -> tuple[Entry, ...]:
        """Return the patterns for a lemma (empty when none)."""
        return self._index.get((pos, lemma), ())

    def all_entries(self) -> tuple[Entry, ...]:
        """Return every pattern."""
        return tuple(e for v in self._index.values() for e in v)


def packaged_lexicon_path() -> Path:
    """Return the path of the lexicon shipped with eventwire."""
    return Path(str(resources.files("eventwire").joinpath("data", "lexicon", "lexicon.tsv")))


def packaged_classes_path() -> Path:
    """Return the path of the semantic classes of objects shipped with eventwire."""
    return Path(str(resources.files("eventwire").joinpath("data", "lexicon", "classes.tsv")))


@lru_cache(maxsize=1)
def object_classes() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Read ``classes.tsv``: class name → (lemmas, named-entity labels).

    Raises:
        LexiconError: The file is missing or a line is malformed.
    """
    p = packaged_classes_path()
    try:
        text = p.read_text("utf-8")
    except OSError as e:
        raise LexiconError(f"{p}: cannot read object classes ({e.strerror})") from e
    out: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            raise LexiconError(f"{p}:{n}: expected name, labels, lemmas (3 tab-separated columns)")
        name, labels, lemmas = (c.strip() for c in cols)
        label_set = frozenset(x for x in labels.split("|") if x and x != "-")
        out[name] = (frozenset(x.lower() for x in lemmas.split("|") if x), label_set)
    return out


def _split_values(raw: str) -> frozenset[str]:
    return frozenset(v.strip().lower() for v in raw.split("|") if v.strip() and v != "*")


def _expand(raw: str, where: str) -> tuple[frozenset[str], frozenset[str]]:
    """Split ``a|b|@class`` into lemmas and labels, expanding the classes it names."""
    words: set[str] = set()
    labels: set[str] = set()
    classes = object_classes() if "@" in raw else {}
    for value in _split_values(raw):
        if not value.startswith("@"):
            words.add(value)
            continue
        if value[1:] not in classes:
            raise LexiconError(f"{where}: unknown object class {value!r} (see classes.tsv)")
        lemmas, labs = classes[value[1:]]
        words |= lemmas
        labels |= labs
    return frozenset(words), frozenset(labels)


def _parse_condition(token: str, where: str) -> Condition:
    kind, _, raw = token.partition("=")
    if kind not in _KINDS:
        raise LexiconError(f"{where}: unknown condition {kind!r}")
    if kind in {"noobj", "compobj"}:
        if raw:
            raise LexiconError(f"{where}: condition {kind!r} takes no value")
        return Condition(kind, frozenset())
    if not raw:
        raise LexiconError(f"{where}: condition {kind!r} needs a value ({kind}=a|b)")
    if kind == "pobj":
        prep, sep, rest = raw.partition(":")
        if not sep or not rest:
            raise LexiconError(f"{where}: pobj needs a preposition: pobj=for:aid|help")
        return Condition(kind, _split_values(rest), prep.lower())
    if kind == "obj" and "@" in raw:
        words, labels = _expand(raw, where)
        return Condition(kind, words, labels=labels)
    return Condition(kind, _split_values(raw))


def _parse_slots(raw: str, where: str, column: str) -> tuple[str, ...]:
    slots = tuple(s.strip().lower() for s in raw.split("|") if s.strip())
    if not slots:
        raise LexiconError(f"{where}: empty {column} column")
    for s in slots:
        if s not in _NAMED_SLOTS and s not in _PREPS:
            raise LexiconError(f"{where}: unknown {column} slot {s!r}")
    return slots


def load_lexicon(path: str | Path, *, name: str | None = None, start: int = 0) -> list[Entry]:
    """Read one lexicon file.

    Args:
        path: The TSV file.
        name: Prefix of the entry ids (default: the file's stem), e.g. ``lexicon:meet#1``.
        start: Order number of the first entry (entries read later win ties).

    Raises:
        LexiconError: The file cannot be read, or a line is malformed (names file and line).
    """
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except OSError as e:
        raise LexiconError(f"{p}: cannot read lexicon ({e.strerror})") from e
    except UnicodeDecodeError as e:
        raise LexiconError(f"{p}: lexicon is not UTF-8 ({e.reason})") from e
    prefix = name or p.stem
    counts: dict[str, int] = {}
    out: list[Entry] = []
    for n, line in enumerate(text.splitlines(), start=1):
        body = line.split("#", 1)[0] if not line.lstrip().startswith("#") else ""
        if not body.strip():
            continue
        where = f"{p}:{n}"
        cols = [c.strip() for c in line.rstrip("\n").split("\t")]
        if cols[0] == "pos":
            continue  # header row
        if len(cols) < 6:
            raise LexiconError(
                f"{where}: expected 6 or 7 tab-separated columns "
                "(pos, lemma, when, source, target, code, comment), got {len(cols)}"
            )
        pos, lemma, when, source, target, code = cols[:6]
        comment = cols[6] if len(cols) > 6 else ""
        if pos not in ("V", "N"):
            raise LexiconError(f"{where}: part of speech must be V or N, got {pos!r}")
        lemma = lemma.lower()
        if not lemma or " " in lemma:
            raise LexiconError(f"{where}: lemma must be one word, got {lemma!r}")
        if not is_code(code):
            raise LexiconError(f"{where}: {code!r} is not a CAMEO code")
        conditions = (
            () if when in ("", "-") else tuple(_parse_condition(t, where) for t in when.split())
        )
        counts[lemma] = counts.get(lemma, 0) + 1
        out.append(
            Entry(
                id=f"{prefix}:{lemma}#{counts[lemma]}",
                pos=pos,  # type: ignore[arg-type]  # checked above
                lemma=lemma,
                conditions=conditions,
                source=_parse_slots(source, where, "source"),
                target=_parse_slots(target, where, "target"),
                code=code,
                comment=comment,
                order=start + len(out),
            )
        )
    return out
