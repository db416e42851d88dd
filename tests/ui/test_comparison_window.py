"""Comparing two scenarios as a user does: Chart > Compare scenarios, the two scenarios picked, then the
marked chart, its toggle to the source, the tables that select on click and the guarding notices; and
nothing in the comparison may change the project."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QTableWidget
from pytestqt.qtbot import QtBot

from orgdesigner import palette
from orgdesigner.app.document import Document
from orgdesigner.commands.chart_commands import EditPosition, RemovePositions
from orgdesigner.model.entities import Link
from orgdesigner.model.labels import Lang
from orgdesigner.ui.comparison_picker import ScenarioPairDialog
from orgdesigner.ui.comparison_window import ComparisonWindow
from orgdesigner.ui.i18n import install_translator
from orgdesigner.ui.items import CARD_HEIGHT, CARD_WIDTH
from orgdesigner.ui.main_window import MainWindow
from orgdesigner.ui.overview import AgencyMap
from orgdesigner.ui.pdf_dialog import PdfExportDialog
from window_input import drag

Compare = Callable[..., ComparisonWindow]


@dataclass
class Picker:
    """What the pair dialog offered each time, and the pair a test chooses in it (None: as offered)."""

    offered: list[tuple[str, str]] = field(default_factory=list)
    chosen: tuple[str, str] | None = None


@pytest.fixture
def picker(monkeypatch: pytest.MonkeyPatch) -> Picker:
    picker = Picker()

    def accept(dialog: ScenarioPairDialog) -> QDialog.DialogCode:
        picker.offered.append(dialog.pair())
        if picker.chosen is not None:
            dialog.source.setCurrentText(picker.chosen[0])
            dialog.target.setCurrentText(picker.chosen[1])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ScenarioPairDialog, "exec", accept)
    return picker


@pytest.fixture
def compare(qtbot: QtBot, picker: Picker) -> Compare:
    """Chart > Compare scenarios in a main window, and the comparison window it opens."""
    def open_from(window: MainWindow, pair: tuple[str, str] | None = None) -> ComparisonWindow:
        picker.chosen = pair
        window.compare_action.trigger()
        shown = [w for w in window.findChildren(ComparisonWindow) if w.isVisible()]
        assert len(shown) == 1
        with qtbot.waitExposed(shown[0]):
            pass
        return shown[0]
    return open_from


def visible_area(comparison: ComparisonWindow) -> tuple[float, float, float, float]:
    area = comparison.view.mapToScene(comparison.view.viewport().rect()).boundingRect()
    return area.left(), area.top(), area.right(), area.bottom()


def in_view(comparison: ComparisonWindow, position_id: str) -> bool:
    """The whole card on screen (centred as far as the chart's edge lets the view scroll)."""
    assert comparison.scene is not None
    card = comparison.scene.card(position_id).sceneBoundingRect()
    left, top, right, bottom = visible_area(comparison)
    return left <= card.left() and card.right() <= right and top <= card.top() and card.bottom() <= bottom


def click_row(table: QTableWidget, row: int) -> None:
    table.scrollToItem(table.item(row, 1))
    rect = table.visualItemRect(table.item(row, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())


def row_texts(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, column).text() for column in range(table.columnCount())]  # type: ignore[union-attr]


# Opening -----------------------------------------------------------------------------------------------


def test_the_menu_opens_the_demo_comparison_with_the_target_marked(
        window: MainWindow, compare: Compare, picker: Picker) -> None:
    assert window.compare_action.isEnabled() and window.compare_action.shortcut().toString() == "Ctrl+Shift+D"
    comparison = compare(window)
    assert picker.offered == [("Existant 2026", "Cible 2027")]  # the first scenario, then the other one
    assert comparison.windowTitle() == "Comparison: Existant 2026 → Cible 2027"
    assert comparison.side == "after" and comparison.target_action.isChecked()
    scene = comparison.scene
    assert scene is not None
    for added in ("nord-80", "nord-81", "centre-50", "centre-51"):
        mark = scene.card(added).change
        assert mark is not None and mark.kinds == ("added",) and mark.signs == ("+",) and not mark.ghost
    moved = {p for p, card in scene.cards().items() if card.change is not None and "moved" in card.change.kinds}
    assert moved == {m.id for m in comparison.diff.positions.moved} and "nord-48" in moved
    assert scene.card("nord-48").change.signs[0] == "→"  # type: ignore[union-attr]
    unchanged = scene.card("est-01").change
    assert unchanged is not None and unchanged.kinds == () and scene.card("est-01").opacity() == 1.0
    assert "nord-27" in scene.card("nord-48").toolTip()  # the card says from which manager it moved
    assert comparison.changes.visible_ids()[:4] == ["centre-50", "centre-51", "nord-80", "nord-81"]


def test_the_pair_dialog_defaults_to_the_current_scenario_swaps_and_refuses_one_scenario_twice(
        qtbot: QtBot) -> None:
    dialog = ScenarioPairDialog(("A", "B", "C"), "C")
    qtbot.addWidget(dialog)
    assert dialog.pair() == ("A", "C")
    dialog.swap()
    assert dialog.pair() == ("C", "A")
    dialog.target.setCurrentText("C")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_comparing_needs_two_scenarios(qtbot: QtBot) -> None:
    window = MainWindow(Document.new("Habitat", "Existant"), "fr")
    qtbot.addWidget(window)
    assert not window.compare_action.isEnabled()
    window.document.add_scenario("Cible")
    window.scenarios_panel.scenarios_changed.emit()
    assert window.compare_action.isEnabled()


def test_asking_again_for_the_same_pair_shows_the_same_window(window: MainWindow, compare: Compare) -> None:
    first = compare(window)
    assert compare(window) is first


# The chart ---------------------------------------------------------------------------------------------


def test_the_toggle_shows_the_source_with_the_added_positions_as_ghosts_keeping_the_selection(
        window: MainWindow, compare: Compare) -> None:
    comparison = compare(window)
    assert comparison.scene is not None
    comparison.show_positions(["nord-48"])
    QTest.keyClick(comparison.view, Qt.Key.Key_T)
    scene = comparison.scene
    assert comparison.side == "before" and comparison.source_action.isChecked()
    ghost = scene.card("nord-80").change
    assert ghost is not None and ghost.ghost and ghost.kinds == ("added",)
    assert scene.card("nord-80").opacity() == palette.GHOST_OPACITY
    assert scene.selected_ids() == ["nord-48"]
    assert in_view(comparison, "nord-48")  # the view stays on the same position
    QTest.keyClick(comparison.view, Qt.Key.Key_T)
    assert comparison.side == "after" and comparison.scene.card("nord-80").opacity() == 1.0


@pytest.fixture
def variant(window: MainWindow) -> MainWindow:
    """A copy of the existing scenario, shown, with a caretaker removed and a holder changed (unsaved)."""
    document = window.document
    document.duplicate_scenario("Existant 2026", "Variante")
    window.switch_scenario("Variante")
    chart = document.chart
    document.stack.push(RemovePositions(chart, ["nord-49"]))
    document.stack.push(EditPosition(chart, dataclasses.replace(chart.position("vallee-02"), holder="Paul Neuf")))
    return window


def test_a_removed_position_is_a_ghost_under_its_old_manager_and_a_changed_one_is_marked(
        variant: MainWindow, compare: Compare) -> None:
    comparison = compare(variant, ("Existant 2026", "Variante"))
    scene = comparison.scene
    assert scene is not None
    ghost = scene.card("nord-49")
    assert ghost.change is not None and ghost.change.ghost and ghost.change.kinds == ("removed",)
    assert ghost.change.signs == ("−",) and ghost.opacity() == palette.GHOST_OPACITY
    manager = scene.card("nord-27")
    assert ghost.y() > manager.y() + CARD_HEIGHT  # below its old manager, in its column of caretakers
    assert scene.link_items()[Link("nord-27", "nord-49")].opacity() == palette.GHOST_OPACITY
    changed = scene.card("vallee-02").change
    assert changed is not None and changed.kinds == ("changed",) and not changed.ghost
    assert "Paul Neuf" in scene.card("vallee-02").toolTip()
    table = comparison.changes
    assert table.visible_ids() == ["nord-49", "vallee-02"]
    click_row(table.table, table.row_of("nord-49"))  # a ghost is shown and selected too
    assert scene.selected_ids() == ["nord-49"] and in_view(comparison, "nord-49")


def test_clicking_a_change_selects_and_centres_its_card_and_the_filter_hides_a_kind(
        window: MainWindow, compare: Compare) -> None:
    comparison = compare(window)
    comparison.view.fit()
    changes = comparison.changes
    click_row(changes.table, changes.row_of("nord-81"))
    assert comparison.scene is not None and comparison.scene.selected_ids() == ["nord-81"]
    assert in_view(comparison, "nord-81")
    assert comparison.view.scale_factor() >= 0.4  # close enough to read the card, not a coloured block
    changes.filters["moved"].setChecked(False)
    assert "nord-48" not in changes.visible_ids() and "nord-81" in changes.visible_ids()


def test_no_edit_is_possible_in_the_comparison_chart(window: MainWindow, compare: Compare) -> None:
    comparison = compare(window)
    project = window.document.to_project()
    scene, view = comparison.scene, comparison.view
    assert scene is not None
    card = scene.card("est-05")
    where = card.pos()
    view.resetTransform()
    view.centerOn(card)
    start = view.mapFromScene(card.sceneBoundingRect().center())
    drag(view.viewport(), start, start + QPoint(80, 50))
    assert card.pos() == where
    card.setSelected(True)
    assert not card.on_handle(QPointF(CARD_WIDTH, CARD_HEIGHT / 2))  # no handle to draw a link from
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    QTest.keyClick(view, Qt.Key.Key_F2)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    assert "est-05" in scene.cards() and window.document.to_project() == project
    assert window.document.stack.count == 0 and not window.document.is_modified


@pytest.mark.parametrize(("key", "modifier"), [(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                                               (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)])
def test_closing_with_the_keyboard_leaves_the_document_as_it_was(
        window: MainWindow, compare: Compare, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    comparison = compare(window)
    project = window.document.to_project()
    QTest.keyClick(comparison.view, key, modifier)
    assert not comparison.isVisible()
    assert window.document.to_project() == project and not window.document.is_modified
    chart = window.document.chart
    window.document.stack.push(RemovePositions(chart, ["est-05"]))  # the closed window no longer listens
    assert not chart.has_position("est-05")


def test_an_edit_in_the_project_offers_a_refresh_that_recomputes(qtbot: QtBot, window: MainWindow,
                                                                 compare: Compare) -> None:
    comparison = compare(window)
    assert not comparison.stale_banner.isVisible()
    chart = window.document.chart  # the source, shown in the main window
    window.document.stack.push(RemovePositions(chart, ["est-05"]))
    qtbot.waitUntil(comparison.stale_banner.isVisible, timeout=3000)
    assert "est-05" not in comparison.changes.visible_ids()
    QTest.keyClick(comparison.view, Qt.Key.Key_F5)
    assert "est-05" in comparison.changes.visible_ids()  # in the target, not in the source any more
    assert not comparison.stale_banner.isVisible()


# The tables --------------------------------------------------------------------------------------------


def test_the_agency_table_shows_what_changed_and_fits_the_chart_on_a_clicked_agency(
        window: MainWindow, compare: Compare) -> None:
    comparison = compare(window)
    agencies = comparison.agencies
    nord = agencies.row_of("nord")
    assert row_texts(agencies, nord)[:2] == ["Agence Nord", "33 → 34"]
    assert agencies.is_highlighted(nord, 1)
    assert agencies.item(nord, 1).font().bold()  # type: ignore[union-attr]
    perimeter = 1 + [agencies.horizontalHeaderItem(c).text()  # type: ignore[union-attr]
                     for c in range(1, agencies.columnCount())].index("Modèle de périmètre")
    assert not agencies.is_highlighted(nord, perimeter)
    assert row_texts(agencies, agencies.row_of("vallee"))[0] == "Agence de la Vallée\n(chiffres et constats inchangés)"
    assert row_texts(agencies, nord)[-2:] == [str(len(comparison.diff.agencies[nord].resolved)), "0"]
    click_row(agencies, agencies.row_of("est"))
    assert comparison.scene is not None
    box = comparison.scene.headers()["est"].agency_box
    left, top, right, bottom = visible_area(comparison)
    assert left <= box.left() and box.right() <= right and top <= box.top() and box.bottom() <= bottom
    assert right - left < 2 * box.width() + 200 or bottom - top < 2 * box.height() + 200  # fitted, not all


def test_the_guarding_notice_for_la_roseraie_comes_first(window: MainWindow, compare: Compare) -> None:
    comparison = compare(window)
    tabs = comparison.tabs
    assert tabs.currentWidget() is comparison.notices
    assert tabs.tabText(tabs.currentIndex()) == "Notices CSI R271-3 (1)"
    (notice,) = comparison.notices.texts()
    assert "La Roseraie" in notice and "CSI R271-3" in notice
    assert comparison.notice_banner.isVisible()
    notices = comparison.notices.list
    QTest.mouseClick(notices.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     notices.visualItemRect(notices.item(0)).center())
    assert comparison.scene is not None and "nord-81" in comparison.scene.selected_ids()  # the caretaker added


def test_a_resolved_finding_says_where_and_selects_its_positions(window: MainWindow, compare: Compare) -> None:
    comparison = compare(window)
    tree = comparison.findings
    assert any(text.startswith("site.sector-span Agence Nord ") for text in tree.texts())
    resolved = tree.topLevelItem(0)
    assert resolved is not None and resolved.text(0).startswith("Constats résolus (")
    comparison.tabs.setCurrentWidget(tree)
    sector_span = next(resolved.child(i) for i in range(resolved.childCount())
                       if resolved.child(i).text(0) == "site.sector-span")  # type: ignore[union-attr]
    assert sector_span is not None
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     tree.visualItemRect(sector_span).center())
    assert comparison.scene is not None and comparison.scene.selected_ids() == ["nord-27"]


def test_the_export_writes_the_comparison_pdf_with_the_options_chosen(
        monkeypatch: pytest.MonkeyPatch, window: MainWindow, compare: Compare, tmp_path: Path,
        scripted_dialogs: list[str]) -> None:
    comparison = compare(window)
    options: list[PdfExportDialog] = []

    def accept(dialog: PdfExportDialog) -> QDialog.DialogCode:
        options.append(dialog)
        dialog.size_choice.setCurrentText("A3")
        return QDialog.DialogCode.Accepted

    answers = [str(tmp_path / "comparaison.pdf"), str(tmp_path / "missing" / "comparaison.pdf")]
    asked: list[str] = []

    def save_as(parent: object, caption: str, suggested: str, *args: object) -> tuple[str, str]:
        asked.append(suggested)
        return answers.pop(0), ""

    monkeypatch.setattr(PdfExportDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    comparison.export_action.trigger()
    assert asked == ["Existant 2026 - Cible 2027.pdf"]
    assert options[0].title.text() == "Habitat Exemple — Existant 2026 → Cible 2027"
    assert (tmp_path / "comparaison.pdf").read_bytes().startswith(b"%PDF")
    assert "comparaison.pdf" in comparison.statusBar().currentMessage()
    comparison.export_action.trigger()  # a folder that does not exist: said, not raised
    assert len(scripted_dialogs) == 1 and scripted_dialogs[0].startswith("Cannot export the PDF")


# Languages ---------------------------------------------------------------------------------------------


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    install_translator(qapp, "fr")
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.setParent(None)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_language_names_the_figures_and_the_kinds(qtbot: QtBot, demo_file: Path, compare: Compare,
                                                       lang: Lang) -> None:
    window = MainWindow(Document.open(demo_file), lang)
    qtbot.addWidget(window)
    comparison = compare(window)
    header = comparison.agencies.horizontalHeaderItem(1)
    assert header is not None and header.text() == ("Headcount excluding site staff" if lang == "en"
                                                    else "Effectif hors personnels de site")
    first = comparison.changes.table.item(0, 0)
    assert first is not None and first.text() == ("+ Added" if lang == "en" else "+ Ajouté")


def test_the_french_translation_names_the_window(qtbot: QtBot, demo_file: Path, compare: Compare,
                                                 french: None) -> None:
    window = MainWindow(Document.open(demo_file), "fr")
    qtbot.addWidget(window)
    assert window.compare_action.text() == "Co&mparer des scénarios…"
    comparison = compare(window)
    assert comparison.windowTitle() == "Comparaison\u00a0: Existant 2026 → Cible 2027"
    assert QCoreApplication.translate("ChangesPanel", "Show:") == "Afficher\u00a0:"


def test_changes_that_no_card_shows_have_their_own_tab(window: MainWindow, compare: Compare) -> None:
    """The demo's target pilots the Coteaux green-space contractor: a contract link, not a move."""
    comparison = compare(window)
    others = comparison.others
    assert comparison.tabs.tabText(comparison.tabs.indexOf(others)).endswith(f"({others.topLevelItemCount()})")
    lines = [(others.topLevelItem(i).text(0), others.topLevelItem(i).text(1))  # type: ignore[union-attr]
             for i in range(others.topLevelItemCount())]
    assert any("Entretien des espaces verts" in what for _where, what in lines), lines


def test_zoomed_out_a_ghost_is_painted_as_its_card_would_paint_itself(variant: MainWindow, compare: Compare) -> None:
    """The agencies' maps paint the blocks when zoomed out (ui/overview): a ghost's frame and fill
    are faded as the ghost card fades them, and its link too."""
    comparison = compare(variant, ("Existant 2026", "Variante"))
    scene, view = comparison.scene, comparison.view
    assert scene is not None
    ghost = scene.card("nord-49")
    view.resetTransform()
    view.zoom(0.25)
    view.centerOn(ghost)
    centre = view.mapFromScene(ghost.sceneBoundingRect().center())
    frame = view.mapFromScene(QPointF(ghost.x() + CARD_WIDTH + 6.0, ghost.y() + CARD_HEIGHT / 2))  # no line there

    def pixels() -> tuple[str, str]:
        image = view.viewport().grab().toImage()
        return image.pixelColor(centre).name(), image.pixelColor(frame).name()

    by_map = pixels()
    scene.set_overview(False, view.scale_factor())  # the cards paint themselves as blocks
    assert pixels() == by_map
    scene.set_overview(True, view.scale_factor())
    maps = [item for item in scene.items() if isinstance(item, AgencyMap)]
    assert any(opacity == palette.GHOST_OPACITY for m in maps for opacity, _pen, _path in m.drawing().links)
