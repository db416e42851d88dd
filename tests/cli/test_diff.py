"""`orgdesigner diff`: the comparison of two scenarios, for scripts (JSON) and for people (text),
from one project or from two files (issue 5)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from command_runs import run
from comparison_pairs import base, edited, target
from orgdesigner.io.scenario_json import scenario_to_json
from orgdesigner.model.entities import Agency, Link, Organisation, Position, Scenario

EXISTANT, CIBLE = "Existant 2026", "Cible 2027"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("diff") / "demo.orgd"
    from orgdesigner.cli import main

    assert main(["demo", str(path)]) == 0
    return path


def write(path: Path, scenario: Scenario) -> Path:
    path.write_text(scenario_to_json(Organisation("Habitat Test"), scenario), encoding="utf-8")
    return path


def diff_json(capsys: pytest.CaptureFixture[str], *args: object) -> dict[str, object]:
    code, out, err = run(capsys, "diff", *args, "--format", "json", "--lang", "en")
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def test_the_demo_s_two_scenarios_compare_as_the_contract_says(capsys: pytest.CaptureFixture[str],
                                                                 demo: Path) -> None:
    data = diff_json(capsys, demo, "--from", EXISTANT, "--to", CIBLE)
    assert list(data) == ["from", "to", "positions", "agencies", "findings", "notices"]
    assert (data["from"], data["to"]) == (EXISTANT, CIBLE)
    positions = data["positions"]
    assert isinstance(positions, dict)
    assert positions["added"] == ["centre-50", "centre-51", "nord-80", "nord-81"]
    assert positions["removed"] == ["centre-22"]
    assert positions["changed"] == [{"id": "coteaux-07", "fields": {"fte": [0.8, 1.0]}}]
    assert {"id": "nord-48", "from_manager": "nord-27", "to_manager": "nord-80"} in positions["moved"]
    assert [m["id"] for m in positions["moved"]] == sorted(m["id"] for m in positions["moved"])
    agencies = {a["id"]: a for a in data["agencies"]}  # type: ignore[attr-defined]
    assert [a["id"] for a in data["agencies"]] == sorted(agencies)  # type: ignore[attr-defined]
    assert agencies["centre"] == {
        "id": "centre", "headcount": [22, 23], "fte": [22.0, 23.0], "site_staff_fte": [20.0, 20.0],
        "management_model": {"expected": [[2], [2]], "detected": [1, 2]},
        "perimeter_model": [4, 4], "tenancy_models": [[1], [1]], "site_management": ["internal", "internal"]}
    findings = data["findings"]
    assert isinstance(findings, dict) and findings["introduced"] == []
    assert findings["resolved"] == [  # sorted by agency id, then rule
        {"rule": "management.model-mismatch", "agency": "centre", "positions": ["centre-01"]},
        {"rule": "structure.span", "agency": "centre", "positions": ["centre-01"]},
        {"rule": "site.provider-unpiloted", "agency": "coteaux", "positions": ["coteaux-18"]},
        {"rule": "site.gardiennage", "agency": "nord", "positions": ["nord-45", "nord-46"]},
        {"rule": "site.sector-span", "agency": "nord", "positions": ["nord-27"]},
    ]
    notice, = data["notices"]  # type: ignore[misc]
    assert (notice["kind"], notice["agency"], notice["site"]) == ("guarding-change", "nord", "roseraie")
    assert "La Roseraie" in notice["message"] and "CSI R271-3" in notice["message"]


def test_two_runs_print_the_same_bytes(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    outputs = {run(capsys, "diff", demo, "--from", EXISTANT, "--to", CIBLE, "--format", fmt)[1]
               for fmt in ("json", "json")}
    assert len(outputs) == 1


def test_the_text_says_what_changed_in_the_language_asked(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    code, out, _ = run(capsys, "diff", demo, "--from", EXISTANT, "--to", CIBLE, "--lang", "fr")
    assert code == 0
    assert "Comparaison de scénarios : « Existant 2026 » → « Cible 2027 »" in out
    assert "Postes : 4 ajoutés, 1 supprimé, 21 changés de responsable, 1 modifié" in out
    assert "Modèle de management détecté : M1 → M2" in out
    assert "+ nord-81  Gardien (vacant) — Agence Nord" in out
    assert "conseil de concertation locative (CSI R271-3)" in out
    code, out, _ = run(capsys, "diff", demo, "--from", EXISTANT, "--to", CIBLE, "--lang", "en")
    assert "Detected management model: M1 → M2" in out and "tenant consultation council" in out


def test_two_files_a_year_apart_compare_like_two_scenarios_of_a_project(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    start = base()
    end = target(start, positions=[*edited(start, "t1", fte=0.8, holder="Zoé"), Position("t10", "client_officer",
                                                                                       "nord")],
                 links=[*(link for link in start.links if link != Link("h", "t2")), Link("m1", "t2"),
                        Link("h", "t10")])
    data = diff_json(capsys, "--from-file", write(tmp_path / "2025.json", start),
                     "--to-file", write(tmp_path / "2026.json", end))
    assert data["positions"] == {
        "added": ["t10"], "removed": [],
        "moved": [{"id": "t2", "from_manager": "h", "to_manager": "m1"}],
        "changed": [{"id": "t1", "fields": {"holder": ["Chargé 1", "Zoé"], "fte": [1.0, 0.8]}}]}


def test_one_side_from_the_project_and_the_other_from_a_file(capsys: pytest.CaptureFixture[str], demo: Path,
                                                             tmp_path: Path) -> None:
    code, _out, err = run(capsys, "convert", demo, tmp_path / "cible.json", "--scenario", CIBLE)
    assert code == 0, err
    data = diff_json(capsys, demo, "--from", EXISTANT, "--to-file", tmp_path / "cible.json")
    assert data["positions"]["added"] == ["centre-50", "centre-51", "nord-80", "nord-81"]  # type: ignore[index]


def test_an_agency_in_one_scenario_only_is_listed_with_null_on_the_other_side(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    start = base()
    end = target(start, agencies=(*start.agencies, Agency("sud", "Agence Sud")),
                 positions=[*start.positions, Position("s-h", "agency_head", "sud")])
    data = diff_json(capsys, "--from-file", write(tmp_path / "a.json", start), "--to-file",
                     write(tmp_path / "b.json", end))
    sud = next(a for a in data["agencies"] if a["id"] == "sud")  # type: ignore[attr-defined]
    assert sud["headcount"] == [None, 1]
    assert sud["management_model"] == {"expected": [None, [1]], "detected": [None, 1]}
    assert sud["perimeter_model"] == [None, None] and sud["site_management"] == [None, None]


def test_a_guarding_change_gives_a_notice_in_the_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    start = base()
    data = diff_json(capsys, "--from-file", write(tmp_path / "a.json", start), "--to-file",
                     write(tmp_path / "b.json", target(start, positions=edited(start, "c2", site=None))))
    assert data["notices"] == [{"kind": "guarding-change", "agency": "nord", "site": "s1", "message": (
        "Agence Nord, estate La Roseraie (310 dwellings) — guarding before: 2 FTE of caretakers and building "
        "attendants; after: 1 FTE of caretakers and building attendants (no longer guarding: Ben (Caretaker)). "
        "Blocks of 100 dwellings covered: 2 of 3 before, 1 of 3 after; 1 block is no longer covered. The change "
        "must be put to the tenant consultation council (CSI R271-3).")}]

@pytest.mark.parametrize(("args", "says"), [
    ((), "name FILE with --from NAME --to NAME"),
    (("{demo}",), "name the two scenarios to compare with --from NAME and --to NAME"),
    (("{demo}", "--from", EXISTANT), "name the two scenarios"),
    (("{demo}", "--from", EXISTANT, "--to", "Cible 2030"), "no scenario named 'Cible 2030'"),
    (("{demo}", "--from", EXISTANT, "--to", CIBLE, "--page", "A3"), "--page: options of --pdf"),
    (("{demo}", "--from-file", "{demo}", "--to-file", "{demo}", "--from", EXISTANT, "--to", CIBLE),
     "not used when both --from-file and --to-file are given"),
    (("{missing}", "--from", EXISTANT, "--to", CIBLE), "missing.orgd"),
])
def test_a_comparison_that_cannot_be_made_says_why_and_exits_2(
        capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path, args: tuple[str, ...], says: str) -> None:
    filled = [a.format(demo=demo, missing=tmp_path / "missing.orgd") for a in args]
    code, out, err = run(capsys, "diff", *filled)
    assert code == 2
    assert says in err and out == ""
    assert "Traceback" not in err


def test_a_scenario_json_alone_cannot_be_compared_with_itself(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    alone = write(tmp_path / "a.json", base())
    code, out, err = run(capsys, "diff", alone)
    assert code == 2 and out == ""
    assert "a scenario JSON holds one scenario; compare it with another file" in err


def test_a_scenario_named_twice_is_compared_with_a_word_that_nothing_will_change(
        capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    code, out, err = run(capsys, "diff", demo, "--from", EXISTANT, "--to", EXISTANT, "--lang", "en")
    assert code == 0 and "Positions: 0 added" in out
    assert "--from and --to name the same scenario" in err


def test_a_broken_file_is_named_with_its_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", base())
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "orgdesigner-scenario", "version": 1, "positions": [', encoding="utf-8")
    code, _out, err = run(capsys, "diff", "--from-file", good, "--to-file", bad)
    assert code == 2 and "bad.json" in err


def test_a_project_s_first_scenario_is_taken_when_a_file_side_names_none(
        capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    other = write(tmp_path / "b.json", replace(base(), name="Autre"))
    code, out, err = run(capsys, "diff", "--from-file", demo, "--to-file", other, "--format", "json")
    assert code == 0
    assert json.loads(out)["from"] == EXISTANT
    assert "holds 2 scenarios; compared its first, 'Existant 2026'" in err
