from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.settings import load_settings


def test_defaults_come_from_packaged_file() -> None:
    s = load_settings(environ={})
    assert s.store.db == "eventwire.duckdb"
    assert s.nlp.model == "auto"
    assert s.extract.languages == ("en",)


def test_layers_file_then_env_then_flags(tmp_path: Path) -> None:
    cfg = tmp_path / "ew.toml"
    cfg.write_text('[store]\ndb = "file.duckdb"\nbatch_size = 7\n[nlp]\nbatch_size = 3\n')
    env = {"EVENTWIRE_STORE_DB": "env.duckdb", "EVENTWIRE_NLP_BATCH_SIZE": "5"}
    s = load_settings(cfg, environ=env, overrides={"store": {"db": "flag.duckdb"}})
    assert s.store.db == "flag.duckdb"
    assert s.store.batch_size == 7
    assert s.nlp.batch_size == 5


def test_user_file_in_cwd_is_read(tmp_path: Path) -> None:
    (tmp_path / "eventwire.toml").write_text("[ingest]\ntimeout = 3\n")
    assert load_settings(environ={}).ingest.timeout == 3.0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[nope]\nx = 1\n", "unknown section [nope]"),
        ("[store]\nnope = 1\n", "unknown key 'nope' in [store]"),
        ("[store]\nbatch_size = 'many'\n", "store.batch_size: expected int"),
        ("[store\n", "invalid TOML"),
    ],
)
def test_bad_file_names_file_and_problem(tmp_path: Path, text: str, message: str) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_settings(cfg, environ={})
    assert message in str(info.value)
    assert "bad.toml" in str(info.value)
    assert info.value.code == "EW100"


def test_bad_env_value_is_reported() -> None:
    with pytest.raises(ConfigError, match=r"environment: ingest\.max_bytes"):
        load_settings(environ={"EVENTWIRE_INGEST_MAX_BYTES": "ten"})


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="settings file not found"):
        load_settings(tmp_path / "absent.toml", environ={})


def test_every_default_key_is_documented() -> None:
    from importlib import resources

    text = resources.files("eventwire").joinpath("defaults.toml").read_text("utf-8")
    s = load_settings(environ={})
    for section in ("ingest", "extract", "nlp", "actors", "events", "store", "serve"):
        assert f"[{section}]" in text
        for key in vars(getattr(s, section)):
            assert f"\n{key} = " in text, f"{section}.{key} missing from defaults.toml"
