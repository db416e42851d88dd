"""The find bar (Ctrl+F): type part of a holder's name, a title or a role, go through the matches.

It behaves as a browser's find bar, the one users already know: the search runs as they type, Enter
and F3 go to the next match and Shift the other way, round from the last to the first, Escape puts
the bar away. The bar only finds: it emits `found` with a position id and the window selects and
centres that card, so the bar knows nothing of the canvas. Matching is `app.search`'s.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStyle, QToolButton, QWidget

from orgdesigner.app.search import find_positions
from orgdesigner.model.chart import Chart
from orgdesigner.model.labels import Lang

# A light red that keeps dark text readable: the usual "not found" of find bars.
NOT_FOUND_STYLE = "QLineEdit { background-color: #ffd7d7; }"


class SearchBar(QWidget):
    found = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find a holder, title or role"))
        self.field.setClearButtonEnabled(True)
        style = self.style()
        self.previous_button = self._button(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp),
                                            self.tr("Previous match (Shift+Enter, Shift+F3)"), self.previous)
        self.next_button = self._button(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
                                        self.tr("Next match (Enter, F3)"), self.next)
        self.count_label = QLabel(self)
        self.close_button = self._button(style.standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton),
                                         self.tr("Close (Esc)"), self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.field, self.previous_button, self.next_button, self.count_label, self.close_button):
            layout.addWidget(widget)
        self.field.textChanged.connect(lambda _text: self._search(keep=None))
        self._chart: Chart | None = None
        self._lang: Lang = "fr"
        self._matches: list[str] = []
        self._index = 0
        self.hide()

    def _button(self, icon: QIcon, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the typing stays in the field
        button.clicked.connect(slot)
        return button

    # Reading ---------------------------------------------------------------------------------------

    @property
    def matches(self) -> list[str]:
        return list(self._matches)

    @property
    def current(self) -> str | None:
        """The match the bar is on, None when there is none."""
        return self._matches[self._index] if self._matches else None

    # Acting ----------------------------------------------------------------------------------------

    def open_for(self, chart: Chart, lang: Lang) -> None:
        """Shows the bar over `chart`, the text selected so that typing replaces it; a search left
        in the field runs again on the chart as it now is, staying on its match if still there."""
        self._chart = chart
        self._lang = lang
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._search(keep=self.current)

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys the field and buttons leave unhandled come here (a line edit ignores Enter and
        Escape): shortcuts instead would clash with the window's own."""
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
            self._step(-1 if shift else 1)
        elif key == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    # Internals -------------------------------------------------------------------------------------

    def _search(self, keep: str | None) -> None:
        self._refresh(keep)
        self._land()

    def _refresh(self, keep: str | None) -> None:
        """Finds the field's text anew, standing on `keep` if it still matches, else on the first."""
        self._matches = find_positions(self._chart, self.field.text(), self._lang) if self._chart is not None else []
        self._index = self._matches.index(keep) if keep in self._matches else 0

    def _step(self, delta: int) -> None:
        """Moves to the next or previous match, round the ends. The chart may have been edited
        since the last search (a match deleted, a holder renamed), so the search runs again first;
        if the match the bar stood on is gone, the step lands on the first match."""
        current = self.current
        self._refresh(keep=current)
        if current is not None and current == self.current:
            self._index = (self._index + delta) % len(self._matches)
        self._land()

    def _land(self) -> None:
        """Shows where the bar stands and tells the window which card to show."""
        blank = not self.field.text().strip()
        if blank:
            self.count_label.setText("")
        elif self._matches:
            self.count_label.setText(f"{self._index + 1} / {len(self._matches)}")
        else:
            self.count_label.setText(self.tr("No match"))
        self.field.setStyleSheet(NOT_FOUND_STYLE if not blank and not self._matches else "")
        if self._matches:
            self.found.emit(self._matches[self._index])
