"""Names that look like markup, typed by a user or found in a file: the same ones for the PDFs and the
window, every one of which must be shown as typed."""

from __future__ import annotations

from typing import Any

from orgdesigner.io.scenario_json import read_scenario_data
from orgdesigner.model.entities import Organisation, Project

ORGANISATION = "Bailleur <i>Sud</i> & Cie"
SCENARIO = "Avant & <après> \"cité\" 'simple'"
TARGET = "Cible <br/> 2027"
DESCRIPTION = "<para>Note</para> &amp; brut"
HOLDER = "<b>Évelyne</b> & Fils"
TITLE = "<img src=x>"
ESCAPED = "&lt;déjà échappé&gt; &#65;"
AGENCY = "R&D <Nord>"
NEW_HOLDER = "<u>Nouveau</u> & Co"
NEW_TITLE = "<font size=40>Gros</font>"
RENAMED = "R&D <Nord> & <Sud>"
AUTHOR = "Cabinet <strike>Conseil</strike> & associés"
PDF_TITLE = "Étude <super>1</super> & suites"
SITE = "<Les & Tilleuls>"
# An agency with no agency manager: its header's finding quotes its name.
HEADLESS = "Sud <i>sans</i> tête"


def document(name: str, agency: str, positions: list[dict[str, Any]], links: list[dict[str, str]]) -> dict[str, Any]:
    return {"format": "orgdesigner-scenario", "version": 1, "organisation": {"name": ORGANISATION},
            "scenario": {"name": name, "description": DESCRIPTION},
            "agencies": [{"id": "rd", "name": agency, "sites": [{"id": "s", "name": SITE, "dwellings": 120}]},
                         {"id": "sud", "name": HEADLESS}],
            "positions": [*positions, {"id": "z", "agency": "sud", "role": "client_officer"}], "links": links}


BEFORE = document(SCENARIO, AGENCY, [
    {"id": "h", "agency": "rd", "role": "agency_head", "holder": HOLDER, "notes": "<script>alert(1)</script>"},
    {"id": "t", "agency": "rd", "role": "other", "family": "management", "title": TITLE, "holder": ESCAPED},
    {"id": "c", "agency": "rd", "role": "caretaker", "site": "s"},
], [{"from": "h", "to": "t"}, {"from": "h", "to": "c"}])
AFTER = document(TARGET, RENAMED, [
    {"id": "h", "agency": "rd", "role": "agency_head", "holder": NEW_HOLDER},
    {"id": "t", "agency": "rd", "role": "other", "family": "management", "title": TITLE, "holder": ESCAPED},
    {"id": "n", "agency": "rd", "role": "other", "family": "technical", "title": NEW_TITLE},
], [{"from": "h", "to": "t"}, {"from": "h", "to": "n"}])


def hostile_project() -> Project:
    before, after = read_scenario_data(BEFORE).scenario, read_scenario_data(AFTER).scenario
    return Project(Organisation(ORGANISATION), (before, after))
