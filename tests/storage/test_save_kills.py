"""A save killed at any moment (SIGKILL: no handler, no cleanup) leaves the project whole, old or
new, and what it leaves beside the project never passes for it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from random import Random

import pytest

import killed_saves
from orgdesigner.storage import load_project, save_project
from orgdesigner.storage.project_file import STALE_TEMPORARY_SECONDS

KILLS = 100


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the saving process is forked, and killed with SIGKILL")
def test_a_save_killed_at_any_moment_leaves_the_old_or_the_new_project(tmp_path: Path) -> None:
    target = tmp_path / "projet.orgd"
    old, new = killed_saves.versions()
    random = Random(7)
    seen = {"old": 0, "new": 0}
    mid_save = leftovers = 0
    started = time.perf_counter()
    with subprocess.Popen([sys.executable, killed_saves.__file__, str(target)], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True, bufsize=1) as zygote:
        assert zygote.stdin is not None and zygote.stdout is not None
        ready = zygote.stdout.readline().split()
        assert ready[0] == "ready", "the saving process did not start"
        one_save = float(ready[1])
        try:
            for _kill in range(KILLS):
                zygote.stdin.write("go\n")
                pid = int(zygote.stdout.readline())
                time.sleep(random.uniform(0, 2 * one_save))  # from its start to the end of its second save
                os.kill(pid, signal.SIGKILL)
                zygote.stdin.write("reap\n")
                assert zygote.stdout.readline().split() == ["ended", str(-signal.SIGKILL)], \
                    "the save failed on its own instead of being killed"
                mid_save += _leftovers(tmp_path) > leftovers  # each save's temporary file has its own name
                leftovers = _leftovers(tmp_path)
                project = load_project(target)
                assert project in (old, new), "the killed save left a project that is neither version"
                seen["old" if project == old else "new"] += 1
        finally:
            zygote.stdin.close()
    elapsed = time.perf_counter() - started
    print(f"{KILLS} saves killed in {elapsed:.1f} s ({mid_save} while writing, one save {one_save:.2f} s); "
          f"file seen {seen}")
    assert seen["old"] and seen["new"], "every kill landed before a save ended: the test proved nothing"
    assert mid_save >= KILLS // 5, "too few kills landed while a save was writing"
    # What the killed saves left: hidden files named after the project, which no open ever reads...
    names = [path.name for path in tmp_path.iterdir() if path != target]
    assert names and all(re.fullmatch(r"\.projet\.orgd\.[0-9a-f]{8}\.tmp(-journal)?", name) for name in names)
    # ...and which the next save removes once nobody has written to them for an hour.
    an_hour_ago = time.time() - STALE_TEMPORARY_SECONDS - 1
    for name in names:
        os.utime(tmp_path / name, (an_hour_ago, an_hour_ago))
    save_project(target, new)
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


def test_a_save_keeps_a_young_temporary_file_that_may_be_another_save_under_way(tmp_path: Path) -> None:
    target = tmp_path / "projet.orgd"
    other_save = tmp_path / ".projet.orgd.0123abcd.tmp"
    other_save.write_bytes(b"being written")
    unrelated = tmp_path / ".autre.orgd.0123abcd.tmp"
    unrelated.write_bytes(b"another project's")
    an_hour_ago = time.time() - STALE_TEMPORARY_SECONDS - 1
    os.utime(unrelated, (an_hour_ago, an_hour_ago))
    old, _new = killed_saves.versions()
    save_project(target, old)
    assert other_save.read_bytes() == b"being written"
    assert unrelated.exists()


def _leftovers(folder: Path) -> int:
    return sum(1 for path in folder.iterdir() if path.name.endswith((".tmp", ".tmp-journal")))
