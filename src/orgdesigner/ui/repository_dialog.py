"""The shared repository in the window (issue 7): File > Open a shared repository (the address, with
the recent ones, never a password; the password when the server asks; the project chooser), and a
save to the repository with its conflicts. The logic is app/shared.py's; this module only asks.

A password typed here goes to the connection and nowhere else: not to the recent addresses, the
settings, a message or a title, which all show the address as storage renders it, without one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.app.document import Document, ProjectEditError
from orgdesigner.app.opening import InputError
from orgdesigner.app.shared import SharedStore, connect_repository, create_shared, keep_mine, open_shared, take_theirs
from orgdesigner.model.labels import Lang
from orgdesigner.storage.repository import (
    Conflict,
    ConnectionLost,
    ProjectSummary,
    Repository,
    RepositoryError,
    ScenarioConflict,
)
from orgdesigner.ui.data_safety import short_date_time
from orgdesigner.ui.plain import plain

SETTINGS_KEY = "recent_repositories"
LIMIT = 10


class RecentRepositories:
    """The addresses connected to lately, newest first, as storage renders them (no password)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings("OrgDesigner", "OrgDesigner")

    def add(self, repository: Repository) -> None:
        shown = repository.address.display
        self._settings.setValue(SETTINGS_KEY, [shown, *(a for a in self.addresses() if a != shown)][:LIMIT])

    def addresses(self) -> list[str]:
        """Read defensively: the settings file may have been edited by hand (see RecentFiles)."""
        value = self._settings.value(SETTINGS_KEY, [])
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [item for item in items if isinstance(item, str) and item]


class AddressDialog(QDialog):
    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open a shared repository"))
        self.address = QComboBox(self)
        self.address.setEditable(True)
        self.address.addItems(recent)
        self.address.setMinimumWidth(420)
        line = self.address.lineEdit()
        assert line is not None, "an editable combo box has a line edit"
        line.setPlaceholderText("postgresql://USER@HOST[:PORT]/DATABASE")
        hint = QLabel(self.tr("The password comes from PGPASSWORD or the .pgpass file, or is asked for when the "
                              "server needs it. OrgDesigner never stores it."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Address of the PostgreSQL database:"), self))
        layout.addWidget(self.address)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.address.currentText()


class ProjectChooser(QDialog):
    """The repository's projects: open one, or make a new one (its name in `new_name`)."""

    def __init__(self, repository: Repository, projects: list[ProjectSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen: str | None = None
        self.new_name: str | None = None
        self.setWindowTitle(self.tr("Projects of {address}").format(address=repository.address.display))
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels([self.tr("Project"), self.tr("Scenarios"), self.tr("Last saved")])
        for project in projects:
            saved = "" if project.saved_at is None else short_date_time(project.saved_at)
            if project.saved_by and saved:
                saved = self.tr("{when} by {who}").format(when=saved, who=project.saved_by)
            item = QTreeWidgetItem([project.name, ", ".join(project.scenarios), saved])
            item.setData(0, Qt.ItemDataRole.UserRole, project.key)
            if project.problem is not None:
                item.setDisabled(True)
                for column in range(3):
                    item.setToolTip(column, project.problem)
            self.table.addTopLevelItem(item)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        items = [self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount())]
        first = next((item for item in items if item is not None and not item.isDisabled()), None)
        if first is not None:
            self.table.setCurrentItem(first)
        self.table.itemDoubleClicked.connect(lambda _item, _column: self._open())
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(self.tr("&Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setEnabled(first is not None)
        self.new_button = QPushButton(self.tr("&New project…"), self)
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button.clicked.connect(self._open)
        self.new_button.clicked.connect(self._new)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not projects:
            layout.addWidget(QLabel(self.tr("This repository holds no project you may open yet."), self))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def _open(self) -> None:
        item = self.table.currentItem()
        if item is not None and not item.isDisabled():
            self.chosen = str(item.data(0, Qt.ItemDataRole.UserRole))
            self.accept()

    def _new(self) -> None:
        name, accepted = QInputDialog.getText(self, self.tr("New project"), self.tr("Name of the organisation:"))
        if accepted and name.strip():
            self.new_name = name
            self.accept()


class SharedSession(QObject):
    """What the window asks of a shared repository. `on_connection_lost` is the window's: it keeps
    the work (recovery file) and says so."""

    def __init__(self, parent: QWidget, lang: Lang, on_connection_lost: Callable[[], None],
                 recent: RecentRepositories | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._lang = lang
        self._on_connection_lost = on_connection_lost
        self.recent = recent if recent is not None else RecentRepositories()

    # Opening -----------------------------------------------------------------------------------------

    def choose_repository(self) -> Repository | None:
        """The address asked for (recent ones offered), then connected to; None if the user gives up
        or the server cannot be used (said)."""
        dialog = AddressDialog(self.recent.addresses(), self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.connect_to(dialog.text())

    def connect_to(self, text: str) -> Repository | None:
        try:
            repository = connect_repository(text, self.ask_password)
        except RepositoryError as exc:
            QMessageBox.warning(self._parent, self.tr("Cannot open the repository"), str(exc))
            return None
        self.recent.add(repository)
        return repository

    def ask_password(self, address: str, wrong: bool) -> str | None:
        prompt = self.tr("Password for {address}:").format(address=address)
        if wrong:
            prompt = self.tr("The server refused this password.") + "\n" + prompt
        password, accepted = QInputDialog.getText(self._parent, self.tr("Password"), prompt,
                                                  QLineEdit.EchoMode.Password)
        return password if accepted else None

    def choose_project(self, repository: Repository) -> Document | None:
        """The chooser, then the project opened (or made); None if cancelled or refused (said)."""
        try:
            projects = repository.projects()
        except RepositoryError as exc:
            QMessageBox.warning(self._parent, self.tr("Cannot open the repository"), str(exc))
            return None
        chooser = ProjectChooser(repository, projects, self._parent)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            if chooser.new_name is not None:
                blank = Document.new(chooser.new_name, "Existant" if self._lang == "fr" else "Current")
                return create_shared(repository, blank.to_project())
            assert chooser.chosen is not None, "the chooser is accepted with a project or a new name"
            return open_shared(repository, chooser.chosen)
        except ProjectEditError as exc:
            QMessageBox.warning(self._parent, self.tr("Cannot create the project"), exc.label.in_(self._lang))
        except (RepositoryError, InputError) as exc:
            text = "\n".join(exc.lines) if isinstance(exc, InputError) else str(exc)
            QMessageBox.warning(self._parent, self.tr("Cannot open the project"), text)
        return None

    # Saving ------------------------------------------------------------------------------------------

    def save(self, document: Document) -> bool:
        """Saves what changed. A conflict is resolved with the user, scenario by scenario, then the
        save runs again; a lost connection goes to the window's handler. The work is never dropped
        without the user's say."""
        store = document.store
        assert isinstance(store, SharedStore), "only a repository's document is saved here"
        while True:
            try:
                try:
                    document.save()
                    return True
                except ScenarioConflict as exc:
                    if not all(self._resolve(document, store, conflict) for conflict in exc.conflicts):
                        return False
            except ConnectionLost:
                self._on_connection_lost()
                return False
            except (RepositoryError, InputError) as exc:
                text = "\n".join(exc.lines) if isinstance(exc, InputError) else str(exc)
                QMessageBox.critical(self._parent, self.tr("Cannot save"), plain(text + "\n\n" + self.tr(
                    "Your work is still open: save it again later, or as a file (File > Save as).")))
                return False

    def _resolve(self, document: Document, store: SharedStore, conflict: Conflict) -> bool:
        """One conflict: their version, or mine as a new scenario; False when the user cancels."""
        here = conflict.name in document.scenario_names
        # Theirs only when there is a stored version of it; mine only when this document still has it.
        theirs, mine = conflict.kind == "changed", here
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Save conflict"), plain(self._explain(conflict, here)),
                          QMessageBox.StandardButton.Cancel, self._parent)
        box.setInformativeText(self.tr("Nothing has been saved."))
        reload_button = box.addButton(self.tr("&Reload their version"), QMessageBox.ButtonRole.DestructiveRole) \
            if theirs else None
        keep_button = box.addButton(self.tr("&Save mine as a new scenario"), QMessageBox.ButtonRole.AcceptRole) \
            if mine else None
        box.exec()
        clicked = box.clickedButton()
        if clicked is not None and clicked is reload_button:
            question = self.tr("Discard your changes to “{name}” and reload the saved version?")
            if here and QMessageBox.question(
                    self._parent, self.tr("Reload their version"), plain(question.format(name=conflict.name)),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
                return False
            return take_theirs(document, store, conflict.name)
        if clicked is not None and clicked is keep_button:
            return self._keep_mine(document, store, conflict)
        return False

    def _explain(self, conflict: Conflict, here: bool) -> str:
        who = conflict.theirs.saved_by if conflict.theirs is not None and conflict.theirs.saved_by else None
        who = who or self.tr("Someone")
        when = (short_date_time(conflict.theirs.saved_at)
                if conflict.theirs is not None and conflict.theirs.saved_at is not None else "?")
        if conflict.kind == "gone":
            return self.tr("Someone deleted or renamed the scenario “{name}” since you opened it.").format(
                name=conflict.name)
        if conflict.kind == "taken":
            return self.tr("{who} added a scenario named “{name}” ({when}) since you opened the project.").format(
                who=who, name=conflict.name, when=when)
        if not here:
            return self.tr("{who} saved the scenario “{name}” ({when}) since you opened it, and you deleted "
                           "it.").format(who=who, name=conflict.name, when=when)
        return self.tr("{who} saved the scenario “{name}” ({when}) since you opened it.").format(
            who=who, name=conflict.name, when=when)

    def _keep_mine(self, document: Document, store: SharedStore, conflict: Conflict) -> bool:
        suggested = document.free_name(self.tr("{name} (my changes)").format(name=conflict.name))
        while True:
            name, accepted = QInputDialog.getText(self._parent, self.tr("Save mine as a new scenario"),
                                                  self.tr("Name of the new scenario:"), QLineEdit.EchoMode.Normal,
                                                  suggested)
            if not accepted:
                return False
            try:
                keep_mine(document, store, conflict.name, name)
                return True
            except ProjectEditError as exc:
                QMessageBox.warning(self._parent, self.tr("Save mine as a new scenario"), exc.label.in_(self._lang))
                suggested = name
