"""The annotated PDF: a cover (organisation, scenario, date, author, parameters in force with the
working assumptions named, legend), the chart pages, the findings table and a summary per agency,
"page X / N" on every page, in French or English.

The same chart, report, options and date give the same bytes (export/pages). User text (names,
titles, messages quoting them) is escaped wherever it meets Paragraph markup, so that
`Dupont & Fils <SARL>` prints as typed.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from orgdesigner import palette
from orgdesigner.app.files import write_bytes_safely
from orgdesigner.export import fonts
from orgdesigner.export.annotations import finding_marks
from orgdesigner.export.chart_pdf import ChartPages, chart_content
from orgdesigner.export.geometry import ChartGeometry
from orgdesigner.export.legend import Legend
from orgdesigner.export.pages import (
    ChartFlowable,
    compact_streams,
    grid_style,
    long_date,
    new_document,
    numbered_canvas,
    para,
    paragraph_styles,
    text_room,
)
from orgdesigner.export.pagination import Mode, Pagination
from orgdesigner.export.plan import PdfOptions, plan_pages
from orgdesigner.export.wording import (
    PARAMETER_LABELS,
    PARAMETER_VALUES,
    colon,
    say,
    semicolon,
    typeset,
    upper_first,
)
from orgdesigner.model.catalogue import MISSIONS, SITE_MANAGEMENT, TERRITORIES
from orgdesigner.model.chart import Chart
from orgdesigner.model.labels import Lang, number
from orgdesigner.model.parameters import WORKING_ASSUMPTIONS, Parameters
from orgdesigner.rules.engine import AgencySummary, Report
from orgdesigner.rules.findings import Finding

FIRST_CHART_PAGE: Final = 2  # the cover is one page, kept so by shrinking it should it ever overflow


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
    with compact_streams():
        return _render(chart, report, organisation, options, date)


def _render(chart: Chart, report: Report, organisation: str, options: PdfOptions,
            date: datetime.date) -> tuple[bytes, PdfSummary]:
    geometry, pagination = plan_pages(chart, options)
    lang = options.lang
    findings = _findings_shown(report, geometry, options) if options.findings else ()
    summaries = {s.agency.id: s for s in report.agencies}
    content = chart_content(chart, summaries, geometry, f"{organisation} — {report.scenario}", lang,
                            marks=finding_marks(findings))
    pages = ChartPages(content, pagination, lang)
    buffer = io.BytesIO()
    title = options.title or say("document", lang)
    document = new_document(buffer, pagination, title=title, author=options.author or "",
                            subject=f"{organisation} — {report.scenario}")
    text_width, text_height = text_room(pagination)
    story: list[Flowable] = [_cover(title, organisation, report, chart, options, pagination, date,
                                    (text_width, text_height))]
    story.append(NextPageTemplate("chart"))
    for index in range(len(pagination.pages)):
        story += [PageBreak(), ChartFlowable(pages, index)]
    story += [NextPageTemplate("text"), PageBreak()]
    if options.findings:
        story += _findings_table(findings, chart, report, lang, text_width)
    story += _summaries(report, geometry, lang, text_width)
    document.build(story, canvasmaker=numbered_canvas(lang, date, pagination.frame.width))
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


# Cover ---------------------------------------------------------------------------------------------


def _cover(title: str, organisation: str, report: Report, chart: Chart, options: PdfOptions,
           pagination: Pagination, date: datetime.date, room: tuple[float, float]) -> Flowable:
    lang = options.lang
    width, height = room
    styles = paragraph_styles()
    rows = [(say("organisation", lang), organisation), (say("scenario", lang), report.scenario),
            (say("date", lang), long_date(date, lang))]
    if options.author:
        rows.append((say("author", lang), options.author))
    if options.agencies is not None:
        names = {a.id: a.name for a in chart.agencies()}
        rows.append((say("agencies_shown", lang), ", ".join(names[a] for a in options.agencies)))
    info = Table([[para(k, styles["bold"]), para(v, styles["body"])] for k, v in rows],
                 colWidths=[width * 0.18, width * 0.82], hAlign="LEFT")
    info.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.0), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    parts: list[Flowable] = [para(title, styles["title"]), info]
    if pagination.switched_to_tile:
        parts += [Spacer(0, 4), para(say("switched", lang, n=len(pagination.pages)), styles["bold"])]
    parts += [para(say("parameters", lang), styles["subheading"]), _parameters(report.parameters, chart, lang,
                                                                             styles, width)]
    parts += [Spacer(0, 6), Legend(lang, marks=options.findings)]
    if options.findings:
        parts.append(para(say("marks_note", lang), styles["small"]))
    parts.append(para(say("header_badges", lang), styles["small"]))
    return KeepInFrame(width, height, parts, mode="shrink")


def _parameters(parameters: Parameters, chart: Chart, lang: Lang, styles: dict[str, ParagraphStyle],
                width: float) -> Table:
    """Every parameter in force; a working assumption says so, and a value the scenario sets too."""
    rows = [[para(say("parameter", lang), styles["cell_head"]), para(say("value", lang), styles["cell_head"]),
             para("", styles["cell_head"])]]
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
        rows.append([para(f"{typeset(PARAMETER_LABELS[name].in_(lang), lang)} ({name})", styles["small"]),
                     para(shown, styles["small"]), para(typeset(" ; ", lang).join(notes), styles["small"])])
    table = Table(rows, colWidths=[width * 0.5, width * 0.18, width * 0.32], hAlign="LEFT", repeatRows=1)
    table.setStyle(grid_style())
    return table


# Findings --------------------------------------------------------------------------------------------


def _findings_table(findings: Sequence[Finding], chart: Chart, report: Report, lang: Lang,
                    width: float) -> list[Flowable]:
    styles = paragraph_styles()
    parts: list[Flowable] = [para(say("findings", lang), styles["heading"])]
    if not findings:
        return [*parts, para(say("no_findings", lang), styles["body"])]
    names = {a.id: a.name for a in chart.agencies()}
    head = [say("number", lang), say("rule", lang), say("severity", lang), say("message", lang),
            say("where", lang), say("positions", lang)]
    rows: list[list[Flowable | str]] = [[para(h, styles["cell_head"]) for h in head]]
    style = grid_style()
    style.add("FONT", (1, 1), (1, -1), fonts.REGULAR, 7.5)
    for row, finding in enumerate(findings, start=1):
        where = names.get(finding.agency, say("head_office", lang)) if finding.agency else say("head_office", lang)
        who = typeset(" ; ", lang).join(chart.position(p).display_name(lang) for p in finding.positions
                                        if chart.has_position(p))
        rows.append([para(str(row), styles["white"]), finding.rule,  # an id is never cut across lines
                     para(say(finding.severity, lang), styles["small"]),
                     para(typeset(finding.message.in_(lang), lang), styles["small"]),
                     para(where, styles["small"]), para(who, styles["small"])])
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
    styles = paragraph_styles()
    shown = [s for s in report.agencies if s.agency.id in geometry.order]
    if not shown:
        return []
    parts: list[Flowable] = [PageBreak(), para(say("summaries", lang), styles["heading"])]
    for summary in shown:
        parts.append(KeepTogether([para(_agency_title(summary, lang), styles["subheading"]),
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
    expected = f" {say('or', lang)} ".join(map(str, summary.expected_models))
    rows: list[tuple[str, str | Table]] = [
        (say("staff", lang), f"{number(summary.headcount, lang)} ({number(summary.fte, lang)} {fte})"),
        (say("site_staff", lang), f"{summary.site_staff} ({number(summary.site_staff_fte, lang)} {fte})"),
        (say("providers", lang), str(summary.providers)),
        (say("management", lang), f"{say('expected', lang)}{colon(lang)}{say('model', lang)} {expected}"
                                  f"{semicolon(lang)}{say('detected', lang)}{colon(lang)}{say('model', lang)} "
                                  f"{summary.detected_model}"),
    ]
    if summary.perimeter is None:
        perimeter = say("not_given", lang)
    else:
        match = summary.perimeter
        perimeter = f"{say('model', lang)} {match.model}"
        if match.distance:
            differs = ", ".join(MISSIONS[m].in_(lang) for m in match.differs)
            perimeter += (f" ({say('distance', lang)} {match.distance}{semicolon(lang)}"
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
    table = Table([[para(k, styles["bold"]), v if isinstance(v, Table) else para(v, styles["body"])] for k, v in rows],
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
    rows = [[para(upper_first(say(k, lang)), styles["cell_head"])
             for k in ("site", "dwellings", "blocks_required", "fte_assigned")]]
    for status in summary.guarding:
        if not status.applies:
            required, assigned = say("outside_zone", lang), number(status.fte_assigned, lang)
        elif status.guarding_providers:
            required, assigned = str(status.blocks_required), say("by_provider", lang)
        else:
            required, assigned = str(status.blocks_required), number(status.fte_assigned, lang)
        rows.append([para(status.site.name, small), para(number(status.site.dwellings, lang), small),
                     para(required, small), para(assigned, small)])
    table = Table(rows, colWidths=[width * f for f in (0.4, 0.2, 0.2, 0.2)], hAlign="LEFT")
    table.setStyle(grid_style())
    return table
