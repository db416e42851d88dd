"""What the validator says: findings, their severities, and the order they are reported in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from orgdesigner.model.labels import Label

Severity = Literal["error", "warning", "info"]
SEVERITIES: Final[tuple[Severity, ...]] = ("error", "warning", "info")
SEVERITY_RANK: Final = {s: i for i, s in enumerate(SEVERITIES)}
SEVERITY_LABELS: Final = {
    "error": Label("Erreurs", "Errors"),
    "warning": Label("Avertissements", "Warnings"),
    "info": Label("Informations", "Information"),
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One verdict: which rule, how serious, where, on whom, and why in both languages.

    `subject` says what the verdict is about when its positions do not: an ensemble, a mission, an
    activity, a form of presence, or "" for the agency as a whole. Comparing two scenarios needs it:
    a guarding shortfall on La Roseraie is the same fault whichever caretakers are listed."""

    rule: str
    severity: Severity
    agency: str | None
    positions: tuple[str, ...]
    message: Label
    subject: str | None = None
