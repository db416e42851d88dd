"""Names that look like markup print as typed in both PDFs (reportlab's Paragraph reads markup): a
holder « <b>Évelyne</b> & Fils » is neither bold nor a broken paragraph, nor refused, and text that is
already escaped (« &lt; ») is not unescaped on the way. Read back as a reader's software reads them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile import (
    AFTER,
    AGENCY,
    AUTHOR,
    BEFORE,
    ESCAPED,
    HEADLESS,
    HOLDER,
    NEW_HOLDER,
    NEW_TITLE,
    ORGANISATION,
    PDF_TITLE,
    RENAMED,
    SCENARIO,
    SITE,
    TARGET,
    TITLE,
)

from command_runs import run_err
from pdf_reading import page_texts, qpdf_check


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    before, after = folder / "before.json", folder / "after.json"
    before.write_text(json.dumps(BEFORE), encoding="utf-8")
    after.write_text(json.dumps(AFTER), encoding="utf-8")
    return before, after


def text_of(path: Path) -> str:
    qpdf_check(path)
    return "\n".join(page_texts(path))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_chart_pdf_prints_every_name_as_typed(files: tuple[Path, Path], tmp_path: Path, lang: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "chart.pdf"
    code, err = run_err(capsys, "export", files[0], "--pdf", out, "--lang", lang, "--author", AUTHOR,
                        "--title", PDF_TITLE)
    assert code == 0, err
    whole = text_of(out)
    for literal in (ORGANISATION, SCENARIO, HOLDER, TITLE, ESCAPED, AGENCY, AUTHOR, PDF_TITLE, SITE, HEADLESS):
        assert literal in whole, literal


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_comparison_pdf_prints_every_name_as_typed(files: tuple[Path, Path], tmp_path: Path, lang: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "diff.pdf"
    code, err = run_err(capsys, "diff", "--from-file", files[0], "--to-file", files[1], "--pdf", out,
                        "--lang", lang, "--author", AUTHOR, "--title", PDF_TITLE)
    assert code == 0, err
    whole = text_of(out)
    for literal in (ORGANISATION, SCENARIO, TARGET, HOLDER, NEW_HOLDER, TITLE, NEW_TITLE, ESCAPED, RENAMED, AUTHOR,
                    PDF_TITLE):
        assert literal in whole, literal
