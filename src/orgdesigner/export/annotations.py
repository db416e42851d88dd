"""The numbered marks that tie the chart to the findings table.

Findings are numbered 1, 2, 3… in report order (the table's order). A card carries the numbers of
the findings that name its position, in the colour of the most serious of them; a finding that names
no position (an agency's model, its perimeter) marks the agency's header instead. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from orgdesigner.rules.findings import SEVERITY_RANK, Finding, Severity

MAX_NUMBERS_SHOWN: Final = 4  # past this a card would be all mark: the table lists the rest


@dataclass(frozen=True, slots=True)
class Mark:
    numbers: tuple[int, ...]
    severity: Severity

    @property
    def text(self) -> str:
        shown = ",".join(map(str, self.numbers[:MAX_NUMBERS_SHOWN]))
        hidden = len(self.numbers) - MAX_NUMBERS_SHOWN
        return f"{shown} +{hidden}" if hidden > 0 else shown


@dataclass(frozen=True, slots=True)
class Marks:
    positions: dict[str, Mark]
    agencies: dict[str, Mark]


def finding_marks(findings: Sequence[Finding]) -> Marks:
    """The marks of `findings`, numbered from 1 in the order given."""
    numbers: dict[str, list[int]] = {}
    worst: dict[str, Severity] = {}
    agency_numbers: dict[str, list[int]] = {}
    agency_worst: dict[str, Severity] = {}
    for number, finding in enumerate(findings, start=1):
        if finding.positions:
            targets, into, severities = finding.positions, numbers, worst
        elif finding.agency is not None:
            targets, into, severities = (finding.agency,), agency_numbers, agency_worst
        else:
            continue
        for target in dict.fromkeys(targets):
            into.setdefault(target, []).append(number)
            if target not in severities or SEVERITY_RANK[finding.severity] < SEVERITY_RANK[severities[target]]:
                severities[target] = finding.severity
    return Marks({p: Mark(tuple(n), worst[p]) for p, n in numbers.items()},
                 {a: Mark(tuple(n), agency_worst[a]) for a, n in agency_numbers.items()})
