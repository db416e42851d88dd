"""A validation report as the JSON of interchange.md (`validate --format json`) and as readable text.

Both outputs are pure functions of the report, so the same scenario always prints the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from orgdesigner.model.catalogue import MISSIONS, SITE_MANAGEMENT, TERRITORIES
from orgdesigner.model.entities import Position
from orgdesigner.model.labels import Label, Lang, counted, number
from orgdesigner.model.parameters import WORKING_ASSUMPTIONS
from orgdesigner.rules.engine import AgencySummary, Report
from orgdesigner.rules.findings import SEVERITIES, SEVERITY_LABELS


def _number(value: float) -> float | int:
    """A count stays a whole number; an FTE sum (headcount_basis: fte) keeps three decimals."""
    return value if isinstance(value, int) else round(value, 3)


def report_to_data(report: Report, lang: Lang) -> dict[str, Any]:
    return {
        "scenario": report.scenario,
        "parameters": report.parameters.as_dict(),
        "agencies": [_summary_data(s) for s in report.agencies],
        "findings": [
            {"rule": f.rule, "severity": f.severity, "agency": f.agency, "positions": list(f.positions),
             "message": f.message.in_(lang)}
            for f in report.findings
        ],
    }


def report_to_json(report: Report, lang: Lang) -> str:
    return json.dumps(report_to_data(report, lang), ensure_ascii=False, indent=2) + "\n"


def _summary_data(summary: AgencySummary) -> dict[str, Any]:
    perimeter = summary.perimeter
    return {
        "id": summary.agency.id,
        "name": summary.agency.name,
        "headcount": _number(summary.headcount),
        "fte": round(summary.fte, 3),
        "site_staff": summary.site_staff,
        "site_staff_fte": round(summary.site_staff_fte, 3),
        "providers": summary.providers,
        "management_model": {"expected": list(summary.expected_models), "detected": summary.detected_model},
        "perimeter_model": None if perimeter is None else {
            "model": perimeter.model, "distance": perimeter.distance, "differs": list(perimeter.differs),
        },
        "tenancy_models": list(summary.tenancy_models),
        "site_management": summary.agency.site_management,
        "skipped": list(summary.skipped),
    }


# Text ---------------------------------------------------------------------------------------------

# The words of the text report; the PDF's summaries (export/wording) take theirs from here.
REPORT_WORDS = {
    "scenario": Label("Scénario", "Scenario"),
    "parameters": Label("Paramètres en vigueur", "Parameters in force"),
    "assumptions": Label("hypothèses de travail, sans norme publiée", "working assumptions, no published norm"),
    "head_office": Label("Siège", "Head office"),
    "headcount": Label("Effectif hors personnels de site", "Headcount excluding site staff"),
    "site_staff": Label("personnels de site", "site staff"),
    "providers": Label("prestataires", "contractors"),
    "fte": Label("ETP", "FTE"),
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
    "dwellings": Label("logements", "dwellings"),
    "required": Label("requis", "required"),
    "assigned": Label("affectés", "assigned"),
    "by_provider": Label("assuré par un prestataire", "contracted out"),
    "outside_zone": Label("hors obligation", "not subject"),
    "skipped": Label("Non vérifié (donnée non renseignée, ou responsable d'agence à régulariser d'abord)",
                     "Not checked (data not given, or the agency head to sort out first)"),
    "findings": Label("Constats", "Findings"),
    "none": Label("Aucun constat.", "No findings."),
    "positions": Label("Postes", "Positions"),
}


_COUNT_NOUNS = {
    "error": (Label("erreur", "error"), Label("erreurs", "errors")),
    "warning": (Label("avertissement", "warning"), Label("avertissements", "warnings")),
    "info": (Label("information", "info"), Label("informations", "info")),
}


def _count(count: int, severity: str, lang: Lang) -> str:
    return counted(count, *_COUNT_NOUNS[severity], lang)


def report_to_text(report: Report, positions: Mapping[str, Position], lang: Lang) -> str:
    """The human report: parameters, one block per agency, then findings grouped by severity."""
    t = {k: v.in_(lang) for k, v in REPORT_WORDS.items()}
    params = ", ".join(
        f"{k}={v}{'*' if k in WORKING_ASSUMPTIONS else ''}" for k, v in report.parameters.as_dict().items()
    )
    lines = [f"{t['scenario']} : {report.scenario}" if lang == "fr" else f"{t['scenario']}: {report.scenario}",
             f"{t['parameters']} : {params}" if lang == "fr" else f"{t['parameters']}: {params}",
             f"  (* {t['assumptions']})", ""]
    for summary in report.agencies:
        lines += _summary_text(summary, t, lang)
        lines.append("")
    names = {a.agency.id: a.agency.name for a in report.agencies}
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in SEVERITIES}
    header = ", ".join(_count(counts[s], s, lang) for s in SEVERITIES)
    lines.append(f"{t['findings']} : {header}" if lang == "fr" else f"{t['findings']}: {header}")
    if not report.findings:
        lines.append(t["none"])
    for severity in SEVERITIES:
        chosen = [f for f in report.findings if f.severity == severity]
        if not chosen:
            continue
        lines += ["", f"{SEVERITY_LABELS[severity].in_(lang)} ({len(chosen)})"]
        for finding in chosen:
            where = names.get(finding.agency, t["head_office"]) if finding.agency else t["head_office"]
            lines.append(f"  [{finding.rule}] {where}")
            lines.append(f"    {finding.message.in_(lang)}")
            if finding.positions:
                who = "; ".join(positions[p].display_name(lang) for p in finding.positions)
                sep = " : " if lang == "fr" else ": "
                lines.append(f"    {t['positions']}{sep}{who}")
    return "\n".join(lines) + "\n"


def _summary_text(summary: AgencySummary, t: Mapping[str, str], lang: Lang) -> list[str]:
    agency = summary.agency
    sep = " : " if lang == "fr" else ": "
    title = f"{agency.name} ({agency.id})"
    details = []
    if agency.territory:
        details.append(TERRITORIES[agency.territory].label.in_(lang))
    if agency.dwellings is not None:
        details.append(f"{number(agency.dwellings, lang)} {t['dwellings']}")
    lines = [title + (f" — {', '.join(details)}" if details else "")]
    semicolon = " ; " if lang == "fr" else "; "
    lines.append(
        f"  {t['headcount']}{sep}{number(summary.headcount, lang)} ({number(summary.fte, lang)} {t['fte']})"
        f"{semicolon}{t['site_staff']}{sep}{summary.site_staff} ({number(summary.site_staff_fte, lang)} "
        f"{t['fte']}){semicolon}{t['providers']}{sep}{summary.providers}"
    )
    expected = f" {t['or']} ".join(map(str, summary.expected_models))
    lines.append(f"  {t['management']}{sep}{t['expected']} {t['model']} {expected}, "
                 f"{t['detected']} {t['model']} {summary.detected_model}")
    if summary.perimeter is None:
        lines.append(f"  {t['perimeter']}{sep}{t['not_given']}")
    else:
        p = summary.perimeter
        text = f"{t['model']} {p.model}"
        if p.distance:
            differs = ", ".join(MISSIONS[m].in_(lang) for m in p.differs)
            text += f" ({t['distance']} {p.distance}{' ; ' if lang == 'fr' else '; '}{t['differs']}{sep}{differs})"
        lines.append(f"  {t['perimeter']}{sep}{text}")
    if agency.perimeter is None:
        tenancy = t["not_assessed"]
    elif summary.tenancy_models:
        tenancy = f"{t['model']} " + f" {t['or']} ".join(map(str, summary.tenancy_models))
    else:
        tenancy = t["no_model"]
    lines.append(f"  {t['tenancy']}{sep}{tenancy}")
    site_model = SITE_MANAGEMENT[agency.site_management].in_(lang) if agency.site_management else t["not_given"]
    lines.append(f"  {t['site_model']}{sep}{site_model}")
    for status in summary.guarding:
        site = status.site
        if not status.applies:
            state = t["outside_zone"]
        elif status.guarding_providers:
            state = t["by_provider"]
        else:
            state = (f"{status.blocks_required} {t['fte']} {t['required']}, "
                     f"{number(status.fte_assigned, lang)} {t['fte']} {t['assigned']}")
        lines.append(f"  {t['guarding']}{sep}{site.name} ({number(site.dwellings, lang)} {t['dwellings']}) — {state}")
    if summary.skipped:
        lines.append(f"  {t['skipped']}{sep}{', '.join(summary.skipped)}")
    return lines
