"""Layered, validated settings: packaged defaults < user file < environment < flags.

The packaged ``defaults.toml`` documents every key. A user file has the same sections; an
environment variable ``EVENTWIRE_<SECTION>_<KEY>`` overrides one key; the CLI passes its flags
as overrides. Unknown sections or keys and values of the wrong type raise :class:`ConfigError`.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

__all__ = [
    "ActorsSettings",
    "EventsSettings",
    "ExtractSettings",
    "IngestSettings",
    "NlpSettings",
    "ServeSettings",
    "Settings",
    "StoreSettings",
    "load_settings",
]

ENV_PREFIX = "EVENTWIRE_"
USER_FILE = "eventwire.toml"


@dataclass(frozen=True, kw_only=True)
class IngestSettings:
    timeout: float = 20.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    user_agent: str = "eventwire/0.1"


@dataclass(frozen=True, kw_only=True)
class ExtractSettings:
    languages: tuple[str, ...] = ("en",)
    min_chars: int = 200
    workers: int = 1


@dataclass(frozen=True, kw_only=True)
class NlpSettings:
    model: str = "auto"
    batch_size: int = 32
    workers: int = 1


@dataclass(frozen=True, kw_only=True)
class ActorsSettings:
    extra_tables: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class EventsSettings:
    coder: str = "eventwire.rules.v1"
    extra_lexicons: tuple[str, ...] = ()
    historical_after_days: int = 365


@dataclass(frozen=True, kw_only=True)
class StoreSettings:
    db: str = "eventwire.duckdb"
    batch_size: int = 100


@dataclass(frozen=True, kw_only=True)
class ServeSettings:
    host: str = "127.0.0.1"
    port: int = 8750


@dataclass(frozen=True, kw_only=True)
class Settings:
    """All settings, one section per stage."""

    ingest: IngestSettings = field(default_factory=IngestSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    nlp: NlpSettings = field(default_factory=NlpSettings)
    actors: ActorsSettings = field(default_factory=ActorsSettings)
    events: EventsSettings = field(default_factory=EventsSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    serve: ServeSettings = field(default_factory=ServeSettings)

    def replace(self, section: str, **values: Any) -> Settings:
        """Return a copy with some keys of one section changed (validated)."""
        return _build(_merge(_as_mapping(self), {section: values}, origin="replace()"))


def _as_mapping(settings: Settings) -> dict[str, dict[str, Any]]:
    return {
        f.name: dataclasses.asdict(getattr(settings, f.name)) for f in dataclasses.fields(settings)
    }


_SECTIONS: dict[str, type] = {
    "ingest": IngestSettings,
    "extract": ExtractSettings,
    "nlp": NlpSettings,
    "actors": ActorsSettings,
    "events": EventsSettings,
    "store": StoreSettings,
    "serve": ServeSettings,
}


def _sections() -> dict[str, type]:
    return _SECTIONS


def _coerce(value: Any, default: Any, where: str) -> Any:
    """Check ``value`` against the type of the default, converting env strings."""
    if isinstance(default, bool):
        if isinstance(value, str):
            if value.lower() in {"1", "true", "yes", "on"}:
                return True
            if value.lower() in {"0", "false", "no", "off"}:
                return False
        if isinstance(value, bool):
            return value
    elif isinstance(default, int):
        try:
            if isinstance(value, str | int) and not isinstance(value, bool):
                return int(value)
        except ValueError:
            pass
    elif isinstance(default, float):
        try:
            if isinstance(value, str | int | float) and not isinstance(value, bool):
                return float(value)
        except ValueError:
            pass
    elif isinstance(default, str):
        if isinstance(value, str):
            return value
        if isinstance(value, Path):
            return str(value)
    elif isinstance(default, tuple):
        if isinstance(value, str):
            return tuple(v.strip() for v in value.split(",") if v.strip())
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return tuple(value)
    raise ConfigError(f"{where}: expected {type(default).__name__}, got {value!r}")


def _merge(
    base: Mapping[str, Mapping[str, Any]], layer: Mapping[str, Any], *, origin: str
) -> dict[str, dict[str, Any]]:
    out = {name: dict(values) for name, values in base.items()}
    for section, values in layer.items():
        if section not in out:
            raise ConfigError(f"{origin}: unknown section [{section}]")
        if not isinstance(values, Mapping):
            raise ConfigError(f"{origin}: [{section}] must be a table")
        for key, value in values.items():
            if key not in out[section]:
                raise ConfigError(f"{origin}: unknown key '{key}' in [{section}]")
            out[section][key] = _coerce(value, out[section][key], f"{origin}: {section}.{key}")
    return out


def _build(values: Mapping[str, Mapping[str, Any]]) -> Settings:
    sections = _sections()
    return Settings(**{name: sections[name](**values[name]) for name in sections})


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as e:
        raise ConfigError(f"{path}: cannot read settings file ({e.strerror})") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML ({e})") from e


def _env_layer(environ: Mapping[str, str]) -> dict[str, dict[str, str]]:
    layer: dict[str, dict[str, str]] = {}
    sections = _sections()
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or name == ENV_PREFIX + "CONFIG":
            continue
        rest = name[len(ENV_PREFIX) :].lower()
        section, _, key = rest.partition("_")
        if section not in sections or not key:
            continue  # other EVENTWIRE_* variables (e.g. EVENTWIRE_SHARED) are not settings
        layer.setdefault(section, {})[key] = value
    return layer


def load_settings(
    path: str | Path | None = None,
    *,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build settings from the packaged defaults, a user file, the environment and flags.

    Args:
        path: A TOML settings file. Defaults to ``$EVENTWIRE_CONFIG`` or ``./eventwire.toml``
            when either exists.
        overrides: Values from command-line flags, by section; ``None`` values are ignored.
        environ: The environment to read (``os.environ`` by default).

    Raises:
        ConfigError: A file is unreadable, or a key is unknown or of the wrong type.
    """
    env = os.environ if environ is None else environ
    defaults_text = resources.files("eventwire").joinpath("defaults.toml").read_text("utf-8")
    values = _merge(_as_mapping(Settings()), tomllib.loads(defaults_text), origin="defaults.toml")
    if path is None:
        if env.get(ENV_PREFIX + "CONFIG"):
            path = env[ENV_PREFIX + "CONFIG"]
        elif Path(USER_FILE).is_file():
            path = USER_FILE
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"{p}: settings file not found")
        values = _merge(values, _read_toml(p), origin=str(p))
    values = _merge(values, _env_layer(env), origin="environment")
    if overrides:
        flags = {s: {k: v for k, v in kv.items() if v is not None} for s, kv in overrides.items()}
        values = _merge(values, flags, origin="command line")
    return _build(values)
