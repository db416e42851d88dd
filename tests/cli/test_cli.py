"""The command-line contract of interchange.md, as scripts use it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from command_runs import digest, run
from orgdesigner.cli import main

EXAMPLE = {
    "format": "orgdesigner-scenario",
    "version": 1,
    "organisation": {"name": "Habitat Exemple", "dwellings": 12000},
    "scenario": {"name": "Existant 2026", "description": "optional free text"},
    "parameters": {"max_direct_reports": 10},
    "agencies": [{
        "id": "nord", "name": "Agence Nord", "territory": "large_districts", "dwellings": 3200,
        "sites": [{"id": "tilleuls", "name": "Les Tilleuls", "dwellings": 240, "guarding_zone": True}],
        "site_management": "internal",
        "perimeter": {"demand_allocation": "C", "lease": "C", "arrears_litigation": "P", "social_support": "P",
                      "mediation": "P", "site_upkeep": "C", "planned_maintenance": "NR", "dsu": "P"},
        "presence": ["antennas", "neighbourhood_agency"],
        "reception": ["appointments", "office_hours"],
    }],
    "positions": [
        {"id": "p1", "agency": "nord", "role": "agency_head", "holder": "Marie Dupont", "fte": 1.0},
        {"id": "p2", "agency": "nord", "role": "caretaker", "site": "tilleuls", "fte": 1.0},
        {"id": "p3", "agency": None, "role": "other", "title": "Directeur de la proximité", "family": "management"},
        {"id": "p4", "agency": "nord", "role": "provider", "title": "Gardiennage", "site": "tilleuls",
         "guarding": True},
    ],
    "links": [
        {"from": "p1", "to": "p2", "type": "line"},
        {"from": "p3", "to": "p1", "type": "line"},
        {"from": "p1", "to": "p4", "type": "contract"},
    ],
}


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(EXAMPLE, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.orgd"
    assert main(["demo", str(path)]) == 0
    return path


def test_demo_validates_in_french_with_every_agency(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(demo), "--lang", "fr")
    assert code == 0  # the demo has departures (warnings), no broken structure
    for name in ("Agence Nord", "Agence Centre-Ville", "Agence de la Vallée", "Agence des Coteaux", "Agence Est"):
        assert name in out
    assert "Effectif hors personnels de site : 22" in out  # Centre-Ville, the 22-person agency
    assert "[management.model-mismatch]" in out and "[site.sector-span]" in out and "[site.gardiennage]" in out
    assert "L271-1" in out
    assert "Avertissements" in out


def test_fail_on_sets_the_exit_status(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", str(demo), "--fail-on", "warning")[0] == 1
    assert run(capsys, "validate", str(demo), "--fail-on", "info")[0] == 1
    assert run(capsys, "validate", str(demo), "--fail-on", "never")[0] == 0
    assert run(capsys, "validate", str(demo), "--scenario", "Cible 2027", "--fail-on", "error")[0] == 0


def test_errors_reach_fail_on_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = dict(EXAMPLE, positions=[p for p in EXAMPLE["positions"] if p["id"] != "p1"],
                  links=[link for link in EXAMPLE["links"] if "p1" not in (link["from"], link["to"])])
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path), "--format", "json")
    assert code == 1
    assert "structure.no-head" in [f["rule"] for f in json.loads(out)["findings"]]


def test_json_output_follows_interchange(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(example), "--format", "json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["scenario", "parameters", "agencies", "findings"]
    assert data["scenario"] == "Existant 2026"
    assert data["parameters"]["max_direct_reports"] == 10
    assert data["parameters"]["model1_below"] == 15
    agency = data["agencies"][0]
    assert agency["id"] == "nord" and agency["headcount"] == 1 and agency["site_staff"] == 1
    assert agency["providers"] == 1
    assert agency["management_model"] == {"expected": [1], "detected": 1}
    assert agency["perimeter_model"] == {"model": 4, "distance": 0, "differs": []}
    assert agency["site_management"] == "internal"
    assert {f["rule"] for f in data["findings"]} >= {"site.caretaker-manager", "site.declared-model"}
    assert all(set(f) == {"rule", "severity", "agency", "positions", "message"} for f in data["findings"])


def test_validating_twice_prints_the_same_bytes(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, "validate", str(demo), "--format", "json", "--lang", "fr")[1]
    second = run(capsys, "validate", str(demo), "--format", "json", "--lang", "fr")[1]
    assert first == second


def test_language_follows_the_locale(example: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert "Constats" in run(capsys, "validate", str(example))[1]
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert "Findings" in run(capsys, "validate", str(example))[1]


def test_malformed_document_exits_2_with_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(json.dumps(EXAMPLE))
    doc["positions"][1]["fte"] = 1.5
    doc["positions"][0]["role"] = "boss"
    doc["links"][0]["to"] = "p99"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path))
    assert code == 2 and out == ""
    assert "positions[1].fte: 1.5 is not in (0, 1]" in err
    assert "positions[0].role" in err and "links[0].to" in err


@pytest.mark.parametrize("content", [b"", b"{not json", b"SQLite format 3\x00" + b"\x00" * 200, bytes(range(256))])
def test_unreadable_files_exit_2_without_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "file.orgd"
    path.write_bytes(content)
    result = subprocess.run([sys.executable, "-m", "orgdesigner", "validate", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and str(path) in result.stderr
    assert path.read_bytes() == content


def test_missing_file_and_unknown_scenario(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "nowhere.json"))
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "validate", str(demo), "--scenario", "Cible 2030")
    assert code == 2 and "Existant 2026" in err and "Cible 2027" in err


def test_convert_round_trips_through_a_project(example: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    layout = dict(EXAMPLE, layout={"p1": [10.5, -20.0], "p2": [0.0, 120.25]})
    example.write_text(json.dumps(layout), encoding="utf-8")
    project, back = tmp_path / "p.orgd", tmp_path / "back.json"
    assert run(capsys, "convert", str(example), str(project))[0] == 0
    assert run(capsys, "convert", str(project), str(back))[0] == 0
    again = json.loads(back.read_text(encoding="utf-8"))
    assert again["layout"] == {"p1": [10.5, -20.0], "p2": [0.0, 120.25]}
    assert again["agencies"] == EXAMPLE["agencies"]
    assert again["parameters"] == EXAMPLE["parameters"]
    assert [p["id"] for p in again["positions"]] == ["p1", "p2", "p3", "p4"]
    assert again["links"] == EXAMPLE["links"]


def test_convert_adds_a_scenario_and_refuses_a_duplicate(example: Path, demo: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "copy.orgd"
    project.write_bytes(demo.read_bytes())
    renamed = dict(EXAMPLE, scenario={"name": "Variante B"})
    extra = tmp_path / "b.json"
    extra.write_text(json.dumps(renamed), encoding="utf-8")
    assert run(capsys, "convert", str(extra), str(project))[0] == 0
    out = tmp_path / "b-out.json"
    assert run(capsys, "convert", str(project), str(out), "--scenario", "Variante B")[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["scenario"]["name"] == "Variante B"
    before = digest(project)
    code, _, err = run(capsys, "convert", str(example), str(project))  # "Existant 2026" is there already
    assert code == 2 and "Existant 2026" in err
    assert digest(project) == before


def test_demo_does_not_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo.orgd"
    target.write_text("my work", encoding="utf-8")
    code, _, err = run(capsys, "demo", str(target))
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "my work"
    assert run(capsys, "demo", str(target), "--force")[0] == 0


def test_a_project_holding_unknown_codes_is_refused_clearly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A project written by another tool (or edited by hand) is checked like a scenario JSON."""
    from orgdesigner.model.entities import Organisation, Position, Project, Scenario
    from orgdesigner.storage import save_project

    path = tmp_path / "edited.orgd"
    scenario = Scenario("S", positions=(Position("p1", "chief_wizard", "nowhere"),))
    save_project(path, Project(Organisation("O"), (scenario,)))
    code, out, err = run(capsys, "validate", str(path))
    assert code == 2 and out == ""
    assert "scenario 'S': positions[0].role: unknown role 'chief_wizard'" in err
    assert "positions[0].agency: no agency has the id 'nowhere'" in err


def test_convert_never_overwrites_without_force(demo: Path, example: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text('{"my": "own scenario"}', encoding="utf-8")
    code, _, err = run(capsys, "convert", str(demo), str(mine))
    assert code == 2 and "--force" in err
    assert mine.read_text(encoding="utf-8") == '{"my": "own scenario"}'
    notes = tmp_path / "notes.txt"
    notes.write_text("my own notes", encoding="utf-8")
    code, _, err = run(capsys, "convert", str(demo), str(notes), "--force")
    assert code == 2 and "left as it is" in err
    assert notes.read_text(encoding="utf-8") == "my own notes"
    assert run(capsys, "convert", str(demo), str(mine), "--force")[0] == 0
    assert json.loads(mine.read_text(encoding="utf-8"))["scenario"]["name"] == "Existant 2026"
    code, _, err = run(capsys, "convert", str(example), str(tmp_path / "new.json"))
    assert code == 2 and ".orgd" in err and not (tmp_path / "new.json").exists()


def test_convert_copies_a_scenario_between_projects(demo: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.orgd"
    assert main(["convert", str(tmp_path / "seed.json"), str(other)]) == 2  # no such file: nothing created
    assert not other.exists()
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(dict(EXAMPLE, scenario={"name": "Autre"})), encoding="utf-8")
    assert main(["convert", str(seed), str(other)]) == 0
    code, _, err = run(capsys, "convert", str(demo), str(other), "--scenario", "Cible 2027")
    assert code == 0 and "Cible 2027" in err
    names = json.loads(run(capsys, "validate", str(other), "--scenario", "Cible 2027", "--format", "json")[1])
    assert names["scenario"] == "Cible 2027"


def cli(*args: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    import os

    return subprocess.run([sys.executable, "-m", "orgdesigner", *args], input=stdin, capture_output=True,
                          check=False, env={**os.environ, **env})


@pytest.mark.parametrize("text", [
    "[" * 100_000,
    '{"format": "orgdesigner-scenario", "version": 1, "organisation": {"name": "x", "dwellings": 1' + "0" * 5000 + "}}",
])
def test_pathological_json_is_refused_without_traceback(tmp_path: Path, text: str) -> None:
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", str(path))
    assert result.returncode == 2 and b"Traceback" not in result.stderr and str(path).encode() in result.stderr


@pytest.mark.parametrize(("where", "value", "problem"), [
    (("organisation", "dwellings"), 10**30, "organisation.dwellings: 1000000000000000000000000000000 is above"),
    (("agencies", 0, "sites", 0, "dwellings"), 10**400, "agencies[0].sites[0].dwellings"),
    (("layout",), {"p1": [10**400, 0]}, "layout.p1"),
    (("positions", 0, "holder"), "Marie \ud800 Dupont", "positions[0].holder: holds a broken character"),
])
def test_out_of_range_values_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         where: tuple[object, ...], value: object, problem: str) -> None:
    doc = json.loads(json.dumps(EXAMPLE))
    holder = doc
    for key in where[:-1]:
        holder = holder[key]
    holder[where[-1]] = value
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2 and problem in err


def test_a_legacy_console_encoding_does_not_crash_the_report(demo: Path) -> None:
    result = cli("validate", str(demo), "--lang", "fr", PYTHONIOENCODING="cp1252")
    assert result.returncode == 0, result.stderr
    assert "Agence Nord".encode("cp1252") in result.stdout and b"logements" in result.stdout
    as_json = cli("validate", str(demo), "--format", "json", PYTHONIOENCODING="cp1252")
    assert json.loads(as_json.stdout.decode("utf-8"))["scenario"] == "Existant 2026"


def test_a_scenario_can_come_through_a_pipe() -> None:
    result = cli("validate", "/dev/stdin", "--format", "json", stdin=json.dumps(EXAMPLE).encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["agencies"][0]["id"] == "nord"


def test_a_full_disk_on_output_is_a_clear_error(demo: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "orgdesigner", "validate", str(demo)], stdout=full,
                                stderr=subprocess.PIPE, check=False)
    assert result.returncode == 2 and b"cannot write the output" in result.stderr
    assert b"Traceback" not in result.stderr


def test_a_project_cut_very_short_is_called_damaged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cut.orgd"
    path.write_bytes(b"SQLite for")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2 and "damaged" in err


@pytest.mark.parametrize(("table", "column", "value", "problem"), [
    ("scenario", "parameters", "[]", "wrong form"),
    ("scenario", "parameters", '{"foo": 1}', "parameters.foo: unknown key"),
    ("scenario", "parameters", '{"max_direct_reports": "x"}', "parameters.max_direct_reports"),
    ("agency", "perimeter", '{"lease": "C"}', "perimeter.demand_allocation: is required"),
    ("agency", "territory", "mars", "unknown territory 'mars'"),
    ("position", "fte", 3.5, "fte: 3.5 is not in (0, 1]"),
    ("link", "type", "telepathy", "unknown link type 'telepathy'"),
])
def test_a_hand_edited_project_is_refused_clearly(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  table: str, column: str, value: object, problem: str) -> None:
    import sqlite3

    path = tmp_path / "edited.orgd"
    path.write_bytes(demo.read_bytes())
    with sqlite3.connect(path) as connection:
        connection.execute(f'UPDATE "{table}" SET {column} = ?', (value,))
    connection.close()
    code, out, err = run(capsys, "validate", str(path))
    assert code == 2 and out == "" and str(path) in err
    assert problem in err and "internal error" not in err


def test_a_project_converts_into_a_new_project(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "copy.orgd"
    assert run(capsys, "convert", str(demo), str(target), "--scenario", "Cible 2027")[0] == 0
    assert target.read_bytes().startswith(b"SQLite format 3")
    data = json.loads(run(capsys, "validate", str(target), "--format", "json")[1])
    assert data["scenario"] == "Cible 2027"


def test_keys_given_twice_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = json.dumps(EXAMPLE).replace('"role": "agency_head"', '"role": "agency_head", "role": "caretaker"')
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2 and "positions[0].role: is given twice" in err


def test_an_endless_source_is_cut_off(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import orgdesigner.app.opening as opening

    monkeypatch.setattr(opening, "MAX_DOCUMENT_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(" " * 2000 + json.dumps(EXAMPLE), encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2 and "too large" in err


def test_an_empty_file_name_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["validate", ""])
    assert exit_.value.code == 2
    assert "cannot be empty" in capsys.readouterr().err


def test_a_reader_that_stops_early_does_not_change_the_verdict(demo: Path) -> None:
    process = subprocess.Popen([sys.executable, "-m", "orgdesigner", "validate", str(demo), "--fail-on", "warning"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    errors = process.stderr.read()
    assert process.wait() == 1
    assert b"Traceback" not in errors


def test_no_standard_output_is_a_clear_error(demo: Path) -> None:
    command = f'"{sys.executable}" -m orgdesigner validate "{demo}" >&-'
    result = subprocess.run(["sh", "-c", command], capture_output=True, check=False)
    assert result.returncode == 2 and b"no standard output" in result.stderr


def test_open_refuses_an_unusable_file_before_any_window(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "open", str(tmp_path / "missing.orgd"))
    assert code == 2 and "no such file" in err
