"""benchmarks/ui.py keeps working as the window changes: its measures run on a one-agency chart.
Nothing here is timed against a target; the figures only have to be real durations."""

from __future__ import annotations

import importlib.util
import math
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_ui", BENCHMARKS / "ui.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


def test_every_figure_is_measured_at_a_tiny_size(bench: ModuleType, qapp: QApplication, tmp_path: Path) -> None:
    described, rows = bench.measure(1, 2, tmp_path)
    assert [row.task for row in rows] == list(bench.TARGETS)
    for row in rows:
        median, low, high = row.spread
        assert 0 < low <= median <= high < 60 and math.isfinite(high), row
    assert described.startswith("101 positions, 1 agencies")
    assert not [w for w in qapp.topLevelWidgets() if w.isVisible()]  # every window it opened is closed
    printed = bench.table(described, rows)
    assert "open → first frame" in printed and "< 0.03" in printed and "< 3" in printed


def test_the_script_runs_on_its_own(tmp_path: Path) -> None:
    """As a user starts it: its own application, its own imports, the table on stdout."""
    result = subprocess.run([sys.executable, str(BENCHMARKS / "ui.py"), "--sizes", "1", "--runs", "1"],
                            capture_output=True, text=True, check=False, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "101 positions" in result.stdout and "edit → findings" in result.stdout
