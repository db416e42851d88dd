"""`orgdesigner export --csv / --xlsx / --graphml`: the CSV and XLSX re-import to the same positions, formulas stay
text, the GraphML opens as a graph, and OUT is replaced only when it is an export of that kind."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from command_runs import digest
from command_runs import run_err as run
from orgdesigner.cli import main
from orgdesigner.hr.graphml_export import GRAPHML, YED
from orgdesigner.model.catalogue import ROLES
from orgdesigner.model.entities import Scenario
from orgdesigner.storage import load_project

SMALL = {
    "format": "orgdesigner-scenario", "version": 1,
    "organisation": {"name": "Petit bailleur"}, "scenario": {"name": "Existant"},
    "agencies": [{"id": "nord", "name": "Agence Nord"}],
    "positions": [{"id": "p1", "agency": "nord", "role": "agency_head", "holder": '=HYPERLINK("x")'},
                  {"id": "p2", "agency": "nord", "role": "caretaker", "holder": "+33 1 23", "fte": 0.8},
                  {"id": "p3", "agency": "nord", "role": "other", "family": "site", "title": "@Veilleur",
                   "holder": "Dupont & Fils <SARL>"},
                  {"id": "p4", "agency": "nord", "role": "provider", "title": "-Nettoyage"}],
    "links": [{"from": "p1", "to": "p2"}, {"from": "p1", "to": "p3", "type": "dotted"},
              {"from": "p1", "to": "p4", "type": "contract"}],
}


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.json"
    path.write_text(json.dumps(SMALL), encoding="utf-8")
    return path


def comparable(scenario: Scenario) -> dict[str, tuple[object, ...]]:
    """What a CSV carries of a position; a title equal to the role's label is no title at all."""
    agencies = {agency.id: agency.name for agency in scenario.agencies}
    managers: dict[str, str] = {}
    for link in scenario.links:
        if link.type == "line":
            managers.setdefault(link.target, link.source)
    result: dict[str, tuple[object, ...]] = {}
    for p in scenario.positions:
        label = ROLES[p.role].label
        title = None if p.title in (label.fr, label.en) and p.role != "other" else p.title
        result[p.id] = (p.role, p.holder, title, agencies.get(p.agency or ""), p.fte, managers.get(p.id))
    return result


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_demo_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, kind: str) -> None:
    demo, out, project = tmp_path / "demo.orgd", tmp_path / f"out.{kind}", tmp_path / "new.orgd"
    assert run(capsys, "demo", demo)[0] == 0
    code, err = run(capsys, "export", demo, f"--{kind}", out, "--lang", lang)
    assert code == 0, err
    code, err = run(capsys, "import", out, "--into", project, "--lang", lang)
    assert code == 0, err
    original = load_project(demo).scenarios[0]
    (imported,) = load_project(project).scenarios
    assert comparable(imported) == comparable(original)


def test_formulas_are_neutralised_and_read_back(small: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out, project = tmp_path / "out.csv", tmp_path / "new.orgd"
    assert run(capsys, "export", small, "--csv", out, "--lang", "fr")[0] == 0
    assert out.read_bytes().startswith("\ufeffMatricule;Nom;Libellé emploi;Code fonction;".encode())  # for Excel
    text = out.read_bytes().decode("utf-8-sig")
    assert ';"\'=HYPERLINK(""x"")";' in text and ";'+33 1 23;" in text
    assert ";'@Veilleur;" in text and ";'-Nettoyage;" in text and ";0,8;" in text
    assert run(capsys, "import", out, "--into", project)[0] == 0
    holders = {p.id: (p.holder, p.title) for p in load_project(project).scenarios[0].positions}
    assert holders == {"p1": ('=HYPERLINK("x")', None), "p2": ("+33 1 23", None),
                       "p3": ("Dupont & Fils <SARL>", "@Veilleur"), "p4": (None, "-Nettoyage")}


def test_graphml_is_a_graph_with_labels_for_yed_and_gephi(small: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.graphml"
    code, err = run(capsys, "export", small, "--graphml", out, "--lang", "fr")
    assert code == 0, err
    assert b'xmlns:y="http://www.yworks.com/xml/graphml"' in out.read_bytes()
    root = ET.parse(out).getroot()
    ns = {"g": GRAPHML, "y": YED}
    assert root.find("g:key[@for='node'][@yfiles.type='nodegraphics']", ns) is not None
    nodes = root.findall("g:graph/g:node", ns)
    assert [node.get("id") for node in nodes] == ["p1", "p2", "p3", "p4"]
    labels = {node.get("id"): node.findtext("g:data[@key='label']", namespaces=ns) for node in nodes}
    assert labels["p3"] == "@Veilleur\nDupont & Fils <SARL>"
    assert all(node.findtext(".//y:NodeLabel", namespaces=ns) == labels[node.get("id")] for node in nodes)
    edges = root.findall("g:graph/g:edge", ns)
    assert [(e.get("source"), e.get("target"), e.findtext("g:data[@key='type']", namespaces=ns))
            for e in edges] == [("p1", "p2", "line"), ("p1", "p3", "dotted"), ("p1", "p4", "contract")]


@pytest.mark.parametrize(("kind", "other"), [("csv", "graphml"), ("graphml", "csv")])
def test_an_existing_file_is_replaced_only_with_force_and_only_of_its_kind(
        small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, other: str) -> None:
    out, foreign = tmp_path / f"out.{kind}", tmp_path / f"foreign.{kind}"
    assert run(capsys, "export", small, f"--{kind}", out)[0] == 0
    before = digest(out)
    code, err = run(capsys, "export", small, f"--{kind}", out)
    assert code == 2 and "use --force" in err and digest(out) == before
    assert run(capsys, "export", small, f"--{kind}", out, "--force")[0] == 0
    assert run(capsys, "export", small, f"--{other}", foreign)[0] == 0
    for victim in (small, foreign):
        kept = digest(victim)
        code, err = run(capsys, "export", small, f"--{kind}", victim, "--force")
        assert code == 2 and digest(victim) == kept, err
    code, err = run(capsys, "export", small, f"--{kind}", out, "--agency", "nord")
    assert code == 2 and "--agency: not an option" in err


def test_csv_and_graphml_are_one_output_a_run(small: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", str(small), "--csv", str(tmp_path / "a.csv"), "--graphml", str(tmp_path / "a.graphml")])
    assert exited.value.code == 2
