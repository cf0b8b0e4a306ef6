"""Code gold sentences with the real pipeline and score them: ``evaluate()``.

Each gold sentence is coded as its own article, without extraction: the gold text is the
article body (no boilerplate removal, no minimum length), its date the publication date, and
it goes straight through nlp, actors and events (:meth:`Pipeline.code_articles`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from eventwire.eval.gold import GoldFormat, GoldSentence, load_gold
from eventwire.eval.metrics import EvalReport, PredictedEvent, score
from eventwire.pipeline import Pipeline
from eventwire.records import Article, Rejected
from eventwire.settings import Settings

__all__ = ["code_gold", "evaluate", "gold_article"]


def gold_article(sentence: GoldSentence) -> Article:
    """Wrap one gold sentence as an article whose ``doc_id`` is the gold id."""
    return Article(
        doc_id=sentence.id,
        url=None,
        title=None,
        paragraphs=(sentence.text,),
        text=sentence.text,
        language="en",
        published_at=sentence.date,
        published_at_raw=None,
        origin=None,
        publisher=None,
    )


def code_gold(
    sentences: Sequence[GoldSentence],
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
) -> tuple[dict[str, tuple[PredictedEvent, ...]], list[str]]:
    """Code gold sentences; return predicted events by gold id and the ids rejected.

    Args:
        sentences: The gold sentences.
        settings: Settings for a new pipeline (ignored when ``pipeline`` is given).
        pipeline: A pipeline to reuse (its spaCy model is loaded once).

    Raises:
        ModelError: The spaCy model cannot be loaded.
    """
    pipe = pipeline or Pipeline(settings)
    predictions: dict[str, tuple[PredictedEvent, ...]] = {}
    rejected: list[str] = []
    articles: Iterable[Article] = (gold_article(s) for s in sentences)
    for item in pipe.code_articles(articles):
        if isinstance(item, Rejected):
            rejected.append(f"{item.doc_id}: {item.reason}")
            continue
        if item.article is None:
            continue
        predictions[item.article.doc_id] = tuple(PredictedEvent.from_event(e) for e in item.events)
    return predictions, rejected


def evaluate(
    path: str | Path,
    *,
    format: GoldFormat,
    settings: Settings | None = None,
    limit: int | None = None,
    pipeline: Pipeline | None = None,
) -> EvalReport:
    """Code a gold file with eventwire and measure the coding against it.

    Args:
        path: The gold file.
        format: ``petrarch``, ``plover`` or ``eventwire`` (see ``docs/eval.md``).
        settings: Settings to code with; the layered defaults when omitted.
        limit: Evaluate only the first ``limit`` gold sentences.
        pipeline: A pipeline to reuse instead of building one from ``settings``.

    Raises:
        GoldFormatError: The gold file is missing or malformed.
        ModelError: The spaCy model cannot be loaded.
    """
    gold = load_gold(path, format=format, limit=limit)
    predictions, rejected = code_gold(gold.sentences, settings=settings, pipeline=pipeline)
    return score(
        gold.sentences,
        predictions,
        gold_name=gold.name,
        format=gold.format,
        rejected=rejected,
        notes=gold.notes,
    )
