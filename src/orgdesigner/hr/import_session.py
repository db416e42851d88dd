"""An HR extract being set up for import, choice by choice: the state behind the app's import
dialog, kept here so that every behaviour is tested without a window and the dialog only shows it.

The user picks a sheet, says which column holds what, corrects the role given to a job title; each
choice is a change to the ImportMapping (the same JSON the command line's --mapping reads, so a
setup made in the dialog can be saved and reused on next month's extract) and the import runs again
at once, so the problems shown are always those of what Import would do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from orgdesigner.hr.columns import ImportMapping, header_ranker
from orgdesigner.hr.csv_source import Row, SourceError, Table
from orgdesigner.hr.importer import ImportResult, import_table, read_source, unreadable
from orgdesigner.hr.xlsx_source import is_workbook, sheet_names
from orgdesigner.model.entities import Agency, Scenario

PREVIEW_ROWS: Final = 20


class ImportSession:
    """`existing`: the project's agencies, which the extract's agencies are matched to by name."""

    def __init__(self, data: bytes, existing: Sequence[Agency] = (), mapping: ImportMapping | None = None) -> None:
        self._data = data
        self._existing = tuple(existing)
        self._mapping = mapping or ImportMapping()
        self._sheet: str | None = None  # None: the first sheet with a header
        self._read: tuple[tuple[object, ...], Table | SourceError] | None = None
        try:
            self.sheets = sheet_names(data) if is_workbook(data) else ()
        except SourceError:
            self.sheets = ()  # the import says why, as its first problem
        self.table: Table | None = None
        self.result = ImportResult(None, ())
        self._run()

    @property
    def mapping(self) -> ImportMapping:
        return self._mapping

    @property
    def sheet(self) -> str | None:
        """The sheet read: the one chosen, else the one found; None for a CSV or an unreadable file."""
        return self.table.sheet if self.table is not None else self._sheet

    @property
    def headers(self) -> tuple[str, ...]:
        return self.table.header.cells if self.table is not None else ()

    @property
    def preview(self) -> tuple[Row, ...]:
        """The first rows under the header, to check at a glance that the right table was found."""
        return self.table.rows[:PREVIEW_ROWS] if self.table is not None else ()

    def choose_sheet(self, sheet: str | None) -> None:
        self._sheet = sheet
        self._run()

    def set_column(self, field: str, header: str | None) -> None:
        """`header` as the file writes it, or None to read the field from no column. A column feeds
        one field: another field the user had put on it is left to the automatic recognition."""
        columns = {name: text for name, text in self._mapping.columns.items()
                   if name != field and (header is None or text != header)}
        columns[field] = header
        self.use_mapping(replace(self._mapping, columns=columns))

    def set_role(self, title: str, role: str) -> None:
        """The role for every position with this job title, `other` included: a title the keywords
        get wrong may be no role of the catalogue, and the choice must stay made (and saved)."""
        roles = {text: code for text, code in self._mapping.roles.items() if text != title}
        roles[title] = role
        self.use_mapping(replace(self._mapping, roles=roles))

    def use_mapping(self, mapping: ImportMapping) -> None:
        self._mapping = mapping
        self._run()

    def scenario(self, name: str) -> Scenario | None:
        """The scenario Import adds, under the name the user gave; None while a problem blocks."""
        scenario = self.result.scenario
        return replace(scenario, name=name) if scenario is not None else None

    def _run(self) -> None:
        """Reading the file is the slow part (a large workbook takes seconds): it is done again only
        when the sheet or the columns change, since the columns decide which row is the header.
        A role corrected re-runs only the import of the rows already read."""
        key = (self._sheet, tuple(sorted(self._mapping.columns.items(), key=lambda item: item[0])))
        if self._read is None or self._read[0] != key:
            try:
                read: Table | SourceError = read_source(self._data, header_ranker(self._mapping), self._sheet)
            except SourceError as exc:
                read = exc
            self._read = (key, read)
        read = self._read[1]
        if isinstance(read, SourceError):
            self.table = None
            self.result = unreadable(read)
        else:
            self.table = read
            self.result = import_table(read, "", self._existing, self._mapping)
