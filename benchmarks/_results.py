"""Write one benchmark's section of ``benchmarks/RESULTS.md`` without touching the others.

Each benchmark script owns a section delimited by ``<!-- name -->`` and ``<!-- /name -->``
markers; re-running a script replaces only its own section, so results from several scripts
(run at different times, by different people) live side by side in one reviewed file.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import platform
import re
import sys
import tempfile
from pathlib import Path

__all__ = ["RESULTS", "machine_stamp", "write_section"]

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"

_HEADER = (
    "# eventwire benchmark results\n\n"
    "Written by the scripts in `benchmarks/` (see `benchmarks/README.md`); each section is\n"
    "replaced only by the script that owns it. Numbers depend on the machine stamped in the\n"
    "section.\n"
)
_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


def machine_stamp() -> str:
    """Describe the machine and the moment a measurement was taken, in one line."""
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"{today}; {platform.platform()}; {platform.machine()}; "
        f"{os.cpu_count()} CPUs; Python {platform.python_version()} "
        f"({sys.implementation.name})"
    )


def write_section(name: str, markdown: str, *, path: Path | None = None) -> None:
    """Replace the ``name`` section of RESULTS.md with ``markdown``, creating the file if needed.

    Args:
        name: Section name, letters, digits, ``_``, ``.`` and ``-`` only (used in the markers).
        markdown: The section body; a machine/date line is prepended to it.
        path: File to write instead of ``benchmarks/RESULTS.md`` (tests use this).
    """
    if not _NAME.match(name):
        raise ValueError(f"invalid section name {name!r}: use letters, digits, _ . -")
    target = path or RESULTS
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    body = f"{start}\n_Measured {machine_stamp()}._\n\n{markdown.strip()}\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    # Several benchmark scripts may finish at once: hold an exclusive lock while rewriting.
    with open(Path(tempfile.gettempdir()) / "eventwire-results.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        old = target.read_text("utf-8") if target.exists() else _HEADER
        if pattern.search(old):
            # A function replacement keeps backslashes in the markdown literal.
            new = pattern.sub(lambda _m: body, old, count=1)
        else:
            new = old.rstrip("\n") + "\n\n" + body + "\n"
        target.write_text(new if new.endswith("\n") else new + "\n", "utf-8")
