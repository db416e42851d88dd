"""No modal dialog may block a test: answers are scripted, and what was asked is recorded."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def scripted_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def dialog(parent: object, title: str, text: str, *args: object, **kwargs: object) -> object:
            asked.append(f"{title}: {text}")
            return reply
        return dialog

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", answer(QMessageBox.StandardButton.Ok))
    return asked
