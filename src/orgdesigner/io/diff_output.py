"""A scenario comparison as the JSON of `orgdesigner diff` (issue 5) and as readable text; the
figures' names and how a value is written, shared with the comparison PDF and window.

The JSON is for scripts: every list sorted by id (findings by agency, rule, then positions), so that
two runs on the same files print the same bytes. The text, the PDF and the window follow the chart's
order instead (the target's agencies, then those it dropped), as a reader does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from orgdesigner.compare.positions import ChangeKind, FieldValue
from orgdesigner.compare.scenario_diff import AgencyDelta, Pair, ScenarioDiff
from orgdesigner.compare.settings_changes import SiteChange
from orgdesigner.model.catalogue import (
    AGENCY_FIELD_LABELS,
    LINK_LABELS,
    MISSIONS,
    POSITION_FIELD_LABELS,
    PRESENCE,
    RECEPTION,
    ROLES,
    SITE_MANAGEMENT,
    TERRITORIES,
)
from orgdesigner.model.entities import Position, Scenario
from orgdesigner.model.labels import Label, Lang, counted, number
from orgdesigner.rules.findings import Finding

ABSENT: Final = "—"


def _models(models: object, lang: Lang) -> str:
    assert isinstance(models, tuple)
    if not models:
        return "aucun" if lang == "fr" else "none"
    return (" ou " if lang == "fr" else " or ").join(f"M{m}" for m in models)


def _plain_number(value: object, lang: Lang) -> str:
    assert isinstance(value, (int, float))
    return number(value, lang)


def _site_model(value: object, lang: Lang) -> str:
    assert isinstance(value, str)
    return SITE_MANAGEMENT[value].in_(lang)


@dataclass(frozen=True, slots=True)
class Figure:
    """One row of the per-agency deltas: its JSON key (None: shown, not in the JSON), its label,
    where it comes from, and how a value is written."""

    key: str | None
    label: Label
    pair: Callable[[AgencyDelta], Pair[object]]
    text: Callable[[object, Lang], str]


FIGURES: Final = (
    Figure("headcount", Label("Effectif hors personnels de site", "Headcount excluding site staff"),
           lambda d: d.headcount, _plain_number),
    Figure("fte", Label("ETP hors personnels de site", "FTE excluding site staff"), lambda d: d.fte, _plain_number),
    Figure("site_staff_fte", Label("ETP de personnels de site", "Site-staff FTE"), lambda d: d.site_staff_fte,
           _plain_number),
    Figure("expected", Label("Modèle de management attendu", "Expected management model"),
           lambda d: d.expected_models, _models),
    Figure("detected", Label("Modèle de management détecté", "Detected management model"),
           lambda d: d.detected_model, lambda v, lang: f"M{v}"),
    Figure("perimeter_model", Label("Modèle de périmètre", "Perimeter model"), lambda d: d.perimeter_model,
           lambda v, lang: f"P{v}"),
    Figure("tenancy_models", Label("Modèles de gestion locative", "Tenancy models"), lambda d: d.tenancy_models,
           _models),
    Figure("site_management", Label("Gestion de site", "Site management"), lambda d: d.site_management,
           _site_model),
    Figure(None, Label("Logements par ETP de personnel de site", "Dwellings per site-staff FTE"),
           lambda d: d.dwellings_per_site_staff_fte, _plain_number),
)

WORDS: Final = {
    "title": Label("Comparaison de scénarios", "Scenario comparison"),
    "positions": Label("Postes", "Positions"),
    "agencies": Label("Agences", "Agencies"),
    "new_agency": Label("agence créée", "new agency"),
    "gone_agency": Label("agence supprimée", "agency removed"),
    "unchanged": Label("chiffres et constats inchangés", "figures and findings unchanged"),
    "resolved": Label("Constats résolus", "Findings resolved"),
    "introduced": Label("Constats introduits", "Findings introduced"),
    "notices": Label("Avis au conseil de concertation locative (CSI R271-3)",
                     "Notices for the tenant consultation council (CSI R271-3)"),
    "changes": Label("Changements de postes", "Position changes"),
    "none": Label("aucun", "none"),
    "head_office": Label("Siège", "Head office"),
    "no_manager": Label("sans responsable", "no manager"),
    "vacant": Label("vacant", "vacant"),
    "yes": Label("oui", "yes"),
    "parameters": Label("Paramètres", "Parameters"),
    "link_added": Label("ajouté", "added"),
    "link_removed": Label("supprimé", "removed"),
    "given": Label("renseigné", "given"),
    "not_given": Label("non renseigné", "not given"),
    "other_changes": Label("Autres changements", "Other changes"),
    "no": Label("non", "no"),
}

CHANGE_SIGNS: Final[Mapping[ChangeKind, str]] = {"added": "+", "removed": "−", "moved": "→", "changed": "~"}
CHANGE_LABELS: Final[Mapping[ChangeKind, Label]] = {
    "added": Label("Ajouté", "Added"),
    "removed": Label("Supprimé", "Removed"),
    "moved": Label("Changé de responsable", "New manager"),
    "changed": Label("Modifié (rôle, ETP, titulaire, site…)", "Changed (role, FTE, holder, site…)"),
}

# How many positions had each kind of change: (singular, plural).
CHANGE_COUNTS: Final[Mapping[ChangeKind, tuple[Label, Label]]] = {
    "added": (Label("ajouté", "added"), Label("ajoutés", "added")),
    "removed": (Label("supprimé", "removed"), Label("supprimés", "removed")),
    "moved": (Label("changé de responsable", "moved"), Label("changés de responsable", "moved")),
    "changed": (Label("modifié", "changed"), Label("modifiés", "changed")),
}


def change_count(kind: ChangeKind, count: int, lang: Lang) -> str:
    return counted(count, *CHANGE_COUNTS[kind], lang)


def figure_text(figure: Figure, value: object, lang: Lang) -> str:
    return ABSENT if value is None else figure.text(value, lang)


def field_text(name: str, value: FieldValue, scenario: Scenario, position: Position, lang: Lang) -> str:
    """A position's field as the user typed or chose it, read in `scenario` (the side it comes from):
    a role, an agency, a site by its name, a number in the language's notation, nothing given as a
    dash, a note on one line."""
    agencies = {a.id: a for a in scenario.agencies}
    if name == "agency":
        if value is None:
            return WORDS["head_office"].in_(lang)
        return agencies[value].name if value in agencies else str(value)
    if value is None or value == "":
        return ABSENT
    if isinstance(value, bool):
        return WORDS["yes" if value else "no"].in_(lang)
    if isinstance(value, float):
        return number(value, lang)
    if name == "role" and value in ROLES:
        return ROLES[value].label.in_(lang)
    if name == "site":
        agency = agencies.get(position.agency or "")
        site = agency.site(str(value)) if agency is not None else None
        return site.name if site is not None else value
    text = " / ".join(part.strip() for part in value.splitlines() if part.strip())
    if name in ("title", "holder", "notes"):
        return f"« {text} »" if lang == "fr" else f'"{text}"'
    return text


# JSON ---------------------------------------------------------------------------------------------

def _json_number(value: object) -> object:
    return round(value, 3) if isinstance(value, float) and not value.is_integer() else (
        int(value) if isinstance(value, float) else value)


def _json_pair(pair: Pair[object]) -> list[object]:
    return [_json_value(pair.before), _json_value(pair.after)]


def _json_value(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, float):
        return round(value, 3)
    return value


def _finding_data(finding: Finding) -> dict[str, Any]:
    return {"rule": finding.rule, "agency": finding.agency, "positions": list(finding.positions)}


def _finding_order(finding: Finding) -> tuple[bool, str, str, tuple[str, ...]]:
    return finding.agency is not None, finding.agency or "", finding.rule, finding.positions


def diff_to_data(diff: ScenarioDiff, lang: Lang) -> dict[str, Any]:
    changes = diff.positions
    agencies = []
    for delta in sorted(diff.agencies, key=lambda d: d.id):
        headcount = delta.headcount
        agencies.append({
            "id": delta.id,
            "headcount": [_json_number(headcount.before), _json_number(headcount.after)],
            "fte": _json_pair(delta.fte),
            "site_staff_fte": _json_pair(delta.site_staff_fte),
            "management_model": {"expected": _json_pair(delta.expected_models),
                                 "detected": _json_pair(delta.detected_model)},
            "perimeter_model": _json_pair(delta.perimeter_model),
            "tenancy_models": _json_pair(delta.tenancy_models),
            "site_management": _json_pair(delta.site_management),
        })
    return {
        "from": diff.before.name,
        "to": diff.after.name,
        "positions": {
            "added": list(changes.added),
            "removed": list(changes.removed),
            "moved": [{"id": m.id, "from_manager": m.from_manager, "to_manager": m.to_manager}
                      for m in changes.moved],
            "changed": [{"id": c.id, "fields": {name: list(values) for name, values in c.fields.items()}}
                        for c in changes.changed],
        },
        "agencies": agencies,
        "findings": {
            "resolved": [_finding_data(f) for f in sorted(diff.resolved, key=_finding_order)],
            "introduced": [_finding_data(f) for f in sorted(diff.introduced, key=_finding_order)],
        },
        "notices": [{"kind": "guarding-change", "agency": n.agency, "site": n.site, "message": n.message.in_(lang)}
                    for n in sorted(diff.notices, key=lambda n: (n.agency, n.site))],
    }


def diff_to_json(diff: ScenarioDiff, lang: Lang) -> str:
    return json.dumps(diff_to_data(diff, lang), ensure_ascii=False, indent=2) + "\n"


# Text ---------------------------------------------------------------------------------------------

def change_lines(diff: ScenarioDiff, lang: Lang) -> list[tuple[ChangeKind, str, str]]:
    """(kind, position id, what changed) for every change, in id order within each kind: the list a
    reader goes through (text report, PDF, the window's table)."""
    before = {p.id: p for p in diff.before.positions}
    after = {p.id: p for p in diff.after.positions}
    sep = " : " if lang == "fr" else ": "
    lines: list[tuple[ChangeKind, str, str]] = []
    for position_id in diff.positions.added:
        lines.append(("added", position_id, _where(after[position_id], diff, lang)))
    for position_id in diff.positions.removed:
        lines.append(("removed", position_id, _where(before[position_id], diff, lang)))
    for move in diff.positions.moved:
        lines.append(("moved", move.id, f"{position_name(after[move.id], lang)}{sep}"
                      f"{_manager(move.from_manager, before, lang)} → {_manager(move.to_manager, after, lang)}"))
    for change in diff.positions.changed:
        was, now = before[change.id], after[change.id]
        fields = "; ".join(f"{POSITION_FIELD_LABELS[name].in_(lang)} {field_text(name, old, diff.before, was, lang)} "
                           f"→ {field_text(name, new, diff.after, now, lang)}"
                           for name, (old, new) in change.fields.items())
        lines.append(("changed", change.id, f"{position_name(after[change.id], lang)}{sep}{fields}"))
    return lines


def position_name(position: Position, lang: Lang) -> str:
    """Title and holder, or the title marked vacant: the id is printed beside it already."""
    title = position.display_title(lang)
    if position.is_provider or not position.is_vacant:
        return title if position.is_provider else f"{title}, {position.holder}"
    return f"{title} ({WORDS['vacant'].in_(lang)})"


def _where(position: Position, diff: ScenarioDiff, lang: Lang) -> str:
    agencies = {a.id: a.name for s in (diff.before, diff.after) for a in s.agencies}
    place = agencies.get(position.agency or "", WORDS["head_office"].in_(lang))
    return f"{position_name(position, lang)} — {place}"


def _manager(manager: str | None, positions: Mapping[str, Position], lang: Lang) -> str:
    if manager is None:
        return WORDS["no_manager"].in_(lang)
    return f"{manager} ({position_name(positions[manager], lang)})" if manager in positions else manager


def other_change_lines(diff: ScenarioDiff, lang: Lang) -> list[tuple[str, str]]:
    """(where, what changed) for what is not a position: the parameters, each agency's own data
    and ensembles, the dotted and contract links. Each can resolve or raise a finding on its own."""
    sep = " : " if lang == "fr" else ": "
    lines: list[tuple[str, str]] = []
    for change in diff.parameters:
        lines.append((WORDS["parameters"].in_(lang),
                      f"{change.name}{sep}{_plain(change.before, lang)} → {_plain(change.after, lang)}"))
    for delta in diff.agencies:
        for name, (old, new) in delta.fields.items():
            what = AGENCY_FIELD_LABELS[name].in_(lang)
            lines.append((delta.name, f"{what}{sep}{_agency_value(name, old, new, lang)}"))
        for site in delta.sites:
            lines.append((delta.name, _site_text(site, lang)))
    positions = {p.id: p for s in (diff.before, diff.after) for p in s.positions}
    for link in diff.links:
        ends = " → ".join(position_name(positions[i], lang) if i in positions else i
                          for i in (link.link.source, link.link.target))
        verb = WORDS["link_added" if link.kind == "added" else "link_removed"].in_(lang)
        lines.append((LINK_LABELS[link.link.type].in_(lang).capitalize(), f"{verb}{sep}{ends}"))
    return lines


def _plain(value: object, lang: Lang) -> str:
    if value is None:
        return ABSENT
    if isinstance(value, bool):
        return WORDS["yes" if value else "no"].in_(lang)
    if isinstance(value, (int, float)):
        return number(value, lang)
    return str(value)


def _agency_value(name: str, old: object, new: object, lang: Lang) -> str:
    """A perimeter given on both sides by the missions that changed; anything else, old → new."""
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        return ", ".join(f"{MISSIONS[m].in_(lang)} {old.get(m, ABSENT)} → {new.get(m, ABSENT)}"
                         for m in MISSIONS if old.get(m) != new.get(m))
    return f"{_agency_text(name, old, lang)} → {_agency_text(name, new, lang)}"


def _agency_text(name: str, value: object, lang: Lang) -> str:
    if value is None:
        return WORDS["not_given"].in_(lang)
    if isinstance(value, Mapping):
        return WORDS["given"].in_(lang)
    labels = {"territory": TERRITORIES, "site_management": SITE_MANAGEMENT, "presence": PRESENCE,
              "reception": RECEPTION}.get(name)
    if labels is None:
        return _plain(value, lang)
    if isinstance(value, tuple):
        return ", ".join(_label(labels, code, lang) for code in value) or WORDS["none"].in_(lang)
    return _label(labels, value, lang)


def _label(labels: Mapping[str, object], code: object, lang: Lang) -> str:
    found = labels.get(str(code))
    if isinstance(found, Label):
        return found.in_(lang)
    label = getattr(found, "label", None)
    return label.in_(lang) if isinstance(label, Label) else str(code)


def _site_text(change: SiteChange, lang: Lang) -> str:
    fr = lang == "fr"
    site = change.after or change.before
    assert site is not None
    name = f"ensemble {site.name}" if fr else f"estate {site.name}"
    zone = (" (zone soumise à l'obligation de gardiennage)" if fr else " (in a guarding-obligation zone)"
            ) if site.guarding_zone else ""
    if change.before is None:
        return (f"{name} créé, {number(site.dwellings, lang)} logements{zone}" if fr else
                f"{name} added, {number(site.dwellings, lang)} dwellings{zone}")
    if change.after is None:
        return f"{name} supprimé" if fr else f"{name} removed"
    sep = " : " if fr else ": "
    fields = {"name": Label("nom", "name"), "dwellings": Label("logements", "dwellings"),
              "guarding_zone": Label("zone soumise à l'obligation de gardiennage", "in a guarding-obligation zone")}
    return name + sep + (" ; " if fr else "; ").join(
        f"{fields[key].in_(lang)} {_plain(old, lang)} → {_plain(new, lang)}"
        for key, (old, new) in change.fields().items())


def finding_place(finding: Finding, diff: ScenarioDiff, lang: Lang) -> str:
    if finding.agency is None:
        return WORDS["head_office"].in_(lang)
    names = {a.id: a.name for s in (diff.before, diff.after) for a in s.agencies}
    return names.get(finding.agency, finding.agency)


def diff_to_text(diff: ScenarioDiff, lang: Lang) -> str:
    w = {k: v.in_(lang) for k, v in WORDS.items()}
    sep = " : " if lang == "fr" else ": "
    changes = diff.positions
    tally: tuple[tuple[ChangeKind, int], ...] = (
        ("added", len(changes.added)), ("removed", len(changes.removed)), ("moved", len(changes.moved)),
        ("changed", len(changes.changed)))
    counts = ", ".join(change_count(kind, count, lang) for kind, count in tally)
    lines = [f"{w['title']}{sep}« {diff.before.name} » → « {diff.after.name} »" if lang == "fr" else
             f"{w['title']}{sep}\"{diff.before.name}\" → \"{diff.after.name}\"",
             f"{w['positions']}{sep}{counts}", ""]
    for delta in diff.agencies:
        state = (f" ({w['new_agency']})" if delta.before is None else
                 f" ({w['gone_agency']})" if delta.after is None else
                 "" if delta.changed else f" ({w['unchanged']})")
        lines.append(f"{delta.name} ({delta.id}){state}")
        if not delta.changed:
            lines.append("")
            continue
        for figure in FIGURES:
            pair = figure.pair(delta)
            old, new = figure_text(figure, pair.before, lang), figure_text(figure, pair.after, lang)
            lines.append(f"  {figure.label.in_(lang)}{sep}{old} → {new}" if pair.changed else
                         f"  {figure.label.in_(lang)}{sep}{new}")
        lines.append(f"  {w['resolved']}{sep}{len(delta.resolved)} ; {w['introduced'].lower()}{sep}"
                     f"{len(delta.introduced)}" if lang == "fr" else
                     f"  {w['resolved']}{sep}{len(delta.resolved)}; {w['introduced'].lower()}{sep}"
                     f"{len(delta.introduced)}")
        lines.append("")
    lines.append(f"{w['changes']} ({len(changes)})")
    entries = change_lines(diff, lang)
    lines += [f"  {CHANGE_SIGNS[kind]} {position_id}  {text}" for kind, position_id, text in entries] or [
        f"  {w['none']}"]
    others = other_change_lines(diff, lang)
    if others:
        lines += ["", f"{w['other_changes']} ({len(others)})"]
        lines += [f"  {where}{sep}{what}" for where, what in others]
    for key, findings in (("resolved", diff.resolved), ("introduced", diff.introduced)):
        lines += ["", f"{w[key]} ({len(findings)})"]
        lines += [f"  [{f.rule}] {finding_place(f, diff, lang)}{sep}{f.message.in_(lang)}" for f in findings] or [
            f"  {w['none']}"]
    lines += ["", f"{w['notices']} ({len(diff.notices)})"]
    lines += [f"  {n.message.in_(lang)}" for n in diff.notices] or [f"  {w['none']}"]
    return "\n".join(lines) + "\n"
