"""Where a document is kept between sessions: a project file, or a project of a shared repository
(app/shared.py). The document hands its store everything that changed since the last save and
lets the store decide how much to write: a file is rewritten whole, a repository only receives the
scenarios that changed, each over the version it was loaded at.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from orgdesigner.model.entities import Organisation, Project, Scenario
from orgdesigner.storage import save_project
from orgdesigner.storage.repository import StoredScenario


@dataclass(frozen=True, slots=True)
class ScenarioState:
    """One scenario as it stands. `base` is the stored row it was loaded as (None: never stored
    there); `changed` says it was edited, renamed or added since."""

    scenario: Scenario
    base: StoredScenario | None
    changed: bool


@dataclass(frozen=True, slots=True)
class ProjectChanges:
    organisation: Organisation
    scenarios: tuple[ScenarioState, ...]
    deleted: tuple[StoredScenario, ...]  # the stored rows of the scenarios deleted since

    def project(self) -> Project:
        return Project(self.organisation, tuple(state.scenario for state in self.scenarios))


class ProjectStore(Protocol):
    @property
    def title(self) -> str:
        """What the window's title calls the project's place; never a password."""
        ...

    def save(self, changes: ProjectChanges) -> Mapping[str, StoredScenario]:
        """Writes the changes; returns the stored rows of the scenarios written, by name, as later
        saves must find them. Raises the store's own errors with nothing half-written."""
        ...


@dataclass(frozen=True, slots=True)
class FileStore:
    path: Path

    @property
    def title(self) -> str:
        return self.path.name

    def save(self, changes: ProjectChanges) -> Mapping[str, StoredScenario]:
        """The whole project, safely (storage.save_project); a file has no versions to keep."""
        save_project(self.path, changes.project())
        return {}
