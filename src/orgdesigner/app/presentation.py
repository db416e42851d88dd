"""What a card and an agency header say, in words and colours, for every surface that draws them:
the canvas (ui/scene.py) and the PDF (export/). Qt-free and reportlab-free, so that the two cannot
drift apart: a card's second line, a header's figures and its model badges are made here only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from orgdesigner import palette
from orgdesigner.model.catalogue import TERRITORIES
from orgdesigner.model.entities import Position
from orgdesigner.model.labels import Label, Lang, number
from orgdesigner.rules.engine import AgencySummary

WORDS: Final = {
    "vacant": Label("Poste vacant", "Vacant"),
    "contractor": Label("Prestataire", "Contractor"),
    "fte": Label("ETP", "FTE"),
    "dwellings": Label("logements", "dwellings"),
    "headcount": Label("postes", "headcount"),
    "expected": Label("Attendu", "Expected"),
    "detected": Label("Détecté", "Detected"),
    "expected_tip": Label("Modèle de management attendu pour l'effectif",
                          "Management model expected for the headcount"),
    "detected_tip": Label("Modèle de management de la structure dessinée", "Management model of the structure drawn"),
}


@dataclass(frozen=True, slots=True)
class CardTexts:
    """A card: its title, its second line, its family's colour, whether it is drawn as vacant."""

    title: str
    subtitle: str
    colour: str
    vacant: bool


@dataclass(frozen=True, slots=True)
class Badge:
    text: str
    colour: str
    tooltip: str


@dataclass(frozen=True, slots=True)
class HeaderTexts:
    """An agency's header: its name, the territory then dwellings and headcount, and the management
    model expected for the headcount beside the one the structure shows."""

    name: str
    details: tuple[str, str]
    badges: tuple[Badge, Badge]


def card_subtitle(position: Position, lang: Lang) -> str:
    """The holder, that the post is vacant, or that it is a contract; a part-time post adds its FTE."""
    if position.is_provider:
        text = WORDS["contractor"].in_(lang)
    elif position.holder:
        text = position.holder
    else:
        text = WORDS["vacant"].in_(lang)
    if position.fte < 1:
        text += f" · {number(position.fte, lang)} {WORDS['fte'].in_(lang)}"
    return text


def card_texts(position: Position, lang: Lang) -> CardTexts:
    return CardTexts(
        title=position.display_title(lang),
        subtitle=card_subtitle(position, lang),
        colour=palette.FAMILY_COLOURS.get(position.family_code, palette.FAMILY_COLOURS[""]),
        vacant=position.is_vacant and not position.is_provider,
    )


def header_texts(summary: AgencySummary, lang: Lang) -> HeaderTexts:
    agency = summary.agency
    territory = TERRITORIES.get(agency.territory or "")
    figures = []
    if agency.dwellings is not None:
        figures.append(f"{number(agency.dwellings, lang)} {WORDS['dwellings'].in_(lang)}")
    figures.append(f"{number(summary.headcount, lang)} {WORDS['headcount'].in_(lang)}")
    expected = "/".join(f"M{m}" for m in summary.expected_models) or "?"
    agrees = summary.detected_model in summary.expected_models
    return HeaderTexts(
        name=agency.name,
        details=(territory.label.in_(lang) if territory is not None else "", " · ".join(figures)),
        badges=(Badge(f"{WORDS['expected'].in_(lang)} {expected}", palette.MODEL_NEUTRAL,
                      WORDS["expected_tip"].in_(lang)),
                Badge(f"{WORDS['detected'].in_(lang)} M{summary.detected_model}",
                      palette.MODEL_MATCH if agrees else palette.MODEL_MISMATCH, WORDS["detected_tip"].in_(lang))),
    )
