"""An open project as the window sees it: the project, the chart being edited, its undo stack, the
file it came from, and whether there is unsaved work. Qt-free, so every behaviour here is tested
without a window.

Each scenario gets its own chart and undo stack, made the first time the user opens it, so that
switching scenarios neither loses nor mixes anyone's undo history.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from orgdesigner.app.opening import open_project
from orgdesigner.commands.base import CommandStack
from orgdesigner.layout.chart_layout import layout_chart
from orgdesigner.model.chart import Chart, ChartChange
from orgdesigner.model.entities import Project
from orgdesigner.model.events import Signal
from orgdesigner.rules.engine import Report, validate
from orgdesigner.storage import save_project


class Document:
    def __init__(self, project: Project, path: Path | None = None) -> None:
        if not project.scenarios:
            raise ValueError("a document needs at least one scenario")
        self._project = project
        self._path = path
        self._charts: dict[str, Chart] = {}
        self._stacks: dict[str, CommandStack] = {}
        self._reports: dict[str, Report] = {}
        self._current = project.scenarios[0].name
        self.changed: Signal[Document] = Signal()
        self._open_chart(self._current)

    @classmethod
    def open(cls, path: Path) -> Document:
        """Raises app.opening.InputError, with every problem named, for a file that cannot be used."""
        return cls(open_project(path), path)

    # Reading -------------------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def organisation_name(self) -> str:
        return self._project.organisation.name

    @property
    def scenario_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self._project.scenarios)

    @property
    def current_scenario(self) -> str:
        return self._current

    @property
    def chart(self) -> Chart:
        return self._charts[self._current]

    @property
    def stack(self) -> CommandStack:
        return self._stacks[self._current]

    @property
    def is_modified(self) -> bool:
        return any(not stack.is_clean for stack in self._stacks.values())

    def validate(self) -> Report:
        """The current scenario's report, computed again only after an edit that can change it
        (moving cards cannot): the window asks after every step, drags included."""
        report = self._reports.get(self._current)
        if report is None:
            report = self._reports[self._current] = validate(self.chart)
        return report

    def to_project(self) -> Project:
        """The project as it stands now, every opened scenario with its edits."""
        scenarios = tuple(
            self._charts[s.name].to_scenario() if s.name in self._charts else s for s in self._project.scenarios
        )
        return dataclasses.replace(self._project, scenarios=scenarios)

    # Acting ----------------------------------------------------------------------------------------

    def switch_to(self, name: str) -> None:
        if name not in self.scenario_names:
            raise KeyError(name)
        if name != self._current:
            self._current = name
            if name not in self._charts:
                self._open_chart(name)
            self.changed.emit(self)

    def save(self, path: Path | None = None) -> None:
        """Writes the project (safely: storage keeps the old file until the new one is whole) and
        marks every scenario saved. Raises storage.ProjectFileError, with the work kept in memory."""
        target = path or self._path
        if target is None:
            raise ValueError("a new document needs a file name to be saved")
        project = self.to_project()
        save_project(target, project)
        self._project = project
        self._path = target
        for stack in self._stacks.values():
            stack.set_clean()
        self.changed.emit(self)

    def _open_chart(self, name: str) -> None:
        scenario = next(s for s in self._project.scenarios if s.name == name)
        chart = Chart(scenario)
        if any(chart.position_xy(p.id) is None for p in chart.positions()):
            # A scenario from a JSON or an HR extract may have no coordinates: lay it out once, as
            # part of opening it, not as an undoable edit (and keep any coordinates it has).
            for position_id, xy in layout_chart(chart).items():
                if chart.position_xy(position_id) is None:
                    chart.set_position_xy(position_id, xy)
        def forget_report(change: ChartChange) -> None:
            if change.structure:
                self._reports.pop(name, None)

        chart.changed.connect(forget_report)
        stack = CommandStack()
        stack.changed.connect(lambda _stack: self.changed.emit(self))
        self._charts[name] = chart
        self._stacks[name] = stack
