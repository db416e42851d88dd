"""Properties of any comparison: a scenario against itself changes nothing, and comparing the other
way round gives the mirror image."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.compare.scenario_diff import compare_scenarios, finding_key
from orgdesigner.model.entities import Scenario
from strategies import scenarios


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_a_scenario_against_itself_changes_nothing(scenario: Scenario) -> None:
    diff = compare_scenarios(scenario, scenario)
    assert len(diff.positions) == 0 and diff.resolved == diff.introduced == diff.notices == ()
    assert not any(delta.changed for delta in diff.agencies)


@settings(max_examples=60, deadline=None)
@given(st.data(), scenarios())
def test_the_other_way_round_is_the_mirror_image(data: st.DataObject, first: Scenario) -> None:
    second = data.draw(scenarios())
    forward, backward = compare_scenarios(first, second), compare_scenarios(second, first)
    assert forward.positions.added == backward.positions.removed
    assert forward.positions.removed == backward.positions.added
    assert [(m.id, m.from_manager, m.to_manager) for m in forward.positions.moved] == [
        (m.id, m.to_manager, m.from_manager) for m in backward.positions.moved]
    assert [(c.id, {k: (new, old) for k, (old, new) in c.fields.items()}) for c in forward.positions.changed] == [
        (c.id, dict(c.fields)) for c in backward.positions.changed]
    assert Counter(map(finding_key, forward.resolved)) == Counter(map(finding_key, backward.introduced))
    assert Counter(map(finding_key, forward.introduced)) == Counter(map(finding_key, backward.resolved))
    assert len(forward.notices) == len(backward.notices)
    assert {d.id for d in forward.agencies} == {d.id for d in backward.agencies}
