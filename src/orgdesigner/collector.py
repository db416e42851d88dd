"""Python's cyclic garbage collector, held off while large structures that live on are built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a project is read and checked, or its canvas
    built. Reading one allocates hundreds of thousands of objects that live on (rows, entities, the JSON data
    the reader checks), and every full collection on the way walks all of them again, only to find no
    garbage: a third of the time of opening a 50,000-position project (a canvas's 100,000 items
    and their Python wrappers likewise). Reference counting frees
    everything as usual meanwhile; the collector resumes afterwards, unless something else had paused it.

    What was built is then frozen (gc.freeze): set aside from every later collection, which would
    otherwise walk 700,000 objects of a 50,000-position project for 0.25 s at random moments, the
    first frame among them. The next pause thaws it first, so that what the user has since thrown
    away (another project, a rebuilt canvas) can be collected again."""
    if not gc.isenabled():
        yield
        return
    gc.unfreeze()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
