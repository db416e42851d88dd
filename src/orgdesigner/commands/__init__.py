"""Qt-free undo: commands that edit a chart, and the stack that records them.

The desktop UI wraps `Command` in a thin QUndoCommand adapter; everything else uses `CommandStack`.
"""

from orgdesigner.commands.base import Command, CommandStack, Macro, StackError
from orgdesigner.commands.chart_commands import (
    AddLink,
    AddPosition,
    EditAgency,
    EditPosition,
    MovePositions,
    RemoveLink,
    RemovePositions,
    ReparentPosition,
)

__all__ = [
    "AddLink",
    "AddPosition",
    "Command",
    "CommandStack",
    "EditAgency",
    "EditPosition",
    "Macro",
    "MovePositions",
    "RemoveLink",
    "RemovePositions",
    "ReparentPosition",
    "StackError",
]
