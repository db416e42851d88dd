"""Rows of an HR extract → a scenario, or the list of what stops it.

Problems are gathered, never raised, and each names the line (as a spreadsheet numbers it) and the
column, so the user can fix the whole file in one pass. Any blocking problem means no scenario:
half an organisation imported would look plausible and be wrong. A manager in another agency is
not a problem here: it is a real situation, and the validator's cross-agency finding says so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

from orgdesigner.app.opening import MAX_DOCUMENT_BYTES
from orgdesigner.hr.columns import ImportMapping, header_ranker, recognise
from orgdesigner.hr.csv_source import HeaderRanker, Row, SourceError, Table, read_table
from orgdesigner.hr.roles import RoleMatcher
from orgdesigner.hr.text import words
from orgdesigner.hr.values import ValueProblem, parse_fte
from orgdesigner.hr.xlsx_source import is_legacy_office, is_workbook, read_workbook
from orgdesigner.model.catalogue import FAMILIES, OTHER_ROLE, PROVIDER_ROLE, ROLES
from orgdesigner.model.entities import Agency, Link, Position, Scenario, Site
from orgdesigner.model.labels import Label

# An `other` post needs a family; management is the one no rule reads from a position's family,
# so a title left unmapped cannot change a verdict on the agency's teams.
UNMAPPED_FAMILY: Final = "management"
_FAMILY_BY_WORDS: Final = {key: code for code, label in FAMILIES.items()
                           for key in (words(code), words(label.fr), words(label.en))}
_YES: Final = frozenset({"oui", "o", "yes", "y", "1", "x", "vrai", "true"})
_NO: Final = frozenset({"non", "n", "no", "0", "faux", "false"})
UNTITLED: Final = "Sans intitulé"
_SLUG: Final = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """`line` is 1-based, None for the whole file; `column` is the header as the file writes it."""

    line: int | None
    column: str | None
    message: Label
    blocking: bool = True


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What was recognised and what was built; `scenario` is None when a problem blocks."""

    scenario: Scenario | None
    problems: tuple[ImportProblem, ...]
    encoding: str = ""
    separator: str = ""
    sheet: str | None = None  # the sheet read, for a workbook
    sheets: tuple[str, ...] = ()  # all of the workbook's sheets
    header_line: int | None = None
    columns: dict[str, str] = field(default_factory=dict)  # field → header as written
    rows: int = 0
    agencies_created: tuple[str, ...] = ()
    agencies_matched: tuple[str, ...] = ()
    roles: dict[str, int] = field(default_factory=dict)  # role code → positions
    # Each title nothing matched (imported as `other`) → positions, for the user to map; not one the
    # user gave `other` on purpose.
    unmapped_titles: dict[str, int] = field(default_factory=dict)
    # Each distinct job title (as first written) the keywords or the mapping gave a role to → (that
    # role, positions): what the user checks and corrects. A role code column's rows are not guessed.
    titles: dict[str, tuple[str, int]] = field(default_factory=dict)

    @property
    def blocking(self) -> tuple[ImportProblem, ...]:
        return tuple(p for p in self.problems if p.blocking)


def import_source(data: bytes, name: str, existing: Sequence[Agency] = (), mapping: ImportMapping | None = None,
                  sheet: str | None = None) -> ImportResult:
    """A CSV or a workbook, told apart by content: HR systems name files as they please (a CSV
    called .xls is common). `sheet` chooses a workbook's sheet; see read_source."""
    mapping = mapping or ImportMapping()
    try:
        table = read_source(data, header_ranker(mapping), sheet)
    except SourceError as exc:
        return unreadable(exc)
    return import_table(table, name, existing, mapping)


def unreadable(exc: SourceError) -> ImportResult:
    """A file that cannot be read as a table: no scenario, and why as the one problem."""
    return ImportResult(None, (ImportProblem(exc.line, None, Label(exc.fr, exc.en)),))


def read_extract(path: Path) -> bytes:
    """The file's content, read once and capped: an extract the size of a disk is a mistake to say,
    not to read until memory runs out. Raises SourceError."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SourceError(None, f"illisible ({reason})", f"cannot read ({reason})") from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise SourceError(None, "fichier trop grand pour un extrait RH", "too large for an HR extract")
    return data


def read_source(data: bytes, rank: HeaderRanker, sheet: str | None = None) -> Table:
    """A zip is a workbook, an OLE file an old or password-protected one (refused with what to do),
    anything else a CSV. Raises SourceError, also for a `sheet` asked of a CSV, which has none."""
    if is_workbook(data) or is_legacy_office(data):  # the workbook reader refuses the latter, saying why
        return read_workbook(data, rank, sheet)
    if sheet is not None:
        raise SourceError(None, f"le fichier est un CSV, sans feuilles : la feuille « {sheet} » ne s'applique pas",
                          f"the file is a CSV, which has no sheets: sheet {sheet!r} does not apply")
    return read_table(data, rank)


def import_table(table: Table, name: str, existing: Sequence[Agency] = (),
                 mapping: ImportMapping | None = None) -> ImportResult:
    result = import_rows(table.header, table.rows, name, existing, mapping)
    return replace(result, encoding=table.encoding, separator=table.separator, sheet=table.sheet,
                   sheets=table.sheets)


def import_rows(header: Row, rows: Sequence[Row], name: str, existing: Sequence[Agency] = (),
                mapping: ImportMapping | None = None) -> ImportResult:
    """`existing`: the project's agencies, matched by name so that a re-import lands in them."""
    return _Builder(header, rows, mapping or ImportMapping(), existing).build(name)


class _Builder:
    def __init__(self, header: Row, rows: Sequence[Row], mapping: ImportMapping, existing: Sequence[Agency]) -> None:
        self.header, self.rows, self.mapping = header, rows, mapping
        self.index = recognise(header.cells, mapping)
        self.problems: list[ImportProblem] = []
        self.existing = {words(a.name): a for a in reversed(existing)}  # the first of a name wins
        self.taken_ids = {a.id for a in existing}
        self.agencies: dict[str, Agency] = {}  # folded name → agency, in order of appearance
        self.created: list[str] = []
        self.sites: dict[str, dict[str, Site]] = {}  # agency id → folded site name → site
        self.titles: dict[str, tuple[str, str]] = {}  # folded title → (title as first written, role)
        self.title_counts: Counter[str] = Counter()
        self.unmapped: set[str] = set()  # folded titles nothing matched

    def column(self, name: str) -> str:
        return self.header.cells[self.index[name]]

    def cell(self, row: Row, name: str) -> str:
        """Trimmed here too: the readers trim, but import_rows takes rows from anyone, and a blank id
        or name must be missing, not a post the scenario reader then refuses."""
        index = self.index.get(name)
        return row.cells[index].strip() if index is not None and index < len(row.cells) else ""

    def problem(self, line: int | None, column: str | None, fr: str, en: str, *, blocking: bool = True) -> None:
        self.problems.append(ImportProblem(line, column, Label(fr, en), blocking))

    def build(self, name: str) -> ImportResult:
        for wanted, text in self.mapping.columns.items():
            if text is not None and wanted not in self.index:
                self.problem(self.header.line, None, f"la correspondance nomme la colonne {text!r} ({wanted}), "
                             "absente de l'en-tête", f"the mapping names column {text!r} ({wanted}), which the "
                             "header does not have")
        if "id" not in self.index:
            self.problem(self.header.line, None, "aucune colonne de matricule (Matricule, Employee ID)",
                         "no employee id column (Matricule, Employee ID)")
        positions, managers = self.positions()
        links = self.links(positions, managers)
        columns = {name: self.header.cells[index] for name, index in sorted(
            self.index.items(), key=lambda item: item[1])}
        roles = Counter(p.role for p in positions.values())
        blocked = any(p.blocking for p in self.problems)
        agencies = tuple(replace(a, sites=tuple(self.sites[a.id].values())) if self.sites[a.id] else a
                         for a in self.agencies.values())
        scenario = None if blocked else Scenario(name, agencies=agencies, positions=tuple(positions.values()),
                                                  links=links)
        matched = tuple(a.name for a in self.agencies.values() if a.id not in self.created)
        created = tuple(a.name for a in self.agencies.values() if a.id in self.created)
        counted = self.title_counts.most_common()
        # By line, so that the file can be corrected top to bottom (the header's and the whole file's first).
        problems = tuple(sorted(self.problems, key=lambda problem: problem.line or 0))
        return ImportResult(scenario, problems, header_line=self.header.line, columns=columns,
                            rows=len(self.rows), agencies_created=created, agencies_matched=matched,
                            roles=dict(roles), titles={self.titles[key][0]: (self.titles[key][1], count)
                                                       for key, count in counted},
                            unmapped_titles={self.titles[key][0]: count for key, count in counted
                                             if key in self.unmapped})

    def positions(self) -> tuple[dict[str, Position], dict[str, tuple[str, Row]]]:
        matcher = RoleMatcher(self.mapping.roles, self.mapping.keywords)
        positions: dict[str, Position] = {}
        lines: dict[str, int] = {}
        managers: dict[str, tuple[str, Row]] = {}
        if "id" not in self.index:  # said once for the header, not once a row
            return positions, managers
        for row in self.rows:
            position_id = self.cell(row, "id")
            if not position_id:
                self.problem(row.line, self.column("id"), "matricule manquant", "missing employee id")
                continue
            if position_id in lines:
                self.problem(row.line, self.column("id"), f"matricule {position_id!r} en double (déjà ligne "
                             f"{lines[position_id]})", f"duplicate employee id {position_id!r} (already on line "
                             f"{lines[position_id]})")
                continue
            lines[position_id] = row.line
            position = self.position(row, position_id, matcher)
            positions[position_id] = position
            manager = self.cell(row, "manager")
            if manager:
                managers[position_id] = (manager, row)
        return positions, managers

    def position(self, row: Row, position_id: str, matcher: RoleMatcher) -> Position:
        title = self.cell(row, "title")
        if not title:
            self.problem(row.line, self.column("title") if "title" in self.index else None,
                         f"intitulé de poste vide : poste « {UNTITLED} »",
                         f"empty job title: imported as « {UNTITLED} »", blocking=False)
        role = self.role(row, title, matcher)
        fte = 1.0
        if self.cell(row, "fte"):
            try:
                fte = parse_fte(self.cell(row, "fte"))
            except ValueProblem as exc:
                self.problem(row.line, self.column("fte"), exc.fr, exc.en)
        agency = self.agency(self.cell(row, "agency"))
        site = self.site(agency, self.cell(row, "site"), row)
        holder = self.cell(row, "holder") or " ".join(
            part for part in (self.cell(row, "first_name"), self.cell(row, "last_name")) if part)
        label = ROLES[role].label
        if self.cell(row, "role") and role != OTHER_ROLE and title in (label.fr, label.en):
            title = ""  # the role's own label, as the export writes it: the default, not a chosen title
        return Position(position_id, role, agency=agency.id if agency else None,
                        title=(title or UNTITLED) if role == OTHER_ROLE else title or None,
                        family=self.family(row) if role == OTHER_ROLE else None, holder=holder or None, fte=fte,
                        site=site, notes=self.cell(row, "notes") or None, guarding=self.guarding(row, role))

    def family(self, row: Row) -> str:
        """An `other` position's family, by code or by label in either language; none given, or
        one not known, leaves the default the format needs (said, not blocking)."""
        text = self.cell(row, "family")
        if not text:
            return UNMAPPED_FAMILY
        found = _FAMILY_BY_WORDS.get(words(text))
        if found is None:
            self.problem(row.line, self.column("family"), f"famille {text!r} inconnue : {UNMAPPED_FAMILY} retenue",
                         f"unknown family {text!r}: {UNMAPPED_FAMILY} used", blocking=False)
            return UNMAPPED_FAMILY
        return found

    def guarding(self, row: Row, role: str) -> bool:
        """Whether a contractor provides the guarding of its site (§5b): oui/non, yes/no, 1/0, x."""
        text = words(self.cell(row, "guarding"))
        if not text or text in _NO:
            return False
        if text not in _YES:
            self.problem(row.line, self.column("guarding"), f"gardiennage {self.cell(row, 'guarding')!r} : "
                         "attendu oui ou non", f"guarding {self.cell(row, 'guarding')!r}: expected yes or no",
                         blocking=False)
            return False
        if role != PROVIDER_ROLE:
            self.problem(row.line, self.column("guarding"), "seul un prestataire assure le gardiennage : "
                         "valeur ignorée", "only a contractor provides the guarding: value ignored", blocking=False)
            return False
        return True

    def role(self, row: Row, title: str, matcher: RoleMatcher) -> str:
        """A role code column, as the export writes it, wins: it is what the user chose, where the
        title's keywords are a guess. An unknown code blocks, like any other unreadable cell."""
        code = self.cell(row, "role")
        if code in ROLES:
            return code
        if code:
            self.problem(row.line, self.column("role"), f"code fonction {code!r} inconnu",
                         f"unknown role code {code!r}")
        if not title:
            return OTHER_ROLE
        role = matcher.role(title)
        key = words(title) or title
        if role is None:
            role = OTHER_ROLE
            self.unmapped.add(key)
        self.titles.setdefault(key, (title, role))
        self.title_counts[key] += 1
        return role

    def agency(self, name: str) -> Agency | None:
        if not name:
            return None
        key = words(name) or name
        agency = self.agencies.get(key)
        if agency is None:
            agency = self.existing.get(key)
            if agency is None:
                agency = Agency(self.unique_id(name, self.taken_ids), name)
                self.created.append(agency.id)
            self.taken_ids.add(agency.id)
            self.agencies[key] = agency
            self.sites[agency.id] = {words(s.name) or s.name: s for s in agency.sites or ()}
        return agency

    def site(self, agency: Agency | None, name: str, row: Row) -> str | None:
        if not name:
            return None
        if agency is None:
            self.problem(row.line, self.column("site"), f"site {name!r} ignoré : un poste du siège n'a pas de site",
                         f"site {name!r} ignored: a head-office position has no site", blocking=False)
            return None
        sites = self.sites[agency.id]
        key = words(name) or name
        if key not in sites:
            sites[key] = Site(self.unique_id(name, {s.id for s in sites.values()}), name, 0)
        return sites[key].id

    @staticmethod
    def unique_id(name: str, taken: set[str]) -> str:
        base = _SLUG.sub("-", words(name)).strip("-") or "x"
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def links(self, positions: dict[str, Position], managers: dict[str, tuple[str, Row]]) -> tuple[Link, ...]:
        known: dict[str, str] = {}
        for position_id, (manager, row) in managers.items():
            if manager not in positions:
                self.problem(row.line, self.column("manager"), f"responsable {manager!r} inconnu : aucun matricule "
                             "de ce nom", f"unknown manager {manager!r}: no employee has that id")
            else:
                known[position_id] = manager
        self.cycles(known, managers)
        # A contractor is piloted under a contract, not managed (domain.md §5): its "manager" is its pilot.
        return tuple(Link(manager, position_id, "contract" if positions[position_id].is_provider else "line")
                     for position_id, manager in known.items())

    def cycles(self, manager_of: dict[str, str], managers: dict[str, tuple[str, Row]]) -> None:
        """Each position has one manager at most, so following managers from each position in turn
        finds every cycle once, in time linear in the rows."""
        state: dict[str, int] = {}  # 1: on the current walk, 2: done
        for start in manager_of:
            walk: list[str] = []
            current: str | None = start
            while current is not None and current not in state:
                state[current] = 1
                walk.append(current)
                current = manager_of.get(current)
            if current is not None and state[current] == 1:
                cycle = walk[walk.index(current):]
                first = min(cycle, key=lambda p: managers[p][1].line)
                ids = " → ".join(cycle[cycle.index(first):] + cycle[:cycle.index(first)] + [first])
                row = managers[first][1]
                self.problem(row.line, self.column("manager"), f"cycle de responsables : {ids}",
                             f"a cycle of managers: {ids}")
            for position_id in walk:
                state[position_id] = 2


