"""The project file's tables.

Rows carry surrogate integer keys; the model's string ids live in `code` columns, unique where the
model says they are, so that renaming an id never rewrites a foreign key. Order is data (the user's
order of scenarios, agencies, sites, positions and links), so every list has an `ordinal`.

Positions name their agency and site by code, as the model does, not through foreign keys: the
chart lets an edit leave a position naming an agency or site the scenario no longer holds, and a
save must never refuse the user's work over that (opening such a file reports it, by position).
Links, which the model never lets dangle, do reference their positions.

Small values whose None must stay distinct from empty (presence, reception, perimeter) and the
scenario's parameters, whose key order is kept, are JSON text.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import REAL, CheckConstraint, DateTime, ForeignKey, Text, UniqueConstraint, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeEngine

from orgdesigner.storage.base import Base

# For Alembic: taken from this module, it is sure to hold every table below.
metadata = Base.metadata
# 8 bytes on both: PostgreSQL's own REAL has 4 (see migration 0001).
DOUBLE: TypeEngine[float] = REAL().with_variant(postgresql.DOUBLE_PRECISION(), "postgresql")


class OrganisationRow(Base):
    __tablename__ = "organisation"
    __table_args__ = (CheckConstraint("id = 1", name="single"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    dwellings: Mapped[int | None]


class ScenarioRow(Base):
    __tablename__ = "scenario"

    id: Mapped[int] = mapped_column(primary_key=True)
    ordinal: Mapped[int]
    name: Mapped[str] = mapped_column(Text, unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    parameters: Mapped[str] = mapped_column(Text)
    # Raised by every save to a shared repository; a save from an older version is a conflict.
    version: Mapped[int] = mapped_column(server_default=text("1"))
    # Who saved that version to a shared repository, and when (the server's role and clock); the
    # project chooser and a conflict say so. None in a project file.
    saved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    saved_by: Mapped[str | None] = mapped_column(Text)


class AgencyRow(Base):
    __tablename__ = "agency"
    __table_args__ = (UniqueConstraint("scenario_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"))
    ordinal: Mapped[int]
    code: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    territory: Mapped[str | None] = mapped_column(Text)
    dwellings: Mapped[int | None]
    # False when the user has not listed the agency's sites (Agency.sites is None), not "no sites".
    sites_listed: Mapped[bool]
    site_management: Mapped[str | None] = mapped_column(Text)
    perimeter: Mapped[str | None] = mapped_column(Text)
    presence: Mapped[str | None] = mapped_column(Text)
    reception: Mapped[str | None] = mapped_column(Text)


class SiteRow(Base):
    __tablename__ = "site"
    __table_args__ = (UniqueConstraint("agency_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="CASCADE"))
    ordinal: Mapped[int]
    code: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    dwellings: Mapped[int]
    guarding_zone: Mapped[bool]


class PositionRow(Base):
    __tablename__ = "position"
    __table_args__ = (
        UniqueConstraint("scenario_id", "code"),
        CheckConstraint("(x IS NULL) = (y IS NULL)", name="xy_together"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"))
    ordinal: Mapped[int]
    code: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(Text)
    agency_code: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    family: Mapped[str | None] = mapped_column(Text)
    holder: Mapped[str | None] = mapped_column(Text)
    fte: Mapped[float] = mapped_column(DOUBLE)
    site_code: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    guarding: Mapped[bool]
    # The chart position of the box; both None when the layout engine places it.
    x: Mapped[float | None] = mapped_column(DOUBLE)
    y: Mapped[float | None] = mapped_column(DOUBLE)


class LinkRow(Base):
    __tablename__ = "link"

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int]
    source_id: Mapped[int] = mapped_column(ForeignKey("position.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("position.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(Text)
