"""The shared repository in the window, against the real server: opening through the address and
the chooser, the password prompt, a save conflict resolved either way, and a lost connection. Modal
dialogs are scripted; what they were asked is recorded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pg_server import PostgresServer
from projects import rich_project, set_holder
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from orgdesigner.app.shared import SharedStore, create_shared, open_shared
from orgdesigner.storage.repository import Repository
from orgdesigner.ui.main_window import MainWindow, blank_document
from orgdesigner.ui.recent_files import RecentFiles
from orgdesigner.ui.repository_dialog import AddressDialog, ProjectChooser, RecentRepositories


class Script:
    """Answers for the modal dialogs, and everything they were asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[str] = []
        self.texts: list[tuple[str, bool]] = []  # what QInputDialog.getText answers, in turn
        self.button = ""  # the text of the button a QMessageBox built by the code clicks
        self.question = QMessageBox.StandardButton.Yes

        def message(reply: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
            def shown(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
                self.asked.append(f"{title}: {text}")
                return reply
            return shown

        def get_text(parent: object, title: str, label: str, *args: object) -> tuple[str, bool]:
            default = args[1] if len(args) > 1 else ""
            self.asked.append(f"{title}: {label} [{default}]")
            answer, accepted = self.texts.pop(0)
            return (str(default) if answer == "<default>" else answer), accepted

        def box_exec(box: QMessageBox) -> int:
            self.asked.append(f"{box.windowTitle()}: {box.text()} {box.informativeText()}")
            for button in box.buttons():
                if button.text().replace("&", "") == self.button:
                    button.click()
            return 0

        monkeypatch.setattr(QMessageBox, "warning", message(QMessageBox.StandardButton.Ok))
        monkeypatch.setattr(QMessageBox, "critical", message(QMessageBox.StandardButton.Ok))
        monkeypatch.setattr(QMessageBox, "information", message(QMessageBox.StandardButton.Ok))
        def question(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
            self.asked.append(f"{title}: {text}")
            return self.question

        monkeypatch.setattr(QMessageBox, "question", question)
        monkeypatch.setattr(QMessageBox, "exec", box_exec)
        monkeypatch.setattr(QInputDialog, "getText", get_text)


@pytest.fixture
def script(monkeypatch: pytest.MonkeyPatch) -> Script:
    return Script(monkeypatch)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings) -> MainWindow:
    window = MainWindow(blank_document("en"), "en", RecentFiles(settings))
    window.shared.recent = RecentRepositories(settings)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def key(repository: Repository) -> str:
    store = create_shared(repository, rich_project()).store
    assert isinstance(store, SharedStore)
    return store.key


def choose_first(monkeypatch: pytest.MonkeyPatch, seen: list[list[str]]) -> None:
    def exec_(chooser: ProjectChooser) -> int:
        table = chooser.table
        seen.extend([table.topLevelItem(i).text(c) for c in range(3)]  # type: ignore[union-attr]
                    for i in range(table.topLevelItemCount()))
        chooser.open_button.click()
        return int(chooser.result())
    monkeypatch.setattr(ProjectChooser, "exec", exec_)


def test_file_open_shared_repository_then_the_chooser(window: MainWindow, url: str, key: str, script: Script,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def address_exec(dialog: AddressDialog) -> int:
        dialog.address.setEditText(url)
        return QDialog.DialogCode.Accepted.value
    monkeypatch.setattr(AddressDialog, "exec", address_exec)
    rows: list[list[str]] = []
    choose_first(monkeypatch, rows)
    window.open_repository_action.trigger()
    assert rows == [[ "Habitat Partagé", "Existant 2026, Cible", rows[0][2]]] and "by orgd_test" in rows[0][2]
    assert window.document.organisation_name == "Habitat Partagé" and window.document.path is None
    assert window.windowTitle().startswith(f"Habitat Partagé — {url} [*]")
    assert window.shared.recent.addresses() == [url]
    set_holder(window.document, "Existant 2026", "p1", "Depuis la fenêtre")
    assert window.isWindowModified()
    assert window.save() and not window.isWindowModified()
    assert window.shared.recent.addresses() == [url] and script.asked == []


def test_the_password_is_asked_for_and_never_kept(window: MainWindow, url: str, key: str, script: Script,
                                                  pg: PostgresServer, monkeypatch: pytest.MonkeyPatch,
                                                  settings: QSettings) -> None:
    monkeypatch.delenv("PGPASSWORD")
    script.texts = [("wrong", True), (pg.password, True)]
    repository = window.shared.connect_to(url)
    assert repository is not None and repository.check() == "orgd_test"
    assert [line.split(" [")[0] for line in script.asked] == [
        f"Password: Password for {url}:", f"Password: The server refused this password.\nPassword for {url}:"]
    rows: list[list[str]] = []
    choose_first(monkeypatch, rows)
    assert window.open_repository(repository)
    assert pg.password not in window.windowTitle()
    settings.sync()
    stored = Path(settings.fileName()).read_text()
    assert url in stored and pg.password not in stored and "wrong" not in stored


def test_a_cancelled_prompt_and_an_unreachable_server_are_said(window: MainWindow, url: str, script: Script,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGPASSWORD")
    script.texts = [("", False)]
    assert window.shared.connect_to(url) is None
    assert script.asked[-1].startswith("Cannot open the repository: Cannot connect to the repository: the server asks")
    assert window.shared.connect_to("postgresql://nobody@127.0.0.1:1/base") is None
    assert "cannot be reached" in script.asked[-1] and window.shared.recent.addresses() == []
    assert window.shared.connect_to("http://example.org/") is None
    assert "not a PostgreSQL address" in script.asked[-1]


def conflicted(window: MainWindow, repository: Repository, key: str) -> None:
    """The window and a colleague open the project; the colleague saves first."""
    window._replace_document(open_shared(repository, key))
    colleague = open_shared(repository, key)
    set_holder(colleague, "Existant 2026", "p1", "Collègue")
    colleague.save()
    set_holder(window.document, "Existant 2026", "p1", "Moi")


def holder(repository: Repository, key: str, scenario: str) -> str | None:
    found = repository.load(key)[0].scenario(scenario)
    assert found is not None
    return next(p.holder for p in found.positions if p.id == "p1")


def test_a_conflict_saved_as_a_new_scenario(window: MainWindow, repository: Repository, key: str,
                                            script: Script) -> None:
    conflicted(window, repository, key)
    script.button = "Save mine as a new scenario"
    script.texts = [("<default>", True)]
    assert window.save()
    assert script.asked[0].startswith("Save conflict: orgd_test saved the scenario “Existant 2026” (")
    assert script.asked[0].endswith("since you opened it. Nothing has been saved.")
    assert script.asked[1] == ("Save mine as a new scenario: Name of the new scenario: "
                               "[Existant 2026 (my changes)]")
    assert not window.isWindowModified()
    assert holder(repository, key, "Existant 2026") == "Collègue"
    assert holder(repository, key, "Existant 2026 (my changes)") == "Moi"
    combo = window._scenarios  # the toolbar's scenario list follows
    assert [combo.itemText(i) for i in range(combo.count())] == list(window.document.scenario_names)
    assert "Existant 2026 (my changes)" in window.document.scenario_names
    assert window.scene is not None and window.scene.chart is window.document.chart


def test_a_conflict_resolved_by_reloading_theirs(window: MainWindow, repository: Repository, key: str,
                                                 script: Script) -> None:
    conflicted(window, repository, key)
    script.button = "Reload their version"
    assert window.save()
    assert script.asked[1] == ("Reload their version: "
                               "Discard your changes to “Existant 2026” and reload the saved version?")
    assert window.document.chart.position("p1").holder == "Collègue" and not window.isWindowModified()
    assert window.scene is not None and window.scene.chart is window.document.chart
    assert holder(repository, key, "Existant 2026") == "Collègue"


def test_a_conflict_cancelled_keeps_everything(window: MainWindow, repository: Repository, key: str,
                                               script: Script) -> None:
    conflicted(window, repository, key)
    script.button = "Cancel"
    assert not window.save()
    assert window.isWindowModified() and window.document.chart.position("p1").holder == "Moi"
    assert holder(repository, key, "Existant 2026") == "Collègue"


def test_a_lost_connection_keeps_the_work_says_so_and_a_retry_saves(window: MainWindow, repository: Repository,
                                                                    key: str, script: Script,
                                                                    pg: PostgresServer) -> None:
    window._replace_document(open_shared(repository, key))
    set_holder(window.document, "Existant 2026", "p1", "Pendant la panne")
    pg.stop()
    try:
        assert not window.save()
    finally:
        pg.start()
    assert script.asked == ["Connection lost: The connection to the server is lost; your changes are kept in the "
                            "window and in a recovery file. Try saving again when the server can be reached."]
    assert window.recovery.exists and window.recovery.project_file.is_file()
    assert window.isWindowModified() and window.document.chart.position("p1").holder == "Pendant la panne"
    assert window.save() and not window.isWindowModified()
    assert holder(repository, key, "Existant 2026") == "Pendant la panne"


def test_a_new_project_from_the_chooser(window: MainWindow, repository: Repository, script: Script,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def exec_(chooser: ProjectChooser) -> int:
        assert not chooser.open_button.isEnabled()  # nothing to open yet
        chooser.new_button.click()
        return int(chooser.result())
    monkeypatch.setattr(ProjectChooser, "exec", exec_)
    script.texts = [("Office Neuf", True)]
    assert window.open_repository(repository)
    assert window.document.organisation_name == "Office Neuf" and window.document.scenario_names == ("Current",)
    assert [p.name for p in repository.projects()] == ["Office Neuf"]
    assert isinstance(window.document.store, SharedStore) and not window.isWindowModified()
