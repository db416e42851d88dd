"""Perimeter rules (domain.md §6, `perimeter.*`): the missions an agency holds need their roles."""

from __future__ import annotations

from collections.abc import Iterator

from orgdesigner.model.catalogue import (
    LEVEL_LABELS,
    MISSION_CARRIERS,
    MISSIONS,
    ROLE_NEEDS_MISSION,
    ROLES,
)
from orgdesigner.model.labels import Label
from orgdesigner.rules.context import Scope
from orgdesigner.rules.findings import Finding


def unstaffed_mission(scope: Scope) -> Iterator[Finding]:
    """§6 "who can carry a mission": an in-scope non-tenancy mission with no one to carry it."""
    assert scope.agency is not None and scope.agency.perimeter is not None
    for mission, carriers in MISSION_CARRIERS.items():
        level = scope.agency.perimeter[mission]
        if level == "NR":
            continue
        roles = carriers.for_level(level)
        if roles & scope.roles_present:
            continue
        names = Label(
            ", ".join(ROLES[r].label.fr for r in sorted(roles)),
            ", ".join(ROLES[r].label.en for r in sorted(roles)),
        )
        title = MISSIONS[mission]
        yield Finding(
            "perimeter.unstaffed-mission", "warning" if level == "C" else "info", scope.agency_id, (),
            Label(
                f"La mission « {title.fr} » est dans le périmètre de l'agence "
                f"({LEVEL_LABELS[level].fr}) mais aucun poste ne peut la porter. D'après le périmètre "
                f"de responsabilité des agences, il faut l'un de ces rôles : {names.fr}. Ajoutez un tel "
                "poste, ou sortez la mission du périmètre.",
                f"The mission '{title.en}' is in the agency's perimeter ({LEVEL_LABELS[level].en}) but "
                f"no position can carry it. Under the agency perimeter models, it needs one of these "
                f"roles: {names.en}. Add such a position, or take the mission out of the perimeter.",
            ),
            subject=mission,
        )


def role_outside_perimeter(scope: Scope) -> Iterator[Finding]:
    """§6, §9 perimeter.role-outside-perimeter: a specialist whose mission the agency does not hold."""
    assert scope.agency is not None and scope.agency.perimeter is not None
    perimeter = scope.agency.perimeter
    for position in scope.positions:
        mission = ROLE_NEEDS_MISSION.get(position.role)
        if mission is None or perimeter[mission] != "NR":
            continue
        title = MISSIONS[mission]
        yield Finding(
            "perimeter.role-outside-perimeter", "info", scope.agency_id, (position.id,),
            Label(
                f"{position.display_name('fr')} relève de la mission « {title.fr} », que l'agence "
                "ne porte pas (NR). Vérifiez le périmètre déclaré, ou rattachez ce poste au siège ou "
                "à l'agence qui porte la mission.",
                f"{position.display_name('en')} belongs to the mission '{title.en}', which the agency "
                "does not hold (NR). Check the declared perimeter, or move this position to head "
                "office or to the agency that holds the mission.",
            ),
        )
