"""Recovery files: the open project's unsaved work, written to the user's data folder now and then,
so that a crash, a killed process or a power cut loses at most a minute or twenty edits.

Each running instance has one entry, named by its process id and a random token: a project file
(written by storage.save_project, so a crash while writing leaves the previous entry whole) and a
small JSON sidecar beside it saying what it holds, for the dialog that offers it at the next start.
An entry is offered only once the instance that wrote it is gone: on this machine, when its process
no longer runs; from another machine (a roaming profile), always, since its process cannot be seen.
A clean close, a save, or undoing back to the saved state removes the entry: there is nothing left
to recover then.

The writes the edits and the timer ask for may run on a thread of their own (the window's do): writing
a 50,000-position project takes seconds, which every twentieth edit must not freeze. What is written
is a snapshot taken at once (immutable values), so the user edits on meanwhile.
"""

from __future__ import annotations

import datetime
import json
import os
import secrets
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from orgdesigner.app import instance
from orgdesigner.app.document import Document
from orgdesigner.app.files import write_text_safely
from orgdesigner.app.opening import open_project
from orgdesigner.storage import remove_stale_temporaries, save_project

EDITS_BETWEEN_WRITES = 20
SECONDS_BETWEEN_WRITES = 60
_FORMAT = 1

SourceKind = Literal["file", "new", "repository"]


def recovery_folder() -> Path:
    """Where recovery entries go: the platform's folder for an application's own data, never the
    project's folder (which may be read-only, full, or shared with colleagues)."""
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else home / "AppData" / "Local") / "OrgDesigner" / "recovery"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "OrgDesigner" / "recovery"
    data = os.environ.get("XDG_DATA_HOME", "")
    base = Path(data) if data and Path(data).is_absolute() else home / ".local" / "share"  # the XDG spec's rule
    return base / "orgdesigner" / "recovery"


@dataclass(frozen=True, slots=True)
class RecoverySource:
    """Where the recovered work belongs: a project file (`location` is its path), a shared repository
    (`location` is its address, as the repository code names it), or a new project never saved."""

    kind: SourceKind
    location: str | None = None

    @classmethod
    def of(cls, document: Document) -> RecoverySource:
        """Where the document is kept: its file, else its store (a shared repository, by the name its
        title gives it, which never holds a password), else nowhere yet."""
        if document.path is not None:
            return cls("file", str(document.path))
        if document.store is not None:
            return cls("repository", document.store.title)
        return cls("new")


@dataclass(frozen=True, slots=True)
class ScenarioSummary:
    name: str
    positions: int


@dataclass(frozen=True, slots=True)
class RecoveryEntry:
    """One recovery entry as its sidecar describes it."""

    project_file: Path
    source: RecoverySource
    saved_at: datetime.datetime
    pid: int
    host: str
    user: str
    organisation: str
    current_scenario: str
    scenarios: tuple[ScenarioSummary, ...]
    unsaved_edits: int

    @property
    def sidecar(self) -> Path:
        return self.project_file.with_suffix(".json")


class RecoveryFile:
    """This instance's entry, following the document the window shows.

    Qt-free: the window calls `after_change` on every change of the document (which writes once
    EDITS_BETWEEN_WRITES edits have gone unwritten, and removes the entry once nothing is unsaved)
    and `write_if_needed` from a timer every SECONDS_BETWEEN_WRITES. Writing raises OSError or
    storage.ProjectFileError, for the window to say; the document is never touched. `in_background`:
    those two start the write on a thread and return; its failure is raised by the next call of
    either (or by `wait`), a write still running makes them wait for a later turn, and `write` and
    `discard` first let it finish, so that nothing is written after the entry was removed."""

    def __init__(self, folder: Path | None = None, *, in_background: bool = False) -> None:
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="recovery") if in_background else None
        self._pending: Future[None] | None = None
        self._folder = folder if folder is not None else recovery_folder()
        name = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._project_file = self._folder / f"{name}.orgd"
        self._document: Document | None = None
        self._source: RecoverySource | None = None
        self._written_at = 0  # the document's edit_count at the last write (or when followed)
        self._tried_at = 0  # ... at the last attempt: after a failure (a full disk), wait for 20 more
        self._exists = False

    @property
    def project_file(self) -> Path:
        return self._project_file

    @property
    def exists(self) -> bool:
        return self._exists

    def follow(self, document: Document, source: RecoverySource | None = None) -> None:
        """Switches to another document, removing the entry of the previous one: the window replaces
        a document only once its work is saved or the user chose to discard it. `source`: where the
        work belongs, when the document's own store does not say it well enough; None follows the
        document's store (RecoverySource.of), which a Save As changes."""
        if document is not self._document:
            self.discard()
        self._document = document
        self._source = source
        self._written_at = self._tried_at = document.edit_count

    def edits_unwritten(self) -> int:
        return 0 if self._document is None else self._document.edit_count - self._written_at

    def needs_writing(self) -> bool:
        return self._document is not None and self._document.is_modified and self.edits_unwritten() > 0

    def after_change(self) -> bool:
        """Removes the entry once the document is saved (or undone back to its saved state), writes
        it once enough edits have gone unwritten. True when it wrote."""
        if self._document is None:
            return False
        if not self._document.is_modified:
            if self._exists:
                self.discard()
            self._written_at = self._tried_at = self._document.edit_count
            return False
        if self._document.edit_count - self._tried_at >= EDITS_BETWEEN_WRITES:
            return self._write_soon()
        return False

    def write_if_needed(self) -> bool:
        """The timer's call: writes when some edit has not been written. True when it wrote (or
        started to)."""
        if not self.needs_writing():
            return False
        return self._write_soon()

    def write(self) -> None:
        """Writes the entry now, whatever was written before: the project first, then its sidecar, so
        that a sidecar never describes a project file that is not there yet."""
        self._settle(raising=False)
        job = self._snapshot()
        if job is not None:
            job()

    def wait(self) -> None:
        """Until a write started on the thread is done; raises its failure."""
        self._settle(raising=True)

    def _write_soon(self) -> bool:
        if self._pending is not None and not self._pending.done():
            return False  # the write under way has most of the edits; the next turn writes the rest
        self._settle(raising=True)
        job = self._snapshot()
        if job is None:
            return False
        if self._worker is None:
            job()
        else:
            self._pending = self._worker.submit(job)
        return True

    def _settle(self, *, raising: bool) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            failure = pending.exception()
            if failure is not None and raising:
                raise failure

    def _snapshot(self) -> Callable[[], None] | None:
        """What a write will store, taken now: the project (immutable values), its sidecar, the edit
        count they hold; and the job that stores them."""
        document = self._document
        if document is None:
            return None
        self._tried_at = edit_count = document.edit_count
        project = document.to_project()  # references to the positions: no collection to hold off
        self._folder.mkdir(parents=True, exist_ok=True)
        self._exists = True  # from here on something of the entry may be on disk, for discard to remove
        source = self._source or RecoverySource.of(document)
        sidecar = {
            "format": _FORMAT,
            "source_kind": source.kind,
            "source": source.location,
            "saved_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "host": instance.host_name(),
            "user": instance.user_name(),
            "organisation": project.organisation.name,
            "current_scenario": document.current_scenario,
            "scenarios": [{"name": s.name, "positions": len(s.positions)} for s in project.scenarios],
            "unsaved_edits": document.unsaved_edits,
        }
        sidecar_text = json.dumps(sidecar, ensure_ascii=False, indent=1) + "\n"

        def store() -> None:
            save_project(self._project_file, project)
            write_text_safely(self._project_file.with_suffix(".json"), sidecar_text)
            self._written_at = edit_count

        return store

    def discard(self) -> None:
        """Removes the entry (a clean close, a save, another document), once a write under way is
        done. Never raises: an entry left behind is offered at the next start, which is the safe side."""
        self._settle(raising=False)
        for path in (self._project_file.with_suffix(".json"), self._project_file):
            with suppress(OSError):
                path.unlink(missing_ok=True)
        self._exists = False


def recoverable(folder: Path | None = None) -> list[RecoveryEntry]:
    """The entries whose instance is gone, the most recent first. A sidecar that cannot be read, or
    whose project file is missing, is not offered (and left alone). Old temporary files of saves
    killed half-way are removed on the way."""
    folder = folder if folder is not None else recovery_folder()
    try:
        sidecars = sorted(folder.glob("*.json"))
    except OSError:
        return []
    remove_stale_temporaries(folder)  # an entry's name is never saved again, so no save would remove them
    entries = []
    for sidecar in sidecars:
        entry = _read_entry(sidecar)
        if entry is None or not entry.project_file.is_file():
            continue
        gone = entry.host != instance.host_name() or (entry.pid != os.getpid() and not instance.is_running(entry.pid))
        if gone:
            entries.append(entry)
    return sorted(entries, key=lambda entry: entry.saved_at, reverse=True)


def restore(entry: RecoveryEntry) -> Document:
    """The entry's project as a document: modified (nothing of it is saved), on its original file
    when it came from one, so that Save writes there; on the scenario the user was on. The project
    passes the checks of any opened project; app.opening.InputError says why it cannot be used."""
    project = open_project(entry.project_file, _forget_backup)
    path = Path(entry.source.location) if entry.source.kind == "file" and entry.source.location else None
    document = Document(project, path, unsaved_edits=max(entry.unsaved_edits, 1))
    if entry.current_scenario in document.scenario_names:
        document.switch_to(entry.current_scenario)
    return document


def discard(entry: RecoveryEntry) -> None:
    """Removes an entry the user no longer wants (or has just recovered). Raises OSError."""
    entry.sidecar.unlink(missing_ok=True)
    entry.project_file.unlink(missing_ok=True)


def _forget_backup(backup: Path) -> None:
    """An entry written by an older OrgDesigner is upgraded like any project, but the copy of it as
    it was serves nobody: the entry is this program's own, and goes once recovered."""
    with suppress(OSError):
        backup.unlink()


def _read_entry(sidecar: Path) -> RecoveryEntry | None:
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            return None
        kind = data["source_kind"]
        location = data["source"]
        if kind not in get_args(SourceKind) or not (location is None or isinstance(location, str)):
            return None
        saved_at = datetime.datetime.fromisoformat(data["saved_at"])
        scenarios = tuple(ScenarioSummary(str(s["name"]), int(s["positions"])) for s in data["scenarios"])
        return RecoveryEntry(
            project_file=sidecar.with_suffix(".orgd"), source=RecoverySource(kind, location),
            saved_at=saved_at if saved_at.tzinfo is not None else saved_at.astimezone(), pid=int(data["pid"]),
            host=str(data["host"]), user=str(data["user"]), organisation=str(data["organisation"]),
            current_scenario=str(data["current_scenario"]), scenarios=scenarios,
            unsaved_edits=int(data["unsaved_edits"]))
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError):
        return None
