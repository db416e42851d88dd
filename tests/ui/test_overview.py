"""Zoomed out, each agency's map paints its cards and links (ui/overview) while the cards and links
stay in the scene: what the user clicks, drags, deletes and edits is the same item as at 1:1, and
what the map paints follows every edit."""

from __future__ import annotations

import dataclasses
import gc
import weakref

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem
from pytestqt.qtbot import QtBot

from orgdesigner import palette
from orgdesigner.commands.chart_commands import AddLink, EditPosition, RemovePositions
from orgdesigner.model import queries
from orgdesigner.model.entities import Link
from orgdesigner.ui import overview
from orgdesigner.ui.items import block_colours
from orgdesigner.ui.main_window import MainWindow
from orgdesigner.ui.overview import AgencyMap
from orgdesigner.ui.scene import ChartScene
from orgdesigner.ui.view import OVERVIEW_BELOW
from window_input import drag

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
ZOOMED_OUT = 0.25


def aim(window: MainWindow, position_id: str, scale: float = ZOOMED_OUT) -> QPoint:
    """The centre of a card on screen, the view zoomed to `scale` around it."""
    assert window.scene is not None
    card = window.scene.card(position_id)
    window.view.resetTransform()
    window.view.zoom(scale)
    window.view.centerOn(card)
    return window.view.mapFromScene(card.sceneBoundingRect().center())


def pixel(window: MainWindow, at: QPoint) -> str:
    return window.view.viewport().grab().toImage().pixelColor(at).name()


def maps(window: MainWindow) -> list[AgencyMap]:
    assert window.scene is not None
    return [item for item in window.scene.items() if isinstance(item, AgencyMap)]


def leaf(window: MainWindow, role: str) -> str:
    chart = window.document.chart
    return next(p.id for p in chart.positions() if p.role == role and not queries.reports(chart, p.id))


def test_zoomed_out_the_maps_paint_and_the_cards_stay_in_the_scene(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    assert ZOOMED_OUT < OVERVIEW_BELOW
    aim(window, "est-14")
    cards, links = window.scene.cards().values(), window.scene.link_items().values()
    assert all(card.flags() & NO_CONTENTS and card.isVisible() for card in cards)
    assert all(link.flags() & NO_CONTENTS for link in links)
    agencies = {p.agency for p in window.document.chart.positions()}
    assert len(maps(window)) == len(agencies) and all(m.isVisible() for m in maps(window))
    aim(window, "est-14", 1.0)
    assert not any(card.flags() & NO_CONTENTS for card in cards)
    assert not any(link.flags() & NO_CONTENTS for link in links)
    assert not any(m.isVisible() for m in maps(window))


def test_every_block_has_the_colour_its_card_paints_as_a_block(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    checked = 0
    for position in window.document.chart.positions():
        card = window.scene.card(position.id)
        at = aim(window, position.id)
        if card.badge is not None and card.badge.isVisible():
            continue  # the badge sits on the card's corner, not its centre; still, skip what it may cover
        _frame, fill = block_colours(card.look, card.change)
        assert pixel(window, at) == fill.name(), position.id
        checked += 1
    assert checked > 20


def test_zoomed_out_a_click_selects_the_card_and_delete_removes_it(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    removed = leaf(window, "caretaker")
    at = aim(window, removed)
    before = pixel(window, at)
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    assert window.scene.selected_ids() == [removed]
    window.delete_action.trigger()
    assert not window.document.chart.has_position(removed)
    assert pixel(window, at) != before  # the map no longer paints it
    window.undo_action.trigger()
    assert window.document.chart.has_position(removed)
    assert pixel(window, aim(window, removed)) == before


def test_zoomed_out_an_edit_repaints_its_block_in_the_new_family_colour(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    edited = chart.position(leaf(window, "caretaker"))
    at = aim(window, edited.id)
    assert pixel(window, at) == QColor(palette.FAMILY_COLOURS["site"]).name()
    window.document.stack.push(EditPosition(chart, dataclasses.replace(edited, role="client_officer")))
    assert pixel(window, at) == QColor(palette.FAMILY_COLOURS["tenancy"]).name()


def test_zoomed_out_a_card_dragged_onto_another_goes_under_it(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    start = aim(window, "est-14")
    end = window.view.mapFromScene(window.scene.card("est-03").sceneBoundingRect().center())  # type: ignore[union-attr]
    drag(window.view.viewport(), start, end)
    assert queries.managers(chart, "est-14") == ["est-03"]
    moved = window.scene.card("est-14")  # type: ignore[union-attr]
    xy = chart.position_xy("est-14")
    assert xy is not None and (moved.x(), moved.y()) == xy
    at = window.view.mapFromScene(moved.sceneBoundingRect().center())
    assert pixel(window, at) == block_colours(moved.look, None)[1].name()  # painted where it now is


def test_a_collapsed_subtree_is_not_painted_by_the_map(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    chart = window.document.chart
    below = queries.reports(chart, "est-14")[0]
    at = aim(window, below)
    shown = pixel(window, at)
    window.scene.set_collapsed("est-14", True)
    assert pixel(window, at) != shown
    window.scene.set_collapsed("est-14", False)
    assert pixel(window, at) == shown


def test_a_selected_card_is_outlined_in_the_selection_colour(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    chosen = leaf(window, "caretaker")
    card = window.scene.card(chosen)
    aim(window, chosen)
    corner = window.view.mapFromScene(card.scenePos())
    unselected = pixel(window, corner)
    card.setSelected(True)
    assert pixel(window, corner) == QColor(palette.SELECTION).name()
    card.setSelected(False)
    assert pixel(window, corner) == unselected


def test_a_card_selected_then_moved_to_another_agency_loses_its_outline_when_deselected(
        qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    chart = window.document.chart
    chosen = leaf(window, "caretaker")
    card = window.scene.card(chosen)
    aim(window, chosen)
    card.setSelected(True)
    other = next(a.id for a in chart.agencies() if a.id != chart.position(chosen).agency)
    window.document.stack.push(EditPosition(chart, dataclasses.replace(chart.position(chosen), agency=other,
                                                                       site=None)))
    corner = window.view.mapFromScene(card.scenePos())
    assert pixel(window, corner) == QColor(palette.SELECTION).name()
    window.scene.clearSelection()
    assert pixel(window, corner) != QColor(palette.SELECTION).name()


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The maps drawn from now on, each as the number of cards its drawing holds."""
    counts: list[int] = []
    real = overview._draw

    def counted(cards, links):  # type: ignore[no-untyped-def]
        cards = list(cards)
        counts.append(len(cards))
        return real(cards, links)

    monkeypatch.setattr(overview, "_draw", counted)
    return counts


def test_a_language_switch_zoomed_out_draws_each_agency_once(qtbot: QtBot, window: MainWindow,
                                                             drawn: list[int]) -> None:
    """Every card changes look: the maps are drawn again at the next paint, once each, not once a card."""
    assert window.scene is not None
    aim(window, "est-14")
    window.view.viewport().grab()
    drawn.clear()  # counted from here
    window.scene.set_lang("en")
    assert drawn == []
    window.view.viewport().grab()
    assert 0 < len(drawn) <= len(maps(window))


def test_zoomed_in_no_map_shows_or_stretches_the_scene_bounds(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    aim(window, "est-14")
    assert maps(window)
    window.scene.card("est-14").moveBy(-5000.0, -5000.0)  # the drawing kept now reaches far beyond the chart
    window.view.viewport().grab()
    window.scene.card("est-14").moveBy(5000.0, 5000.0)
    aim(window, "est-14", 1.0)
    assert maps(window) and not any(m.isVisible() for m in maps(window))
    shown = QRectF()
    for item in window.scene.items():
        if item.isVisible() and item.parentItem() is None:
            shown = shown.united(item.sceneBoundingRect())
    assert window.scene.itemsBoundingRect() == shown


def test_a_scene_thrown_away_after_zooming_out_is_freed_without_the_garbage_collector(qtbot: QtBot,
                                                                                      window: MainWindow) -> None:
    """Maps reach their scene through a weak reference: no cycle keeps 100,000 items alive."""
    scene = ChartScene(window.document.chart, "fr")
    scene.set_overview(True, 0.1)
    assert [item for item in scene.items() if isinstance(item, AgencyMap)]
    gone = weakref.ref(scene)
    scene.detach()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del scene
        assert gone() is None
    finally:
        if was_enabled:
            gc.enable()


def test_zooming_in_and_out_again_draws_only_the_agencies_edited_meanwhile(qtbot: QtBot, window: MainWindow,
                                                                          drawn: list[int]) -> None:
    """Pressing F after working zoomed in: the maps kept their drawings, and only an agency changed
    since is drawn again (at 50,000 positions, drawing every map costs the first fitted frame 0.7 s)."""
    assert window.scene is not None
    chart = window.document.chart
    edited = chart.position(leaf(window, "caretaker"))
    aim(window, edited.id)
    window.view.viewport().grab()
    drawn.clear()  # counted from here
    aim(window, edited.id, 1.0)
    window.view.viewport().grab()
    at = aim(window, edited.id)
    assert pixel(window, at) == QColor(palette.FAMILY_COLOURS["site"]).name()
    assert drawn == []

    aim(window, edited.id, 1.0)
    window.document.stack.push(EditPosition(chart, dataclasses.replace(edited, role="client_officer")))
    at = aim(window, edited.id)
    assert pixel(window, at) == QColor(palette.FAMILY_COLOURS["tenancy"]).name()
    assert len(drawn) == 1


def test_a_card_moved_zoomed_in_is_painted_where_it_went_when_zoomed_out(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    aim(window, "est-14")
    window.view.viewport().grab()
    aim(window, "est-14", 1.0)
    card = window.scene.card("est-14")
    fill = block_colours(card.look, None)[1].name()
    was = card.sceneBoundingRect().center()
    start = window.view.mapFromScene(was)
    drag(window.view.viewport(), start, start + QPoint(0, -260))  # into the empty band above the agency
    moved_to = card.sceneBoundingRect().center()
    assert moved_to.y() < was.y() - 200
    assert window.document.chart.position_xy("est-14") == (card.x(), card.y())
    window.view.resetTransform()
    window.view.zoom(ZOOMED_OUT)
    window.view.centerOn(moved_to)
    assert pixel(window, window.view.mapFromScene(moved_to)) == fill
    assert pixel(window, window.view.mapFromScene(was)) != fill


def ink_near(window: MainWindow, at: QPoint) -> bool:
    """Something other than the canvas within two pixels: a hairline falls on one pixel or the next."""
    image = window.view.viewport().grab().toImage()
    background = QColor(palette.CANVAS_BACKGROUND).name()
    return any(image.pixelColor(at + QPoint(dx, dy)).name() != background
               for dx in range(-2, 3) for dy in range(-2, 3))


def test_only_head_offices_map_reaches_head_office(qtbot: QtBot, window: MainWindow) -> None:
    """Lines from head office to the agencies' heads are drawn by head office's map: drawn by each
    agency's, they stretched every map over the chart, and an edit in one agency repainted them all."""
    assert window.scene is not None
    aim(window, "est-14")
    window.view.viewport().grab()
    head_office = window.scene.card("siege-01").sceneBoundingRect()
    assert sum(1 for m in maps(window) if m.sceneBoundingRect().intersects(head_office)) == 1


def test_a_line_from_head_office_goes_and_comes_back_with_its_folded_subtree(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    link = window.scene.link_items()[Link("siege-01", "nord-01", "line")]
    on_line = link.path().pointAtPercent(0.5)
    window.view.resetTransform()
    window.view.zoom(ZOOMED_OUT)
    window.view.centerOn(on_line)
    at = window.view.mapFromScene(on_line)
    assert ink_near(window, at)
    window.scene.set_collapsed("siege-01", True)
    assert not ink_near(window, at)
    window.scene.set_collapsed("siege-01", False)
    assert ink_near(window, at)


def test_a_dotted_line_into_a_folded_subtree_goes_from_its_sources_map(qtbot: QtBot, window: MainWindow) -> None:
    """Folding hides the line with the reports it reaches; its source's card, elsewhere, is
    unchanged, yet its map (the line's) must be drawn again."""
    assert window.scene is not None
    dotted = Link("siege-02", "est-20", "dotted")
    window.document.stack.push(AddLink(window.document.chart, dotted))
    on_line = window.scene.link_items()[dotted].path().pointAtPercent(0.1)
    window.view.resetTransform()
    window.view.zoom(ZOOMED_OUT)
    window.view.centerOn(on_line)
    at = window.view.mapFromScene(on_line)
    assert ink_near(window, at)
    window.document.stack.undo()
    assert not ink_near(window, at)  # nothing but the dotted line there
    window.document.stack.redo()
    assert ink_near(window, at)
    window.scene.set_collapsed("est-14", True)
    assert not ink_near(window, at)
    window.scene.set_collapsed("est-14", False)
    assert ink_near(window, at)


def test_a_selected_line_from_head_office_is_drawn_in_the_selection_colour(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    link = window.scene.link_items()[Link("siege-01", "nord-01", "line")]
    on_line = link.path().pointAtPercent(0.5)
    window.view.resetTransform()
    window.view.zoom(ZOOMED_OUT)
    window.view.centerOn(on_line)
    at = window.view.mapFromScene(on_line)

    def selection_near() -> bool:
        image = window.view.viewport().grab().toImage()
        return any(image.pixelColor(at + QPoint(dx, dy)).name() == QColor(palette.SELECTION).name()
                   for dx in range(-2, 3) for dy in range(-2, 3))

    assert not selection_near()
    link.setSelected(True)
    assert selection_near()
    link.setSelected(False)
    assert not selection_near()


def test_a_selection_changed_zoomed_in_is_outlined_where_it_now_is_once_zoomed_out(qtbot: QtBot,
                                                                                    window: MainWindow) -> None:
    assert window.scene is not None
    earlier, later = window.scene.card("est-14"), window.scene.card("siege-01")

    def outlined(card: QGraphicsItem) -> bool:
        window.view.resetTransform()
        window.view.zoom(ZOOMED_OUT)
        window.view.centerOn(card)
        corner = window.view.mapFromScene(card.scenePos())
        return pixel(window, corner) == QColor(palette.SELECTION).name()

    window.select_positions(["est-14"])
    assert outlined(earlier) and not outlined(later)
    window.view.resetTransform()
    window.view.zoom(1.0)
    window.select_positions(["siege-01"])
    assert outlined(later) and not outlined(earlier)


def test_deleting_a_manager_draws_again_its_agencys_map_only(qtbot: QtBot, window: MainWindow,
                                                             drawn: list[int]) -> None:
    """Not head office's, which spans the chart: the lines the deletion removes start in the agency."""
    assert window.scene is not None
    aim(window, "nord-02")
    window.view.viewport().grab()
    drawn.clear()  # counted from here
    nord = sum(1 for p in window.document.chart.positions() if p.agency == "nord")
    window.document.stack.push(RemovePositions(window.document.chart, ["nord-02"]))
    window.view.viewport().grab()
    assert drawn == [nord - 1]
