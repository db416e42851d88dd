"""A card's and a header's words, shared by the canvas and the PDF."""

from __future__ import annotations

from orgdesigner import palette
from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document
from orgdesigner.app.presentation import card_subtitle, card_texts, header_texts
from orgdesigner.model.entities import Position


def test_the_card_subtitle_says_holder_vacancy_contract_and_part_time() -> None:
    assert card_subtitle(Position("p", "caretaker", "a", holder="Léa Œillet"), "fr") == "Léa Œillet"
    assert card_subtitle(Position("p", "caretaker", "a"), "fr") == "Poste vacant"
    assert card_subtitle(Position("p", "caretaker", "a"), "en") == "Vacant"
    assert card_subtitle(Position("p", "provider", "a"), "fr") == "Prestataire"
    assert card_subtitle(Position("p", "caretaker", "a", holder="Léa", fte=0.5), "fr") == "Léa · 0,5 ETP"
    assert card_subtitle(Position("p", "caretaker", "a", fte=0.8), "en") == "Vacant · 0.8 FTE"
    vacant = card_texts(Position("p", "caretaker", "a"), "fr")
    assert vacant.vacant and vacant.colour == palette.FAMILY_COLOURS["site"]
    assert not card_texts(Position("p", "provider", "a"), "fr").vacant


def test_the_header_says_territory_figures_and_models() -> None:
    report = Document(demo_project()).validate()
    summary = next(s for s in report.agencies if s.agency.id == "centre")
    texts = header_texts(summary, "fr")
    assert texts.name == "Agence Centre-Ville"
    assert texts.details[1].endswith(f"logements · {summary.headcount} postes")
    expected, detected = texts.badges
    assert expected.text.startswith("Attendu M") and detected.text == f"Détecté M{summary.detected_model}"
    agrees = summary.detected_model in summary.expected_models
    assert detected.colour == (palette.MODEL_MATCH if agrees else palette.MODEL_MISMATCH)
    assert header_texts(summary, "en").badges[0].text.startswith("Expected M")
