"""The view on the chart: zoom with Ctrl+wheel and +/-, pan with the middle button or space+drag,
fit all or the selection."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

_ZOOM_STEP = 1.2
_MIN_SCALE = 0.02
_MAX_SCALE = 4.0
_MARGIN = 40.0
OVERVIEW_BELOW = 0.4  # the zoom under which cards are painted as plain blocks (items.py)


class ChartView(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self._space_held = False
        self._panning_from: tuple[float, float] | None = None

    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom(self, factor: float) -> None:
        target = min(max(self.scale_factor() * factor, _MIN_SCALE), _MAX_SCALE)
        applied = target / self.scale_factor()
        self.scale(applied, applied)
        self._tell_scene()

    def _tell_scene(self) -> None:
        """Below the zoom where cards become blocks, the scene shows the agencies' names instead."""
        overview = getattr(self.scene(), "set_overview", None)
        if overview is not None:
            overview(self.scale_factor() < OVERVIEW_BELOW, self.scale_factor())

    def fit(self, rect: QRectF | None = None) -> None:
        """Fits the given rectangle (default: everything) with a margin, never above 1:1."""
        scene = self.scene()
        if scene is None:
            return
        shown = getattr(scene, "items_bounding_rect", scene.itemsBoundingRect)  # without collapsed subtrees
        area = rect if rect is not None else shown()
        if area.isEmpty():
            return
        self.fitInView(area.adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN), Qt.AspectRatioMode.KeepAspectRatio)
        if self.scale_factor() > 1.0:
            self.zoom(1.0 / self.scale_factor())
            self.centerOn(area.center())
        self._tell_scene()

    def fit_selection(self) -> None:
        scene = self.scene()
        if scene is None or not scene.selectedItems():
            return
        area = QRectF()
        for item in scene.selectedItems():
            area = area.united(item.sceneBoundingRect())
        self.fit(area)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(_ZOOM_STEP if event.angleDelta().y() > 0 else 1 / _ZOOM_STEP)
            event.accept()
        else:
            super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(_ZOOM_STEP)
        elif event.key() == Qt.Key.Key_Minus:
            self.zoom(1 / _ZOOM_STEP)
        elif event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self.viewport().unsetCursor()
        else:
            super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
                self._space_held and event.button() == Qt.MouseButton.LeftButton):
            self._panning_from = (event.position().x(), event.position().y())
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning_from is not None:
            x, y = event.position().x(), event.position().y()
            dx, dy = x - self._panning_from[0], y - self._panning_from[1]
            self._panning_from = (x, y)
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(dx))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(dy))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning_from is not None:
            self._panning_from = None
            if self._space_held:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
