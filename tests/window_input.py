"""Mouse input as a user makes it, aimed at cards of the main window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from orgdesigner.ui.main_window import MainWindow


def card_centre(window: MainWindow, position_id: str) -> QPoint:
    assert window.scene is not None
    card = window.scene.card(position_id)
    window.view.resetTransform()  # at 1:1 a pixel is a pixel: the fitted view is too small to aim at
    window.view.centerOn(card)
    return window.view.mapFromScene(card.sceneBoundingRect().center())


def drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 5) -> None:
    """A left-button drag as the mouse makes it: QTest.mouseMove carries no pressed button."""
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, steps + 1):
        point = QPointF(start + (end - start) * step / steps)
        move = QMouseEvent(QEvent.Type.MouseMove, point, widget.mapToGlobal(point), Qt.MouseButton.NoButton,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, move)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
