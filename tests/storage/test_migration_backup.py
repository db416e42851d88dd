"""An older project is copied beside itself, as it was, before it is upgraded; the user is told
where the copy is; a failure at either step leaves the file as it was."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from command_runs import digest, run_err
from older_projects import downgrade_to_0001
from orgdesigner.app.demo import demo_project
from orgdesigner.model.entities import Project
from orgdesigner.storage import ProjectFileError, database, load_project, project_file, save_project


def revision(path: Path) -> str:
    with sqlite3.connect(path) as db:
        (found,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
    db.close()
    return str(found)


@pytest.fixture
def older(saved: Path) -> Path:
    downgrade_to_0001(saved)
    assert revision(saved) == "0001"
    return saved


def test_an_older_project_is_backed_up_then_upgraded_and_the_caller_told(older: Path, project: Project) -> None:
    before = older.read_bytes()
    told: list[Path] = []
    assert load_project(older, on_backup=told.append) == project
    backup = older.with_name("plan.orgd.avant-migration-0001.bak")
    assert told == [backup]
    assert backup.read_bytes() == before  # the file exactly as the older program left it
    assert revision(backup) == "0001" and revision(older) == database.head_revision()
    assert sorted(os.listdir(older.parent)) == [older.name, backup.name]
    assert load_project(older, on_backup=told.append) == project
    assert told == [backup]  # an up-to-date file is only read


def test_an_earlier_backup_is_never_replaced(older: Path, project: Project) -> None:
    first = older.with_name("plan.orgd.avant-migration-0001.bak")
    first.write_bytes(b"the only copy of something older")
    told: list[Path] = []
    assert load_project(older, on_backup=told.append) == project
    assert first.read_bytes() == b"the only copy of something older"
    assert told == [older.with_name("plan.orgd.avant-migration-0001-2.bak")]
    assert revision(told[0]) == "0001"


def test_no_upgrade_without_a_backup(older: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    before = digest(older)
    monkeypatch.setattr(shutil, "copyfileobj", disk_full)
    with pytest.raises(ProjectFileError, match=f"Cannot back up {older} before upgrading it to this version of "
                                               "OrgDesigner: the disk is full"):
        load_project(older)
    assert digest(older) == before
    assert os.listdir(older.parent) == [older.name]


def test_a_failed_upgrade_leaves_the_file_and_takes_its_useless_backup_away(
        older: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(engine: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    before = digest(older)
    monkeypatch.setattr(project_file, "migrate", broken)
    with pytest.raises(ProjectFileError, match=f"Cannot upgrade {older} to this version of OrgDesigner: "
                                               "the disk is full"):
        load_project(older)
    assert digest(older) == before
    assert os.listdir(older.parent) == [older.name]


def test_the_command_line_says_where_the_backup_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    older = tmp_path / "demo.orgd"
    save_project(older, demo_project())
    downgrade_to_0001(older)
    code, err = run_err(capsys, "validate", older, "--fail-on", "never")
    assert code == 0, err
    backup = older.with_name("demo.orgd.avant-migration-0001.bak")
    assert err == ("orgdesigner validate: the project was written by an older OrgDesigner and now has this version's "
                   f"format; the file as it was is backed up to {backup}\n")
    assert revision(backup) == "0001"


def test_an_upgrade_killed_half_way_is_rolled_back_at_the_next_open(tmp_path: Path) -> None:
    """The files as a crash in the middle of an upgrade leaves them: the project half rewritten and
    SQLite's journal beside it, which a read-only open alone cannot use."""
    older = tmp_path / "demo.orgd"
    save_project(older, demo_project())
    downgrade_to_0001(older)
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    db = sqlite3.connect(older, isolation_level=None)
    db.execute("PRAGMA cache_size = 1")  # spills the changed pages into the file before any commit
    db.execute("BEGIN")
    db.execute("ALTER TABLE scenario ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    db.execute("UPDATE position SET notes = ?", ("half-way " * 500,))
    for name in (older.name, f"{older.name}-journal"):
        shutil.copy(tmp_path / name, crashed / name)
    db.execute("ROLLBACK")
    db.close()
    copy = crashed / older.name
    assert digest(copy) != digest(older), "the crash left the file as it was: nothing to roll back"
    told: list[Path] = []
    assert load_project(copy, on_backup=told.append) == demo_project()
    assert told == [crashed / "demo.orgd.avant-migration-0001.bak"] and revision(told[0]) == "0001"
    assert sorted(os.listdir(crashed)) == ["demo.orgd", "demo.orgd.avant-migration-0001.bak"]
