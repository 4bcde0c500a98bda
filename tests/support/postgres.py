"""A throw-away PostgreSQL server for the tests of team mode, started from the installed binaries.

Loaded as a plugin by tests/conftest.py: any test may ask for ``server`` (one cluster per test module).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL, make_url


def postgres_bin() -> Path:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if not candidates:
        pytest.fail("PostgreSQL is not installed: run the suite through scripts/test.sh, which installs it")
    return candidates[0].parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[URL]:
    """A throw-away PostgreSQL cluster on a Unix socket in a temporary folder."""
    binaries = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="briefing-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(folder, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    data = folder / "data"
    subprocess.run([*run_as, str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                    "--no-sync", "-E", "UTF8"], check=True, capture_output=True)  # fmt: skip
    subprocess.run([*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w",
                    "-o", f"-k {folder} -p {port} -c listen_addresses=''", "start"], check=True,
                   capture_output=True)  # fmt: skip
    try:
        subprocess.run([*run_as, str(binaries / "createdb"), "-h", str(folder), "-p", str(port), "-U", "postgres",
                        "briefing"], check=True, capture_output=True)  # fmt: skip
        yield make_url(f"postgresql+psycopg://postgres@/briefing?host={folder}&port={port}")
    finally:
        subprocess.run([*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       check=False, capture_output=True)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)
