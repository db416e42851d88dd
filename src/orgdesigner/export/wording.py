"""The PDF's words, French and English side by side (`Label`), as the model keeps its own, so that a
document switches language without anything else changing. Where the text report (io/report_output)
or the canvas (app/presentation) already says a thing, the PDF takes its words from there."""

from __future__ import annotations

import re
from typing import Final

from orgdesigner.io.report_output import REPORT_WORDS
from orgdesigner.model.labels import Label, Lang

_SHARED: Final = ("scenario", "parameters", "head_office", "fte", "management", "expected", "detected", "model",
                  "or", "perimeter", "distance", "differs", "tenancy", "no_model", "not_assessed", "site_model",
                  "not_given", "guarding", "dwellings", "by_provider", "outside_zone", "findings", "positions")

WORDS: Final = {
    # The summaries and findings say what the text report says, in its words.
    **{key: REPORT_WORDS[key] for key in _SHARED},
    "staff": REPORT_WORDS["headcount"],
    "no_findings": REPORT_WORDS["none"],
    # Cover
    "document": Label("Organigramme annoté", "Annotated organisation chart"),
    "organisation": Label("Organisme", "Organisation"),
    "date": Label("Date", "Date"),
    "author": Label("Auteur", "Author"),
    "agencies_shown": Label("Agences", "Agencies"),
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
    "whole_chart": Label("Organisation entière", "Whole organisation"),
    "sheet": Label("feuille {label} ({columns} × {rows})", "sheet {label} ({columns} × {rows})"),
    "continued": Label("suite page {pages}", "continued on page {pages}"),
    "continued_many": Label("suite pages {pages}", "continued on pages {pages}"),
    "page": Label("page {n} / {total}", "page {n} / {total}"),
    # Findings
    "number": Label("N°", "No."),
    "rule": Label("Règle", "Rule"),
    "severity": Label("Gravité", "Severity"),
    "message": Label("Constat", "Finding"),
    "where": Label("Où", "Where"),
    "error": Label("erreur", "error"),
    "warning": Label("avertissement", "warning"),
    "info": Label("information", "info"),
    # Summaries
    "summaries": Label("Synthèse par agence", "Summary by agency"),
    "site_staff": Label("Personnels de site", "Site staff"),
    "providers": Label("Prestataires", "Contractors"),
    "site": Label("Ensemble", "Estate"),
    "blocks_required": Label("ETP requis", "FTE required"),
    "fte_assigned": Label("ETP affectés", "FTE assigned"),
    "no_sites": Label("aucun ensemble renseigné", "no estate given"),
    "skipped": Label("Non vérifié", "Not checked"),
    # Comparison (the rest of its words are the text comparison's, io/diff_output)
    "source": Label("Scénario source", "Source scenario"),
    "target": Label("Scénario cible", "Target scenario"),
    "no_change": Label("Aucun changement : les deux scénarios ont les mêmes postes, aux mêmes places, les mêmes "
                       "agences, ensembles, liens et paramètres, les mêmes chiffres et les mêmes constats.",
                       "No change: the two scenarios have the same positions, in the same places, the same agencies, "
                       "estates, links and parameters, the same figures and the same findings."),
    "deltas": Label("Écarts par agence", "Changes by agency"),
    "deltas_note": Label("Une valeur qui change se lit « avant → après », en gras sur fond teinté ; « — » : "
                         "l'agence n'existe pas de ce côté, ou la valeur ne peut être établie.",
                         "A value that changes reads \"before → after\", in bold on a tint; \"—\": the agency does "
                         "not exist on that side, or the value cannot be worked out."),
    "agency": Label("Agence", "Agency"),
    "change_kinds": Label("Changements", "Changes"),
    "ghost": Label("estompé, à sa place dans la source", "faded, where it was in the source"),
    "changes_note": Label("Sur le graphique de la cible, le contour et le repère d'un poste disent ce qui a changé ; "
                          "un poste changé de responsable et modifié porte les deux signes (→~) et la couleur du "
                          "premier. Son identifiant, en bas à droite, renvoie à la liste des changements. Les "
                          "constats ne sont pas repérés sur ce graphique : ceux que la cible résout ou introduit "
                          "sont listés après la liste des changements.",
                          "On the target's chart, a position's outline and tag say what changed; a position both "
                          "moved and changed carries both signs (→~) and the colour of the first. Its id, bottom "
                          "right, refers to the list of changes. Findings are not marked on this chart: those the "
                          "target resolves or introduces are listed after the list of changes."),
    "resolved_count": Label("résolus", "resolved"),
    "introduced_count": Label("introduits", "introduced"),
    "position_id": Label("Poste", "Position"),
    "details": Label("Détail", "Details"),
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


# The values of the parameters that are words, not numbers.
PARAMETER_VALUES: Final = {
    "positions": Label("postes", "positions"),
    "fte": Label("ETP", "FTE"),
    "floor": Label("à l'inférieur", "rounded down"),
    "ceil": Label("au supérieur", "rounded up"),
}

# French sets a no-break space before a colon, semicolon, question or exclamation mark and inside
# guillemets; a plain space there lets a line break leave the sign alone at the start of a line.
_FRENCH_SPACING: Final = re.compile(r"[ \u202f]+(?=[:;?!»])|(?<=«)[ \u202f]+")


def typeset(text: str, lang: Lang) -> str:
    """`text` with French typography's no-break spaces (for the PDF's own words and the rules'
    messages; never for what the user typed, which prints as typed)."""
    return _FRENCH_SPACING.sub("\u00a0", text) if lang == "fr" else text


def say(key: str, lang: Lang, **values: object) -> str:
    return typeset(WORDS[key].in_(lang), lang).format(**values)


def colon(lang: Lang) -> str:
    """French sets a no-break space before a colon."""
    return "\u00a0: " if lang == "fr" else ": "


def semicolon(lang: Lang) -> str:
    """French sets a no-break space before a semicolon."""
    return "\u00a0; " if lang == "fr" else "; "


def upper_first(text: str) -> str:
    """`text` with a capital first letter, the rest as it is (not str.capitalize: "ETP" stays)."""
    return text[:1].upper() + text[1:]
