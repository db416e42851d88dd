"""Projects as an older OrgDesigner wrote them, made by downgrading a file this version saved."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from orgdesigner.storage import database


def downgrade_to_0001(path: Path) -> Path:
    """The file as the first released format wrote it (before scenarios carried a version)."""
    engine = database.open_engine(path)
    with engine.connect() as connection:
        sqlite = connection.connection.driver_connection
        assert sqlite is not None
        sqlite.execute("PRAGMA foreign_keys=OFF")  # as migrate() does: rebuilding a table must not cascade
        with connection.begin():
            command.downgrade(database.alembic_config(connection), "0001")
    engine.dispose()
    return path
