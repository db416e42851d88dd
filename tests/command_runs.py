"""Running the command line in-process as a script would, and telling whether a file changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from orgdesigner.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    """The exit code, then what went to stdout and to stderr."""
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_err(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    """The exit code and stderr, for commands whose output is a file."""
    code, _out, err = run(capsys, *args)
    return code, err


def digest(path: Path) -> str:
    """A file's content in a word: equal digests, the file was left byte for byte as it was."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
