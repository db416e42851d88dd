"""Printing and image exports from the window: PNG and SVG of the view or of one agency, printing to
a PDF through the print dialog (its exec() scripted), and files written whole or not at all."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QRectF, QTranslator
from PySide6.QtGui import QColor, QImage, QPageLayout
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from orgdesigner import palette
from orgdesigner.ui import exporting
from orgdesigner.ui.exporting import Exporting, export_image, view_area
from orgdesigner.ui.i18n import install_translator
from orgdesigner.ui.main_window import MainWindow
from orgdesigner.ui.render import NothingToDraw, area_of
from orgdesigner.ui.scene import ChartScene

SVG = "{http://www.w3.org/2000/svg}"


def colours(image: QImage) -> set[int]:
    """Every distinct pixel value of the image, as 0xAARRGGBB."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return set(memoryview(image.constBits()).cast("I"))


def argb(hex_colour: str) -> int:
    return QColor(hex_colour).rgba()


def scene_of(window: MainWindow) -> ChartScene:
    assert window.scene is not None
    return window.scene


def at_one_to_one_on(window: MainWindow, position_id: str) -> None:
    """The view at 1:1, centred on a card: a handful of cards in full."""
    window.view.resetTransform()
    window.view.centerOn(scene_of(window).card(position_id))


def fitted(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.wait(10)  # the window fits the chart once the view has its size
    window.view.fit()


def scene_state(scene: ChartScene) -> tuple[list[str], str | None, dict[object, bool]]:
    return (scene.selected_ids(), scene.selected_agency(),
            {link: item.isVisible() for link, item in scene.link_items().items()})


# PNG ---------------------------------------------------------------------------------------------


def test_a_png_of_the_view_has_its_shape_and_the_colours_of_the_cards_it_shows(window: MainWindow,
                                                                               tmp_path: Path) -> None:
    scene = scene_of(window)
    at_one_to_one_on(window, "nord-01")
    out = tmp_path / "view.png"
    rendered = export_image(scene, window.view, "view", out, "png")
    image = QImage(str(out))
    viewport = window.view.viewport().size()
    assert (image.width(), image.height()) == (rendered.width, rendered.height)
    assert rendered.scale == 2.0  # twice the screen's pixels at 1:1
    assert abs(image.width() / image.height() - viewport.width() / viewport.height()) < 0.01
    area = view_area(window.view)
    shown = [p for p in scene.chart.positions() if area.contains(scene.card(p.id).sceneBoundingRect())]
    hidden = [p for p in scene.chart.positions() if not area.intersects(scene.card(p.id).sceneBoundingRect())]
    assert shown and hidden
    expected = {argb(palette.FAMILY_COLOURS[p.family_code]) for p in shown} | {argb(palette.CARD_FILL)}
    found = colours(image)
    assert expected <= found, {f"#{c & 0xFFFFFF:06x}" for c in expected - found}


def test_the_whole_view_zoomed_out_gives_cards_in_full_within_the_caps(qtbot: QtBot, window: MainWindow,
                                                                      tmp_path: Path) -> None:
    fitted(qtbot, window)
    scene = scene_of(window)
    rendered = export_image(scene, window.view, "view", tmp_path / "all.png", "png")
    assert rendered.scale >= 2.0 * window.view.scale_factor()
    expected = {argb(palette.FAMILY_COLOURS[p.family_code]) for p in scene.chart.positions()}
    assert expected <= colours(QImage(str(tmp_path / "all.png")))


def test_a_png_of_an_agency_shows_its_header_and_cards_and_is_smaller_than_the_whole(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    fitted(qtbot, window)
    scene = scene_of(window)
    window.select_positions(["centre-02"])  # a selection elsewhere: neither drawn nor lost
    before = scene_state(scene)
    whole = export_image(scene, window.view, "view", tmp_path / "whole.png", "png")
    part = export_image(scene, window.view, "nord", tmp_path / "nord.png", "png")
    assert scene_state(scene) == before
    assert part.width / part.scale < whole.width / whole.scale / 2
    assert part.height / part.scale <= whole.height / whole.scale
    image = QImage(str(tmp_path / "nord.png"))
    nord = {p.family_code for p in scene.chart.positions() if p.agency == "nord"}
    expected = {argb(palette.FAMILY_COLOURS[f]) for f in nord} | {argb(palette.HEADER_FILL)}
    found = colours(image)
    assert expected <= found
    assert argb(palette.SELECTION) not in found
    background = argb(palette.CANVAS_BACKGROUND)
    # No line to head office runs across the margin and off the picture to nothing.
    assert all(image.pixel(x, y) == background for x in range(image.width()) for y in range(20))


def test_an_agency_is_framed_on_its_shown_cards_and_one_without_any_has_nothing_to_export(
        window: MainWindow, tmp_path: Path) -> None:
    scene = scene_of(window)
    before = area_of(scene, "nord")
    [manager] = scene.chart.graph("line").pred["nord-01"]  # at head office
    scene.set_collapsed(manager, True)  # hides nord-01 and its subtree
    shown = [p.id for p in scene.chart.positions() if p.agency == "nord" and scene.card(p.id).isVisible()]
    assert shown and "nord-01" not in shown
    after = area_of(scene, "nord")
    assert after.width() < before.width() / 2
    assert all(after.contains(scene.card(p).sceneBoundingRect()) for p in shown)
    with pytest.raises(NothingToDraw):
        export_image(scene, window.view, "no-such-agency", tmp_path / "x.png", "png")
    assert not list(tmp_path.glob("*.png"))


# SVG ---------------------------------------------------------------------------------------------


def parsed(path: Path) -> ElementTree.Element:
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    return root


def view_box(root: ElementTree.Element) -> list[float]:
    return [float(n) for n in root.attrib["viewBox"].split()]


def close_to(box: list[float], area: QRectF) -> bool:
    return all(abs(a - b) <= 1.0 for a, b in zip(box, (area.x(), area.y(), area.width(), area.height()), strict=True))


def test_an_svg_of_an_agency_is_vector_with_its_names_as_text_and_nothing_outside(window: MainWindow,
                                                                                   tmp_path: Path) -> None:
    scene = scene_of(window)
    out = tmp_path / "nord.svg"
    export_image(scene, window.view, "nord", out, "svg")
    root = parsed(out)
    assert close_to(view_box(root), area_of(scene, "nord"))
    assert "Agence Nord" in (root.findtext(f"{SVG}title") or "")
    assert root.findtext(f"{SVG}desc")
    texts = {"".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")}
    holder = scene.chart.position("nord-01").holder
    assert {"Agence Nord", holder} <= texts  # QSvgGenerator keeps text as <text>, not paths
    assert not list(root.iter(f"{SVG}image"))  # vector: no embedded picture
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.endswith("href") or value.startswith("#"), (name, value)
            assert "url(" not in value or re.fullmatch(r".*url\(#[^)]*\).*", value), (name, value)


def test_an_svg_of_the_view_has_the_view_as_its_view_box(window: MainWindow, tmp_path: Path) -> None:
    at_one_to_one_on(window, "est-01")
    out = tmp_path / "view.svg"
    export_image(window.scene or pytest.fail(), window.view, "view", out, "svg")
    root = parsed(out)
    assert close_to(view_box(root), view_area(window.view))
    texts = {"".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")}
    assert scene_of(window).chart.position("est-01").holder in texts


# Writing safely ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_a_file_that_cannot_be_written_raises_naming_it_and_leaves_nothing(window: MainWindow, tmp_path: Path,
                                                                         fmt: exporting.ImageFormat) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / f"taken.{fmt}"
    target.mkdir()  # a folder where the file should go: the rename fails after the data is written
    with pytest.raises(OSError) as raised:
        export_image(scene_of(window), window.view, "view", target, fmt)
    assert raised.value.filename == str(target)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    missing = tmp_path / "no-such-folder" / f"chart.{fmt}"
    with pytest.raises(OSError) as raised:
        export_image(scene_of(window), window.view, "view", missing, fmt)
    assert raised.value.filename == str(missing)


def test_an_export_replaces_an_old_file_whole(window: MainWindow, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "chart.png"
    out.write_bytes(b"old")
    export_image(scene_of(window), window.view, "view", out, "png")
    assert out.read_bytes().startswith(b"\x89PNG") and [p.name for p in tmp_path.iterdir()] == ["chart.png"]


# The dialogs -------------------------------------------------------------------------------------------


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str) -> list[str]:
    asked: list[str] = []

    def save(parent: object, title: str, suggested: str, filters: str, *args: object) -> tuple[str, str]:
        asked.append(f"{title}|{suggested}|{filters}")
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    return asked


def test_the_format_comes_from_the_extension_else_from_the_filter(window: MainWindow, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer_save(monkeypatch, tmp_path / "chart.svg", "PNG image (*.png)")
    assert exporting.ask_and_export_image(window, "view") == tmp_path / "chart.svg"
    assert (tmp_path / "chart.svg").read_bytes().startswith(b"<?xml")
    assert asked == ["Export the view as image|Existant 2026.png|PNG image (*.png);;SVG drawing (*.svg)"]
    answer_save(monkeypatch, tmp_path / "bare", "SVG drawing (*.svg)")
    assert exporting.ask_and_export_image(window, "view") == tmp_path / "bare.svg"
    assert (tmp_path / "bare.svg").read_bytes().startswith(b"<?xml")


def test_the_agency_of_the_selected_card_is_exported(window: MainWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer_save(monkeypatch, tmp_path / "agency.png", "PNG image (*.png)")
    window.select_positions(["vallee-02"])
    assert exporting.selected_agency(window.scene) == "vallee"
    assert exporting.ask_and_export_image(window, "agency") == tmp_path / "agency.png"
    assert asked[0].split("|")[1] == "Existant 2026 - Agence de la Vallée.png"
    assert QImage(str(tmp_path / "agency.png")).width() > 0


def test_without_an_agency_selected_the_user_is_told(window: MainWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      scripted_dialogs: list[str]) -> None:
    asked = answer_save(monkeypatch, tmp_path / "agency.png", "")
    scene_of(window).clearSelection()
    assert exporting.selected_agency(window.scene) is None
    assert exporting.ask_and_export_image(window, "agency") is None
    assert not asked and scripted_dialogs == ["No agency selected: Select the header of an agency or one of its cards."]


def test_a_failed_export_names_the_file_and_the_reason(window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        scripted_dialogs: list[str]) -> None:
    target = tmp_path / "missing" / "chart.png"
    answer_save(monkeypatch, target, "PNG image (*.png)")
    assert exporting.ask_and_export_image(window, "view") is None
    assert scripted_dialogs == [f"Cannot export the image: {target} could not be written: No such file or directory"]


def test_cancelling_the_file_dialog_writes_nothing(window: MainWindow, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    assert exporting.ask_and_export_image(window, "view") is None
    assert not list(tmp_path.glob("*.png"))


# Printing -------------------------------------------------------------------------------------------------


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def pages(path: Path) -> list[tuple[float, float]]:
    """The (width, height) of every page of a PDF, read from its page objects' media boxes."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    boxes = re.findall(rb"/Type /Page\b(?!s).*?/MediaBox \[\s*([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\s*\]", data, re.S)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]


def scripted_print(monkeypatch: pytest.MonkeyPatch, print_range: QAbstractPrintDialog.PrintRange | None = None,
                   accept: bool = True) -> list[dict[str, bool]]:
    """QPrintDialog.exec answered without showing: the range chosen, accepted or cancelled; and the
    options the dialog offered."""
    offered: list[dict[str, bool]] = []
    options = QAbstractPrintDialog.PrintDialogOption

    def exec_(dialog: QPrintDialog) -> int:
        offered.append({"selection": dialog.testOption(options.PrintSelection),
                        "current page": dialog.testOption(options.PrintCurrentPage),
                        "page range": dialog.testOption(options.PrintPageRange)})
        if print_range is not None:
            dialog.setPrintRange(print_range)
        return (QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected).value

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return offered


def test_printing_the_whole_chart_to_a_pdf_gives_one_landscape_page(qtbot: QtBot, window: MainWindow,
                                                                    tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    fitted(qtbot, window)
    scene_of(window).clearSelection()
    offered = scripted_print(monkeypatch)
    out = tmp_path / "chart.pdf"
    assert exporting.print_chart(window, pdf_printer(out))
    assert offered == [{"selection": False, "current page": True, "page range": False}]
    [(width, height)] = pages(out)
    assert width > height  # the demo is wider than tall


def test_printing_the_selected_agency_or_the_view(window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    scene = scene_of(window)
    window.select_positions(["nord-01"])
    before = scene_state(scene)
    offered = scripted_print(monkeypatch, QAbstractPrintDialog.PrintRange.Selection)
    assert exporting.print_chart(window, pdf_printer(tmp_path / "nord.pdf"))
    assert offered[0]["selection"]
    assert len(pages(tmp_path / "nord.pdf")) == 1
    assert scene_state(scene) == before
    window.view.resetTransform()
    window.view.resize(300, 800)  # a tall, narrow view prints on a portrait page
    scripted_print(monkeypatch, QAbstractPrintDialog.PrintRange.CurrentPage)
    assert exporting.print_chart(window, pdf_printer(tmp_path / "view.pdf"))
    [(width, height)] = pages(tmp_path / "view.pdf")
    assert width < height


def test_a_page_the_user_turned_stays_turned(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    fitted(qtbot, window)

    def exec_(dialog: QPrintDialog) -> int:
        dialog.printer().setPageOrientation(QPageLayout.Orientation.Portrait)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    assert exporting.print_chart(window, pdf_printer(tmp_path / "turned.pdf"))
    [(width, height)] = pages(tmp_path / "turned.pdf")
    assert width < height


def test_cancelling_the_print_dialog_prints_nothing(window: MainWindow, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    scripted_print(monkeypatch, accept=False)
    assert not exporting.print_chart(window, pdf_printer(tmp_path / "no.pdf"))
    assert not (tmp_path / "no.pdf").exists()


def test_a_printer_that_cannot_start_is_said(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             scripted_dialogs: list[str]) -> None:
    scripted_print(monkeypatch)
    assert not exporting.print_chart(window, pdf_printer(tmp_path / "missing" / "chart.pdf"))
    assert len(scripted_dialogs) == 1 and scripted_dialogs[0].startswith("Cannot print: ")
    assert "chart.pdf" in scripted_dialogs[0]


def test_the_svg_title_names_the_scenario_and_the_agency(window: MainWindow) -> None:
    scene = scene_of(window)
    assert Exporting(None).svg_title(scene, "nord") == "Organisation chart: Existant 2026, Agence Nord"
    assert Exporting(None).svg_title(scene, None) == "Organisation chart: Existant 2026"


def test_the_dialogs_speak_french(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  scripted_dialogs: list[str], qapp: QApplication) -> None:
    before = QLocale()
    install_translator(qapp, "fr")
    try:
        asked = answer_save(monkeypatch, tmp_path / "missing" / "chart.svg", "")
        assert exporting.ask_and_export_image(window, "view") is None
        assert asked[0].split("|")[::2] == ["Exporter la vue en image", "Image PNG (*.png);;Dessin SVG (*.svg)"]
        assert scripted_dialogs[0].startswith("Impossible d’exporter l’image: ")
        assert "n’a pas pu être écrit\u00a0: " in scripted_dialogs[0]
    finally:
        for translator in qapp.findChildren(QTranslator):  # the session's application back in English
            qapp.removeTranslator(translator)
            translator.setParent(None)
        QLocale.setDefault(before)
