"""A document kept in a shared repository, as the window uses it but without one: saves of what
changed, conflicts and their two ways out, a server that goes away and comes back, and two real
processes saving the same scenario at the same moment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pg_server import PostgresServer
from projects import rich_project, set_holder

from orgdesigner.app.document import Document
from orgdesigner.app.shared import (
    SharedStore,
    connect_repository,
    create_shared,
    keep_mine,
    open_shared,
    take_theirs,
)
from orgdesigner.commands.chart_commands import RemovePositions
from orgdesigner.model.entities import Organisation, Project, Scenario
from orgdesigner.storage import load_project
from orgdesigner.storage.repository import ConnectionLost, Repository, ScenarioConflict

HERE = Path(__file__).parent


def shared_store(document: Document) -> SharedStore:
    store = document.store
    assert isinstance(store, SharedStore)
    return store


def holder(repository: Repository, key: str, scenario: str = "Existant 2026", position: str = "p1") -> str | None:
    found = repository.load(key)[0].scenario(scenario)
    assert found is not None
    return next(p.holder for p in found.positions if p.id == position)


@pytest.fixture
def key(repository: Repository) -> str:
    return shared_store(create_shared(repository, rich_project())).key


def test_saving_writes_only_the_scenarios_that_changed(repository: Repository, key: str) -> None:
    document = open_shared(repository, key)
    assert document.path is None
    assert shared_store(document).title.startswith("Habitat Partagé — postgresql://orgd_test@127.0.0.1:")
    set_holder(document, "Existant 2026", "p1", "Nouvelle")
    document.switch_to("Cible")  # opened, not edited
    document.save()
    assert not document.is_modified
    versions = repository.load(key)[1]
    assert (versions["Existant 2026"].version, versions["Cible"].version) == (2, 1)
    assert holder(repository, key) == "Nouvelle"
    document.save()  # nothing changed since: nothing is written
    assert repository.load(key)[1] == versions


def test_project_level_changes_reach_the_repository(repository: Repository, key: str) -> None:
    document = open_shared(repository, key)
    document.rename_scenario("Cible", "Cible 2027")
    document.duplicate_scenario("Existant 2026", "Variante")
    document.add_scenario("Vide")
    document.save()
    document.delete_scenario("Vide")
    document.save()
    stored = {s.name: s for s in open_shared(repository, key).to_project().scenarios}
    assert stored == {s.name: s for s in document.to_project().scenarios}
    assert set(stored) == {"Existant 2026", "Cible 2027", "Variante"}


def test_a_conflict_writes_nothing_and_keeps_the_work(repository: Repository, key: str) -> None:
    alice, bob = open_shared(repository, key), open_shared(repository, key)
    set_holder(alice, "Existant 2026", "p1", "Alice")
    alice.save()
    set_holder(bob, "Existant 2026", "p1", "Bob")
    bob.add_scenario("Ajout de Bob")
    with pytest.raises(ScenarioConflict) as raised:
        bob.save()
    (conflict,) = raised.value.conflicts
    assert conflict.kind == "changed" and conflict.theirs is not None and conflict.theirs.saved_by == "orgd_test"
    assert bob.is_modified and "Ajout de Bob" in bob.scenario_names
    assert bob.chart.position("p1").holder == "Bob"
    assert holder(repository, key) == "Alice" and [s.name for s in repository.load(key)[0].scenarios] == [
        "Existant 2026", "Cible"]


def test_keeping_mine_as_a_new_scenario_keeps_both_versions(repository: Repository, key: str) -> None:
    alice, bob = open_shared(repository, key), open_shared(repository, key)
    set_holder(alice, "Existant 2026", "p1", "Alice")
    alice.save()
    set_holder(bob, "Existant 2026", "p1", "Bob")
    with pytest.raises(ScenarioConflict):
        bob.save()
    name = keep_mine(bob, shared_store(bob), "Existant 2026", bob.free_name("Existant 2026 (mes modifications)"))
    assert name == "Existant 2026 (mes modifications)"
    assert bob.scenario_names == ("Existant 2026 (mes modifications)", "Cible", "Existant 2026")
    assert bob.chart.position("p1").holder == "Bob" and bob.stack.can_undo  # still the user's chart and history
    bob.save()
    assert holder(repository, key) == "Alice" and holder(repository, key, name) == "Bob"


def test_taking_theirs_replaces_mine_and_the_next_save_leaves_it(repository: Repository, key: str) -> None:
    alice, bob = open_shared(repository, key), open_shared(repository, key)
    set_holder(alice, "Existant 2026", "p1", "Alice")
    alice.save()
    set_holder(bob, "Existant 2026", "p1", "Bob")
    with pytest.raises(ScenarioConflict):
        bob.save()
    assert take_theirs(bob, shared_store(bob), "Existant 2026")
    assert bob.chart.position("p1").holder == "Alice" and not bob.stack.can_undo and not bob.is_modified
    versions = repository.load(key)[1]
    bob.save()
    assert repository.load(key)[1] == versions
    set_holder(bob, "Existant 2026", "p1", "Bob, plus tard")  # and a later edit saves over their version
    bob.save()
    assert holder(repository, key) == "Bob, plus tard"


def test_a_deletion_over_their_changes_gives_theirs_back(repository: Repository, key: str) -> None:
    alice, bob = open_shared(repository, key), open_shared(repository, key)
    set_holder(alice, "Cible", "h", "Alice")
    alice.save()
    bob.delete_scenario("Cible")
    with pytest.raises(ScenarioConflict) as raised:
        bob.save()
    assert [(c.name, c.kind) for c in raised.value.conflicts] == [("Cible", "changed")]
    assert take_theirs(bob, shared_store(bob), "Cible")
    assert bob.scenario_names == ("Existant 2026", "Cible")
    bob.save()
    assert holder(repository, key, "Cible", "h") == "Alice"


def test_a_scenario_someone_renamed_away_can_only_be_kept_as_new(repository: Repository, key: str) -> None:
    alice, bob = open_shared(repository, key), open_shared(repository, key)
    alice.rename_scenario("Cible", "Cible renommée")
    alice.save()
    set_holder(bob, "Cible", "h", "Bob")
    with pytest.raises(ScenarioConflict) as raised:
        bob.save()
    assert [(c.name, c.kind, c.theirs) for c in raised.value.conflicts] == [("Cible", "gone", None)]
    assert not take_theirs(bob, shared_store(bob), "Cible") and bob.chart.position("h").holder == "Bob"
    keep_mine(bob, shared_store(bob), "Cible", "Cible")
    bob.save()
    assert {s.name for s in repository.load(key)[0].scenarios} == {"Existant 2026", "Cible renommée", "Cible"}


def test_a_lost_connection_keeps_the_work_and_a_retry_saves_it(repository: Repository, key: str,
                                                               pg: PostgresServer) -> None:
    document = open_shared(repository, key)
    document.stack.push(RemovePositions(document.chart, ["p2"]))
    expected = document.to_project()
    pg.stop()
    try:
        with pytest.raises(ConnectionLost):
            document.save()
        assert document.is_modified and document.to_project() == expected and document.stack.can_undo
    finally:
        pg.start()
    document.save()
    assert not document.is_modified
    assert open_shared(repository, key).to_project() == expected


def test_save_as_a_file_leaves_the_repository(repository: Repository, key: str, tmp_path: Path) -> None:
    document = open_shared(repository, key)
    set_holder(document, "Existant 2026", "p1", "Hors ligne")
    document.save(tmp_path / "copie.orgd")
    assert document.path == tmp_path / "copie.orgd" and not document.is_modified
    assert load_project(tmp_path / "copie.orgd") == document.to_project()
    assert holder(repository, key) == "Marie Dupont"


def test_a_new_empty_project(repository: Repository) -> None:
    document = create_shared(repository, Project(Organisation("Nouvel office"), (Scenario("Existant"),)))
    assert not document.is_modified
    document.add_scenario("Cible")
    document.save()
    assert [(p.name, p.scenarios) for p in repository.projects()] == [("Nouvel office", ("Existant", "Cible"))]


def test_two_processes_saving_the_same_scenario_at_once(repository: Repository, key: str, url: str,
                                                        tmp_path: Path) -> None:
    """Both load, both edit the same card, both save at the same moment: one saves, the other gets
    the conflict, keeps its version as a new scenario, and nothing is lost."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])}

    def run(me: str, other: str) -> dict[str, object]:
        result = subprocess.run([sys.executable, str(HERE / "concurrent_saver.py"), url, key, str(tmp_path), me,
                                 other, f"holder {me}"], capture_output=True, text=True, env=environment,
                                timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        return dict(json.loads(result.stdout))

    with ThreadPoolExecutor(2) as pool:
        outcomes = list(pool.map(run, ["alice", "bob"], ["bob", "alice"]))
    assert sorted(str(o["outcome"]) for o in outcomes) == ["conflict", "saved"]
    winner = "alice" if outcomes[0]["outcome"] == "saved" else "bob"
    loser = "bob" if winner == "alice" else "alice"
    assert holder(repository, key) == f"holder {winner}"
    assert holder(repository, key, "Existant 2026 (mes modifications)") == f"holder {loser}"
    assert repository.load(key)[1]["Existant 2026"].version == 2


def test_a_password_given_in_the_address_is_used_and_never_shown(url: str, key: str, pg: PostgresServer,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGPASSWORD")
    with_password = url.replace("orgd_test@", f"orgd_test:{pg.password}@")
    repository = connect_repository(with_password, lambda address, wrong: pytest.fail("asked for a password"))
    store = shared_store(open_shared(repository, key))
    assert store.location == f"{url}#{key}" and store.title == f"Habitat Partagé — {url}"
    assert pg.password not in repr(repository.address)
