"""Scenario documents broken at every level: bytes, characters, JSON values and encodings.

Each case is read as the CLI and the window read it (read_scenario_bytes, and open_scenario on a
file): a document or DocumentError / InputError naming where; no other exception, the file untouched."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from fuzzing import CASES, bounded, demo_json, digest, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from orgdesigner.app.opening import InputError, open_scenario
from orgdesigner.io.scenario_json import DocumentError, ScenarioDocument, read_scenario_bytes

Path_ = tuple[str | int, ...]


def read_or_refuse(raw: bytes) -> ScenarioDocument | None:
    CASES["scenario JSON"] += 1
    try:
        with bounded(20):
            return read_scenario_bytes(raw, "fuzzed.json")
    except DocumentError as exc:
        assert exc.problems and exc.source == "fuzzed.json"
        assert all(problem.what for problem in exc.problems)
        return None


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-json")


def open_or_refuse(folder: Path, raw: bytes) -> None:
    """The file path the CLI takes, which also tells a project file from a document by content."""
    CASES["scenario file"] += 1
    path = folder / "scenario.json"
    path.write_bytes(raw)
    before = digest(path)
    try:
        with bounded(20):
            open_scenario(path, None)
    except InputError as exc:
        assert exc.lines and all(str(path) in line for line in exc.lines), exc.lines
    assert digest(path) == before


@fuzz_settings(150)
@given(st.binary(max_size=3000))
def test_random_bytes(folder: Path, raw: bytes) -> None:
    read_or_refuse(raw)
    open_or_refuse(folder, raw)


# Characters ----------------------------------------------------------------------------------------

EDITS = st.lists(st.tuples(st.sampled_from(["insert", "delete", "replace"]), st.integers(min_value=0),
                           st.sampled_from([*'{}[]":,\\0-.eE \n', "true", "null", "\ud800", "é", "\x00"])),
                 min_size=1, max_size=8)


@fuzz_settings(150)
@given(EDITS)
def test_characters_inserted_deleted_or_replaced(edits: list[tuple[str, int, str]]) -> None:
    text = demo_json().decode()
    for kind, offset, char in edits:
        at = offset % (len(text) + 1)
        if kind == "insert":
            text = text[:at] + char + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + 1:]
        else:
            text = text[:at] + char + text[at + 1:]
    read_or_refuse(text.encode("utf-8", errors="surrogatepass"))


@fuzz_settings(60)
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1, max_size=6))
def test_bytes_flipped(flips: list[tuple[int, int]]) -> None:
    data = bytearray(demo_json())
    for offset, mask in flips:
        data[offset % len(data)] ^= mask
    read_or_refuse(bytes(data))


# Values --------------------------------------------------------------------------------------------

# Raw JSON text, so that what json.dumps will not write can be put anywhere: numbers beyond a float,
# the constants JSON lacks, nesting deeper than the interpreter's stack, lone surrogates.
HOSTILE = ["1e400", "-1e400", "-0", "-0.0", "NaN", "Infinity", "-Infinity", "1" + "0" * 5000, "123456789" * 4,
           "0.5", "1.0", "2", "-1", "true", "false", "null", '""', '" "', '"\\ud800"', '"\\u0000"', '"<b>x</b> & y"',
           json.dumps("x" * 1_000_000), "[]", "{}", '["C"]', '{"": null}', "[" * 10_000 + "]" * 10_000,
           '{"a":' * 10_000 + "1" + "}" * 10_000, '"agency_head"', '"other"', '"line"', '"nord"']
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
RAW_VALUES = st.sampled_from(HOSTILE) | JSON_VALUES.map(json.dumps)
_MARK = "\x00fuzzed\x00"


def paths(value: Any, path: Path_ = ()) -> Iterator[Path_]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths(child, (*path, index))


@cache
def demo_paths() -> list[Path_]:
    return list(paths(json.loads(demo_json())))


def placed(path: Path_, raw: str, *, twice: bool = False) -> str:
    """The demo document with the value at `path` replaced by the raw JSON text `raw`; with `twice`,
    the key at `path` given a second time beside the first, `raw` as its value."""
    data = json.loads(demo_json())
    if not path:
        return raw
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if twice and isinstance(last, str):
        parent[_MARK] = _MARK
        text = json.dumps(data, ensure_ascii=False)
        return text.replace(json.dumps(_MARK, ensure_ascii=False), json.dumps(last, ensure_ascii=False), 1) \
            .replace(json.dumps(_MARK, ensure_ascii=False), raw, 1)
    parent[last] = _MARK
    return json.dumps(data, ensure_ascii=False).replace(json.dumps(_MARK, ensure_ascii=False), raw)


@fuzz_settings(250)
@given(st.integers(min_value=0), RAW_VALUES, st.booleans())
def test_a_value_replaced_by_another_kind(index: int, raw: str, twice: bool) -> None:
    every = demo_paths()
    path = every[index % len(every)]
    read_or_refuse(placed(path, raw, twice=twice).encode("utf-8", errors="surrogatepass"))


@pytest.mark.parametrize(("path", "raw", "where"), [
    (("positions", 0, "fte"), "1e400", "positions[0].fte"),
    (("positions", 0, "fte"), "NaN", "line 1, column"),
    (("organisation", "dwellings"), "1" + "0" * 5000, ""),
    (("positions", 0, "fte"), "-0", "positions[0].fte"),
    (("agencies",), "[" * 10_000 + "]" * 10_000, ""),
    (("scenario", "name"), '"\\ud800"', "scenario.name"),
    (("layout",), '{"a":' * 10_000 + "1" + "}" * 10_000, ""),
])
def test_each_kind_of_hostile_value_is_refused_where_it_stands(path: Path_, raw: str, where: str) -> None:
    with pytest.raises(DocumentError) as raised:
        read_scenario_bytes(placed(path, raw).encode(), "x.json")
    assert raised.value.problems[0].where.startswith(where), raised.value.problems


def test_a_key_given_twice_is_refused() -> None:
    with pytest.raises(DocumentError) as raised:
        read_scenario_bytes(placed(("organisation", "name"), '"Autre"', twice=True).encode(), "x.json")
    assert [str(p) for p in raised.value.problems] == ["organisation.name: is given twice in the same object; keep one"]


# Encodings -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"])
def test_a_document_in_another_encoding_is_refused_as_not_utf8(folder: Path, encoding: str) -> None:
    text = demo_json().decode()
    with pytest.raises(DocumentError, match="the file is not UTF-8 text"):
        read_scenario_bytes(text.encode(encoding), "x.json")
    open_or_refuse(folder, text.encode(encoding))


def test_a_byte_order_mark_is_read_past_at_the_start_only() -> None:
    assert read_scenario_bytes(b"\xef\xbb\xbf" + demo_json(), "x.json").scenario.positions
    with pytest.raises(DocumentError, match="not valid JSON"):
        read_scenario_bytes(demo_json().replace(b"{", b"{\xef\xbb\xbf", 1), "x.json")


@fuzz_settings(60)
@given(st.sampled_from(["utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1"]),
       st.integers(min_value=0), st.integers(min_value=0))
def test_encoded_then_cut(folder: Path, encoding: str, start: int, length: int) -> None:
    data = demo_json().decode().encode(encoding)
    cut = data[start % len(data):][: length % (len(data) + 1)]
    read_or_refuse(cut)
    open_or_refuse(folder, cut)
