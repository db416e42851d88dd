"""benchmarks/run.py keeps working as the application changes: the one table of every figure, run as a
user runs it at a one-agency size, with and without Graphviz's dot. Nothing here is timed against a
target; the figures only have to be real durations and sizes."""

from __future__ import annotations

import importlib.util
import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
NAMES = ("layout_s", "dot_layout_s", "dot_ratio", "validate_s", "save_s", "open_s", "first_frame_s",
         "repaint_1to1_s", "repaint_fitted_s", "edit_to_findings_s", "pdf_export_s", "csv_import_s",
         "peak_memory_mb")
DOT = ("dot_layout_s", "dot_ratio")


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load("run")


def _run(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str],
                                                                                  dict[str, Any]]:
    out = tmp_path / "figures.json"
    result = subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "--sizes", "101", "--runs", "1",
                             "--json", str(out), *args], capture_output=True, text=True, check=False, timeout=300,
                            cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    return result, json.loads(out.read_text(encoding="utf-8"))


def _rows(stdout: str) -> list[str]:
    """The table's figure rows: the lines that start with a figure's name."""
    return [line.split()[0] for line in stdout.splitlines() if line.split() and line.split()[0] in NAMES]


def _positions() -> int:
    return len(_load("synthetic").synthetic_project(1, head_office=True).scenarios[0].positions)


def _check_figures(size: dict[str, Any], names: list[str]) -> None:
    for name in names:
        value = size[name]
        assert isinstance(value, int | float) and not isinstance(value, bool), name
        assert value > 0 and math.isfinite(value), (name, value)
        spread = size["spread"][name]
        assert spread["min"] <= value <= spread["max"], (name, spread)


def test_every_figure_of_a_tiny_size_is_measured_printed_and_written(tmp_path: Path) -> None:
    result, figures = _run(tmp_path, "--dot-timeout", "120")
    assert set(figures) == {"machine", "sizes"}
    machine = figures["machine"]
    assert machine["python"] and machine["platform"] and machine["cpu_count"] >= 1
    assert machine["qt_platform"] == os.environ.get("QT_QPA_PLATFORM", "offscreen")
    [size] = figures["sizes"]
    assert size["positions"] == _positions() == 108 and size["agencies"] == 1 and size["runs"] == 1
    assert size["targets"] == {} and size["met"] == {} and size["skipped"] == []
    has_dot = shutil.which("dot") is not None
    expected = [name for name in NAMES if has_dot or name not in DOT]
    assert [name for name in NAMES if name in size] == expected
    _check_figures(size, expected)
    if has_dot:
        assert size["dot_nodes"] == size["positions"] - 2  # the two contractors hang by contract links only
    assert _rows(result.stdout) == expected  # one row a figure, in the JSON's names
    lines = result.stdout.splitlines()
    assert "median (min–max) of 1 runs" in lines[0] and "108 positions (1 agency)" in lines[1]
    rows = [line for line in lines if line.split() and line.split()[0] in NAMES]
    assert not [row for row in rows if row.endswith((" yes", " NO"))]  # no target at this size
    assert json.dumps(figures, indent=2, sort_keys=True, ensure_ascii=False) + "\n" == (
        tmp_path / "figures.json").read_text(encoding="utf-8")


def test_without_dot_on_path_its_figures_are_left_out_and_skip_leaves_the_pdf_out(tmp_path: Path) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    env = {**os.environ, "PATH": str(bare)}
    result, figures = _run(tmp_path, "--skip", "pdf", env=env)
    [size] = figures["sizes"]
    assert figures["machine"]["dot"] is None
    assert not [name for name in (*DOT, "dot_timeout_s", "dot_nodes") if name in size]
    assert "pdf_export_s" not in size and size["skipped"] == ["pdf_export_s"]
    expected = [name for name in NAMES if name not in DOT and name != "pdf_export_s"]
    _check_figures(size, expected)
    assert _rows(result.stdout) == [name for name in NAMES if name not in DOT]
    assert "dot (Graphviz) is not on PATH" in result.stdout
    assert next(line for line in result.stdout.splitlines() if line.startswith("pdf_export_s")).split()[1:] == [
        "skipped"]


@pytest.mark.parametrize("sizes", ["abc", "1000,x", "50", "1000,,2000"])
def test_a_broken_sizes_value_is_an_argparse_error(bench: ModuleType, sizes: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        bench.main(["--sizes", sizes])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "argument --sizes:" in error and "Traceback" not in error


def test_a_broken_sizes_value_as_a_user_types_it(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "--sizes", "10k"], capture_output=True,
                            text=True, check=False, timeout=60, cwd=tmp_path)
    assert result.returncode == 2 and "argument --sizes: '10k' is not a whole number" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_sizes_runs_and_skips_are_read(bench: ModuleType) -> None:
    args = bench.parser().parse_args(["--sizes", "1000, 10_000,50000", "--skip", "pdf", "--skip", "dot"])
    assert args.sizes == [1000, 10000, 50000] and args.skip == ["pdf", "dot"] and args.runs == 3
    assert args.dot_timeout == 600 and args.json is None


def _result(**figures: Any) -> dict[str, Any]:
    """A size's result as the child reports it, for the table."""
    spread = {name: {"min": value, "max": value} for name, value in figures.items() if value is not None}
    return {"positions": 10_008, "agencies": 100, "runs": 1, "slow_runs": 1, "skipped": [], "spread": spread,
            "targets": {}, "met": {}, **figures}


def test_a_dot_that_timed_out_is_null_and_printed_as_more_than_the_limit(bench: ModuleType) -> None:
    result = _result(layout_s=0.5, dot_layout_s=None, dot_ratio=None, dot_timeout_s=600.0, peak_memory_mb=500.0)
    result["targets"] = {"dot_ratio": {"comparison": ">=", "limit": 100.0},
                         "peak_memory_mb": {"comparison": "<", "limit": 600.0}}
    result["met"] = {"dot_ratio": bench._met((">=", 100.0), result, "dot_ratio"),
                     "peak_memory_mb": bench._met(("<", 600.0), result, "peak_memory_mb")}
    assert result["met"] == {"dot_ratio": True, "peak_memory_mb": True}  # at least 600 / 0.5 = 1200
    machine = {"date": "2026-03-14T10:00:00", "platform": "Linux", "cpu_count": 2, "python": "3.11",
               "qt_version": "6", "qt_platform": "offscreen", "dot": "dot 2.43"}
    table = bench.render_table(machine, [result]).splitlines()
    assert next(line for line in table if line.startswith("dot_layout_s")).split()[1:] == [">", "600"]
    assert next(line for line in table if line.startswith("dot_ratio")).split()[1:] == [">", "1200", ">=", "100",
                                                                                          "yes"]
    assert next(line for line in table if line.startswith("peak_memory_mb")).split()[1:] == ["500", "<", "600",
                                                                                               "yes"]


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_dot_lays_out_the_line_tree_and_a_run_past_its_limit_is_none(bench: ModuleType, tmp_path: Path) -> None:
    from orgdesigner.model.chart import Chart

    chart = Chart(_load("synthetic").synthetic_project(1, head_office=True).scenarios[0])
    text, nodes = bench.line_tree_dot(chart)
    assert nodes == 106 and "rankdir=TB" in text and "width=2.5, height=0.89" in text
    spread, counted = bench._dot_spread(chart, tmp_path / "t.dot", 1, 60.0)
    assert counted == nodes and spread is not None and spread[0] > 0
    assert bench._dot_spread(chart, tmp_path / "t.dot", 1, 1e-4) == (None, nodes)
