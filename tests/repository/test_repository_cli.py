"""`orgdesigner --repository URL`: everything that can stop it is said before any window, on stderr
with exit status 2 and no traceback; a good address opens the window on the chooser."""

from __future__ import annotations

import pytest
from pg_server import PostgresServer

from orgdesigner import cli
from orgdesigner.storage.repository import Repository


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Repository]:
    """The window is not opened: the repository it would be handed is recorded instead."""
    handed: list[Repository] = []

    def run(document: object, lang: object, repository: Repository) -> int:
        assert document is None
        handed.append(repository)
        return 0

    monkeypatch.setattr("orgdesigner.ui.app.run", run)
    return handed


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert cli.main(list(argv)) == cli.EXIT_UNUSABLE
    error = capsys.readouterr().err
    assert "Traceback" not in error and error.startswith(f"orgdesigner {argv[2] if len(argv) > 2 else 'open'}: ")
    return error


def test_a_reachable_repository_opens_the_window(url: str, opened: list[Repository]) -> None:
    assert cli.main(["--repository", url]) == 0
    assert [r.address.display for r in opened] == [url] and opened[0].check() == "orgd_test"


def test_what_stops_it_is_said_plainly(url: str, pg: PostgresServer, opened: list[Repository],
                                       capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert "not a PostgreSQL address" in refused(capsys, "--repository", "mysql://me@host/base")
    assert "names no database" in refused(capsys, "--repository", "postgresql://me@host")
    assert "cannot be reached" in refused(capsys, "--repository", "postgresql://me@127.0.0.1:1/base")
    assert 'database "nowhere" does not exist' in refused(capsys, "--repository", pg.url_for("orgd_test", "nowhere"))
    assert "without a COMMAND" in refused(capsys, "--repository", url, "open", "plan.orgd")
    assert "without a COMMAND" in refused(capsys, "--repository", url, "validate", "plan.orgd")
    monkeypatch.setenv("PGPASSWORD", "not-the-password")
    error = refused(capsys, "--repository", url)
    assert "refused the password" in error and "not-the-password" not in error
    monkeypatch.delenv("PGPASSWORD")
    error = refused(capsys, "--repository", url)  # no terminal to ask at: the ways to give it
    assert "asks for a password" in error and "PGPASSWORD" in error and ".pgpass" in error
    assert opened == []


def test_a_user_without_the_right_to_connect(url: str, pg: PostgresServer, opened: list[Repository],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    database = url.rsplit("/", 1)[1]
    pg.admin("DROP ROLE IF EXISTS outsider", "CREATE ROLE outsider LOGIN PASSWORD 'outsider'",
             f"REVOKE CONNECT ON DATABASE {database} FROM PUBLIC")
    error = refused(capsys, "--repository", pg.url_for("outsider", database).replace("outsider@", "outsider:outsider@"))
    assert "permission denied for database" in error and "outsider:outsider" not in error


def test_at_a_terminal_the_password_is_asked_once(url: str, pg: PostgresServer, opened: list[Repository],
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGPASSWORD")
    prompts: list[str] = []
    answers = [pg.password, "not it"]

    def getpass(prompt: str) -> str:
        prompts.append(prompt)
        return answers.pop(0)

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", getpass)
    assert cli.main(["--repository", url]) == 0
    assert prompts == [f"Password for {url}: "] and opened[0].check() == "orgd_test"
    assert "refused the password" in refused(capsys, "--repository", url)
    assert len(prompts) == 2  # asked once more, not again and again
