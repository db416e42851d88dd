"""Takes the README's screenshot: the real window on the demonstration project, in French, zoomed
on one agency with a position selected. Run under a display (Xvfb does):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/readme_screenshot.py docs/screenshot.png

With --comparison, the comparison window instead (Existant 2026 → Cible 2027), on the reorganised
Agence Centre-Ville with the agencies' figures below:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/readme_screenshot.py --comparison \
        docs/comparison-window.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document
from orgdesigner.storage import save_project
from orgdesigner.ui.comparison_window import ComparisonWindow
from orgdesigner.ui.i18n import install_translator
from orgdesigner.ui.main_window import MainWindow


def main(out: Path, comparison: bool = False) -> int:
    app = QApplication(sys.argv[:1])
    install_translator(app, "fr")
    path = Path(tempfile.mkdtemp()) / "Habitat Exemple.orgd"
    save_project(path, demo_project())
    window = MainWindow(Document.open(path), "fr")
    window.resize(1560, 940)
    window.show()
    shown: QWidget = window
    if comparison:
        compared = ComparisonWindow(window.document, "Existant 2026", "Cible 2027", "fr", window)
        compared.resize(1560, 940)
        compared.show()
        shown = compared

    def frame_comparison() -> None:
        compared.tabs.setCurrentWidget(compared.agencies)
        assert compared.scene is not None
        # From the agency's header down to the posts moved under the deputy and the team leader it adds.
        box = compared.scene.headers()["centre"].agency_box
        compared.view.fit(QRectF(box.left(), box.top(), box.width(), 560.0))

    def frame() -> None:
        scene = window.scene
        assert scene is not None
        header = scene.headers()["nord"]
        window.findings.choose("site.sector-span")  # selects the overloaded sector manager
        window.view.resetTransform()
        window.view.zoom(0.62)
        window.view.centerOn(header.sceneBoundingRect().center().x() + 380, header.y() + 330)

    def shoot() -> None:
        screen = app.primaryScreen()
        screen.grabWindow(0).copy(shown.frameGeometry()).save(str(out))
        app.quit()

    QTimer.singleShot(1500, frame_comparison if comparison else frame)
    QTimer.singleShot(3500, shoot)
    return app.exec()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    raise SystemExit(main(Path(arguments[-1]), "--comparison" in arguments))
