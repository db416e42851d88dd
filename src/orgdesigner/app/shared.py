"""A document kept in a shared repository (issue 7), and the two ways out of a save conflict. Qt-free:
the window and the tests drive the same functions.

A conflict never loses anyone's work: "theirs" replaces the user's version of one scenario with the
stored one (the user's edits of it are dropped, which the window confirms first); "mine as new" keeps
the user's version under a new name, to be added beside theirs by the next save.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from orgdesigner.app.document import Document
from orgdesigner.app.opening import checked_project
from orgdesigner.app.stores import ProjectChanges
from orgdesigner.model.entities import Project, Scenario
from orgdesigner.storage.repository import (
    PasswordRequired,
    Repository,
    RepositoryAddress,
    RepositoryError,
    ScenarioWrite,
    StoredScenario,
)

# Asked for a password: the address (without one) and whether the last one was refused; None gives up.
PasswordPrompt = Callable[[str, bool], str | None]


def connect_repository(text: str, ask_password: PasswordPrompt) -> Repository:
    """A repository the user is connected to: the address checked, then a connection made, with the
    password from the address, libpq (PGPASSWORD, .pgpass) or, when the server still asks for one,
    `ask_password`, as often as it answers. Raises storage.repository.RepositoryError, among them
    PasswordRequired once the user gives up."""
    address, password = RepositoryAddress.parse(text)
    while True:
        repository = Repository(address, password)
        try:
            repository.check()
            return repository
        except PasswordRequired as exc:
            repository.close()
            password = ask_password(address.display, exc.wrong)
            if password is None:
                raise
        except RepositoryError:
            repository.close()
            raise


class SharedStore:
    """One project of a repository, as a document's store. Holds the repository's connection
    settings (and so a password typed for this session) in memory only."""

    def __init__(self, repository: Repository, key: str, name: str) -> None:
        self.repository = repository
        self.key = key
        self._name = name

    @property
    def title(self) -> str:
        return f"{self._name} — {self.repository.address.display}"

    @property
    def location(self) -> str:
        """The repository's address (never with a password) and the project's key: enough to find
        the project again, for a recovery file."""
        return f"{self.repository.address.display}#{self.key}"

    def save(self, changes: ProjectChanges) -> Mapping[str, StoredScenario]:
        """Only the scenarios that changed, each over the version it was loaded at (see
        storage.repository: a conflict writes nothing)."""
        writes = [ScenarioWrite(state.scenario, state.base) for state in changes.scenarios if state.changed]
        if not writes and not changes.deleted:
            return {}
        return self.repository.save(self.key, writes, changes.deleted)

    def fetch(self, name: str) -> tuple[Scenario, StoredScenario] | None:
        """The scenario as stored now, checked as on opening; None if nobody has one of that name."""
        project, stored = self.repository.load(self.key)
        scenario = project.scenario(name)
        if scenario is None:
            return None
        checked = checked_project(Project(project.organisation, (scenario,)), _source(self.repository, self._name))
        return checked.scenarios[0], stored[name]


def open_shared(repository: Repository, key: str) -> Document:
    """The project `key` as a document. RepositoryError when the repository cannot give it;
    app.opening.InputError when a scenario in it fails the checks every project passes."""
    project, stored = repository.load(key)
    name = project.organisation.name
    project = checked_project(project, _source(repository, name))
    return Document(project, store=SharedStore(repository, key, name), stored=stored)


def create_shared(repository: Repository, project: Project) -> Document:
    """A new project in the repository (an empty one, or a file's brought in), as a document."""
    key, stored = repository.create_project(project)
    return Document(project, store=SharedStore(repository, key, project.organisation.name), stored=stored)


def _source(repository: Repository, name: str) -> str:
    return f"{repository.address.display}, project {name!r}"


def take_theirs(document: Document, store: SharedStore, name: str) -> bool:
    """The stored version of `name` replaces the document's; False, with nothing changed, when there
    is none any more (deleted or renamed by someone else)."""
    theirs = store.fetch(name)
    if theirs is None:
        return False
    document.take_stored(*theirs)
    return True


def keep_mine(document: Document, store: SharedStore, name: str, new_name: str) -> str:
    """The document's version of `name` becomes a new scenario `new_name`, and the stored version of
    `name`, if any, comes in beside it: the next save adds the user's work without touching theirs.
    Returns the new name (document.ProjectEditError when it is empty or taken)."""
    theirs = store.fetch(name)  # first: if the server is away, the document is left as it was
    new_name = document.keep_as_new(name, new_name)
    if theirs is not None:
        document.take_stored(*theirs)
    return new_name
