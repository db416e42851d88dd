"""A CSV file as HR systems and Excel on Windows write it, read into numbered rows.

Nothing about such a file is declared: the encoding (UTF-8, with or without Excel's BOM,
Windows-1252, or the UTF-16 of Excel's « Texte Unicode »), the separator (a comma, or a semicolon
where the comma is the decimal mark, or a tab) and where the header is (often under a title block,
sometimes under a row grouping its columns). Each is decided from the file itself, and line
numbers are kept as a spreadsheet shows them, so that a problem can be found in the file.
"""

from __future__ import annotations

import csv
import io
import itertools
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple, TypeVar

SEPARATORS: Final = (",", ";", "\t")
# A header under a title block is found within a few lines; beyond that the file has none.
HEADER_SEARCH_LINES: Final = 50
_BOM: Final = b"\xef\xbb\xbf"
_UTF16: Final = ((b"\xff\xfe", "utf-16-le", "UTF-16 LE (BOM)"), (b"\xfe\xff", "utf-16-be", "UTF-16 BE (BOM)"))
# csv_export.FORMULA_STARTS, which an apostrophe was put in front of so Excel would not run them.
_NEUTRALISED: Final = ("'=", "'+", "'-", "'@", "'\t", "'\r")

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a long notes cell is data, not an error


class SourceError(Exception):
    """The file cannot be read as a table; `line` is 1-based, None when the whole file is at fault."""

    def __init__(self, line: int | None, fr: str, en: str) -> None:
        super().__init__(en)
        self.line, self.fr, self.en = line, fr, en


class HeaderRank(NamedTuple):
    """How much a row looks like the header, compared as a tuple: a row naming the column that
    identifies each row (the employee id, without which nothing can be imported) beats any row that
    does not, then the more columns named the better. Naming no column is being no header."""

    identified: bool
    columns: int


NOT_A_HEADER: Final = HeaderRank(False, 0)
HeaderRanker = Callable[[Sequence[str]], HeaderRank]
_Key = TypeVar("_Key")


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """`encoding` and `separator` are a CSV's, empty for a workbook; `sheet` is the workbook's sheet
    read (None for a CSV) and `sheets` all of the workbook's, so that a summary can name the others."""

    encoding: str
    separator: str
    header: Row
    rows: tuple[Row, ...]
    sheet: str | None = None
    sheets: tuple[str, ...] = ()


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name). A UTF-16 file is told by its BOM, which Excel always writes (read as
    Windows-1252 it would have a NUL every other character). Otherwise strict UTF-8 first:
    Windows-1252 text with accents is almost never valid UTF-8, while the reverse guess would turn
    « é » into « Ã© » without a complaint. Bytes that Windows-1252 (or a UTF-16 file cut short)
    leaves undefined become U+FFFD rather than refusing a file for one odd byte."""
    if data.startswith(_BOM):
        try:
            return data[len(_BOM):].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError:
            pass
    for bom, codec, name in _UTF16:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), name
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def read_table(data: bytes, rank: HeaderRanker) -> Table:
    """The rows under the header, blank rows left out, cells trimmed. The header is the line among
    the first HEADER_SEARCH_LINES that `rank` ranks highest when split by one of the separators:
    counting on the header rather than guessing from data, where commas are decimal marks."""
    text, encoding = decode(data)
    text = text.replace("\x00", "")  # a NUL is never data; csv would stop on it
    header_line, separator = _find_header(text, rank)
    rows: list[Row] = []
    header: Row | None = None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    end = 0
    try:
        for record in reader:
            start, end = end + 1, reader.line_num
            if end < header_line:
                continue
            cells = tuple(unneutralise(cell.strip()) for cell in record)
            if not any(cells):
                continue
            if header is None:
                header = Row(start, cells)
            else:
                rows.append(Row(start, cells))
    except csv.Error as exc:
        raise SourceError(end + 1, f"le fichier n'est pas un CSV lisible ({exc})",
                          f"the file is not readable CSV ({exc})") from None
    if header is None:  # the header line was inside a quoted cell that ran on
        raise SourceError(header_line, "l'en-tête n'a pas pu être lu", "the header could not be read")
    return Table(encoding, separator, header, tuple(rows))


def unneutralise(cell: str) -> str:
    """Undoes the export's formula guard, so that a holder « =HYPERLINK(...) » or « +33 1 23 »
    round-trips; an apostrophe before anything else is the user's and stays."""
    return cell[1:] if cell.startswith(_NEUTRALISED) else cell


def best_header(candidates: Iterable[tuple[_Key, Sequence[str]]], rank: HeaderRanker) -> tuple[_Key, HeaderRank] | None:
    """The candidate whose cells rank highest, the first of equals; None when no candidate is a header.
    All are ranked, not only up to the first header: a grouping row (« Identité | Poste | Agence »)
    above the header names known columns too, only fewer."""
    best: tuple[_Key, HeaderRank] | None = None
    for key, cells in candidates:
        ranked = rank(cells)
        if ranked > (best[1] if best is not None else NOT_A_HEADER):
            best = (key, ranked)
    return best


def _find_header(text: str, rank: HeaderRanker) -> tuple[int, str]:
    """Each line split by each separator it has, most frequent first, so that it wins a tie."""
    lines = itertools.islice(io.StringIO(text, newline=""), HEADER_SEARCH_LINES)  # as csv counts lines
    found = best_header((((number, separator), _split(line, separator))
                         for number, line in enumerate((line.rstrip("\r\n") for line in lines), start=1)
                         for separator in sorted(SEPARATORS, key=line.count, reverse=True) if line.count(separator)),
                        rank)
    if found is None:
        raise no_header("", "")
    return found[0]


def no_header(where_fr: str, where_en: str) -> SourceError:
    """`where_*`: what was searched, after « lines » (« of sheet 'Staff' »), empty for a CSV."""
    return SourceError(None, f"aucune ligne d'en-tête : aucune des {HEADER_SEARCH_LINES} premières lignes{where_fr} "
                             "ne nomme deux colonnes connues (matricule, nom, emploi, responsable, agence, ETP, site)",
                       f"no header row: none of the first {HEADER_SEARCH_LINES} lines{where_en} names two known "
                       "columns (employee id, name, job title, manager, agency, FTE, site)")


def _split(line: str, separator: str) -> list[str]:
    try:
        return [cell.strip() for cell in next(csv.reader([line], delimiter=separator), [])]
    except csv.Error:
        return []
