"""The projects opened or saved lately, newest first, kept in the user's settings between sessions."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QMenu

from orgdesigner.ui.plain import plain

SETTINGS_KEY: Final = "recent_files"
LIMIT: Final = 10


class RecentFiles(QObject):
    """Paths are stored resolved, so that one file reached by two routes (a relative path, a link)
    is listed once. A file that has gone is kept but not offered: the drive or share it lives on
    may only be away for now. A QObject for its tr(), which lupdate reads."""

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self._settings = settings if settings is not None else QSettings("OrgDesigner", "OrgDesigner")

    def add(self, path: Path) -> None:
        resolved = str(path.resolve())
        kept = [stored for stored in self._stored() if stored != resolved]
        self._settings.setValue(SETTINGS_KEY, [resolved, *kept][:LIMIT])

    def paths(self) -> list[Path]:
        return [path for path in map(Path, self._stored()) if path.is_file()]

    def clear(self) -> None:
        self._settings.remove(SETTINGS_KEY)

    def fill_menu(self, menu: QMenu, open_callback: Callable[[Path], object]) -> None:
        """Replaces the menu's entries with the recent files, numbered for the keyboard (&1 to 1&0),
        then "Clear list". Meant for the menu's aboutToShow, so that it is never out of date."""
        menu.clear()
        menu.setToolTipsVisible(True)
        paths = self.paths()
        for number, path in enumerate(paths, start=1):
            digits = str(number)
            mnemonic = f"{digits[:-1]}&{digits[-1]}"
            action = menu.addAction(f"{mnemonic} {path.name.replace('&', '&&')}")
            action.setToolTip(plain(str(path)))
            action.setStatusTip(str(path))
            action.triggered.connect(partial(open_callback, path))
        if not paths:
            menu.addAction(self.tr("No recent files")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("Clear list"))
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.clear)

    def _stored(self) -> list[str]:
        """What the settings hold, read defensively: an ini file may have been edited by hand, and
        QSettings gives a one-item list back as a plain string."""
        value = self._settings.value(SETTINGS_KEY, [])
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [item for item in items if isinstance(item, str) and item]
