"""Project files damaged every way a disk, a mail gateway or a hand with a SQLite editor damages them,
opened on the path the window and the CLI take (app.opening.open_project, over storage.load_project).

Each case either opens, every scenario having passed the scenario JSON reader's checks, or is refused
with InputError whose every line names the file; and the file is byte for byte as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from fuzzing import CASES, bounded, digest, fuzz_settings, project_bytes
from hypothesis import given
from hypothesis import strategies as st

from orgdesigner.app.opening import InputError, open_project
from orgdesigner.storage import ProjectFileError
from orgdesigner.storage.database import head_revision, known_revisions

PAGE = 4096  # SQLite's default page size, which save_project keeps
BASES = st.sampled_from(["small", "demo"])
TABLES = ("organisation", "scenario", "agency", "site", "position", "link", "alembic_version")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-project")


def written(folder: Path, case: str, data: bytes) -> Path:
    """The case's file alone in a folder of its own, so that anything left beside it is seen."""
    (folder / case).mkdir(exist_ok=True)
    path = folder / case / "project.orgd"
    path.write_bytes(data)
    return path


def open_or_refuse(path: Path) -> None:
    """The one property: opened and checked, or refused in words that name the file; never modified."""
    CASES["project file"] += 1
    before = digest(path)
    try:
        with bounded(30):
            project = open_project(path)
    except InputError as exc:
        assert exc.lines, "a refusal says why"
        assert all(str(path) in line for line in exc.lines), exc.lines
        assert exc.__cause__ is None or isinstance(exc.__cause__, ProjectFileError), repr(exc.__cause__)
        assert "Traceback" not in str(exc)
    else:
        assert project.scenarios
    assert digest(path) == before, "opening changed the file"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "opening left a file behind"


# Bytes ---------------------------------------------------------------------------------------------


@fuzz_settings(150)
@given(BASES, st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1, max_size=12))
def test_flipped_bytes(folder: Path, base: str, flips: Sequence[tuple[int, int]]) -> None:
    data = bytearray(project_bytes(base))
    for offset, mask in flips:
        data[offset % len(data)] ^= mask
    path = written(folder, "flipped", bytes(data))
    open_or_refuse(path)


@fuzz_settings(60)
@given(BASES, st.integers(min_value=0), st.binary(max_size=64))
def test_truncated_then_maybe_padded(folder: Path, base: str, length: int, tail: bytes) -> None:
    data = project_bytes(base)
    path = written(folder, "truncated", data[: length % len(data)] + tail)
    open_or_refuse(path)


@fuzz_settings(40)
@given(BASES, st.binary(min_size=1, max_size=5000))
def test_bytes_appended(folder: Path, base: str, tail: bytes) -> None:
    path = written(folder, "appended", project_bytes(base) + tail)
    open_or_refuse(path)


@fuzz_settings(60)
@given(BASES, st.lists(st.integers(min_value=0), min_size=1, max_size=3), st.sampled_from([b"\x00", b"\xff"]))
def test_pages_overwritten(folder: Path, base: str, pages: Sequence[int], fill: bytes) -> None:
    data = bytearray(project_bytes(base))
    for page in pages:
        start = page % (len(data) // PAGE) * PAGE
        data[start:start + PAGE] = fill * PAGE
    path = written(folder, "zeroed", bytes(data))
    open_or_refuse(path)


# Rows ----------------------------------------------------------------------------------------------

# Only the head revision: a file at an older known revision is upgraded in place, by design.
_OLDER = known_revisions() - {head_revision()}
CODES = ["agency_head", "caretaker", "other", "provider", "no_such_role", "large_districts", "atlantis", "C", "NR",
         "line", "dotted", "contract", "sideways", "fte", "positions", "nord", "p1", "p2", "dg", "tilleuls", "",
         " ", head_revision(), "9999_future"]
JSON_TEXTS = ["{", "[", "}", "null", "{}", "[]", "1e400", "-0", "NaN", '"text"', "[1, 2]", '{"lease": "C"}',
              '["antennas", "antennas"]', '["none", 3]', '{"max_direct_reports": "ten"}', '{"headcount_basis": []}',
              '{"model1_below": 1e400}', '{"model1_below": -5}', '{"model1_below": 99999999999999999999}',
              '{"unknown_parameter": 1}', '{"a": 1, "a": 2}', "[" * 10_000 + "]" * 10_000,
              '{"a":' * 5_000 + "1" + "}" * 5_000, "\ufeff{}", '{"lease": "C", "lease": "P"}']
VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([0, 1, -1, 2, 10**9 + 1, 2**53 + 1, 2**63 - 1, -(2**63)]),
    st.floats(),  # NaN is stored as NULL by SQLite; ±inf are kept
    st.text(st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(CODES).filter(lambda code: code not in _OLDER),
    st.sampled_from(JSON_TEXTS),
    st.builds(lambda n: "x" * n, st.sampled_from([10_000, 1_000_000])),
    st.binary(max_size=16),
)


def loosen(db: sqlite3.Connection, table: str) -> None:
    """Rebuilds `table` without its constraints (NOT NULL, UNIQUE, CHECK, keys), as a tool that
    ignores them would leave it, so that any value can go anywhere."""
    db.execute(f'CREATE TABLE "loose" AS SELECT * FROM "{table}"')
    db.execute(f'DROP TABLE "{table}"')
    db.execute(f'ALTER TABLE "loose" RENAME TO "{table}"')


def columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]


def nth_rowid(db: sqlite3.Connection, table: str, index: int) -> int | None:
    rowids = [row[0] for row in db.execute(f'SELECT rowid FROM "{table}" ORDER BY rowid')]
    return rowids[index % len(rowids)] if rowids else None


# (what, table, row, column by place or by name, value)
Edit = tuple[str, str, int, int | str, Any]
EDITS = st.tuples(st.sampled_from(["set", "set", "set", "duplicate", "delete", "drop"]), st.sampled_from(TABLES),
                  st.integers(min_value=0), st.integers(min_value=0), VALUES)


def apply(db: sqlite3.Connection, edit: Edit) -> None:
    kind, table, row, column, value = edit
    if kind == "drop":
        db.execute(f'DROP TABLE IF EXISTS "{table}"')
        return
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() is None:
        return  # dropped by an earlier edit
    loosen(db, table)
    rowid = nth_rowid(db, table, row)
    if rowid is None:
        return
    if kind == "duplicate":
        db.execute(f'INSERT INTO "{table}" SELECT * FROM "{table}" WHERE rowid = ?', (rowid,))
    elif kind == "delete":
        db.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
    else:
        names = columns(db, table)
        name = column if isinstance(column, str) else names[column % len(names)]
        if table == "alembic_version" and value in _OLDER:
            return
        db.execute(f'UPDATE "{table}" SET "{name}" = ? WHERE rowid = ?', (value, rowid))


def edited(folder: Path, base: str, edits: Sequence[Edit]) -> Path:
    path = written(folder, "edited", project_bytes(base))
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA synchronous = OFF")  # a scratch copy: speed, not durability
        db.execute("BEGIN")
        for edit in edits:
            apply(db, edit)
        db.execute("COMMIT")
    finally:
        db.close()
    return path


@fuzz_settings(300)
@given(BASES, st.lists(EDITS, min_size=1, max_size=4))
def test_rows_edited_by_hand(folder: Path, base: str, edits: Sequence[Edit]) -> None:
    open_or_refuse(edited(folder, base, edits))


# Each of the cases at least once, whatever the random draw gives.
@pytest.mark.parametrize("edits", [
    [("set", "position", 0, "role", 12)],  # an integer where a code is
    [("set", "agency", 0, "ordinal", "first")],  # text where an integer is
    [("set", "organisation", 0, "dwellings", 2**63 - 1)],  # a huge number
    [("set", "position", 1, "ordinal", -5)],  # a negative ordinal
    [("set", "position", 1, "fte", float("inf"))],  # an infinite FTE
    [("set", "position", 1, "x", float("-inf"))],  # an infinite coordinate
    [("set", "position", 1, "x", "left")],  # text where a coordinate is
    [("set", "position", 1, "y", None)],  # half a coordinate
    [("set", "scenario", 0, "parameters", "{")],  # broken JSON
    [("set", "scenario", 0, "parameters", "[" * 10_000 + "]" * 10_000)],  # JSON nested 10,000 deep
    [("set", "agency", 0, "perimeter", '{"a":' * 5_000 + "1" + "}" * 5_000)],
    [("set", "agency", 0, "presence", '"antennas"')],  # a string, not a list
    [("set", "agency", 0, "reception", "1e400")],  # a number too large for a float
    [("set", "agency", 0, "perimeter", '{"lease": "C"}')],  # seven missions missing
    [("set", "position", 0, "code", None)],  # NULLs where the schema says NOT NULL
    [("set", "site", 0, "guarding_zone", None)],
    [("set", "scenario", 0, "name", None)],
    [("set", "position", 0, "fte", None)],
    [("duplicate", "position", 1, 0, None)],  # two positions with the same code
    [("duplicate", "scenario", 0, 0, None)],  # two scenarios with the same name and key
    [("duplicate", "organisation", 0, 0, None)],  # two organisations
    [("delete", "organisation", 0, 0, None)],  # none
    [("set", "link", 0, "source_id", 9999)],  # a link to a missing position
    [("set", "position", 1, "role", "no_such_role")],  # an unknown role
    [("set", "agency", 0, "territory", "atlantis")],  # an unknown territory
    [("set", "alembic_version", 0, "version_num", "9999_future")],  # a newer format
    [("duplicate", "alembic_version", 0, 0, None)],  # two versions
    [("drop", "site", 0, 0, None)],  # a table gone
])
def test_each_kind_of_hand_edit(folder: Path, edits: list[Edit]) -> None:
    open_or_refuse(edited(folder, "small", edits))
