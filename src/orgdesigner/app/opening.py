"""Opening what the user names on the command line: a scenario JSON or a project file, told apart
by content rather than by extension, since files travel by mail and lose their names."""

from __future__ import annotations

import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from orgdesigner.collector import collection_paused
from orgdesigner.io.scenario_json import DocumentError, read_scenario_bytes, read_scenario_data, scenario_to_data
from orgdesigner.model.entities import Organisation, Project, Scenario
from orgdesigner.storage import SQLITE_HEADER, ProjectFileError, load_project

# A scenario of 50,000 positions is about 10 MB of JSON.
MAX_DOCUMENT_BYTES = 256 * 2**20


class InputError(Exception):
    """A file the user named cannot be used; `lines` say what and where, one problem a line."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


@dataclass(frozen=True, slots=True)
class OpenedScenario:
    organisation: Organisation
    scenario: Scenario
    scenarios_in_file: int = 1


def is_project_file(path: Path) -> bool:
    """True for a file that starts as a SQLite database does; reads 16 bytes of a regular file only,
    so a pipe is never consumed by the question."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def open_project(path: Path, on_backup: Callable[[Path], None] | None = None) -> Project:
    """A project whose every scenario passes the same checks as a scenario JSON: the file may have
    been written by another tool or edited by hand, and the rules must only ever see known codes
    and ids that resolve. `on_backup`: see storage.load_project (an older project is upgraded)."""
    with collection_paused():
        try:
            project = load_project(path, on_backup=on_backup)
        except ProjectFileError as exc:
            raise InputError([str(exc)]) from exc
        return checked_project(project, str(path))


def checked_project(project: Project, source: str) -> Project:
    """The project once every scenario has passed the scenario JSON reader's checks, which `source`
    (a file, a shared repository's project) names in the problems of an InputError."""
    if not project.scenarios:
        raise InputError([f"{source}: the project holds no scenario"])
    problems: list[str] = []
    checked: list[Scenario] = []
    with collection_paused():
        for scenario in project.scenarios:
            try:
                checked.append(read_scenario_data(scenario_to_data(project.organisation, scenario)).scenario)
            except DocumentError as exc:
                problems += [f"{source}, scenario {scenario.name!r}: {problem}" for problem in exc.problems]
    if problems:
        raise InputError(problems)
    return replace(project, scenarios=tuple(checked))


def open_scenarios(path: Path, names: Sequence[str | None],
                   on_backup: Callable[[Path], None] | None = None) -> list[OpenedScenario]:
    """Several scenarios of one project file, read once and checked alone: a comparison of two
    scenarios of a large project need not convert and check all the others."""
    with collection_paused():
        try:
            project = load_project(path, on_backup=on_backup)
        except ProjectFileError as exc:
            raise InputError([str(exc)]) from exc
        chosen = [choose_scenario(project, name, path) for name in names]
        checked = checked_project(replace(project, scenarios=tuple({s.name: s for s in chosen}.values())),
                                  str(path))
    by_name = {s.name: s for s in checked.scenarios}
    return [OpenedScenario(project.organisation, by_name[s.name], len(project.scenarios)) for s in chosen]


def choose_scenario(project: Project, name: str | None, path: Path) -> Scenario:
    """The scenario named, or without a name the project's first (the order the user gave them)."""
    if not project.scenarios:
        raise InputError([f"{path}: the project holds no scenario"])
    if name is None:
        return project.scenarios[0]
    scenario = project.scenario(name)
    if scenario is None:
        known = ", ".join(repr(s.name) for s in project.scenarios)
        raise InputError([f"{path}: no scenario named {name!r} (the project holds {known})"])
    return scenario


def open_scenario(path: Path, name: str | None, on_backup: Callable[[Path], None] | None = None) -> OpenedScenario:
    """One scenario of a JSON document or a project file."""
    if is_project_file(path):
        project = open_project(path, on_backup)
        return OpenedScenario(project.organisation, choose_scenario(project, name, path), len(project.scenarios))
    raw = _read_once(path)
    if raw.startswith(SQLITE_HEADER):
        raise InputError([f"{path}: a project file must be opened from disk, not through a pipe"])
    if raw and SQLITE_HEADER.startswith(raw):
        raise InputError([f"{path}: the file is damaged (a project file cut short)"])
    try:
        document = read_scenario_bytes(raw, str(path))
    except DocumentError as exc:
        raise InputError([f"{exc.source}: {problem}" for problem in exc.problems]) from exc
    if name is not None and document.scenario.name != name:
        raise InputError([f"{path}: the document's scenario is {document.scenario.name!r}, not {name!r}"])
    return OpenedScenario(document.organisation, document.scenario)


def _read_once(path: Path) -> bytes:
    """The whole content, read once, so that a pipe (`/dev/stdin`, `<(...)`) works too; a source
    that never ends (`/dev/zero`) is cut off rather than read until memory runs out."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        raise InputError([f"{path}: no such file"]) from None
    except IsADirectoryError:
        raise InputError([f"{path}: is a folder, not a file"]) from None
    except OSError as exc:
        raise InputError([f"{path}: cannot read the file ({exc.strerror})"]) from exc
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise InputError([f"{path}: larger than {MAX_DOCUMENT_BYTES // 2**20} MiB, too large to be a scenario "
                          "document"])
    return raw


def looks_like_json(path: Path) -> bool:
    """True for a file whose first non-blank character opens a JSON object: one the user may let
    `convert --force` replace, unlike any other file that happens to bear the name."""
    try:
        with path.open("rb") as handle:
            start = handle.read(4096).removeprefix(b"\xef\xbb\xbf").lstrip()
    except OSError:
        return False
    return start.startswith(b"{")
