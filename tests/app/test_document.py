"""The open project as the window relies on it, without a window."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document
from orgdesigner.commands.chart_commands import MovePositions, RemovePositions
from orgdesigner.storage import load_project, save_project


def test_a_scenario_without_coordinates_is_laid_out_when_opened() -> None:
    document = Document(demo_project())
    assert all(document.chart.position_xy(p.id) is not None for p in document.chart.positions())
    assert not document.is_modified and document.stack.count == 0


def test_each_scenario_keeps_its_own_undo_history() -> None:
    document = Document(demo_project())
    document.stack.push(RemovePositions(document.chart, ["coteaux-18"]))
    document.switch_to("Cible 2027")
    assert document.chart.has_position("coteaux-18") and document.stack.count == 0
    assert document.is_modified  # the first scenario still has unsaved work
    document.switch_to("Existant 2026")
    assert not document.chart.has_position("coteaux-18")
    document.stack.undo()
    assert document.chart.has_position("coteaux-18") and not document.is_modified
    with pytest.raises(KeyError):
        document.switch_to("Cible 2030")


def test_saving_writes_every_opened_scenario_and_marks_it_clean(tmp_path: Path) -> None:
    path = tmp_path / "demo.orgd"
    save_project(path, demo_project())
    document = Document.open(path)
    document.stack.push(MovePositions(document.chart, {"est-01": (5.0, 7.0)}))
    document.switch_to("Cible 2027")
    document.stack.push(RemovePositions(document.chart, ["centre-51"]))
    heard: list[Document] = []
    document.changed.connect(heard.append)
    document.save()
    assert heard and not document.is_modified
    saved = load_project(path)
    assert dict(saved.scenarios[0].layout)["est-01"] == (5.0, 7.0)
    assert "centre-51" not in {p.id for p in saved.scenarios[1].positions}
    assert saved == document.to_project()


def test_a_new_document_needs_a_name_to_be_saved() -> None:
    document = Document(demo_project())
    with pytest.raises(ValueError, match="file name"):
        document.save()


def test_the_report_follows_edits_but_not_moves() -> None:
    document = Document(demo_project())
    first = document.validate()
    document.stack.push(MovePositions(document.chart, {"est-01": (1.0, 2.0)}))
    assert document.validate() is first
    document.stack.push(RemovePositions(document.chart, ["coteaux-18"]))
    assert "site.provider-unpiloted" not in {f.rule for f in document.validate().findings}
    document.stack.undo()
    assert "site.provider-unpiloted" in {f.rule for f in document.validate().findings}
