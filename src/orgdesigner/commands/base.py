"""Undo without Qt: a command changes the model one way and back, a stack records the commands done.

Every edit a user can undo is a `Command` whose `redo` and `undo` are one or two model calls. The
desktop UI wraps each command in a thin QUndoCommand adapter, and headless code (tests, scripts, a
future batch mode) uses `CommandStack` directly, so undo behaves the same with or without a window.

Two habits kept from Orange's canvas and Ryven, whose undo stacks we learnt from:

- a command never pushes another command from inside `redo` (Ryven's trap: the nested push lands
  in the middle of the outer one and undo then replays them in the wrong order). `CommandStack`
  refuses it outright; an edit made of several steps is a `Macro`, built before it is pushed.
- a command that cannot be done raises *before* changing anything (or undoes its partial work and
  then raises), so that a refused edit leaves the model and the stack as they were.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable

from orgdesigner.model.events import Signal
from orgdesigner.model.labels import Label


class Command(ABC):
    """One undoable edit.

    `redo` is called for the first time by `CommandStack.push`, so a command captures the values it
    will restore (the old position, the old coordinates) when it is done, not when it is built: the
    model may have changed in between, and a redo after an undo sees the same model again anyway.
    """

    @property
    @abstractmethod
    def text(self) -> Label:
        """What the edit did, for the history view and the Edit menu's "Undo …" in both languages."""

    @abstractmethod
    def redo(self) -> None:
        """Does the edit. Raises, leaving the model untouched, when the edit cannot be done."""

    @abstractmethod
    def undo(self) -> None:
        """Puts the model back exactly as `redo` found it."""

    def merge_with(self, other: Command) -> bool:
        """Absorbs `other`, done just after this command, so that both undo as one step.

        Typing a name in the properties panel edits the position at every keystroke; merging keeps
        that one step in the history instead of one per letter. `other` has already been done when
        this is asked; on True, this command must now undo to its own starting point and redo to
        `other`'s end state, and the stack drops `other`. The default merges nothing.
        """
        return False


class Macro(Command):
    """Several commands done as one undo step ("Delete 12 positions and their links").

    The commands are built before the macro is pushed, so none of them pushes anything while it
    runs. They are done in order and undone in reverse. If one of them raises, those already done
    are undone before the error goes on, so a failed macro changes nothing.
    """

    def __init__(self, text: Label, commands: Iterable[Command]) -> None:
        self._text = text
        self._commands = tuple(commands)

    @property
    def text(self) -> Label:
        return self._text

    @property
    def commands(self) -> tuple[Command, ...]:
        return self._commands

    def redo(self) -> None:
        done: list[Command] = []
        try:
            for command in self._commands:
                command.redo()
                done.append(command)
        except BaseException:
            for command in reversed(done):
                command.undo()
            raise

    def undo(self) -> None:
        for command in reversed(self._commands):
            command.undo()


class StackError(RuntimeError):
    """The stack was driven from inside one of its own commands (a push from within `redo`)."""


class CommandStack:
    """The commands done on one document, the point reached in them, and the last saved point.

    `index` counts the commands done: 0 is the state before the first command, `count` the state
    after the last. Undo moves the index back, redo forward; pushing a new command after an undo
    forgets the commands that could have been redone (there is one history, not a tree).

    The clean index is the state that was last saved (`set_clean`); the window title shows the
    unsaved-changes mark whenever `is_clean` is False, including after undoing past the save. When
    that state can no longer be reached (its commands were forgotten), the stack is never clean
    again until the next save.

    `limit`, when given, is how many commands are kept; the oldest are forgotten beyond it.

    `changed` is emitted once after every change of the commands, index or clean index, with the
    stack itself, so that the Edit menu, the history view and the title can all refresh from it.
    """

    def __init__(self, limit: int | None = None) -> None:
        if limit is not None and limit < 1:
            raise ValueError(f"an undo limit keeps at least one command, not {limit}")
        self._limit = limit
        self._commands: list[Command] = []
        self._index = 0
        self._clean_index: int | None = 0
        self._busy = False
        self.changed: Signal[CommandStack] = Signal()

    # Reading -----------------------------------------------------------------------------------

    @property
    def limit(self) -> int | None:
        return self._limit

    @property
    def index(self) -> int:
        return self._index

    @property
    def count(self) -> int:
        return len(self._commands)

    @property
    def clean_index(self) -> int | None:
        return self._clean_index

    @property
    def is_clean(self) -> bool:
        return self._index == self._clean_index

    @property
    def can_undo(self) -> bool:
        return self._index > 0

    @property
    def can_redo(self) -> bool:
        return self._index < len(self._commands)

    @property
    def undo_text(self) -> Label | None:
        """The text of the command `undo` would undo, None when there is none."""
        return self._commands[self._index - 1].text if self.can_undo else None

    @property
    def redo_text(self) -> Label | None:
        """The text of the command `redo` would redo, None when there is none."""
        return self._commands[self._index].text if self.can_redo else None

    def command(self, position: int) -> Command:
        """The command at a place in the history (0 is the oldest kept)."""
        return self._commands[position]

    def history(self) -> tuple[Label, ...]:
        """Every kept command's text, oldest first; those from `index` on are undone."""
        return tuple(command.text for command in self._commands)

    # Editing -----------------------------------------------------------------------------------

    def push(self, command: Command) -> None:
        """Does `command`, then records it, or merges it into the top command when that accepts.

        If `redo` raises, nothing is recorded and the error goes on: the command left the model as
        it was, and the commands that could be redone are kept. The top command is never asked to
        merge when it is the saved state, so that the saved state stays reachable by undo.
        """
        self._check_not_busy("push")
        self._busy = True
        try:
            command.redo()
            try:
                merged = self._index > 0 and self._index != self._clean_index and (
                    self._commands[self._index - 1].merge_with(command))
            except BaseException:
                command.undo()
                raise
        finally:
            self._busy = False
        del self._commands[self._index:]
        if self._clean_index is not None and self._clean_index > self._index:
            self._clean_index = None
        if not merged:
            self._commands.append(command)
            self._index += 1
            self._forget_beyond_limit()
        self.changed.emit(self)

    def undo(self) -> None:
        """Undoes the last command done; does nothing when there is none (as QUndoStack does)."""
        self._check_not_busy("undo")
        if not self.can_undo:
            return
        self._run(self._commands[self._index - 1].undo)
        self._index -= 1
        self.changed.emit(self)

    def redo(self) -> None:
        """Redoes the last command undone; does nothing when there is none."""
        self._check_not_busy("redo")
        if not self.can_redo:
            return
        self._run(self._commands[self._index].redo)
        self._index += 1
        self.changed.emit(self)

    def set_index(self, index: int) -> None:
        """Undoes or redoes until `index` commands are done: a click in the history view."""
        self._check_not_busy("set_index")
        if not 0 <= index <= len(self._commands):
            raise IndexError(f"index {index} outside 0..{len(self._commands)}")
        start = self._index
        try:
            while self._index > index:
                self._run(self._commands[self._index - 1].undo)
                self._index -= 1
            while self._index < index:
                self._run(self._commands[self._index].redo)
                self._index += 1
        finally:
            if self._index != start:
                self.changed.emit(self)

    def set_clean(self) -> None:
        """Marks the current state as saved."""
        self._check_not_busy("set_clean")
        self._clean_index = self._index
        self.changed.emit(self)

    def clear(self) -> None:
        """Forgets every command; the current state becomes the clean one (a document just opened)."""
        self._check_not_busy("clear")
        self._commands.clear()
        self._index = 0
        self._clean_index = 0
        self.changed.emit(self)

    # Internals ---------------------------------------------------------------------------------

    def _run(self, step: Callable[[], None]) -> None:
        self._busy = True
        try:
            step()
        finally:
            self._busy = False

    def _check_not_busy(self, action: str) -> None:
        if self._busy:
            raise StackError(f"{action} called while a command is being done or undone; build a Macro "
                             "instead of pushing from inside redo")

    def _forget_beyond_limit(self) -> None:
        if self._limit is None:
            return
        excess = len(self._commands) - self._limit
        if excess <= 0:
            return
        del self._commands[:excess]
        self._index -= excess
        if self._clean_index is not None:
            self._clean_index -= excess
            if self._clean_index < 0:
                self._clean_index = None
