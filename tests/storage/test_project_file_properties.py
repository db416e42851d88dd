from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner.model.entities import Organisation, Project, Scenario
from orgdesigner.storage import load_project, save_project
from strategies import organisations, scenarios


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(organisations, st.lists(scenarios(max_positions=10), max_size=3, unique_by=lambda s: s.name))
def test_any_project_round_trips(organisation: Organisation, chosen: list[Scenario]) -> None:
    project = Project(organisation, tuple(chosen))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.orgd"
        save_project(path, project)
        loaded = load_project(path)
    assert loaded == project
    assert [list(s.parameters) for s in loaded.scenarios] == [list(s.parameters) for s in chosen]
