"""Who saved each scenario to a shared repository, and when: the project chooser shows the last
save, and a conflict names the colleague whose save came first (issue 7). Empty in a project file.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scenario") as batch:
        batch.add_column(sa.Column("saved_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("saved_by", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scenario") as batch:
        batch.drop_column("saved_by")
        batch.drop_column("saved_at")
