"""Timing shared by the benchmark scripts: the median of several runs, with the spread."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_time(action: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """(median, min, max) seconds of `repeat` runs of `action`."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)
