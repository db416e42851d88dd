"""Python's cyclic garbage collector, held off while large structures that live on are built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a project is read and checked, or its canvas
    built. Reading one allocates hundreds of thousands of objects that live on (rows, entities, the
    JSON data the reader checks; a canvas's 100,000 items and their Python wrappers), and every full
    collection on the way walks all of them again, only to find no garbage: a third of the time of
    opening a 50,000-position project. Reference counting frees everything as usual meanwhile; the
    collector resumes afterwards, unless something else had paused it. What `set_aside` froze is
    thawed and collected first: a project or canvas thrown away since (a closed window, the previous
    scenario's canvas) is freed before the next one is built beside it."""
    if not gc.isenabled():
        yield
        return
    _release()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def set_aside() -> None:
    """Freezes what is alive now (gc.freeze): set aside from every later collection, which would
    otherwise walk the 700,000 objects of a 50,000-position project and its canvas for a quarter of
    a second at random moments, the first frame and edits among them. The window calls it once a
    document is shown; the next `collection_paused` thaws it."""
    gc.freeze()


def _release() -> None:
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
