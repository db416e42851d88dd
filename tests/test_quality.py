"""The project's own rules, checked on every run: pure core, typed, linted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_import_contracts_hold() -> None:
    """model and rules import no Qt, SQLAlchemy or reportlab (import-linter contracts in pyproject)."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports), "--config", "pyproject.toml"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_runs_without_qt() -> None:
    """The command line and everything under it run headless: Qt is never imported."""
    code = (
        "import sys, orgdesigner.cli, orgdesigner.rules.engine, orgdesigner.io.report_output, "
        "orgdesigner.app.demo, orgdesigner.storage;"
        "from orgdesigner.rules.engine import validate; from orgdesigner.app.demo import demo_project;"
        "[validate(s) for s in demo_project().scenarios];"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]"
    )
    result = _run("-c", code)
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_model_and_rules_are_mypy_clean() -> None:
    result = _run("-m", "mypy")
    assert result.returncode == 0, result.stdout


def test_ruff_clean() -> None:
    result = _run("-m", "ruff", "check", "--no-cache", "src", "tests", "benchmarks", "tools")
    assert result.returncode == 0, result.stdout
