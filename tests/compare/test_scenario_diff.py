"""The comparison of two scenarios, on pairs built for each kind of change, each figure and each
guarding case (issue 5), without Qt."""

from __future__ import annotations

from dataclasses import replace

import pytest

from comparison_pairs import PERIMETER, ROSERAIE, base, edited, target
from orgdesigner.compare.positions import line_managers
from orgdesigner.compare.scenario_diff import AgencyDelta, compare_scenarios
from orgdesigner.io.diff_output import other_change_lines
from orgdesigner.model.entities import Agency, Link, Position, Scenario, Site


def nord(delta_list: tuple[AgencyDelta, ...]) -> AgencyDelta:
    return next(d for d in delta_list if d.id == "nord")


def test_the_same_scenario_twice_has_no_change() -> None:
    diff = compare_scenarios(base(), base())
    assert len(diff.positions) == 0
    assert diff.resolved == diff.introduced == diff.notices == ()
    assert not nord(diff.agencies).changed


def test_a_position_only_in_the_target_is_added_and_only_in_the_source_removed() -> None:
    start = base()
    end = target(start, positions=[*start.positions[:-2], Position("new", "receptionist", "nord")],
                 links=[*(link for link in start.links if link.target not in ("t9", "x")), Link("h", "new")])
    changes = compare_scenarios(start, end).positions
    assert changes.added == ("new",)
    assert changes.removed == ("t9", "x")
    assert changes.moved == changes.changed == ()
    assert changes.kinds() == {"new": ("added",), "t9": ("removed",), "x": ("removed",)}


def test_a_new_manager_is_a_move_from_one_id_to_the_other() -> None:
    start = base()
    end = target(start, links=[Link("m1", "t1") if link == Link("h", "t1") else link for link in start.links])
    move, = compare_scenarios(start, end).positions.moved
    assert (move.id, move.from_manager, move.to_manager) == ("t1", "h", "m1")


def test_losing_or_gaining_a_manager_is_a_move_to_or_from_none() -> None:
    start = base()
    end = target(start, links=[link for link in start.links if link != Link("h", "t1")])
    assert [(m.id, m.from_manager, m.to_manager) for m in compare_scenarios(start, end).positions.moved] == [
        ("t1", "h", None)]
    assert [(m.id, m.from_manager, m.to_manager) for m in compare_scenarios(end, start).positions.moved] == [
        ("t1", None, "h")]


def test_a_dotted_or_contract_link_is_not_a_manager() -> None:
    start = base()
    end = target(start, links=[*start.links, Link("h", "c1", "dotted"), Link("h", "x", "contract")])
    assert compare_scenarios(start, end).positions.moved == ()


def test_two_managers_are_read_as_the_first_by_id_on_both_sides() -> None:
    links = [Link("m1", "t1"), Link("h", "t1")]
    assert line_managers(links) == {"t1": "h"}
    assert line_managers(reversed(links)) == {"t1": "h"}


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("role", "arrears_officer", ("client_officer", "arrears_officer")),
    ("fte", 0.8, (1.0, 0.8)),
    ("holder", None, ("Chargé 1", None)),
    ("title", "Chargée de clientèle senior", (None, "Chargée de clientèle senior")),
    ("notes", "départ en 2027", (None, "départ en 2027")),
])
def test_each_changed_field_is_given_old_and_new(field: str, value: object, expected: tuple[object, object]) -> None:
    start = base()
    change, = compare_scenarios(start, target(start, positions=edited(start, "t1", **{field: value}))).positions.changed
    assert change.id == "t1"
    assert dict(change.fields) == {field: expected}


def test_a_site_change_and_a_move_are_both_reported_for_one_position() -> None:
    start = base()
    end = target(start, positions=edited(start, "c2", site=None, fte=0.5),
                 links=[Link("h", "c2") if link == Link("m1", "c2") else link for link in start.links])
    diff = compare_scenarios(start, end)
    assert diff.positions.kinds() == {"c2": ("moved", "changed")}
    assert dict(diff.positions.changed[0].fields) == {"fte": (1.0, 0.5), "site": ("s1", None)}


def test_headcount_fte_and_site_staff_fte_before_and_after() -> None:
    start = base()
    end = target(start, positions=[*edited(start, "c1", fte=0.5), Position("t10", "client_officer", "nord", fte=0.8)],
                 links=[*start.links, Link("h", "t10")])
    delta = nord(compare_scenarios(start, end).agencies)
    assert (delta.headcount.before, delta.headcount.after) == (11, 12)
    assert (delta.fte.before, delta.fte.after) == (11.0, 11.8)
    assert (delta.site_staff_fte.before, delta.site_staff_fte.after) == (2.0, 1.5)
    assert (delta.dwellings_per_site_staff_fte.before, delta.dwellings_per_site_staff_fte.after) == (620.0, 826.7)
    assert delta.changed


def test_growing_past_fifteen_changes_the_expected_model_and_adding_a_deputy_the_detected_one() -> None:
    start = base()
    extra = [Position(f"n{i}", "client_officer", "nord") for i in range(4)]
    end = target(start, positions=[*start.positions, *extra, Position("d", "deputy_technical", "nord")],
                 links=[*start.links, *(Link("h", p.id) for p in extra), Link("h", "d")])
    delta = nord(compare_scenarios(start, end).agencies)
    assert (delta.headcount.before, delta.headcount.after) == (11, 16)
    assert (delta.expected_models.before, delta.expected_models.after) == ((1,), (2,))
    assert (delta.detected_model.before, delta.detected_model.after) == (1, 2)


def test_perimeter_tenancy_and_site_models_follow_the_agency() -> None:
    """Before: C C P P P C NR NR is nearest model 4 (distance 1); no tenancy model fits, pre-litigation
    being in scope with no one to carry it. After: arrears handed to head office and the rest taken
    on is nearest model 6 (distance 3), and client officers alone make model 3 (domain.md §6, §6b)."""
    start = base()
    agency = start.agencies[0]
    changed = replace(agency, site_management="outsourced", perimeter={
        **PERIMETER, "arrears_litigation": "NR", "mediation": "C", "planned_maintenance": "C", "dsu": "C"})
    delta = nord(compare_scenarios(start, target(start, agencies=(changed,))).agencies)
    assert (delta.site_management.before, delta.site_management.after) == ("internal", "outsourced")
    assert (delta.perimeter_model.before, delta.perimeter_model.after) == (4, 6)
    assert (delta.tenancy_models.before, delta.tenancy_models.after) == ((), (3,))


def test_an_agency_in_one_scenario_only_has_none_on_the_other_side() -> None:
    start = base()
    sud = Agency("sud", "Agence Sud")
    end = target(start, agencies=(*start.agencies, sud),
                 positions=[*start.positions, Position("s-h", "agency_head", "sud")])
    forward = {d.id: d for d in compare_scenarios(start, end).agencies}
    assert forward["sud"].before is None and forward["sud"].headcount.after == 1
    assert forward["sud"].headcount.before is None
    backward = compare_scenarios(end, start)
    assert [d.id for d in backward.agencies] == ["nord", "sud"]  # the target's, then those it dropped
    assert backward.agencies[1].after is None and backward.agencies[1].name == "Agence Sud"


def test_findings_resolved_and_introduced_are_matched_by_rule_agency_and_positions() -> None:
    start = base()
    # A third caretaker on La Roseraie answers the guarding shortfall; the contractor left unpiloted
    # is a new fault.
    end = target(start, positions=[*start.positions, Position("c3", "caretaker", "nord", site="s1")],
                 links=[*(link for link in start.links if link.type != "contract"), Link("m1", "c3")])
    diff = compare_scenarios(start, end)
    assert [(f.rule, f.agency) for f in diff.resolved] == [("site.gardiennage", "nord")]
    assert [(f.rule, f.agency, f.positions) for f in diff.introduced] == [
        ("site.provider-unpiloted", "nord", ("x",))]
    delta = nord(diff.agencies)
    assert delta.resolved == diff.resolved and delta.introduced == diff.introduced


def test_a_finding_whose_message_changed_is_neither_resolved_nor_introduced() -> None:
    start = base()
    extra = [Position(f"n{i}", "client_officer", "nord") for i in range(5)]
    wide = target(start, positions=[*start.positions, *extra], links=[*start.links, *(Link("h", p.id) for p in extra)])
    wider = target(wide, positions=[*wide.positions, Position("n9", "client_officer", "nord")],
                   links=[*wide.links, Link("h", "n9")])
    before_span = [f for f in compare_scenarios(base(), wide).introduced if f.rule == "structure.span"]
    assert before_span  # the head now has 15 direct reports
    diff = compare_scenarios(wide, wider)
    assert "structure.span" not in {f.rule for f in (*diff.resolved, *diff.introduced)}


class TestGuardingNotice:
    def notice_for(self, end: Scenario) -> list[str]:
        return [n.message.fr for n in compare_scenarios(base(), end).notices]

    def test_a_caretaker_added_to_a_guarded_ensemble_raises_one_notice_citing_r271_3(self) -> None:
        start = base()
        end = target(start, positions=[*start.positions, Position("c3", "caretaker", "nord", site="s1")],
                     links=[*start.links, Link("m1", "c3")])
        notice, = compare_scenarios(start, end).notices
        assert (notice.agency, notice.site) == ("nord", "s1")
        assert (notice.before and notice.before.covered, notice.after and notice.after.covered) == (2, 3)
        assert notice.no_longer_covered == 0 and notice.still_covered == 2
        assert notice.message.fr == (
            "Agence Nord, ensemble La Roseraie (310 logements) — gardiennage avant : 2 ETP de gardiens et "
            "employés d'immeuble ; après : 3 ETP de gardiens et employés d'immeuble (gardent désormais : "
            "Gardien [poste vacant, c3]). Tranches de 100 logements couvertes : 2 sur 3 avant, 3 sur 3 après ; "
            "1 tranche de plus est couverte. Ce changement doit être soumis au conseil de concertation "
            "locative (CSI R271-3).")
        assert "estate La Roseraie" in notice.message.en
        assert "tenant consultation council (CSI R271-3)" in notice.message.en

    def test_a_caretaker_taken_off_counts_the_blocks_no_longer_covered(self) -> None:
        start = base()
        notice, = compare_scenarios(start, target(start, positions=edited(start, "c2", site=None))).notices
        assert (notice.still_covered, notice.no_longer_covered) == (1, 1)
        assert "1 tranche n'est plus couverte" in notice.message.fr
        assert "1 block is no longer covered" in notice.message.en
        assert "ne gardent plus : Ben (Gardien)" in notice.message.fr

    def test_a_part_time_change_is_a_change_of_arrangement(self) -> None:
        start = base()
        messages = self.notice_for(target(start, positions=edited(start, "c1", fte=0.5)))
        assert len(messages) == 1 and "avant : 2 ETP" in messages[0] and "après : 1,5 ETP" in messages[0]

    def test_a_contractor_declared_as_guarding_covers_every_block(self) -> None:
        start = base()
        end = target(start, positions=edited(start, "x", site="s1", guarding=True))
        notice, = compare_scenarios(start, end).notices
        assert notice.after is not None and notice.after.covered == 3
        assert "après : 2 ETP de gardiens et employés d'immeuble et un prestataire de gardiennage" in notice.message.fr
        assert "gardent désormais : Nettoyage SARL" in notice.message.fr

    def test_a_new_holder_on_the_same_post_is_no_change_of_arrangement(self) -> None:
        start = base()
        assert self.notice_for(target(start, positions=edited(start, "c1", holder="Zoé"))) == []

    def test_staff_changes_elsewhere_raise_no_notice(self) -> None:
        start = base()
        end = target(start, positions=edited(start, "t1", fte=0.5))
        assert self.notice_for(end) == []

    def test_an_ensemble_outside_the_obligation_raises_no_notice(self) -> None:
        start = base()
        outside = replace(start.agencies[0], sites=(replace(ROSERAIE, guarding_zone=False),))
        before = target(start, agencies=(outside,))
        after = target(before, positions=edited(before, "c2", site=None))
        assert compare_scenarios(before, after).notices == ()

    def test_an_ensemble_leaving_the_obligation_says_so_rather_than_counting_lost_blocks(self) -> None:
        start = base()
        smaller = replace(start.agencies[0], sites=(replace(ROSERAIE, dwellings=90),))
        end = target(start, agencies=(smaller,), positions=edited(start, "c2", site=None))
        notice, = compare_scenarios(start, end).notices
        assert notice.no_longer_covered == 0
        assert "(310 → 90 logements)" in notice.message.fr
        assert ("L'ensemble n'est plus soumis à l'obligation (moins de 100 logements ou hors zone) ; tranches de "
                "100 logements couvertes avant : 2 sur 3.") in notice.message.fr
        assert "ne sont plus couvertes" not in notice.message.fr

    def test_an_ensemble_dropped_with_its_caretakers_says_it_left_the_target(self) -> None:
        start = base()
        no_site = replace(start.agencies[0], sites=())
        end = target(start, agencies=(no_site,), positions=[replace(p, site=None) for p in start.positions])
        notice, = compare_scenarios(start, end).notices
        assert notice.after is None and notice.no_longer_covered == 0
        assert "après : personne" in notice.message.fr
        assert "L'ensemble ne figure plus dans la cible" in notice.message.fr

    def test_an_ensemble_moved_with_its_staff_into_another_agency_raises_no_notice(self) -> None:
        start = base()
        sud = Agency("sud", "Agence Sud", sites=(ROSERAIE,))
        nord = replace(start.agencies[0], sites=())
        end = target(start, agencies=(nord, sud),
                     positions=[replace(p, agency="sud") if p.site == "s1" else p for p in start.positions])
        assert compare_scenarios(start, end).notices == ()

    def test_each_side_counts_blocks_of_its_own_size(self) -> None:
        start = base()
        end = replace(target(start), parameters={"gardiennage_dwellings_per_fte": 50})
        end = target(end, positions=[*end.positions, Position("c3", "caretaker", "nord", site="s1")],
                     links=[*end.links, Link("m1", "c3")])
        notice, = compare_scenarios(start, end).notices
        assert ("Tranches couvertes : 2 sur 3 (tranches de 100 logements) avant, 3 sur 6 (tranches de 50 "
                "logements) après") in notice.message.fr


def test_a_shortfall_still_short_after_more_staff_is_the_same_finding() -> None:
    start = base()
    end = target(start, positions=[*start.positions, Position("c3", "caretaker", "nord", site="s1", fte=0.5)],
                 links=[*start.links, Link("m1", "c3")])
    diff = compare_scenarios(start, end)
    assert "site.gardiennage" not in {f.rule for f in (*diff.resolved, *diff.introduced)}


def test_one_ensemble_put_right_and_another_left_unguarded_are_told_apart() -> None:
    """La Roseraie's caretakers moved to Les Érables: the Érables shortfall is resolved, La Roseraie's
    remains (now with no caretaker listed): the ensemble, not the list of staff, says which is which."""
    start = base()
    erables = Site("s2", "Les Érables", 150, guarding_zone=True)
    two_sites = replace(start.agencies[0], sites=(ROSERAIE, erables))
    before = target(start, agencies=(two_sites,))
    after = target(before, positions=[replace(p, site="s2") if p.site == "s1" else p for p in before.positions])
    diff = compare_scenarios(before, after)
    assert [(f.rule, f.subject) for f in diff.resolved] == [("site.gardiennage", "s2")]
    assert diff.introduced == ()
    assert [(n.site, n.no_longer_covered) for n in diff.notices] == [("s1", 2), ("s2", 0)]


def test_one_unstaffed_mission_for_another_is_one_resolved_and_one_introduced() -> None:
    start = base()
    social = target(start, agencies=(replace(start.agencies[0], perimeter={**PERIMETER, "mediation": "NR"}),))
    mediation = target(start, agencies=(replace(start.agencies[0], perimeter={**PERIMETER, "social_support": "NR"}),))
    diff = compare_scenarios(social, mediation)
    assert [(f.rule, f.subject) for f in diff.resolved] == [("perimeter.unstaffed-mission", "social_support")]
    assert [(f.rule, f.subject) for f in diff.introduced] == [("perimeter.unstaffed-mission", "mediation")]


class TestChangesBesidesPositions:
    """What no card shows, and yet resolves or raises findings."""

    def test_an_ensemble_grown_past_100_dwellings_is_a_change_and_its_shortfall_a_new_finding(self) -> None:
        start = base()
        small = replace(start.agencies[0], sites=(ROSERAIE, Site("s2", "Les Hauts", 90, guarding_zone=True)))
        before = target(start, agencies=(small,))
        grown = replace(small, sites=(ROSERAIE, Site("s2", "Les Hauts", 150, guarding_zone=True)))
        diff = compare_scenarios(before, target(before, agencies=(grown,)))
        assert not diff.unchanged and len(diff.positions) == 0
        site, = nord(diff.agencies).sites
        assert (site.site, site.fields()) == ("s2", {"dwellings": (90, 150)})
        assert [(f.rule, f.subject) for f in diff.introduced] == [("site.gardiennage", "s2")]
        assert ("Agence Nord", "ensemble Les Hauts : logements 90 → 150") in other_change_lines(diff, "fr")

    def test_agency_fields_are_named_with_their_labels(self) -> None:
        start = base()
        moved = replace(start.agencies[0], territory="large_districts", perimeter={**PERIMETER, "dsu": "P"})
        diff = compare_scenarios(start, target(start, agencies=(moved,)))
        assert set(nord(diff.agencies).fields) == {"territory", "perimeter"}
        lines = [what for _where, what in other_change_lines(diff, "fr")]
        assert "territoire : Résidences collectives en ville → Grands quartiers d'habitat social" in lines
        assert "périmètre : Développement social urbain (DSU) NR → P" in lines

    def test_a_contract_drawn_to_pilot_a_contractor_is_reported_with_the_finding_it_resolves(self) -> None:
        start = base()
        unpiloted = target(start, links=[link for link in start.links if link.type != "contract"])
        diff = compare_scenarios(unpiloted, start)
        assert [(c.kind, c.link) for c in diff.links] == [("added", Link("m1", "x", "contract"))]
        assert [f.rule for f in diff.resolved] == ["site.provider-unpiloted"]
        assert other_change_lines(diff, "fr") == [
            ("Lien de contrat", "ajouté : Responsable de secteur (manager de proximité), Paul Leroy → Nettoyage SARL")]

    def test_a_raised_limit_is_reported_beside_the_finding_it_resolves(self) -> None:
        start = base()
        extra = [Position(f"n{i}", "client_officer", "nord") for i in range(4)]
        wide = target(start, positions=[*start.positions, *extra],
                      links=[*start.links, *(Link("h", p.id) for p in extra)])
        tolerant = replace(wide, parameters={"max_direct_reports": 30})
        diff = compare_scenarios(wide, tolerant)
        assert [(p.name, p.before, p.after) for p in diff.parameters] == [("max_direct_reports", 12, 30)]
        assert "structure.span" in {f.rule for f in diff.resolved}
        assert ("Paramètres", "max_direct_reports : 12 → 30") in other_change_lines(diff, "fr")
