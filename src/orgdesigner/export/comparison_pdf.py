"""The comparison PDF (issue 5, `orgdesigner diff … --pdf`): what a committee is shown when a target
organisation is proposed against the existing one.

1. A summary: the two scenarios, what changed in a few counts, then the figures of every agency
   before and after against the reference models, as the text comparison (io/diff_output) gives
   them, the values that change set apart.
2. The legend, then the target's chart (compare/overlay) drawn by the chart export's own machinery
   and page options, every changed position with the accent of its kinds, the posts the target no
   longer has faded where they were: the committee sees the organisation it is asked to adopt, and
   what it costs, on one drawing.
3. The list of changes and the findings the target resolves and introduces.
4. The guarding notices (CSI R271-3), on a page of their own, which can go to the tenant
   consultation council as it is.

Sheet, fonts, "page X / N" and reproducible bytes are the chart export's (export/pages).
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from orgdesigner import palette
from orgdesigner.app.files import write_bytes_safely
from orgdesigner.compare.overlay import Overlay, overlay
from orgdesigner.compare.positions import CHANGE_KINDS, ChangeKind
from orgdesigner.compare.scenario_diff import AgencyDelta, ScenarioDiff
from orgdesigner.export import fonts
from orgdesigner.export.chart_pdf import Accent, ChartPages, chart_content, over_white
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
from orgdesigner.export.pagination import Pagination
from orgdesigner.export.pdf_document import PdfSummary
from orgdesigner.export.plan import PdfOptions, plan_pages
from orgdesigner.export.wording import colon, say, semicolon, typeset
from orgdesigner.io.diff_output import (
    CHANGE_LABELS,
    CHANGE_SIGNS,
    FIGURES,
    WORDS,
    change_count,
    change_lines,
    figure_text,
    finding_place,
    other_change_lines,
)
from orgdesigner.model.chart import Chart
from orgdesigner.model.labels import Lang
from orgdesigner.rules.engine import AgencySummary
from orgdesigner.rules.findings import Finding

CELL_PT: Final = 7.0
_HEADER_PT: Final = 6.5
# The agencies table's columns, as shares of the page: the agency, each of FIGURES, then the
# findings resolved and introduced. The site-management model is words, the others short values.
_AGENCY_SHARE: Final = 1.7
_FIGURE_SHARES: Final = {"site_management": 1.6, None: 0.9, "perimeter_model": 0.7}
_FIGURE_SHARE: Final = 0.8
_FINDINGS_SHARE: Final = 0.75
_NOTICE_COLOUR: Final = palette.SEVERITY_COLOURS["warning"]
_HEADING_ROOM: Final = 80.0  # points a heading needs below it, else it starts the next page


def write_comparison_pdf(diff: ScenarioDiff, organisation: str, out_path: Path, options: PdfOptions,
                         date: datetime.date) -> PdfSummary:
    """Builds the document, then writes it so that `out_path` is its old content or the whole PDF.
    Raises ValueError (a bad overlap, an unknown agency) before writing anything, OSError when the
    file cannot be written (left untouched)."""
    data, summary = render_comparison_pdf(diff, organisation, options, date)
    write_bytes_safely(out_path, data)
    return summary


def render_comparison_pdf(diff: ScenarioDiff, organisation: str, options: PdfOptions,
                          date: datetime.date) -> tuple[bytes, PdfSummary]:
    """The PDF's bytes. `options` are the chart export's: page, orientation, mode and overlap for the
    target's chart (`agencies` limits it to those agencies); `findings` does not apply, a comparison's
    chart carrying no marks and its findings being part of what it compares."""
    with compact_streams():
        return _render(diff, organisation, options, date)


def _render(diff: ScenarioDiff, organisation: str, options: PdfOptions,
            date: datetime.date) -> tuple[bytes, PdfSummary]:
    lang = options.lang
    drawn = overlay(diff, "after")
    chart = Chart(drawn.scenario)
    geometry, pagination = plan_pages(chart, options)
    summaries = _summaries(diff)
    caption = f"{organisation} — {diff.before.name} → {diff.after.name}"
    content = chart_content(chart, summaries, geometry, caption, lang, accents=_accents(drawn),
                            header_accents=_header_accents(diff.agencies))
    pages = ChartPages(content, pagination, lang)
    title = options.title or WORDS["title"].in_(lang)
    buffer = io.BytesIO()
    document = new_document(buffer, pagination, title=title, author=options.author or "", subject=caption)
    width, _ = text_room(pagination)
    story = _summary(title, organisation, diff, options, pagination, date, width)
    note = _cell_styles()["note"]
    story += [KeepTogether([Spacer(0, 8), Legend(lang, marks=False, changes=True),
                            para(say("changes_note", lang), note), para(say("header_badges", lang), note)]),
              NextPageTemplate("chart")]
    for index in range(len(pagination.pages)):
        story += [PageBreak(), ChartFlowable(pages, index)]
    story += [NextPageTemplate("text"), PageBreak()]
    story += _changes(diff, lang, width)
    story += _findings(diff, lang, width)
    story += _notices(diff, lang, width)
    document.build(story, canvasmaker=numbered_canvas(lang, date, pagination.frame.width))
    return buffer.getvalue(), PdfSummary(document.page, len(pagination.pages), pagination.mode_used,
                                         pagination.switched_to_tile)


# The chart -----------------------------------------------------------------------------------------


def _summaries(diff: ScenarioDiff) -> dict[str, AgencySummary]:
    """Each agency's header as the target has it; an agency the target dropped, as the source had it."""
    summaries = {s.agency.id: s for s in diff.before_report.agencies}
    summaries.update({s.agency.id: s for s in diff.after_report.agencies})
    return summaries


def _accents(drawn: Overlay) -> dict[str, Accent]:
    """A changed card's outline takes the colour of its first kind; its tag shows every kind."""
    return {position_id: Accent(palette.CHANGE_COLOURS[kinds[0]], "".join(CHANGE_SIGNS[k] for k in kinds),
                                ghost=position_id in drawn.ghosts, note=position_id)
            for position_id, kinds in drawn.kinds.items()}


def _header_accents(deltas: Sequence[AgencyDelta]) -> dict[str, Accent]:
    """An agency the target creates, or drops (then drawn only for the posts it held, as ghosts)."""
    accents = {}
    for delta in deltas:
        if delta.before is None:
            accents[delta.id] = Accent(palette.CHANGE_COLOURS["added"], CHANGE_SIGNS["added"])
        elif delta.after is None:
            accents[delta.id] = Accent(palette.CHANGE_COLOURS["removed"], CHANGE_SIGNS["removed"], ghost=True)
    return accents


# Summary -------------------------------------------------------------------------------------------


def _word(key: str, lang: Lang) -> str:
    """One of the text comparison's words, with French typography."""
    return typeset(WORDS[key].in_(lang), lang)


def _cell_styles() -> dict[str, ParagraphStyle]:
    small = paragraph_styles()["small"]
    cell = ParagraphStyle("cell", parent=small, fontSize=CELL_PT, leading=CELL_PT * 1.22)
    return {
        "cell": cell,
        "changed": ParagraphStyle("changed", parent=cell, fontName=fonts.BOLD),
        "head": ParagraphStyle("head", parent=cell, fontName=fonts.BOLD),
        "note": ParagraphStyle("note", parent=small, spaceBefore=3.0),
        "notice": ParagraphStyle("notice", parent=paragraph_styles()["body"], fontSize=9.5, leading=12.5),
    }


def _tint(colour: str, share: float = 0.16) -> Color:
    """A background any text stays legible on, in `colour`'s hue."""
    return over_white(HexColor(colour), share)


def _summary(title: str, organisation: str, diff: ScenarioDiff, options: PdfOptions, pagination: Pagination,
             date: datetime.date, width: float) -> list[Flowable]:
    lang = options.lang
    styles = paragraph_styles()
    rows = [(say("organisation", lang), organisation), (say("source", lang), diff.before.name),
            (say("target", lang), diff.after.name), (say("date", lang), long_date(date, lang))]
    if options.author:
        rows.append((say("author", lang), options.author))
    info = Table([[para(k, styles["bold"]), para(v, styles["body"])] for k, v in rows],
                 colWidths=[width * 0.2, width * 0.8], hAlign="LEFT")
    info.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.0),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                              ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    parts: list[Flowable] = [para(title, styles["title"]), info, Spacer(0, 8), _counts(diff, lang, width)]
    if diff.unchanged:
        parts += [Spacer(0, 6), para(say("no_change", lang), styles["bold"])]
    if pagination.switched_to_tile:
        parts += [Spacer(0, 4), para(say("switched", lang, n=len(pagination.pages)), styles["bold"])]
    parts += [CondPageBreak(_HEADING_ROOM), para(say("deltas", lang), styles["heading"]),
              para(say("deltas_note", lang), _cell_styles()["note"]),
              Spacer(0, 4), _deltas(diff, lang, width)]
    return parts


def _counts(diff: ScenarioDiff, lang: Lang, width: float) -> Table:
    """The counts a committee asks first: positions by kind of change, findings, notices."""
    styles = paragraph_styles()
    changes = diff.positions
    counts: Mapping[ChangeKind, int] = {"added": len(changes.added), "removed": len(changes.removed),
                                        "moved": len(changes.moved), "changed": len(changes.changed)}
    kinds = ", ".join(f'<font color="{palette.CHANGE_COLOURS[kind]}"><b>{fonts.markup(CHANGE_SIGNS[kind])}</b></font> '
                      f"{fonts.markup(change_count(kind, counts[kind], lang))}" for kind in CHANGE_KINDS)
    findings = semicolon(lang).join(f"{fonts.markup(say(key, lang))}{colon(lang)}<b>{count}</b>" for key, count in
                                         (("resolved_count", len(diff.resolved)),
                                          ("introduced_count", len(diff.introduced))))
    notices = f"<b>{len(diff.notices)}</b>"
    rows = [[para(_word("positions", lang), styles["bold"]), Paragraph(kinds, styles["body"])],
            [para(say("findings", lang), styles["bold"]), Paragraph(findings, styles["body"])],
            [para(_word("notices", lang), styles["bold"]), Paragraph(notices, styles["body"])]]
    table = Table(rows, colWidths=[width * 0.42, width * 0.58], hAlign="LEFT")
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.0),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.3, HexColor(palette.HEADER_BORDER)),
                        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                        ("LEFTPADDING", (0, 0), (-1, -1), 3)])
    if diff.notices:
        style.add("BACKGROUND", (0, 2), (-1, 2), _tint(_NOTICE_COLOUR))
    table.setStyle(style)
    return table


def _deltas(diff: ScenarioDiff, lang: Lang, width: float) -> Table:
    """One row an agency, in the target's order then those it drops; head office when its findings
    change. A changed value is bold on a tint of the "changed" colour."""
    cells = _cell_styles()
    head = [say("agency", lang), *(typeset(f.label.in_(lang), lang) for f in FIGURES),
            _word("resolved", lang), _word("introduced", lang)]
    # Twelve columns in portrait: headers a size smaller, so that their longest words fit whole.
    header = ParagraphStyle("deltas-head", parent=cells["head"], fontSize=_HEADER_PT, leading=_HEADER_PT * 1.2)
    rows: list[list[Flowable | str]] = [[para(text, header) for text in head]]
    style = grid_style()
    style.add("FONT", (0, 0), (-1, -1), fonts.REGULAR, CELL_PT)
    style.add("LEFTPADDING", (0, 0), (-1, -1), 2)
    style.add("RIGHTPADDING", (0, 0), (-1, -1), 2)
    # What each column must find room for, in the font it is set in.
    words: list[list[tuple[str, str, float]]] = [[(text, fonts.BOLD, _HEADER_PT)] for text in head]
    for row, delta in enumerate(diff.agencies, start=1):
        words[0] += [(delta.name, fonts.BOLD, CELL_PT), (delta.id, fonts.REGULAR, CELL_PT)]
        name = f"<b>{fonts.markup(delta.name)}</b> ({fonts.markup(delta.id)})"
        state, state_colour = _agency_state(delta)
        if state is not None:
            name += f"<br/><i>{fonts.markup(_word(state, lang))}</i>"
        rows.append([Paragraph(name, cells["cell"])])
        if state_colour is not None:
            style.add("BACKGROUND", (0, row), (0, row), _tint(state_colour))
        for column, figure in enumerate(FIGURES, start=1):
            pair = figure.pair(delta)
            old, new = figure_text(figure, pair.before, lang), figure_text(figure, pair.after, lang)
            words[column] += ([(old, fonts.BOLD, CELL_PT), (new, fonts.BOLD, CELL_PT)] if pair.changed
                              else [(new, fonts.REGULAR, CELL_PT)])
            if pair.changed:
                rows[-1].append(para(typeset(f"{old} → {new}", lang), cells["changed"]))
                style.add("BACKGROUND", (column, row), (column, row), _tint(palette.CHANGE_COLOURS["changed"]))
            else:
                rows[-1].append(para(typeset(new, lang), cells["cell"]))
        rows[-1] += _finding_counts(delta.resolved, delta.introduced, row, style, cells)
    head_office = ([f for f in diff.resolved if f.agency is None], [f for f in diff.introduced if f.agency is None])
    if any(head_office):
        row = len(rows)
        rows.append([para(_word("head_office", lang), cells["head"]), *(para("", cells["cell"]) for _ in FIGURES),
                     *_finding_counts(*head_office, row, style, cells)])
    shares = [_AGENCY_SHARE, *(_FIGURE_SHARES.get(f.key, _FIGURE_SHARE) for f in FIGURES),
              _FINDINGS_SHARE, _FINDINGS_SHARE]
    room = [max(fonts.text_width(word, font, size) for text, font, size in texts for word in text.split()) + 4.5
            for texts in words]
    table = Table(rows, colWidths=_widths(shares, room, width), repeatRows=1, hAlign="LEFT")
    table.setStyle(style)
    return table


def _widths(shares: Sequence[float], room: Sequence[float], width: float) -> list[float]:
    """`width` shared out as `shares` say, but never narrower than `room` (a header's longest word
    and the cell's padding): in portrait, "personnels" must not break into "personn-els"."""
    if sum(room) >= width:  # not even the words fit: share alike, and let the longest words break
        return [width * r / sum(room) for r in room]
    widths = [width * share / sum(shares) for share in shares]
    fixed: set[int] = set()
    while True:
        narrow = {i for i, w in enumerate(widths) if i not in fixed and w < room[i]}
        if not narrow:
            return widths
        fixed |= narrow
        left = width - sum(room[i] for i in fixed)
        free = sum(share for i, share in enumerate(shares) if i not in fixed)
        widths = [room[i] if i in fixed else max(left, 0.0) * share / free if free else 0.0
                  for i, share in enumerate(shares)]


def _agency_state(delta: AgencyDelta) -> tuple[str | None, str | None]:
    """What is said of the agency as a whole (a WORDS key; nothing when only its figures change) and
    the colour its cell is tinted with, if any."""
    if delta.before is None:
        return "new_agency", palette.CHANGE_COLOURS["added"]
    if delta.after is None:
        return "gone_agency", palette.CHANGE_COLOURS["removed"]
    return (None, None) if delta.changed else ("unchanged", None)


def _finding_counts(resolved: Sequence[Finding], introduced: Sequence[Finding], row: int, style: TableStyle,
                    cells: Mapping[str, ParagraphStyle]) -> list[Flowable | str]:
    """The two counts; a finding resolved is good news (green), one introduced bad news (red)."""
    out: list[Flowable | str] = []
    for column, findings, colour in ((len(FIGURES) + 1, resolved, palette.MODEL_MATCH),
                                     (len(FIGURES) + 2, introduced, palette.SEVERITY_COLOURS["error"])):
        out.append(para(str(len(findings)), cells["changed" if findings else "cell"]))
        if findings:
            style.add("BACKGROUND", (column, row), (column, row), _tint(colour))
    return out


# Changes, findings, notices --------------------------------------------------------------------------


def _changes(diff: ScenarioDiff, lang: Lang, width: float) -> list[Flowable]:
    """Every change, grouped by kind under a tinted row naming it; an id is never cut across lines."""
    styles, cells = paragraph_styles(), _cell_styles()
    lines = change_lines(diff, lang)
    parts: list[Flowable] = [para(f"{_word('changes', lang)} ({len(lines)})", styles["heading"])]
    if not lines:
        return [*parts, para(_word("none", lang), styles["body"]), *_other_changes(diff, lang, width)]
    rows: list[list[Flowable | str]] = [[para("", cells["head"]), para(say("position_id", lang), cells["head"]),
                                         para(say("details", lang), cells["head"])]]
    style = grid_style()
    style.add("FONT", (0, 1), (-1, -1), fonts.REGULAR, CELL_PT)
    for kind in CHANGE_KINDS:
        entries = [(position_id, text) for line_kind, position_id, text in lines if line_kind == kind]
        if not entries:
            continue
        heading = f"{CHANGE_SIGNS[kind]} {CHANGE_LABELS[kind].in_(lang)} ({len(entries)})"
        rows.append([para(typeset(heading, lang), cells["head"]), "", ""])
        start = len(rows)
        style.add("SPAN", (0, start - 1), (-1, start - 1))
        style.add("BACKGROUND", (0, start - 1), (-1, start - 1), _tint(palette.CHANGE_COLOURS[kind]))
        rows += [[CHANGE_SIGNS[kind], position_id, para(typeset(text, lang), cells["cell"])]
                 for position_id, text in entries]
        # The sign's cells in the kind's colour and bold, in the arrow font for an arrow.
        sign_font = fonts.ARROW_BOLD if CHANGE_SIGNS[kind] == fonts.ARROW_CHAR else fonts.BOLD
        style.add("FONT", (0, start), (0, start + len(entries) - 1), sign_font, CELL_PT + 1.0)
        style.add("TEXTCOLOR", (0, start), (0, start + len(entries) - 1), HexColor(palette.CHANGE_COLOURS[kind]))
    id_width = min(max(fonts.text_width(position_id, fonts.REGULAR, CELL_PT) for _, position_id, _ in lines) + 8.0,
                   width * 0.25)
    table = Table(rows, colWidths=[16.0, id_width, width - 16.0 - id_width], repeatRows=1, hAlign="LEFT")
    table.setStyle(style)
    return [*parts, table, *_other_changes(diff, lang, width)]


def _other_changes(diff: ScenarioDiff, lang: Lang, width: float) -> list[Flowable]:
    """Parameters, agencies' own data, ensembles and dotted or contract links: each can resolve or
    raise a finding that no position change explains."""
    lines = other_change_lines(diff, lang)
    if not lines:
        return []
    styles, cells = paragraph_styles(), _cell_styles()
    rows = [[para(typeset(where, lang), cells["cell"]), para(typeset(what, lang), cells["cell"])]
            for where, what in lines]
    table = Table(rows, colWidths=[width * 0.25, width * 0.75], hAlign="LEFT")
    style = grid_style()
    style.add("FONT", (0, 0), (-1, -1), fonts.REGULAR, CELL_PT)
    table.setStyle(style)
    return [Spacer(0, 8), para(f"{_word('other_changes', lang)} ({len(lines)})", styles["heading"]), table]


def _findings(diff: ScenarioDiff, lang: Lang, width: float) -> list[Flowable]:
    styles, cells = paragraph_styles(), _cell_styles()
    parts: list[Flowable] = []
    for key, findings in (("resolved", diff.resolved), ("introduced", diff.introduced)):
        parts += [CondPageBreak(_HEADING_ROOM), para(f"{_word(key, lang)} ({len(findings)})", styles["heading"])]
        if not findings:
            parts.append(para(_word("none", lang), styles["body"]))
            continue
        rows: list[list[Flowable | str]] = [[para(say(k, lang), cells["head"]) for k in ("rule", "where", "message")]]
        rows += [[f.rule, para(finding_place(f, diff, lang), cells["cell"]),
                  para(typeset(f.message.in_(lang), lang), cells["cell"])] for f in findings]
        rule_width = min(max(fonts.text_width(f.rule, fonts.REGULAR, CELL_PT) for f in findings) + 8.0, width * 0.22)
        table = Table(rows, colWidths=[rule_width, width * 0.16, width * 0.84 - rule_width], repeatRows=1,
                      hAlign="LEFT")
        style = grid_style()
        style.add("FONT", (0, 1), (-1, -1), fonts.REGULAR, CELL_PT)
        table.setStyle(style)
        parts.append(table)
    return parts


def _notices(diff: ScenarioDiff, lang: Lang, width: float) -> list[Flowable]:
    """Each notice in a box of its own, edged in the warning colour."""
    styles, cells = paragraph_styles(), _cell_styles()
    heading = para(f"{_word('notices', lang)} ({len(diff.notices)})", styles["heading"])
    if not diff.notices:
        return [CondPageBreak(_HEADING_ROOM), heading, para(_word("none", lang), styles["body"])]
    parts: list[Flowable] = [PageBreak(), heading]
    for notice in diff.notices:
        box = Table([[para(typeset(notice.message.in_(lang), lang), cells["notice"])]], colWidths=[width],
                    hAlign="LEFT")
        box.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9.5),  # Table's own default is Helvetica
            ("BACKGROUND", (0, 0), (-1, -1), _tint(_NOTICE_COLOUR, 0.1)),
            ("LINEBEFORE", (0, 0), (0, -1), 3.0, HexColor(_NOTICE_COLOUR)),
            ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))
        parts += [box, Spacer(0, 6)]
    return parts
