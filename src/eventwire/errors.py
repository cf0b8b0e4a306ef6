"""Errors eventwire raises, each with a stable code (``EW###``) and a user-facing message.

    EventwireError                 EW000
    ├── ConfigError                EW100  a setting or settings file is invalid
    ├── InputError                 EW200  input cannot be read
    │   ├── SourceNotFound         EW201  a path does not exist
    │   ├── FetchError             EW202  an http(s) URL could not be fetched
    │   └── InputTooLarge          EW203  input exceeds the configured size cap
    ├── ModelError                 EW300  the spaCy model cannot be loaded
    ├── LexiconError               EW400  a lexicon or actor table is malformed
    ├── StoreError                 EW500  the database cannot be opened or written
    └── GoldFormatError            EW600  a gold file for ``eventwire eval`` is malformed

A document that a stage cannot handle is not an error: it becomes a ``Rejected`` record. These
exceptions are for problems that stop a command (bad settings, missing model, unreadable DB).
The CLI maps every one of them to exit code 1 and prints ``error EW###: message``.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EventwireError",
    "FetchError",
    "GoldFormatError",
    "InputError",
    "InputTooLarge",
    "LexiconError",
    "ModelError",
    "SourceNotFound",
    "StoreError",
]


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""

    code = "EW000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class ConfigError(EventwireError):
    """A setting, an environment variable or a settings file is invalid."""

    code = "EW100"


class InputError(EventwireError):
    """Input cannot be read at all."""

    code = "EW200"


class SourceNotFound(InputError):
    """A path given on the command line does not exist."""

    code = "EW201"


class FetchError(InputError):
    """An http(s) URL could not be fetched (network error, status, redirects, timeout)."""

    code = "EW202"


class InputTooLarge(InputError):
    """A document exceeds the configured size cap."""

    code = "EW203"


class ModelError(EventwireError):
    """The configured spaCy model is not installed or cannot be loaded."""

    code = "EW300"


class LexiconError(EventwireError):
    """A coding lexicon or an actor table is malformed."""

    code = "EW400"


class StoreError(EventwireError):
    """The database cannot be opened, migrated or written."""

    code = "EW500"


class GoldFormatError(EventwireError):
    """A gold-standard file given to ``eventwire eval`` is malformed."""

    code = "EW600"
