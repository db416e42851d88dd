"""A scenario as a graph for the tools people already use to look at large networks: yEd and Gephi.

GraphML's own data carries the attributes both read (Gephi shows `label`); yEd ignores them for
drawing and shows only its own node graphics, so each node carries a y:ShapeNode with the same
label too. ElementTree does the escaping: a holder named « Dupont & Fils <SARL> » stays a name.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Final

from orgdesigner.model.catalogue import FAMILIES, ROLES
from orgdesigner.model.entities import Scenario
from orgdesigner.model.labels import Lang

GRAPHML: Final = "http://graphml.graphdrawing.org/xmlns"
YED: Final = "http://www.yworks.com/xml/graphml"
# (key id, element it belongs to, attribute name, GraphML type)
_KEYS: Final = (("label", "node", "label", "string"), ("role", "node", "role", "string"),
                ("family", "node", "family", "string"), ("agency", "node", "agency", "string"),
                ("fte", "node", "fte", "double"), ("type", "edge", "type", "string"))
_CARD: Final = ("180.0", "50.0")  # yEd places nodes itself (Layout menu); a size is all it needs

ET.register_namespace("", GRAPHML)
ET.register_namespace("y", YED)


def scenario_to_graphml(scenario: Scenario, lang: Lang = "fr") -> bytes:
    """UTF-8 GraphML, one node a position and one edge a link; `lang` chooses the labels."""
    root = ET.Element(_g("graphml"))
    for key, owner, name, kind in _KEYS:
        ET.SubElement(root, _g("key"), {"id": key, "for": owner, "attr.name": name, "attr.type": kind})
    ET.SubElement(root, _g("key"), {"id": "graphics", "for": "node", "yfiles.type": "nodegraphics"})
    graph = ET.SubElement(root, _g("graph"), {"id": scenario.name, "edgedefault": "directed"})
    agencies = {agency.id: agency.name for agency in scenario.agencies}
    for position in scenario.positions:
        title = position.display_title(lang)
        label = f"{title}\n{position.holder}" if position.holder else title
        family = FAMILIES.get(position.family_code)
        node = ET.SubElement(graph, _g("node"), {"id": position.id})
        for key, value in (("label", label), ("role", ROLES[position.role].label.in_(lang)),
                           ("family", family.in_(lang) if family else ""),
                           ("agency", agencies.get(position.agency or "", "")), ("fte", repr(position.fte))):
            ET.SubElement(node, _g("data"), {"key": key}).text = value
        shape = ET.SubElement(ET.SubElement(node, _g("data"), {"key": "graphics"}), _y("ShapeNode"))
        ET.SubElement(shape, _y("Geometry"), {"width": _CARD[0], "height": _CARD[1]})
        ET.SubElement(shape, _y("NodeLabel")).text = label
        ET.SubElement(shape, _y("Shape"), {"type": "roundrectangle"})
    for number, link in enumerate(scenario.links):
        edge = ET.SubElement(graph, _g("edge"), {"id": f"e{number}", "source": link.source, "target": link.target})
        ET.SubElement(edge, _g("data"), {"key": "type"}).text = link.type
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def _g(tag: str) -> str:
    return f"{{{GRAPHML}}}{tag}"


def _y(tag: str) -> str:
    return f"{{{YED}}}{tag}"
