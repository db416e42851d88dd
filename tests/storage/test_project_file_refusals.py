"""Files we must refuse, each with its own message, and saves that must fail without harm."""

from __future__ import annotations

import dataclasses
import errno
import os
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from command_runs import digest
from orgdesigner.model.entities import Link, Organisation, Project, Scenario
from orgdesigner.storage import ProjectFileError, load_project, save_project


def empty(path: Path) -> None:
    path.write_bytes(b"")


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(0).randbytes(8192))


def cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def foreign_database(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)")
    db.close()


def marked_without_version_table(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE alembic_version")
    db.close()


def from_the_future(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_future'")
    db.close()


@pytest.mark.parametrize(
    ("spoil", "expected"),
    [
        (empty, "the file is empty"),
        (random_bytes, "it is not an OrgDesigner project file"),
        (cut_in_half, "the file is damaged"),
        (foreign_database, "it is a SQLite database, but not an OrgDesigner project"),
        (marked_without_version_table, "it is a SQLite database, but not an OrgDesigner project"),
        (from_the_future, "written by a newer version of OrgDesigner (file format 9999_future)"),
    ],
)
def test_a_bad_file_is_refused_and_left_untouched(saved: Path, spoil: Callable[[Path], None], expected: str) -> None:
    spoil(saved)
    before = digest(saved)
    with pytest.raises(ProjectFileError) as raised:
        load_project(saved)
    assert str(raised.value).startswith(f"Cannot open {saved}: ")
    assert expected in str(raised.value)
    assert digest(saved) == before
    assert os.listdir(saved.parent) == [saved.name]


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="there is no such file") as raised:
        load_project(tmp_path / "absent.orgd")
    assert str(tmp_path / "absent.orgd") in str(raised.value)
    assert os.listdir(tmp_path) == []


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="it is a folder"):
        load_project(tmp_path)


def writable_despite_mode(folder: Path) -> bool:
    """Root (with CAP_DAC_OVERRIDE) writes into a read-only folder anyway: the test means nothing then."""
    probe = folder / ".probe"
    try:
        probe.touch()
    except PermissionError:
        return False
    probe.unlink()
    return True


@pytest.mark.skipif(os.name != "posix", reason="folder modes are POSIX")
def test_saving_into_a_read_only_folder_keeps_the_old_file(saved: Path) -> None:
    before = digest(saved)
    saved.parent.chmod(0o555)
    try:
        if writable_despite_mode(saved.parent):
            pytest.skip(f"uid {os.geteuid()} writes into read-only folders")
        with pytest.raises(ProjectFileError, match="permission denied") as raised:
            save_project(saved, Project(Organisation("x")))
    finally:
        saved.parent.chmod(0o755)
    assert str(saved) in str(raised.value)
    assert digest(saved) == before
    assert os.listdir(saved.parent) == [saved.name]


def test_a_failed_replace_keeps_the_old_file(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    before = digest(saved)
    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(ProjectFileError, match=f"Cannot save {saved}: the disk is full"):
        save_project(saved, Project(Organisation("x")))
    assert digest(saved) == before
    assert os.listdir(saved.parent) == [saved.name]


@pytest.mark.parametrize(
    ("spoil", "expected"),
    [
        (lambda s: dataclasses.replace(s, positions=(*s.positions, s.positions[0])),
         "scenario 'Existant 2026' has two positions with the id 'p1'"),
        (lambda s: dataclasses.replace(s, links=(Link("p1", "ghost"),)),
         "a link of scenario 'Existant 2026' names the position 'ghost'"),
        (lambda s: dataclasses.replace(s, name="Cible"), "two scenarios are named 'Cible'"),
        (lambda s: dataclasses.replace(s, name="Plan {A}", positions=s.positions * 2),
         "scenario 'Plan {A}' has two positions with the id 'p1'"),
        (lambda s: dataclasses.replace(s, agencies=(*s.agencies, s.agencies[1])),
         "has two agencies with the id 'sud'"),
        (lambda s: dataclasses.replace(
            s, agencies=(dataclasses.replace(s.agencies[0], sites=(s.agencies[0].sites or ()) * 2),)),
         "agency 'nord' of scenario 'Existant 2026' has two sites with the id 'tilleuls'"),
    ],
)
def test_a_project_breaking_the_files_invariants_is_not_saved(
    saved: Path, project: Project, spoil: Callable[[Scenario], Scenario], expected: str
) -> None:
    before = digest(saved)
    broken = dataclasses.replace(project, scenarios=(spoil(project.scenarios[0]), *project.scenarios[1:]))
    with pytest.raises(ProjectFileError, match=f"Cannot save {saved}: ") as raised:
        save_project(saved, broken)
    assert expected in str(raised.value)
    assert digest(saved) == before
    assert os.listdir(saved.parent) == [saved.name]

