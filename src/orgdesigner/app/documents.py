"""Opening what the user names on the command line: a scenario JSON or a project file, told apart
by content rather than by extension, since files travel by mail and lose their names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from orgdesigner.io.scenario_json import DocumentError, read_scenario_data, read_scenario_file, scenario_to_data
from orgdesigner.model.entities import Organisation, Project, Scenario
from orgdesigner.storage import ProjectFileError, load_project

SQLITE_HEADER = b"SQLite format 3\x00"


class InputError(Exception):
    """A file the user named cannot be used; `lines` say what and where, one problem a line."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


@dataclass(frozen=True, slots=True)
class OpenedScenario:
    organisation: Organisation
    scenario: Scenario


def is_project_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def open_project(path: Path) -> Project:
    """A project whose every scenario passes the same checks as a scenario JSON: the file may have
    been written by another tool or edited by hand, and the rules must only ever see known codes
    and ids that resolve."""
    try:
        project = load_project(path)
    except ProjectFileError as exc:
        raise InputError([str(exc)]) from exc
    problems = []
    for scenario in project.scenarios:
        try:
            read_scenario_data(scenario_to_data(project.organisation, scenario))
        except DocumentError as exc:
            problems += [f"{path}, scenario {scenario.name!r}: {problem}" for problem in exc.problems]
    if problems:
        raise InputError(problems)
    return project


def open_scenario(path: Path, name: str | None) -> OpenedScenario:
    """One scenario of a JSON document or project file. Without a name, a project's first
    scenario (the order the user gave them) is taken."""
    if not path.exists():
        raise InputError([f"{path}: no such file"])
    if path.is_dir():
        raise InputError([f"{path}: is a folder, not a file"])
    if is_project_file(path):
        project = open_project(path)
        if not project.scenarios:
            raise InputError([f"{path}: the project holds no scenario"])
        if name is None:
            return OpenedScenario(project.organisation, project.scenarios[0])
        scenario = project.scenario(name)
        if scenario is None:
            known = ", ".join(repr(s.name) for s in project.scenarios)
            raise InputError([f"{path}: no scenario named {name!r} (the project holds {known})"])
        return OpenedScenario(project.organisation, scenario)
    try:
        document = read_scenario_file(path)
    except DocumentError as exc:
        raise InputError([f"{exc.source}: {problem}" for problem in exc.problems]) from exc
    if name is not None and document.scenario.name != name:
        raise InputError([f"{path}: the document's scenario is {document.scenario.name!r}, not {name!r}"])
    return OpenedScenario(document.organisation, document.scenario)
