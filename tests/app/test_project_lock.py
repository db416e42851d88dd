"""A project's lock: who holds it is said, a dead holder's lock is taken over without a word, and
nobody's release removes a lock another instance has taken over."""

from __future__ import annotations

import datetime
import errno
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orgdesigner.app import instance, project_lock
from orgdesigner.app.project_lock import LockHolder, ProjectLocked, acquire, lock_file, read_holder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "projet.orgd"
    path.write_bytes(b"")  # the lock never reads the project itself
    return path


def dead_pid() -> int:
    """The id of a process of this machine that has ended."""
    process = subprocess.Popen([sys.executable, "-c", ""])
    process.wait()
    return process.pid


def held_by(project: Path, *, host: str | None = None, pid: int | None = None, user: str = "mdupont") -> None:
    """A lock as another instance writes it."""
    since = datetime.datetime(2026, 3, 2, 9, 15, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
    holder = LockHolder(user, host or instance.host_name(), pid if pid is not None else os.getppid(), since,
                        "0.1.0", "0123456789abcdef")
    lock_file(project).write_text(holder.to_json(), encoding="utf-8")


def test_a_free_project_is_locked_beside_it_with_who_holds_it_and_released(project: Path) -> None:
    lock = acquire(project)
    assert lock is not None
    path = project.with_name(".projet.orgd.lock")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid() and data["host"] == instance.host_name() and data["user"]
    assert datetime.datetime.fromisoformat(data["since"]).tzinfo is not None
    assert lock.is_ours()
    lock.release()
    assert not path.exists()


def test_a_project_held_by_a_running_instance_of_this_machine_says_who_and_since_when(project: Path) -> None:
    held_by(project)  # our parent process: running
    with pytest.raises(ProjectLocked) as raised:
        acquire(project)
    holder = raised.value.holder
    assert (holder.user, holder.pid, holder.on_this_machine) == ("mdupont", os.getppid(), True)
    assert holder.since == datetime.datetime(2026, 3, 2, 8, 15, tzinfo=datetime.UTC)
    assert read_holder(project) == holder  # refused: the lock is left as it was


def test_the_lock_of_an_instance_that_died_on_this_machine_is_taken_over_silently(project: Path) -> None:
    held_by(project, pid=dead_pid())
    lock = acquire(project)
    assert lock is not None and lock.is_ours()
    assert read_holder(project) == lock.holder


def test_a_lock_from_another_machine_is_reported_as_it_cannot_be_checked(project: Path) -> None:
    held_by(project, host="poste-compta", pid=dead_pid())  # no such process here, but maybe there
    with pytest.raises(ProjectLocked) as raised:
        acquire(project)
    assert raised.value.holder.host == "poste-compta" and not raised.value.holder.on_this_machine
    lock = acquire(project, take_over=True)  # "open anyway"
    assert lock is not None and read_holder(project) == lock.holder


def test_releasing_leaves_a_lock_that_another_instance_took_over(project: Path) -> None:
    lock = acquire(project)
    assert lock is not None
    held_by(project, host="poste-compta")  # they opened it anyway
    assert not lock.is_ours()
    lock.release()
    holder = read_holder(project)
    assert holder is not None and holder.host == "poste-compta"


def test_a_lock_of_this_very_process_is_an_earlier_windows_and_is_taken_over(project: Path) -> None:
    first = acquire(project)
    second = acquire(project)
    assert first is not None and second is not None
    assert second.is_ours() and not first.is_ours()
    first.release()
    assert lock_file(project).exists()


def test_an_unreadable_lock_is_someone_writing_it_then_a_leftover(project: Path) -> None:
    path = lock_file(project)
    path.write_bytes(b"")  # an instance killed between creating its lock and writing it, or one writing now
    with pytest.raises(ProjectLocked) as raised:
        acquire(project)
    assert not raised.value.holder.is_known
    a_while_ago = time.time() - project_lock.UNREADABLE_GRACE_SECONDS - 1
    os.utime(path, (a_while_ago, a_while_ago))
    lock = acquire(project)
    assert lock is not None and lock.is_ours()


def test_a_folder_that_takes_no_lock_file_opens_the_project_without_one(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*args: object, **kwargs: object) -> int:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "open", read_only)
    assert acquire(project) is None
    monkeypatch.undo()
    assert not lock_file(project).exists()
