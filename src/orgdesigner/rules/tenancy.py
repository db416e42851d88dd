"""Tenancy rules (domain.md §6b, `tenancy.*`): the tenancy job models of the deck."""

from __future__ import annotations

from collections.abc import Iterator

from orgdesigner.model.catalogue import ACTIVITIES, ROLES, TENANCY_ROLES
from orgdesigner.model.labels import Label
from orgdesigner.rules.classify import activities_in_scope, activity_carriers, tenancy_models
from orgdesigner.rules.context import Scope
from orgdesigner.rules.findings import Finding

_ACTIVITY = {a.code: a for a in ACTIVITIES}


def uncovered_activity(scope: Scope) -> Iterator[Finding]:
    """§6b: an in-scope activity that no present role could carry under any model."""
    assert scope.agency is not None and scope.agency.perimeter is not None
    for code in activities_in_scope(scope.agency.perimeter):
        carriers = activity_carriers(code)
        if carriers & scope.roles_present:
            continue
        names = Label(
            ", ".join(ROLES[r].label.fr for r in sorted(carriers)),
            ", ".join(ROLES[r].label.en for r in sorted(carriers)),
        )
        label = _ACTIVITY[code].label
        yield Finding(
            "tenancy.uncovered-activity", "warning", scope.agency_id, (),
            Label(
                f"L'activité « {label.fr} » est dans le périmètre de l'agence mais aucun métier présent "
                f"ne la porte dans les modèles de la gestion locative (il faudrait : {names.fr}). "
                "Ajoutez un tel poste, ou revoyez le périmètre de l'agence.",
                f"The activity '{label.en}' is in the agency's scope but no role present carries it "
                f"in any tenancy job model (it needs one of: {names.en}). Add such a position, or "
                "review the agency's perimeter.",
            ),
            subject=code,
        )


def no_model(scope: Scope) -> Iterator[Finding]:
    """§6b: tenancy roles are present and none of the three job models fits them."""
    assert scope.agency is not None and scope.agency.perimeter is not None
    present = [r for r in TENANCY_ROLES if r in scope.roles_present]
    if not present or tenancy_models(scope.agency.perimeter, scope.roles_present):
        return
    names = Label(", ".join(ROLES[r].label.fr for r in present), ", ".join(ROLES[r].label.en for r in present))
    ids = tuple(p.id for p in scope.with_role(*present))
    yield Finding(
        "tenancy.no-model", "info", scope.agency_id, ids,
        Label(
            f"Les métiers de gestion locative présents ({names.fr}) ne correspondent à aucun des trois "
            "modèles de la gestion locative pour les activités du périmètre. Modèle 1 : chargé de "
            "clientèle, chargé de relation locataire, chargé de contentieux ; modèle 2 : chargé "
            "d'attribution, chargé de clientèle, chargé de contentieux ; modèle 3 : chargé de "
            "clientèle, chargé de précontentieux / contentieux. Alignez les rôles sur l'un d'eux si "
            "l'écart n'est pas voulu.",
            f"The tenancy roles present ({names.en}) match none of the three tenancy job models for "
            "the activities in scope. Model 1: customer officer, tenant relations officer, litigation "
            "officer; model 2: allocation officer, customer officer, litigation officer; model 3: "
            "customer officer, arrears and litigation officer. Align the roles on one of them unless "
            "the difference is intended.",
        ),
        subject="",
    )
