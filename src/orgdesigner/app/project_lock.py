"""Who has a project open: a small file beside the project (".projet.orgd.lock"), so that a second
instance, on this machine or on another through a shared folder, can say who holds the project and
since when before two people save over each other's work.

The lock is a courtesy, not a guard: a user may open the project anyway, which takes the lock over,
or read-only, which leaves it alone. A lock left by an instance that crashed on this machine is
recognised by its process id and taken over without a word; one from another machine cannot be
checked from here, so it is reported with its age and the user decides.
"""

from __future__ import annotations

import datetime
import json
import os
import secrets
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from orgdesigner.app import instance
from orgdesigner.app.files import write_text_safely

# A lock file with no readable content yet may be one another instance is writing this very moment.
UNREADABLE_GRACE_SECONDS = 10.0
_ATTEMPTS = 3  # two instances replacing the same stale lock: the loser sees the winner's and reports it


def lock_file(project: Path) -> Path:
    """Beside the project, hidden on POSIX, so that it travels with the project's folder when shared."""
    return project.with_name(f".{project.name}.lock")


@dataclass(frozen=True, slots=True)
class LockHolder:
    """The instance a lock names. An unreadable lock file gives a holder with empty user and host,
    dated by the file itself."""

    user: str
    host: str
    pid: int
    since: datetime.datetime
    program: str
    token: str

    @property
    def is_known(self) -> bool:
        return bool(self.host)

    @property
    def on_this_machine(self) -> bool:
        return self.host == instance.host_name()

    def to_json(self) -> str:
        return json.dumps({"user": self.user, "host": self.host, "pid": self.pid,
                           "since": self.since.isoformat(timespec="seconds"), "program": self.program,
                           "token": self.token}, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LockHolder:
        """Raises ValueError for anything but a lock this program writes."""
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a lock file holds a JSON object")
        user, host, pid, since, program, token = (data.get(key) for key in
                                                  ("user", "host", "pid", "since", "program", "token"))
        if not (isinstance(user, str) and isinstance(host, str) and host and isinstance(pid, int)
                and isinstance(since, str) and isinstance(program, str) and isinstance(token, str)):
            raise ValueError("a lock file names user, host, pid, since, program and token")
        when = datetime.datetime.fromisoformat(since)
        if when.tzinfo is None:
            raise ValueError("a lock's date carries its time zone")
        return cls(user, host, pid, when, program, token)


class ProjectLocked(Exception):
    """Another instance holds the project: running on this machine, or on another one, where we
    cannot tell whether it still runs."""

    def __init__(self, project: Path, holder: LockHolder) -> None:
        self.project = project
        self.holder = holder
        super().__init__(f"{project} is open by {holder.user or '?'} on {holder.host or '?'} "
                         f"since {holder.since.astimezone():%Y-%m-%d %H:%M}")


class ProjectLock:
    """This instance's hold on a project, until `release`."""

    def __init__(self, project: Path, holder: LockHolder) -> None:
        self._project = project
        self._holder = holder

    @property
    def project(self) -> Path:
        return self._project

    @property
    def holder(self) -> LockHolder:
        return self._holder

    def is_ours(self) -> bool:
        """False once another instance has opened the project anyway (or the lock file is gone)."""
        current = read_holder(self._project)
        return current is not None and current.token == self._holder.token

    def release(self) -> None:
        """Removes the lock file while it still names this instance: one that took the project over
        keeps its lock. Never raises: a lock that cannot be removed is reported to the next opener
        with its age, and is stale as soon as this process ends."""
        with suppress(OSError):
            if self.is_ours():
                lock_file(self._project).unlink()


def read_holder(project: Path) -> LockHolder | None:
    """Who holds the project, None when nobody does."""
    path = lock_file(project)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        text = ""
    try:
        return LockHolder.from_json(text)
    except ValueError:
        try:
            written = path.stat().st_mtime
        except OSError:
            return None  # removed meanwhile
        return LockHolder("", "", 0, datetime.datetime.fromtimestamp(written).astimezone(), "", "")


def is_stale(holder: LockHolder) -> bool:
    """A lock whose instance is known to be gone: a process of this machine no longer running, one
    of this very process (a window closed without releasing it), or an unreadable file older than a
    write in progress could be. Another machine's lock never is: it may be running."""
    if not holder.is_known:
        return time.time() - holder.since.timestamp() > UNREADABLE_GRACE_SECONDS
    if not holder.on_this_machine:
        return False
    return holder.pid == os.getpid() or not instance.is_running(holder.pid)


def acquire(project: Path, *, take_over: bool = False) -> ProjectLock | None:
    """Takes the project's lock for this instance. Raises ProjectLocked when another instance holds
    it, unless `take_over` ("open anyway"); a stale lock is taken over silently. Returns None when the
    folder takes no lock file (read-only, full): the project opens without one, since the user can
    then be warned of nothing, and a save there would fail with its own message anyway."""
    path = lock_file(project)
    for _attempt in range(_ATTEMPTS):
        since = datetime.datetime.now().astimezone().replace(microsecond=0)
        mine = LockHolder(instance.user_name(), instance.host_name(), os.getpid(), since, instance.program_version(),
                          secrets.token_hex(8))
        try:
            _create(path, mine.to_json())
            return ProjectLock(project, mine)
        except FileExistsError:
            pass
        except OSError:
            return None
        holder = read_holder(project)
        if holder is not None and not take_over and not is_stale(holder):
            raise ProjectLocked(project, holder)
        try:
            write_text_safely(path, mine.to_json())
        except OSError:
            return None
        lock = ProjectLock(project, mine)
        if lock.is_ours():
            return lock
        take_over = False  # another instance replaced the stale lock at the same moment: it won
    holder = read_holder(project)
    if holder is None:
        return None
    raise ProjectLocked(project, holder)


def _create(path: Path, text: str) -> None:
    """Creates the lock file only if there is none, so that of two instances opening at once, one
    gets it and the other sees who did."""
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with suppress(OSError):
            path.unlink()
        raise
