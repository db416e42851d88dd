"""The window keeps the user's work: a failed save keeps it open and modified, a recovery file follows
the unsaved edits, a project open elsewhere is said before anything is overwritten, and an older
project's backup is named."""

from __future__ import annotations

import datetime
import errno
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from command_runs import digest
from older_projects import downgrade_to_0001
from orgdesigner.app import recovery
from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document
from orgdesigner.app.project_lock import LockHolder, lock_file, read_holder
from orgdesigner.app.recovery import EDITS_BETWEEN_WRITES, RecoveryFile, recoverable
from orgdesigner.model.entities import Project
from orgdesigner.storage import save_project
from orgdesigner.ui.data_safety import LockQuestion, RecoveryDialog
from orgdesigner.ui.main_window import MainWindow
from recovery_edits import edit_demo

Answer = Callable[[str], list[str]]


@pytest.fixture
def answer_lock(monkeypatch: pytest.MonkeyPatch) -> Answer:
    """answer_lock("Open &read-only") makes the lock question click that button (or "Cancel") and
    returns the list of questions asked, as their text."""
    def install(button: str) -> list[str]:
        asked: list[str] = []

        def exec_(box: LockQuestion) -> int:
            asked.append(box.text())
            next(b for b in box.buttons() if b.text() == button).click()
            return 0

        monkeypatch.setattr(LockQuestion, "exec", exec_)
        return asked
    return install


def held_elsewhere(project: Path) -> LockHolder:
    """The project held by another OrgDesigner, running on another computer."""
    since = datetime.datetime(2026, 3, 2, 9, 15, tzinfo=datetime.UTC)
    holder = LockHolder("mdupont", "poste-compta", 4242, since, "0.1.0", "0123456789abcdef")
    lock_file(project).write_text(holder.to_json(), encoding="utf-8")
    return holder


@pytest.fixture
def other_instance(demo_file: Path) -> LockHolder:
    return held_elsewhere(demo_file)


def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.show()
    return window


def edit(window: MainWindow, count: int = 1) -> None:
    edit_demo(window.document, count)


# Saving that fails ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("failure", "reason"), [(errno.ENOSPC, "the disk is full"),
                                                 (errno.EACCES, "permission denied"),
                                                 (errno.EROFS, "the disk is read-only")])
def test_a_failed_save_says_why_and_keeps_the_work_open_and_modified(
        window: MainWindow, demo_file: Path, scripted_dialogs: list[str], failure: int, reason: str) -> None:
    """A full disk fails at the rename; a read-only folder (or disk) as soon as the temporary file is
    made: both are simulated, since CI runs as root and root writes into read-only folders."""
    edit(window, 3)
    work = window.document.to_project()
    before, beside = digest(demo_file), sorted(os.listdir(demo_file.parent))

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(failure, os.strerror(failure))

    with pytest.MonkeyPatch.context() as failing:
        failing.setattr(os, "replace" if failure == errno.ENOSPC else "open", refuse)
        assert not window.save()
    assert scripted_dialogs[-1].startswith(f"Cannot save: Cannot save {demo_file}: {reason}.")
    assert "Your work is still open: save it elsewhere." in scripted_dialogs[-1]
    assert window.document.is_modified and window.isWindowModified()
    assert window.document.to_project() == work
    assert digest(demo_file) == before
    assert sorted(os.listdir(demo_file.parent)) == beside  # no temporary file, no lock left behind
    elsewhere = demo_file.with_name("ailleurs.orgd")
    assert window.save_to(elsewhere) and not window.document.is_modified


# The recovery file -------------------------------------------------------------------------------------


def sidecar(window: MainWindow) -> dict[str, object]:
    return json.loads(window.recovery.project_file.with_suffix(".json").read_text(encoding="utf-8"))


def test_the_timer_writes_unsaved_edits_and_a_save_removes_them(qtbot: QtBot, window: MainWindow) -> None:
    assert window.autosave_timer.isActive()
    assert window.autosave_timer.interval() == recovery.SECONDS_BETWEEN_WRITES * 1000
    window.autosave_timer.setInterval(20)
    qtbot.wait(60)
    assert not window.recovery.project_file.exists()  # nothing unsaved: nothing written
    edit(window)
    qtbot.waitUntil(lambda: window.recovery.project_file.with_suffix(".json").exists(), timeout=5000)
    assert sidecar(window)["unsaved_edits"] == 1
    assert window.save()
    assert not window.recovery.project_file.exists()
    assert not window.recovery.project_file.with_suffix(".json").exists()


@pytest.fixture
def release(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Recovery writes held until the event is set: a large project's write takes seconds."""
    released = threading.Event()
    real_save = recovery.save_project

    def slow_save(path: Path, project: Project) -> None:
        assert released.wait(30)
        real_save(path, project)

    monkeypatch.setattr(recovery, "save_project", slow_save)
    return released


def test_every_twentieth_edit_is_written_at_once_on_a_thread_while_the_user_edits_on(
        window: MainWindow, release: threading.Event) -> None:
    """Writing a large project takes seconds: the twentieth edit returns before the write is done."""
    edit(window, EDITS_BETWEEN_WRITES - 1)
    assert not window.recovery.project_file.exists()
    edit(window)
    edit(window)  # while the write is under way
    assert not window.recovery.project_file.exists()
    release.set()
    window.recovery.wait()
    assert sidecar(window)["unsaved_edits"] == EDITS_BETWEEN_WRITES  # as it was at the twentieth
    assert window.document.is_modified  # the recovery file is no save


def test_a_clean_close_removes_the_recovery_file_and_the_lock(qtbot: QtBot, demo_file: Path) -> None:
    window = shown(qtbot, MainWindow(Document(demo_project()), "en"))
    assert window.open_path(demo_file)
    assert window.lock is not None and read_holder(demo_file) == window.lock.holder
    edit(window, EDITS_BETWEEN_WRITES)
    window.recovery.wait()
    assert window.recovery.project_file.exists()
    window.close()  # the scripted answer discards the edits
    assert not window.recovery.project_file.exists()
    assert not lock_file(demo_file).exists()


def test_a_recovery_file_that_cannot_be_written_is_said_and_the_edits_go_on(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(path: Path, project: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(recovery, "save_project", disk_full)
    edit(window, EDITS_BETWEEN_WRITES)
    assert window.document.unsaved_edits == EDITS_BETWEEN_WRITES
    said = "The recovery copy of your work could not be written: No space left on device"

    def told() -> bool:  # the write failed on its thread: the next change or tick of the timer says so
        edit(window)
        return window.statusBar().currentMessage() == said

    qtbot.waitUntil(told, timeout=10_000)


def test_a_write_under_way_is_finished_before_the_entry_is_removed(
        window: MainWindow, release: threading.Event) -> None:
    """Saving (or closing) removes the entry: a write still running must not bring it back after."""
    edit(window, EDITS_BETWEEN_WRITES)
    threading.Timer(0.2, release.set).start()
    window.recovery.discard()
    assert release.is_set()  # it waited for the write
    assert not window.recovery.project_file.exists()
    assert not window.recovery.project_file.with_suffix(".json").exists()


def test_the_next_start_offers_the_work_and_recovers_it_on_its_file(
        qtbot: QtBot, demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "recovery"
    crashed = Document.open(demo_file)
    entry = RecoveryFile(folder)
    entry.follow(crashed)
    edit_demo(crashed, 5)
    entry.write()
    data = json.loads(entry.project_file.with_suffix(".json").read_text(encoding="utf-8"))
    data["pid"] = 999_999_999  # an instance that is gone
    entry.project_file.with_suffix(".json").write_text(json.dumps(data), encoding="utf-8")
    window = shown(qtbot, MainWindow(Document(demo_project()), "en"))
    described: list[str] = []

    def recover_first(dialog: RecoveryDialog) -> int:
        described.append(dialog.list.item(0).text())
        dialog.recover_button.click()
        return dialog.result()

    monkeypatch.setattr(RecoveryDialog, "exec", recover_first)
    window.offer_recovery(recoverable(folder))
    assert window.document.to_project() == crashed.to_project()
    assert window.document.path == demo_file and window.document.is_modified
    assert window.lock is not None and window.lock.is_ours()
    assert "Habitat Exemple, project " + str(demo_file) in described[0]
    for scenario in crashed.to_project().scenarios:  # without a translator, English plurals read "(s)"
        assert f"{scenario.name}: {len(scenario.positions)} position" in described[0]
    assert "5 unsaved edit" in described[0]
    assert recoverable(folder) == []  # the old entry is gone...
    assert sidecar(window)["unsaved_edits"] == 5  # ...once this session's holds the work


def test_deleting_an_entry_asks_first(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "recovery"
    document = Document(demo_project())
    entry = RecoveryFile(folder)
    entry.follow(document)
    edit_demo(document, 1)
    entry.write()
    data = json.loads(entry.project_file.with_suffix(".json").read_text(encoding="utf-8"))
    entry.project_file.with_suffix(".json").write_text(json.dumps({**data, "host": "ailleurs"}), encoding="utf-8")
    dialog = RecoveryDialog(recoverable(folder))
    qtbot.addWidget(dialog)
    assert "new project, never saved" in dialog.list.item(0).text()
    assert "from " in dialog.list.item(0).text() and "on ailleurs" in dialog.list.item(0).text()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    dialog.delete_button.click()
    assert len(recoverable(folder)) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    assert recoverable(folder) == [] and dialog.list.count() == 0


# A project open elsewhere -------------------------------------------------------------------------------


def test_a_project_open_elsewhere_says_who_and_opens_read_only(
        window: MainWindow, demo_file: Path, other_instance: LockHolder, answer_lock: Answer,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    asked = answer_lock("Open &read-only")
    assert window.open_path(demo_file)
    assert asked[0].startswith("This project is open by mdupont on poste-compta since ")
    assert "cannot check from here" in asked[0]
    assert window.read_only and window.lock is None
    assert "demo.orgd (read-only)" in window.windowTitle()
    assert not window.save_action.isEnabled()
    assert read_holder(demo_file) == other_instance  # their lock stands
    edit(window)
    copy = tmp_path / "copie.orgd"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(copy), ""))
    before = digest(demo_file)
    assert window.save()  # Save goes to Save As
    assert digest(demo_file) == before
    assert window.document.path == copy and not window.read_only and window.save_action.isEnabled()
    assert window.lock is not None and window.lock.project == copy


def test_opening_anyway_takes_the_lock_over(window: MainWindow, demo_file: Path, other_instance: LockHolder,
                                            answer_lock: Answer) -> None:
    answer_lock("Open &anyway")
    assert window.open_path(demo_file)
    assert not window.read_only and window.lock is not None
    assert read_holder(demo_file) == window.lock.holder


def test_cancelling_keeps_the_document_shown(window: MainWindow, demo_file: Path, other_instance: LockHolder,
                                             answer_lock: Answer) -> None:
    before = window.document
    answer_lock("Cancel")
    assert not window.open_path(demo_file)
    assert window.document is before and read_holder(demo_file) == other_instance


def test_saving_over_a_project_someone_else_opened_meanwhile_asks(
        qtbot: QtBot, demo_file: Path, answer_lock: Answer) -> None:
    window = shown(qtbot, MainWindow(Document(demo_project()), "en"))
    assert window.open_path(demo_file)
    edit(window)
    held_elsewhere(demo_file)  # they opened it anyway
    before = digest(demo_file)
    asked = answer_lock("Cancel")
    assert not window.save()
    assert "mdupont on poste-compta" in asked[0] and digest(demo_file) == before
    answer_lock("&Save anyway")
    assert window.save() and digest(demo_file) != before
    assert window.lock is not None and window.lock.is_ours()


def test_the_command_lines_file_is_locked_once_the_window_shows(
        qtbot: QtBot, demo_file: Path, other_instance: LockHolder, answer_lock: Answer) -> None:
    window = shown(qtbot, MainWindow(Document.open(demo_file), "fr"))
    answer_lock("Cancel")
    window.claim_opened_file()
    assert window.document.path is None and window.document.organisation_name == "Nouvelle organisation"


# An older project ---------------------------------------------------------------------------------------


def test_opening_an_older_project_names_its_backup(
        window: MainWindow, tmp_path: Path, scripted_dialogs: list[str]) -> None:
    older = tmp_path / "ancien.orgd"
    save_project(older, demo_project())
    downgrade_to_0001(older)
    assert window.open_path(older)
    backup = tmp_path / "ancien.orgd.avant-migration-0001.bak"
    assert scripted_dialogs[-1] == ("Project upgraded: This project was written by an older version of OrgDesigner "
                                    "and has been upgraded to this version's format. The file as it was is kept "
                                    f"beside it: {backup}")
    assert backup.exists()
