"""An open project as the window sees it: the project, the chart being edited, its undo stack, the
file it came from, and whether there is unsaved work. Qt-free, so every behaviour here is tested
without a window.

Each scenario gets its own chart and undo stack, made the first time the user opens it, so that
switching scenarios neither loses nor mixes anyone's undo history.

Adding, duplicating, renaming, importing and deleting scenarios are project-level changes, kept off
the undo stacks: a stack belongs to one scenario and its commands hold that scenario's chart, so a
scenario's creation or deletion cannot be a step in any scenario's history, and a third, project
stack would let the user undo a deletion from the middle of an unrelated edit history. They mark
the project modified until it is saved instead.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from orgdesigner.app.files import write_text_safely
from orgdesigner.app.opening import InputError, is_project_file, open_project
from orgdesigner.app.stores import FileStore, ProjectChanges, ProjectStore, ScenarioState
from orgdesigner.collector import collection_paused
from orgdesigner.commands.base import CommandStack
from orgdesigner.compare.scenario_diff import ScenarioDiff, compare_scenarios
from orgdesigner.io.scenario_json import (
    DocumentError,
    read_scenario_data,
    read_scenario_file,
    read_scenario_text,
    scenario_to_data,
    scenario_to_json,
)
from orgdesigner.layout.chart_layout import layout_chart
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Organisation, Project, Scenario
from orgdesigner.model.events import Signal
from orgdesigner.model.labels import Label
from orgdesigner.rules.engine import LiveReport, Report
from orgdesigner.storage.repository import StoredScenario

_SCENARIO_NAME = Label("Le nom du scénario", "The scenario's name")
_ORGANISATION_NAME = Label("Le nom de l'organisation", "The organisation's name")


class ProjectEditError(ValueError):
    """A project-level change the document refuses, said in both languages so that the window can
    show it as it is; `str()` gives the English text, for logs and tracebacks."""

    def __init__(self, label: Label) -> None:
        self.label = label
        super().__init__(label.en)


@dataclass(frozen=True, slots=True)
class _Editing:
    chart: Chart
    stack: CommandStack
    live: LiveReport


@dataclass(eq=False, slots=True)
class _Entry:
    """One scenario of the project. `name` is the document's, which a rename changes: an opened
    chart keeps the name it was opened with, since a chart's name is not something its commands
    edit. `initial` is the scenario as the document received it, used until it is opened."""

    name: str
    initial: Scenario
    editing: _Editing | None = None
    base: StoredScenario | None = None  # the row of a shared repository it was loaded as or saved to

    def now(self) -> Scenario:
        scenario = self.initial if self.editing is None else self.editing.chart.to_scenario()
        return dataclasses.replace(scenario, name=self.name)

    def changed(self) -> bool:
        """Edited, renamed or added since it was loaded or saved: what a repository must write."""
        return (self.base is None or self.base.name != self.name
                or (self.editing is not None and not self.editing.stack.is_clean))


class Document:
    def __init__(self, project: Project, path: Path | None = None, *, unsaved_edits: int = 0,
                 store: ProjectStore | None = None, stored: Mapping[str, StoredScenario] | None = None) -> None:
        """`unsaved_edits`: for a project restored from a recovery file, the edits it holds that its
        file lacks; the document starts modified then, so that closing it asks before losing them.
        `store`: where the project is kept when it is not the file `path` (a shared repository), and
        `stored` the rows its scenarios were loaded as there."""
        if not project.scenarios:
            raise ValueError("a document needs at least one scenario")
        self._organisation = project.organisation
        self._entries = [_Entry(s.name, s, base=(stored or {}).get(s.name)) for s in project.scenarios]
        self._store: ProjectStore | None = FileStore(path) if path is not None else store
        self._deleted: list[StoredScenario] = []  # stored scenarios deleted here since the last save
        self._restructured = unsaved_edits > 0
        self._edits = unsaved_edits
        self._edits_at_save = 0
        self._saving = False
        self._current = self._entries[0]
        self.changed: Signal[Document] = Signal()
        self._editing(self._current)

    @classmethod
    def open(cls, path: Path, on_backup: Callable[[Path], None] | None = None) -> Document:
        """Raises app.opening.InputError, with every problem named, for a file that cannot be used.
        `on_backup` is told where the copy of an older project went before it was upgraded."""
        with collection_paused():  # its first chart built too (collector.py)
            return cls(open_project(path, on_backup), path)

    @classmethod
    def new(cls, organisation_name: str, scenario_name: str = "Existant") -> Document:
        """A blank project with one empty scenario and no file yet; not modified, since closing it
        loses nothing. Raises ProjectEditError for an empty name."""
        organisation = _clean_name(organisation_name, _ORGANISATION_NAME)
        scenario = _clean_name(scenario_name, _SCENARIO_NAME)
        return cls(Project(Organisation(organisation), (Scenario(scenario),)))

    # Reading -------------------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The project file, when the project is kept in one."""
        return self._store.path if isinstance(self._store, FileStore) else None

    @property
    def store(self) -> ProjectStore | None:
        """Where the project is kept: its file, a shared repository, or nowhere yet."""
        return self._store

    @property
    def organisation_name(self) -> str:
        return self._organisation.name

    @property
    def scenario_names(self) -> tuple[str, ...]:
        return tuple(entry.name for entry in self._entries)

    @property
    def current_scenario(self) -> str:
        return self._current.name

    @property
    def chart(self) -> Chart:
        return self._editing(self._current).chart

    @property
    def stack(self) -> CommandStack:
        return self._editing(self._current).stack

    @property
    def is_modified(self) -> bool:
        return self._restructured or any(
            entry.editing is not None and not entry.editing.stack.is_clean for entry in self._entries
        )

    @property
    def edit_count(self) -> int:
        """Every edit since the document was made, in any scenario (commands done, undone or redone,
        and project-level changes); never goes down, so that the recovery file can tell how many edits
        it has missed."""
        return self._edits

    @property
    def unsaved_edits(self) -> int:
        """The edits since the last save (or since opening): what a crash would lose."""
        return self._edits - self._edits_at_save

    def validate(self) -> Report:
        """The current scenario's report, computed again only for what an edit touched (moving cards
        touches nothing): the window asks after every step, drags included."""
        entry = self._current
        report = self._editing(entry).live.report()
        if report.scenario != entry.name:  # renamed since: the chart still has its old name
            report = dataclasses.replace(report, scenario=entry.name)
        return report

    def compare(self, before: str, after: str) -> ScenarioDiff:
        """The two scenarios as they stand, unsaved edits included; an opened scenario brings the
        report its LiveReport keeps, the others are validated here. KeyError for an unknown name."""
        sides = [self._entry(before), self._entry(after)]
        reports = [entry.editing.live.report() if entry.editing is not None else None for entry in sides]
        return compare_scenarios(sides[0].now(), sides[1].now(), reports[0], reports[1])

    def to_project(self) -> Project:
        """The project as it stands now, every opened scenario with its edits, in the user's order."""
        return Project(self._organisation, tuple(entry.now() for entry in self._entries))

    def free_name(self, wanted: str) -> str:
        """`wanted` itself when no scenario bears it, else the first of "wanted (2)", "wanted (3)"…
        that is free: a name to suggest, or to give an imported scenario whose name is taken."""
        wanted = wanted.strip()
        candidate, number = wanted, 2
        while self._clashes(candidate, None):
            candidate, number = f"{wanted} ({number})", number + 1
        return candidate

    # Acting ----------------------------------------------------------------------------------------

    def switch_to(self, name: str) -> None:
        entry = self._entry(name)
        if entry is not self._current:
            self._current = entry
            self._editing(entry)
            self.changed.emit(self)

    def save(self, path: Path | None = None) -> None:
        """Writes the project to its store, or to the file `path`, which becomes its store (Save as,
        from a shared repository too), and marks every scenario saved. Raises what the store raises
        (storage.ProjectFileError; a repository's RepositoryError, ScenarioConflict among them), with
        nothing marked saved and the work kept in memory. A file is kept safe by storage (the old one
        stays until the new one is whole); a repository writes all or nothing."""
        store = self._store if path is None else FileStore(path)
        if store is None:
            raise ValueError("a new document needs a file name to be saved")
        saved = store.save(ProjectChanges(
            self._organisation,
            tuple(ScenarioState(entry.now(), entry.base, entry.changed()) for entry in self._entries),
            tuple(self._deleted)))
        self._store = store
        for entry in self._entries:
            entry.base = saved.get(entry.name, entry.base)
        self._deleted.clear()
        self._saving = True  # marking the stacks saved is no edit
        try:
            for entry in self._entries:
                if entry.editing is not None:
                    entry.editing.stack.set_clean()
        finally:
            self._saving = False
        self._restructured = False
        self._edits_at_save = self._edits
        self.changed.emit(self)

    def add_scenario(self, name: str) -> str:
        """Appends an empty scenario and returns its name as stored (without surrounding spaces).
        Raises ProjectEditError for an empty or taken name. Does not switch to it."""
        name = self._new_name(name, None)
        self._insert(len(self._entries), Scenario(name))
        return name

    def duplicate_scenario(self, source: str, name: str) -> str:
        """Places a copy of `source` as it stands now (unsaved edits, coordinates, agencies,
        parameters) just after it, with an undo history of its own, empty: the copy's starting point
        is not an edit of the copy. Entities are immutable, so sharing them is a deep copy. Returns
        the new name; raises ProjectEditError for an empty or taken name, KeyError for no `source`."""
        original = self._entry(source)
        name = self._new_name(name, None)
        self._insert(self._entries.index(original) + 1, dataclasses.replace(original.now(), name=name))
        return name

    def rename_scenario(self, old: str, new: str) -> str:
        """Renames in place, keeping the scenario's chart, undo history and place in the list.
        Returns the new name; raises ProjectEditError for an empty or taken name, KeyError for no
        `old`. A change of case only is a rename too."""
        entry = self._entry(old)
        new = self._new_name(new, entry)
        if new != entry.name:
            entry.name = new
            self._project_edited()
        return new

    def delete_scenario(self, name: str) -> None:
        """Removes a scenario with its undo history. Deleting the current one makes its neighbour
        current (the next, else the previous), so that the window always has a chart to show.
        Raises ProjectEditError for the last scenario (a project always has one), KeyError for no
        `name`."""
        entry = self._entry(name)
        if len(self._entries) == 1:
            raise ProjectEditError(Label(
                f"Impossible de supprimer « {name} » : c'est le seul scénario du projet.",
                f"Cannot delete “{name}”: it is the project's only scenario."))
        index = self._entries.index(entry)
        del self._entries[index]
        if entry is self._current:
            self._current = self._entries[min(index, len(self._entries) - 1)]
            self._editing(self._current)
        if entry.base is not None:
            self._deleted.append(entry.base)
        self._project_edited()

    def keep_as_new(self, name: str, new_name: str) -> str:
        """After a save conflict, the user's version of `name` under `new_name`, as a scenario its
        store has never held, so that the next save adds it beside the other person's version instead
        of overwriting it. Keeps its chart and undo history. Returns the new name; ProjectEditError
        for an empty or taken name, KeyError for no `name`."""
        entry = self._entry(name)
        entry.name = self._new_name(new_name, entry)
        entry.base = None
        self._project_edited()
        return entry.name

    def take_stored(self, scenario: Scenario, base: StoredScenario) -> None:
        """After a save conflict, the other person's version: the scenario of that name becomes
        `scenario` as stored, with no undo history (the edits made to it here are gone), or comes back
        at the end if it was deleted here. The next save leaves it alone."""
        fresh = _Entry(scenario.name, scenario, base=base)
        found = next((entry for entry in self._entries if entry.name == scenario.name), None)
        if found is None:
            self._entries.append(fresh)
            self._deleted = [gone for gone in self._deleted if gone.name != scenario.name]
        else:
            self._entries[self._entries.index(found)] = fresh
            if found is self._current:
                self._current = fresh
                self._editing(fresh)
        self._edits += 1
        self.changed.emit(self)

    def import_scenario(self, source: Path | str) -> str:
        """Appends the scenario of a scenario JSON: a Path is read as a file, a str is the document's
        text. The document is read strictly (interchange.md) and refused whole, leaving the project
        unchanged, with InputError naming the source and every problem. A taken name gets a suffix
        rather than a refusal ("Cible (2)"): an export re-imported beside its original is the common
        case. The document's organisation is ignored: the project keeps its own. Returns the name."""
        try:
            if isinstance(source, Path):
                if is_project_file(source):
                    raise InputError([f"{source}: a project file, not a scenario JSON: open it instead"])
                document = read_scenario_file(source)
            else:
                document = read_scenario_text(source, "<text>")
        except DocumentError as exc:
            raise InputError([f"{exc.source}: {problem}" for problem in exc.problems]) from exc
        name = self.free_name(document.scenario.name)
        self._insert(len(self._entries), dataclasses.replace(document.scenario, name=name))
        return name

    def add_imported_scenario(self, scenario: Scenario) -> str:
        """Appends a scenario built from an HR extract, under its own name, which the user has just
        chosen: a taken or empty one is refused (ProjectEditError) rather than changed behind their
        back. Laid out when first opened, like an imported JSON. Returns the name as stored."""
        name = self._new_name(scenario.name, None)
        try:  # the checks every saved project passes on opening: a wrong build is refused here
            read_scenario_data(scenario_to_data(self._organisation, scenario))
        except DocumentError as exc:
            raise ProjectEditError(Label(
                "Erreur interne : l'extrait n'a pas été importé (" + "; ".join(map(str, exc.problems)) + ")",
                "Internal error: the extract was not imported (" + "; ".join(map(str, exc.problems)) + ")")) from exc
        self._insert(len(self._entries), dataclasses.replace(scenario, name=name))
        return name

    def export_scenario(self, name: str, path: Path) -> None:
        """Writes one scenario, as it stands now, as the canonical JSON of interchange.md, replacing
        `path` only once the new file is whole. Raises OSError with `path` untouched, KeyError for no
        `name`. Exporting is not a change to the project: it stays as modified as it was."""
        write_text_safely(path, scenario_to_json(self._organisation, self._entry(name).now()))

    # Internals -------------------------------------------------------------------------------------

    def _entry(self, name: str) -> _Entry:
        """Unknown names are the caller's mistake (the window only offers existing ones): KeyError,
        as for a dict, rather than a message for the user."""
        found = next((entry for entry in self._entries if entry.name == name), None)
        if found is None:
            raise KeyError(name)
        return found

    def _clashes(self, name: str, renamed: _Entry | None) -> bool:
        """Names differing only by case clash: side by side in a list they would read as one."""
        folded = name.casefold()
        return any(entry.name.casefold() == folded for entry in self._entries if entry is not renamed)

    def _new_name(self, name: str, renamed: _Entry | None) -> str:
        name = _clean_name(name, _SCENARIO_NAME)
        if self._clashes(name, renamed):
            raise ProjectEditError(Label(f"Un scénario s'appelle déjà « {name} ». Choisissez un autre nom.",
                                         f"A scenario is already named “{name}”. Choose another name."))
        return name

    def _insert(self, index: int, scenario: Scenario) -> None:
        self._entries.insert(index, _Entry(scenario.name, scenario))
        self._project_edited()

    def _editing(self, entry: _Entry) -> _Editing:
        if entry.editing is not None:
            return entry.editing
        chart = Chart(entry.initial)
        if any(chart.position_xy(p.id) is None for p in chart.positions()):
            # A scenario from a JSON or an HR extract may have no coordinates: lay it out once, as
            # part of opening it, not as an undoable edit (and keep any coordinates it has).
            for position_id, xy in layout_chart(chart).items():
                if chart.position_xy(position_id) is None:
                    chart.set_position_xy(position_id, xy)
        stack = CommandStack()
        stack.changed.connect(self._stack_changed)
        entry.editing = _Editing(chart, stack, LiveReport(chart))
        return entry.editing

    def _stack_changed(self, _stack: CommandStack) -> None:
        if not self._saving:
            self._edits += 1
        self.changed.emit(self)

    def _project_edited(self) -> None:
        """A project-level change: kept off the undo stacks (see the module's docstring), so only this
        flag says it is unsaved."""
        self._restructured = True
        self._edits += 1
        self.changed.emit(self)


def _clean_name(name: str, what: Label) -> str:
    """The name without surrounding spaces; refused when empty or on several lines, since a list, a
    window title and a file name each show it on one line."""
    name = name.strip()
    if not name:
        raise ProjectEditError(Label(f"{what.fr} ne peut pas être vide.", f"{what.en} cannot be empty."))
    if any(unicodedata.category(character) == "Cc" for character in name):
        raise ProjectEditError(Label(f"{what.fr} doit tenir sur une ligne, sans tabulation.",
                                     f"{what.en} must fit on one line, without tabs."))
    return name
