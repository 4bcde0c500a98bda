"""A throw-away PostgreSQL server for the tests of team mode, started from the installed binaries.

Loaded as a plugin by tests/conftest.py: any test may ask for ``server`` (a fresh database per test module, on one
cluster per test process).
"""

from __future__ import annotations

import itertools
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


@pytest.fixture(scope="session")
def cluster() -> Iterator[URL]:
    """A throw-away PostgreSQL cluster on a Unix socket in a temporary folder, started once per test process.

    Each pytest-xdist worker starts its own, in a folder and on a port of its own. Its URL names the
    ``postgres`` database; tests ask for ``server`` (a fresh database) instead.
    """
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
                    "-o", f"-k {folder} -p {port} -c listen_addresses='' -c fsync=off", "start"], check=True,
                   capture_output=True)  # fmt: skip
    try:
        yield make_url(f"postgresql+psycopg://postgres@/postgres?host={folder}&port={port}")
    finally:
        subprocess.run([*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       check=False, capture_output=True)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


_databases = itertools.count(1)


@pytest.fixture(scope="module")
def server(cluster: URL) -> Iterator[URL]:
    """A fresh, empty database for the test module, on the session's throw-away PostgreSQL cluster.

    Roles and other databases a module creates live on in the cluster for the rest of the run: a module that
    makes them gives them names no other module uses, or drops them first.
    """
    name = f"briefing_{next(_databases)}"
    admin(cluster, f"CREATE DATABASE {name}")
    try:
        yield cluster.set(database=name)
    finally:
        admin(cluster, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def admin(cluster: URL, statement: str) -> None:
    """Run ``statement`` on the cluster's ``postgres`` database, outside any transaction."""
    import psycopg

    with psycopg.connect(
        dbname="postgres",
        user="postgres",
        host=cluster.query["host"],
        port=cluster.query["port"],
        autocommit=True,
    ) as connection:
        connection.execute(statement)
