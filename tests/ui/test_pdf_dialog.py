"""File > Export PDF: the dialog's options are the CLI's, its preview shows the pages the PDF will
have, and the window writes the file the user chose."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from orgdesigner.export.plan import PdfOptions, plan_pages
from orgdesigner.ui.main_window import MainWindow
from orgdesigner.ui.pdf_dialog import PdfExportDialog


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow) -> PdfExportDialog:
    made = PdfExportDialog(window.document.chart, "Habitat Exemple", "Existant 2026", "fr", None, window)
    qtbot.addWidget(made)
    return made


def test_the_options_are_those_chosen(dialog: PdfExportDialog) -> None:
    assert dialog.options() == PdfOptions(title="Habitat Exemple — Existant 2026")
    dialog.size_choice.setCurrentIndex(dialog.size_choice.findData("A3"))
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("portrait"))
    dialog.mode.setCurrentIndex(dialog.mode.findData("per-agency"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.findings.setChecked(False)
    dialog.author.setText("  Cabinet Conseil  ")
    dialog.whole.setChecked(False)
    dialog.agencies.item(0).setCheckState(Qt.CheckState.Checked)
    options = dialog.options()
    assert (options.size, options.orientation, options.mode, options.lang, options.findings, options.author,
            options.agencies) == ("A3", "portrait", "per-agency", "en", False, "Cabinet Conseil", ("nord",))


def test_the_preview_counts_the_pages_the_pdf_will_have(dialog: PdfExportDialog, window: MainWindow) -> None:
    dialog.mode.setCurrentIndex(dialog.mode.findData("per-agency"))
    _, pagination = plan_pages(window.document.chart, dialog.options())
    assert len(pagination.pages) >= 5  # head office and five agencies, some perhaps in tiles
    assert dialog.summary.text().startswith(f"{len(pagination.pages)} ")
    dialog.mode.setCurrentIndex(dialog.mode.findData("fit"))
    _, fitted = plan_pages(window.document.chart, dialog.options())
    assert dialog.summary.text().startswith(f"{len(fitted.pages)} ")
    assert ("6 pt" in dialog.summary.text()) == fitted.switched_to_tile


def test_no_agency_ticked_cannot_be_saved(dialog: PdfExportDialog) -> None:
    dialog.whole.setChecked(False)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    dialog.agencies.item(1).setCheckState(Qt.CheckState.Checked)
    assert save.isEnabled()


def test_the_window_writes_the_pdf_the_user_asked_for(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "comité.pdf"
    monkeypatch.setattr(PdfExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted.value)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))
    window.select_positions(["nord-01"])
    window.export_pdf_action.trigger()
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Agence Nord" in text
    assert window.statusBar().currentMessage()
