"""benchmarks/pdf.py keeps working as the export changes: it runs on a one-agency synthetic
organisation. Nothing here is timed against a target; the figures only have to be real durations."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_the_script_runs_at_a_tiny_size(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(BENCHMARKS / "pdf.py"), "--agencies", "1", "--runs", "1"],
                            capture_output=True, text=True, check=False, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "median of 1 runs" in lines[0]
    rows = [line for line in lines if line.startswith(("demo", "synthetic 1 "))]
    assert len(rows) == 4, result.stdout
    for row in rows:
        fields = row.split()
        pages, chart_pages, median, target = int(fields[-8]), int(fields[-7]), float(fields[-5]), fields[-1]
        assert pages > chart_pages > 0 and 0 < median < 60 and target in ("2", "15")
    assert "fit→tile" in result.stdout and "per-agency" in result.stdout
