"""The role palette as a user meets it: every role under its family, a filter that forgives accents,
drags that carry the role's code, and double click or Enter to add a role."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDrag
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from orgdesigner import palette
from orgdesigner.model.catalogue import FAMILIES, ROLES
from orgdesigner.model.labels import Lang
from orgdesigner.ui.role_palette import ROLE_MIME, RolePalette, role_from_mime


def make_palette(qtbot: QtBot, lang: Lang = "fr") -> RolePalette:
    widget = RolePalette(lang)
    qtbot.addWidget(widget)
    return widget


def family_rows(widget: RolePalette) -> list[QTreeWidgetItem]:
    """Read from the tree itself rather than from the widget's own lists."""
    tree = widget.tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [row for row in rows if row is not None]


def tree_contents(widget: RolePalette) -> dict[str, list[QTreeWidgetItem]]:
    """Family row text → its role rows."""
    contents: dict[str, list[QTreeWidgetItem]] = {}
    for family in family_rows(widget):
        children = [family.child(j) for j in range(family.childCount())]
        contents[family.text(0)] = [child for child in children if child is not None]
    return contents


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_role_is_listed_once_under_its_family(qtbot: QtBot, lang: Lang) -> None:
    widget = make_palette(qtbot, lang)
    contents = tree_contents(widget)
    family_names = {label.in_(lang): code for code, label in FAMILIES.items()}
    listed: list[str] = []
    for family_name, rows in contents.items():
        for row in rows:
            code = row.data(0, Qt.ItemDataRole.UserRole)
            listed.append(code)
            assert row.text(0) == ROLES[code].label.in_(lang)
            assert family_names.get(family_name) == ROLES[code].family  # `other` sits in a group of no family
    assert sorted(listed) == sorted(ROLES)
    assert [name for name in contents if name in family_names] == [label.in_(lang) for label in FAMILIES.values()]


def test_family_rows_are_bold_expanded_and_role_rows_carry_the_family_colour(qtbot: QtBot) -> None:
    widget = make_palette(qtbot)
    for family in family_rows(widget):
        assert family.font(0).bold()
        assert family.isExpanded()
        assert not family.flags() & Qt.ItemFlag.ItemIsDragEnabled
    caretaker = widget.item_for("caretaker")
    image = caretaker.icon(0).pixmap(14, 14).toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).name() == palette.FAMILY_COLOURS["site"]
    assert caretaker.flags() & Qt.ItemFlag.ItemIsDragEnabled
    assert "caretaker" in caretaker.toolTip(0)
    assert FAMILIES["site"].fr in caretaker.toolTip(0)


def test_english_labels(qtbot: QtBot) -> None:
    widget = make_palette(qtbot, "en")
    assert widget.item_for("caretaker").text(0) == "Caretaker"
    assert "Site management" in tree_contents(widget)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("GARDIEN", {"caretaker"}),  # case
        ("precontentieux", {"arrears_officer", "arrears_litigation_officer"}),  # accents
        ("  Médiateur ", {"mediator"}),  # accents typed, spaces around
        ("dsu_off", {"dsu_officer"}),  # the code
        ("agency head", {"agency_head"}),  # the code, spaced as words
    ],
)
def test_the_filter_forgives_case_and_accents_and_searches_codes(qtbot: QtBot, typed: str, expected: set[str]) -> None:
    widget = make_palette(qtbot)
    widget.filter.setText(typed)
    assert set(widget.visible_roles()) == expected


def test_the_filter_keeps_only_the_families_of_matches_and_clearing_it_shows_all(qtbot: QtBot) -> None:
    widget = make_palette(qtbot)
    site = family_rows(widget)[1]
    site.setExpanded(False)  # a user folds "Gestion de site" before searching
    QTest.keyClicks(widget.filter, "gardien")
    shown = {name: [row.text(0) for row in rows if not row.isHidden()]
             for name, rows in tree_contents(widget).items()}
    assert [family.text(0) for family in family_rows(widget) if not family.isHidden()] == [FAMILIES["site"].fr]
    assert shown[FAMILIES["site"].fr] == ["Gardien"]
    assert site.isExpanded()
    widget.filter.clear()
    assert sorted(widget.visible_roles()) == sorted(ROLES)
    assert not any(family.isHidden() for family in family_rows(widget))


def test_a_filter_that_matches_nothing_hides_every_family(qtbot: QtBot) -> None:
    widget = make_palette(qtbot)
    widget.filter.setText("zzz")
    assert widget.visible_roles() == []
    assert all(family.isHidden() for family in family_rows(widget))


def test_a_drag_carries_the_role_code_and_the_label(qtbot: QtBot) -> None:
    widget = make_palette(qtbot)
    mime = widget.tree.mime_for(widget.item_for("sector_manager"))
    assert mime is not None
    assert mime.data(ROLE_MIME).data() == b"sector_manager"
    assert mime.text() == ROLES["sector_manager"].label.fr
    assert role_from_mime(mime) == "sector_manager"
    assert widget.tree.mime_for(family_rows(widget)[0]) is None  # a family row is no role


def test_dragging_a_role_row_starts_a_copy_drag_of_that_role(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    widget = make_palette(qtbot)
    dragged: list[tuple[str | None, Qt.DropAction]] = []

    def record(drag: QDrag, action: Qt.DropAction) -> Qt.DropAction:  # QDrag.exec would wait for a drop
        dragged.append((role_from_mime(drag.mimeData()), action))
        return Qt.DropAction.IgnoreAction

    monkeypatch.setattr(QDrag, "exec", record)
    widget.tree.setCurrentItem(widget.item_for("caretaker"))
    widget.tree.startDrag(Qt.DropAction.CopyAction)
    assert dragged == [("caretaker", Qt.DropAction.CopyAction)]


@pytest.mark.parametrize("payload", [b"", b"director", b"caretaker ", b"\xff\xfe\x00", b"CARETAKER"])
def test_role_from_mime_refuses_unknown_codes_and_garbage(payload: bytes) -> None:
    mime = QMimeData()
    mime.setData(ROLE_MIME, payload)
    assert role_from_mime(mime) is None


def test_role_from_mime_ignores_plain_text(qtbot: QtBot) -> None:
    mime = QMimeData()
    mime.setText("caretaker")  # dropped from a text editor: not a drag from the palette
    assert role_from_mime(mime) is None


def test_double_click_on_a_role_emits_its_code(qtbot: QtBot) -> None:
    widget = make_palette(qtbot)
    widget.show()
    qtbot.waitExposed(widget)
    tree = widget.tree
    item = widget.item_for("mediator")
    tree.scrollToItem(item)
    centre = tree.visualItemRect(item).center()
    with qtbot.waitSignal(widget.role_activated, timeout=1000) as blocker:
        # As a mouse does it: the first click, then the second that Qt reports as a double click.
        QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        QTest.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert blocker.args == ["mediator"]


def test_enter_on_a_role_emits_its_code_and_on_a_family_nothing(qtbot: QtBot) -> None:
    widget = make_palette(qtbot)
    widget.show()
    qtbot.waitExposed(widget)
    tree = widget.tree
    emitted: list[str] = []
    widget.role_activated.connect(emitted.append)
    tree.setFocus()
    tree.setCurrentItem(family_rows(widget)[0])
    QTest.keyClick(tree, Qt.Key.Key_Return)
    tree.setCurrentItem(widget.item_for("receptionist"))
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert emitted == ["receptionist"]
