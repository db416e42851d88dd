"""The recent files list, over a settings file of the test's own (never the user's)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from orgdesigner.ui.recent_files import LIMIT, SETTINGS_KEY, RecentFiles


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "OrgDesigner.ini"


@pytest.fixture
def recent(settings_file: Path) -> RecentFiles:
    return RecentFiles(QSettings(str(settings_file), QSettings.Format.IniFormat))


def project(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"")
    return path


def test_the_newest_comes_first_and_a_file_is_listed_once(tmp_path: Path, recent: RecentFiles) -> None:
    (tmp_path / "sub").mkdir()
    first, second = project(tmp_path, "a.orgd"), project(tmp_path, "b.orgd")
    recent.add(first)
    assert recent.paths() == [first]  # one item: QSettings would give it back as a string
    recent.add(second)
    recent.add(tmp_path / "sub" / ".." / "a.orgd")
    (tmp_path / "link.orgd").symlink_to(second)
    recent.add(tmp_path / "link.orgd")
    assert recent.paths() == [second, first]


def test_at_most_ten_are_kept(tmp_path: Path, recent: RecentFiles) -> None:
    paths = [project(tmp_path, f"p{i}.orgd") for i in range(LIMIT + 2)]
    for path in paths:
        recent.add(path)
    assert recent.paths() == paths[::-1][:LIMIT]


def test_files_gone_are_not_offered(tmp_path: Path, recent: RecentFiles) -> None:
    kept, gone = project(tmp_path, "kept.orgd"), project(tmp_path, "gone.orgd")
    recent.add(kept)
    recent.add(gone)
    gone.unlink()
    assert recent.paths() == [kept]
    gone.write_bytes(b"")  # back again (a drive plugged in again)
    assert recent.paths() == [gone, kept]


def test_the_list_survives_the_session_and_can_be_cleared(tmp_path: Path, settings_file: Path) -> None:
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    recent = RecentFiles(settings)
    path = project(tmp_path, "a.orgd")
    recent.add(path)
    settings.sync()
    assert str(path) in settings_file.read_text(encoding="utf-8")
    assert RecentFiles(QSettings(str(settings_file), QSettings.Format.IniFormat)).paths() == [path]
    recent.clear()
    settings.sync()
    assert RecentFiles(QSettings(str(settings_file), QSettings.Format.IniFormat)).paths() == []


def test_a_hand_edited_value_is_read_without_failing(tmp_path: Path, settings_file: Path) -> None:
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    settings.setValue(SETTINGS_KEY, 42)
    recent = RecentFiles(settings)
    assert recent.paths() == []
    path = project(tmp_path, "a.orgd")
    recent.add(path)
    assert recent.paths() == [path]


def test_the_menu_numbers_the_files_and_opens_the_one_chosen(qtbot: QtBot, tmp_path: Path,
                                                             recent: RecentFiles) -> None:
    paths = [project(tmp_path, name) for name in ("a.orgd", "R&D.orgd", *(f"p{i}.orgd" for i in range(8)))]
    for path in reversed(paths):
        recent.add(path)
    menu = QMenu()
    opened: list[Path] = []
    recent.fill_menu(menu, opened.append)
    recent.fill_menu(menu, opened.append)  # refilled, not appended to
    entries = [action for action in menu.actions() if not action.isSeparator()]
    assert [action.text() for action in entries[:2]] == ["&1 a.orgd", "&2 R&&D.orgd"]
    assert entries[9].text() == "1&0 p7.orgd" and entries[1].toolTip() == str(paths[1])
    entries[1].trigger()
    assert opened == [paths[1]]
    clear = entries[-1]
    assert clear.text() == "Clear list" and clear.isEnabled()
    clear.trigger()
    assert recent.paths() == []
    recent.fill_menu(menu, opened.append)
    entries = [action for action in menu.actions() if not action.isSeparator()]
    assert [(action.text(), action.isEnabled()) for action in entries] == [("No recent files", False),
                                                                          ("Clear list", False)]
