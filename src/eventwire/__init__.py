"""eventwire: turn raw news pages into trustworthy political event data.

Python API::

    import eventwire
    result = eventwire.code_text(text, published_at="2022-01-13T15:42:00Z")
    for event in result.events:
        print(event.source.code, event.cameo, event.target and event.target.code)
"""

from eventwire.errors import EventwireError
from eventwire.pipeline import STAGES, Pipeline, RunSummary, code_text, run
from eventwire.records import (
    Actor,
    Article,
    Event,
    Location,
    Page,
    Parsed,
    Quote,
    Rejected,
    Removed,
    Result,
    Story,
    to_dict,
)
from eventwire.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "STAGES",
    "Actor",
    "Article",
    "Event",
    "EventwireError",
    "Location",
    "Page",
    "Parsed",
    "Pipeline",
    "Quote",
    "Rejected",
    "Removed",
    "Result",
    "RunSummary",
    "Settings",
    "Story",
    "__version__",
    "code_text",
    "load_settings",
    "run",
    "to_dict",
]
