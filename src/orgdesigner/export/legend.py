"""The legend: what the colours, lines, outlines and marks of the chart pages mean, drawn with the
same colours, line kinds, marks and accents as the chart itself."""

from __future__ import annotations

from typing import Final

from reportlab.lib.colors import HexColor, white
from reportlab.platypus import Flowable

from orgdesigner import palette
from orgdesigner.compare.positions import CHANGE_KINDS, ChangeKind
from orgdesigner.export import fonts
from orgdesigner.export.chart_pdf import LINK_STYLES, faded, halo, pill
from orgdesigner.export.wording import colon, say, upper_first
from orgdesigner.io.diff_output import CHANGE_LABELS, CHANGE_SIGNS
from orgdesigner.model.catalogue import FAMILIES, LINK_TYPES
from orgdesigner.model.labels import Lang
from orgdesigner.rules.findings import SEVERITIES

_ROW: Final = 13.0
_TEXT: Final = 8.0
_SAMPLE: Final = 22.0


class Legend(Flowable):
    """Two columns: the job families; then line kinds, vacancy, severity marks and a comparison's
    kinds of change. What a mark's number, a header's badges and a tag's signs mean follows as text
    (pdf_document, comparison_pdf), which can wrap."""

    def __init__(self, lang: Lang, *, marks: bool, changes: bool = False) -> None:
        super().__init__()
        self._lang = lang
        self._marks = marks
        self._changes = changes

    def _left_rows(self) -> float:
        return 1 + len(FAMILIES)

    def _right_rows(self) -> float:
        return (1 + len(LINK_TYPES) + 1 + (1.2 + len(SEVERITIES) if self._marks else 0)
                + (1.2 + len(CHANGE_KINDS) if self._changes else 0))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = _ROW * (max(self._left_rows(), self._right_rows()) + 1.6)
        return self.width, self.height

    def draw(self) -> None:
        canvas, lang = self.canv, self._lang
        top = self.height - _ROW
        canvas.setFillColor(HexColor(palette.CARD_TEXT))
        canvas.setFont(fonts.BOLD, 11.0)
        canvas.drawString(0, top, say("legend", lang))
        column = self.width / 2
        y = top - _ROW * 1.4
        self._heading(0, y, say("families", lang))
        for code, label in FAMILIES.items():
            y -= _ROW
            canvas.setFillColor(HexColor(palette.FAMILY_COLOURS[code]))
            canvas.roundRect(0, y - 1.0, _SAMPLE, 8.0, 2.0, stroke=0, fill=1)
            self._text(_SAMPLE + 6.0, y, label.in_(lang))
        y = top - _ROW * 1.4
        self._heading(column, y, say("lines", lang))
        for code, label in LINK_TYPES.items():
            y -= _ROW
            width, dash = LINK_STYLES[code]
            canvas.setStrokeColor(HexColor(palette.LINK_COLOURS[code]))
            canvas.setLineWidth(width)
            canvas.setDash(list(dash) if dash else [])
            canvas.line(column, y + 3.0, column + _SAMPLE, y + 3.0)
            canvas.setDash([])
            self._text(column + _SAMPLE + 6.0, y, label.in_(lang))
        y -= _ROW
        canvas.setStrokeColor(HexColor(palette.CARD_MUTED_TEXT))
        canvas.setLineWidth(0.7)
        canvas.setDash([3.0, 2.0])
        canvas.setFillColor(white)
        canvas.roundRect(column, y - 1.0, _SAMPLE, 9.0, 2.0, stroke=1, fill=1)
        canvas.setDash([])
        self._text(column + _SAMPLE + 6.0, y, say("vacancy", lang))
        if self._marks:
            y -= _ROW * 1.2
            self._heading(column, y, say("marks", lang))
            for number, severity in enumerate(SEVERITIES, start=1):
                y -= _ROW
                canvas.setFillColor(HexColor(palette.SEVERITY_COLOURS[severity]))
                canvas.circle(column + _SAMPLE / 2, y + 3.0, 5.5, stroke=0, fill=1)
                canvas.setFillColor(white)
                canvas.setFont(fonts.BOLD, 7.0)
                canvas.drawCentredString(column + _SAMPLE / 2, y + 0.6, str(number))
                self._text(column + _SAMPLE + 6.0, y, upper_first(say(severity, lang)))
        if self._changes:
            y -= _ROW * 1.2
            self._heading(column, y, say("change_kinds", lang))
            for kind in CHANGE_KINDS:
                y -= _ROW
                self._change(column, y, kind)

    def _change(self, x: float, y: float, kind: ChangeKind) -> None:
        """A blank card with the kind's outline (a removed post: faded, dashed), its tag, its words."""
        canvas, lang = self.canv, self._lang
        ghost = kind == "removed"
        colour = palette.CHANGE_COLOURS[kind]
        outline = HexColor(palette.CARD_MUTED_TEXT)
        canvas.setStrokeColor(faded(outline) if ghost else outline)
        canvas.setFillColor(white)
        canvas.setLineWidth(0.5)
        canvas.roundRect(x, y - 1.0, _SAMPLE, 9.0, 2.0, stroke=1, fill=1)
        halo(canvas, x, y - 1.0, _SAMPLE, 9.0, 2.0, colour, gap=1.0, line=1.2, dashed=ghost)
        pill(canvas, x + _SAMPLE + 10.0, y + 3.5, CHANGE_SIGNS[kind], colour, size=_TEXT, height=11.0)
        words = CHANGE_LABELS[kind].in_(lang)
        if ghost:
            words += colon(lang) + say("ghost", lang)
        self._text(x + _SAMPLE + 20.0, y, words)

    def _heading(self, x: float, y: float, text: str) -> None:
        self.canv.setFillColor(HexColor(palette.CARD_TEXT))
        self.canv.setFont(fonts.BOLD, _TEXT)
        self.canv.drawString(x, y, fonts.elided(text, fonts.BOLD, _TEXT, self.width - x))

    def _text(self, x: float, y: float, text: str) -> None:
        self.canv.setFillColor(HexColor(palette.CARD_TEXT))
        self.canv.setFont(fonts.REGULAR, _TEXT)
        self.canv.drawString(x, y, fonts.elided(text, fonts.REGULAR, _TEXT, self.width - x))
