"""The dialogs that keep a user's work safe: who else has a project open (and what to do about it),
and what a crashed session left to recover at the next start."""

from __future__ import annotations

import datetime
from typing import Literal

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.app import recovery
from orgdesigner.app.instance import host_name
from orgdesigner.app.project_lock import LockHolder
from orgdesigner.app.recovery import RecoveryEntry

LockChoice = Literal["read-only", "anyway"]


def short_date_time(moment: datetime.datetime) -> str:
    """A moment in this computer's time zone, written as the interface language writes dates."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())),
                              QLocale.FormatType.ShortFormat)


class LockQuestion(QMessageBox):
    """Asked when a project about to be opened or saved over is held by another instance."""

    def __init__(self, holder: LockHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Project already open"))
        self.setTextFormat(Qt.TextFormat.PlainText)  # the names come from a file anyone could write
        if holder.is_known:
            text = self.tr("This project is open by {user} on {host} since {since}.").format(
                user=holder.user, host=holder.host, since=short_date_time(holder.since))
            if not holder.on_this_machine:
                text += " " + self.tr("OrgDesigner cannot check from here whether it is still open on that computer.")
        else:
            text = self.tr("This project may be open in another OrgDesigner (its lock file, written on {since}, "
                           "cannot be read).").format(since=short_date_time(holder.since))
        self.setText(text)

    def ask_to_open(self) -> LockChoice | None:
        """Read-only, anyway, or None for cancel."""
        self.setInformativeText(self.tr("If you both save, the last one to save overwrites the other's work."))
        read_only = self.addButton(self.tr("Open &read-only"), QMessageBox.ButtonRole.AcceptRole)
        anyway = self.addButton(self.tr("Open &anyway"), QMessageBox.ButtonRole.DestructiveRole)
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(read_only)
        clicked = self._answer()
        return "read-only" if clicked is read_only else "anyway" if clicked is anyway else None

    def ask_to_save(self) -> bool:
        """Whether to save over the project anyway."""
        self.setInformativeText(self.tr("Saving replaces the file under them: if they save later, their version "
                                        "replaces yours."))
        save = self.addButton(self.tr("&Save anyway"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(cancel)
        return self._answer() is save

    def _answer(self) -> QAbstractButton | None:
        """The button clicked; the box goes afterwards, asked once (the window would keep it)."""
        self.exec()
        clicked = self.clickedButton()
        self.deleteLater()
        return clicked


class RecoveryDialog(QDialog):
    """The unsaved work that closed sessions left, most recent first: recover one, delete one, or
    ignore them all for now (they are offered again at the next start)."""

    def __init__(self, entries: list[RecoveryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover unsaved work"))
        self._entries = list(entries)
        self._chosen: RecoveryEntry | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("OrgDesigner was closed without saving this work (a crash, a power cut, or the "
                               "program was stopped). Recover it to go on where you were."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        self.recover_button = QPushButton(self.tr("&Recover"), self)
        self.ignore_button = QPushButton(self.tr("&Ignore"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.ignore_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.clicked.connect(self._recover)
        self.ignore_button.clicked.connect(self.reject)
        self.delete_button.clicked.connect(self._delete)
        self.list.itemDoubleClicked.connect(lambda _item: self._recover())
        layout.addWidget(buttons)
        self._fill()
        self.resize(620, 360)

    def chosen(self) -> RecoveryEntry | None:
        """The entry to recover, once the dialog was accepted."""
        return self._chosen

    def describe(self, entry: RecoveryEntry) -> str:
        """What the list shows of an entry: when, which project, its scenarios, how much is unsaved."""
        if entry.source.kind == "file":
            where = self.tr("project {file}").format(file=entry.source.location)
        elif entry.source.kind == "repository":
            where = self.tr("shared repository {address}").format(address=entry.source.location)
        else:
            where = self.tr("new project, never saved")
        lines = [self.tr("Saved on {when}: {organisation}, {where}").format(
            when=short_date_time(entry.saved_at), organisation=entry.organisation, where=where)]
        lines.append("; ".join(self.tr("{scenario}: %n position(s)", "", s.positions).format(scenario=s.name)
                               for s in entry.scenarios))
        lines.append(self.tr("%n unsaved edit(s)", "", entry.unsaved_edits))
        if entry.host != host_name():
            lines[-1] += " — " + self.tr("from {user} on {host}").format(user=entry.user, host=entry.host)
        return "\n".join(lines)

    def _fill(self) -> None:
        self.list.clear()
        for entry in self._entries:
            QListWidgetItem(self.describe(entry), self.list)
        if self._entries:
            self.list.setCurrentRow(0)
        for button in (self.recover_button, self.delete_button):
            button.setEnabled(bool(self._entries))

    def _selected(self) -> RecoveryEntry | None:
        row = self.list.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _recover(self) -> None:
        entry = self._selected()
        if entry is not None:
            self._chosen = entry
            self.accept()

    def _delete(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete the unsaved work"),
            self.tr("Delete this work for good? It cannot be recovered afterwards."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            recovery.discard(entry)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete the unsaved work"), str(exc.strerror or exc))
            return
        self._entries.remove(entry)
        self._fill()
        if not self._entries:
            self.reject()
