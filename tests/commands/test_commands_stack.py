"""The command stack: undo, redo, the redo tail, merging, the saved state, the limit, the history,
refused commands, and no pushing from inside a command."""

from __future__ import annotations

import dataclasses

import pytest

from chart_samples import sample_chart
from orgdesigner.commands import (
    AddLink,
    AddPosition,
    Command,
    CommandStack,
    EditPosition,
    MovePositions,
    RemovePositions,
    StackError,
)
from orgdesigner.model.chart import Chart, ChartError
from orgdesigner.model.entities import Link, Position
from orgdesigner.model.labels import Label


def holder(chart: Chart, position_id: str, name: str) -> EditPosition:
    return EditPosition(chart, dataclasses.replace(chart.position(position_id), holder=name))


def add(chart: Chart, position_id: str) -> AddPosition:
    return AddPosition(chart, Position(position_id, "caretaker", "a"), [Link("m1", position_id)])


class Recording(Command):
    """A command that only writes down what is done to it."""

    def __init__(self, name: str, log: list[str], *, fail: bool = False, merge: bool = False) -> None:
        self.name, self.log, self.fail, self.merge = name, log, fail, merge

    @property
    def text(self) -> Label:
        return Label(self.name, self.name)

    def redo(self) -> None:
        if self.fail:
            raise ChartError(self.name)
        self.log.append(f"redo {self.name}")

    def undo(self) -> None:
        self.log.append(f"undo {self.name}")

    def merge_with(self, other: Command) -> bool:
        return self.merge


def test_push_undo_redo() -> None:
    chart, stack = sample_chart(), CommandStack()
    states = [chart.to_scenario()]
    for command in (add(chart, "n1"), add(chart, "n2"), MovePositions(chart, {"n1": (1.0, 1.0)})):
        stack.push(command)
        states.append(chart.to_scenario())
    assert (stack.index, stack.count, stack.can_undo, stack.can_redo) == (3, 3, True, False)
    for index in (2, 1, 0):
        stack.undo()
        assert stack.index == index and chart.to_scenario() == states[index]
    assert (stack.can_undo, stack.can_redo, stack.undo_text) == (False, True, None)
    assert stack.redo_text == Label("Ajouter un poste « Gardien »", "Add position 'Caretaker'")
    stack.undo()  # nothing to undo: nothing happens, as in Qt
    assert stack.index == 0
    for index in (1, 2, 3):
        stack.redo()
        assert stack.index == index and chart.to_scenario() == states[index]
    stack.redo()
    assert stack.index == 3 and stack.redo_text is None
    assert stack.undo_text == Label("Déplacer le poste « Gardien »", "Move position 'Caretaker'")


def test_pushing_after_undo_drops_the_redo_tail() -> None:
    chart, stack = sample_chart(), CommandStack()
    stack.push(add(chart, "n1"))
    stack.push(add(chart, "n2"))
    stack.undo()
    stack.push(add(chart, "n3"))
    assert stack.count == 2 and not stack.can_redo
    assert chart.has_position("n3") and not chart.has_position("n2")
    stack.undo()
    stack.undo()
    assert not chart.has_position("n1")


def test_history_texts_in_both_languages() -> None:
    chart, stack = sample_chart(), CommandStack()
    stack.push(add(chart, "n1"))
    stack.push(RemovePositions(chart, ["c1", "c2"]))
    stack.push(AddLink(chart, Link("h", "n1", "dotted")))
    stack.undo()
    assert [label.in_("fr") for label in stack.history()] == [
        "Ajouter un poste « Gardien »", "Supprimer 2 postes",
        "Ajouter un lien fonctionnel « Responsable d'agence » → « Gardien »"]
    assert [label.in_("en") for label in stack.history()] == [
        "Add position 'Caretaker'", "Delete 2 positions", "Add dotted-line link 'Agency manager' → 'Caretaker'"]
    assert stack.index == 2 and stack.command(2).text == stack.history()[2]


def test_consecutive_edits_of_one_field_are_one_undo_step() -> None:
    chart, stack = sample_chart(), CommandStack()
    stack.push(add(chart, "n1"))
    start = chart.to_scenario()
    for name in ("I", "In", "Inè", "Inès"):
        stack.push(holder(chart, "c2", name))
    assert stack.count == 2 and chart.position("c2").holder == "Inès"
    stack.push(EditPosition(chart, dataclasses.replace(chart.position("c2"), fte=0.8)))
    stack.push(holder(chart, "c1", "Jo"))
    assert stack.count == 4
    stack.undo()
    stack.undo()
    stack.undo()
    assert chart.to_scenario() == start
    stack.redo()
    assert chart.position("c2").holder == "Inès"


def test_no_merge_into_the_saved_state() -> None:
    """After a save, the next edit is its own step, so that undo can go back to what was saved."""
    chart, stack = sample_chart(), CommandStack()
    stack.push(holder(chart, "c2", "I"))
    stack.set_clean()
    saved = chart.to_scenario()
    stack.push(holder(chart, "c2", "In"))
    assert stack.count == 2 and not stack.is_clean
    stack.undo()
    assert stack.is_clean and chart.to_scenario() == saved


def test_clean_state_follows_saves_and_undo() -> None:
    chart, stack = sample_chart(), CommandStack()
    assert stack.is_clean and stack.clean_index == 0
    stack.push(add(chart, "n1"))
    assert not stack.is_clean
    stack.undo()
    assert stack.is_clean
    stack.redo()
    stack.push(add(chart, "n2"))
    stack.set_clean()
    assert stack.is_clean and stack.clean_index == 2
    stack.undo()
    assert not stack.is_clean
    stack.redo()
    assert stack.is_clean
    stack.undo()
    stack.undo()
    stack.push(add(chart, "n3"))  # the saved state (n1, n2) can no longer be reached
    assert stack.clean_index is None
    stack.undo()
    stack.redo()
    assert not stack.is_clean
    stack.set_clean()
    assert stack.is_clean


def test_clear_forgets_everything_and_is_clean() -> None:
    chart, stack = sample_chart(), CommandStack()
    stack.push(add(chart, "n1"))
    stack.clear()
    assert (stack.count, stack.index, stack.is_clean, stack.can_undo) == (0, 0, True, False)
    assert chart.has_position("n1")


def test_limit_forgets_the_oldest() -> None:
    chart, stack = sample_chart(), CommandStack(limit=2)
    stack.set_clean()
    for position_id in ("n1", "n2", "n3"):
        stack.push(add(chart, position_id))
    assert stack.limit == 2 and stack.count == 2 and stack.index == 2
    assert stack.clean_index is None
    stack.undo()
    stack.undo()
    stack.undo()
    assert stack.index == 0 and chart.has_position("n1") and not chart.has_position("n2")
    stack.redo()
    stack.set_clean()
    stack.push(add(chart, "n4"))  # drops n3's command: nothing beyond the limit
    assert stack.clean_index == 1 and stack.count == 2
    stack.push(add(chart, "n5"))  # forgets n2's command: the saved state is now the oldest kept
    assert stack.clean_index == 0 and stack.count == 2
    with pytest.raises(ValueError):
        CommandStack(limit=0)


def test_a_refused_command_leaves_stack_and_chart_unchanged() -> None:
    chart, stack = sample_chart(), CommandStack()
    stack.push(add(chart, "n1"))
    stack.push(add(chart, "n2"))
    stack.undo()
    stack.set_clean()
    before = chart.to_scenario()
    heard: list[CommandStack] = []
    stack.changed.connect(heard.append)
    with pytest.raises(ChartError):
        stack.push(AddLink(chart, Link("h", "ghost")))
    assert chart.to_scenario() == before
    assert (stack.index, stack.count, stack.is_clean, stack.can_redo, heard) == (1, 2, True, True, [])
    stack.redo()  # the redo tail was kept
    assert chart.has_position("n2")


def test_a_merge_that_raises_undoes_the_command() -> None:
    log: list[str] = []

    class Broken(Recording):
        def merge_with(self, other: Command) -> bool:
            raise RuntimeError("broken")

    stack = CommandStack()
    stack.push(Broken("a", log))
    with pytest.raises(RuntimeError):
        stack.push(Recording("b", log))
    assert log[-2:] == ["redo b", "undo b"] and stack.count == 1


def test_pushing_from_inside_redo_is_refused() -> None:
    chart, stack = sample_chart(), CommandStack()
    before = chart.to_scenario()

    class Nested(Command):
        text = Label("imbriqué", "nested")

        def redo(self) -> None:
            stack.push(add(chart, "n1"))

        def undo(self) -> None:
            raise AssertionError("never done, so never undone")

    with pytest.raises(StackError):
        stack.push(Nested())
    assert stack.count == 0 and chart.to_scenario() == before


def test_a_chart_listener_cannot_push_while_a_command_runs() -> None:
    chart, stack = sample_chart(), CommandStack()
    errors: list[Exception] = []

    def auto_fix(_: object) -> None:
        try:
            stack.undo()
        except StackError as error:
            errors.append(error)

    stack.push(add(chart, "n1"))
    chart.changed.connect(auto_fix)
    stack.push(add(chart, "n2"))
    assert errors and stack.count == 2


def test_changed_is_emitted_once_per_change() -> None:
    chart, stack = sample_chart(), CommandStack()
    heard: list[int] = []
    stack.changed.connect(lambda s: heard.append(s.index))
    stack.push(add(chart, "n1"))
    stack.push(holder(chart, "n1", "A"))
    stack.push(holder(chart, "n1", "Ab"))  # merged: still a change (the top command's end state)
    stack.undo()
    stack.redo()
    stack.set_clean()
    stack.set_index(0)
    stack.set_index(0)  # nothing to do: nothing said
    assert heard == [1, 2, 2, 1, 2, 2, 0]


def test_set_index_undoes_and_redoes_in_order() -> None:
    log: list[str] = []
    stack = CommandStack()
    for name in "abc":
        stack.push(Recording(name, log))
    log.clear()
    stack.set_index(0)
    stack.set_index(2)
    assert log == ["undo c", "undo b", "undo a", "redo a", "redo b"]
    with pytest.raises(IndexError):
        stack.set_index(4)


def test_merging_is_asked_of_the_top_command_only() -> None:
    log: list[str] = []
    stack = CommandStack()
    stack.push(Recording("a", log, merge=True))
    stack.push(Recording("b", log))
    assert stack.count == 1 and stack.history() == (Label("a", "a"),)
    stack.undo()
    assert log == ["redo a", "redo b", "undo a"]  # the merged command now owns the whole step
