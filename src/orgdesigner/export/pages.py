"""What both PDFs (the annotated chart, the scenario comparison) are built with, so that they read as
one family of documents: the same sheet (a text frame, a chart frame), the chart page as a flowable,
the same paragraph styles and tables, "page X / N" on every page, and the same reproducible bytes.

The same inputs and date give the same bytes: reportlab runs in invariant mode (fixed identifiers)
and the document's dates are the date given, not the clock's.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any, Final

from reportlab import rl_config
from reportlab.lib.colors import HexColor, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, TableStyle

from orgdesigner import palette
from orgdesigner.export import fonts
from orgdesigner.export.chart_pdf import ChartPages
from orgdesigner.export.pagination import MARGIN_MM, POINTS_PER_MM, Pagination
from orgdesigner.export.wording import say
from orgdesigner.model.labels import Lang

BASE_PT: Final = 9.0
_MONTHS: Final = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


@contextmanager
def compact_streams() -> Iterator[None]:
    """Streams compressed only, not also ASCII85-encoded (reportlab's default): a third smaller, and
    the encoding was a tenth of a 1,500-page export's time. The setting is global: put back after."""
    fonts.register_fonts()
    use_a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = use_a85


def new_document(buffer: IO[bytes], pagination: Pagination, *, title: str, author: str,
                 subject: str) -> BaseDocTemplate:
    """A document of the pagination's sheets, with the page templates "text" (first) and "chart"."""
    frame = pagination.frame
    area = frame.area
    text = Frame(frame.margin, area.y, frame.width - 2 * frame.margin, frame.height - frame.margin - area.y,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")
    chart = Frame(area.x, area.y, area.w, area.h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                  id="chart")
    return BaseDocTemplate(buffer, pagesize=(frame.width, frame.height), title=title, author=author,
                           subject=subject, creator="OrgDesigner", invariant=1,
                           pageTemplates=[PageTemplate(id="text", frames=[text]),
                                          PageTemplate(id="chart", frames=[chart])])


def text_room(pagination: Pagination) -> tuple[float, float]:
    """The text frame's size (BaseDocTemplate's own width and height assume margins of an inch)."""
    frame = pagination.frame
    return frame.width - 2 * frame.margin, frame.height - frame.margin - frame.area.y


class ChartFlowable(Flowable):
    """One chart page, filling the chart frame."""

    def __init__(self, pages: ChartPages, index: int) -> None:
        super().__init__()
        self._pages = pages
        self._index = index

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height
        return available_width, available_height

    def draw(self) -> None:
        self._pages.draw(self.canv, self._index)


def numbered_canvas(lang: Lang, date: datetime.date, width: float) -> type[Canvas]:
    """A canvas that holds its pages until the end, then writes "page X / N" on each; its
    document dates are `date`, so that the output depends on nothing but the inputs."""
    stamp = f"D:{date:%Y%m%d}000000+00'00'"
    margin = MARGIN_MM * POINTS_PER_MM

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Else every page would open by selecting Helvetica, a base-14 font left unembedded.
            super().__init__(*args, **{**kwargs, "initialFontName": fonts.REGULAR, "initialFontSize": 8.0})
            self.setDateFormatter(lambda *_: stamp)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # the page reset showPage would do, unsaved

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                self.setFont(fonts.REGULAR, 8.0)
                self.setFillColor(HexColor(palette.CARD_MUTED_TEXT))
                words = say("page", lang, n=self.getPageNumber(), total=total)
                self.drawRightString(width - margin, margin * 0.9, words)
                super().showPage()
            super().save()

    return NumberedCanvas


def paragraph_styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=BASE_PT, leading=BASE_PT * 1.25,
                          textColor=HexColor(palette.CARD_TEXT))
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.0, leading=10.0),
        "bold": ParagraphStyle("bold", parent=body, fontName=fonts.BOLD),
        "cell_head": ParagraphStyle("cell_head", parent=body, fontName=fonts.BOLD, fontSize=8.0, leading=10.0),
        "white": ParagraphStyle("white", parent=body, fontName=fonts.BOLD, fontSize=8.0, leading=10.0,
                                textColor=white),
        "title": ParagraphStyle("title", parent=body, fontName=fonts.BOLD, fontSize=20.0, leading=24.0,
                                spaceAfter=6.0),
        "heading": ParagraphStyle("heading", parent=body, fontName=fonts.BOLD, fontSize=13.0, leading=16.0,
                                  spaceBefore=8.0, spaceAfter=6.0),
        "subheading": ParagraphStyle("subheading", parent=body, fontName=fonts.BOLD, fontSize=10.5,
                                     leading=13.0, spaceBefore=6.0, spaceAfter=4.0),
    }


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: whatever the user typed prints as typed, never as markup."""
    return Paragraph(fonts.markup(text), style)


def long_date(date: datetime.date, lang: Lang) -> str:
    return f"{date.day} {_MONTHS[lang][date.month - 1]} {date.year}"


def grid_style() -> TableStyle:
    return TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.0),  # Table's own default is Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(palette.HEADER_FILL)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, HexColor(palette.HEADER_BORDER)),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ])
