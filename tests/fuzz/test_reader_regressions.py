"""The crashes the fuzz tests found in the readers, each kept as the smallest file that showed it, with
the message the user now gets instead of a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fuzzing import digest, project_bytes

from orgdesigner.app.opening import InputError, open_project
from orgdesigner.storage import ProjectFileError, load_project


def spoiled(tmp_path: Path, sql: str) -> Path:
    path = tmp_path / "plan.orgd"
    path.write_bytes(project_bytes("small"))
    db = sqlite3.connect(path)
    try:
        db.executescript(sql)
    finally:
        db.close()
    return path


def refusal(path: Path) -> list[str]:
    before = digest(path)
    with pytest.raises(InputError) as raised:
        open_project(path)
    assert digest(path) == before
    return raised.value.lines


def rebuilt(table: str) -> str:
    """SQL that rebuilds `table` without its constraints, as a tool that ignores them would."""
    return f"CREATE TABLE loose AS SELECT * FROM {table}; DROP TABLE {table}; ALTER TABLE loose RENAME TO {table};"


def test_a_table_name_that_is_not_utf8_is_a_damaged_file(tmp_path: Path) -> None:
    """SQLite quotes the corrupt name in its error, which Python then fails to decode (UnicodeDecodeError)."""
    data = bytearray(project_bytes("small"))
    data[data.index(b"tableorganisation") + len(b"table")] ^= 0x80  # the name column of sqlite_master
    path = tmp_path / "plan.orgd"
    path.write_bytes(bytes(data))
    assert refusal(path) == [f"Cannot open {path}: the file is damaged (truncated or corrupt)."]


def test_json_nested_beyond_the_stack_is_a_value_of_the_wrong_form(tmp_path: Path) -> None:
    """json.loads raised RecursionError on parameters nested 10,000 deep."""
    path = spoiled(tmp_path, f"UPDATE scenario SET parameters = '{'[' * 10_000}{']' * 10_000}'")
    with pytest.raises(ProjectFileError) as raised:
        load_project(path)
    assert str(raised.value) == f"Cannot open {path}: a stored value has the wrong form."


def test_a_second_organisation_is_refused_by_name(tmp_path: Path) -> None:
    """one_or_none() raised SQLAlchemy's MultipleResultsFound."""
    path = spoiled(tmp_path, rebuilt("organisation") + "INSERT INTO organisation SELECT * FROM organisation;")
    assert refusal(path) == [f"Cannot open {path}: the file holds more than one organisation."]


def test_a_damaged_file_says_what_is_damaged(tmp_path: Path) -> None:
    """The reason read_project gives was replaced by "a stored value has the wrong form", being a ValueError."""
    path = spoiled(tmp_path, "UPDATE link SET source_id = 9999 WHERE ordinal = 0")
    assert refusal(path) == [f"Cannot open {path}: a link names a position the file does not hold."]


@pytest.mark.parametrize("sql", [
    "UPDATE scenario SET parameters = '\"0\"' WHERE ordinal = 0",  # TypeError: string indices must be integers
    "UPDATE scenario SET parameters = '\"\"' WHERE ordinal = 0",  # opened, as if no parameter had been set
    "UPDATE agency SET perimeter = '\"C\"' WHERE code = 'nord'",  # TypeError, as for the parameters
    "UPDATE agency SET presence = '\"antennas\"' WHERE code = 'nord'",  # refused letter by letter
])
def test_json_text_of_the_wrong_kind_is_a_value_of_the_wrong_form(tmp_path: Path, sql: str) -> None:
    """A JSON string passed for a mapping (MappingProxyType takes one) or for a list of its letters."""
    path = spoiled(tmp_path, sql)
    assert refusal(path) == [f"Cannot open {path}: a stored value has the wrong form."]


@pytest.mark.parametrize("sql", ["UPDATE position SET x = 'left' WHERE code = 'p1'",
                                 rebuilt("position") + "UPDATE position SET y = NULL WHERE code = 'p1'"])
def test_a_coordinate_that_is_not_a_number_is_refused_by_the_scenario_reader(tmp_path: Path, sql: str) -> None:
    """scenario_to_data converted the coordinate with float() and raised ValueError or TypeError."""
    path = spoiled(tmp_path, sql)
    assert refusal(path) == [f"{path}, scenario 'Existant': layout.p1: expected [x, y], two numbers"]
