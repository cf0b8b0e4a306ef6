"""Match lexicon patterns on each sentence's dependency parse and build events.

For every token whose lemma the lexicon knows, the most specific pattern whose conditions hold
is chosen (:mod:`eventwire.events.patterns`); its source and target slots are filled with
actors (:mod:`eventwire.events.slots`; one event per actor pair, so "the US and Russia met"
gives both directions); mentions that are no act (accidents, topics, a routine inquiry) are
dropped here, and the modality comes from
:mod:`eventwire.events.modality`, the date from ``when.ground_date``, the place from
``where.locate``. A sentence with no matching pattern yields no event: there is no fallback
code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.events.clauses import Match, resolve_clauses, retarget
from eventwire.events.conventions import (
    deep_target,
    drop_untargeted_twins,
    implicit_source,
    implicit_target,
    inherited_targets,
    unnamed_agent,
    unnamed_party,
)
from eventwire.events.lexicon import Entry, Lexicon
from eventwire.events.mentions import (
    background_mention,
    described_threat,
    habitual,
    idiom,
    inverted_condition,
    named_act,
    planned_act,
    silence,
    undergone_reaction,
    unpermitted_act,
)
from eventwire.events.modality import modality_of
from eventwire.events.ontology import cameo_info, plover_for
from eventwire.events.patterns import VERB_POS, best_entry, forms, lemma_of, object_words
from eventwire.events.roles import OBJ, ActorIndex, Context, agent_heads, object_heads, prep_objects
from eventwire.events.slots import fill_slots
from eventwire.events.transforms import reframe
from eventwire.records import Actor, Event, Location, Quote

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Match", "code_sentence", "match_sentence"]


# the code of the reverse direction of a two-sided act ("both"), when it is not the same
_COUNTERPART = {"043": "042"}


# what an investigation "into the crash" probes: an occurrence, not a party
_OCCURRENCES = frozenset(
    ["incident", "incidents", "accident", "accidents", "crash", "crashes", "derailment",
     "collision", "explosion", "blast", "fire", "collapse", "cause", "causes", "circumstances"]
)  # fmt: skip


def _occurrence_probed(pred: Token) -> bool:
    """Tell whether an investigation with no target probes only an incident or its cause.

    "Police launched investigations into the incident" names no one investigated: a
    routine inquiry into what happened is no act between actors (CAMEO 090 needs a party
    under investigation), unlike "a hearing into the legality of interrogations".
    """
    hosts = [pred]
    if pred.dep_ in ("dobj", "obj") and pred.head.pos_ in VERB_POS:
        hosts.append(pred.head)  # "launched investigations into the incident"
    probed = [p for h in hosts for prep in ("into", "of") for p in prep_objects(h, prep)]
    return bool(probed) and all(p.lower_ in _OCCURRENCES for p in probed)


# abstract nouns whose infinitive names an act talked about, not done or intended
_TOPICS = frozenset(["need", "necessity", "importance", "possibility", "prospect", "chance"])


def _topic_only(pred: Token) -> bool:
    """Tell whether ``pred`` is only what a remark is about ("comments about the need to ...").

    The infinitive of an abstract noun that a remark is "about" is its subject matter, not
    an act or a stated intent of anyone.
    """
    head = pred.head
    if not (
        pred.dep_ == "acl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children)
        and head.lemma_.lower() in _TOPICS
    ):
        return False
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    # "look into the need to increase our presence" is a stated intent, kept
    return head.dep_ == "pobj" and head.head.lower_ in ("about", "over", "regarding")


_FORCE = frozenset({"18", "19", "20"})
# slots that name where an act happens: a victim only when the act has a named agent
_PLACE_SLOTS = frozenset({"in", "across", "near", "inside", "within", "throughout"})
# missiles launched or fired at nobody named are a show of force (150), not an air strike
_MISSILES = frozenset(
    ["missile", "missiles", "icbm", "icbms", "irbm", "projectile", "projectiles", "rocket",
     "rockets"]
)  # fmt: skip
_LAUNCH = frozenset({"launch", "fire", "test", "test-fire"})


def _show_of_force(entry: Entry, tok: Token, found: Sequence[Actor]) -> bool:
    """Tell whether a missile launch is a test or a show of force: no target of its own slots.

    "North Korea fired a missile over Japan" hits nobody: CAMEO's 15 (demonstrate military
    power), aimed at the country it flies over; "fired missiles at Israeli towns" is 195.
    Rockets fired (not launched) stay an attack: rocket fire is aimed at someone even unnamed.
    """
    if entry.code != "195" or found or tok.pos_ not in VERB_POS:
        return False
    lemma = lemma_of(tok)
    if lemma not in _LAUNCH:
        return False
    objs = {f for o in object_words(tok) for f in forms(o)}
    if lemma == "fire":
        objs -= {"rocket", "rockets"}
    return bool(objs & _MISSILES)


# causes of death and damage that are no actor's act
_ACCIDENTS = frozenset(
    ["crash", "accident", "collision", "earthquake", "quake", "flood", "floods", "storm",
     "hurricane", "typhoon", "cyclone", "tsunami", "landslide", "avalanche", "disease",
     "epidemic", "outbreak", "drought", "famine", "heatwave", "wildfire", "derailment"]
)  # fmt: skip


# verbs of a crash: the deaths told with them are nobody's act
_ACCIDENT_VERBS = frozenset(["crash", "derail", "collide", "capsize", "sink", "collapse"])


def _by_accident(tok: Token) -> bool:
    """Tell whether a violent verb tells deaths by an accident or disaster.

    "killed by a crash" (the agent), "crashed ..., killing 10 US citizens" (a participle of
    a crash verb) and "seven people were killed when a tram derailed" (a clause of time
    telling the crash) are no one's act.
    """
    if tok.pos_ not in VERB_POS:
        return False
    if any(lemma_of(h) in _ACCIDENTS for h in agent_heads(tok)):
        return True
    # a participle without a subject of its own tells the outcome of what precedes it
    if (
        tok.tag_ == "VBG"
        and tok.dep_ in ("advcl", "acl", "conj")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and any(_a_crash(t) for t in tok.head.subtree if t.i < tok.i)
    ):
        return True
    return any(
        c.dep_ == "advcl"
        and _a_crash(c)
        and any(m.lower_ in ("when", "as", "after") for m in c.children)
        for v in (tok, *tok.conjuncts)
        for c in v.children
    )


def _a_crash(tok: Token) -> bool:
    """Tell whether a token tells an accident: a crash noun, or a crash verb with no object.

    "a bomber crashed a truck into the consulate" has an object: someone's attack.
    """
    lemma = lemma_of(tok)
    if tok.pos_ in VERB_POS:
        return lemma in _ACCIDENT_VERBS and not any(c.dep_ in OBJ for c in tok.children)
    return lemma in _ACCIDENTS


# words that make an act of force conventional military force (19x) whoever does it
_MILITARY = frozenset(
    ["troops", "troop", "soldier", "soldiers", "force", "forces", "army", "military", "navy",
     "aircraft", "jet", "jets", "warplane", "warplanes", "plane", "planes", "tank", "tanks",
     "artillery", "shelling", "shell", "shells", "airstrike", "airstrikes", "strike", "strikes",
     "air", "drone", "drones", "helicopter", "helicopters", "mortar", "mortars", "missile",
     "missiles", "rocket", "rockets", "raid", "offensive", "battle", "fighting", "clash",
     "clashes", "police", "policeman", "policemen", "officer", "officers", "security"]
)  # fmt: skip


def _unconventional(entry: Entry, tok: Token, sources: Sequence[Actor]) -> bool:
    """Tell whether a generic act of force (190) is unconventional violence (180).

    CAMEO 19 is conventional military force, used by armed forces; 18 is violence that
    needs no military organisation: killings by gunmen, a truck driven into a crowd. An act
    of force whose perpetrator names no actor (an unnamed agent) and whose clause names no
    military means or forces is 18 ("Scores of people were killed when a truck plowed
    through a crowd"); a named side ("Taliban insurgents struck at the Consulate") or
    military means ("killed in an air strike") or military victims ("10 Russian soldiers
    killed in Ukraine") keep 19.
    """
    if entry.code != "190" or not sources or any(a.role != "unnamed" for a in sources):
        return False
    words = {f for t in tok.subtree for f in forms(t)}
    for a in sources:
        words.update(w.lower() for w in a.text.split())
    # the victims too: soldiers killed are a battle's casualties ("10 Russian soldiers killed")
    victims = [*object_heads(tok), *([tok.head] if tok.dep_ in ("acl", "relcl") else [])]
    words.update(f for t in victims for f in forms(t))
    return not words & _MILITARY


def match_sentence(lexicon: Lexicon, sent: Span, ctx: Context) -> list[Match]:
    """Return every pattern match in one sentence (before dating and deduplication)."""
    out: list[Match] = []
    for tok in sent:
        if not any(f in lexicon.lemmas for f in forms(tok)):
            continue
        entry = best_entry(lexicon, tok)
        if entry is None:
            continue
        if entry.pos == "N" and (
            background_mention(tok) or named_act(tok) or undergone_reaction(tok)
        ):
            continue  # "after the Paris attacks", "called it a reprisal", "faced criticism"
        if unpermitted_act(tok) or planned_act(tok):
            continue  # "never allow companies to violate", "a resolution to annex"
        if habitual(tok) or inverted_condition(tok):
            continue  # "regularly holding drills", "had Japan shot down the missile"
        if described_threat(tok, entry.code) or silence(tok, entry.code) or idiom(tok):
            continue  # "militants threatening Kunduz", "refused to respond", "struck a note"
        if entry.code[:2] in _FORCE and _by_accident(tok):
            continue  # "victims killed by the crash": no one's act
        if _topic_only(tok):
            continue
        ctx.used_pronoun = False
        sources, src_slot = fill_slots(entry.source, tok, ctx)
        if not sources:
            sources, src_slot = unnamed_agent(entry.code, tok, ctx), "unnamed"
        if not sources:
            sources, src_slot = unnamed_party(tok, ctx), "unnamed"
        if not sources:
            continue
        if _unconventional(entry, tok, sources):
            entry = retarget(entry, "180")
        targets: list[Actor | None]
        found, tgt_slot = fill_slots(entry.target, tok, ctx)
        src_keys = {(a.start, a.end) for a in sources}
        found = [a for a in found if (a.start, a.end) not in src_keys]
        if tgt_slot in _PLACE_SLOTS and all(a.role == "unnamed" for a in sources):
            # "assaults have been carried out in other German cities and Finland": with no
            # named agent, the places are where it happened, not who suffered it
            found = []
        shown = _show_of_force(entry, tok, found)
        if shown:
            entry = retarget(entry, "150")
        if found:
            targets = list(found)
        elif "mutual" in entry.target and len({a.code for a in sources}) > 1:
            targets = []  # filled pairwise below
        elif "-" in entry.target:
            # an unnamed perpetrator's phrases name instruments and places, not its target
            named = not any(a.role == "unnamed" for a in sources)
            deep = deep_target(tok, ctx, {a.code for a in sources}) if named else []
            flight = tok.head.head if tok.dep_ == "acl" else None
            if shown and not deep and flight is not None and tok.head.dep_ == "nsubj":
                # "a missile launched from X had flown over Japan": aimed where it flew
                deep = deep_target(flight, ctx, {a.code for a in sources})
            targets = list(deep) if deep else [None]
            if targets == [None] and entry.code == "090" and _occurrence_probed(tok):
                continue
        else:
            continue
        confidence = 0.9 if tok.pos_ in VERB_POS else 0.8
        if ctx.used_pronoun:
            confidence -= 0.15
        if src_slot in ("poss", "venue", "unnamed"):
            confidence -= 0.1
        if targets == [None]:
            confidence -= 0.1
        modality = modality_of(tok)
        reframed = reframe(tok, entry.code, modality)
        if reframed is not None:
            code, modality = reframed
            entry = retarget(entry, code)
        done = reframed is not None
        if entry.code == "016" and modality == "negated" and not done:
            # "refused to deny claims", "did not deny it": nothing was denied
            continue
        if not targets:
            for a in sources:
                for b in sources:
                    if a.code != b.code:
                        out.append(Match(entry, tok, (a,), (b,), modality, confidence - 0.05, done))
            continue
        out.append(Match(entry, tok, tuple(sources), tuple(targets), modality, confidence, done))
        if "both" in entry.target and targets != [None]:
            # "received ministers": the host hosts (043), the guests visit (042)
            counterpart = _COUNTERPART.get(entry.code)
            back = retarget(entry, counterpart) if counterpart else entry
            for tgt in targets:
                if tgt is not None:
                    out.append(Match(back, tok, (tgt,), tuple(sources), modality, confidence, done))
    return _continued(resolve_clauses(out, ctx), ctx)


def _continued(out: list[Match], ctx: Context) -> list[Match]:
    """Give an untargeted participle the target of the clause it continues ("..., warning")."""
    result: list[Match] = []
    for m in out:
        if m.targets == (None,):
            others = [(o.pred, o.targets) for o in out if o is not m]
            found = inherited_targets(m.pred, others, m.sources, ctx)
            if found:
                m = Match(
                    m.entry,
                    m.pred,
                    m.sources,
                    tuple(found),
                    m.modality,
                    m.confidence - 0.05,
                    m.reframed,
                )
        result.append(m)
    return result


def _event_id(doc_id: str, start: int, tok: int, code: str, src: str, tgt: str) -> str:
    raw = f"{doc_id}|{start}|{tok}|{code}|{src}|{tgt}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """What every event of one sentence shares: date, place and quote."""

    event_date: str | None
    date_precision: str | None
    historical: bool
    location: Location | None
    quote: Quote | None


def code_sentence(
    lexicon: Lexicon,
    sent: Span,
    ctx: Context,
    *,
    doc_id: str,
    info: Callable[[Token], SentenceInfo],
    seen: set[tuple[str | None, str | None, str]],
) -> list[Event]:
    """Code one sentence; ``seen`` holds the (source, target, code) keys already emitted."""
    events: list[Event] = []
    # spaCy keeps a paragraph break ("\n\n") on the sentence before it: the evidence is
    # the sentence itself, and its span covers just that.
    sent_text = sent.text.strip()
    sent_start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    for m in match_sentence(lexicon, sent, ctx):
        row = cameo_info(m.entry.code)
        ptype, pmode = plover_for(m.entry.code)
        details = info(m.pred)
        for source in m.sources:
            for named in m.targets:
                tgt = named
                if tgt is None:
                    tgt = implicit_target(m.entry.code, source, details.location)
                src = implicit_source(source, tgt, details.location)
                if src.code is None and (tgt is None or tgt.code is None):
                    continue  # an unnamed perpetrator needs a named victim
                if src.role == "unnamed-party" and (named is None or named.code is None):
                    continue  # ... and an unnamed party a named target
                if tgt is not None and tgt.code == src.code and tgt.role != "implicit":
                    if tgt.start == src.start:
                        continue
                    if tgt.sector == src.sector and (tgt.name or tgt.text) == (
                        src.name or src.text
                    ):
                        tgt = None  # the same actor named twice is not a second party
                key = (src.code, tgt.code if tgt else None, m.entry.code)
                if key in seen:
                    continue
                seen.add(key)
                events.append(
                    Event(
                        id=_event_id(
                            doc_id,
                            sent.start_char,
                            m.pred.i,
                            m.entry.code,
                            src.code or "",
                            (tgt.code or "") if tgt else "",
                        ),
                        doc_id=doc_id,
                        sentence=sent_text,
                        start=sent_start,
                        end=sent_start + len(sent_text),
                        source=src,
                        target=tgt,
                        cameo=m.entry.code,
                        cameo_root=row.root,
                        quad_class=row.quad_class,
                        goldstein=row.goldstein,
                        plover_type=ptype,
                        plover_mode=pmode,
                        modality=m.modality,  # type: ignore[arg-type]  # from PRECEDENCE
                        historical=details.historical,
                        event_date=details.event_date,
                        date_precision=details.date_precision,  # type: ignore[arg-type]
                        location=details.location,
                        quote_id=details.quote.id if details.quote else None,
                        confidence=round(max(0.05, min(1.0, m.confidence)), 2),
                        rule=m.entry.id,
                    )
                )
    return drop_untargeted_twins(events)


__all__ += ["ActorIndex", "SentenceInfo"]
