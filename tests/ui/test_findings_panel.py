"""The findings panel updates its tree in place (ui/findings_panel): after any sequence of reports it
shows the rows a panel built afresh shows, and what the user did to the rows still there (selection,
current row, folding, filter) stays."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, note, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from orgdesigner.model.entities import Agency
from orgdesigner.model.labels import Label
from orgdesigner.model.parameters import Parameters
from orgdesigner.rules.engine import AgencySummary, Report
from orgdesigner.rules.findings import SEVERITY_RANK, Finding
from orgdesigner.ui.findings_panel import FindingsPanel

AGENCIES = ("a", "b", "c", "d")
RULES = ("structure.span", "structure.orphan", "site.sector-span")
SEVERITIES = ("error", "warning", "info")


def _finding(agency: str | None, rule: str, severity: str, position: str, wording: str) -> Finding:
    return Finding(rule, severity, agency, (position,),  # type: ignore[arg-type]
                   Label(f"{position} : {wording} ({rule})", f"{position}: {wording} ({rule})"), subject=position)


FINDINGS = st.builds(_finding, st.sampled_from((None, *AGENCIES)), st.sampled_from(RULES),
                     st.sampled_from(SEVERITIES), st.sampled_from(("p1", "p2", "p3")),
                     st.sampled_from(("trop", "seul", "<b>gras</b>")))


def _summary(agency: Agency) -> AgencySummary:
    return AgencySummary(agency, 0, 0.0, 0, 0.0, 0, (), 1, None, (), (), ())


@st.composite
def reports(draw: st.DrawFn) -> Report:
    """Findings of some agencies in report order, the agencies named one way or another."""
    found = draw(st.lists(FINDINGS, max_size=14, unique_by=lambda f: (f.agency, f.rule, f.severity, f.positions)))
    rank = {a: i for i, a in enumerate(AGENCIES)}
    found.sort(key=lambda f: (-1 if f.agency is None else rank[f.agency], SEVERITY_RANK[f.severity], f.rule,
                              f.positions[0]))
    names = {a: draw(st.sampled_from((f"Agence {a.upper()}", f"Agence {a.upper()} renommée"))) for a in AGENCIES}
    return Report("s", Parameters(), tuple(_summary(Agency(a, names[a])) for a in AGENCIES), tuple(found))


def _tree(panel: FindingsPanel) -> list[QTreeWidgetItem]:
    tree = panel._tree
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [item.child(i) for i in range(item.childCount())]


def rows(panel: FindingsPanel) -> list[object]:
    """Everything the tree shows but folding: texts, colours, tooltips, hidden rows."""
    return [(top.text(0), [(severity.text(0), severity.foreground(0).color().name(),
                            [(row.text(0), row.toolTip(0), row.isHidden()) for row in _children(severity)])
                           for severity in _children(top)])
            for top in _tree(panel)]


def folded(panel: FindingsPanel) -> set[str]:
    return {f"{top.text(0)}/{severity.text(0)}" for top in _tree(panel) for severity in _children(top)
            if not severity.isExpanded()} | {top.text(0) for top in _tree(panel) if not top.isExpanded()}


def finding_of(panel: FindingsPanel, item: QTreeWidgetItem | None) -> Finding | None:
    return next((f for row, f in panel._items if row is item), None)


@dataclass
class Step:
    report: Report
    lang: str
    needle: str | None  # a new filter, typed before the report comes
    select: int | None  # the row selected (and made current) before the report comes
    fold: int | None  # the severity folded before the report comes


steps = st.builds(Step, reports(), st.sampled_from(("fr", "fr", "en")),
                  st.none() | st.sampled_from(("", "span", "GRAS", "p2")),
                  st.none() | st.integers(0, 20), st.none() | st.integers(0, 20))


@settings(max_examples=150, deadline=None)
@given(st.lists(steps, min_size=1, max_size=6))
def test_the_panel_shows_what_a_fresh_one_shows_and_keeps_the_users_state(qapp: QApplication,
                                                                          session: list[Step]) -> None:
    panel = FindingsPanel()
    for step in session:
        note(f"{step.lang} {step.needle!r} select={step.select} fold={step.fold} "
             f"{[(f.agency, f.rule, f.severity, f.positions, f.message.fr) for f in step.report.findings]}")
        chosen: Finding | None = None
        folded_before: tuple[str | None, str] | None = None
        if step.needle is not None:
            panel._filter.setText(step.needle)
        if step.select is not None and panel._items:
            item, chosen = panel._items[step.select % len(panel._items)]
            panel._tree.setCurrentItem(item)
        severities = [(agency, severity, item) for agency, group in panel._groups.items()
                      for severity, item in group.severities.items()]
        if step.fold is not None and severities:
            agency, severity, item = severities[step.fold % len(severities)]
            item.setExpanded(False)
            folded_before = (agency, severity)
        head_office = "Siège" if step.lang == "fr" else "Head office"
        panel.show_report(step.report, step.lang, head_office)  # type: ignore[arg-type]

        fresh = FindingsPanel()
        fresh._filter.setText(panel._filter.text())
        fresh.show_report(step.report, step.lang, head_office)  # type: ignore[arg-type]
        assert rows(panel) == rows(fresh)
        assert [f for _, f in panel._items] == list(step.report.findings)
        assert [row for top in _tree(panel) for severity in _children(top) for row in _children(severity)] == [
            row for row, _ in panel._items]
        assert all(top.isExpanded() for top in _tree(panel))
        if chosen is not None and chosen in step.report.findings:
            assert finding_of(panel, panel._tree.currentItem()) == chosen
            assert [f for row, f in panel._items if row.isSelected()] == [chosen]  # hidden rows included
        if folded_before is not None:
            agency, severity = folded_before
            still = panel._groups.get(agency)
            expected = {f"{still.item.text(0)}/{still.severities[severity].text(0)}"} if (
                still is not None and severity in still.severities) else set()  # type: ignore[index]
            assert folded(panel) == expected
            panel._groups[agency].severities[severity].setExpanded(True) if expected else None  # type: ignore[index]
        fresh.deleteLater()
    panel.deleteLater()


def _report(*found: Finding, names: tuple[str, ...] = ("Agence A", "Agence B", "Agence C", "Agence D")) -> Report:
    return Report("s", Parameters(), tuple(_summary(Agency(a, n)) for a, n in zip(AGENCIES, names, strict=True)),
                  found)


def test_an_edit_in_one_agency_leaves_the_other_agencies_rows_as_they_were(qapp: QApplication) -> None:
    panel = FindingsPanel()
    a1, a2 = _finding("a", "structure.span", "warning", "p1", "trop"), _finding("a", "structure.orphan", "warning",
                                                                                "p2", "seul")
    b1, c1 = _finding("b", "structure.span", "warning", "p1", "trop"), _finding("c", "site.sector-span", "info",
                                                                                "p3", "trop")
    panel.show_report(_report(a1, a2, b1, c1), "fr", "Siège")
    rows_a = [row for row, f in panel._items if f.agency == "a"]
    row_b = next(row for row, f in panel._items if f == b1)
    panel._tree.setCurrentItem(row_b)
    panel._groups["c"].item.setExpanded(False)  # the user folds agency C

    panel.show_report(_report(a1, b1, c1), "fr", "Siège")  # a2 resolved: only agency A's rows change
    assert panel._tree.currentItem() is row_b and row_b.isSelected()
    assert not panel._groups["c"].item.isExpanded()
    assert all(row.treeWidget() is None for row in rows_a)  # made again
    assert panel.visible_texts() == [f"[{f.rule}] {f.message.fr}" for f in (a1, b1, c1)]
    assert [top.text(0) for top in _tree(panel)] == ["Agence A (1)", "Agence B (1)", "Agence C (1)"]

    panel.show_report(_report(a1, c1), "fr", "Siège")  # agency B has nothing left: its row goes
    assert [top.text(0) for top in _tree(panel)] == ["Agence A (1)", "Agence C (1)"]
    assert not panel._groups["c"].item.isExpanded()
    panel.show_report(_report(a1, b1, c1), "fr", "Siège")  # and comes back in its place
    assert [top.text(0) for top in _tree(panel)] == ["Agence A (1)", "Agence B (1)", "Agence C (1)"]


def test_a_changed_finding_stays_selected_when_its_wording_changes(qapp: QApplication) -> None:
    panel = FindingsPanel()
    before, other = _finding("a", "structure.span", "warning", "p1", "trop"), _finding("a", "structure.orphan",
                                                                                      "warning", "p2", "seul")
    panel.show_report(_report(before, other), "fr", "Siège")
    panel._tree.setCurrentItem(panel._items[0][0])
    panel._filter.setText("seul")
    after = _finding("a", "structure.span", "warning", "p1", "beaucoup trop")  # 14 reports, say, not 13
    panel.show_report(_report(after, other, names=("Agence A renommée", "Agence B", "Agence C", "Agence D")),
                      "fr", "Siège")
    assert finding_of(panel, panel._tree.currentItem()) == after
    assert [f for row, f in panel._items if row.isSelected()] == [after]  # hidden by the filter, still selected
    assert panel.visible_texts() == [f"[{other.rule}] {other.message.fr}"]
    assert [top.text(0) for top in _tree(panel)] == ["Agence A renommée (2)"]
    panel.show_report(_report(after, other), "en", "Head office")  # the language: every row again
    assert panel.visible_texts() == [f"[{other.rule}] {other.message.en}"]
    assert finding_of(panel, panel._tree.currentItem()) == after
