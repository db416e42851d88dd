"""The repository's storage layer against a real server: projects in schemas, the same migrations
as a file, per-scenario saves with versions, and the errors a user can meet, said plainly."""

from __future__ import annotations

import dataclasses
import threading
import time

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from pg_server import PostgresServer
from projects import rich_project
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.pool import NullPool

from orgdesigner.model.entities import Organisation, Position, Project, Scenario
from orgdesigner.storage import database
from orgdesigner.storage.repository import (
    ConnectionLost,
    PasswordRequired,
    Repository,
    RepositoryAddress,
    RepositoryError,
    ScenarioConflict,
    ScenarioWrite,
    StoredScenario,
)
from orgdesigner.storage.schema import metadata


def test_every_field_round_trips_through_the_server(repository: Repository) -> None:
    project = rich_project()
    key, stored = repository.create_project(project)
    assert key == "orgd_habitat_partage"
    assert {name: s.version for name, s in stored.items()} == {"Existant 2026": 1, "Cible": 1}
    loaded, versions = repository.load(key)
    assert loaded == project
    current = loaded.scenarios[0]
    assert current.positions[1].fte == 0.1 + 0.2 and current.positions[3].fte == 1 / 3  # 8-byte floats
    assert current.layout["p1"] == (1e300, 5e-324)
    assert [a.sites for a in current.agencies][1:] == [None, ()]
    assert list(current.parameters) == ["max_direct_reports", "headcount_basis", "model1_below"]
    assert versions == stored
    assert all(s.saved_by == "orgd_test" and s.saved_at is not None for s in versions.values())


def test_projects_are_listed_by_name_with_their_scenarios_and_last_save(repository: Repository) -> None:
    assert repository.projects() == []
    first, _ = repository.create_project(rich_project("Office Nord"))
    second, _ = repository.create_project(Project(Organisation("Accueil Sud"), (Scenario("Existant"),)))
    listed = repository.projects()
    assert [(p.key, p.name, p.scenarios) for p in listed] == [
        (second, "Accueil Sud", ("Existant",)), (first, "Office Nord", ("Existant 2026", "Cible"))]
    assert all(p.saved_by == "orgd_test" and p.saved_at is not None and p.problem is None for p in listed)
    with pytest.raises(RepositoryError, match="already holds a project named 'office nord'"):
        repository.create_project(Project(Organisation("office nord"), (Scenario("x"),)))


def test_names_become_distinct_schemas_and_hostile_names_stay_data(repository: Repository) -> None:
    hostile = 'Robert"); DROP SCHEMA public CASCADE; --'
    key, _ = repository.create_project(Project(Organisation(hostile), (Scenario("'; DELETE FROM scenario; --"),)))
    assert key == "orgd_robert_drop_schema_public_cascade"
    loaded, _ = repository.load(key)
    assert loaded.organisation.name == hostile and loaded.scenarios[0].name == "'; DELETE FROM scenario; --"
    other, _ = repository.create_project(Project(Organisation("Robert; DROP SCHEMA public CASCADE"),
                                                 (Scenario("x"),)))
    assert other == key + "_2"
    with pytest.raises(RepositoryError, match="not an OrgDesigner project"):
        repository.load("public")


def test_the_migrations_build_the_orm_schema_on_postgresql(repository: Repository, url: str,
                                                           pg: PostgresServer) -> None:
    """The same migrations as a file's, run on the server, give exactly the ORM's tables."""
    key, _ = repository.create_project(rich_project())
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"), poolclass=NullPool)
    with engine.connect() as connection:
        connection.execute(text(f"SET search_path TO {key}"))
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == database.head_revision()
        kinds: dict[str, str] = dict(connection.execute(text(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = :key AND table_name = 'position'"), {"key": key}).all())
    engine.dispose()
    assert kinds["fte"] == kinds["x"] == "double precision"


def test_a_project_from_an_older_version_is_upgraded_when_opened(repository: Repository, url: str) -> None:
    key, _ = repository.create_project(rich_project())
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"), poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text(f"SET search_path TO {key}"))
        from alembic import command

        command.downgrade(database.alembic_config(connection), "0001")
    engine.dispose()
    assert [p.problem for p in repository.projects()] == [None]  # listed, older but openable
    loaded, versions = repository.load(key)
    assert loaded == rich_project() and {s.version for s in versions.values()} == {1}


def test_a_project_from_a_newer_version_is_listed_but_refused(repository: Repository, url: str) -> None:
    key, _ = repository.create_project(rich_project())
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"), poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE {key}.alembic_version SET version_num = '9999'"))
    engine.dispose()
    assert "newer version of OrgDesigner" in (repository.projects()[0].problem or "")
    with pytest.raises(RepositoryError, match="newer version of OrgDesigner"):
        repository.load(key)


def _edited(scenario: Scenario, holder: str) -> Scenario:
    return dataclasses.replace(scenario, positions=tuple(
        dataclasses.replace(p, holder=holder) if p.id == "p1" else p for p in scenario.positions))


def test_a_save_raises_the_version_and_rewrites_only_that_scenario(repository: Repository) -> None:
    key, stored = repository.create_project(rich_project())
    project, _ = repository.load(key)
    current = project.scenarios[0]
    saved = repository.save(key, [ScenarioWrite(_edited(current, "Nouvelle"), stored["Existant 2026"])])
    assert saved["Existant 2026"].version == 2
    loaded, versions = repository.load(key)
    assert loaded.scenarios[0].positions[0].holder == "Nouvelle"
    assert loaded.scenarios[1] == project.scenarios[1] and versions["Cible"].version == 1
    assert loaded.scenarios[0].links == current.links and loaded.scenarios[0].layout == current.layout


def test_a_save_over_an_older_version_is_a_conflict_and_writes_nothing(repository: Repository) -> None:
    key, stored = repository.create_project(rich_project())
    project, _ = repository.load(key)
    current, target = project.scenarios
    repository.save(key, [ScenarioWrite(_edited(current, "Alice"), stored["Existant 2026"])])
    with pytest.raises(ScenarioConflict) as raised:
        repository.save(key, [ScenarioWrite(_edited(current, "Bob"), stored["Existant 2026"]),
                              ScenarioWrite(dataclasses.replace(target, description="Bob's"), stored["Cible"])])
    (conflict,) = raised.value.conflicts
    assert (conflict.name, conflict.kind) == ("Existant 2026", "changed")
    assert conflict.theirs is not None and conflict.theirs.version == 2 and conflict.theirs.saved_by == "orgd_test"
    loaded, versions = repository.load(key)
    assert loaded.scenarios[0].positions[0].holder == "Alice"
    assert loaded.scenarios[1].description is None and versions["Cible"].version == 1  # all or nothing


def test_renames_deletions_and_new_names_are_checked_too(repository: Repository) -> None:
    key, stored = repository.create_project(rich_project())
    project, _ = repository.load(key)
    current, target = project.scenarios
    # Someone renames "Cible"; then our save of "Cible" finds it gone, and our new "Cible 2" is taken.
    repository.save(key, [ScenarioWrite(dataclasses.replace(target, name="Cible 2"), stored["Cible"])])
    with pytest.raises(ScenarioConflict) as raised:
        repository.save(key, [ScenarioWrite(target, stored["Cible"]),
                              ScenarioWrite(dataclasses.replace(current, name="Cible 2"), None)])
    assert {(c.name, c.kind) for c in raised.value.conflicts} == {("Cible", "gone"), ("Cible 2", "taken")}
    # Deleting what someone saved since is a conflict; deleting what nobody touched is not.
    repository.save(key, [ScenarioWrite(_edited(current, "Alice"), stored["Existant 2026"])])
    with pytest.raises(ScenarioConflict):
        repository.save(key, [], [stored["Existant 2026"]])
    versions = repository.load(key)[1]
    repository.save(key, [], [versions["Cible 2"]])
    assert [s.name for s in repository.load(key)[0].scenarios] == ["Existant 2026"]


def test_two_scenarios_can_swap_names_in_one_save(repository: Repository) -> None:
    key, stored = repository.create_project(rich_project())
    project, _ = repository.load(key)
    current, target = project.scenarios
    saved = repository.save(key, [ScenarioWrite(dataclasses.replace(current, name="Cible"), stored["Existant 2026"]),
                                  ScenarioWrite(dataclasses.replace(target, name="Existant 2026"), stored["Cible"])])
    loaded, _ = repository.load(key)
    assert [(s.name, len(s.positions)) for s in loaded.scenarios] == [("Cible", 4), ("Existant 2026", 1)]
    assert {s.version for s in saved.values()} == {2}


def test_a_save_waits_for_a_concurrent_one_and_then_conflicts(repository: Repository, url: str,
                                                              pg: PostgresServer) -> None:
    """The window where both savers have read version 1: the second blocks on the row lock until the
    first commits, then sees version 2 and writes nothing."""
    key, stored = repository.create_project(rich_project())
    project, _ = repository.load(key)
    current = project.scenarios[0]
    with psycopg.connect(url, password=pg.password) as first:
        first.execute(f"SET search_path TO {key}".encode())
        first.execute(b"SELECT version FROM scenario WHERE name = 'Existant 2026' FOR UPDATE")
        outcome: list[BaseException | dict[str, StoredScenario]] = []
        second = threading.Thread(target=lambda: outcome.append(_attempt(
            repository, key, [ScenarioWrite(_edited(current, "Bob"), stored["Existant 2026"])])))
        second.start()
        time.sleep(0.5)
        assert second.is_alive() and outcome == []  # waiting for the first saver's lock
        first.execute(b"UPDATE scenario SET version = version + 1 WHERE name = 'Existant 2026'")
        first.commit()
        second.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], ScenarioConflict)
    assert repository.load(key)[0].scenarios[0].positions[0].holder == "Marie Dupont"


def _attempt(repository: Repository, key: str,
             writes: list[ScenarioWrite]) -> BaseException | dict[str, StoredScenario]:
    try:
        return repository.save(key, writes)
    except RepositoryError as exc:
        return exc


def test_a_scenario_that_cannot_be_stored_is_refused_before_the_server_is_asked(repository: Repository) -> None:
    key, stored = repository.create_project(rich_project())
    twice = Scenario("Cible", positions=(Position("a", "caretaker"), Position("a", "caretaker")))
    with pytest.raises(RepositoryError, match="two positions with the id 'a'"):
        repository.save(key, [ScenarioWrite(twice, stored["Cible"])])
    assert repository.load(key)[1]["Cible"].version == 1


# Addresses and connecting -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "localhost/base", "mysql://u@h/db", "postgresql://u@h", "postgresql://u@h:port/db"])
def test_an_address_that_is_not_postgresql_is_refused(text: str) -> None:
    with pytest.raises(RepositoryError, match=r"PostgreSQL address|names no database"):
        RepositoryAddress.parse(text)


def test_a_password_in_an_address_is_kept_apart_from_it() -> None:
    address, password = RepositoryAddress.parse("postgres://alice:s3cr%40t@db.example:5433/orgs?sslmode=require")
    assert password == "s3cr@t"
    assert address.display == "postgresql://alice@db.example:5433/orgs?sslmode=require"
    assert "s3cr" not in repr(address) and "s3cr" not in address.display
    assert RepositoryAddress.parse("postgresql://bob@h/db?password=x")[0].display == "postgresql://bob@h/db"


def test_the_password_routes_of_libpq(url: str, pg: PostgresServer, monkeypatch: pytest.MonkeyPatch,
                                      tmp_path: object) -> None:
    address, _ = RepositoryAddress.parse(url)
    monkeypatch.delenv("PGPASSWORD")
    with pytest.raises(PasswordRequired) as raised:
        Repository(address).check()
    assert not raised.value.wrong and "asks for a password" in str(raised.value)
    with pytest.raises(PasswordRequired) as raised:
        Repository(address, "not it").check()
    assert raised.value.wrong and "not it" not in str(raised.value)
    assert Repository(address, pg.password).check() == "orgd_test"  # typed at a prompt
    pgpass = tmp_path / "pgpass"  # type: ignore[operator]
    pgpass.write_text(f"127.0.0.1:{pg.port}:*:orgd_test:{pg.password}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert Repository(address).check() == "orgd_test"


def test_an_unreachable_server_and_a_missing_database_are_said_plainly(pg: PostgresServer) -> None:
    nowhere, _ = RepositoryAddress.parse("postgresql://orgd_test@127.0.0.1:1/orgd_tests")
    with pytest.raises(ConnectionLost, match=r"cannot be reached.*Connection refused"):
        Repository(nowhere).check()
    missing, _ = RepositoryAddress.parse(pg.url_for("orgd_test", "no_such_base"))
    with pytest.raises(RepositoryError, match='database "no_such_base" does not exist') as raised:
        Repository(missing).check()
    assert not isinstance(raised.value, ConnectionLost)


def test_a_user_without_rights_is_told_so(repository: Repository, url: str, pg: PostgresServer) -> None:
    key, _ = repository.create_project(rich_project())
    database_name = url.rsplit("/", 1)[1]
    pg.admin("DROP ROLE IF EXISTS visitor", "CREATE ROLE visitor LOGIN PASSWORD 'visitor'",
             f"REVOKE CREATE ON DATABASE {database_name} FROM PUBLIC")
    visitor = Repository(RepositoryAddress.parse(pg.url_for("visitor", database_name))[0], "visitor")
    assert visitor.projects() == []  # no right on the project's schema: not even listed
    with pytest.raises(RepositoryError, match="permission denied"):
        visitor.create_project(rich_project("Autre"))
    with pytest.raises(RepositoryError, match="permission denied"):
        visitor.load(key)
    pg.admin(f"REVOKE CONNECT ON DATABASE {database_name} FROM PUBLIC")
    with pytest.raises(RepositoryError, match="permission denied for database") as raised:
        visitor.check()
    assert not isinstance(raised.value, ConnectionLost)
    visitor.close()


def test_a_team_shares_projects_through_the_role_owning_the_database(pg: PostgresServer) -> None:
    """Projects belong to the database's owner role, so its members read, save and upgrade each
    other's projects; nobody had to grant anything project by project."""
    pg.admin("DROP DATABASE IF EXISTS team_base", "DROP ROLE IF EXISTS alice", "DROP ROLE IF EXISTS bob",
             "DROP ROLE IF EXISTS team", "CREATE ROLE team NOLOGIN",
             "CREATE ROLE alice LOGIN PASSWORD 'a' IN ROLE team", "CREATE ROLE bob LOGIN PASSWORD 'b' IN ROLE team",
             "CREATE DATABASE team_base OWNER team")
    alice = Repository(RepositoryAddress.parse(pg.url_for("alice", "team_base"))[0], "a")
    bob = Repository(RepositoryAddress.parse(pg.url_for("bob", "team_base"))[0], "b")
    key, _ = alice.create_project(rich_project())
    assert [p.key for p in bob.projects()] == [key]
    project, versions = bob.load(key)
    saved = bob.save(key, [ScenarioWrite(_edited(project.scenarios[0], "Bob"), versions["Existant 2026"])])
    assert saved["Existant 2026"].saved_by == "bob"
    assert alice.load(key)[0].scenarios[0].positions[0].holder == "Bob"
    alice.close()
    bob.close()
    pg.admin("DROP DATABASE team_base WITH (FORCE)")


def test_a_server_stopped_between_two_saves_is_connected_to_again(repository: Repository,
                                                                   pg: PostgresServer) -> None:
    key, stored = repository.create_project(rich_project())
    project, _ = repository.load(key)
    write = ScenarioWrite(_edited(project.scenarios[0], "Après"), stored["Existant 2026"])
    pg.stop()
    try:
        with pytest.raises(ConnectionLost, match="cannot be reached"):
            repository.save(key, [write])
    finally:
        pg.start()
    assert repository.save(key, [write])["Existant 2026"].version == 2
    with create_engine(repository.address.url.set(drivername="postgresql+psycopg"), poolclass=NullPool).connect() as c:
        assert c.scalar(select(func.count()).select_from(text(f"{key}.scenario"))) == 2


def test_a_value_the_server_refuses_is_said_and_writes_nothing(repository: Repository) -> None:
    """PostgreSQL's text cannot hold NUL, which a project file can: a refusal, not a lost connection."""
    key, stored = repository.create_project(rich_project())
    project, _ = repository.load(key)
    current = project.scenarios[0]
    with pytest.raises(RepositoryError, match="NUL") as raised:
        repository.save(key, [ScenarioWrite(_edited(current, "nul\x00"), stored["Existant 2026"])])
    assert not isinstance(raised.value, ConnectionLost)
    assert repository.load(key) == (project, stored)
