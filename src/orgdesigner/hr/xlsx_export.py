"""A scenario as an Excel workbook: the CSV export's columns and rows (csv_export.export_rows), for
people who open the file in Excel rather than import it, with what a CSV cannot carry: a bold,
frozen header with a filter, columns wide enough to read, the FTE and findings as numbers.

It re-imports to the same scenario as the CSV does (xlsx_source reads the sheet back). A text that
Excel would run as a formula if someone edited its cell (« =HYPERLINK(...) », « +33 1 23 ») is
written as a string cell marked as text (quotePrefix, Excel's leading apostrophe), never a formula.

Equal scenarios exported on the same day give equal bytes, as the PDF does: the workbook says that
day as its creation and modification date, and the zip archive's entries all bear one fixed date,
where openpyxl would stamp the time of writing.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from orgdesigner.hr.csv_export import FORMULA_STARTS, HEADERS, export_rows
from orgdesigner.hr.csv_source import NOT_A_HEADER, HeaderRank, SourceError
from orgdesigner.hr.xlsx_source import read_workbook
from orgdesigner.model.entities import Scenario
from orgdesigner.model.labels import Lang
from orgdesigner.rules.engine import Report

if TYPE_CHECKING:
    from _typeshed import SizedBuffer, StrPath

SHEET: Final = "Postes"
_ZIP_DATE: Final = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can bear
_WIDEST: Final = 60  # characters; a long title wraps in its cell rather than pushing the others away


def scenario_to_xlsx(scenario: Scenario, report: Report, day: datetime.date, lang: Lang = "fr") -> bytes:
    """One row a position under the French headers, as the CSV; `lang` chooses the labels, `day`
    is the date the workbook says it was made."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = SHEET
    sheet.append(HEADERS)
    bold = Font(bold=True)
    widths = [len(header) for header in HEADERS]
    for cell in sheet[1]:
        cell.font = bold
    for number, row in enumerate(export_rows(scenario, report, lang), start=2):
        for column, value in enumerate(row, start=1):
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters an XML file cannot hold
                widths[column - 1] = max(widths[column - 1], len(value))
            cell = sheet.cell(number, column, value)
            if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                cell.data_type = "s"  # openpyxl takes a text starting with « = » for a formula
                cell.quotePrefix = True
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width, _WIDEST) + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.properties.creator = "OrgDesigner"
    book.properties.created = book.properties.modified = datetime.datetime.combine(day, datetime.time())
    buffer = io.BytesIO()
    with _DatedZip(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return buffer.getvalue()


def is_export(data: bytes) -> bool:
    """Whether a workbook is one of these exports (its header on the first row of its first sheet
    with a header): `export --xlsx --force` replaces such a file, never a workbook of the user's."""
    try:
        table = read_workbook(data, lambda cells: HeaderRank(True, len(cells)) if tuple(cells) == HEADERS
                              else NOT_A_HEADER)
    except SourceError:
        return False
    return table.header.line == 1 and table.sheet == table.sheets[0]


class _DatedZip(zipfile.ZipFile):
    """A zip whose entries openpyxl names by text all get the same date instead of the current time."""

    def writestr(self, zinfo_or_arcname: str | zipfile.ZipInfo, data: SizedBuffer | str,
                 compress_type: int | None = None, compresslevel: int | None = None) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=_ZIP_DATE)
            zinfo_or_arcname.compress_type = self.compression
            zinfo_or_arcname.external_attr = 0o600 << 16  # what zipfile gives an entry named by text
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename: StrPath, arcname: StrPath | None = None, compress_type: int | None = None,
              compresslevel: int | None = None) -> None:
        """openpyxl writes each worksheet to a temporary file, then adds it with this: dated by the
        file's modification time, two exports a second apart would differ."""
        self.writestr(str(arcname if arcname is not None else filename), Path(filename).read_bytes(),
                      compress_type, compresslevel)
