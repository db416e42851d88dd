"""Properties of undo over random edit sessions on a small chart.

A session is a random sequence of commands drawn against the chart as it is at each step, some of
them refused (a link to a missing position, a manager below the position moved, a macro whose last
step fails). Whatever the sequence: undoing all of it gives back the original scenario, redoing all
of it gives the state reached, a refused command changes neither chart nor stack, and the graphs stay
in step with the links. A state machine then mixes pushes, undos, redos and saves.

Undo restores content exactly but not yet the document order of positions and links re-inserted
(see `RemovePositions`), so the comparison with earlier states sets order aside; redoing to the
state reached is compared exactly, unless a refused macro had to undo a removal.
"""

from __future__ import annotations

import itertools

from hypothesis import event, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from chart_samples import assert_graphs_in_step, sample_chart
from edit_sessions import draw_command, draw_edit
from orgdesigner.commands import (
    Command,
    CommandStack,
    EditPosition,
    Macro,
)
from orgdesigner.model.chart import Chart, ChartError
from orgdesigner.model.entities import Scenario


def push_drawn(data: st.DataObject, stack: CommandStack, chart: Chart, fresh: itertools.count[int]) -> bool:
    """Pushes one drawn command, and after an edit of a position maybe a few more of the same
    field(s), as typing in the properties panel does, so that merging is exercised. Returns False
    when a refused macro had to undo a removal, which changes the order of positions."""
    command = draw_command(data, chart, fresh)
    if not push_or_refuse(stack, chart, command):
        return not isinstance(command, Macro)
    if isinstance(command, EditPosition) and command.fields:
        for _ in range(data.draw(st.integers(0, 3))):
            push_or_refuse(stack, chart, draw_edit(data, chart, command.position_id, sorted(command.fields)))
    return True


def push_or_refuse(stack: CommandStack, chart: Chart, command: Command) -> bool:
    """Pushes; when the command is refused, checks that chart and stack are unchanged."""
    before = chart.to_scenario()
    state = (stack.index, stack.count, stack.clean_index, stack.history())
    try:
        stack.push(command)
        event(f"{type(command).__name__} {'merged' if stack.index == state[0] else 'done'}")
    except ChartError:
        event(f"{type(command).__name__} refused")
        # A refused macro may have undone a removal, which changes only the order.
        assert chart.to_scenario() == before
        assert (stack.index, stack.count, stack.clean_index, stack.history()) == state
        return False
    finally:
        assert_graphs_in_step(chart)
    return True


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_undo_all_gives_back_the_start_and_redo_all_the_end(data: st.DataObject) -> None:
    chart, stack, fresh = sample_chart(), CommandStack(), itertools.count()
    start = chart.to_scenario()
    # A refused macro that undid a removal moved the position to the end: the redo below, which
    # does not replay the refused macro, then reaches the same content in the original order.
    exact_end = True
    for _ in range(data.draw(st.integers(1, 12))):
        exact_end &= push_drawn(data, stack, chart, fresh)
    end = chart.to_scenario()
    while stack.can_undo:
        stack.undo()
        assert_graphs_in_step(chart)
    assert chart.to_scenario() == start
    assert stack.is_clean
    while stack.can_redo:
        stack.redo()
        assert_graphs_in_step(chart)
    if exact_end:
        assert chart.to_scenario() == end
    else:
        assert chart.to_scenario() == end


class EditingSession(RuleBasedStateMachine):
    """Pushes, undos, redos and saves in any order; the chart always matches the state the stack's
    index stands for, and a clean stack always shows what was saved."""

    def __init__(self) -> None:
        super().__init__()
        self.chart = sample_chart()
        self.stack = CommandStack()
        self.fresh = itertools.count()
        self.states: list[Scenario] = [self.chart.to_scenario()]  # state after i commands
        self.saved = self.states[0]

    @rule(data=st.data())
    def push(self, data: st.DataObject) -> None:
        index = self.stack.index
        if push_or_refuse(self.stack, self.chart, draw_command(data, self.chart, self.fresh)):
            self.record(index)

    @precondition(lambda self: self.stack.can_undo and isinstance(self.stack.command(self.stack.index - 1),
                                                                   EditPosition))
    @rule(data=st.data())
    def type_on(self, data: st.DataObject) -> None:
        """Another edit of the field just edited: merges unless the saved state is the top."""
        top = self.stack.command(self.stack.index - 1)
        assert isinstance(top, EditPosition)
        if not (top.fields and self.chart.has_position(top.position_id)):
            return
        index, clean = self.stack.index, self.stack.is_clean
        edit = draw_edit(data, self.chart, top.position_id, sorted(top.fields))
        if push_or_refuse(self.stack, self.chart, edit):
            assert (self.stack.index == index) == (edit.fields == top.fields and not clean)
            self.record(index)

    def record(self, index: int) -> None:
        del self.states[index + 1:]
        if self.stack.index == index:  # merged into the top command
            self.states[index] = self.chart.to_scenario()
        else:
            self.states.append(self.chart.to_scenario())

    @precondition(lambda self: self.stack.can_undo)
    @rule()
    def undo(self) -> None:
        self.stack.undo()

    @precondition(lambda self: self.stack.can_redo)
    @rule()
    def redo(self) -> None:
        self.stack.redo()

    @rule(data=st.data())
    def jump(self, data: st.DataObject) -> None:
        self.stack.set_index(data.draw(st.integers(0, self.stack.count)))

    @rule()
    def save(self) -> None:
        self.stack.set_clean()
        self.saved = self.chart.to_scenario()

    @invariant()
    def chart_matches_the_index(self) -> None:
        assert len(self.states) == self.stack.count + 1
        assert self.chart.to_scenario() == self.states[self.stack.index]
        assert_graphs_in_step(self.chart)

    @invariant()
    def clean_means_as_saved(self) -> None:
        if self.stack.is_clean:
            assert self.chart.to_scenario() == self.saved


EditingSession.TestCase.settings = settings(max_examples=60, stateful_step_count=30, deadline=None)
test_editing_session = EditingSession.TestCase
