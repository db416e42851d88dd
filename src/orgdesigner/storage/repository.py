"""The shared repository: projects kept in a PostgreSQL database, so that a team edits one set of
scenarios (issue 7).

Each project is a PostgreSQL schema ("orgd_" and a slug of its name) holding the project file's own
tables, created and upgraded by the same Alembic migrations, with its own alembic_version. Every
transaction names its project by setting `search_path` for that transaction only, through
`set_config` with the schema as a bound parameter: the ORM's tables stay unqualified, exactly as in a
project file, and no user text is ever formatted into SQL.

Saving is per scenario and optimistic: a scenario carries the version it was loaded at, and a save
overwrites it only if the stored version is still that one; otherwise the save is a conflict and
writes nothing at all. Saves of one project take a transaction-level advisory lock, so that checking
the versions and names and then writing them is one step for everyone (the row locks of
`SELECT … FOR UPDATE` alone would leave a new scenario's name open to a race).

The password is the server's business and libpq's: PGPASSWORD, the .pgpass file, or one typed by
the user and handed to `Repository` for its connections only; it is never written anywhere, and
every address shown or remembered is rendered without it.

Engines use `NullPool`: a connection lives for one operation, so a server restarted between two
saves is simply connected to again, and a dead connection is never handed out from a pool.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from alembic import command
from sqlalchemy import Connection, Engine, create_engine, delete, func, insert, select, text, update
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InterfaceError, OperationalError
from sqlalchemy.pool import NullPool
from sqlalchemy.schema import CreateSchema

from orgdesigner.model.entities import Project, Scenario
from orgdesigner.storage.base import Base
from orgdesigner.storage.database import alembic_config, head_revision, known_revisions
from orgdesigner.storage.rows import (
    DamagedProject,
    UnsavableProject,
    project_rows,
    read_project,
    scenario_row,
    scenario_rows,
)
from orgdesigner.storage.schema import AgencyRow, LinkRow, OrganisationRow, PositionRow, ScenarioRow, SiteRow

SCHEMA_PREFIX = "orgd_"
_LOCK_CLASS = 0x4F524744  # "ORGD": the first key of the advisory locks this program takes
_SCHEMAS = ("postgresql", "postgres", "postgresql+psycopg")
_CONNECT = {
    "connect_timeout": 10,  # an unreachable server is said in seconds, not after the system's minutes
    "application_name": "OrgDesigner",
    # A server gone without a word (a cut network) is noticed in about half a minute.
    "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3,
}


class RepositoryError(Exception):
    """The repository cannot do what was asked; the message is for the user (English, like a
    project file's), names no password, and carries no traceback."""


class ConnectionLost(RepositoryError):
    """The server cannot be reached, or went away during the operation: nothing was written, and
    the same operation may succeed once it is back."""


class PasswordRequired(RepositoryError):
    """The server wants a password that PGPASSWORD and .pgpass did not give (`wrong` False), or
    refused the one given (`wrong` True): ask the user and try again."""

    def __init__(self, message: str, *, wrong: bool) -> None:
        super().__init__(message)
        self.wrong = wrong


@dataclass(frozen=True, slots=True)
class StoredScenario:
    """A scenario's row as last read or written: a later save overwrites it only while the stored
    version is still this one."""

    name: str
    version: int
    saved_by: str | None = None
    saved_at: datetime | None = None


ConflictKind = Literal["changed", "gone", "taken"]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Why one scenario of a save was not written. `name` is the scenario as the saver knows it (for
    a deletion, the name it had). changed: someone saved it since (`theirs` is their version);
    gone: someone deleted or renamed it; taken: someone else gave its name to another scenario."""

    name: str
    kind: ConflictKind
    theirs: StoredScenario | None


class ScenarioConflict(RepositoryError):
    """Someone else's save came first: nothing of this save was written."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        super().__init__("someone else saved " + ", ".join(repr(c.name) for c in self.conflicts)
                         + " since it was loaded; nothing was written")


@dataclass(frozen=True, slots=True)
class ScenarioWrite:
    """A scenario to save as it stands, over `base` (the row it was loaded as; None for a new one).
    A name different from the base's is a rename."""

    scenario: Scenario
    base: StoredScenario | None


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    """A project as the chooser lists it. `problem` says why it cannot be opened, if it cannot."""

    key: str
    name: str
    scenarios: tuple[str, ...]
    saved_at: datetime | None
    saved_by: str | None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class RepositoryAddress:
    """Where a repository is, as `postgresql://USER@HOST[:PORT]/DATABASE[?libpq options]`; never a
    password, which `parse` hands back apart."""

    url: URL

    @classmethod
    def parse(cls, text: str) -> tuple[RepositoryAddress, str | None]:
        """The address and the password it held, if any (kept out of the address, so that nothing
        that shows or remembers the address can leak it). RepositoryError for anything else."""
        shown = text.strip()
        try:
            url = make_url(shown)
        except (ArgumentError, ValueError):
            raise RepositoryError("not a PostgreSQL address: write postgresql://USER@HOST[:PORT]/DATABASE") from None
        if url.drivername not in _SCHEMAS:
            raise RepositoryError(f"not a PostgreSQL address (it starts with {url.drivername}://): "
                                  "write postgresql://USER@HOST[:PORT]/DATABASE")
        if not url.database:
            raise RepositoryError("the address names no database: write postgresql://USER@HOST[:PORT]/DATABASE")
        password = url.password or url.query.get("password")
        if isinstance(password, tuple):
            password = password[-1]
        clean = URL.create("postgresql", url.username, None, url.host, url.port, url.database,
                           url.difference_update_query(["password"]).query)
        return cls(clean), password or None

    @property
    def display(self) -> str:
        """The address as the user wrote it, less any password: safe to show, log and remember."""
        return self.url.render_as_string(hide_password=False)


class Repository:
    """One PostgreSQL database and the projects in it. Connects only when asked something."""

    def __init__(self, address: RepositoryAddress, password: str | None = None) -> None:
        self.address = address
        arguments: dict[str, Any] = dict(_CONNECT)
        if password is not None:
            arguments["password"] = password  # for libpq only: never part of the URL or a message
        self._engine: Engine = create_engine(address.url.set(drivername="postgresql+psycopg"), poolclass=NullPool,
                                             connect_args=arguments)

    def close(self) -> None:
        self._engine.dispose()

    def check(self) -> str:
        """Connects once, so that a wrong address, password or right is said before anything else;
        returns the user the server knows us as."""
        with _errors("Cannot connect to the repository"), self._engine.connect() as connection:
            return str(connection.scalar(select(func.current_user())))

    # Projects --------------------------------------------------------------------------------------

    def projects(self) -> list[ProjectSummary]:
        """Every project the user may read, by name. A project that cannot be read is listed with
        the reason, so that the user learns it exists."""
        with self._connection("Cannot list the projects of the repository", read_only=True) as connection:
            keys = connection.execute(text(
                "SELECT o.table_schema FROM information_schema.tables AS o"
                " JOIN information_schema.tables AS v ON v.table_schema = o.table_schema"
                " AND v.table_name = 'alembic_version'"
                " WHERE o.table_name = 'organisation' AND left(o.table_schema, :size) = :prefix"
                " ORDER BY o.table_schema"), {"size": len(SCHEMA_PREFIX), "prefix": SCHEMA_PREFIX}).scalars().all()
            summaries = [self._summary(connection, str(key)) for key in keys]
        return sorted(summaries, key=lambda summary: (summary.name.casefold(), summary.key))

    def _summary(self, connection: Connection, key: str) -> ProjectSummary:
        try:
            with connection.begin_nested():
                _use_schema(connection, key)
                revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
                name = connection.scalar(select(OrganisationRow.name)) or key
                scenarios = tuple(connection.scalars(select(ScenarioRow.name).order_by(ScenarioRow.ordinal,
                                                                                       ScenarioRow.id)))
                if revision == head_revision():
                    latest = connection.execute(select(ScenarioRow.saved_at, ScenarioRow.saved_by)
                                                .where(ScenarioRow.saved_at.is_not(None))
                                                .order_by(ScenarioRow.saved_at.desc()).limit(1)).first()
                    saved_at, saved_by = (latest.saved_at, latest.saved_by) if latest is not None else (None, None)
                    return ProjectSummary(key, name, scenarios, saved_at, saved_by)
                problem = (None if revision in known_revisions()
                           else f"written by a newer version of OrgDesigner (format {revision})")
                return ProjectSummary(key, name, scenarios, None, None, problem)
        except DBAPIError as exc:
            if _is_lost(exc):
                raise
            return ProjectSummary(key, key, (), None, None, f"unreadable ({_server_message(exc)})")

    def create_project(self, project: Project) -> tuple[str, dict[str, StoredScenario]]:
        """Adds a project (a new one, or one brought from a file) in a schema of its own, in one
        transaction: a failure leaves no half-made project. Returns its key and its scenarios'
        versions. RepositoryError when a project of that name exists already."""
        try:
            list(project_rows(project))  # refused before anything reaches the server
        except UnsavableProject as exc:
            raise RepositoryError(f"Cannot add the project: {exc}") from exc
        name = project.organisation.name
        existing = self.projects()
        if any(summary.name.casefold() == name.casefold() for summary in existing):
            raise RepositoryError(f"Cannot add the project: the repository already holds a project named {name!r}")
        with self._connection(f"Cannot add the project {name!r} to the repository") as connection, \
                connection.begin():
            key = _free_key(connection, name)
            _act_as_owner(connection)
            connection.execute(CreateSchema(key))
            _use_schema(connection, key)
            command.upgrade(alembic_config(connection), "head")
            connection.execute(insert(OrganisationRow), [{"id": 1, "name": name,
                                                         "dwellings": project.organisation.dwellings}])
            stored = _write(connection, [ScenarioWrite(scenario, None) for scenario in project.scenarios], [])
        return key, stored

    # A project's scenarios --------------------------------------------------------------------------

    def load(self, key: str) -> tuple[Project, dict[str, StoredScenario]]:
        """The whole project and each scenario's version, read in one snapshot so that a save made
        meanwhile is seen whole or not at all. A project from an older OrgDesigner is upgraded first."""
        self._upgrade(key)
        with self._transaction(key, "Cannot open the project", read_only=True) as connection:
            try:
                project = read_project(connection)
            except (TypeError, ValueError, KeyError) as exc:
                reason = exc if isinstance(exc, DamagedProject) else "a stored value has the wrong form"
                raise RepositoryError(f"Cannot open the project: it is damaged ({reason})") from exc
            return project, _stored(connection)

    def save(self, key: str, writes: Sequence[ScenarioWrite],
             deleted: Sequence[StoredScenario] = ()) -> dict[str, StoredScenario]:
        """Writes these scenarios and deletes those, all or nothing: ScenarioConflict, with nothing
        written, when any of them was saved, deleted or renamed by someone else since its base, or
        when a new name has been taken meanwhile. Returns the new versions by name."""
        for write in writes:  # a scenario we could never store is refused before anything is sent
            try:
                scenario_rows(write.scenario, 0)
            except UnsavableProject as exc:
                raise RepositoryError(f"Cannot save the scenario {write.scenario.name!r}: {exc}") from exc
        with self._transaction(key, "Cannot save to the repository") as connection:
            _lock(connection, key)
            return _write(connection, writes, deleted)

    # Internals ---------------------------------------------------------------------------------------

    @contextmanager
    def _connection(self, action: str, *, read_only: bool = False) -> Iterator[Connection]:
        with _errors(action), self._engine.connect() as connection:
            if read_only:  # one snapshot for every statement: a save made meanwhile is seen whole or not
                connection = connection.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            yield connection

    @contextmanager
    def _transaction(self, key: str, action: str, *, read_only: bool = False) -> Iterator[Connection]:
        with self._connection(action, read_only=read_only) as connection, connection.begin():
            readable = connection.execute(text("SELECT has_schema_privilege(oid, 'USAGE') FROM pg_namespace"
                                               " WHERE nspname = :key"), {"key": key}).scalar()
            if readable is None:
                raise RepositoryError(f"{action}: the project is no longer in the repository")
            if not readable:  # search_path would skip the schema silently, and "no such table" follow
                raise RepositoryError(f"{action}: permission denied: you have no rights on this project "
                                      "(the repository's administrator grants them)")
            _use_schema(connection, key)
            yield connection

    def _upgrade(self, key: str) -> None:
        """Brings a project written by an older OrgDesigner to this version's schema, once, whoever
        opens it first (the advisory lock makes a second opener wait, then find it done)."""
        with self._transaction(key, "Cannot open the project") as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if revision == head_revision():
                return
            if revision not in known_revisions():
                raise RepositoryError(f"Cannot open the project: it was written by a newer version of OrgDesigner "
                                      f"(format {revision}); install that version or a later one to open it")
            _lock(connection, key)
            _act_as_owner(connection)
            command.upgrade(alembic_config(connection), "head")


def _act_as_owner(connection: Connection) -> None:
    """Projects belong to the role that owns the database, for the rest of the transaction, when the
    user is a member of it: a team's members, all members of that role, then read, save and upgrade
    each other's projects (altering a table takes its owner). Otherwise they belong to the user."""
    owner = connection.execute(text(
        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"
        " AND pg_has_role(current_user, datdba, 'MEMBER')")).scalar()
    if owner is not None:
        connection.execute(select(func.set_config("role", owner, True)))


def _use_schema(connection: Connection, key: str) -> None:
    """The project's tables for the rest of this transaction only (set_config's third argument)."""
    if not key.startswith(SCHEMA_PREFIX):
        raise RepositoryError(f"{key!r} is not an OrgDesigner project")
    connection.execute(select(func.set_config("search_path", func.quote_ident(key), True)))


def _lock(connection: Connection, key: str) -> None:
    """Held until the transaction ends: one save (or migration) of a project at a time."""
    connection.execute(select(func.pg_advisory_xact_lock(_LOCK_CLASS, func.hashtext(key))))


def _free_key(connection: Connection, name: str) -> str:
    """"orgd_" and the name folded to lower-case ASCII words, numbered when taken; short enough for
    PostgreSQL's 63-byte names."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    stem = SCHEMA_PREFIX + (re.sub(r"[^a-z0-9]+", "_", folded).strip("_")[:40] or "projet")
    taken = set(connection.execute(text("SELECT nspname FROM pg_namespace WHERE left(nspname, :size) = :stem"),
                                   {"size": len(stem), "stem": stem}).scalars())
    key, number = stem, 2
    while key in taken:
        key, number = f"{stem}_{number}", number + 1
    return key


def _stored(connection: Connection) -> dict[str, StoredScenario]:
    s = ScenarioRow
    rows = connection.execute(select(s.name, s.version, s.saved_by, s.saved_at))
    return {row.name: StoredScenario(row.name, row.version, row.saved_by, row.saved_at) for row in rows}


def _write(connection: Connection, writes: Sequence[ScenarioWrite],
           deleted: Sequence[StoredScenario]) -> dict[str, StoredScenario]:
    """Checks every base and new name, then writes; the caller holds the project's lock."""
    s = ScenarioRow
    bases = sorted({w.base.name for w in writes if w.base is not None} | {d.name for d in deleted})
    # Locked in name order, so that two savers of the same scenarios queue rather than deadlock.
    found = {row.name: row for row in connection.execute(
        select(s.id, s.name, s.version, s.saved_by, s.saved_at).where(s.name.in_(bases))
        .order_by(s.name).with_for_update())}
    conflicts: list[Conflict] = []
    for gone in deleted:
        locked = found.get(gone.name)
        if locked is not None and locked.version != gone.version:
            conflicts.append(Conflict(gone.name, "changed", _as_stored(locked)))
    for write in writes:
        if write.base is None:
            continue
        locked = found.get(write.base.name)
        if locked is None:
            conflicts.append(Conflict(write.scenario.name, "gone", None))
        elif locked.version != write.base.version:
            conflicts.append(Conflict(write.scenario.name, "changed", _as_stored(locked)))
    arriving = [w.scenario.name for w in writes if w.base is None or w.base.name != w.scenario.name]
    if arriving:
        for other in connection.execute(select(s.name, s.version, s.saved_by, s.saved_at)
                                        .where(s.name.in_(arriving), s.name.not_in(bases))):
            conflicts.append(Conflict(other.name, "taken", _as_stored(other)))
    if conflicts:
        raise ScenarioConflict(conflicts)
    if deleted:
        connection.execute(delete(ScenarioRow).where(s.id.in_([found[d.name].id for d in deleted if d.name in found])))
    for write in writes:  # renamed out of the way first: two scenarios may swap names in one save
        if write.base is not None and write.base.name != write.scenario.name:
            row_id = found[write.base.name].id
            connection.execute(update(ScenarioRow).where(s.id == row_id).values(name=f"\x01{row_id}"))
    saved: dict[str, StoredScenario] = {}
    ordinal = int(connection.scalar(select(func.coalesce(func.max(s.ordinal), -1))) or 0)
    stamp = {"saved_at": func.now(), "saved_by": func.session_user()}  # the login, not a role taken on
    for write in writes:
        values = scenario_row(write.scenario, 0)
        if write.base is None:
            ordinal += 1
            row = connection.execute(insert(ScenarioRow).values(**{**values, "ordinal": ordinal}, **stamp)
                                     .returning(s.id, s.name, s.version, s.saved_by, s.saved_at)).one()
        else:
            row_id = found[write.base.name].id
            for table in (LinkRow, PositionRow, AgencyRow):  # sites go with their agency
                connection.execute(delete(table).where(table.scenario_id == row_id))
            del values["ordinal"]  # the scenario keeps its place among everyone's
            row = connection.execute(update(ScenarioRow).where(s.id == row_id)
                                     .values(**values, version=s.version + 1, **stamp)
                                     .returning(s.id, s.name, s.version, s.saved_by, s.saved_at)).one()
        _insert_children(connection, write.scenario, row.id)
        saved[row.name] = _as_stored(row)
    return saved


def _insert_children(connection: Connection, scenario: Scenario, scenario_id: int) -> None:
    """The scenario's rows, with the server choosing their keys among everyone's and references
    mapped from the keys rows.py numbered them with."""
    tables = scenario_rows(scenario, scenario_id)
    agencies = _insert(connection, AgencyRow, tables[AgencyRow], {})
    _insert(connection, SiteRow, tables[SiteRow], {"agency_id": agencies}, keys=False)
    positions = _insert(connection, PositionRow, tables[PositionRow], {})
    _insert(connection, LinkRow, tables[LinkRow], {"source_id": positions, "target_id": positions}, keys=False)


def _insert(connection: Connection, table: type[Base], rows: list[dict[str, Any]],
            references: Mapping[str, Mapping[int, int]], *, keys: bool = True) -> dict[int, int]:
    """Inserts `rows` without their local keys; returns local key → the server's, when `keys`."""
    if not rows:
        return {}
    values = [{column: (references[column][value] if column in references else value)
               for column, value in row.items() if column != "id"} for row in rows]
    if not keys:
        connection.execute(insert(table), values)
        return {}
    key_column = table.__table__.c.id
    chosen = connection.execute(insert(table).returning(key_column, sort_by_parameter_order=True), values).scalars()
    return dict(zip((row["id"] for row in rows), chosen, strict=True))


def _as_stored(row: Any) -> StoredScenario:
    return StoredScenario(row.name, row.version, row.saved_by, row.saved_at)


# Errors ----------------------------------------------------------------------------------------------

# SQLSTATE classes and codes that mean the connection, not the request, failed: class 08 (connection
# exception), 57P01-57P03 (the server shutting down, crashed, or not accepting connections yet).
_LOST_STATES = ("57P01", "57P02", "57P03")
# What libpq says, in the English of the binary wheel, when the server answered a connection attempt
# with a refusal rather than not answering (these are not a lost connection: trying again won't help).
_REFUSALS = ("does not exist", "permission denied", "no pg_hba.conf entry", "not permitted to log in",
             "is not a valid", "invalid", "unsupported")
_TRANSIENT = ("shutting down", "starting up", "in recovery mode", "too many clients", "too many connections")


@contextmanager
def _errors(action: str) -> Iterator[None]:
    """Turns what psycopg and SQLAlchemy raise into the errors above, phrased for users; the SQL and
    its parameters (which SQLAlchemy puts in its messages) are never shown."""
    try:
        yield
    except DBAPIError as exc:
        message = _server_message(exc)
        if _needs_password(exc):
            raise PasswordRequired(f"{action}: the server asks for a password", wrong=False) from None
        if _wrong_password(exc, message):
            raise PasswordRequired(f"{action}: the server refused the password ({message})", wrong=True) from None
        if _is_lost(exc):
            raise ConnectionLost(f"{action}: the server cannot be reached ({message})") from None
        raise RepositoryError(f"{action}: the server refused ({message})") from None


def _server_message(exc: DBAPIError) -> str:
    """The driver's own words on one line, not SQLAlchemy's (which add the SQL and its parameters)."""
    original = exc.orig if exc.orig is not None else exc
    message = re.sub(r"\s+", " ", str(original)).strip() or type(original).__name__
    return message.removeprefix("connection failed: ")


def _pgconn(exc: DBAPIError) -> Any:
    return getattr(exc.orig, "pgconn", None)


def _needs_password(exc: DBAPIError) -> bool:
    connection = _pgconn(exc)
    return bool(connection is not None and connection.needs_password)  # libpq: one was needed, none was found


def _wrong_password(exc: DBAPIError, message: str) -> bool:
    connection = _pgconn(exc)
    used = connection is not None and bool(connection.used_password)
    return used and ("password authentication failed" in message or "mot de passe" in message)


def _is_lost(exc: DBAPIError) -> bool:
    if exc.connection_invalidated:
        return True
    state = getattr(exc.orig, "sqlstate", None)
    if state is not None:
        return bool(state.startswith("08") or state in _LOST_STATES)
    if not isinstance(exc, OperationalError | InterfaceError):  # a value refused on our side (NUL in a text)
        return False
    # No SQLSTATE: libpq's own failure to connect. The server may still have answered with a refusal.
    message = str(exc.orig).lower()
    if any(word in message for word in _TRANSIENT):
        return True
    return not any(word in message for word in _REFUSALS)
