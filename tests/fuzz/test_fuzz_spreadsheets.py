"""HR extracts, CSV and workbooks, damaged and forged: what `orgdesigner import` and the import dialog read.

Each case gives the documented result (hr.importer.ImportResult: a scenario, or no scenario and the
blocking problems that say why), in bounded time and memory; an imported scenario passes the scenario
JSON reader's checks, as any scenario saved in a project must; the file read is left as it was."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from fuzzing import CASES, bounded, demo_csv, export_xlsx, fuzz_settings, rezipped, with_member
from hypothesis import given
from hypothesis import strategies as st

from orgdesigner.hr import xlsx_source
from orgdesigner.hr.csv_source import HEADER_SEARCH_LINES
from orgdesigner.hr.importer import ImportResult, import_source
from orgdesigner.hr.xlsx_source import MAX_UNPACKED_BYTES, ZIP_SIGNATURE
from orgdesigner.io.scenario_json import read_scenario_data, scenario_to_data
from orgdesigner.model.entities import Organisation
from workbooks import STAFF, workbook

SHEET = "xl/worksheets/sheet1.xml"
MEMBERS = [SHEET, "xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels",
           "_rels/.rels", "docProps/core.xml", "xl/sharedStrings.xml"]
# An XML entity bomb: ten levels of tenfold expansion, a billion "lol"s from a few hundred bytes.
BILLION_LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
                  + b"".join(b'<!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                  b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
ENTITIES = "the workbook declares XML entities or external references, refused for safety: Excel never writes them"
EXTERNAL_ENTITY = (b'<?xml version="1.0"?>\n<!DOCTYPE w [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
                   b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                   b'<row r="1"><c r="A1" t="inlineStr"><is><t>&secret;</t></is></c></row></sheetData></worksheet>')


def import_or_refuse(data: bytes) -> ImportResult:
    """The documented result, and nothing else: a scenario without blocking problems, or none with at
    least one, every problem in both languages."""
    CASES["spreadsheet"] += 1
    with bounded(30):
        result = import_source(data, "Import")
    assert all(problem.message.fr and problem.message.en for problem in result.problems)
    if result.scenario is None:
        assert result.blocking, "no scenario, and nothing said why"
    else:
        assert not result.blocking
        read_scenario_data(scenario_to_data(Organisation("Import"), result.scenario))
    return result


def refused(result: ImportResult) -> str:
    assert result.scenario is None
    return " | ".join(problem.message.en for problem in result.blocking)


# Two real workbooks: one as an HR system exports it (a title block, shared strings, numbers as numbers),
# one as OrgDesigner's export writes it (inline strings); and each with its parts stored rather than
# deflated, so that flipped bytes reach the XML instead of failing the checksum.
WORKBOOKS = {"hr": workbook({"Personnel": STAFF}), "export": export_xlsx()}
WORKBOOKS |= {f"{name} stored": rezipped(data, lambda _name, xml: xml, zipfile.ZIP_STORED)
              for name, data in WORKBOOKS.items()}
BASES = st.sampled_from(sorted(WORKBOOKS))


def test_the_real_files_import() -> None:
    """The fuzzed files start from files that import: a mutation, not the start, is what is refused."""
    for data in (demo_csv(), *WORKBOOKS.values()):
        assert import_or_refuse(data).scenario is not None


# CSV -----------------------------------------------------------------------------------------------


@fuzz_settings(120)
@given(st.binary(max_size=3000))
def test_random_bytes(data: bytes) -> None:
    import_or_refuse(data)


CSV_PIECES = st.sampled_from([";", ",", "\t", '"', "\n", "\r", "\r\n", "\x00", "'=", "=1+1", "é", "\ufeff", "80 %",
                              "1e400", "-0", "NaN", "Matricule", "N+1", "Agence", "x" * 100_000])


@fuzz_settings(150)
@given(st.lists(st.tuples(st.sampled_from(["insert", "delete", "replace"]), st.integers(min_value=0), CSV_PIECES),
                min_size=1, max_size=10),
       st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_mutated_csv(edits: list[tuple[str, int, str]], encoding: str) -> None:
    text = demo_csv().decode("utf-8")
    for kind, offset, piece in edits:
        at = offset % (len(text) + 1)
        end = at if kind == "insert" else at + (1 if kind == "delete" else len(piece))
        text = text[:at] + ("" if kind == "delete" else piece) + text[end:]
    import_or_refuse(text.encode(encoding, errors="replace"))


@fuzz_settings(40)
@given(st.integers(min_value=0), st.binary(max_size=50))
def test_truncated_csv(length: int, tail: bytes) -> None:
    data = demo_csv()
    import_or_refuse(data[: length % len(data)] + tail)


def test_huge_csv_values_are_read_in_bounded_time() -> None:
    header = "Matricule;Nom;Emploi;N+1;ETP\n"
    rows = [f"{i};{'Dupont' * 10_000};Gardien;{i - 1 if i else ''};{'9' * 5000}\n" for i in range(20)]
    started = time.perf_counter()
    result = import_or_refuse((header + "".join(rows) + ";" * 100_000 + "\n").encode())
    assert time.perf_counter() - started < 10
    assert result.scenario is None and {(p.line, p.column) for p in result.blocking} == {
        (line, "ETP") for line in range(2, 22)}, "each row's 5,000-digit FTE, and nothing else, is refused"


# Workbooks -----------------------------------------------------------------------------------------


@fuzz_settings(60)
@given(st.binary(max_size=2000))
def test_random_bytes_behind_a_zip_signature(data: bytes) -> None:
    import_or_refuse(ZIP_SIGNATURE + data)


@fuzz_settings(100)
@given(BASES, st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1, max_size=8))
def test_flipped_bytes_in_a_workbook(base: str, flips: list[tuple[int, int]]) -> None:
    data = bytearray(WORKBOOKS[base])
    for offset, mask in flips:
        data[offset % len(data)] ^= mask
    import_or_refuse(bytes(data))


@fuzz_settings(40)
@given(BASES, st.integers(min_value=0))
def test_truncated_workbook(base: str, length: int) -> None:
    data = WORKBOOKS[base]
    import_or_refuse(data[: length % len(data)])


XML_PIECES = st.sampled_from(["<", ">", "&", "&amp;", "&lol;", '"', "/", "=", "</c>", "<row>", '<c r="ZZZZ1">',
                              '<row r="99999999">', '<row r="-1">', '<c r="A1" t="s"><v>99999</v></c>',
                              '<c r="A1" t="n"><v>1e400</v></c>', '<c r="A1" t="d"><v>not a date</v></c>',
                              '<c r="A1" t="b"><v>2</v></c>', '<c r="XFD1"><v>1</v></c>', "<!DOCTYPE x>", "\x00"])


@fuzz_settings(150)
@given(BASES, st.sampled_from(MEMBERS),
       st.lists(st.tuples(st.sampled_from(["insert", "delete", "replace"]), st.integers(min_value=0), XML_PIECES),
                min_size=1, max_size=6))
def test_a_part_of_the_workbook_edited(base: str, member: str, edits: list[tuple[str, int, str]]) -> None:
    def edit(xml: bytes) -> bytes:
        text = xml.decode("utf-8", errors="replace")
        for kind, offset, piece in edits:
            at = offset % (len(text) + 1)
            end = at if kind == "insert" else at + (1 if kind == "delete" else len(piece))
            text = text[:at] + ("" if kind == "delete" else piece) + text[end:]
        return text.encode()

    import_or_refuse(rezipped(WORKBOOKS[base], lambda name, xml: edit(xml) if name == member else xml))


@fuzz_settings(60)
@given(BASES, st.sampled_from(MEMBERS),
       st.binary(max_size=300) | st.sampled_from([b"", BILLION_LAUGHS, EXTERNAL_ENTITY]))
def test_a_part_of_the_workbook_replaced(base: str, member: str, content: bytes) -> None:
    import_or_refuse(with_member(WORKBOOKS[base], member, content))


def test_rows_are_read_no_wider_than_the_header(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cell in column XFD (16,384) on every row made each row cost 16,384 cells: a 30 kB file took
    minutes. Cells right of the header's last column are never used, and are no longer read."""
    cells = [f'<c r="A{r}" t="inlineStr"><is><t>{r}</t></is></c><c r="B{r}" t="inlineStr"><is><t>Gardien</t></is>'
             f'</c>' for r in range(2, 1002)]
    far = [f'<c r="XFD{r}"><v>1</v></c>' if r > HEADER_SEARCH_LINES else "" for r in range(2, 1002)]
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
             '<c r="A1" t="inlineStr"><is><t>Matricule</t></is></c><c r="B1" t="inlineStr"><is><t>Emploi</t></is>'
             '</c></row>' + "".join(f'<row r="{r}">{c}{f}</row>' for r, c, f in zip(range(2, 1002), cells, far,
                                                                                    strict=True))
             + "</sheetData></worksheet>").encode()
    read: list[object] = []
    text = xlsx_source._text
    monkeypatch.setattr(xlsx_source, "_text", lambda value: read.append(value) or text(value))
    result = import_or_refuse(with_member(WORKBOOKS["hr"], SHEET, sheet))
    assert result.rows == 1000 and result.scenario is not None
    assert len(read) < 3 * 1001, "cells read beyond the header's columns"


def with_shared_strings(data: bytes, strings: bytes) -> bytes:
    """The workbook with a shared-strings part, as Excel writes one (openpyxl writes inline strings)."""
    override = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.spreadsheetml.sharedStrings+xml" /></Types>')
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info.filename, content.replace(b"</Types>", override) if info.filename == MEMBERS[3]
                            else content)
        target.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()


@pytest.mark.parametrize("member", [m for m in MEMBERS if m not in ("xl/sharedStrings.xml", "_rels/.rels")])
def test_an_entity_bomb_is_refused_at_once(member: str) -> None:
    """defusedxml, which openpyxl uses when it is installed, refuses entity declarations outright, in
    every part openpyxl reads (it never reads _rels/.rels)."""
    started = time.perf_counter()
    message = refused(import_or_refuse(with_member(WORKBOOKS["hr"], member, BILLION_LAUGHS)))
    assert time.perf_counter() - started < 5
    assert message == ENTITIES


def test_an_entity_bomb_in_the_shared_strings_is_refused() -> None:
    sound = with_shared_strings(WORKBOOKS["hr"], b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                                                 b'2006/main"><si><t>x</t></si></sst>')
    assert import_or_refuse(sound).scenario is not None
    assert refused(import_or_refuse(with_shared_strings(WORKBOOKS["hr"], BILLION_LAUGHS))) == ENTITIES


def test_an_external_entity_is_never_fetched() -> None:
    assert refused(import_or_refuse(with_member(WORKBOOKS["hr"], SHEET, EXTERNAL_ENTITY))) == ENTITIES


def declared_size(data: bytes, member: str, size: int) -> bytes:
    """The archive with `member`'s uncompressed size forged in the central directory, which is what
    zipfile (and so openpyxl) believes."""
    forged = bytearray(data)
    entry = -1
    while True:
        entry = forged.index(b"PK\x01\x02", entry + 1)
        name_length = int.from_bytes(forged[entry + 28:entry + 30], "little")
        if forged[entry + 46:entry + 46 + name_length] == member.encode():
            forged[entry + 24:entry + 28] = size.to_bytes(4, "little")
            return bytes(forged)


def test_a_member_declaring_a_huge_size_is_refused_before_it_is_unpacked() -> None:
    started = time.perf_counter()
    message = refused(import_or_refuse(declared_size(WORKBOOKS["hr"], SHEET, 0xFFFF_FFF0)))
    assert time.perf_counter() - started < 5
    assert MAX_UNPACKED_BYTES < 0xFFFF_FFF0
    assert message == "the workbook is too large once unpacked for an HR extract"


def test_a_member_lying_about_its_size_is_unpacked_no_further_than_it_says() -> None:
    """zipfile stops at the declared size and the CRC check fails: a small claim bounds the memory."""
    with zipfile.ZipFile(io.BytesIO(WORKBOOKS["hr"])) as archive:
        sheet = archive.read(SHEET)
    bomb = with_member(WORKBOOKS["hr"], SHEET, sheet + b" " * 20_000_000)
    started = time.perf_counter()
    message = refused(import_or_refuse(declared_size(bomb, SHEET, len(sheet))))
    assert time.perf_counter() - started < 10
    assert "(BadZipFile: Bad CRC-32 for file 'xl/worksheets/sheet1.xml')" in message, message
