"""Every scenario carries a version, raised by each save to a shared repository: a save made from an
older version than the stored one is a conflict, not an overwrite (issue 7). A file's scenarios
start at 1.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scenario") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("scenario") as batch:
        batch.drop_column("version")
