"""Finding positions as users type: without accents, capitals or ligatures, a word per field."""

from __future__ import annotations

import pytest

from orgdesigner.app.search import find_positions, fold
from orgdesigner.model.chart import Chart
from orgdesigner.model.entities import Agency, Position, Scenario


@pytest.fixture
def chart() -> Chart:
    return Chart(Scenario("Cible", agencies=(Agency("a", "Agence Nord"),), positions=(
        Position("h", "agency_head", "a", holder="Étienne Lœuvre"),
        Position("c1", "caretaker", "a", title="Gardienne d’immeuble", holder="Paul Martin"),
        Position("c2", "caretaker", "a"),
        Position("o", "other", "a", title="Chargée de mission Cœur de ville", family="social"),
        Position("t", "technical_officer", "a", holder="Martine Roux"),
    )))


@pytest.mark.parametrize("text, expected", [
    ("gardien", ["c1", "c2"]),             # the role's label, and a title in the feminine
    ("GARDIENNE", ["c1"]),
    ("etienne", ["h"]),                     # « É » typed without its accent
    ("ÉTIENNE", ["h"]),
    ("loeuvre", ["h"]),                     # « œ » typed as « oe »
    ("lœuvre", ["h"]),
    ("coeur", ["o"]),
    ("d'immeuble", ["c1"]),                 # the straight apostrophe finds the typographic one
    ("martin", ["c1", "t"]),                # part of a word: « Martine » too
    ("caretaker", ["c1", "c2"]),            # the role's English label while the chart shows French
    ("property technician", ["t"]),
    ("gardien paul", ["c1"]),               # each word in its own field
    ("paul gardien", ["c1"]),
    ("gardien roux", []),
    ("responsable d'agence", ["h"]),
    ("plombier", []),
])
def test_finds_by_holder_title_or_role_in_document_order(chart: Chart, text: str, expected: list[str]) -> None:
    assert find_positions(chart, text, "fr") == expected


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_blank_text_finds_nothing(chart: Chart, text: str) -> None:
    assert find_positions(chart, text, "fr") == []


def test_a_role_is_found_by_either_label_whatever_the_language_shown() -> None:
    chart = Chart(Scenario("Cible", positions=(Position("r", "receptionist"),)))
    assert find_positions(chart, "receptionist", "fr") == ["r"]
    assert find_positions(chart, "chargé d'accueil", "en") == ["r"]


def test_fold_spells_out_what_users_do_not_type() -> None:
    assert fold("Œuvre d’Æsope, Ÿ\u00a0à Straße") == "oeuvre d'aesope, y a strasse"
