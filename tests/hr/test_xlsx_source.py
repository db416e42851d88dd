"""Excel workbooks as HR systems and people leave them, read by the same importer as a CSV; and
whatever bytes arrive, a problem to show rather than a traceback."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Sequence

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.chart import BarChart

from orgdesigner.hr import xlsx_source
from orgdesigner.hr.columns import ImportMapping, header_ranker
from orgdesigner.hr.csv_source import SourceError
from orgdesigner.hr.importer import ImportResult, import_source
from orgdesigner.hr.xlsx_source import OLE_SIGNATURE, read_workbook
from workbooks import STAFF, rewritten, workbook

HEADER = ["Matricule", "Emploi", "N+1"]
RANK = header_ranker(ImportMapping())


def summary(result: ImportResult) -> dict[str, tuple[str, float, str | None, str | None]]:
    assert result.scenario is not None, result.problems
    holders = {p.id: p.holder for p in result.scenario.positions}
    managers = {link.target: link.source for link in result.scenario.links}
    return {p.id: (p.role, p.fte, holders[p.id], managers.get(p.id)) for p in result.scenario.positions}


def only_problem(result: ImportResult) -> str:
    assert result.scenario is None
    (problem,) = result.problems
    assert problem.blocking and problem.message.fr
    return problem.message.en


def test_a_sheet_under_a_title_block_with_numbers_as_numbers() -> None:
    result = import_source(workbook({"Personnel": STAFF}), "s")
    assert (result.sheet, result.sheets, result.header_line, result.rows) == ("Personnel", ("Personnel",), 4, 4)
    assert summary(result) == {"100": ("agency_head", 1.0, "Marie Dupont", None),
                               "101": ("caretaker", 0.8, "Hélène Lefèvre", "102"),
                               "102": ("sector_manager", 0.8, "Zoé Noël", "100"),
                               "103": ("other", 0.8, "Luc Roy", "100")}
    assert result.problems == () and result.unmapped_titles == {"Comptable": 1}
    assert result.scenario is not None
    (agency,) = result.scenario.agencies
    assert [site.name for site in agency.sites or ()] == ["Les Tilleuls"]


def test_problems_are_on_the_sheet_rows_excel_shows() -> None:
    rows = [*STAFF[:-1], [103, "Roy", "Luc", "Comptable", 999, "Agence Nord", 150, None]]  # row 9, after a blank
    result = import_source(workbook({"Personnel": rows}), "s")
    assert [(p.line, p.column) for p in result.problems] == [(9, "ETP"), (9, "N+1")]


def test_without_a_sheet_named_the_first_with_a_header_is_read() -> None:
    data = workbook({"Lisez-moi": [["Extraction du 01/01/2026"], ["Voir l'onglet Personnel"]],
                     "Personnel": STAFF,
                     "Ancien": [HEADER, ["9", "Gardien", None]]})
    assert import_source(data, "s").sheet == "Personnel"
    chosen = import_source(data, "s", sheet="Ancien")
    assert (chosen.sheet, chosen.header_line, list(summary(chosen))) == ("Ancien", 1, ["9"])
    assert import_source(data, "s", sheet="personnel").sheet == "Personnel"  # as Excel, regardless of case
    assert only_problem(import_source(data, "s", sheet="Paie")) == (
        "the workbook has no sheet 'Paie' (its sheets: Lisez-moi, Personnel, Ancien)")
    assert only_problem(import_source(data, "s", sheet="Lisez-moi")).startswith(
        "no header row: none of the first 50 lines of sheet 'Lisez-moi'")


def test_a_pivot_sheet_before_the_staff_is_not_taken_for_it() -> None:
    """« Synthèse » names known columns, but no employee id: the staff sheet after it is the one read,
    under its own grouping row; a sheet named is read even without an id column, to say it lacks one."""
    staff = [["Identité", None, None, "Poste", None, "Affectation"], *STAFF[3:]]
    data = workbook({"Synthèse": [["Agence", "ETP"], ["Agence Nord", 3.6]], "Personnel": staff})
    result = import_source(data, "s")
    assert (result.sheet, result.header_line) == ("Personnel", 2)
    assert list(summary(result)) == ["100", "101", "102", "103"]
    assert only_problem(import_source(data, "s", sheet="Synthèse")).startswith("no employee id column")


def test_a_workbook_without_a_header_names_the_sheets_searched() -> None:
    message = only_problem(import_source(workbook({"A": [["x", "y"]], "B": [["1"]]}), "s"))
    assert message.startswith("no header row: none of the first 50 lines of any sheet (A, B)")


def test_cells_become_the_text_a_csv_would_have() -> None:
    row = [1234.0, " Gardien  ", None, datetime.datetime(2026, 1, 31), datetime.datetime(2026, 1, 31, 8, 30),
           datetime.date(2026, 2, 1), 0.1 + 0.2, 0.8, 12345678901234567890, True]
    table = read_workbook(workbook({"S": [HEADER, row, [None, None], ["", "   "]]}), RANK)
    (read,) = table.rows
    assert read.cells == ("1234", "Gardien", "", "2026-01-31", "2026-01-31T08:30:00", "2026-02-01", "0.3", "0.8",
                          "1.23456789012346e+19", "True")  # Excel keeps 15 significant digits too


def test_formulas_give_the_value_excel_computed() -> None:
    data = workbook({"S": [["Matricule", "Emploi", "ETP"], [1, "Gardien", "=0.4*2"]]})
    # Excel stores the last computed value beside the formula; openpyxl, which computes nothing, leaves it empty.
    computed = rewritten(data, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"<v />", b"<v>0.8</v>"))
    assert summary(import_source(computed, "s"))["1"][1] == 0.8


def test_the_declared_dimension_is_not_trusted() -> None:
    """A sheet may claim every row and column Excel has; reading it must cost what it holds."""
    data = workbook({"Personnel": STAFF})
    sheet = "xl/worksheets/sheet1.xml"
    claimed = rewritten(data, sheet, lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"',
                                                         xml))
    assert b"XFD1048576" in zipfile.ZipFile(io.BytesIO(claimed)).read(sheet)
    assert summary(import_source(claimed, "s")) == summary(import_source(data, "s"))
    understated = rewritten(data, sheet, lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', xml))
    assert summary(import_source(understated, "s")) == summary(import_source(data, "s"))


def test_a_row_numbered_beyond_excel_is_not_read() -> None:
    data = workbook({"S": [HEADER, ["1", "Gardien", None]]})
    far = rewritten(data, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        b"</sheetData>", b'<row r="99999999"><c r="A99999999" t="inlineStr"><is><t>2</t></is></c></row></sheetData>'))
    assert list(summary(import_source(far, "s"))) == ["1"]


def test_a_workbook_too_large_once_unpacked_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_source, "MAX_UNPACKED_BYTES", 1000)
    assert "too large once unpacked" in only_problem(import_source(workbook({"Personnel": STAFF}), "s"))


def test_a_workbook_of_charts_only_says_it_has_no_worksheet() -> None:
    book = openpyxl.Workbook()
    book.create_chartsheet("Graphique").add_chart(BarChart())
    first = book.worksheets[0]
    book.remove(first)
    buffer = io.BytesIO()
    book.save(buffer)
    assert only_problem(import_source(buffer.getvalue(), "s")) == "the workbook has no worksheet"


def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


GOOD = workbook({"Personnel": STAFF})


@pytest.mark.parametrize(("data", "message"), [
    (b"PK\x03\x04 then nothing of a zip", "the archive is damaged or incomplete"),
    (GOOD[: len(GOOD) // 2], "the archive is damaged or incomplete"),
    (GOOD[:-30], "the archive is damaged or incomplete"),
    (zipped({"notes.txt": b"hello"}), "a zip archive that is not an Excel workbook (.xlsx)"),
    (zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}),
     "an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV"),
    (zipped({"[Content_Types].xml": b"<Types/>"}), "the file is not a readable Excel workbook: the archive is damaged"),
    (OLE_SIGNATURE + bytes(2000), "an Excel 97-2003 workbook (.xls) or one protected by a password"),
    (rewritten(GOOD, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2]),
     "sheet 'Personnel' could not be read: the file is damaged"),
    (rewritten(GOOD, "xl/workbook.xml", lambda xml: b"<workbook"), "the file is not a readable Excel workbook"),
])
def test_what_is_not_a_readable_workbook_is_said(data: bytes, message: str) -> None:
    assert message in only_problem(import_source(data, "s"))


def test_a_sheet_asked_of_a_csv_is_a_mistake_to_say() -> None:
    assert only_problem(import_source(b"Matricule;Emploi\n1;Gardien\n", "s", sheet="Feuil1")) == (
        "the file is a CSV, which has no sheets: sheet 'Feuil1' does not apply")


def read_or_refuse(data: bytes) -> None:
    """The only exception the reader may raise is SourceError; anything else is a traceback for the user."""
    try:
        table = read_workbook(data, RANK)
    except SourceError as exc:
        assert exc.fr and exc.en
    else:
        assert all(row.line > table.header.line for row in table.rows)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_behind_a_zip_signature_are_refused_cleanly(data: bytes) -> None:
    read_or_refuse(xlsx_source.ZIP_SIGNATURE + data)


SMALL = workbook({"S": [HEADER, ["1", "Gardien", None], ["2", "Gardienne", "1"]]})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SMALL) - 1), st.integers(0, 255)), min_size=1, max_size=6),
       st.integers(len(SMALL) // 2, len(SMALL)))
def test_mutated_workbooks_are_read_or_refused_cleanly(changes: Sequence[tuple[int, int]], length: int) -> None:
    data = bytearray(SMALL[:length])
    for index, value in changes:
        if index < len(data):
            data[index] = value
    read_or_refuse(bytes(data))


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml",
                        "xl/_rels/workbook.xml.rels"]),
       st.binary(max_size=200))
def test_workbooks_with_a_part_replaced_are_read_or_refused_cleanly(member: str, content: bytes) -> None:
    """Inside a sound zip, openpyxl meets broken XML: the errors zip checks cannot catch."""
    read_or_refuse(rewritten(SMALL, member, lambda _xml: content))
