"""Takes the README's screenshot: the real window on the demonstration project, in French, zoomed
on one agency with a position selected. Run under a display (Xvfb does):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/readme_screenshot.py docs/screenshot.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document
from orgdesigner.storage import save_project
from orgdesigner.ui.i18n import install_translator
from orgdesigner.ui.main_window import MainWindow


def main(out: Path) -> int:
    app = QApplication(sys.argv[:1])
    install_translator(app, "fr")
    path = Path(tempfile.mkdtemp()) / "Habitat Exemple.orgd"
    save_project(path, demo_project())
    window = MainWindow(Document.open(path), "fr")
    window.resize(1560, 940)
    window.show()

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
        screen.grabWindow(0).copy(window.frameGeometry()).save(str(out))
        app.quit()

    QTimer.singleShot(1500, frame)
    QTimer.singleShot(3500, shoot)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
