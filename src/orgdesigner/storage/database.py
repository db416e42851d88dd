"""Opening a project file's SQLite database and bringing its schema to this program's revision.

Every engine uses `NullPool`, so a connection closes when released and nothing keeps the file open
once a function returns: the caller can then `os.replace` over it, on Windows too.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry, NullPool

# "ORGD": set by the first migration, read from the header before anything else opens the file.
APPLICATION_ID = 0x4F524744
MIGRATIONS = Path(__file__).parent / "migrations"


def open_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on one file. Read-only engines use SQLite's `mode=ro`, which cannot write the file
    even by accident (no journal, no header update), so a file we refuse stays byte-for-byte intact."""
    if read_only:
        uri = path.resolve().as_uri() + "?mode=ro"

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True)
    else:

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(path)

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # sqlite3's implicit transactions start only at the first DML and commit around DDL; taking
    # BEGIN over (see _on_begin) makes a save or a migration one real transaction.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys=ON")


def _on_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configured in code, so that it works from an installed package with no alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None, "the migrations folder holds no revision"
    return head


def known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in _scripts().walk_revisions())


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def migrate(engine: Engine) -> None:
    """Upgrades the file to head in one transaction, so a failure leaves it at its old revision.

    Foreign keys are off while migrating: batch migrations rebuild a table by dropping it, and with
    them on, dropping a parent table would cascade-delete its children. The check at the end proves
    the rebuilt tables still agree before anything is committed."""
    with engine.connect() as connection:
        sqlite = connection.connection.driver_connection
        assert sqlite is not None, "a fresh connection always has its driver connection"
        sqlite.execute("PRAGMA foreign_keys=OFF")  # on the driver, as SQLite ignores it once BEGIN has run
        with connection.begin():
            command.upgrade(alembic_config(connection), "head")
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
            if broken is not None:
                raise sqlite3.IntegrityError(f"the migration broke a reference from table {broken[0]}")
