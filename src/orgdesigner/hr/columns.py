"""Which column of an HR extract holds what, recognised from its header or told by the user.

Every HR system names its columns its own way; the common French and English names are
recognised, and a mapping saved as JSON covers the rest, so that the same monthly extract is set
up once. The mapping also carries the user's own job-title → role choices (see roles.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Final

from orgdesigner.hr.text import words
from orgdesigner.model.catalogue import OTHER_ROLE, ROLES

# The fields a row can give, in the order a summary names them. `holder` is a full name;
# `first_name` and `last_name` are joined into one when the file splits them; `role` is a role code,
# as OrgDesigner's own export writes it, taken as it is rather than guessed from the title.
# `family` is read for `other` positions only (the family a role implies wins); `guarding`, for
# contractors only: both travel in OrgDesigner's own export so that a round trip keeps them.
FIELDS: Final = ("id", "holder", "first_name", "last_name", "title", "role", "manager", "agency", "fte", "site",
                 "family", "guarding")

# Headers as HR systems write them, compared after `words` (case, accents and punctuation ignored).
KNOWN_HEADERS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "id": ("Matricule", "Matricule salarié", "Matricule agent", "N° matricule", "Identifiant", "ID",
           "Employee ID", "Employee number", "Staff ID"),
    "holder": ("Nom prénom", "Nom et prénom", "Nom complet", "Titulaire", "Salarié", "Name", "Full name",
               "Employee name", "Holder"),
    "first_name": ("Prénom", "First name", "Given name"),
    "last_name": ("Nom", "Nom de famille", "Last name", "Surname", "Family name"),
    "title": ("Emploi", "Libellé emploi", "Libellé de l'emploi", "Intitulé de poste", "Intitulé du poste", "Poste",
              "Fonction", "Job title", "Job", "Title", "Position"),
    "role": ("Code fonction", "Role code"),
    "manager": ("Matricule manager", "Matricule responsable", "Matricule N+1", "Responsable", "N+1", "Manager",
                "Manager ID", "Supervisor ID", "Reports to"),
    "agency": ("Agence", "Établissement", "Etablissement", "Agency", "Branch"),
    "fte": ("ETP", "Taux d'activité", "Taux activité", "Quotité", "Temps de travail", "FTE"),
    "site": ("Site", "Résidence", "Ensemble", "Groupe immobilier", "Estate"),
    "family": ("Famille", "Famille de métier", "Family", "Job family"),
    "guarding": ("Gardiennage", "Assure le gardiennage", "Guarding"),
})
_BY_WORDS: Final = {words(header): name for name, headers in KNOWN_HEADERS.items() for header in headers}


class MappingError(Exception):
    """A mapping file that cannot be used; `problems` name each fault by its JSON path."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class ImportMapping:
    """The user's choices: a field → the header of its column as the file writes it, and a job
    title → a role code. Both are compared as `words`, so a re-export that changes capitals or
    accents still fits. A field mapped to None is read from no column, even one whose header would
    be recognised: the way to leave out a column whose content is wrong for the field."""

    columns: Mapping[str, str | None] = field(default_factory=dict)
    roles: Mapping[str, str] = field(default_factory=dict)


def recognise(header: Sequence[str], mapping: ImportMapping) -> dict[str, int]:
    """field → column index. The user's mapping first, then the known names for the fields it
    leaves out; the first column of a name wins, so a repeated header never hides the one used."""
    found: dict[str, int] = {}
    folded = [words(cell) for cell in header]
    wanted = {words(text): name for name, text in mapping.columns.items() if text is not None}
    for index, cell in enumerate(folded):
        name = wanted.get(cell)
        if name is not None and name not in found:
            found[name] = index
    taken = set(found.values())
    for index, cell in enumerate(folded):
        name = _BY_WORDS.get(cell)
        if name is not None and name not in found and name not in mapping.columns and index not in taken:
            found[name] = index
            taken.add(index)
    return found


def header_recogniser(mapping: ImportMapping) -> Callable[[Sequence[str]], bool]:
    """A header row is one where two fields are recognised: one could be a word in a title block."""
    return lambda cells: len(recognise(cells, mapping)) >= 2


def mapping_to_json(mapping: ImportMapping) -> str:
    return json.dumps({"columns": dict(mapping.columns), "roles": dict(mapping.roles)}, ensure_ascii=False,
                      indent=2) + "\n"


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
        raise MappingError([f"{where}: the mapping is a JSON object with \"columns\" and \"roles\""])
    problems = [f"{where}: {key}: unknown key (expected \"columns\" or \"roles\")"
                for key in data if key not in ("columns", "roles")]
    columns = _strings(data.get("columns", {}), f"{where}: columns", problems, none_allowed=True)
    roles = _strings(data.get("roles", {}), f"{where}: roles", problems, none_allowed=False)
    problems += [f"{where}: columns.{name}: unknown field (expected one of {', '.join(FIELDS)})"
                 for name in columns if name not in FIELDS]
    problems += [f"{where}: roles.{title}: {code!r} is not a role code (other than {OTHER_ROLE!r})"
                 for title, code in roles.items() if code not in ROLES or code == OTHER_ROLE]
    if problems:
        raise MappingError(problems)
    return ImportMapping(columns, {title: code for title, code in roles.items() if code is not None})


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
