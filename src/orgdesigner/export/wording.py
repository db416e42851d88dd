"""The PDF's words, French and English side by side (`Label`), as the model keeps its own, so that a
document switches language without anything else changing. Where the text report (io/report_output)
or the canvas already says a thing, the PDF says it the same way."""

from __future__ import annotations

from typing import Final

from orgdesigner.model.entities import Position
from orgdesigner.model.labels import Label, Lang, number

WORDS: Final = {
    # Cover
    "document": Label("Organigramme annoté", "Annotated organisation chart"),
    "organisation": Label("Organisme", "Organisation"),
    "scenario": Label("Scénario", "Scenario"),
    "date": Label("Date", "Date"),
    "author": Label("Auteur", "Author"),
    "agencies_shown": Label("Agences", "Agencies"),
    "parameters": Label("Paramètres en vigueur", "Parameters in force"),
    "parameter": Label("Paramètre", "Parameter"),
    "value": Label("Valeur", "Value"),
    "assumption": Label("hypothèse de travail, sans norme publiée", "working assumption, no published norm"),
    "override": Label("valeur propre au scénario", "set by the scenario"),
    "switched": Label(
        "Le graphique ne tenait pas sur une page sans texte de moins de 6 pt : il est découpé en {n} feuilles "
        "à assembler.",
        "The chart would not fit on one page without text under 6 pt: it is cut into {n} sheets to assemble."),
    # Legend
    "legend": Label("Légende", "Legend"),
    "families": Label("Familles de métiers", "Job families"),
    "lines": Label("Liens", "Lines"),
    "vacancy": Label("Poste vacant (contour tireté)", "Vacant post (dashed outline)"),
    "marks": Label("Repères de constats", "Finding marks"),
    "marks_note": Label("Un repère numéroté sur un poste renvoie au constat de même numéro dans le tableau des "
                        "constats ; sa couleur est celle du constat le plus grave. Sur un en-tête d'agence, il "
                        "renvoie aux constats qui portent sur l'agence entière.",
                        "A numbered mark on a position refers to the finding of that number in the findings "
                        "table; its colour is that of the most serious one. On an agency header it refers to the "
                        "findings on the agency as a whole."),
    "header_badges": Label("En-tête d'agence : modèle de management attendu pour l'effectif et modèle constaté "
                           "(vert : conforme, orange : écart)",
                           "Agency header: management model expected for the headcount and the one detected "
                           "(green: agrees, orange: differs)"),
    # Chart
    "vacant": Label("Poste vacant", "Vacant"),
    "contractor": Label("Prestataire", "Contractor"),
    "fte": Label("ETP", "FTE"),
    "head_office": Label("Siège", "Head office"),
    "whole_chart": Label("Organisation entière", "Whole organisation"),
    "sheet": Label("feuille {label} ({columns} × {rows})", "sheet {label} ({columns} × {rows})"),
    "continued": Label("suite page {pages}", "continued on page {pages}"),
    "continued_many": Label("suite pages {pages}", "continued on pages {pages}"),
    "page": Label("page {n} / {total}", "page {n} / {total}"),
    "dwellings": Label("logements", "dwellings"),
    "headcount": Label("postes", "headcount"),
    "expected_badge": Label("Attendu", "Expected"),
    "detected_badge": Label("Constaté", "Detected"),
    # Findings
    "findings": Label("Constats", "Findings"),
    "no_findings": Label("Aucun constat.", "No findings."),
    "number": Label("N°", "No."),
    "rule": Label("Règle", "Rule"),
    "severity": Label("Gravité", "Severity"),
    "message": Label("Constat", "Finding"),
    "positions": Label("Postes", "Positions"),
    "where": Label("Où", "Where"),
    "error": Label("erreur", "error"),
    "warning": Label("avertissement", "warning"),
    "info": Label("information", "info"),
    # Summaries
    "summaries": Label("Synthèse par agence", "Summary by agency"),
    "staff": Label("Effectif hors personnels de site", "Headcount excluding site staff"),
    "site_staff": Label("Personnels de site", "Site staff"),
    "providers": Label("Prestataires", "Contractors"),
    "management": Label("Management d'agence", "Agency management"),
    "expected": Label("attendu", "expected"),
    "detected": Label("détecté", "detected"),
    "model": Label("modèle", "model"),
    "or": Label("ou", "or"),
    "perimeter": Label("Périmètre", "Perimeter"),
    "distance": Label("distance", "distance"),
    "differs": Label("écarts", "differs on"),
    "tenancy": Label("Gestion locative", "Tenancy"),
    "no_model": Label("aucun modèle", "no model"),
    "not_assessed": Label("non évalué (périmètre non renseigné)", "not assessed (no perimeter given)"),
    "site_model": Label("Gestion de site", "Site management"),
    "not_given": Label("non renseigné", "not given"),
    "guarding": Label("Gardiennage", "Guarding"),
    "site": Label("Ensemble", "Estate"),
    "blocks_required": Label("ETP requis", "FTE required"),
    "fte_assigned": Label("ETP affectés", "FTE assigned"),
    "by_provider": Label("assuré par un prestataire", "contracted out"),
    "outside_zone": Label("hors obligation", "not subject"),
    "no_sites": Label("aucun ensemble renseigné", "no estate given"),
    "skipped": Label("Non vérifié", "Not checked"),
}

# domain.md §10, as the parameters dialog names them.
PARAMETER_LABELS: Final = {
    "headcount_basis": Label("Base de l'effectif (postes ou ETP)", "Headcount basis (positions or FTE)"),
    "model1_below": Label("Modèle de management 1 : effectif inférieur à",
                          "Management model 1: headcount below"),
    "model2_upto": Label("Modèle de management 2 : effectif jusqu'à", "Management model 2: headcount up to"),
    "model3_above": Label("Modèle de management 3 : effectif au-delà de", "Management model 3: headcount above"),
    "max_direct_reports": Label("Rattachements directs au plus", "Direct reports at most"),
    "sector_manager_max_span": Label("Personnels de site par responsable de secteur au plus",
                                     "Site staff per sector manager at most"),
    "gardiennage_dwellings_per_fte": Label("Gardiennage : logements par ETP", "Guarding: dwellings per FTE"),
    "gardiennage_rounding": Label("Gardiennage : arrondi des tranches", "Guarding: rounding of blocks"),
}


def say(key: str, lang: Lang, **values: object) -> str:
    return WORDS[key].in_(lang).format(**values)


def card_subtitle(position: Position, lang: Lang) -> str:
    """The card's second line as the canvas words it (ui/scene.card_look): the holder, that the post
    is vacant, or that it is a contract; a part-time post adds its FTE."""
    if position.is_provider:
        text = say("contractor", lang)
    elif position.holder:
        text = position.holder
    else:
        text = say("vacant", lang)
    if position.fte < 1:
        text += f" · {number(position.fte, lang)} {say('fte', lang)}"
    return text


def colon(lang: Lang) -> str:
    """French sets a no-break space before a colon."""
    return "\u00a0: " if lang == "fr" else ": "
