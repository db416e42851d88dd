"""The project file: one organisation and its scenarios, in a SQLite database.

Saving never writes into the user's file: the whole project goes into a new file beside it, which
replaces the old one only once it is complete and on disk, so a failure at any point (a full disk,
a crash) leaves the previous version whole. Loading looks before it touches: everything that could
make us refuse a file is checked read-only, so a file we refuse is left byte-for-byte as it was.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import re
import secrets
import shutil
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.exc import DBAPIError

from orgdesigner.collector import collection_paused
from orgdesigner.model.entities import Organisation, Project, Scenario
from orgdesigner.storage.base import Base
from orgdesigner.storage.database import APPLICATION_ID, head_revision, known_revisions, migrate, open_engine
from orgdesigner.storage.rows import DamagedProject, UnsavableProject, project_rows, read_project

SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database
_DAMAGED = "the file is damaged (truncated or corrupt)"
STALE_TEMPORARY_SECONDS = 3600.0  # a temporary file beside a project left alone this long is a dead save's


class ProjectFileError(Exception):
    """A project file that cannot be read or written. The message is for the user: it names the
    file and says what is wrong, in words, with no traceback."""


def save_project(path: Path, project: Project) -> None:
    """Writes the whole project to `path`, replacing any file there only once the new one is safe."""
    with _user_errors(f"Cannot save {path}"):
        tables = list(project_rows(project))  # first, so that a project we refuse never touches the disk
        temporary = _create_beside(path)
        try:
            engine = open_engine(temporary)
            try:
                migrate(engine)
                with engine.begin() as connection:
                    for table, rows in tables:
                        if rows:  # Core's executemany: the ORM's bulk insert spends twice as long per row
                            connection.execute(insert(Base.metadata.tables[table.__tablename__]), rows)
            finally:
                engine.dispose()
            _sync(temporary)
            with suppress(FileNotFoundError):
                os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
            os.replace(temporary, path)
        except BaseException:
            for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
                with suppress(OSError):  # the original error is the one worth reporting
                    leftover.unlink(missing_ok=True)
            raise
    _sync_folder(path.parent)
    remove_stale_temporaries(path.parent, path.name)


def load_project(path: Path, *, on_backup: Callable[[Path], None] | None = None) -> Project:
    """Opens a project. A file at this version's format is only read. A file from an older
    OrgDesigner is copied beside itself first, then upgraded in place: the upgrade is one transaction,
    but the copy is what lets the user go back to the older program. `on_backup` is told the copy's
    path once the upgrade has succeeded, so that the window or the command line can say where it is."""
    revision = _revision(path)
    if revision != head_revision():
        with _user_errors(f"Cannot back up {path} before upgrading it to this version of OrgDesigner"):
            backup = _back_up(path, revision)
        engine = open_engine(path)
        try:
            with _user_errors(f"Cannot upgrade {path} to this version of OrgDesigner"):
                migrate(engine)
        except ProjectFileError:
            with suppress(OSError):
                backup.unlink(missing_ok=True)  # the file kept its old format: the copy is only clutter
            raise
        finally:
            engine.dispose()
        if on_backup is not None:
            on_backup(backup)
    engine = open_engine(path, read_only=True)
    try:
        with _user_errors(f"Cannot open {path}"), engine.connect() as connection, collection_paused():
            try:
                return read_project(connection)
            except DamagedProject:  # a ValueError too, but one that says what is wrong: kept as it is
                raise
            except (TypeError, ValueError, KeyError, RecursionError) as exc:  # a value of the wrong shape or
                raise DamagedProject("a stored value has the wrong form") from exc  # JSON nested 10,000 deep
    finally:
        engine.dispose()


def add_scenario(path: Path, organisation: Organisation, scenario: Scenario, *,
                 on_backup: Callable[[Path], None] | None = None) -> None:
    """Adds a scenario to the project at `path`, creating the project if there is none; an existing
    project keeps its own organisation. `on_backup` as for load_project."""
    if not path.exists():
        save_project(path, Project(organisation, (scenario,)))
        return
    project = load_project(path, on_backup=on_backup)
    if project.scenario(scenario.name) is not None:
        raise ProjectFileError(f"Cannot add the scenario {scenario.name!r} to {path}: "
                               "the project already has a scenario of that name.")
    save_project(path, dataclasses.replace(project, scenarios=(*project.scenarios, scenario)))


def _revision(path: Path) -> str:
    """The file's schema revision, after checking read-only that it is one of our projects."""
    def refuse(reason: str) -> ProjectFileError:
        return ProjectFileError(f"Cannot open {path}: {reason}.")

    def read_header() -> tuple[bytes, int]:
        with _user_errors(f"Cannot open {path}"):
            try:
                with path.open("rb") as file:
                    return file.read(100), os.fstat(file.fileno()).st_size
            except FileNotFoundError:
                raise refuse("there is no such file") from None
            except IsADirectoryError:
                raise refuse("it is a folder, not a project file") from None

    header, size = read_header()
    if (header.startswith(SQLITE_HEADER) and int.from_bytes(header[68:72], "big") == APPLICATION_ID
            and path.with_name(path.name + "-journal").exists()):
        with _user_errors(f"Cannot open {path}"):
            _roll_back_interrupted_upgrade(path)
        header, size = read_header()
    if not header:
        raise refuse("the file is empty")
    if not header.startswith(SQLITE_HEADER):
        raise refuse("it is not an OrgDesigner project file")
    if len(header) < 100 or size < _expected_size(header):
        raise refuse(_DAMAGED)
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise refuse("it is a SQLite database, but not an OrgDesigner project")
    engine = open_engine(path, read_only=True)
    try:
        with _user_errors(f"Cannot open {path}"), engine.connect() as connection:
            marked = connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").first()
            versions = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all() \
                if marked else []
    finally:
        engine.dispose()
    if not marked:
        raise refuse("it is a SQLite database, but not an OrgDesigner project")
    if len(versions) != 1:
        raise refuse(_DAMAGED)
    if versions[0] not in known_revisions():
        raise refuse(f"it was written by a newer version of OrgDesigner (file format {versions[0]}); "
                     "install that version or a later one to open it")
    return str(versions[0])


def _roll_back_interrupted_upgrade(path: Path) -> None:
    """An upgrade killed half-way (the only write we ever make into a project itself) leaves SQLite's
    journal beside the file. SQLite puts the file back as it was before that upgrade at the first
    read-write open, and refuses read-only ones until then: this is that open."""
    engine = open_engine(path)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").all()
    finally:
        engine.dispose()


def _expected_size(header: bytes) -> int:
    """The size the header promises; a shorter file was cut off (SQLite itself would only notice
    when it reached a missing page). The page count is valid only when the two counters agree."""
    if header[24:28] != header[92:96]:
        return 0
    page_size = int.from_bytes(header[16:18], "big")
    return (65536 if page_size == 1 else page_size) * int.from_bytes(header[28:32], "big")


def _create_beside(path: Path) -> Path:
    """An empty new file in the target's folder, so that os.replace stays on one file system."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    return temporary


def remove_stale_temporaries(folder: Path, project_name: str | None = None) -> None:
    """A save killed half-way (a crash, a power cut, a killed process) leaves its temporary file
    beside the project: never read, since it does not bear the project's name, but as large. One that
    nobody has written to for an hour is no save in progress, so it is removed (by the next save of
    the project, and for the recovery folder at each start); a younger one may be another instance's
    save under way and is left alone. `project_name`: only that project's; None: any project's."""
    name = re.escape(project_name) if project_name is not None else ".+"
    leftover = re.compile(rf"\.{name}\.[0-9a-f]{{8}}\.tmp(-journal)?")
    limit = time.time() - STALE_TEMPORARY_SECONDS
    with suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if leftover.fullmatch(entry.name):
                with suppress(OSError):  # gone meanwhile, or not ours to remove: the save succeeded anyway
                    if entry.stat(follow_symlinks=False).st_mtime < limit:
                        os.unlink(entry.path)


def _back_up(path: Path, revision: str) -> Path:
    """A byte-for-byte copy beside the file, on disk before the upgrade touches the original. An
    existing backup is never replaced (it may be the only copy of an even older version): the new one
    takes the next free number."""
    number = 1
    while True:
        suffix = "" if number == 1 else f"-{number}"
        backup = path.with_name(f"{path.name}.avant-migration-{revision}{suffix}.bak")
        try:
            target = backup.open("xb")
        except FileExistsError:
            number += 1
            continue
        try:
            with target, path.open("rb") as source:
                shutil.copyfileobj(source, target)
                target.flush()
                os.fsync(target.fileno())
        except BaseException:
            with suppress(OSError):
                backup.unlink(missing_ok=True)
            raise
        _sync_folder(path.parent)
        return backup


def _sync(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def _sync_folder(folder: Path) -> None:
    """Makes the rename itself durable on POSIX; some file systems refuse to sync a folder, and the
    save has succeeded by then, so that refusal is not an error."""
    if os.name == "posix":
        with suppress(OSError):
            descriptor = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)


@contextmanager
def _user_errors(action: str) -> Iterator[None]:
    """Turns what the file system and SQLite raise into ProjectFileError, phrased for users."""
    try:
        yield
    except (UnsavableProject, DamagedProject) as exc:
        raise ProjectFileError(f"{action}: {exc}.") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:  # the latter: SQLite quoting a corrupt schema
        raise ProjectFileError(f"{action}: {_DAMAGED}.") from exc
    except (OSError, sqlite3.Error, DBAPIError) as exc:
        raise ProjectFileError(f"{action}: {_reason(exc)}.") from exc


def _reason(exc: BaseException) -> str:
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "the disk is full"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return "permission denied"
        if exc.errno == errno.EROFS:
            return "the disk is read-only"
        if exc.errno == errno.ENOENT:
            return "the folder does not exist"
        if isinstance(exc, IsADirectoryError):
            return "it is a folder"
        return exc.strerror or str(exc)
    message = str(exc)
    if "disk is full" in message:
        return "the disk is full"
    if "readonly" in message:
        return "permission denied"
    if "malformed" in message or "not a database" in message:
        return _DAMAGED
    return f"the database reported an error ({message})"
