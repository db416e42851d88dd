"""Starting the desktop application: the only entry point that creates a QApplication."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from orgdesigner.app.document import Document
from orgdesigner.model.labels import Lang
from orgdesigner.ui.i18n import app_settings, effective_lang, install_translator
from orgdesigner.ui.main_window import MainWindow


def run(document: Document | None, lang: Lang | None = None) -> int:
    """`lang` is the command line's --lang; None leaves the choice to the preferences, then the system.
    The translator goes in before the window is built: widgets take their text once, when made."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("OrgDesigner")
    app.setOrganizationName("OrgDesigner")
    chosen = effective_lang(lang, app_settings())
    install_translator(app, chosen)
    if document is None:
        fr = chosen == "fr"
        document = Document.new("Nouvelle organisation" if fr else "New organisation", "Existant" if fr else "Current")
    window = MainWindow(document, chosen)
    window.show()
    return app.exec()
