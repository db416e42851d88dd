"""The repository tests run against a real PostgreSQL server started for the session (pg_server).
Outside CI, a machine that cannot start one skips them, saying why; in CI (the CI variable set, as
.ci/run does) they must run, so the same reason fails them instead.

Each test gets a database of its own, so that the projects one test makes are not in another's list.
"""

from __future__ import annotations

import itertools
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import SUPERUSER, PostgresServer, ServerUnavailable, create_server

from orgdesigner.storage.repository import Repository, RepositoryAddress

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg() -> Iterator[PostgresServer]:
    try:
        server = create_server()
    except (ServerUnavailable, OSError, subprocess.TimeoutExpired) as exc:
        reason = f"no PostgreSQL server could be started for the repository tests: {exc}"
        if os.environ.get("CI"):
            pytest.fail(reason + " (CI must run them: .ci/run installs Debian's postgresql)", pytrace=False)
        pytest.skip(reason)
    yield server
    server.remove()


@pytest.fixture(autouse=True)
def password_from_environment(pg: PostgresServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The clients find the password in PGPASSWORD, as a user's script would; the user's own
    ~/.pgpass is never read by a test."""
    monkeypatch.setenv("PGPASSWORD", pg.password)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))


@pytest.fixture
def url(pg: PostgresServer) -> Iterator[str]:
    """A fresh, empty database's address (without a password), dropped after the test."""
    if not pg.is_running():  # a test that stopped the server and failed before starting it again
        pg.start()
    name = f"orgd_test_{next(_numbers)}"
    pg.admin(f"CREATE DATABASE {name}")
    yield pg.url_for(SUPERUSER, name)
    if not pg.is_running():
        pg.start()
    pg.admin(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def repository(url: str) -> Iterator[Repository]:
    address, _ = RepositoryAddress.parse(url)
    repository = Repository(address)
    yield repository
    repository.close()
