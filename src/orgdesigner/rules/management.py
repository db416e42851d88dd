"""Agency management rules (domain.md §4, `management.*`): the shape the deck gives each model."""

from __future__ import annotations

from collections.abc import Iterator

from orgdesigner.model.catalogue import ROLES
from orgdesigner.model.labels import Label, bilingual_number
from orgdesigner.rules.classify import expected_models
from orgdesigner.rules.context import Scope
from orgdesigner.rules.findings import Finding

_MODEL_TEXT = {
    1: Label("le responsable d'agence manage en direct les équipes opérationnelles, sauf les gardiens",
             "the agency manager leads the operational teams directly, caretakers excepted"),
    2: Label("le responsable d'agence est accompagné d'un adjoint, généralement chargé de la partie "
             "technique",
             "the agency manager has one deputy, generally in charge of the technical side"),
    3: Label("le responsable d'agence est accompagné d'adjoints spécialisés en gestion locative et "
             "sur le technique",
             "the agency manager has deputies specialised in tenancy and in technical matters"),
}


def model_mismatch(scope: Scope) -> Iterator[Finding]:
    """§4, §9 management.model-mismatch."""
    expected = expected_models(scope.headcount, scope.params)
    detected = scope.detected_model
    if detected in expected:
        return
    want = expected[0]
    deputies = {0: Label("ne compte aucun adjoint", "has no deputy"),
                1: Label("compte un adjoint", "has one deputy")}.get(
        len(scope.deputies), Label(f"compte {len(scope.deputies)} adjoints", f"has {len(scope.deputies)} deputies"))
    fix = {
        1: Label("supprimez les postes d'adjoint ou répartissez leurs équipes sous le responsable",
                 "remove the deputy posts or put their teams under the manager"),
        2: Label("prévoyez un adjoint, de préférence technique (adjoint technique)",
                 "provide one deputy, preferably technical (deputy manager, technical)"),
        3: Label("prévoyez deux adjoints spécialisés : gestion locative et technique",
                 "provide two specialised deputies: tenancy and technical"),
    }[want]
    count = bilingual_number(scope.headcount)
    concerned = scope.deputies or scope.heads
    yield Finding(
        "management.model-mismatch", "warning", scope.agency_id, tuple(p.id for p in concerned),
        Label(
            f"Effectif hors personnels de site : {count.fr} ; le modèle de management attendu est "
            f"le modèle {' ou '.join(map(str, expected))} ({_MODEL_TEXT[want].fr}), mais la structure "
            f"{deputies.fr}, soit le modèle {detected}. Référence : « Le management "
            f"d'agence » (atelier « Quelle gestion de proximité ? », 2022). Pour corriger : {fix.fr}.",
            f"Headcount excluding site staff: {count.en}; the expected management model is model "
            f"{' or '.join(map(str, expected))} ({_MODEL_TEXT[want].en}), but the structure "
            f"{deputies.en}, which is model {detected}. Reference: 'Agency management' "
            f"(workshop 'Quelle gestion de proximité ?', 2022). To fix: {fix.en}.",
        ),
        subject="",
    )


def transition_band(scope: Scope) -> Iterator[Finding]:
    """§4, §9 management.transition-band: 26-30 is not covered by the deck."""
    params = scope.params
    if params.model2_upto < scope.headcount <= params.model3_above:
        count = bilingual_number(scope.headcount)
        yield Finding(
            "management.transition-band", "info", scope.agency_id, (),
            Label(
                f"Effectif hors personnels de site : {count.fr}, entre {params.model2_upto} et "
                f"{params.model3_above} : une zone que la référence ne couvre pas (modèle 2 jusqu'à "
                f"{params.model2_upto}, modèle 3 au-delà de {params.model3_above}). Les deux modèles "
                "sont acceptables ; choisissez selon la croissance attendue de l'agence.",
                f"Headcount excluding site staff: {count.en}, between {params.model2_upto} and "
                f"{params.model3_above}: a band the reference does not cover (model 2 up to "
                f"{params.model2_upto}, model 3 above {params.model3_above}). Both models are "
                "acceptable; choose by the agency's expected growth.",
            ),
        )


def m1_direct(scope: Scope) -> Iterator[Finding]:
    """§4 model 1, §9 management.m1-direct: the head leads every non-site staff post directly."""
    if scope.detected_model != 1 or len(scope.heads) != 1:
        return
    head = scope.heads[0]
    graph = scope.chart.graph("line")
    for position in scope.positions:
        if position is head or position.is_provider or position.is_site_staff:
            continue
        if graph.has_edge(head.id, position.id):
            continue
        yield Finding(
            "management.m1-direct", "warning", scope.agency_id, (position.id, head.id),
            Label(
                f"{position.display_name('fr')} ne dépend pas directement de "
                f"{head.display_name('fr')}. Dans le modèle 1 de management d'agence, le responsable "
                "d'agence manage en direct les équipes opérationnelles, sauf les gardiens. Rattachez "
                "ce poste au responsable d'agence.",
                f"{position.display_name('en')} does not report directly to {head.display_name('en')}. "
                "In agency management model 1, the agency manager leads the operational teams "
                "directly, caretakers excepted. Attach this position to the agency manager.",
            ),
        )


def m2_deputy(scope: Scope) -> Iterator[Finding]:
    """§4 model 2, §9 management.m2-deputy: one deputy, technical, with no tenancy, social or
    reception staff under it (the head keeps those registers)."""
    if scope.detected_model != 2 or len(scope.heads) != 1:
        return
    deputy = scope.deputies[0]
    below = scope.below(deputy.id)
    technical_side = [p.id for p in scope.with_role("sector_manager", "technical_officer")]
    is_technical = deputy.role == "deputy_technical" or (
        deputy.role == "deputy_general" and all(p in below for p in technical_side)
    )
    if not is_technical:
        outside = [p for p in technical_side if p not in below]
        detail = (
            Label(f" ; ne sont pas sous lui : {scope.names(outside).fr}",
                  f"; not under them: {scope.names(outside).en}")
            if deputy.role == "deputy_general" and outside else Label("", "")
        )
        yield Finding(
            "management.m2-deputy", "warning", scope.agency_id, (deputy.id, *outside),
            Label(
                f"L'adjoint {deputy.display_name('fr')} n'est pas en charge de la partie "
                f"technique{detail.fr}. Dans le modèle 2, l'adjoint est généralement en charge de la "
                "gestion de site et du technique, le responsable gardant les autres registres. Faites-"
                "en un adjoint technique, ou placez sous lui les responsables de secteur et les "
                "techniciens.",
                f"Deputy {deputy.display_name('en')} is not in charge of the technical "
                f"side{detail.en}. In model 2 the deputy is generally in charge of site management "
                "and technical matters, the manager keeping the other registers. Make them the "
                "technical deputy, or put the sector managers and technicians under them.",
            ),
            subject=deputy.id,
        )
    misplaced = [p.id for p in scope.with_family("tenancy", "social", "reception") if p.id in below]
    if misplaced:
        names = scope.names(misplaced)
        yield Finding(
            "management.m2-deputy", "warning", scope.agency_id, tuple(misplaced),
            Label(
                f"Placés sous l'adjoint {deputy.display_name('fr')} : {names.fr}. Dans le modèle 2, "
                "le responsable d'agence garde la gestion locative, l'accompagnement social et "
                "l'accueil. Rattachez ces postes au responsable d'agence.",
                f"Placed under deputy {deputy.display_name('en')}: {names.en}. In model 2 the agency "
                "manager keeps tenancy, social support and reception. Attach these positions to the "
                "agency manager.",
            ),
            subject="",
        )


def m3_deputies(scope: Scope) -> Iterator[Finding]:
    """§4 model 3, §9 management.m3-deputies: a tenancy deputy above all tenancy staff and a
    technical deputy above every sector manager and technician."""
    if scope.detected_model != 3 or len(scope.heads) != 1:
        return
    problems: list[Label] = []
    concerned: list[str] = []
    for deputy_role, covered, what in (
        ("deputy_tenancy", scope.with_family("tenancy"),
         Label("gestion locative", "tenancy")),
        ("deputy_technical", scope.with_role("sector_manager", "technical_officer"),
         Label("technique (responsables de secteur, techniciens)",
               "technical (sector managers, technicians)")),
    ):
        candidates = scope.with_role(deputy_role)
        reach = {d.id: scope.below(d.id) for d in candidates}
        if any(all(p.id in reach[d.id] for p in covered) for d in candidates):
            continue
        label = ROLES[deputy_role].label
        if not candidates:
            problems.append(Label(f"pas d'{label.fr.lower()}", f"no {label.en.lower()}"))
            continue
        best = candidates[0]
        outside = [p.id for p in covered if p.id not in reach[best.id]]
        concerned += [best.id, *outside]
        names = scope.names(outside)
        problems.append(Label(
            f"{best.display_name('fr')} n'encadre pas tout le {what.fr} (hors de sa ligne : {names.fr})",
            f"{best.display_name('en')} does not lead all of {what.en} (outside their line: {names.en})",
        ))
    if problems:
        yield Finding(
            "management.m3-deputies", "warning", scope.agency_id,
            tuple(dict.fromkeys([*(p.id for p in scope.deputies), *concerned])),
            Label(
                f"Modèle 3 détecté, mais {' ; '.join(p.fr for p in problems)}. Dans le modèle 3, le "
                "responsable d'agence est accompagné d'adjoints spécialisés : un adjoint gestion "
                "locative au-dessus de toute la gestion locative, un adjoint technique au-dessus des "
                "responsables de secteur et des techniciens. Ajustez les rôles ou les rattachements.",
                f"Model 3 detected, but {'; '.join(p.en for p in problems)}. In model 3 the agency "
                "manager has specialised deputies: a tenancy deputy above all tenancy staff, a "
                "technical deputy above the sector managers and technicians. Adjust roles or "
                "reporting lines.",
            ),
            subject="",
        )
