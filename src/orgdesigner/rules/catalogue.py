"""The rule catalogue of domain.md §9: every rule id, its severity, and the function that checks it.

The order here is the table's order; reports list skipped rules in it. `severities` are those the
table gives (perimeter.unstaffed-mission has two: warning for C, info for P). A rule runs on one scope
(an agency, or head office when `head_office` is set), or once on the whole chart (`whole_chart`). A
whole-chart rule may say when an edit cannot have changed its findings (`unchanged_by`: the chart after
the edit, the positions it touched, the findings before it), so that `LiveReport` keeps them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from orgdesigner.model.chart import Chart
from orgdesigner.rules import management, perimeter, site, structure, tenancy, territory
from orgdesigner.rules.context import Scope
from orgdesigner.rules.findings import Finding, Severity

ScopeCheck = Callable[[Scope], Iterator[Finding]]
Unchanged = Callable[[Chart, Collection[str], Sequence[Finding]], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severities: tuple[Severity, ...]
    check: ScopeCheck | None
    whole_chart: Callable[[Chart], Iterator[Finding]] | None = None
    head_office: bool = False
    needs: tuple[str, ...] = ()
    unchanged_by: Unchanged | None = None


RULES: Final = (
    Rule("structure.cycle", ("error",), None, whole_chart=structure.cycle, unchanged_by=structure.cycle_unchanged),
    Rule("structure.multiple-managers", ("error",), structure.multiple_managers, head_office=True),
    Rule("structure.no-head", ("error",), structure.no_head),
    Rule("structure.multiple-heads", ("error",), structure.multiple_heads),
    Rule("structure.provider-link", ("error",), structure.provider_link, head_office=True),
    Rule("structure.orphan", ("warning",), structure.orphan),
    Rule("structure.cross-agency", ("warning",), structure.cross_agency),
    Rule("structure.span", ("warning",), structure.span, head_office=True),
    Rule("structure.single-report", ("info",), structure.single_report, head_office=True),
    Rule("management.model-mismatch", ("warning",), management.model_mismatch),
    Rule("management.transition-band", ("info",), management.transition_band),
    Rule("management.m1-direct", ("warning",), management.m1_direct),
    Rule("management.m2-deputy", ("warning",), management.m2_deputy),
    Rule("management.m3-deputies", ("warning",), management.m3_deputies),
    Rule("site.caretaker-manager", ("warning",), site.caretaker_manager, head_office=True),
    Rule("site.sector-span", ("warning",), site.sector_span, head_office=True),
    Rule("site.provider-unpiloted", ("warning",), site.provider_unpiloted, head_office=True),
    Rule("site.declared-model", ("warning",), site.declared_model, needs=("site_management",)),
    Rule("site.gardiennage", ("warning",), site.gardiennage, needs=("sites",)),
    Rule("perimeter.unstaffed-mission", ("warning", "info"), perimeter.unstaffed_mission,
         needs=("perimeter",)),
    Rule("perimeter.role-outside-perimeter", ("info",), perimeter.role_outside_perimeter,
         needs=("perimeter",)),
    Rule("tenancy.uncovered-activity", ("warning",), tenancy.uncovered_activity, needs=("perimeter",)),
    Rule("tenancy.no-model", ("info",), tenancy.no_model, needs=("perimeter",)),
    Rule("territory.presence", ("info",), territory.presence, needs=("territory", "presence")),
    Rule("territory.sector-manager", ("info",), territory.sector_manager, needs=("territory",)),
)
RULE_IDS: Final = tuple(rule.id for rule in RULES)
SHAPE_RULES: Final = {1: "management.m1-direct", 2: "management.m2-deputy", 3: "management.m3-deputies"}
