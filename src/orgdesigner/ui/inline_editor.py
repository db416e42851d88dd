"""Editing a card where it is (F2, double click): its title and its holder, over the card.

A small frame laid over the view's viewport rather than a widget in the scene: it keeps a readable
size at any zoom and takes the keyboard like any field. Enter or leaving the frame commits, Escape
cancels; the window turns the result into one EditPosition.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QLineEdit, QVBoxLayout, QWidget


class InlineEditor(QFrame):
    committed = Signal(str, str, str)  # position id, title, holder (as typed, stripped by the window)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("Title"))
        self.holder = QLineEdit(self)
        self.holder.setPlaceholderText(self.tr("Holder (empty: vacant)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.holder)
        self._position_id: str | None = None
        for field in (self.title, self.holder):
            field.installEventFilter(self)
        self.hide()

    @property
    def position_id(self) -> str | None:
        return self._position_id

    def open(self, position_id: str, title: str, holder: str, area: QRect) -> None:
        self._position_id = position_id
        self.title.setText(title)
        self.holder.setText(holder)
        width = max(area.width(), 220)
        self.setGeometry(QRect(area.left(), area.top(), width, self.sizeHint().height()))
        self.show()
        self.raise_()
        self.holder.setFocus()
        self.holder.selectAll()

    def commit(self) -> None:
        position_id, self._position_id = self._position_id, None
        self.hide()
        if position_id is not None:
            self.committed.emit(position_id, self.title.text(), self.holder.text())

    def cancel(self) -> None:
        self._position_id = None
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.commit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
                return True
        if event.type() == QEvent.Type.FocusOut and self._position_id is not None:
            # Looked at once focus has settled: going to the editor's other field is not leaving it.
            QTimer.singleShot(0, self, self._commit_if_left)
        return super().eventFilter(watched, event)

    def _commit_if_left(self) -> None:
        if self._position_id is not None and QApplication.focusWidget() not in (self.title, self.holder):
            self.commit()
