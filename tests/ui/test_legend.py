"""The legend explains the canvas only if it shows the canvas's own colours and strokes: its samples
are read back pixel by pixel."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from orgdesigner import palette
from orgdesigner.model.catalogue import FAMILIES, LINK_TYPES
from orgdesigner.model.labels import Lang
from orgdesigner.rules.findings import SEVERITIES, SEVERITY_LABELS
from orgdesigner.ui.legend import Legend, LegendEntry, link_sample


def make_legend(qtbot: QtBot, lang: Lang = "fr") -> Legend:
    legend = Legend(lang)
    qtbot.addWidget(legend)
    return legend


def section(legend: Legend, name: str) -> list[LegendEntry]:
    return [entry for entry in legend.entries if entry.section == name]


def centre(entry: LegendEntry) -> str:
    image = entry.pixmap.toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2).name()


def line_row(image: QImage, colour: str) -> str:
    """The middle pixel row of a link sample: '#' where the stroke's colour is exact, '.' elsewhere."""
    y = image.height() // 2
    return "".join("#" if image.pixelColor(x, y).name() == colour and image.pixelColor(x, y).alpha() == 255 else "."
                   for x in range(image.width()))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_entry_per_family_link_type_and_severity_in_the_language(qtbot: QtBot, lang: Lang) -> None:
    legend = make_legend(qtbot, lang)
    families = [entry for entry in section(legend, "family") if entry.key]
    assert [(e.key, e.text) for e in families] == [(code, label.in_(lang)) for code, label in FAMILIES.items()]
    assert [(e.key, e.text) for e in section(legend, "link")] == [(c, t.in_(lang)) for c, t in LINK_TYPES.items()]
    assert [(e.key, e.text) for e in section(legend, "severity")] == [(s, SEVERITY_LABELS[s].in_(lang))
                                                                       for s in SEVERITIES]
    assert [e.key for e in section(legend, "post")] == ["vacant"]


def test_every_entry_is_shown_as_a_sample_beside_its_text(qtbot: QtBot) -> None:
    legend = make_legend(qtbot)
    texts = {label.text() for label in legend.findChildren(QLabel)}
    assert {entry.text for entry in legend.entries} <= texts
    samples = [label for label in legend.findChildren(QLabel) if not label.pixmap().isNull()]
    assert len(samples) == len(legend.entries)


def test_family_swatches_carry_the_family_colours(qtbot: QtBot) -> None:
    legend = make_legend(qtbot)
    for entry in section(legend, "family"):
        assert centre(entry) == palette.FAMILY_COLOURS[entry.key]


def test_severity_marks_carry_the_badge_colours(qtbot: QtBot) -> None:
    legend = make_legend(qtbot)
    for entry in section(legend, "severity"):
        assert centre(entry) == palette.SEVERITY_COLOURS[entry.key]


def test_links_are_drawn_in_the_canvas_colours_and_strokes(qtbot: QtBot) -> None:
    legend = make_legend(qtbot)
    rows = {entry.key: line_row(entry.pixmap.toImage(), palette.LINK_COLOURS[entry.key])
            for entry in section(legend, "link")}
    assert rows["line"].startswith("#" * 30)  # solid
    dashes = {kind: [len(run) for run in row.split(".") if run] for kind, row in rows.items()}
    assert len(dashes["dotted"]) >= 3
    assert max(dashes["dotted"][:-1]) - min(dashes["dotted"][:-1]) <= 1  # even dashes (bar the edge's)
    assert min(dashes["contract"]) < min(dashes["dotted"])  # dash-dot: dots between the dashes


def test_the_vacant_post_is_a_white_card_with_a_dashed_outline(qtbot: QtBot) -> None:
    legend = make_legend(qtbot)
    (entry,) = section(legend, "post")
    image = entry.pixmap.toImage()
    assert centre(entry) == palette.CARD_FILL
    border = QColor(palette.FAMILY_COLOURS[""]).darker(130).name()
    top = [image.pixelColor(x, 1).name() == border for x in range(4, image.width() - 4)]
    assert any(top) and not all(top)  # dashes and gaps


def test_samples_are_painted_once_and_reused(qtbot: QtBot) -> None:
    first = link_sample("contract")
    assert link_sample("contract").cacheKey() == first.cacheKey()
    assert link_sample("dotted").cacheKey() != first.cacheKey()
