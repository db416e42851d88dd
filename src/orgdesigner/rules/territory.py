"""Territory rules (domain.md §7, `territory.*`): advice drawn from the deck's territory table."""

from __future__ import annotations

from collections.abc import Iterator

from orgdesigner.model.catalogue import PRESENCE, SECTOR_MANAGER_ROLE, TERRITORIES
from orgdesigner.model.labels import Label
from orgdesigner.rules.context import Scope
from orgdesigner.rules.findings import Finding


def presence(scope: Scope) -> Iterator[Finding]:
    """§7: each recommended form of presence (or group of alternatives) that is not declared."""
    agency = scope.agency
    assert agency is not None and agency.territory is not None and agency.presence is not None
    territory = TERRITORIES[agency.territory]
    declared = set(agency.presence)
    for group in territory.presence:
        if declared & set(group):
            continue
        forms = Label(" ou ".join(PRESENCE[c].fr for c in group), " or ".join(PRESENCE[c].en for c in group))
        yield Finding(
            "territory.presence", "info", scope.agency_id, (),
            Label(
                f"Pour un territoire « {territory.label.fr} », la référence recommande : {forms.fr}, "
                "que l'agence ne déclare pas. Envisagez cette forme de présence, ou notez pourquoi "
                "elle ne convient pas ici.",
                f"For a '{territory.label.en}' territory, the reference recommends: {forms.en}, which "
                "the agency does not declare. Consider this form of presence, or note why it does not "
                "fit here.",
            ),
            subject="+".join(group),
        )


def sector_manager(scope: Scope) -> Iterator[Finding]:
    """§7: in town, "veille et management assurés par un responsable de secteur"."""
    agency = scope.agency
    assert agency is not None and agency.territory is not None
    if not TERRITORIES[agency.territory].needs_sector_manager or SECTOR_MANAGER_ROLE in scope.roles_present:
        return
    yield Finding(
        "territory.sector-manager", "info", scope.agency_id, (),
        Label(
            "Agence en résidences collectives en ville sans responsable de secteur : la référence y "
            "recommande une veille et un management assurés par un responsable de secteur. Envisagez "
            "un tel poste.",
            "A town agency of collective residences with no sector manager: the reference "
            "recommends that watch and management be carried by a sector manager there. Consider "
            "such a post.",
        ),
    )
