"""The rule catalogue of domain.md §9: every rule id, its severity, and the function that checks it.

The order here is the table's order; reports list skipped rules in it. A rule runs on one scope
(an agency, or head office when `head_office` is set), or once on the whole chart (`whole_chart`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final

from orgdesigner.model.chart import Chart
from orgdesigner.rules import management, perimeter, site, structure, tenancy, territory
from orgdesigner.rules.context import Scope
from orgdesigner.rules.findings import Finding

ScopeCheck = Callable[[Scope], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: str
    section: str
    check: ScopeCheck | None
    whole_chart: Callable[[Chart], Iterator[Finding]] | None = None
    head_office: bool = False
    needs: tuple[str, ...] = ()


RULES: Final = (
    Rule("structure.cycle", "error", "§9", None, whole_chart=structure.cycle),
    Rule("structure.multiple-managers", "error", "§9", structure.multiple_managers, head_office=True),
    Rule("structure.no-head", "error", "§9", structure.no_head),
    Rule("structure.multiple-heads", "error", "§9", structure.multiple_heads),
    Rule("structure.provider-link", "error", "§2, §9", structure.provider_link, head_office=True),
    Rule("structure.orphan", "warning", "§9", structure.orphan),
    Rule("structure.cross-agency", "warning", "§9", structure.cross_agency),
    Rule("structure.span", "warning", "§9, §10", structure.span, head_office=True),
    Rule("structure.single-report", "info", "§9", structure.single_report, head_office=True),
    Rule("management.model-mismatch", "warning", "§4", management.model_mismatch),
    Rule("management.transition-band", "info", "§4", management.transition_band),
    Rule("management.m1-direct", "warning", "§4", management.m1_direct),
    Rule("management.m2-deputy", "warning", "§4", management.m2_deputy),
    Rule("management.m3-deputies", "warning", "§4", management.m3_deputies),
    Rule("site.caretaker-manager", "warning", "§5", site.caretaker_manager, head_office=True),
    Rule("site.sector-span", "warning", "§5, §10", site.sector_span, head_office=True),
    Rule("site.provider-unpiloted", "warning", "§5", site.provider_unpiloted, head_office=True),
    Rule("site.declared-model", "warning", "§5", site.declared_model, needs=("site_management",)),
    Rule("site.gardiennage", "warning", "§5b", site.gardiennage, needs=("sites",)),
    Rule("perimeter.unstaffed-mission", "warning/info", "§6", perimeter.unstaffed_mission,
         needs=("perimeter",)),
    Rule("perimeter.role-outside-perimeter", "info", "§6", perimeter.role_outside_perimeter,
         needs=("perimeter",)),
    Rule("tenancy.uncovered-activity", "warning", "§6b", tenancy.uncovered_activity, needs=("perimeter",)),
    Rule("tenancy.no-model", "info", "§6b", tenancy.no_model, needs=("perimeter",)),
    Rule("territory.presence", "info", "§7", territory.presence, needs=("territory", "presence")),
    Rule("territory.sector-manager", "info", "§7", territory.sector_manager, needs=("territory",)),
)
RULE_IDS: Final = tuple(rule.id for rule in RULES)
SHAPE_RULES: Final = {1: "management.m1-direct", 2: "management.m2-deputy", 3: "management.m3-deputies"}
