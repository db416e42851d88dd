"""Drawing on the canvas as a user does: roles dropped from the palette, links dragged from a card's
handle, cards dropped onto a new manager, links deleted or given another kind, subtrees collapsed,
agencies edited from their header; each edit one undo step."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from orgdesigner.app.document import Document
from orgdesigner.commands import MovePositions
from orgdesigner.model import queries
from orgdesigner.model.entities import Link
from orgdesigner.ui.items import CARD_HEIGHT, CARD_WIDTH, HeaderItem
from orgdesigner.ui.main_window import MainWindow
from orgdesigner.ui.parameters_dialog import ParametersDialog
from orgdesigner.ui.role_palette import role_mime
from window_input import card_centre, drag


def drop_role(widget: QWidget, role: str, at: QPoint) -> None:
    """What Qt sends the view while a palette entry is dragged over it and let go."""
    mime: QMimeData = role_mime(role, role)
    actions = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(widget, QDragEnterEvent(at, actions, mime, buttons, keys))
    QApplication.sendEvent(widget, QDragMoveEvent(at, actions, mime, buttons, keys))
    QApplication.sendEvent(widget, QDropEvent(QPointF(at), actions, mime, buttons, keys))


def handle_point(window: MainWindow, position_id: str) -> QPoint:
    """The link handle on the right edge of a selected card, in viewport pixels."""
    assert window.scene is not None
    card_centre(window, position_id)
    window.select_positions([position_id])
    card = window.scene.card(position_id)
    return window.view.mapFromScene(card.mapToScene(QPointF(CARD_WIDTH, CARD_HEIGHT / 2)))


def point_of(window: MainWindow, position_id: str) -> QPoint:
    assert window.scene is not None
    return window.view.mapFromScene(window.scene.card(position_id).sceneBoundingRect().center())


# Roles from the palette -----------------------------------------------------------------------------------


def test_a_role_dropped_on_a_manager_is_a_vacant_post_under_it_in_one_undo_step(qtbot: QtBot,
                                                                                window: MainWindow) -> None:
    chart = window.document.chart
    before = chart.to_scenario()
    drop_role(window.view.viewport(), "caretaker", card_centre(window, "est-14"))
    added = [p for p in chart.positions() if p.id not in {q.id for q in before.positions}]
    assert len(added) == 1
    new = added[0]
    assert (new.role, new.agency, new.holder) == ("caretaker", "est", None)
    assert queries.managers(chart, new.id) == ["est-14"]
    assert window.scene is not None and window.scene.card(new.id).look.vacant
    assert window.scene.selected_ids() == [new.id]
    assert window.document.stack.count == 1
    window.undo_action.trigger()
    assert chart.to_scenario() == before
    assert new.id not in window.scene.cards()
    window.redo_action.trigger()
    assert queries.managers(chart, new.id) == ["est-14"]


def test_a_role_dropped_on_the_empty_canvas_stands_alone_in_the_agency_below(qtbot: QtBot,
                                                                            window: MainWindow) -> None:
    chart = window.document.chart
    assert window.scene is not None
    card = window.scene.card("est-33")
    card_centre(window, "est-33")
    empty = window.view.mapFromScene(card.sceneBoundingRect().center() + QPointF(0.0, 3 * CARD_HEIGHT))
    count = sum(1 for _ in chart.positions())
    drop_role(window.view.viewport(), "mediator", empty)
    new = list(chart.positions())[-1]
    assert sum(1 for _ in chart.positions()) == count + 1
    assert (new.role, new.agency) == ("mediator", "est")
    assert queries.managers(chart, new.id) == []


def test_a_role_chosen_in_the_palette_goes_under_the_selected_card(qtbot: QtBot,
                                                                          window: MainWindow) -> None:
    chart = window.document.chart
    window.select_positions(["est-02"])
    window.roles.tree.setCurrentItem(window.roles.item_for("technical_officer"))
    QTest.keyClick(window.roles.tree, Qt.Key.Key_Return)
    new = list(chart.positions())[-1]
    assert new.role == "technical_officer" and queries.managers(chart, new.id) == ["est-02"]


def test_something_else_dropped_on_the_canvas_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    before = chart.to_scenario()
    mime = QMimeData()
    mime.setText("caretaker")
    at = card_centre(window, "est-14")
    event = QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.view.viewport(), event)
    QApplication.sendEvent(window.view.viewport(), QDropEvent(QPointF(at), Qt.DropAction.CopyAction, mime,
                                                              Qt.MouseButton.LeftButton,
                                                              Qt.KeyboardModifier.NoModifier))
    assert chart.to_scenario() == before


# Links from the handle ------------------------------------------------------------------------------------


def test_a_link_dragged_from_the_handle_moves_the_report_under_the_new_manager(qtbot: QtBot,
                                                                              window: MainWindow) -> None:
    chart = window.document.chart
    start = handle_point(window, "est-15")
    drag(window.view.viewport(), start, point_of(window, "est-19"))
    assert queries.managers(chart, "est-19") == ["est-15"]  # one manager, not two
    assert window.document.stack.count == 1
    window.undo_action.trigger()
    assert queries.managers(chart, "est-19") == ["est-14"]


def test_shift_makes_the_link_dotted_and_a_contractor_gets_a_contract(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    start = handle_point(window, "est-15")
    QTest.mousePress(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    drag(window.view.viewport(), start, point_of(window, "est-19"))
    window.undo_action.trigger()
    start = handle_point(window, "est-15")
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, point_of(window, "est-19"))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                       point_of(window, "est-19"))
    assert Link("est-15", "est-19", "dotted") in chart.links()
    assert queries.managers(chart, "est-19") == ["est-14"]
    assert window.scene is not None and Link("est-15", "est-19", "dotted") in window.scene.link_items()

    start = handle_point(window, "coteaux-10")
    drag(window.view.viewport(), start, point_of(window, "coteaux-18"))
    assert Link("coteaux-10", "coteaux-18", "contract") in chart.links()


def test_the_edit_menu_chooses_the_kind_of_new_links(qtbot: QtBot, window: MainWindow) -> None:
    window.link_kind_actions["dotted"].trigger()
    start = handle_point(window, "est-15")
    drag(window.view.viewport(), start, point_of(window, "est-20"))
    assert Link("est-15", "est-20", "dotted") in window.document.chart.links()


def test_a_link_that_would_close_a_loop_is_refused_and_said(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    before = chart.to_scenario()
    start = handle_point(window, "est-19")
    drag(window.view.viewport(), start, point_of(window, "est-14"))
    assert chart.to_scenario() == before
    assert window.statusBar().currentMessage()


def test_a_selected_link_is_deleted_and_comes_back_on_undo(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    assert window.scene is not None
    link = Link("est-14", "est-19")
    window.scene.clearSelection()
    window.scene.link_items()[link].setSelected(True)
    window.delete_action.trigger()
    assert link not in chart.links() and link not in window.scene.link_items()
    assert chart.has_position("est-19")
    window.undo_action.trigger()
    assert link in chart.links() and link in window.scene.link_items()


def test_a_link_is_given_another_kind_in_one_step(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    assert window.scene is not None
    window.scene.link_retyped.emit(Link("nord-03", "nord-70", "contract"), "dotted")
    assert Link("nord-03", "nord-70", "dotted") in chart.links()
    assert Link("nord-03", "nord-70", "contract") not in chart.links()
    window.undo_action.trigger()
    assert Link("nord-03", "nord-70", "contract") in chart.links()


# Cards dropped onto a manager -------------------------------------------------------------------------------


def test_a_card_dropped_onto_another_goes_under_it_with_its_subtree(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    before = chart.to_scenario()
    staff = queries.reports(chart, "est-14")
    start = card_centre(window, "est-14")
    drag(window.view.viewport(), start, point_of(window, "est-03"))
    assert queries.managers(chart, "est-14") == ["est-03"]
    assert queries.reports(chart, "est-14") == staff  # the subtree followed
    manager_xy, moved_xy = chart.position_xy("est-03"), chart.position_xy("est-14")
    assert manager_xy is not None and moved_xy is not None
    assert moved_xy[1] > manager_xy[1] + CARD_HEIGHT  # placed below its new manager, not on it
    assert window.document.stack.count == 1
    window.undo_action.trigger()
    assert chart.to_scenario() == before


def test_a_card_dropped_into_another_agency_joins_it(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    assert window.scene is not None
    window.scene.cards_reparented.emit(["est-14"], "coteaux-01", {})
    assert {chart.position(p).agency for p in ["est-14", *queries.descendants(chart, "est-14")]} == {"coteaux"}
    assert all(chart.position(p).site is None for p in ["est-14", *queries.descendants(chart, "est-14")])
    window.undo_action.trigger()
    assert chart.position("est-19").agency == "est"


# Collapsing -----------------------------------------------------------------------------------------------


def test_the_toggle_collapses_a_subtree_and_says_how_many_are_hidden(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    chart = window.document.chart
    card = window.scene.card("est-02")
    card_centre(window, "est-02")
    toggle = window.view.mapFromScene(card.mapToScene(QPointF(CARD_WIDTH / 2, CARD_HEIGHT)))
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, toggle)
    below = queries.descendants(chart, "est-02")
    assert window.scene.hidden_ids() == below
    assert not any(window.scene.card(p).isVisible() for p in below)
    assert card.look.collapsed and card.look.hidden_below == len(below)
    assert window.document.stack.count == 0  # a way of looking, not an edit
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, toggle)
    assert window.scene.hidden_ids() == set()
    assert all(window.scene.card(p).isVisible() for p in below)


def test_choosing_a_finding_opens_the_subtree_that_hides_its_positions(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    window.scene.set_collapsed("est-01", True)
    assert window.scene.hidden_ids()
    window.select_positions(["est-19"])
    assert window.scene.card("est-19").isVisible() and window.scene.card("est-19").isSelected()
    assert not window.scene.is_collapsed("est-01")


def test_a_collapsed_subtree_stays_hidden_under_edits_elsewhere(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    window.scene.set_collapsed("est-14", True)
    window.select_positions(["est-15"])
    window.add_role("caretaker")
    assert window.scene.hidden_ids() == queries.descendants(window.document.chart, "est-14")


# Agency headers and the agency panel ---------------------------------------------------------------------


def test_each_agency_has_a_header_above_its_cards_with_its_models(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    headers = window.scene.headers()
    chart = window.document.chart
    assert set(headers) == {a.id for a in chart.agencies()}
    est = headers["est"]
    assert est.look.name == chart.agency("est").name  # type: ignore[union-attr]
    texts = [badge[0] for badge in est.look.badges]
    assert any(t.startswith("Attendu M") for t in texts) and any(t.startswith("Détecté M") for t in texts)
    top = min(window.scene.card(p.id).y() for p in chart.positions() if p.agency == "est")
    assert est.sceneBoundingRect().bottom() <= top
    assert est.look.findings == sum(1 for f in window.document.validate().findings if f.agency == "est")


def test_clicking_a_header_shows_the_agency_and_an_edit_there_updates_the_findings(qtbot: QtBot,
                                                                                 window: MainWindow) -> None:
    assert window.scene is not None
    header: HeaderItem = window.scene.headers()["nord"]
    window.view.centerOn(header)
    point = window.view.mapFromScene(header.sceneBoundingRect().center())
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert window.agency_panel.agency is not None and window.agency_panel.agency.id == "nord"
    window.agency_panel.edited.emit(dataclasses.replace(window.document.chart.agency("nord"), name="Nord-Ouest"))
    assert window.document.chart.agency("nord").name == "Nord-Ouest"  # type: ignore[union-attr]
    assert window.scene.headers()["nord"].look.name == "Nord-Ouest"
    window.undo_action.trigger()
    assert window.scene.headers()["nord"].look.name != "Nord-Ouest"


def test_lay_out_one_agency_moves_only_its_cards(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    others = {p.id: chart.position_xy(p.id) for p in chart.positions() if p.agency != "est"}
    window.document.stack.push(MovePositions(chart, {"est-19": (0.0, 0.0)}))
    window.select_positions(["est-19"])
    window.layout_agency_action.trigger()
    assert chart.position_xy("est-19") != (0.0, 0.0)
    assert {p: chart.position_xy(p) for p in others} == others


def test_the_parameters_dialog_changes_the_findings_in_one_undo_step(qtbot: QtBot, window: MainWindow,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def accept(dialog: ParametersDialog) -> int:
        ratio = dialog.editors["gardiennage_dwellings_per_fte"]
        assert isinstance(ratio, QSpinBox)
        ratio.setValue(400)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ParametersDialog, "exec", accept)
    rules = {f.rule for f in window.document.validate().findings}
    assert "site.gardiennage" in rules
    window.parameters_action.trigger()
    assert window.document.chart.parameters == {"gardiennage_dwellings_per_fte": 400}
    assert "site.gardiennage" not in {f.rule for f in window.document.validate().findings}
    window.undo_action.trigger()
    assert "site.gardiennage" in {f.rule for f in window.document.validate().findings}


# Clipboard and search ----------------------------------------------------------------------------------------


def test_copy_and_paste_a_subtree_under_another_manager_then_undo(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    before = chart.to_scenario()
    subtree = {"est-16", *queries.descendants(chart, "est-16")}
    window.select_positions(["est-16"])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    window.select_positions(["est-02"])
    QTest.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    added = [p for p in chart.positions() if p.id not in {q.id for q in before.positions}]
    assert len(added) == len(subtree)
    root = next(p.id for p in added if queries.managers(chart, p.id) == ["est-02"])
    assert len(queries.descendants(chart, root)) == len(subtree) - 1
    assert window.scene is not None and set(window.scene.selected_ids()) >= {root}
    assert window.document.stack.count == 1
    window.undo_action.trigger()
    assert chart.to_scenario() == before


def test_cut_removes_the_subtree_and_paste_brings_it_back(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    count = sum(1 for _ in chart.positions())
    subtree = {"est-16", *queries.descendants(chart, "est-16")}
    window.select_positions(["est-16"])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert not any(chart.has_position(p) for p in subtree)
    window.select_positions(["est-15"])
    QTest.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert sum(1 for _ in chart.positions()) == count


def test_duplicate_puts_a_copy_beside_the_original(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    window.select_positions(["est-14"])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copies = [p for p in chart.positions() if p.id.startswith("est-14-copy")]
    assert len(copies) == 1 and queries.managers(chart, copies[0].id) == ["est-02"]


def test_pasting_text_that_is_not_a_copy_is_refused_and_said(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    before = chart.to_scenario()
    QApplication.clipboard().setText("Hello, world")
    window.paste_action.trigger()
    assert chart.to_scenario() == before
    assert window.statusBar().currentMessage()


def test_ctrl_f_finds_by_holder_and_enter_goes_to_the_next(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_bar.isVisible()
    QTest.keyClicks(window.search_bar.field, "Haddad")
    holders = [p.id for p in window.document.chart.positions() if p.holder and "Haddad" in p.holder]
    assert len(holders) >= 2
    assert window.scene.selected_ids() == [holders[0]]
    QTest.keyClick(window.search_bar.field, Qt.Key.Key_Return)
    assert window.scene.selected_ids() == [holders[1]]
    QTest.keyClick(window.search_bar.field, Qt.Key.Key_Escape)
    assert not window.search_bar.isVisible()


def test_zoomed_out_the_agencies_names_show_and_never_overlap(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    window.view.fit()
    headers = sorted(window.scene.headers().values(), key=lambda h: h.x())
    assert all(h.overview_label.isVisible() for h in headers)
    spans = []
    for header in headers:
        label = header.overview_label
        left = window.view.mapFromScene(label.scenePos()).x() + label.transform().dx()
        spans.append((left, left + label.boundingRect().width()))
    assert all(right <= next_left + 1 for (_, right), (next_left, _) in itertools.pairwise(spans))
    window.view.resetTransform()
    window.view.zoom(1.0)
    assert not any(h.overview_label.isVisible() for h in headers)


# What the review found -----------------------------------------------------------------------------------------


def test_an_other_post_keeps_a_title_when_its_field_is_emptied_so_the_file_reopens(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    chart = window.document.chart
    assert chart.position("siege-01").role == "other"
    window.edit_in_place("siege-01")
    window.inline_editor.title.setText("")
    QTest.keyClick(window.inline_editor.title, Qt.Key.Key_Return)
    assert chart.position("siege-01").title
    assert window.save_to(tmp_path / "again.orgd")
    assert Document.open(tmp_path / "again.orgd").chart.position("siege-01").title


def test_a_name_still_being_typed_is_saved_with_the_project(qtbot: QtBot, window: MainWindow,
                                                           tmp_path: Path) -> None:
    window.edit_in_place("est-20")
    window.inline_editor.holder.setText("Mehdi Petit")
    assert window.save_to(tmp_path / "typed.orgd")
    assert not window.inline_editor.isVisible()
    assert Document.open(tmp_path / "typed.orgd").chart.position("est-20").holder == "Mehdi Petit"
    assert not window.document.is_modified


def test_closing_with_a_name_still_being_typed_asks_first(qtbot: QtBot, window: MainWindow,
                                                         scripted_dialogs: list[str]) -> None:
    window.edit_in_place("est-20")
    window.inline_editor.holder.setText("Mehdi Petit")
    window.close()
    assert scripted_dialogs and "Unsaved" in scripted_dialogs[-1]


def test_delete_in_a_panel_s_table_does_not_delete_the_selected_card(qtbot: QtBot, window: MainWindow) -> None:
    chart = window.document.chart
    window.select_positions(["nord-10"])
    window.show_agency("nord")
    table = window.agency_panel.sites
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Delete)
    QTest.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert chart.has_position("nord-10")
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert not chart.has_position("nord-10")


def test_ticking_a_form_of_presence_in_the_agency_panel_answers_the_finding(qtbot: QtBot,
                                                                           window: MainWindow) -> None:
    def presence_findings() -> list[str]:
        return [f.rule for f in window.document.validate().findings
                if f.rule == "territory.presence" and f.agency == "coteaux"]

    assert presence_findings()
    window.show_agency("coteaux")
    box = window.agency_panel.presence["mobile_agency"]
    assert box.isEnabled() and not box.isChecked()
    box.click()
    chart = window.document.chart
    assert "mobile_agency" in (chart.agency("coteaux").presence or ())  # type: ignore[union-attr]
    assert presence_findings() == []
    assert window.scene is not None and window.scene.headers()["coteaux"].look.findings == 1
    assert not any("[territory.presence]" in text for text in window.findings.visible_texts())
    window.undo_action.trigger()
    assert presence_findings() and not window.agency_panel.presence["mobile_agency"].isChecked()


def test_a_card_dropped_under_a_manager_lands_on_no_other_card(qtbot: QtBot, window: MainWindow) -> None:
    """The slot right of the new manager's reports may run into a neighbour's column: the dropped
    subtree goes further right rather than over the neighbour's cards."""
    assert window.scene is not None
    chart = window.document.chart
    drag(window.view.viewport(), card_centre(window, "est-14"), point_of(window, "est-03"))
    assert queries.managers(chart, "est-14") == ["est-03"]
    moved = {"est-14", *queries.descendants(chart, "est-14")}
    cards = window.scene.cards()
    for position_id in moved:
        box = cards[position_id].sceneBoundingRect().adjusted(8, 8, -8, -8)
        covered = [p for p, card in cards.items()
                   if p not in moved and card.isVisible() and card.sceneBoundingRect().intersects(box)]
        assert covered == [], position_id
