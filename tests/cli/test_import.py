"""`orgdesigner import`: a CSV extract into a project, or a refusal that leaves the project as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from command_runs import digest, run
from orgdesigner.storage import load_project

EXTRACT = ("Extraction RH;;;;;\n;;;;;\n"
           "Matricule;Nom;Prénom;Emploi;N+1;Agence;ETP\n"
           "1;Dupont;Marie;Responsable d'agence;;Agence Nord;1\n"
           "2;Lefèvre;Hélène;Gardienne;3;Agence Nord;80 %\n"
           "3;Noël;Zoé;Responsable de secteur;1;Agence Nord;0,8\n"
           "4;Roy;Luc;Comptable;1;;1\n").encode("cp1252")


@pytest.fixture
def extract(tmp_path: Path) -> Path:
    path = tmp_path / "Existant 2026.csv"
    path.write_bytes(EXTRACT)
    return path


def test_imports_into_a_new_project(capsys: pytest.CaptureFixture[str], extract: Path, tmp_path: Path) -> None:
    project = tmp_path / "p.orgd"
    code, out, err = run(capsys, "import", str(extract), "--into", str(project), "--lang", "en")
    assert code == 0, err
    assert "header on line 3" in out and "'Comptable': 1" in out and "Windows-1252" in out
    (scenario,) = load_project(project).scenarios
    assert scenario.name == "Existant 2026"
    assert {p.id: (p.role, p.fte) for p in scenario.positions} == {
        "1": ("agency_head", 1.0), "2": ("caretaker", 0.8), "3": ("sector_manager", 0.8), "4": ("other", 1.0)}
    assert {(link.source, link.target) for link in scenario.links} == {("3", "2"), ("1", "3"), ("1", "4")}
    code, _, err = run(capsys, "validate", str(project))
    assert code in (0, 1), err


def test_a_second_import_adds_a_scenario_reusing_agencies(capsys: pytest.CaptureFixture[str], extract: Path,
                                                         tmp_path: Path) -> None:
    project = tmp_path / "p.orgd"
    assert run(capsys, "import", str(extract), "--into", str(project))[0] == 0
    code, _, err = run(capsys, "import", str(extract), "--into", str(project), "--scenario", "Cible", "--lang", "fr")
    assert code == 0, err
    first, second = load_project(project).scenarios
    assert second.name == "Cible" and second.agencies == first.agencies


def refused(capsys: pytest.CaptureFixture[str], project: Path, *args: str) -> str:
    before = digest(project)
    code, _, err = run(capsys, "import", *args, "--into", str(project), "--lang", "en")
    assert code == 2
    assert digest(project) == before
    assert "Traceback" not in err
    return err


@pytest.fixture
def project(capsys: pytest.CaptureFixture[str], extract: Path, tmp_path: Path) -> Path:
    path = tmp_path / "existing.orgd"
    assert run(capsys, "import", str(extract), "--into", str(path))[0] == 0
    return path


@pytest.mark.parametrize(("content", "message"), [
    (b"Matricule,Emploi,N+1\n1,Gardien,9\n", "line 2, column 'N+1': unknown manager '9'"),
    (b"Matricule,Emploi\n1,Gardien\n1,Gardien\n", "line 3, column 'Matricule': duplicate employee id '1'"),
    (b"Matricule,Emploi,ETP\n1,Gardien,150\n", "line 2, column 'ETP'"),
    (b"Matricule,Emploi,N+1\n1,Gardien,2\n2,Gardien,1\n", "a cycle of managers: 1 → 2 → 1"),
    (b"nothing useful\n", "no header row"),
])
def test_blocking_problems_leave_the_project_unchanged(capsys: pytest.CaptureFixture[str], project: Path,
                                                       tmp_path: Path, content: bytes, message: str) -> None:
    source = tmp_path / "bad.csv"
    source.write_bytes(content)
    err = refused(capsys, project, str(source))
    assert message in err and "nothing was imported" in err


def test_dry_run_writes_nothing(capsys: pytest.CaptureFixture[str], project: Path, extract: Path) -> None:
    before = digest(project)
    code, out, _ = run(capsys, "import", str(extract), "--into", str(project), "--scenario", "Essai", "--dry-run")
    assert code == 0 and "Matricule" in out
    assert digest(project) == before


def test_dry_run_into_a_new_project_creates_nothing(capsys: pytest.CaptureFixture[str], extract: Path,
                                                    tmp_path: Path) -> None:
    target = tmp_path / "new.orgd"
    assert run(capsys, "import", str(extract), "--into", str(target), "--dry-run")[0] == 0
    assert not target.exists()


def test_name_clash_broken_workbook_and_bad_mapping_are_refused(capsys: pytest.CaptureFixture[str], project: Path,
                                                     extract: Path, tmp_path: Path) -> None:
    assert "already has a scenario named 'Existant 2026'" in refused(capsys, project, str(extract))
    workbook = tmp_path / "rh.xlsx"
    workbook.write_bytes(b"PK\x03\x04rest of a zip")
    assert "the archive is damaged or incomplete" in refused(capsys, project, str(workbook))
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"columns": {"idd": "Matricule"}}))
    assert "unknown field" in refused(capsys, project, str(extract), "--scenario", "x", "--mapping", str(mapping))
    assert "cannot read" in refused(capsys, project, str(tmp_path / "missing.csv"))


def test_not_a_project_is_refused_untouched(capsys: pytest.CaptureFixture[str], extract: Path, tmp_path: Path) -> None:
    other = tmp_path / "notes.orgd"
    other.write_text("my notes")
    refused(capsys, other, str(extract))


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", ["colonnes : matricule = 'Matricule', nom = 'Nom', intitulé = 'Emploi', ETP = 'ETP'",
            "1 ligne, 1 Gardien"]),
    ("en", ["columns: employee id = 'Matricule', last name = 'Nom', job title = 'Emploi', FTE = 'ETP'",
            "1 row, 1 Caretaker"]),
])
def test_the_summary_names_columns_for_people_and_counts_in_their_language(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, expected: list[str]) -> None:
    source = tmp_path / "un.csv"
    source.write_bytes(b"Matricule;Nom;Emploi;ETP\n1;Roy;Gardien;1\n")
    code, out, err = run(capsys, "import", str(source), "--into", str(tmp_path / "p.orgd"), "--dry-run",
                         "--lang", lang)
    assert code == 0, err
    assert out.splitlines()[1:3] == expected


def test_messages_in_french(capsys: pytest.CaptureFixture[str], project: Path, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_bytes(b"Matricule,Emploi,N+1\n1,Gardien,9\n")
    code, _, err = run(capsys, "import", str(source), "--into", str(project), "--lang", "fr")
    assert code == 2
    assert "ligne 2, colonne 'N+1': responsable '9' inconnu" in err and "rien n'a été importé" in err
