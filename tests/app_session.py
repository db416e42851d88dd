"""The desktop application holding unsaved work, for tests/ui/test_killed_app.py to kill.

Run as `python app_session.py PROJECT EDITS` (offscreen, with its own XDG_DATA_HOME), it opens the
project as `orgdesigner open` does, makes EDITS edits through commands (recovery_edits.edit_demo),
none saved, and prints "ready" once its recovery file holds every one of them: the twentieth edit
writes it, the autosave timer (shortened from a minute) the edits after. Then it waits to be killed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from orgdesigner.app.document import Document
from orgdesigner.ui.main_window import MainWindow
from recovery_edits import edit_demo


def main() -> None:
    project, edits = Path(sys.argv[1]), int(sys.argv[2])
    app = QApplication(sys.argv[:1])
    window = MainWindow(Document.open(project), "en")
    window.autosave_timer.setInterval(100)
    window.show()
    window.claim_opened_file()
    edit_demo(window.document, edits)
    sidecar = window.recovery.project_file.with_suffix(".json")

    def say_when_written() -> None:
        if sidecar.exists() and json.loads(sidecar.read_text(encoding="utf-8"))["unsaved_edits"] == edits:
            poll.stop()
            print("ready", flush=True)

    poll = QTimer()
    poll.timeout.connect(say_when_written)
    poll.start(20)
    app.exec()


if __name__ == "__main__":
    main()
