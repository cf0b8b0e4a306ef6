"""Whole `eventwire ingest` runs in a subprocess: killed midway, repeated, fed broken files."""

from __future__ import annotations

import gzip
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from tests_cli_pages import article_text, write_pages

from eventwire.ingest import page_id
from eventwire.store import Store

CLI = [sys.executable, "-c", "from eventwire.cli import main; main()"]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    env.update(extra)
    return env


def _summary(stdout: str) -> str:
    return stdout.strip().splitlines()[-1]


def test_killed_run_then_rerun_stores_each_document_once(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    paths = write_pages(first, 22) + write_pages(second, 18, start=22)
    db = tmp_path / "kill.duckdb"
    env = _env(EVENTWIRE_STORE_BATCH_SIZE="5")
    tail = ["--db", str(db), "--no-code", "--verbose"]
    # Standard input between the two folders holds the run still: after four committed batches
    # of five, the fifth batch has two pages read from folder a and waits for stdin, which
    # never comes. Killing it then loses exactly that batch in flight, with no timing race.
    cmd = [*CLI, "ingest", str(first), "-", str(second), *tail]
    proc = subprocess.Popen(
        cmd,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    committed = 0
    for line in proc.stderr:  # a line is printed only once its batch is committed
        committed += line.startswith("ingested")
        if committed == 20:
            break
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with Store.open(db) as store:
        assert store.counts()["pages"] == 20

    rerun = subprocess.run(
        [*CLI, "ingest", str(first), str(second), *tail],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert _summary(rerun.stdout) == "20 ingested, 20 duplicate, 0 rejected, 0 events"
    with Store.open(db) as store:
        counts = store.counts()
        assert counts["pages"] == counts["articles"] == 40
        ids = {page_id(p.read_bytes()) for p in paths}
        assert store.known_page_ids(sorted(ids)) == ids


def test_killed_while_working_then_rerun(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    write_pages(folder, 40)
    db = tmp_path / "busy.duckdb"
    env = _env(EVENTWIRE_STORE_BATCH_SIZE="5")
    cmd = [*CLI, "ingest", str(folder), "--db", str(db), "--no-code", "--verbose"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("ingested"):
            proc.send_signal(signal.SIGKILL)  # mid-run, whatever it is doing right now
            break
    proc.communicate(timeout=60)
    with Store.open(db) as store:
        stored = store.counts()["pages"]
    assert stored % 5 == 0  # whole batches only, however far it got
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=True)
    expected = f"{40 - stored} ingested, {stored} duplicate, 0 rejected, 0 events"
    assert _summary(rerun.stdout) == expected
    with Store.open(db) as store:
        assert store.counts()["pages"] == store.counts()["articles"] == 40


def test_second_run_reports_all_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    write_pages(folder, 12)
    db = tmp_path / "twice.duckdb"
    cmd = [*CLI, "ingest", str(folder), "--db", str(db), "--no-code"]
    env = _env(EVENTWIRE_STORE_BATCH_SIZE="5")
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=True)
    assert _summary(first.stdout) == "12 ingested, 0 duplicate, 0 rejected, 0 events"
    with Store.open(db) as store:
        before = store.counts()
    second = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=True)
    assert _summary(second.stdout) == "0 ingested, 12 duplicate, 0 rejected, 0 events"
    with Store.open(db) as store:
        assert store.counts() == before


def _bad_folder(folder: Path) -> dict[str, str]:
    """Write one good page and five broken files; return broken file name → expected stage."""
    folder.mkdir()
    rng = random.Random(7)
    (folder / "good.txt").write_text(article_text(1), encoding="utf-8")
    png = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(3000))
    (folder / "binary.html").write_bytes(png)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "invalid.txt").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(3000)))
    packed = gzip.compress(article_text(2).encode("utf-8"))
    (folder / "truncated.txt.gz").write_bytes(packed[: len(packed) // 2])
    (folder / "broken.warc").write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n"
        b"HTTP/1.1 200 OK\r\n\r\n<html><body>cut short"
    )
    return {
        "binary.html": "ingest",
        "empty.txt": "ingest",
        "invalid.txt": "",
        "truncated.txt.gz": "ingest",
        "broken.warc": "ingest",
    }


def test_broken_files_are_rejected_and_listed(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    expected = _bad_folder(folder)
    db = tmp_path / "bad.duckdb"
    run = subprocess.run(
        [*CLI, "ingest", str(folder), "--db", str(db), "--no-code"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert _summary(run.stdout) == f"1 ingested, 0 duplicate, {len(expected)} rejected, 0 events"
    listed = subprocess.run(
        [*CLI, "rejected", "--db", str(db), "--format", "csv"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    lines = listed.splitlines()[1:]
    for name, stage in expected.items():
        found = [line for line in lines if name in line]
        assert len(found) == 1, f"{name} not listed once in:\n{listed}"
        source, got_stage, reason = found[0].split(",")[:3]
        assert source.endswith(name) and reason.strip('"')
        if stage:
            assert got_stage == stage


@pytest.mark.parametrize("name", ["truncated.txt.gz", "broken.warc"])
def test_broken_container_with_good_files_after_it(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "mixed"
    _bad_folder(folder)
    write_pages(folder, 3, start=100)  # sorted after the broken files: the run must reach them
    db = tmp_path / "mixed.duckdb"
    subprocess.run(
        [*CLI, "ingest", str(folder), "--db", str(db), "--no-code"],
        env=_env(),
        capture_output=True,
        timeout=120,
        check=True,
    )
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 4
        assert any(name in r.source for r in store.rejections())
