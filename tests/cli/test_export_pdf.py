"""`orgdesigner export --pdf`: exit statuses, refusals that leave OUT alone, and what stderr says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from command_runs import run_err as run
from orgdesigner.cli import main
from pdf_reading import page_texts, qpdf_check

SMALL = {
    "format": "orgdesigner-scenario", "version": 1,
    "organisation": {"name": "Petit bailleur"}, "scenario": {"name": "Existant"},
    "agencies": [{"id": "nord", "name": "Agence Nord"}, {"id": "sud", "name": "Agence Sud"}],
    "positions": [{"id": "p1", "agency": "nord", "role": "agency_head", "holder": "Dupont & Fils <SARL>"},
                  {"id": "p2", "agency": "nord", "role": "caretaker"},
                  {"id": "p3", "agency": "sud", "role": "agency_head", "holder": "Léa Œillet"}],
    "links": [{"from": "p1", "to": "p2"}],
}


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.json"
    path.write_text(json.dumps(SMALL), encoding="utf-8")
    return path


def test_writes_a_checked_pdf_and_says_how_many_pages(small: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "chart.pdf"
    code, err = run(capsys, "export", small, "--pdf", out, "--lang", "fr", "--author", "Cabinet Conseil")
    assert code == 0, err
    qpdf_check(out)
    texts = page_texts(out)
    assert f"wrote {out} ({len(texts)} pages" in err
    whole = "\n".join(texts)
    assert "Dupont & Fils <SARL>" in whole and "Léa Œillet" in whole and "Cabinet Conseil" in texts[0]


def test_agencies_chosen_in_per_agency_mode(small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sud.pdf"
    code, err = run(capsys, "export", small, "--pdf", out, "--agency", "sud", "--mode", "per-agency",
                    "--page", "A3", "--orientation", "portrait", "--lang", "en")
    assert code == 0, err
    qpdf_check(out)
    whole = "\n".join(page_texts(out))
    assert "Agence Sud" in whole and "Léa Œillet" in whole and "Dupont" not in whole
    assert "wrote" in err and "per-agency" in err


def test_fit_that_must_tile_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo = tmp_path / "demo.orgd"
    assert main(["demo", str(demo)]) == 0
    out = tmp_path / "demo.pdf"
    code, err = run(capsys, "export", demo, "--pdf", out, "--overlap", "5")
    assert code == 0, err
    qpdf_check(out)
    assert "does not fit on one A4 page with text of 6 pt or more: tiled over" in err


def test_unknown_agency_is_named_with_the_known_ones(small: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    code, err = run(capsys, "export", small, "--pdf", out, "--agency", "nord", "ouest")
    assert code == 2 and not out.exists()
    assert "no agency with id 'ouest' (its agencies: nord, sud)" in err and "Traceback" not in err


@pytest.mark.parametrize("args", [["--overlap", "80"], ["--overlap", "deux"], ["--page", "B5"],
                                  ["--mode", "poster"], ["--title", " "]])
def test_bad_values_are_refused(small: Path, tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(SystemExit) as exited:
        main(["export", str(small), "--pdf", str(out), *args])
    assert exited.value.code == 2 and not out.exists()


def test_options_of_the_other_format_are_refused(small: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, "export", small, "--pdf", tmp_path / "x.pdf", "--scale", "2")
    assert code == 2 and "--scale: not an option of --pdf" in err
    code, err = run(capsys, "export", small, "--png", tmp_path / "x.png", "--mode", "tile")
    assert code == 2 and "--mode: not an option of --png" in err


def test_an_existing_file_is_replaced_only_with_force_and_only_a_pdf(small: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "chart.pdf"
    assert run(capsys, "export", small, "--pdf", out, "--lang", "fr")[0] == 0
    before = out.read_bytes()
    code, err = run(capsys, "export", small, "--pdf", out, "--lang", "en")
    assert code == 2 and "use --force" in err and out.read_bytes() == before
    assert run(capsys, "export", small, "--pdf", out, "--lang", "en", "--force")[0] == 0
    assert out.read_bytes() != before
    notes = tmp_path / "notes.pdf"
    notes.write_text("not a PDF", encoding="utf-8")
    code, err = run(capsys, "export", small, "--pdf", notes, "--force")
    assert code == 2 and "is not a PDF file" in err and notes.read_text(encoding="utf-8") == "not a PDF"


def test_the_pdf_path_never_imports_qt(small: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from orgdesigner.cli import main;"
        f"code = main(['export', {str(small)!r}, '--pdf', {str(tmp_path / 'q.pdf')!r}]);"
        "assert code == 0, code;"
        "assert not [m for m in sys.modules if m.startswith('PySide6') or m.startswith('orgdesigner.ui')]"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
