from __future__ import annotations

import os
from pathlib import Path
from types import MappingProxyType

import pytest

from command_runs import digest
from orgdesigner.model.entities import Organisation, Position, Project, Scenario
from orgdesigner.storage import ProjectFileError, add_scenario, load_project, save_project


def open_descriptors_on(path: Path) -> list[str]:
    fds = Path("/proc/self/fd")
    return [fd.name for fd in fds.iterdir() if os.path.realpath(fd).startswith(str(path))]


def test_every_field_round_trips(saved: Path, project: Project) -> None:
    loaded = load_project(saved)

    assert loaded == project
    current, target = loaded.scenarios
    assert list(current.parameters) == ["max_direct_reports", "headcount_basis", "model1_below"]
    nord, sud, est = current.agencies
    assert (sud.sites, sud.perimeter, sud.presence, sud.reception) == (None, None, None, None)
    assert (est.sites, est.presence, est.reception) == ((), (), ())
    assert [p.holder for p in current.positions] == ["Marie Dupont", None, "", None, None]
    assert [p.title for p in current.positions][-1] == ""
    assert current.positions[1].fte == 0.1 + 0.2
    assert current.layout["p1"] == (1e300, 5e-324)
    assert target.description is None and target.parameters == {} and target.layout == {}
    assert isinstance(current.parameters, MappingProxyType) and isinstance(nord.perimeter, MappingProxyType)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to list open files")
def test_no_file_stays_open(saved: Path) -> None:
    load_project(saved)
    save_project(saved, Project(Organisation("x")))
    assert open_descriptors_on(saved.parent) == []


def test_loading_a_current_file_writes_nothing(saved: Path) -> None:
    before, stamp = digest(saved), saved.stat().st_mtime_ns
    load_project(saved)
    assert (digest(saved), saved.stat().st_mtime_ns) == (before, stamp)
    assert os.listdir(saved.parent) == [saved.name]


def test_saving_replaces_the_whole_project(saved: Path) -> None:
    smaller = Project(Organisation("Autre", None), (Scenario("Seul"),))
    save_project(saved, smaller)
    assert load_project(saved) == smaller
    assert os.listdir(saved.parent) == [saved.name]


def test_add_scenario_creates_a_missing_project(tmp_path: Path) -> None:
    path = tmp_path / "new.orgd"
    scenario = Scenario("Premier", positions=(Position("p", "agency_head"),))
    add_scenario(path, Organisation("Office"), scenario)
    assert load_project(path) == Project(Organisation("Office"), (scenario,))


def test_add_scenario_appends_and_keeps_the_organisation(saved: Path, project: Project) -> None:
    extra = Scenario("Variante", description="plus tard")
    add_scenario(saved, Organisation("Ignored", 1), extra)
    assert load_project(saved) == Project(project.organisation, (*project.scenarios, extra))


def test_add_scenario_refuses_a_name_in_use(saved: Path) -> None:
    before = digest(saved)
    with pytest.raises(ProjectFileError, match=r"'Cible'.*already has a scenario of that name") as raised:
        add_scenario(saved, Organisation("x"), Scenario("Cible"))
    assert str(saved) in str(raised.value)
    assert digest(saved) == before
    assert os.listdir(saved.parent) == [saved.name]
