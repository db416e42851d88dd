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


Row = tuple[str, tuple[float, float, float], float | None]


def print_table(rows: list[Row]) -> None:
    """One line a task: median, min and max seconds, and its target when it has one."""
    width = max(len("task"), *(len(name) for name, _, _ in rows))
    print(f"{'task':<{width}} {'median s':>9} {'min s':>7} {'max s':>7} {'target s':>9}")
    for name, (median, low, high), target in rows:
        goal = f"{target:.1f}" if target is not None else "-"
        print(f"{name:<{width}} {median:>9.3f} {low:>7.3f} {high:>7.3f} {goal:>9}")
