"""Prints how many fuzz cases each reader met: the issue asks for the number, and it changes with
ORGDESIGNER_FUZZ_EXAMPLES and with what Hypothesis replays from its database."""

from __future__ import annotations

import pytest
from fuzzing import CASES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if CASES:
        counts = ", ".join(f"{reader} {count}" for reader, count in sorted(CASES.items()))
        terminalreporter.write_line(f"fuzz cases run: {sum(CASES.values())} ({counts})")
