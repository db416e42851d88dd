"""Qt runs offscreen in tests: no display is needed, on a developer's machine or in CI. And the
settings Qt keeps (recent files, the language preference) and the recovery files of unsaved work go
to folders of the test run, never to the user's own."""

import os
import tempfile
from pathlib import Path

import pytest

from orgdesigner.app.demo import demo_project
from orgdesigner.storage import save_project

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="orgdesigner-test-config-")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="orgdesigner-test-data-")


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    """The demonstration project saved to a file, as a user would open it."""
    path = tmp_path / "demo.orgd"
    save_project(path, demo_project())
    return path
