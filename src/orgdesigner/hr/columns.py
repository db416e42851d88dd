"""Which column of an HR extract holds what, recognised from its header or told by the user.

Every HR system names its columns its own way; the common French and English names are
recognised, and a mapping saved as JSON covers the rest, so that the same monthly extract is set
up once. The mapping also carries the user's own job-title → role choices and keywords (see roles.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Final

from orgdesigner.hr.csv_source import NOT_A_HEADER, HeaderRank, HeaderRanker
from orgdesigner.hr.text import words
from orgdesigner.model.catalogue import ROLES
from orgdesigner.model.labels import Label

# The fields a row can give, in the order a summary names them. `holder` is a full name;
# `first_name` and `last_name` are joined into one when the file splits them; `role` is a role code,
# as OrgDesigner's own export writes it, taken as it is rather than guessed from the title.
# `family` is read for `other` positions only (the family a role implies wins); `guarding`, for
# contractors only: both travel in OrgDesigner's own export so that a round trip keeps them, as
# `notes` do (a cell may hold several lines).
FIELDS: Final = ("id", "holder", "first_name", "last_name", "title", "role", "manager", "agency", "fte", "site",
                 "family", "guarding", "notes")
# How a summary names the fields: a header alone does not say what it was read as.
FIELD_NAMES: Final[Mapping[str, Label]] = MappingProxyType({
    "id": Label("matricule", "employee id"), "holder": Label("nom complet", "full name"),
    "first_name": Label("prénom", "first name"), "last_name": Label("nom", "last name"),
    "title": Label("intitulé", "job title"), "role": Label("code fonction", "role code"),
    "manager": Label("matricule du responsable", "manager's employee id"), "agency": Label("agence", "agency"),
    "fte": Label("ETP", "FTE"), "site": Label("site", "site"), "family": Label("famille", "family"),
    "guarding": Label("gardiennage", "guarding"), "notes": Label("notes", "notes"),
})

# Headers as HR systems write them, compared after `words` (case, accents and punctuation ignored),
# each field's from the most specific to the least: when several columns could hold a field, the one
# whose header comes first here is read, so « Matricule responsable » wins over « Responsable »
# (often the manager's name) and « Libellé emploi » over « Emploi » (often a job code). « Temps de
# travail » is left out: it is usually weekly hours, which values.parse_fte would take for a percentage.
KNOWN_HEADERS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "id": ("Matricule", "Matricule salarié", "Matricule agent", "N° matricule", "Employee ID", "Employee number",
           "Staff ID", "Identifiant", "ID"),
    "holder": ("Nom prénom", "Nom et prénom", "Nom complet", "Full name", "Employee name", "Titulaire", "Salarié",
               "Holder", "Name"),
    "first_name": ("Prénom", "First name", "Given name"),
    "last_name": ("Nom", "Nom de famille", "Last name", "Surname", "Family name"),
    "title": ("Libellé emploi", "Libellé de l'emploi", "Intitulé de poste", "Intitulé du poste", "Job title",
              "Emploi", "Poste", "Fonction", "Title", "Job", "Position"),
    "role": ("Code fonction", "Role code"),
    "manager": ("Matricule manager", "Matricule responsable", "Matricule N+1", "Manager ID", "Supervisor ID", "N+1",
                "Reports to", "Responsable", "Manager"),
    "agency": ("Agence", "Agency", "Établissement", "Branch"),
    "fte": ("ETP", "FTE", "Taux d'activité", "Taux activité", "Quotité"),
    "site": ("Site", "Résidence", "Groupe immobilier", "Ensemble", "Estate"),
    "family": ("Famille de métier", "Job family", "Famille", "Family"),
    "guarding": ("Gardiennage", "Assure le gardiennage", "Guarding"),
    "notes": ("Notes", "Commentaire", "Commentaires", "Observations", "Comments"),
})
# folded header → (field, its place in the field's headers)
_BY_WORDS: Final = {words(header): (name, place) for name, headers in KNOWN_HEADERS.items()
                    for place, header in enumerate(headers)}


class MappingError(Exception):
    """A mapping file that cannot be used; `problems` name each fault by its JSON path."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class ImportMapping:
    """The user's choices: a field → the header of its column as the file writes it, a job title →
    a role code, and keywords of their own → a role code, which come before roles.KEYWORDS (the way
    to teach the import a house title once rather than title by title). All are compared as
    `words`, so a re-export that changes capitals or accents still fits. A field mapped to None is
    read from no column, even one whose header would be recognised: the way to leave out a column
    whose content is wrong for the field. A title or keyword may be given `other`, which keeps the
    title (the default family, as for a title nothing matches)."""

    columns: Mapping[str, str | None] = field(default_factory=dict)
    roles: Mapping[str, str] = field(default_factory=dict)
    keywords: Mapping[str, str] = field(default_factory=dict)


def recognise(header: Sequence[str], mapping: ImportMapping) -> dict[str, int]:
    """field → column index. The user's mapping first, then the known names for the fields it
    leaves out, the most specific header first (see KNOWN_HEADERS); of columns with the same name
    the first wins, so a repeated header never hides the one used."""
    found: dict[str, int] = {}
    folded = [words(cell) for cell in header]
    wanted = {words(text): name for name, text in mapping.columns.items() if text is not None}
    for index, cell in enumerate(folded):
        name = wanted.get(cell)
        if name is not None and name not in found:
            found[name] = index
    taken = set(found.values())
    # A header names one field, so once each column's field is known, only the order is left to choose.
    known = sorted((_BY_WORDS[cell][1], index, _BY_WORDS[cell][0]) for index, cell in enumerate(folded)
                   if cell in _BY_WORDS and index not in taken)
    for _, index, name in known:
        if name not in found and name not in mapping.columns:
            found[name] = index
    return found


def header_ranker(mapping: ImportMapping) -> HeaderRanker:
    """The header names the employee id column (known or mapped) and, of the rows that do, the most
    fields: a grouping row above it (« Identité | Poste | Agence ») names a few, and a pivot sheet
    (« Agence | ETP ») none of the id. A row naming fewer than two fields is no header: one known word
    could be in a title block. A row without an id column still ranks, below any with one, so that
    such a file is read and the import says the id column is missing (the dialog, that the user can
    choose it)."""

    def rank(cells: Sequence[str]) -> HeaderRank:
        found = recognise(cells, mapping)
        return HeaderRank("id" in found, len(found)) if len(found) >= 2 else NOT_A_HEADER

    return rank


def mapping_to_json(mapping: ImportMapping) -> str:
    """Every section written, empty or not, so that a user editing the file sees where keywords go."""
    return json.dumps({"columns": dict(mapping.columns), "roles": dict(mapping.roles),
                       "keywords": dict(mapping.keywords)}, ensure_ascii=False, indent=2) + "\n"


def read_mapping(path: Path) -> ImportMapping:
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise MappingError([f"{path}: cannot read ({exc.strerror or exc})"]) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MappingError([f"{path}: not a JSON document ({exc})"]) from None
    return mapping_from_data(data, str(path))


def mapping_from_data(data: object, where: str) -> ImportMapping:
    """Strict, like the scenario reader: an unknown field or role code is a typo to say, not to skip."""
    if not isinstance(data, dict):
        raise MappingError([f"{where}: the mapping is a JSON object with \"columns\", \"roles\" and \"keywords\""])
    problems = [f"{where}: {key}: unknown key (expected \"columns\", \"roles\" or \"keywords\")"
                for key in data if key not in ("columns", "roles", "keywords")]
    columns = _strings(data.get("columns", {}), f"{where}: columns", problems, none_allowed=True)
    roles = _roles(data.get("roles", {}), f"{where}: roles", problems)
    keywords = _roles(data.get("keywords", {}), f"{where}: keywords", problems)
    problems += [f"{where}: columns.{name}: unknown field (expected one of {', '.join(FIELDS)})"
                 for name in columns if name not in FIELDS]
    problems += [f"{where}: keywords.{keyword}: no word to look for" for keyword in keywords if not words(keyword)]
    if problems:
        raise MappingError(problems)
    return ImportMapping(columns, roles, keywords)


def _roles(value: object, where: str, problems: list[str]) -> dict[str, str]:
    """Texts → role codes; `other` included, the user's way to keep a title out of every role."""
    codes = {text: code for text, code in _strings(value, where, problems, none_allowed=False).items()
             if code is not None}
    problems += [f"{where}.{text}: {code!r} is not a role code" for text, code in codes.items() if code not in ROLES]
    return codes


def _strings(value: object, where: str, problems: list[str], *, none_allowed: bool) -> dict[str, str | None]:
    """`none_allowed`: null is a column left out on purpose; a role cannot be left out that way."""
    if not isinstance(value, dict):
        problems.append(f"{where}: expected an object of texts")
        return {}
    bad = [key for key, text in value.items()
           if not ((isinstance(text, str) and text.strip()) or (text is None and none_allowed))]
    expected = "a non-empty text or null" if none_allowed else "a non-empty text"
    problems += [f"{where}.{key}: expected {expected}" for key in bad]
    return {key: text for key, text in value.items() if key not in bad}
