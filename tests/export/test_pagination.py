"""Pagination: legible by construction, every card whole on some page, the preview's arithmetic."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest

from orgdesigner.app.demo import demo_project
from orgdesigner.app.document import Document
from orgdesigner.export.geometry import SMALLEST_TEXT, chart_geometry
from orgdesigner.export.pagination import (
    MIN_TEXT_PT,
    PAGE_SIZES_MM,
    POINTS_PER_MM,
    Group,
    Rect,
    page_frame,
    paginate,
)
from orgdesigner.export.plan import PdfOptions, UnknownAgency, plan_pages

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synthetic import synthetic_project


def row_of_cards(count: int, gap: float = 24.0) -> Group:
    return Group("a", tuple(Rect(i * (180.0 + gap), 0.0, 180.0, 64.0) for i in range(count)))


def test_page_sizes_are_iso_216_in_points() -> None:
    frame = page_frame("A4", "portrait")
    assert frame.width == pytest.approx(595.28, abs=0.01) and frame.height == pytest.approx(841.89, abs=0.01)
    landscape = page_frame("A0", "landscape")
    assert landscape.width == pytest.approx(1189 * POINTS_PER_MM)
    assert landscape.height == pytest.approx(841 * POINTS_PER_MM)
    assert set(PAGE_SIZES_MM) == {"A4", "A3", "A2", "A1", "A0"}


def test_a_small_chart_fits_one_page_legibly() -> None:
    result = paginate([row_of_cards(3)], mode="fit", smallest_text=SMALLEST_TEXT)
    assert result.mode_used == "fit" and not result.switched_to_tile and len(result.pages) == 1
    page = result.pages[0]
    assert page.scale * SMALLEST_TEXT >= MIN_TEXT_PT
    assert all(page.window.contains(box) for box in row_of_cards(3).boxes)


def test_fit_switches_to_tile_rather_than_print_under_6_pt() -> None:
    wide = row_of_cards(60)
    result = paginate([wide], mode="fit", smallest_text=SMALLEST_TEXT)
    assert result.switched_to_tile and result.mode_used == "tile" and len(result.pages) > 1
    assert all(page.scale * SMALLEST_TEXT >= MIN_TEXT_PT for page in result.pages)
    # The same chart on a bigger sheet needs fewer sheets.
    assert len(paginate([wide], size="A0", mode="fit", smallest_text=SMALLEST_TEXT).pages) < len(result.pages)


def test_tiles_overlap_at_least_as_asked_and_cut_no_card() -> None:
    wide = row_of_cards(40, gap=0.0)  # no gap anywhere: every seam would cut a card
    result = paginate([wide], mode="tile", overlap_mm=15.0, smallest_text=SMALLEST_TEXT)
    grid = result.pages[0].grid
    assert grid is not None and len(grid.columns) > 2
    scale = result.pages[0].scale
    for (_, end), (next_start, _) in itertools.pairwise(grid.columns):
        assert end - next_start >= 15.0 * POINTS_PER_MM / scale - 1e-6
    for box in wide.boxes:
        assert any(page.window.contains(box) for page in result.pages), box


def test_per_agency_gives_each_group_its_pages() -> None:
    small, large = Group(None, row_of_cards(2).boxes), Group("big", row_of_cards(30).boxes)
    result = paginate([small, large], mode="per-agency", smallest_text=SMALLEST_TEXT)
    assert result.pages[0].groups == (None,) and not result.pages[0].tiled
    rest = result.pages[1:]
    assert len(rest) > 1 and all(page.groups == ("big",) and page.tiled for page in rest)


def test_bad_overlap_and_empty_chart_are_refused() -> None:
    with pytest.raises(ValueError, match="overlap"):
        paginate([row_of_cards(2)], overlap_mm=80.0, smallest_text=SMALLEST_TEXT)
    with pytest.raises(ValueError, match="nothing to draw"):
        paginate([Group("a", ())], smallest_text=SMALLEST_TEXT)


def test_unknown_agency_names_the_known_ones() -> None:
    document = Document(synthetic_project(2))
    with pytest.raises(UnknownAgency) as caught:
        plan_pages(document.chart, PdfOptions(agencies=("a000", "zz")))
    assert caught.value.unknown == ("zz",) and caught.value.known == ("a000", "a001")


@pytest.mark.slow
def test_a_tiled_2000_position_organisation_on_a4_shows_every_card_whole() -> None:
    document = Document(synthetic_project(20))
    chart = document.chart
    assert sum(1 for _ in chart.positions()) >= 2000
    geometry, pagination = plan_pages(chart, PdfOptions(size="A4", mode="tile"))
    assert len(pagination.pages) > 20
    boxes = [*geometry.cards.values(), *geometry.headers.values()]
    assert len(geometry.cards) == sum(1 for _ in chart.positions())
    for box in boxes:
        assert any(page.window.contains(box) for page in pagination.pages), box
    assert all(page.scale * SMALLEST_TEXT >= MIN_TEXT_PT for page in pagination.pages)


def test_geometry_places_headers_over_their_agency_like_the_canvas() -> None:
    geometry = chart_geometry(Document(synthetic_project(2)).chart)
    for agency_id, header in geometry.headers.items():
        cards = [box for pid, box in geometry.cards.items() if geometry.group_of[pid] == agency_id]
        assert header.bottom < min(card.y for card in cards)
    assert geometry.order == (None, "a000", "a001")


@pytest.mark.parametrize(("size", "mode"), [("A4", "tile"), ("A3", "tile"), ("A4", "per-agency"), ("A3", "per-agency"),
                                            ("A0", "fit")])
def test_no_chart_page_is_printed_that_holds_no_card_of_its_own(size: str, mode: str) -> None:
    """Every sheet shows some card or header whole that no other sheet shows whole: no sheet holds
    only the corner of a card, a line passing by, or cards already whole in the overlap of another."""
    chart = Document(demo_project()).chart
    geometry, pagination = plan_pages(chart, PdfOptions(size=size, mode=mode))  # type: ignore[arg-type]
    boxes = [(geometry.group_of[pid], box) for pid, box in geometry.cards.items()]
    boxes += [(agency_id, box) for agency_id, box in geometry.headers.items()]
    whole_on = [[i for i, page in enumerate(pagination.pages) if group in page.groups and page.window.contains(box)]
                for group, box in boxes]
    assert all(whole_on), "every card and header is whole on some page"
    for i, page in enumerate(pagination.pages):
        own = [pages for pages in whole_on if pages == [i]]
        assert own, f"page {i} ({page.groups}, {page.label}) holds nothing whole that no other page holds"


def test_the_room_kept_for_markers_prints_no_page_of_its_own() -> None:
    large = Group("big", tuple(Rect(i * 204.0, row * 120.0, 180.0, 64.0) for i in range(30) for row in range(8)))
    result = paginate([large], mode="per-agency", smallest_text=SMALLEST_TEXT)
    for page in result.pages:
        assert any(page.window.contains(box) for box in large.boxes), page.label
