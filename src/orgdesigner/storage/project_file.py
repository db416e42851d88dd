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
import secrets
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from orgdesigner.model.entities import Organisation, Project, Scenario
from orgdesigner.storage.database import APPLICATION_ID, head_revision, known_revisions, migrate, open_engine
from orgdesigner.storage.rows import DamagedProject, UnsavableProject, project_rows, read_project

SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database
_DAMAGED = "the file is damaged (truncated or corrupt)"


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
                with Session(engine) as session, session.begin():
                    for table, rows in tables:
                        if rows:
                            session.execute(insert(table), rows)
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


def load_project(path: Path) -> Project:
    """Opens a project. A file from an older OrgDesigner is upgraded in place first; a file at this
    version's format is only read."""
    if _revision(path) != head_revision():
        engine = open_engine(path)
        try:
            with _user_errors(f"Cannot upgrade {path} to this version of OrgDesigner"):
                migrate(engine)
        finally:
            engine.dispose()
    engine = open_engine(path, read_only=True)
    try:
        with _user_errors(f"Cannot open {path}"), engine.connect() as connection:
            try:
                return read_project(connection)
            except (TypeError, ValueError, KeyError) as exc:  # a value of the wrong shape, edited by hand
                raise DamagedProject("a stored value has the wrong form") from exc
    finally:
        engine.dispose()


def add_scenario(path: Path, organisation: Organisation, scenario: Scenario) -> None:
    """Adds a scenario to the project at `path`, creating the project if there is none; an existing
    project keeps its own organisation."""
    if not path.exists():
        save_project(path, Project(organisation, (scenario,)))
        return
    project = load_project(path)
    if project.scenario(scenario.name) is not None:
        raise ProjectFileError(f"Cannot add the scenario {scenario.name!r} to {path}: "
                               "the project already has a scenario of that name.")
    save_project(path, dataclasses.replace(project, scenarios=(*project.scenarios, scenario)))


def _revision(path: Path) -> str:
    """The file's schema revision, after checking read-only that it is one of our projects."""
    def refuse(reason: str) -> ProjectFileError:
        return ProjectFileError(f"Cannot open {path}: {reason}.")

    with _user_errors(f"Cannot open {path}"):
        try:
            with path.open("rb") as file:
                header, size = file.read(100), os.fstat(file.fileno()).st_size
        except FileNotFoundError:
            raise refuse("there is no such file") from None
        except IsADirectoryError:
            raise refuse("it is a folder, not a project file") from None
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
    except json.JSONDecodeError as exc:
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
