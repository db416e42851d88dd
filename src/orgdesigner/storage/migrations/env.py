"""Alembic's entry point. The program always hands over an open connection
(`config.attributes["connection"]`, see storage.database), inside the transaction it will commit.

A new revision is written the same way, from a database migrated to the current head::

    config = orgdesigner.storage.database.alembic_config(connection)
    alembic.command.revision(config, "what changes", autogenerate=True)

then reviewed by hand: SQLite needs `render_as_batch`, and check constraints are not compared.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from orgdesigner.storage.schema import metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("OrgDesigner's migrations run only on a connection the program passes in")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
