"""The roles a user drags onto the canvas, grouped by family and filterable by name or code.

A drag carries the role's code under its own mime type, so that only this palette's drags are
accepted by the canvas (a text dropped from elsewhere is not mistaken for a role); the label rides
along as plain text for any other drop target. Activating a role (double click, Enter) is the
keyboard's way to the same result: the window adds it under the selected card.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QFont, QIcon
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from orgdesigner import palette
from orgdesigner.model.catalogue import FAMILIES, ROLES
from orgdesigner.model.labels import Lang
from orgdesigner.ui.legend import SWATCH_SIZE, family_swatch

ROLE_MIME: Final = "application/x-orgdesigner-role"
_CODE = Qt.ItemDataRole.UserRole


def role_mime(code: str, label: str) -> QMimeData:
    """What a drag of the role `code` carries."""
    mime = QMimeData()
    mime.setData(ROLE_MIME, code.encode())
    mime.setText(label)
    return mime


def role_from_mime(mime: QMimeData) -> str | None:
    """The role a drop brings, or None when it brings anything but a known role's code: a drop target
    must never create a position of a role the catalogue does not know."""
    if not mime.hasFormat(ROLE_MIME):
        return None
    try:
        code = bytes(mime.data(ROLE_MIME).data()).decode()
    except UnicodeDecodeError:
        return None
    return code if code in ROLES else None


def _folded(text: str) -> str:
    """Text as a filter compares it: "gérance" and "GERANCE" are the same word to a user typing fast."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class _RoleTree(QTreeWidget):
    """The tree with a drag of our own: Qt's default would carry its internal item format only."""

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        item = self.currentItem()
        mime = None if item is None else self.mime_for(item)
        if item is None or mime is None:
            return
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(item.icon(0).pixmap(SWATCH_SIZE, SWATCH_SIZE))
        drag.setHotSpot(QPoint(SWATCH_SIZE // 2, SWATCH_SIZE // 2))
        drag.exec(Qt.DropAction.CopyAction)

    def mime_for(self, item: QTreeWidgetItem) -> QMimeData | None:
        """A role row's drag data; a family row is not draggable."""
        code = item.data(0, _CODE)
        return role_mime(code, item.text(0)) if isinstance(code, str) else None


class RolePalette(QWidget):
    """Families stay visible as headings (bold, with their colour) so that a user learns which
    colour a role will bring to the chart before dropping it."""

    role_activated = Signal(str)  # a role code

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter roles (name or code)"))
        self.filter.setClearButtonEnabled(True)
        self.tree = _RoleTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        # Each role row with the folded texts the filter searches, so typing does not re-fold them.
        self._roles: list[tuple[QTreeWidgetItem, tuple[str, ...]]] = []
        self._families: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []
        ratio = self.devicePixelRatioF()
        # `other` has no family of its own (each position chooses one): it gets a group of its own.
        groups: list[tuple[str | None, str]] = [(code, label.in_(lang)) for code, label in FAMILIES.items()]
        groups.append((None, self.tr("Other")))
        for family, family_name in groups:
            members = [role for role in ROLES.values() if role.family == family]
            if not members:
                continue
            icon = QIcon(family_swatch(palette.FAMILY_COLOURS[family or ""], ratio))
            family_item = QTreeWidgetItem([family_name])
            family_item.setIcon(0, icon)
            bold = QFont(family_item.font(0))
            bold.setBold(True)
            family_item.setFont(0, bold)
            family_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(family_item)
            children: list[QTreeWidgetItem] = []
            self._families.append((family_item, children))
            family_tip = family_name if family is not None else self.tr("family chosen on each position")
            for role in members:
                label = role.label.in_(lang)
                item = QTreeWidgetItem([label])
                item.setIcon(0, icon)
                item.setData(0, _CODE, role.code)
                item.setToolTip(0, f"{label}\n{role.code} · {family_tip}")
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
                family_item.addChild(item)
                children.append(item)
                self._roles.append((item, (_folded(label), role.code, role.code.replace("_", " "))))
            family_item.setExpanded(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree.itemActivated.connect(self._activated)

    def item_for(self, code: str) -> QTreeWidgetItem:
        """The row of a role, for the window to scroll to and for tests to aim at."""
        return next(item for item, _ in self._roles if item.data(0, _CODE) == code)

    def visible_roles(self) -> list[str]:
        """The codes the filter lets through, in the order shown."""
        return [item.data(0, _CODE) for item, _ in self._roles if not item.isHidden()]

    def _apply_filter(self, text: str) -> None:
        needle = _folded(text.strip())
        for item, haystacks in self._roles:
            item.setHidden(not any(needle in haystack for haystack in haystacks))
        for family_item, children in self._families:
            family_item.setHidden(all(child.isHidden() for child in children))
            if needle and not family_item.isHidden():
                family_item.setExpanded(True)  # a match in a family the user had folded must show

    def _activated(self, item: QTreeWidgetItem) -> None:
        code = item.data(0, _CODE)
        if isinstance(code, str):
            self.role_activated.emit(code)
