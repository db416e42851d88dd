"""This running OrgDesigner, as the files it leaves for other instances name it (a project's lock, a
recovery entry): who runs it, on which machine, as which process, and whether a process named so is
still running. Another machine's processes cannot be seen from here; callers say what they assume then.
"""

from __future__ import annotations

import getpass
import os
import socket
import sys


def user_name() -> str:
    """The login name; "?" where the system has none for this process (a service, a container)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name, no passwd entry, no pwd module
        return "?"


def host_name() -> str:
    return socket.gethostname() or "?"


def program_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("orgdesigner")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "(not installed)"


def is_running(pid: int) -> bool:
    """Whether a process of this machine has that id. A process of another user counts (we may not
    signal it, but it runs); a reused id makes a dead instance look alive, which only delays what the
    caller would do with its files until that process ends."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_is_running(pid)
    try:
        os.kill(pid, 0)  # signal 0: checks only, sends nothing
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


if sys.platform == "win32":
    import ctypes

    _SYNCHRONIZE_QUERY = 0x00100000 | 0x1000  # SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION
    _STILL_ACTIVE = 259

    def _windows_is_running(pid: int) -> bool:
        """os.kill(pid, 0) would end the process on Windows: ask for its exit code instead."""
        kernel = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel.OpenProcess(_SYNCHRONIZE_QUERY, False, pid)
        if not handle:
            return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: it exists, another user's
        try:
            code = ctypes.c_ulong()
            if not kernel.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == _STILL_ACTIVE
        finally:
            kernel.CloseHandle(handle)
