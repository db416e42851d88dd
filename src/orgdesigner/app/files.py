"""Writing a user's file so that it is either the old one or the new one, never half of each."""

from __future__ import annotations

import os
import secrets
import stat
from contextlib import suppress
from pathlib import Path


def write_text_safely(target: Path, text: str) -> None:
    """Writes beside the target, flushes to disk, keeps the old file's permissions, then renames
    over it. Raises OSError, with the target untouched, when any step fails."""
    write_bytes_safely(target, text.encode("utf-8"))


def write_bytes_safely(target: Path, data: bytes) -> None:
    """write_text_safely for an image or any other bytes."""
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    try:
        with partial.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with suppress(FileNotFoundError):
            os.chmod(partial, stat.S_IMODE(target.stat().st_mode))
        os.replace(partial, target)
    except BaseException:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
