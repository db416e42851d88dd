"""The annotated PDF: a cover (organisation, scenario, date, author, parameters in force with the
working assumptions named, legend), the chart pages, the findings table and a summary per agency,
"page X / N" on every page, in French or English.

The same chart, report, options and date give the same bytes: reportlab runs in invariant mode
(fixed identifiers) and the document's dates are the date given, not the clock's. User text
(names, titles, messages quoting them) is escaped wherever it meets Paragraph markup, so that
`Dupont & Fils <SARL>` prints as typed.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.colors import HexColor, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from orgdesigner import palette
from orgdesigner.app.files import write_bytes_safely
from orgdesigner.app.presentation import card_texts, header_texts
from orgdesigner.export import fonts
from orgdesigner.export.annotations import Marks, finding_marks
from orgdesigner.export.chart_pdf import ChartContent, ChartPages
from orgdesigner.export.geometry import ChartGeometry
from orgdesigner.export.legend import Legend
from orgdesigner.export.pagination import MARGIN_MM, POINTS_PER_MM, Mode, Pagination
from orgdesigner.export.plan import PdfOptions, plan_pages
from orgdesigner.export.wording import PARAMETER_LABELS, PARAMETER_VALUES, colon, say, typeset, upper_first
from orgdesigner.model.catalogue import MISSIONS, SITE_MANAGEMENT, TERRITORIES
from orgdesigner.model.chart import Chart
from orgdesigner.model.labels import Lang, number
from orgdesigner.model.parameters import WORKING_ASSUMPTIONS, Parameters
from orgdesigner.rules.engine import AgencySummary, Report
from orgdesigner.rules.findings import Finding

FIRST_CHART_PAGE: Final = 2  # the cover is one page, kept so by shrinking it should it ever overflow
_MONTHS: Final = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


@dataclass(frozen=True, slots=True)
class PdfSummary:
    """What was written: for the CLI's and the dialog's message."""

    pages: int
    chart_pages: int
    mode_used: Mode
    switched_to_tile: bool


def write_pdf(chart: Chart, report: Report, organisation: str, out_path: Path, options: PdfOptions,
              date: datetime.date) -> PdfSummary:
    """Builds the document, then writes it so that `out_path` is its old content or the whole PDF.
    Raises UnknownAgency or ValueError (nothing to draw, a bad overlap) before writing anything,
    OSError when the file cannot be written (left untouched)."""
    data, summary = render_pdf(chart, report, organisation, options, date)
    write_bytes_safely(out_path, data)
    return summary


def render_pdf(chart: Chart, report: Report, organisation: str, options: PdfOptions,
               date: datetime.date) -> tuple[bytes, PdfSummary]:
    """The PDF's bytes. `chart` has its cards where the user put them (positions without
    coordinates are laid out as on opening); `report` is its validation."""
    fonts.register_fonts()
    # Streams compressed only, not also ASCII85-encoded (reportlab's default): a third smaller, and
    # the encoding was a tenth of a 1,500-page export's time. The setting is global: put back after.
    use_a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        return _render(chart, report, organisation, options, date)
    finally:
        rl_config.useA85 = use_a85


def _render(chart: Chart, report: Report, organisation: str, options: PdfOptions,
            date: datetime.date) -> tuple[bytes, PdfSummary]:
    geometry, pagination = plan_pages(chart, options)
    lang = options.lang
    findings = _findings_shown(report, geometry, options) if options.findings else ()
    content = _content(chart, report, geometry, findings, organisation, lang)
    pages = ChartPages(content, pagination, FIRST_CHART_PAGE, lang)
    buffer = io.BytesIO()
    title = options.title or say("document", lang)
    document = BaseDocTemplate(
        buffer, pagesize=(pagination.frame.width, pagination.frame.height), title=title,
        author=options.author or "", subject=f"{organisation} — {report.scenario}", creator="OrgDesigner",
        invariant=1, pageTemplates=_templates(pagination))
    # The text frame's size (BaseDocTemplate's own width and height assume margins of an inch).
    text_width = pagination.frame.width - 2 * pagination.frame.margin
    text_height = pagination.frame.height - pagination.frame.margin - pagination.frame.area.y
    story: list[Flowable] = [_cover(title, organisation, report, chart, options, pagination, date,
                                    (text_width, text_height))]
    story.append(NextPageTemplate("chart"))
    for index in range(len(pagination.pages)):
        story += [PageBreak(), _ChartFlowable(pages, index)]
    story += [NextPageTemplate("text"), PageBreak()]
    if options.findings:
        story += _findings_table(findings, chart, report, lang, text_width)
    story += _summaries(report, geometry, lang, text_width)
    document.build(story, canvasmaker=_numbered_canvas(lang, date, pagination.frame.width))
    return buffer.getvalue(), PdfSummary(document.page, len(pagination.pages), pagination.mode_used,
                                         pagination.switched_to_tile)


# Content -------------------------------------------------------------------------------------------


def _findings_shown(report: Report, geometry: ChartGeometry, options: PdfOptions) -> tuple[Finding, ...]:
    """All findings, or with --agency those of the agencies shown and those naming a position shown."""
    if options.agencies is None:
        return report.findings
    chosen = set(options.agencies)
    return tuple(f for f in report.findings
                 if f.agency in chosen or any(p in geometry.cards for p in f.positions))


def _content(chart: Chart, report: Report, geometry: ChartGeometry, findings: Sequence[Finding],
             organisation: str, lang: Lang) -> ChartContent:
    """The cards' and headers' words as the canvas has them (app/presentation)."""
    cards = {position_id: card_texts(chart.position(position_id), lang) for position_id in geometry.cards}
    summaries = {s.agency.id: s for s in report.agencies}
    headers = {agency_id: header_texts(summaries[agency_id], lang) for agency_id in geometry.headers}
    names: dict[str | None, str] = {None: say("head_office", lang)}
    names.update({a.id: a.name for a in chart.agencies()})
    marks = finding_marks(findings) if findings else Marks({}, {})
    return ChartContent(geometry, cards, headers, marks, f"{organisation} — {report.scenario}", names)


# Pages ---------------------------------------------------------------------------------------------


def _templates(pagination: Pagination) -> list[PageTemplate]:
    frame = pagination.frame
    area = frame.area
    text = Frame(frame.margin, area.y, frame.width - 2 * frame.margin, frame.height - frame.margin - area.y,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")
    chart = Frame(area.x, area.y, area.w, area.h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                  id="chart")
    return [PageTemplate(id="text", frames=[text]), PageTemplate(id="chart", frames=[chart])]


class _ChartFlowable(Flowable):
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


def _numbered_canvas(lang: Lang, date: datetime.date, width: float) -> type[Canvas]:
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


# Cover ---------------------------------------------------------------------------------------------

_BASE: Final = 9.0


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=_BASE, leading=_BASE * 1.25,
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


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: whatever the user typed prints as typed, never as markup."""
    return Paragraph(escape(text), style)


def _date(date: datetime.date, lang: Lang) -> str:
    return f"{date.day} {_MONTHS[lang][date.month - 1]} {date.year}"


def _cover(title: str, organisation: str, report: Report, chart: Chart, options: PdfOptions,
           pagination: Pagination, date: datetime.date, room: tuple[float, float]) -> Flowable:
    lang = options.lang
    width, height = room
    styles = _styles()
    rows = [(say("organisation", lang), organisation), (say("scenario", lang), report.scenario),
            (say("date", lang), _date(date, lang))]
    if options.author:
        rows.append((say("author", lang), options.author))
    if options.agencies is not None:
        names = {a.id: a.name for a in chart.agencies()}
        rows.append((say("agencies_shown", lang), ", ".join(names[a] for a in options.agencies)))
    info = Table([[_p(k, styles["bold"]), _p(v, styles["body"])] for k, v in rows],
                 colWidths=[width * 0.18, width * 0.82], hAlign="LEFT")
    info.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.0), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    parts: list[Flowable] = [_p(title, styles["title"]), info]
    if pagination.switched_to_tile:
        parts += [Spacer(0, 4), _p(say("switched", lang, n=len(pagination.pages)), styles["bold"])]
    parts += [_p(say("parameters", lang), styles["subheading"]), _parameters(report.parameters, chart, lang,
                                                                             styles, width)]
    parts += [Spacer(0, 6), Legend(lang, marks=options.findings)]
    if options.findings:
        parts.append(_p(say("marks_note", lang), styles["small"]))
    parts.append(_p(say("header_badges", lang), styles["small"]))
    return KeepInFrame(width, height, parts, mode="shrink")


def _parameters(parameters: Parameters, chart: Chart, lang: Lang, styles: dict[str, ParagraphStyle],
                width: float) -> Table:
    """Every parameter in force; a working assumption says so, and a value the scenario sets too."""
    rows = [[_p(say("parameter", lang), styles["cell_head"]), _p(say("value", lang), styles["cell_head"]),
             _p("", styles["cell_head"])]]
    overridden = set(chart.parameters)
    for name, value in parameters.as_dict().items():
        notes = []
        if name in WORKING_ASSUMPTIONS:
            notes.append(say("assumption", lang))
        if name in overridden:
            notes.append(say("override", lang))
        if isinstance(value, int | float):
            shown = number(value, lang)
        else:
            shown = PARAMETER_VALUES[str(value)].in_(lang) if str(value) in PARAMETER_VALUES else str(value)
        rows.append([_p(f"{typeset(PARAMETER_LABELS[name].in_(lang), lang)} ({name})", styles["small"]),
                     _p(shown, styles["small"]), _p(typeset(" ; ", lang).join(notes), styles["small"])])
    table = Table(rows, colWidths=[width * 0.5, width * 0.18, width * 0.32], hAlign="LEFT", repeatRows=1)
    table.setStyle(_grid_style())
    return table


def _grid_style() -> TableStyle:
    return TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.0),  # Table's own default is Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(palette.HEADER_FILL)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, HexColor(palette.HEADER_BORDER)),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ])


# Findings --------------------------------------------------------------------------------------------


def _findings_table(findings: Sequence[Finding], chart: Chart, report: Report, lang: Lang,
                    width: float) -> list[Flowable]:
    styles = _styles()
    parts: list[Flowable] = [_p(say("findings", lang), styles["heading"])]
    if not findings:
        return [*parts, _p(say("no_findings", lang), styles["body"])]
    names = {a.id: a.name for a in chart.agencies()}
    head = [say("number", lang), say("rule", lang), say("severity", lang), say("message", lang),
            say("where", lang), say("positions", lang)]
    rows: list[list[Flowable | str]] = [[_p(h, styles["cell_head"]) for h in head]]
    style = _grid_style()
    style.add("FONT", (1, 1), (1, -1), fonts.REGULAR, 7.5)
    for row, finding in enumerate(findings, start=1):
        where = names.get(finding.agency, say("head_office", lang)) if finding.agency else say("head_office", lang)
        who = typeset(" ; ", lang).join(chart.position(p).display_name(lang) for p in finding.positions
                                        if chart.has_position(p))
        rows.append([_p(str(row), styles["white"]), finding.rule,  # an id is never cut across lines
                     _p(say(finding.severity, lang), styles["small"]),
                     _p(typeset(finding.message.in_(lang), lang), styles["small"]),
                     _p(where, styles["small"]), _p(who, styles["small"])])
        style.add("BACKGROUND", (0, row), (0, row), HexColor(palette.SEVERITY_COLOURS[finding.severity]))
    # The rule ids are never cut: their column is as wide as the longest; the message takes the rest.
    rule_width = min(max(fonts.text_width(f.rule, fonts.REGULAR, 7.5) for f in findings) + 8.0, width * 0.22)
    fixed = [width * 0.04, rule_width, width * 0.1, 0.0, width * 0.11, width * 0.17]
    fixed[3] = width - sum(fixed)
    table = Table(rows, colWidths=fixed, repeatRows=1, hAlign="LEFT")
    table.setStyle(style)
    return [*parts, table]


# Summaries -------------------------------------------------------------------------------------------


def _summaries(report: Report, geometry: ChartGeometry, lang: Lang, width: float) -> list[Flowable]:
    """One table an agency, as the text report words it (io/report_output)."""
    styles = _styles()
    shown = [s for s in report.agencies if s.agency.id in geometry.order]
    if not shown:
        return []
    parts: list[Flowable] = [PageBreak(), _p(say("summaries", lang), styles["heading"])]
    for summary in shown:
        parts.append(KeepTogether([_p(_agency_title(summary, lang), styles["subheading"]),
                                   _summary_table(summary, lang, styles, width)]))
    return parts


def _agency_title(summary: AgencySummary, lang: Lang) -> str:
    agency = summary.agency
    details = []
    if agency.territory and agency.territory in TERRITORIES:
        details.append(TERRITORIES[agency.territory].label.in_(lang))
    if agency.dwellings is not None:
        details.append(f"{number(agency.dwellings, lang)} {say('dwellings', lang)}")
    return f"{agency.name} ({agency.id})" + (f" — {', '.join(details)}" if details else "")


def _summary_table(summary: AgencySummary, lang: Lang, styles: dict[str, ParagraphStyle], width: float) -> Table:
    agency = summary.agency
    fte = say("fte", lang)
    semicolon = "\u00a0; " if lang == "fr" else "; "
    expected = f" {say('or', lang)} ".join(map(str, summary.expected_models))
    rows: list[tuple[str, str | Table]] = [
        (say("staff", lang), f"{number(summary.headcount, lang)} ({number(summary.fte, lang)} {fte})"),
        (say("site_staff", lang), f"{summary.site_staff} ({number(summary.site_staff_fte, lang)} {fte})"),
        (say("providers", lang), str(summary.providers)),
        (say("management", lang), f"{say('expected', lang)}{colon(lang)}{say('model', lang)} {expected}{semicolon}"
                                  f"{say('detected', lang)}{colon(lang)}{say('model', lang)} {summary.detected_model}"),
    ]
    if summary.perimeter is None:
        perimeter = say("not_given", lang)
    else:
        match = summary.perimeter
        perimeter = f"{say('model', lang)} {match.model}"
        if match.distance:
            differs = ", ".join(MISSIONS[m].in_(lang) for m in match.differs)
            perimeter += (f" ({say('distance', lang)} {match.distance}{semicolon}"
                          f"{say('differs', lang)}{colon(lang)}{differs})")
    rows.append((say("perimeter", lang), perimeter))
    if agency.perimeter is None:
        tenancy = say("not_assessed", lang)
    elif summary.tenancy_models:
        tenancy = f"{say('model', lang)} " + f" {say('or', lang)} ".join(map(str, summary.tenancy_models))
    else:
        tenancy = say("no_model", lang)
    rows.append((say("tenancy", lang), tenancy))
    site_model = (typeset(SITE_MANAGEMENT[agency.site_management].in_(lang), lang) if agency.site_management
                  else say("not_given", lang))
    rows.append((say("site_model", lang), site_model))
    rows.append((say("guarding", lang), _guarding_table(summary, lang, styles, width * 0.72)
                 if summary.guarding else say("no_sites", lang)))
    if summary.skipped:
        rows.append((say("skipped", lang), ", ".join(summary.skipped)))
    table = Table([[_p(k, styles["bold"]), v if isinstance(v, Table) else _p(v, styles["body"])] for k, v in rows],
                  colWidths=[width * 0.26, width * 0.74], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.0),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, HexColor(palette.HEADER_BORDER)),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _guarding_table(summary: AgencySummary, lang: Lang, styles: dict[str, ParagraphStyle], width: float) -> Table:
    """Per estate: dwellings, the FTE the law requires, the FTE assigned (or why none is owed)."""
    small = styles["small"]
    rows = [[_p(upper_first(say(k, lang)), styles["cell_head"])
             for k in ("site", "dwellings", "blocks_required", "fte_assigned")]]
    for status in summary.guarding:
        if not status.applies:
            required, assigned = say("outside_zone", lang), number(status.fte_assigned, lang)
        elif status.guarding_providers:
            required, assigned = str(status.blocks_required), say("by_provider", lang)
        else:
            required, assigned = str(status.blocks_required), number(status.fte_assigned, lang)
        rows.append([_p(status.site.name, small), _p(number(status.site.dwellings, lang), small),
                     _p(required, small), _p(assigned, small)])
    table = Table(rows, colWidths=[width * f for f in (0.4, 0.2, 0.2, 0.2)], hAlign="LEFT")
    table.setStyle(_grid_style())
    return table
