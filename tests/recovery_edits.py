"""Unsaved work for the recovery tests: the same edits, through commands, on the demo project, so that
a test can make them in a process it then kills and make them again in its own to know what the
recovered project must be."""

from __future__ import annotations

import dataclasses

from orgdesigner.app.document import Document
from orgdesigner.commands.chart_commands import EditPosition, MovePositions, RemovePositions


def edit_demo(document: Document, count: int) -> None:
    """`count` edits spread over both scenarios of the demo (moves, holders renamed, positions
    removed), ending on the scenario of the last one."""
    names = document.scenario_names
    for step in range(count):
        document.switch_to(names[step % 2])
        chart = document.chart
        ids = [position.id for position in chart.positions()]
        position_id = ids[(step * 7) % len(ids)]
        if step % 3 == 0:
            document.stack.push(MovePositions(chart, {position_id: (step * 10.0, -step * 5.5)}))
        elif step % 3 == 1:
            position = chart.position(position_id)
            document.stack.push(EditPosition(chart, dataclasses.replace(position, holder=f"Intérim n°{step}")))
        else:
            document.stack.push(RemovePositions(chart, [position_id]))
