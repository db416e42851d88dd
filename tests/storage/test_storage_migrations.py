"""The migrations against the ORM, and an upgrade of an older file."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import delete, func, select

from orgdesigner.model.entities import Project
from orgdesigner.storage import database, load_project
from orgdesigner.storage.schema import LinkRow, PositionRow, ScenarioRow, metadata


def migrated(path: Path) -> Path:
    engine = database.open_engine(path)
    database.migrate(engine)
    engine.dispose()
    return path


def test_an_empty_database_migrates_to_head_and_is_marked(tmp_path: Path) -> None:
    path = migrated(tmp_path / "fresh.orgd")
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone() == (database.APPLICATION_ID,)
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(database.head_revision(),)]
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    db.close()
    assert tables == {"alembic_version", *metadata.tables}


def test_the_migrations_match_the_orm(tmp_path: Path) -> None:
    engine = database.open_engine(migrated(tmp_path / "fresh.orgd"))
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []
    engine.dispose()


def test_the_first_migration_downgrades_to_nothing(tmp_path: Path) -> None:
    engine = database.open_engine(migrated(tmp_path / "fresh.orgd"))
    with engine.begin() as connection:
        command.downgrade(database.alembic_config(connection), "base")
        tables = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars().all()
        assert tables == ["alembic_version"]
        assert connection.exec_driver_sql("PRAGMA application_id").scalar() == 0
    engine.dispose()


def test_deleting_a_scenario_cascades_with_foreign_keys_on(saved: Path) -> None:
    engine = database.open_engine(saved)
    with engine.begin() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        connection.execute(delete(ScenarioRow).where(ScenarioRow.name == "Existant 2026"))
        assert connection.scalar(select(func.count()).select_from(LinkRow)) == 0
        assert connection.scalar(select(func.count()).select_from(PositionRow)) == 1
    engine.dispose()


_REBUILD_SCENARIO = '''
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"


def upgrade() -> None:
    # Rebuilding a parent table: with foreign keys on, this would cascade-delete every child row.
    with op.batch_alter_table("scenario", recreate="always") as batch:
        batch.add_column(sa.Column("colour", sa.Text(), nullable=True))
'''


@pytest.fixture
def newer_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This program's migrations plus a revision 9999, as a later OrgDesigner would ship them."""
    migrations = shutil.copytree(database.MIGRATIONS, tmp_path / "migrations",
                                 ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "9999_rebuild_scenario.py").write_text(
        _REBUILD_SCENARIO.format(head=database.head_revision()))
    monkeypatch.setattr(database, "MIGRATIONS", migrations)


def test_an_older_file_is_upgraded_in_place_and_keeps_its_data(
    saved: Path, project: Project, newer_program: None
) -> None:
    assert load_project(saved) == project
    with sqlite3.connect(saved) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999",)]
        assert "colour" in {row[1] for row in db.execute("PRAGMA table_info(scenario)")}
    db.close()
    before = hashlib.sha256(saved.read_bytes()).hexdigest()
    assert load_project(saved) == project
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == before
