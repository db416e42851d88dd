"""What the user asks of a PDF, and the chart pages it gives: the one call the export and the app's
preview of the page grid share, so that the preview shows the pages the PDF will have. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from orgdesigner.export.geometry import SMALLEST_TEXT, ChartGeometry, chart_geometry
from orgdesigner.export.pagination import Mode, Orientation, PageSize, Pagination, paginate
from orgdesigner.model.chart import Chart
from orgdesigner.model.labels import Lang


class UnknownAgency(ValueError):
    """An agency asked for is not in the scenario; `known` lists the ids that are."""

    def __init__(self, unknown: Sequence[str], known: Sequence[str]) -> None:
        self.unknown = tuple(unknown)
        self.known = tuple(known)
        super().__init__(f"no agency with id {', '.join(map(repr, unknown))} "
                         f"(its agencies: {', '.join(known) or 'none'})")


@dataclass(frozen=True, slots=True)
class PdfOptions:
    """`agencies` None: the whole scenario, head office included; else those agencies only."""

    size: PageSize = "A4"
    orientation: Orientation = "landscape"
    mode: Mode = "fit"
    overlap_mm: float = 10.0
    lang: Lang = "fr"
    findings: bool = True
    title: str | None = None
    author: str | None = None
    agencies: tuple[str, ...] | None = None


def checked_agencies(chart: Chart, agencies: Sequence[str] | None) -> tuple[str, ...] | None:
    """The agencies asked for, once each, in the order asked; raises UnknownAgency."""
    if agencies is None:
        return None
    known = [a.id for a in chart.agencies()]
    unknown = [a for a in dict.fromkeys(agencies) if a not in known]
    if unknown:
        raise UnknownAgency(unknown, known)
    return tuple(dict.fromkeys(agencies))


def plan_pages(chart: Chart, options: PdfOptions) -> tuple[ChartGeometry, Pagination]:
    """Where every card is drawn and the chart pages that show them. Raises UnknownAgency, and
    ValueError when the part asked for has no card or the overlap is out of range."""
    geometry = chart_geometry(chart, checked_agencies(chart, options.agencies))
    pagination = paginate(geometry.groups(), size=options.size, orientation=options.orientation,
                          mode=options.mode, overlap_mm=options.overlap_mm, smallest_text=SMALLEST_TEXT)
    return geometry, pagination
