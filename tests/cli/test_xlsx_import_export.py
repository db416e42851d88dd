"""`orgdesigner import` of an Excel workbook and `orgdesigner export --xlsx`: the sheet chosen and named,
every refusal leaving the project byte for byte as it was, and an export that re-imports to the
same scenario, with no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import datetime
import io
import json
import os
import stat
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from command_runs import digest, run, run_err
from orgdesigner.app.demo import demo_project
from orgdesigner.hr.csv_export import HEADERS
from orgdesigner.hr.xlsx_export import scenario_to_xlsx
from orgdesigner.hr.xlsx_source import OLE_SIGNATURE
from orgdesigner.io.scenario_json import read_scenario_file, scenario_to_json
from orgdesigner.model.entities import Organisation
from orgdesigner.rules.engine import validate
from orgdesigner.storage import load_project
from workbooks import STAFF, workbook

# Everything an export carries and nothing else (agency and site ids as the importer makes them from
# names, sites without dwellings, hierarchical links only, `other` posts in the family it gives them),
# so that the round trip can be compared whole through the canonical JSON writer.
CARRIED = {
    "format": "orgdesigner-scenario", "version": 1,
    "organisation": {"name": "Petit bailleur"}, "scenario": {"name": "Cible 2027"},
    "agencies": [{"id": "agence-nord", "name": "Agence Nord",
                  "sites": [{"id": "les-tilleuls", "name": "Les Tilleuls", "dwellings": 0}]}],
    "positions": [
        {"id": "1", "agency": "agence-nord", "role": "agency_head", "holder": '=HYPERLINK("x")',
         "notes": "Départ en retraite en juin.\nRemplacement à prévoir ; voir la DRH."},
        {"id": "2", "agency": "agence-nord", "role": "caretaker", "holder": "+33 1 23", "fte": 0.8,
         "site": "les-tilleuls"},
        {"id": "3", "agency": None, "role": "other", "family": "management", "title": "@Veilleur",
         "holder": "Dupont & Fils <SARL>"},
        {"id": "4", "agency": "agence-nord", "role": "client_officer", "title": "-Chargée", "fte": 0.5,
         "notes": "- à temps partiel choisi"},
        {"id": "007", "agency": "agence-nord", "role": "mediator"},
    ],
    "links": [{"from": "1", "to": "2"}, {"from": "1", "to": "4"}, {"from": "1", "to": "007"}],
}


@pytest.fixture
def carried(tmp_path: Path) -> Path:
    path = tmp_path / "carried.json"
    path.write_text(json.dumps(CARRIED), encoding="utf-8")
    return path


@pytest.fixture
def staff(tmp_path: Path) -> Path:
    path = tmp_path / "Extraction janvier.xlsx"
    path.write_bytes(workbook({"Lisez-moi": [["Extraction RH"], ["voir l'onglet Personnel"]], "Personnel": STAFF,
                               "Intérim": [["Matricule", "Emploi", "N+1"], ["I1", "Gardien", None]]}))
    return path


@pytest.fixture
def project(capsys: pytest.CaptureFixture[str], staff: Path, tmp_path: Path) -> Path:
    path = tmp_path / "p.orgd"
    assert run(capsys, "import", staff, "--into", path, "--sheet", "Intérim", "--scenario", "Intérim")[0] == 0
    return path


def test_a_workbook_is_imported_from_the_sheet_with_a_header(capsys: pytest.CaptureFixture[str], staff: Path,
                                                             tmp_path: Path) -> None:
    target = tmp_path / "new.orgd"
    code, out, err = run(capsys, "import", staff, "--into", target, "--lang", "en")
    assert code == 0, err
    assert f"{staff}: sheet 'Personnel' (other sheets: 'Lisez-moi', 'Intérim'), header on line 4" in out
    (scenario,) = load_project(target).scenarios
    assert scenario.name == "Extraction janvier"
    assert {p.id: (p.role, p.fte) for p in scenario.positions} == {
        "100": ("agency_head", 1.0), "101": ("caretaker", 0.8), "102": ("sector_manager", 0.8), "103": ("other", 0.8)}
    assert {(link.source, link.target) for link in scenario.links} == {("102", "101"), ("100", "102"), ("100", "103")}


def test_sheet_chooses_another_sheet(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (scenario,) = load_project(project).scenarios
    assert [p.id for p in scenario.positions] == ["I1"]


def test_summary_and_problems_in_french_name_the_sheet(capsys: pytest.CaptureFixture[str], project: Path,
                                                       tmp_path: Path) -> None:
    source = tmp_path / "rh.xlsx"
    source.write_bytes(workbook({"Personnel": [["Matricule", "Emploi", "N+1"], [1, "Gardien", 9]]}))
    code, out, err = run(capsys, "import", source, "--into", project, "--lang", "fr")
    assert code == 2
    assert "feuille 'Personnel', en-tête ligne 1" in out
    assert f"{source}, feuille 'Personnel', ligne 2, colonne 'N+1': responsable '9' inconnu" in err


def refused(capsys: pytest.CaptureFixture[str], project: Path, source: Path, *args: str) -> str:
    before = digest(project)
    code, _, err = run(capsys, "import", source, "--into", project, "--lang", "en", *args)
    assert code == 2 and digest(project) == before
    assert "Traceback" not in err
    return err


GOOD = workbook({"Personnel": STAFF})


@pytest.mark.parametrize(("content", "args", "message"), [
    (b"PK\x03\x04 and the rest is lost", (), "the archive is damaged or incomplete"),
    (GOOD[: len(GOOD) * 2 // 3], (), "the archive is damaged or incomplete"),
    (OLE_SIGNATURE + bytes(1000), (), "save it as .xlsx (Excel Workbook) or CSV"),
    (GOOD, ("--sheet", "Paie"), "sheet 'Paie' (its sheets: Personnel)"),
    (workbook({"P": [["Matricule", "Emploi"], [1, "Gardien"], [1.0, "Gardienne"]]}), (),
     "sheet 'P', line 3, column 'Matricule': duplicate employee id '1'"),
    (workbook({"P": [["Matricule", "Emploi", "N+1"], [1, "Gardien", 2]]}), (),
     "sheet 'P', line 2, column 'N+1': unknown manager '2'"),
])
def test_refusals_leave_the_project_unchanged(capsys: pytest.CaptureFixture[str], project: Path, tmp_path: Path,
                                              content: bytes, args: tuple[str, ...], message: str) -> None:
    source = tmp_path / "rh.xlsx"
    source.write_bytes(content)
    err = refused(capsys, project, source, "--scenario", "Nouveau", *args)
    assert message in err and "nothing was imported" in err


def test_a_zip_that_is_not_a_workbook_is_refused(capsys: pytest.CaptureFixture[str], project: Path,
                                                 tmp_path: Path) -> None:
    source = tmp_path / "rh.xlsx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    assert "a zip archive that is not an Excel workbook (.xlsx)" in refused(capsys, project, source)


def test_sheet_of_a_csv_is_refused(capsys: pytest.CaptureFixture[str], project: Path, tmp_path: Path) -> None:
    source = tmp_path / "rh.csv"
    source.write_bytes(b"Matricule;Emploi\n1;Gardien\n")
    assert "the file is a CSV, which has no sheets" in refused(capsys, project, source, "--sheet", "Feuil1")


def test_the_xlsx_export_re_imports_to_the_same_scenario(capsys: pytest.CaptureFixture[str], carried: Path,
                                                         tmp_path: Path) -> None:
    out, project = tmp_path / "out.xlsx", tmp_path / "new.orgd"
    code, err = run_err(capsys, "export", carried, "--xlsx", out)
    assert code == 0, err
    code, err = run_err(capsys, "import", out, "--into", project, "--scenario", "Cible 2027")
    assert code == 0, err
    organisation = Organisation("Petit bailleur")
    assert scenario_to_json(organisation, load_project(project).scenarios[0]) == scenario_to_json(
        organisation, read_scenario_file(carried).scenario)


def test_the_xlsx_has_no_formula_and_numbers_as_numbers(capsys: pytest.CaptureFixture[str], carried: Path,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    assert run_err(capsys, "export", carried, "--xlsx", out, "--lang", "fr")[0] == 0
    sheet = openpyxl.load_workbook(out).worksheets[0]  # as written: formulas would show as formulas
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert tuple(cell.value for cell in sheet[1]) == HEADERS and all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    holders = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    assert holders["1"].value == '=HYPERLINK("x")' and holders["1"].quotePrefix
    assert holders["2"].value == "+33 1 23" and holders["2"].quotePrefix
    fte = {row[0].value: row[HEADERS.index("ETP")].value for row in sheet.iter_rows(min_row=2)}
    assert fte == {"1": 1, "2": 0.8, "3": 1, "4": 0.5, "007": 1}  # numbers, and « 007 » kept as text
    assert sheet.column_dimensions["C"].width > len("Libellé emploi")


def test_equal_scenarios_exported_the_same_day_are_equal_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = demo_project().scenarios[0]
    report = validate(scenario)
    day = datetime.date(2026, 3, 1)
    first = scenario_to_xlsx(scenario, report, day)
    later = time.time() + 86_400 * 3
    monkeypatch.setattr(time, "time", lambda: later)  # the clock a zip writer would stamp entries with
    assert scenario_to_xlsx(scenario, report, day) == first
    assert scenario_to_xlsx(scenario, report, day + datetime.timedelta(days=1)) != first
    assert openpyxl.load_workbook(io.BytesIO(first)).properties.created == datetime.datetime(2026, 3, 1)


def test_an_existing_workbook_is_replaced_only_when_it_is_an_export(capsys: pytest.CaptureFixture[str],
                                                                    carried: Path, staff: Path,
                                                                    tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    assert run_err(capsys, "export", carried, "--xlsx", out)[0] == 0
    before = digest(out)
    code, err = run_err(capsys, "export", carried, "--xlsx", out)
    assert code == 2 and "use --force" in err and digest(out) == before
    assert run_err(capsys, "export", carried, "--xlsx", out, "--force")[0] == 0
    kept = digest(staff)  # the user's own workbook: never replaced, even with --force
    code, err = run_err(capsys, "export", carried, "--xlsx", staff, "--force")
    assert code == 2 and "exists and is not an XLSX export" in err and digest(staff) == kept
    code, err = run_err(capsys, "export", carried, "--xlsx", out, "--force", "--page", "A3")
    assert code == 2 and "--page: not an option of --xlsx" in err


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("scenario", ["Existant 2026", "Cible 2027"])
def test_the_demo_exported_and_imported_into_its_project_comes_back_unchanged(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str, scenario: str) -> None:
    """Every field a position has: families of `other` posts, a contractor's guarding and the notes
    of the target's new posts included; the agencies, matched by name, keep their sites, perimeter
    and models."""
    project, out = tmp_path / "demo.orgd", tmp_path / f"existant.{kind}"
    assert run(capsys, "demo", project)[0] == 0
    assert any(p.notes for p in next(s for s in load_project(project).scenarios if s.name == scenario).positions) == (
        scenario == "Cible 2027")
    assert run(capsys, "export", project, f"--{kind}", out, "--scenario", scenario)[0] == 0
    code, err = run_err(capsys, "import", out, "--into", project, "--scenario", "Retour RH")
    assert code == 0, err
    code, out_text, err = run(capsys, "diff", project, "--from", scenario, "--to", "Retour RH",
                              "--format", "json")
    assert code == 0, err
    diff = json.loads(out_text)
    assert diff["positions"] == {"added": [], "removed": [], "moved": [], "changed": []}
    assert diff["findings"] == {"resolved": [], "introduced": []}
    assert all(a[key][0] == a[key][1] for a in diff["agencies"] for key in ("headcount", "perimeter_model",
                                                                          "site_management"))


def test_exports_a_few_seconds_apart_are_equal_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl adds each worksheet from a temporary file, which zipfile dates by its modification
    time: that entry too must bear the fixed date."""
    scenario = demo_project().scenarios[0]
    report = validate(scenario)
    day = datetime.date(2026, 3, 1)
    first = scenario_to_xlsx(scenario, report, day)
    real_stat = os.stat

    def later(path: object, *args: object, **kwargs: object) -> os.stat_result:
        found = real_stat(path, *args, **kwargs)  # type: ignore[arg-type]
        values = list(found)
        values[stat.ST_MTIME] += 7
        return os.stat_result(values)

    monkeypatch.setattr(os, "stat", later)
    assert scenario_to_xlsx(scenario, report, day) == first
