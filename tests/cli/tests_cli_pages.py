"""Generated English news pages for CLI tests (different text for each seed)."""

from __future__ import annotations

import random
from pathlib import Path

_TOPICS = ["parliament", "the budget", "the election", "schools", "hospitals", "farmers"]
_PLACES = ["Leeds", "Cardiff", "Glasgow", "Belfast", "Norwich", "Bristol"]


def article_text(seed: int) -> str:
    """Return a plausible English news story, different for each seed."""
    rng = random.Random(seed)
    lines = [f"Ministers debate {rng.choice(_TOPICS)} plans number {seed}", ""]
    for i in range(6):
        topic, place = rng.choice(_TOPICS), rng.choice(_PLACES)
        lines.append(
            f"The minister told reporters in {place} on Tuesday that the government would "
            f"publish new proposals on {topic} next month, the {seed}th such promise this "
            f"year. Opposition members said paragraph {i} of the plan offered little detail "
            f"and asked for a vote before the summer recess."
        )
        lines.append("")
    return "\n".join(lines)


def write_pages(folder: Path, n: int, *, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        p = folder / f"story_{i:03d}.txt"
        p.write_text(article_text(i), encoding="utf-8")
        paths.append(p)
    return paths
