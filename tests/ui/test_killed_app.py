"""The application killed with unsaved edits (SIGKILL: no close, no cleanup) offers them at the
next start, and recovering gives them back exactly, on their project file."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

import app_session
from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document
from orgdesigner.app.project_lock import read_holder
from orgdesigner.app.recovery import recoverable
from orgdesigner.storage import save_project
from orgdesigner.ui import app as ui_app
from orgdesigner.ui.data_safety import RecoveryDialog
from orgdesigner.ui.main_window import MainWindow
from recovery_edits import edit_demo

EDITS = 23  # the twentieth is written at once, the last three by the timer


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="the application is killed with SIGKILL")
def test_a_killed_application_offers_its_unsaved_work_at_the_next_start_and_restores_it(
        tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "demo.orgd"
    save_project(project, demo_project())
    before = project.read_bytes()
    data_home = tmp_path / "data"
    tests = str(Path(app_session.__file__).parent)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(data_home),
           "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "PYTHONPATH": os.pathsep.join(filter(None, [tests, os.environ.get("PYTHONPATH")]))}
    with subprocess.Popen([sys.executable, app_session.__file__, str(project), str(EDITS)], env=env,
                          stdout=subprocess.PIPE, text=True) as session:
        assert session.stdout is not None
        try:
            readable, _, _ = select.select([session.stdout], [], [], 120)
            assert readable and session.stdout.readline().strip() == "ready", "the session never wrote its edits"
        finally:
            session.send_signal(signal.SIGKILL)
        assert session.wait() == -signal.SIGKILL
    assert project.read_bytes() == before  # nothing was saved: the edits are only in the recovery file
    assert read_holder(project) is not None  # the killed session could not release its lock

    expected = Document.open(project)
    edit_demo(expected, EDITS)
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    offered: list[str] = []

    def recover_the_first(dialog: RecoveryDialog) -> int:
        offered.extend(dialog.list.item(row).text() for row in range(dialog.list.count()))
        dialog.recover_button.click()
        return dialog.result()

    monkeypatch.setattr(RecoveryDialog, "exec", recover_the_first)
    names = QApplication.applicationName(), QApplication.organizationName()
    try:
        assert ui_app.run(None, "en") == 0  # the next start
        window = next(w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        assert len(offered) == 1 and str(project) in offered[0] and f"{EDITS} unsaved edits" in offered[0]
        assert window.document.to_project() == expected.to_project()
        assert window.document.current_scenario == expected.current_scenario
        assert window.document.path == project and window.isWindowModified()
        assert window.lock is not None and window.lock.is_ours()  # the dead session's lock, taken over
        window.close()  # the scripted answer discards the work: a clean close
        window.deleteLater()
        assert recoverable() == [] and read_holder(project) is None
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.setParent(None)
        QApplication.setApplicationName(names[0])
        QApplication.setOrganizationName(names[1])
