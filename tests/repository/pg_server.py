"""A private PostgreSQL server for the repository tests: its own data folder in a temporary
directory, on a free loopback port, with password authentication (scram-sha-256) as a real
installation has, so that the password routes (PGPASSWORD, .pgpass, a prompt) are really taken.

Run as root (CI, this project's machines), the server runs as the `postgres` user that Debian's
package creates: PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "orgd_test"
DATABASE = "orgd_tests"


class ServerUnavailable(Exception):
    """No PostgreSQL server could be started here; the message says why."""


def _binary(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                            key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0)
        found = candidates[-1] if candidates else None
    if found is None:
        raise ServerUnavailable(f"{name} not found (install Debian's postgresql package)")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    folder: Path
    port: int
    password: str
    as_postgres: bool

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def url(self) -> str:
        """The address as a user types it: no password."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{DATABASE}"

    def url_for(self, user: str, database: str = DATABASE) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def _run(self, *command: str) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        result = subprocess.run([*prefix, *command], capture_output=True, text=True, check=False, timeout=120)
        if result.returncode != 0:
            raise ServerUnavailable(f"{Path(command[0]).name} failed: {result.stdout}{result.stderr}".strip())
        return result

    def start(self) -> None:
        self._run(_binary("pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w", "-t", "60",
                  "start")

    def stop(self) -> None:
        self._run(_binary("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")

    def is_running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def remove(self) -> None:
        if self.is_running():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def admin(self, *statements: str, database: str = DATABASE) -> None:
        """Runs statements as the superuser, each in its own transaction (CREATE DATABASE needs that)."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, password=self.password,
                             dbname=database, autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement.encode())


def create_server() -> PostgresServer:
    """Initialises and starts a server; ServerUnavailable when this machine cannot run one."""
    initdb = _binary("initdb")
    as_postgres = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="orgd-pg-"))
    if as_postgres:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder, ignore_errors=True)
            raise ServerUnavailable("running as root, and there is no postgres user to run the server as") from None
        os.chown(folder, account.pw_uid, account.pw_gid)
    password = os.urandom(12).hex()
    server = PostgresServer(folder, _free_port(), password, as_postgres)
    try:
        password_file = folder / "password"
        password_file.write_text(password + "\n")
        if as_postgres:
            os.chown(password_file, account.pw_uid, account.pw_gid)
        server._run(initdb, "-D", str(server.data), "-U", SUPERUSER, "--auth=scram-sha-256",
                    f"--pwfile={password_file}", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        password_file.unlink()
        settings = (f"port = {server.port}\nlisten_addresses = '127.0.0.1'\n"
                    f"unix_socket_directories = '{folder}'\nfsync = off\nsynchronous_commit = off\n"
                    "full_page_writes = off\nmax_connections = 40\n")
        with (server.data / "postgresql.conf").open("a") as conf:
            conf.write(settings)
        server.start()
        deadline = time.monotonic() + 30
        while True:
            try:
                server.admin(f"CREATE DATABASE {DATABASE}", database="postgres")
                break
            except Exception as exc:  # the server may still be starting up
                if time.monotonic() > deadline:
                    raise ServerUnavailable(f"the server started but does not answer: {exc}") from exc
                time.sleep(0.2)
    except BaseException:
        server.remove()
        raise
    return server
