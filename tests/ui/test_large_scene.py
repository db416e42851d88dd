"""A guard against regressions at scale: the window builds and paints a 20,000-position organisation,
fitted and at 1:1, and a click zoomed out still selects. It catches, among others, PySide6 6.12.0's
reference-count abort on Python 3.11 (platform notes), which only shows after thousands of Qt calls,
and a scene index that would take minutes on long links. Nothing here is timed: the benchmarks are."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from orgdesigner import palette
from orgdesigner.app.document import Document
from orgdesigner.ui.main_window import MainWindow
from orgdesigner.ui.view import OVERVIEW_BELOW

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def synthetic() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_synthetic", BENCHMARKS / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def painted_share(image: QImage) -> float:
    """The share of sampled pixels that are not the canvas's background."""
    background = QColor(palette.CANVAS_BACKGROUND).rgb()
    samples = [image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)]
    return sum(1 for p in samples if p != background) / len(samples)


def test_a_20000_position_organisation_is_built_painted_and_clicked(qtbot: QtBot) -> None:
    project = synthetic().synthetic_project(200)
    document = Document(project)
    positions = sum(1 for _ in document.chart.positions())
    assert positions >= 20_000
    window = MainWindow(document, "fr")
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitExposed(window):
        window.show()
    scene, view = window.scene, window.view
    assert scene is not None and len(scene.cards()) == positions
    assert len(scene.link_items()) == sum(1 for _ in document.chart.links())

    view.fit()
    assert view.scale_factor() < OVERVIEW_BELOW
    fitted = view.viewport().grab().toImage()
    assert painted_share(fitted) > 0.05  # the blocks and lines of the whole organisation

    head = next(p.id for p in document.chart.positions() if p.role == "agency_head")
    card = scene.card(head)
    view.resetTransform()
    view.zoom(0.25)  # zoomed out, cards are blocks a few pixels tall, but still aimed at one by one
    assert view.scale_factor() < OVERVIEW_BELOW
    view.centerOn(card)
    at = view.mapFromScene(card.sceneBoundingRect().center())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    assert scene.selected_ids() == [head]

    view.resetTransform()
    view.zoom(1.0)
    view.centerOn(card)
    close_up = view.viewport().grab().toImage()
    assert painted_share(close_up) > 0.05
    centre = view.mapFromScene(card.sceneBoundingRect().center())
    assert QColor(close_up.pixel(centre)).name() == QColor(palette.CARD_FILL).name()  # a card's face, up close
