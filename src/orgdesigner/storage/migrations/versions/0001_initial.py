"""The whole schema, and the file's mark as an OrgDesigner project.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# database.APPLICATION_ID ("ORGD"), repeated so that this revision never changes with the program.
_APPLICATION_ID = 0x4F524744
# SQLite's REAL is 8 bytes; PostgreSQL's is 4, which would round FTEs and coordinates in a shared
# repository (and overflow past 3.4e38): there the same columns are DOUBLE PRECISION.
_REAL: sa.types.TypeEngine[float] = sa.REAL().with_variant(postgresql.DOUBLE_PRECISION(), "postgresql")


def _on_sqlite() -> bool:
    """The file's mark is a SQLite header field; a shared repository (PostgreSQL) has no such thing."""
    return bool(op.get_bind().dialect.name == "sqlite")


def _key() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), nullable=False)


def _owner(table: str, name: str, referred: str) -> sa.Column[int]:
    """A reference to the owning row, named by the naming convention of storage.base."""
    key = sa.ForeignKey(f"{referred}.id", ondelete="CASCADE", name=op.f(f"fk_{table}_{name}_{referred}"))
    return sa.Column(name, sa.Integer(), key, nullable=False)


def _text(name: str, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(name, sa.Text(), nullable=nullable)


def upgrade() -> None:
    if _on_sqlite():
        op.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
    op.create_table(
        "organisation",
        _key(),
        _text("name"),
        sa.Column("dwellings", sa.Integer(), nullable=True),
        sa.CheckConstraint("id = 1", name=op.f("ck_organisation_single")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    op.create_table(
        "scenario",
        _key(),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        _text("name"),
        _text("description", nullable=True),
        _text("parameters"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario")),
        sa.UniqueConstraint("name", name=op.f("uq_scenario_name")),
    )
    op.create_table(
        "agency",
        _key(),
        _owner("agency", "scenario_id", "scenario"),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        _text("code"),
        _text("name"),
        _text("territory", nullable=True),
        sa.Column("dwellings", sa.Integer(), nullable=True),
        sa.Column("sites_listed", sa.Boolean(), nullable=False),
        _text("site_management", nullable=True),
        _text("perimeter", nullable=True),
        _text("presence", nullable=True),
        _text("reception", nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency")),
        sa.UniqueConstraint("scenario_id", "code", name=op.f("uq_agency_scenario_id_code")),
    )
    op.create_table(
        "site",
        _key(),
        _owner("site", "agency_id", "agency"),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        _text("code"),
        _text("name"),
        sa.Column("dwellings", sa.Integer(), nullable=False),
        sa.Column("guarding_zone", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site")),
        sa.UniqueConstraint("agency_id", "code", name=op.f("uq_site_agency_id_code")),
    )
    op.create_table(
        "position",
        _key(),
        _owner("position", "scenario_id", "scenario"),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        _text("code"),
        _text("role"),
        _text("agency_code", nullable=True),
        _text("title", nullable=True),
        _text("family", nullable=True),
        _text("holder", nullable=True),
        sa.Column("fte", _REAL, nullable=False),
        _text("site_code", nullable=True),
        _text("notes", nullable=True),
        sa.Column("guarding", sa.Boolean(), nullable=False),
        sa.Column("x", _REAL, nullable=True),
        sa.Column("y", _REAL, nullable=True),
        sa.CheckConstraint("(x IS NULL) = (y IS NULL)", name=op.f("ck_position_xy_together")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_position")),
        sa.UniqueConstraint("scenario_id", "code", name=op.f("uq_position_scenario_id_code")),
    )
    op.create_table(
        "link",
        _key(),
        _owner("link", "scenario_id", "scenario"),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        _owner("link", "source_id", "position"),
        _owner("link", "target_id", "position"),
        _text("type"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link")),
    )
    for column in ("scenario_id", "source_id", "target_id"):
        op.create_index(op.f(f"ix_link_{column}"), "link", [column])


def downgrade() -> None:
    for table in ("link", "position", "site", "agency", "scenario", "organisation"):
        op.drop_table(table)
    if _on_sqlite():
        op.execute("PRAGMA application_id = 0")
