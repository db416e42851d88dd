"""An Excel workbook (.xlsx) read into the numbered rows csv_source gives, for the same importer.

HR systems export to Excel as often as to CSV, and people tidy an extract in Excel before handing
it over. A workbook says more than a CSV (numbers are numbers, there is no encoding to guess) but
not where the data is: it may have several sheets, and a title block above the header. Without a
sheet named, the first sheet whose header has an employee id column is read. Line numbers are the sheet's row
numbers as Excel shows them, so that a problem can be found in the sheet.

Cells become the text the importer reads in a CSV: 0.8 → « 0.8 », a matricule stored as the number
1234.0 → « 1234 », a date → ISO « 2026-01-31 ». Formulas give the value Excel last computed
(a workbook saved by a program that never computes them gives empty cells there).

The file comes from anywhere. openpyxl raises many kinds of exceptions on a damaged one, so every
one of them becomes a SourceError here, and nothing is trusted that would make a small file cost a
lot: the unpacked size is capped before anything is parsed, and the sheet's declared dimension
(which may claim a million rows by 16,384 columns, or be wrong) is ignored; rows are read one by one.
"""

from __future__ import annotations

import datetime
import io
import warnings
import zipfile
from collections.abc import Generator
from contextlib import closing
from typing import TYPE_CHECKING, Final

from defusedxml import DefusedXmlException
from openpyxl import load_workbook

from orgdesigner.hr.csv_source import (
    HEADER_SEARCH_LINES,
    HeaderRanker,
    Row,
    SourceError,
    Table,
    best_header,
    no_header,
)

if TYPE_CHECKING:
    # What Workbook.worksheets holds, as the stubs type it: in read-only mode, a ReadOnlyWorksheet.
    from openpyxl.workbook.workbook import Workbook, _WorksheetLike

ZIP_SIGNATURE: Final = b"PK\x03\x04"  # an .xlsx is a zip archive, whatever its name says
# An OLE compound file: Excel 97-2003 (.xls), and also any workbook saved with a password to open.
OLE_SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
EXCEL_ROWS: Final = 1_048_576  # a row numbered beyond is a damaged or hostile file, not data
# An HR extract unpacks to a few megabytes; a zip that claims more is refused before openpyxl
# loads its shared strings, which it keeps in memory whole.
MAX_UNPACKED_BYTES: Final = 1 << 30
_DAMAGED: Final = ("le fichier n'est pas un classeur Excel lisible : archive endommagée ou incomplète",
                   "the file is not a readable Excel workbook: the archive is damaged or incomplete")


def is_workbook(data: bytes) -> bool:
    return data.startswith(ZIP_SIGNATURE)


def is_legacy_office(data: bytes) -> bool:
    return data.startswith(OLE_SIGNATURE)


def read_workbook(data: bytes, rank: HeaderRanker, sheet: str | None = None) -> Table:
    """The rows under the header of `sheet`, else of the first sheet whose header names the column
    identifying each row (a pivot sheet « Synthèse » of agencies and FTE often comes before the
    staff), else of the first sheet with a header at all, so that the import can say what it lacks.
    The header is the row `rank` ranks highest among the first HEADER_SEARCH_LINES; blank rows left
    out, cells trimmed. Raises SourceError."""
    with warnings.catch_warnings():  # openpyxl warns of every extension it skips: nothing for the user
        warnings.simplefilter("ignore")
        book = _open(data)
        try:
            names = tuple(ws.title for ws in book.worksheets)
            if not names:
                raise SourceError(None, "le classeur n'a aucune feuille de calcul", "the workbook has no worksheet")
            if sheet is not None:
                table = _table(_named(book, sheet, names), rank, names, identified=False)
                if table is None:
                    raise no_header(f" de la feuille « {sheet} »", f" of sheet {sheet!r}")
                return table
            for identified in (True, False):
                for worksheet in book.worksheets:
                    table = _table(worksheet, rank, names, identified=identified)
                    if table is not None:
                        return table
            listed = ", ".join(names)
            raise no_header(f" d'aucune feuille ({listed})", f" of any sheet ({listed})")
        finally:
            book.close()


def sheet_names(data: bytes) -> tuple[str, ...]:
    """The worksheets, in the workbook's order (chart sheets have no rows and are left out)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = _open(data)
        try:
            return tuple(ws.title for ws in book.worksheets)
        finally:
            book.close()


def _open(data: bytes) -> Workbook:
    if is_legacy_office(data):
        raise SourceError(None, "classeur Excel 97-2003 (.xls) ou protégé par un mot de passe : ouvrez-le dans "
                                "Excel, retirez le mot de passe s'il y en a un, et enregistrez-le au format .xlsx "
                                "(Classeur Excel) ou CSV",
                          "an Excel 97-2003 workbook (.xls) or one protected by a password: open it in Excel, "
                          "remove the password if it has one, and save it as .xlsx (Excel Workbook) or CSV")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:  # zipfile raises more than BadZipFile on a truncated or forged archive
        raise SourceError(None, *_DAMAGED) from None
    names = {member.filename for member in members}
    if "mimetype" in names and "content.xml" in names:
        raise SourceError(None, "classeur OpenDocument (.ods) : enregistrez-le au format .xlsx ou CSV",
                          "an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV")
    if "[Content_Types].xml" not in names:
        raise SourceError(None, "archive zip qui n'est pas un classeur Excel (.xlsx)",
                          "a zip archive that is not an Excel workbook (.xlsx)")
    if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        raise SourceError(None, "classeur trop grand une fois décompressé pour un extrait RH",
                          "the workbook is too large once unpacked for an HR extract")
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # the boundary with openpyxl: whatever it raises, the file is at fault
        raise _hostile(exc) or SourceError(None, f"{_DAMAGED[0]} ({_reason(exc)})",
                                           f"{_DAMAGED[1]} ({_reason(exc)})") from None


def _named(book: Workbook, sheet: str, names: tuple[str, ...]) -> _WorksheetLike:
    """Excel tells sheet names apart regardless of case, so `--sheet personnel` finds « Personnel »."""
    for wanted in (sheet, sheet.casefold()):
        for worksheet in book.worksheets:
            if wanted in (worksheet.title, worksheet.title.casefold()):
                return worksheet
    listed = ", ".join(names)
    raise SourceError(None, f"le classeur n'a pas de feuille « {sheet} » (ses feuilles : {listed})",
                      f"the workbook has no sheet {sheet!r} (its sheets: {listed})")


def _table(worksheet: _WorksheetLike, rank: HeaderRanker, names: tuple[str, ...], *,
           identified: bool) -> Table | None:
    """None when no row among the first HEADER_SEARCH_LINES is a header (`identified`: one naming
    the identifying column): the rest is read only for the sheet taken, so trying the sheets in
    turn costs a few rows each, not each sheet whole."""
    try:
        with closing(_rows(worksheet)) as rows:
            window: list[Row] = []
            for row in rows:
                window.append(row)
                if row.line >= HEADER_SEARCH_LINES:
                    break
            found = best_header(((index, row.cells) for index, row in enumerate(window)
                                 if row.line <= HEADER_SEARCH_LINES), rank)
            if found is None or (identified and not found[1].identified):
                return None
            index = found[0]
            # Read no wider than the header: a cell right of its last column has no header and is never
            # used, and a file that puts one in column XFD of every row would cost 16,384 cells a row.
            rest = _rows(worksheet, first=window[-1].line + 1, width=len(window[index].cells))
            return Table("", "", window[index], (*window[index + 1:], *rest), worksheet.title, names)
    except Exception as exc:  # raised while openpyxl parses the sheet: a damaged file, as in _open
        title = worksheet.title
        raise _hostile(exc) or SourceError(
            None, f"la feuille « {title} » n'a pas pu être lue, le fichier est endommagé ({_reason(exc)})",
            f"sheet {title!r} could not be read: the file is damaged ({_reason(exc)})") from None


def _rows(worksheet: _WorksheetLike, first: int = 1, width: int | None = None) -> Generator[Row, None, None]:
    # Without a declared dimension, openpyxl makes each row as wide as its own last cell (or `width`)
    # and stops at the last row there is, rather than padding every row to what the file claims.
    worksheet.reset_dimensions()
    values = worksheet.iter_rows(min_row=first, max_row=EXCEL_ROWS, min_col=1, max_col=width, values_only=True)
    for line, cells in enumerate(values, start=first):
        texts = [_text(cell) for cell in cells]
        while texts and not texts[-1]:
            texts.pop()
        if texts:
            yield Row(line, tuple(texts))


def _text(value: object) -> str:
    """A cell as the importer reads a CSV's: numbers without a spurious « .0 » and rounded as Excel
    shows them (15 significant digits), dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 2**53:  # a matricule or a count typed as a number
            return str(int(value))
        return f"{value:.15g}"
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value).strip()


def _hostile(exc: BaseException) -> SourceError | None:
    """defusedxml's refusal (openpyxl parses with it when it is installed) of an entity declaration, the
    billion laughs, or an external reference, found under openpyxl's own wrapping: a file built to harm,
    said as such rather than as damage. Excel never writes either; the format forbids DTDs."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, DefusedXmlException):
            return SourceError(None, "le classeur déclare des entités XML ou des références externes, refusées par "
                                     "sécurité : Excel n'en écrit jamais", "the workbook declares XML entities or "
                                     "external references, refused for safety: Excel never writes them")
        cause = cause.__cause__ or cause.__context__
    return None


def _reason(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
