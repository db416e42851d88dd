"""Reading the exported PDFs back as a reader's software does: pages, text, fonts, and qpdf's check."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject


def qpdf_check(path: Path) -> None:
    """`qpdf --check` on a PDF the tests made; skipped only where the qpdf binary is absent (CI
    installs it, see .ci/run)."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf is not installed (apt-get install qpdf): the PDF's structure was not checked")
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def fonts_used(path: Path) -> dict[str, DictionaryObject]:
    """Every font of every page, by its base name, resolved."""
    found: dict[str, DictionaryObject] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        font_dict = resources.get_object().get("/Font")
        if font_dict is None:
            continue
        for ref in font_dict.get_object().values():
            font = ref.get_object()
            found[str(font["/BaseFont"])] = font
    return found
