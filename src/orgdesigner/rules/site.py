"""Site-management rules (domain.md §5, §5b, `site.*`)."""

from __future__ import annotations

from collections.abc import Iterator

from orgdesigner.model import queries
from orgdesigner.model.catalogue import SECTOR_MANAGER_ROLE, SITE_MANAGEMENT
from orgdesigner.model.labels import Label, bilingual_number
from orgdesigner.rules.classify import guarding_status
from orgdesigner.rules.context import Scope
from orgdesigner.rules.findings import Finding


def caretaker_manager(scope: Scope) -> Iterator[Finding]:
    """§5: in every model, caretakers and building attendants report to a sector manager."""
    chart = scope.chart
    for position in scope.positions:
        if not position.is_site_staff:
            continue
        above = queries.managers(chart, position.id)
        if any(chart.position(m).role == SECTOR_MANAGER_ROLE for m in above):
            continue
        now = (
            Label(f"il dépend de {scope.names(above).fr}", f"they report to {scope.names(above).en}")
            if above else Label("il n'a pas de responsable", "they have no manager")
        )
        yield Finding(
            "site.caretaker-manager", "warning", scope.agency_id, (position.id, *above),
            Label(
                f"{position.display_name('fr')} ne dépend pas d'un responsable de secteur ({now.fr}). "
                "Dans les deux grands modèles de gestion de site, gardiens et employés d'immeuble "
                "sont managés par un responsable de secteur (le responsable d'agence manage en direct "
                "« sauf les gardiens »). Rattachez-le à un responsable de secteur.",
                f"{position.display_name('en')} does not report to a sector manager ({now.en}). In "
                "both site-management models, caretakers and building attendants are managed by a "
                "sector manager (the agency manager leads directly 'except caretakers'). Attach them "
                "to a sector manager.",
            ),
            subject=position.id,
        )


def sector_span(scope: Scope) -> Iterator[Finding]:
    """§5 stakes ("nombre de personnes parfois élevé"), §9 site.sector-span; the limit is a
    working assumption (§10)."""
    limit = scope.params.sector_manager_max_span
    chart = scope.chart
    for manager in scope.with_role(SECTOR_MANAGER_ROLE):
        team = [r for r in queries.reports(chart, manager.id) if chart.position(r).is_site_staff]
        if len(team) > limit:
            plural = "s" if len(team) > 1 else ""
            yield Finding(
                "site.sector-span", "warning", scope.agency_id, (manager.id,),
                Label(
                    f"{manager.display_name('fr')} encadre {len(team)} personnel{plural} de site, au-delà de "
                    f"{limit} (sector_manager_max_span, hypothèse de travail sans norme publiée). La "
                    "référence note que les responsables de secteur aux équipes nombreuses peinent à "
                    "manager. Répartissez l'équipe entre deux secteurs ou créez un poste de "
                    "responsable de secteur.",
                    f"{manager.display_name('en')} manages {len(team)} site staff, more than {limit} "
                    "(sector_manager_max_span, a working assumption with no published norm). The "
                    "reference notes that sector managers with large teams struggle to manage. Split "
                    "the team between two sectors or add a sector manager.",
                ),
            )


def provider_unpiloted(scope: Scope) -> Iterator[Finding]:
    """§5: every provider is piloted by at least one staff position through a contract link."""
    graph = scope.chart.graph("contract")
    for provider in scope.with_role("provider"):
        if graph.in_degree(provider.id):
            continue
        yield Finding(
            "site.provider-unpiloted", "warning", scope.agency_id, (provider.id,),
            Label(
                f"{provider.display_name('fr')} n'est piloté par personne. La "
                "référence souligne l'enjeu de pilotage des prestataires quand les prestations sont "
                "externalisées. Reliez-le par un lien « contrat » au poste qui le pilote (responsable "
                "de secteur, par exemple).",
                f"{provider.display_name('en')} is piloted by no one. The reference "
                "stresses steering contractors when services are outsourced. Link it with a "
                "'contract' link to the position that pilots it (a sector manager, say).",
            ),
        )


def declared_model(scope: Scope) -> Iterator[Finding]:
    """§5, §9 site.declared-model: the declared model shows in the chart."""
    agency = scope.agency
    if agency is None or agency.site_management is None:
        return
    has = {
        "site_staff": any(p.is_site_staff for p in scope.positions),
        "sector_manager": SECTOR_MANAGER_ROLE in scope.roles_present,
        "provider": "provider" in scope.roles_present,
    }
    needed = {
        "internal": ("site_staff", "sector_manager"),
        "outsourced": ("provider",),
        "mixed": ("site_staff", "sector_manager", "provider"),
    }[agency.site_management]
    missing = [n for n in needed if not has[n]]
    if not missing:
        return
    what = {
        "site_staff": Label("gardien ou employé d'immeuble", "caretaker or building attendant"),
        "sector_manager": Label("responsable de secteur", "sector manager"),
        "provider": Label("prestataire", "contractor"),
    }
    model = SITE_MANAGEMENT[agency.site_management]
    yield Finding(
        "site.declared-model", "warning", scope.agency_id, (),
        Label(
            f"L'agence déclare le modèle de gestion de site « {model.fr} », mais il manque à "
            f"l'organigramme : {', '.join(what[m].fr for m in missing)}. Ajoutez les postes "
            "correspondants ou corrigez le modèle déclaré.",
            f"The agency declares the site-management model '{model.en}', but the chart lacks: "
            f"{', '.join(what[m].en for m in missing)}. Add the matching positions or correct the "
            "declared model.",
        ),
    )


def gardiennage(scope: Scope) -> Iterator[Finding]:
    """§5b, §9 site.gardiennage: one FTE of guarding per block of 100 dwellings, per ensemble."""
    agency = scope.agency
    if agency is None or agency.sites is None:
        return
    params = scope.params
    for site in agency.sites:
        status = guarding_status(site, scope.positions, params)
        if not status.shortfall:
            continue
        rounding = Label("tranches entamées comptées" if params.gardiennage_rounding == "ceil"
                         else "tranches complètes",
                         "started blocks counted" if params.gardiennage_rounding == "ceil"
                         else "whole blocks")
        per = params.gardiennage_dwellings_per_fte
        fte = bilingual_number(status.fte_assigned)
        yield Finding(
            "site.gardiennage", "warning", scope.agency_id, status.staff,
            Label(
                f"L'ensemble {site.name} ({site.dwellings} logements, zone soumise à l'obligation de "
                f"gardiennage) demande {status.blocks_required} ETP de gardiennage (un par tranche de "
                f"{per} logements, {rounding.fr}) ; {fte.fr} ETP de gardiens et employés d'immeuble y "
                "sont affectés et aucun prestataire n'y assure le gardiennage. Référence : Code de la "
                "sécurité intérieure, art. L271-1, R271-1 et R271-2. Affectez du personnel de site à "
                "l'ensemble ou confiez le gardiennage à un prestataire ; tout changement du dispositif "
                "est soumis au conseil de concertation locative (R271-3).",
                f"Estate {site.name} ({site.dwellings} dwellings, in a guarding-obligation zone) "
                f"requires {status.blocks_required} FTE of guarding (one per block of {per} dwellings, "
                f"{rounding.en}); {fte.en} FTE of caretakers and building attendants are assigned and no "
                "contractor provides guarding there. Reference: Code de la sécurité intérieure, "
                "L271-1, R271-1 and R271-2. Assign site staff to the estate or contract the guarding "
                "out; any change to the arrangement goes to the tenant consultation council (R271-3).",
            ),
            subject=site.id,
        )
