"""Loading and opening a project hold the cyclic garbage collector off while they read, and always
give it back as they found it: enabled, or disabled by someone else."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document
from orgdesigner.app.opening import InputError, open_project
from orgdesigner.collector import collection_paused, set_aside
from orgdesigner.storage import save_project
from orgdesigner.storage.project_file import load_project


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_is_paused_inside_and_enabled_again_after() -> None:
    gc.enable()
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause leaves it to the outer one
    assert gc.isenabled()


def test_the_collector_is_enabled_again_after_an_error() -> None:
    gc.enable()
    with pytest.raises(KeyError), collection_paused():
        raise KeyError("x")
    assert gc.isenabled()


def test_a_collector_disabled_by_someone_else_stays_disabled() -> None:
    gc.disable()
    with collection_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_opening_a_project_gives_the_collector_back(tmp_path: Path) -> None:
    path = tmp_path / "demo.orgd"
    save_project(path, demo_project())
    gc.enable()
    document = Document.open(path)
    assert gc.isenabled()
    assert document.scenario_names == tuple(s.name for s in demo_project().scenarios)
    assert open_project(path).organisation == demo_project().organisation
    assert gc.isenabled()


def test_loading_a_project_alone_gives_the_collector_back(tmp_path: Path) -> None:
    path = tmp_path / "demo.orgd"
    save_project(path, demo_project())
    gc.enable()
    assert load_project(path) == demo_project()
    assert gc.isenabled()


def test_a_refused_file_gives_the_collector_back(tmp_path: Path) -> None:
    path = tmp_path / "not.orgd"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    gc.enable()
    with pytest.raises(InputError):
        Document.open(path)
    assert gc.isenabled()


class Marker:
    itself: object = None


def test_what_was_set_aside_is_thawed_and_collected_by_the_next_pause() -> None:
    """The window freezes what a shown document is made of; a cycle thrown away since is freed by
    the next pause, before the next project or canvas is built."""
    gc.enable()
    with collection_paused():
        pass
    assert gc.get_freeze_count() == 0  # reading alone freezes nothing: the window decides
    marker = Marker()
    marker.itself = marker
    watched = weakref.ref(marker)
    set_aside()
    del marker
    gc.collect()
    assert watched() is not None  # frozen: no collection looks at it
    with collection_paused():
        assert gc.get_freeze_count() == 0
        assert watched() is None  # thawed and collected before anything new is built


def test_writing_the_recovery_file_leaves_what_the_window_set_aside(tmp_path: Path) -> None:
    """A write every twentieth edit: thawing there cost a 50,000-position window a full collection
    (0.4 s) at that edit, and every later collection walked the whole project again."""
    from orgdesigner.app.recovery import EDITS_BETWEEN_WRITES, RecoveryFile
    from recovery_edits import edit_demo

    path = tmp_path / "demo.orgd"
    save_project(path, demo_project())
    gc.enable()
    document = Document.open(path)
    entry = RecoveryFile(tmp_path / "recovery", in_background=True)
    entry.follow(document)
    set_aside()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    edit_demo(document, EDITS_BETWEEN_WRITES)
    assert entry.after_change()
    entry.wait()
    assert entry.project_file.exists()
    assert gc.get_freeze_count() > 0.9 * frozen  # still set aside (refcounting frees a few of them)
    gc.unfreeze()
