"""The agency panel driven as the window drives it: each edit pushed as an EditAgency on a stack, the
panel refreshed whenever the chart changes, so undo shows at once."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QTableWidgetItem
from pytestqt.qtbot import QtBot

from orgdesigner.commands import CommandStack, EditAgency
from orgdesigner.io.scenario_json import read_scenario_text, scenario_to_json
from orgdesigner.model.catalogue import MISSIONS, PERIMETER_MODELS, TERRITORIES
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Agency, Organisation, Position, Scenario, Site
from orgdesigner.model.labels import Lang
from orgdesigner.ui.agency_panel import AgencyPanel

MODEL_4 = dict(zip(MISSIONS, PERIMETER_MODELS[3].levels, strict=True))


@dataclass
class Editing:
    chart: Chart
    panel: AgencyPanel
    stack: CommandStack = field(default_factory=CommandStack)
    emitted: list[Agency] = field(default_factory=list)

    @property
    def agency(self) -> Agency:
        agency = self.chart.agency("nord")
        assert agency is not None
        return agency


def editing(qtbot: QtBot, lang: Lang = "en") -> Editing:
    chart = Chart(Scenario("Cible", agencies=(
        Agency("nord", "Agence Nord", territory="urban_collective", dwellings=4200,
               sites=(Site("nord-s2", "Les Tilleuls", 300, True),), site_management="internal",
               perimeter=MODEL_4, presence=("grouped_proximity_offices", "remote_contact"), reception=None),
        Agency("sud", "Agence Sud"),
    ), positions=(Position("h", "agency_head", "nord"), Position("c", "caretaker", "nord", site="nord-s2",
                                                                 holder="Paul Durand"))))
    panel = AgencyPanel(lang)
    qtbot.addWidget(panel)
    state = Editing(chart, panel)
    panel.edited.connect(state.emitted.append)
    panel.edited.connect(lambda agency: state.stack.push(EditAgency(chart, agency)))
    chart.changed.connect(lambda _change: panel.refresh())
    panel.show_agency(chart, "nord")
    return state


@pytest.fixture
def e(qtbot: QtBot) -> Editing:
    return editing(qtbot)


def choose(combo: QComboBox, data: object) -> None:
    """What a user's pick does: the index moves, then `activated` (not emitted by code) follows."""
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def cell(panel: AgencyPanel, row: int, column: int) -> QTableWidgetItem:
    item = panel.sites.item(row, column)
    assert item is not None
    return item


def test_the_agency_is_shown_as_the_model_holds_it(e: Editing) -> None:
    panel = e.panel
    assert panel.name.text() == "Agence Nord"
    assert panel.territory.currentData() == "urban_collective"
    assert panel.dwellings.value() == 4200
    assert panel.sites.rowCount() == 1 and cell(panel, 0, 0).text() == "Les Tilleuls"
    assert cell(panel, 0, 2).checkState() == Qt.CheckState.Checked
    assert panel.site_management.currentData() == "internal"
    assert panel.presence["remote_contact"].isChecked() and not panel.presence["antennas"].isChecked()
    assert not panel.reception_given.isChecked() and not panel.reception["appointments"].isEnabled()
    assert [panel.chooser.itemText(i) for i in range(panel.chooser.count())] == ["Agence Nord", "Agence Sud"]
    assert e.emitted == []


def test_typing_the_name_is_one_undo_step_and_undo_shows_without_emitting(e: Editing) -> None:
    QTest.keyClicks(e.panel.name, " Est")
    assert e.agency.name == "Agence Nord Est"
    assert e.stack.count == 1
    assert e.panel.name.text() == "Agence Nord Est"  # the space typed mid-name was not swallowed
    emitted = len(e.emitted)
    e.stack.undo()
    assert e.agency.name == "Agence Nord"
    assert e.panel.name.text() == "Agence Nord"
    assert len(e.emitted) == emitted


def test_an_emptied_name_is_not_an_edit(e: Editing) -> None:
    e.panel.name.selectAll()
    QTest.keyClick(e.panel.name, Qt.Key.Key_Backspace)
    assert e.emitted == [] and e.agency.name == "Agence Nord"
    e.panel.name.editingFinished.emit()
    assert e.panel.name.text() == "Agence Nord"


def test_the_territory_and_its_guidance(e: Editing) -> None:
    rural = TERRITORIES["rural_diffuse"]
    choose(e.panel.territory, "rural_diffuse")
    assert e.emitted[-1] == replace(e.chart.agencies()[0], territory="rural_diffuse") == e.agency
    guidance = e.panel.guidance.text()
    assert rural.context.en in guidance and rural.stakes.en in guidance and rural.proximity.en in guidance
    assert "Mobile agency" in guidance
    assert e.panel.presence["remote_contact"].font().bold()
    assert not e.panel.presence["grouped_proximity_offices"].font().bold()
    choose(e.panel.territory, "")
    assert e.agency.territory is None
    assert "Choose a territory" in e.panel.guidance.text()


def test_the_guidance_and_labels_follow_the_language(qtbot: QtBot) -> None:
    state = editing(qtbot, "fr")
    urban = TERRITORIES["urban_collective"]
    assert state.panel.territory.currentText() == urban.label.fr
    assert urban.stakes.fr in state.panel.guidance.text()


def test_dwellings_not_given_is_not_zero(e: Editing) -> None:
    e.panel.dwellings.setValue(0)
    assert e.agency.dwellings == 0
    e.panel.dwellings.setValue(-1)
    assert e.agency.dwellings is None
    assert e.panel.dwellings.text() == "Not given"


def test_sites_edited_in_the_table(e: Editing) -> None:
    cell(e.panel, 0, 0).setText("Les Grands Tilleuls")
    cell(e.panel, 0, 1).setData(Qt.ItemDataRole.EditRole, 320)
    cell(e.panel, 0, 2).setCheckState(Qt.CheckState.Unchecked)
    assert e.agency.sites == (Site("nord-s2", "Les Grands Tilleuls", 320, False),)
    assert len(e.emitted) == 3  # one edit, one value
    cell(e.panel, 0, 0).setText("  ")
    assert e.agency.sites[0].name == "Les Grands Tilleuls"
    assert cell(e.panel, 0, 0).text() == "Les Grands Tilleuls"


def test_added_sites_get_ids_unused_in_the_agency(e: Editing) -> None:
    e.panel.add_site.click()
    e.panel.add_site.click()
    sites = e.agency.sites
    assert sites is not None
    assert [s.id for s in sites] == ["nord-s2", "nord-s3", "nord-s4"]  # "nord-s2" was taken
    assert e.panel.sites.rowCount() == 3
    e.panel.sites.selectRow(2)
    e.panel.remove_site.click()
    assert [s.id for s in e.agency.sites or ()] == ["nord-s2", "nord-s3"]


def test_a_site_with_staff_assigned_is_not_removed(e: Editing) -> None:
    e.panel.sites.selectRow(0)
    e.panel.remove_site.click()
    e.panel.sites_given.click()
    assert e.emitted == []
    assert e.agency.sites == (Site("nord-s2", "Les Tilleuls", 300, True),)
    assert e.panel.sites_given.isChecked()
    assert "Paul Durand" in e.panel.sites_note.text() and "Les Tilleuls" in e.panel.sites_note.text()


def test_sites_not_given_and_given_empty_stay_apart(qtbot: QtBot) -> None:
    state = editing(qtbot)
    state.panel.show_agency(state.chart, "sud")
    assert not state.panel.sites_given.isChecked() and not state.panel.add_site.isEnabled()
    state.panel.sites_given.click()
    assert state.chart.agency("sud") == Agency("sud", "Agence Sud", sites=())
    state.panel.sites_given.click()
    assert state.chart.agency("sud") == Agency("sud", "Agence Sud")


def test_the_perimeter_grid_round_trips(e: Editing) -> None:
    buttons = e.panel.perimeter_buttons
    assert all(buttons[m][level].isChecked() for m, level in MODEL_4.items())
    buttons["planned_maintenance"]["C"].click()
    assert e.agency.perimeter == {**MODEL_4, "planned_maintenance": "C"}
    assert e.stack.count == 1
    saved = scenario_to_json(Organisation("Habitat"), e.chart.to_scenario())
    assert read_scenario_text(saved).scenario.agencies[0] == e.agency
    e.stack.undo()
    assert buttons["planned_maintenance"]["NR"].isChecked() and not buttons["planned_maintenance"]["C"].isChecked()


def test_the_perimeter_not_given_then_given_from_a_reference_model(e: Editing) -> None:
    e.panel.perimeter_given.click()
    assert e.agency.perimeter is None
    assert not any(b.isChecked() or b.isEnabled() for row in e.panel.perimeter_buttons.values() for b in row.values())
    e.panel.perimeter_given.click()
    assert e.agency.perimeter == dict.fromkeys(MISSIONS, "NR")
    choose(e.panel.perimeter_model, 6)
    assert e.agency.perimeter == dict.fromkeys(MISSIONS, "C")
    assert e.panel.perimeter_model.currentIndex() == 0  # a prompt, not a state


def test_presence_keeps_its_order_and_none_apart_from_empty(e: Editing) -> None:
    e.panel.presence["antennas"].click()
    added = e.agency.presence
    e.panel.presence["grouped_proximity_offices"].click()
    assert (added, e.agency.presence) == (("grouped_proximity_offices", "remote_contact", "antennas"),
                                          ("remote_contact", "antennas"))
    e.panel.presence_given.click()
    assert e.agency.presence is None and not e.panel.presence["antennas"].isEnabled()
    e.panel.presence_given.click()
    assert e.agency.presence == ()


def test_reception_beside_the_2022_survey(e: Editing) -> None:
    assert e.panel.survey["office_hours"].text() == "29 of 31 landlords (2022 survey)"
    assert e.panel.survey["none"].text().startswith("0 of 31")
    e.panel.reception_given.click()
    e.panel.reception["appointments"].click()
    assert e.agency.reception == ("appointments",)


def test_an_external_change_is_shown_without_emitting(e: Editing) -> None:
    other = replace(e.agency, name="Nord-Ouest", territory=None, dwellings=None, sites=None, site_management="mixed",
                    perimeter=None, presence=None, reception=("none",))
    e.stack.push(EditAgency(e.chart, other))
    panel = e.panel
    assert panel.name.text() == "Nord-Ouest" and panel.chooser.currentText() == "Nord-Ouest"
    assert panel.territory.currentData() == "" and panel.dwellings.value() == -1
    assert panel.sites.rowCount() == 0 and not panel.sites_given.isChecked()
    assert panel.site_management.currentData() == "mixed"
    assert not panel.perimeter_given.isChecked() and not panel.presence_given.isChecked()
    assert panel.reception["none"].isChecked()
    assert e.emitted == []


def test_choosing_another_agency_and_showing_none(e: Editing) -> None:
    choose(e.panel.chooser, "sud")
    assert e.panel.agency == e.chart.agency("sud") and e.panel.name.text() == "Agence Sud"
    e.panel.show_agency(e.chart, None)
    assert not e.panel.name.isEnabled() and e.panel.chooser.isEnabled()
    e.panel.show_agency(None, None)
    assert not e.panel.chooser.isEnabled()
    assert e.emitted == []
