"""Excel workbooks built in the tests with openpyxl, as HR systems and people leave them: a title block
above the header, several sheets, numbers stored as numbers. No binary fixture is committed."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping, Sequence

import openpyxl

Cells = Sequence[Sequence[object]]

# The sheet an HR system exports: two title lines and a blank line above the header (row 4), a
# matricule and a manager as numbers (one as the float Excel often stores), FTE as 0.8, « 80 % » and 80.
STAFF: Cells = [
    ["Extraction RH — Habitat Exemple"],
    ["au 01/01/2026"],
    [],
    ["Matricule", "Nom", "Prénom", "Emploi", "N+1", "Agence", "ETP", "Site"],
    [100, "Dupont", "Marie", "Responsable d'agence", None, "Agence Nord", 1, None],
    [101.0, "Lefèvre", "Hélène", "Gardienne", 102, "Agence Nord", 0.8, "Les Tilleuls"],
    [102, "Noël", "Zoé", "Responsable de secteur", 100.0, "Agence Nord", "80 %", None],
    [],
    [103, "Roy", "Luc", "Comptable", 100, "Agence Nord", 80, None],
]


def workbook(sheets: Mapping[str, Cells]) -> bytes:
    """The sheets in order, each row appended as given (an empty row stays empty)."""
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewritten(data: bytes, member: str, change: Callable[[bytes], bytes]) -> bytes:
    """The workbook with one part of its archive changed, as another program would have written it."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, change(content) if info.filename == member else content)
    return out.getvalue()
