"""Recovery files: written after enough edits or on the timer's call, gone once nothing is unsaved,
offered only once their instance is gone, and restored exactly."""

from __future__ import annotations

import errno
import json
import subprocess
import sys
from contextlib import suppress
from pathlib import Path

import pytest

from older_projects import downgrade_to_0001
from orgdesigner.app import recovery
from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document
from orgdesigner.app.recovery import (
    EDITS_BETWEEN_WRITES,
    RecoveryFile,
    RecoverySource,
    recoverable,
    recovery_folder,
    restore,
)
from orgdesigner.app.stores import ProjectChanges
from orgdesigner.storage.repository import StoredScenario
from recovery_edits import edit_demo


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "recovery"


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", ""])
    process.wait()
    return process.pid


def as_if_crashed(entry_file: Path, **changes: object) -> None:
    """The sidecar as an instance that has since died (or ran elsewhere) left it."""
    sidecar = entry_file.with_suffix(".json")
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    data.update({"pid": dead_pid(), **changes})
    sidecar.write_text(json.dumps(data), encoding="utf-8")


def test_the_folder_is_the_platforms_folder_for_application_data(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert recovery_folder() == tmp_path / "data" / "orgdesigner" / "recovery"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")  # the XDG spec says to ignore it
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert recovery_folder() == tmp_path / "home" / ".local" / "share" / "orgdesigner" / "recovery"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert recovery_folder() == tmp_path / "home" / "Library" / "Application Support" / "OrgDesigner" / "recovery"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert recovery_folder() == tmp_path / "Local" / "OrgDesigner" / "recovery"


def test_twenty_edits_write_the_entry_and_it_says_what_it_holds(demo_file: Path, folder: Path) -> None:
    document = Document.open(demo_file)
    entry = RecoveryFile(folder)
    entry.follow(document)
    edit_demo(document, EDITS_BETWEEN_WRITES - 1)
    assert not entry.after_change() and not folder.exists()
    edit_demo(document, 1)
    assert entry.after_change()
    sidecar = json.loads(entry.project_file.with_suffix(".json").read_text(encoding="utf-8"))
    assert sidecar["source_kind"] == "file" and sidecar["source"] == str(demo_file)
    assert sidecar["unsaved_edits"] == EDITS_BETWEEN_WRITES
    assert sidecar["current_scenario"] == document.current_scenario
    now = document.to_project()
    assert sidecar["scenarios"] == [{"name": s.name, "positions": len(s.positions)} for s in now.scenarios]
    assert recoverable(folder) == []  # this instance still runs: nothing to offer


def test_the_timer_writes_only_edits_not_yet_written(demo_file: Path, folder: Path) -> None:
    document = Document.open(demo_file)
    entry = RecoveryFile(folder)
    entry.follow(document)
    assert not entry.write_if_needed()  # nothing edited
    edit_demo(document, 3)
    assert entry.write_if_needed()
    assert not entry.write_if_needed()  # nothing new since
    edit_demo(document, 1)
    assert entry.needs_writing()


def test_an_entry_is_offered_once_its_instance_is_gone_and_restores_the_work_exactly(
        demo_file: Path, folder: Path) -> None:
    document = Document.open(demo_file)
    entry = RecoveryFile(folder)
    entry.follow(document)
    edit_demo(document, 7)
    document.rename_scenario("Cible 2027", "Cible 2028")
    entry.write()
    as_if_crashed(entry.project_file)
    [found] = recoverable(folder)
    assert found.source == RecoverySource("file", str(demo_file)) and found.unsaved_edits == 8
    assert [s.name for s in found.scenarios] == ["Existant 2026", "Cible 2028"]
    restored = restore(found)
    assert restored.to_project() == document.to_project()
    assert restored.path == demo_file and restored.is_modified and restored.unsaved_edits == 8
    assert restored.current_scenario == document.current_scenario
    recovery.discard(found)
    assert recoverable(folder) == [] and list(folder.iterdir()) == []


def test_a_save_or_an_undo_back_to_the_saved_state_removes_the_entry(demo_file: Path, folder: Path) -> None:
    document = Document.open(demo_file)
    entry = RecoveryFile(folder)
    entry.follow(document)
    edit_demo(document, 1)
    entry.write()
    document.stack.undo()
    entry.after_change()
    assert list(folder.iterdir()) == []
    edit_demo(document, 2)
    entry.write()
    document.save()
    entry.after_change()
    assert list(folder.iterdir()) == []


def test_another_document_takes_the_place_of_the_first(demo_file: Path, folder: Path) -> None:
    entry = RecoveryFile(folder)
    first = Document.open(demo_file)
    entry.follow(first)
    edit_demo(first, 2)
    entry.write()
    entry.follow(Document(demo_project()))  # the user discarded the first document's work
    assert list(folder.iterdir()) == []


class SharedStore:
    """A project kept somewhere other than a file, as app/shared.py's repository store is."""

    title = "Habitat Partagé — postgresql://orgd@serveur/orgdesigner"

    def save(self, changes: ProjectChanges) -> dict[str, StoredScenario]:
        return {}


def test_work_of_a_shared_repository_or_a_new_project_says_so(folder: Path) -> None:
    document = Document(demo_project(), store=SharedStore())
    entry = RecoveryFile(folder)
    entry.follow(document)
    edit_demo(document, 1)
    entry.write()
    as_if_crashed(entry.project_file)
    [found] = recoverable(folder)
    assert found.source == RecoverySource("repository", SharedStore.title)
    assert restore(found).path is None
    entry.follow(document, RecoverySource("repository", "postgresql://serveur/orgdesigner#projet-7"))
    entry.write()
    as_if_crashed(entry.project_file)
    assert recoverable(folder)[0].source == RecoverySource("repository", "postgresql://serveur/orgdesigner#projet-7")
    blank = Document(demo_project())
    entry.follow(blank)
    edit_demo(blank, 1)
    entry.write()
    as_if_crashed(entry.project_file)
    assert recoverable(folder)[0].source == RecoverySource("new")


def test_entries_of_another_machine_are_offered_and_broken_ones_are_not(demo_file: Path, folder: Path) -> None:
    document = Document.open(demo_file)
    entry = RecoveryFile(folder)
    entry.follow(document)
    edit_demo(document, 1)
    entry.write()
    as_if_crashed(entry.project_file, host="poste-compta", pid=1)  # pid 1 runs here: not a reason to hide it
    (folder / "4242-00000000.json").write_text("{not json", encoding="utf-8")
    (folder / "4243-00000000.json").write_text(entry.project_file.with_suffix(".json").read_text(encoding="utf-8"),
                                               encoding="utf-8")  # its project file is missing
    assert [found.host for found in recoverable(folder)] == ["poste-compta"]


def test_after_a_failed_write_the_next_tries_come_from_the_timer_or_twenty_more_edits(
        demo_file: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[int] = []

    def disk_full(path: Path, project: object) -> None:
        attempts.append(document.edit_count)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(recovery, "save_project", disk_full)
    document = Document.open(demo_file)
    entry = RecoveryFile(folder)
    entry.follow(document)
    for _ in range(2 * EDITS_BETWEEN_WRITES):
        edit_demo(document, 1)
        with suppress(OSError):
            entry.after_change()
    assert attempts == [EDITS_BETWEEN_WRITES, 2 * EDITS_BETWEEN_WRITES]  # not once an edit on a full disk
    with pytest.raises(OSError):
        entry.write_if_needed()
    monkeypatch.undo()
    assert entry.write_if_needed()


def test_every_edit_counts_once_and_saving_is_no_edit(demo_file: Path) -> None:
    document = Document.open(demo_file)
    edit_demo(document, 2)
    document.stack.undo()
    document.stack.redo()
    document.add_scenario("Variante")
    assert document.edit_count == document.unsaved_edits == 5
    document.save()
    assert document.edit_count == 5 and document.unsaved_edits == 0


def test_an_entry_an_older_version_wrote_is_upgraded_without_a_backup_left_behind(folder: Path) -> None:
    document = Document(demo_project())
    entry = RecoveryFile(folder)
    entry.follow(document)
    edit_demo(document, 2)
    entry.write()
    downgrade_to_0001(entry.project_file)
    as_if_crashed(entry.project_file)
    [found] = recoverable(folder)
    assert restore(found).to_project() == document.to_project()
    assert not list(folder.glob("*.bak"))
