"""Offline language identification (py3langid, a maintained langid.py fork)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["detect_language"]


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """Return the ISO 639-1 code of the text's language and the detector's confidence (0-1)."""
    lang, prob = _identifier().classify(text[:5000])
    return str(lang), float(prob)
