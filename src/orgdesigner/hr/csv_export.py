"""A scenario back to the spreadsheet it could have come from, for HR and for Excel users.

The file is written for Excel on Windows as French users open it: a BOM, without which Excel reads
UTF-8 as Windows-1252 and garbles every accent; semicolons, because the comma is the decimal mark;
French headers that the importer recognises, so that the export re-imports to the same scenario.
The role code travels in its own column so that the round trip never depends on keyword guessing.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from typing import Final

from orgdesigner.model.catalogue import FAMILIES, ROLES
from orgdesigner.model.entities import Position, Scenario
from orgdesigner.model.labels import Label, Lang
from orgdesigner.rules.engine import Report

HEADERS: Final = ("Matricule", "Nom", "Libellé emploi", "Code fonction", "Fonction", "Famille", "Matricule manager",
                  "Agence", "ETP", "Site", "Gardiennage", "Notes", "Constats")
BOM: Final = "\ufeff"
# A cell starting with one of these is a formula (or a DDE payload) to a spreadsheet; an apostrophe
# in front makes it text, and the importer removes it again (csv_source.unneutralise).
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A holder or title typed by anyone must not run as a formula in the HR team's Excel."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def scenario_to_csv(scenario: Scenario, report: Report, lang: Lang = "fr") -> str:
    """One row a position, in the scenario's order; `lang` chooses the labels, never the headers,
    which stay those the importer knows in either language."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in export_rows(scenario, report, lang):
        writer.writerow(neutralise(_decimal_comma(cell) if isinstance(cell, float) else str(cell)) for cell in row)
    return BOM + out.getvalue()


def export_rows(scenario: Scenario, report: Report, lang: Lang = "fr") -> Iterator[tuple[str | float | int, ...]]:
    """The cells under HEADERS, one row a position in the scenario's order, the FTE a float and the
    findings an int: each format writes numbers its own way (a decimal comma, a number cell)."""
    agencies = {agency.id: agency for agency in scenario.agencies}
    providers = {p.id for p in scenario.positions if p.is_provider}
    manager: dict[str, str] = {}  # a contractor's is its pilot, as the importer reads it back
    for link in scenario.links:
        if link.type == "line" or (link.type == "contract" and link.target in providers):
            manager.setdefault(link.target, link.source)
    findings = Counter(position for finding in report.findings for position in dict.fromkeys(finding.positions))
    for position in scenario.positions:
        agency = agencies.get(position.agency) if position.agency is not None else None
        site = agency.site(position.site) if agency is not None and position.site is not None else None
        yield (position.id, position.holder or "", position.display_title(lang), position.role,
               ROLES[position.role].label.in_(lang), _family(position, lang), manager.get(position.id, ""),
               agency.name if agency else "", position.fte, site.name if site else "",
               _GUARDING.in_(lang) if position.guarding else "", position.notes or "", findings[position.id])


_GUARDING: Final = Label("oui", "yes")


def _family(position: Position, lang: Lang) -> str:
    family = FAMILIES.get(position.family_code)
    return family.in_(lang) if family else ""


def _decimal_comma(value: float) -> str:
    return f"{value:g}".replace(".", ",")
