"""Starting the desktop application: the only entry point that creates a QApplication."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from orgdesigner.app.document import Document
from orgdesigner.model.labels import Lang
from orgdesigner.storage.repository import Repository
from orgdesigner.ui.i18n import app_settings, effective_lang, install_translator
from orgdesigner.ui.main_window import MainWindow, blank_document


def run(document: Document | None, lang: Lang | None = None, repository: Repository | None = None) -> int:
    """`lang` is the command line's --lang; None leaves the choice to the preferences, then the system.
    The translator goes in before the window is built: widgets take their text once, when made.
    `repository` (--repository, connected already): the window opens on its project chooser."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("OrgDesigner")
    app.setOrganizationName("OrgDesigner")
    chosen = effective_lang(lang, app_settings())
    install_translator(app, chosen)
    window = MainWindow(document if document is not None else blank_document(chosen), chosen)
    window.show()
    # Only once the window shows: both may ask the user something, over the window they concern.
    window.claim_opened_file()
    window.offer_recovery()
    if repository is not None:
        window.open_repository(repository)
    return app.exec()
