"""The PDF's fonts: Bitstream Vera, the TrueType family reportlab ships in its own package, and a
font of one glyph, the arrow "→", made here.

Embedding them (as subsets) makes every PDF look the same on every machine and covers French
(é è ê à ù ç œ Œ « » ’ €, the no-break space); the base-14 fonts would be neither embedded nor
sure to print œ or €. No font file is added to the repository: reportlab's installation holds Vera.
Vera has no arrow, which a comparison writes for every value that changed ("33 → 34"), in the sign
of a position that moved and in every move; a missing glyph prints as a box and reads back as
nothing. The arrow font is drawn to Vera's measures (the minus sign's stroke and width), so that it
sets in a Vera line as Vera's own would, and reads back as "→" like any other embedded character.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterable
from pathlib import Path
from typing import Final

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontMaker
from reportlab.pdfgen.canvas import Canvas

REGULAR: Final = "OrgVera"
BOLD: Final = "OrgVera-Bold"
ITALIC: Final = "OrgVera-Italic"
BOLD_ITALIC: Final = "OrgVera-BoldItalic"
ARROW: Final = "OrgArrow"
ARROW_BOLD: Final = "OrgArrow-Bold"
ARROW_CHAR: Final = "\u2192"
_FILES: Final = {REGULAR: "Vera.ttf", BOLD: "VeraBd.ttf", ITALIC: "VeraIt.ttf", BOLD_ITALIC: "VeraBI.ttf"}
_BOLD_FACES: Final = frozenset({BOLD, BOLD_ITALIC})


def register_fonts() -> None:
    """Registers the family once per process, and its bold and italic faces for Paragraph's <b>/<i>;
    the arrow font likewise, so that an arrow in bold text is bold."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    folder = Path(reportlab.__file__).resolve().parent / "fonts"
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    # Vera's minus sign: its stroke (thin in the regular face, thicker in bold) and its place.
    pdfmetrics.registerFont(TTFont(ARROW, io.BytesIO(_arrow_font(ARROW, "Regular", 557, 727))))
    pdfmetrics.registerFont(TTFont(ARROW_BOLD, io.BytesIO(_arrow_font(ARROW_BOLD, "Bold", 524, 760))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    for italic in (0, 1):  # an arrow has no italic: upright in italic text, as Vera's minus is nearly
        addMapping(ARROW, 0, italic, ARROW)
        addMapping(ARROW, 1, italic, ARROW_BOLD)


def runs(text: str, font: str) -> Iterable[tuple[str, str]]:
    """`text` cut into the pieces each font prints: its arrows in the arrow font of `font`'s weight."""
    if ARROW_CHAR not in text:
        return ((text, font),)
    arrow = ARROW_BOLD if font in _BOLD_FACES else ARROW
    pieces: list[tuple[str, str]] = []
    for i, part in enumerate(text.split(ARROW_CHAR)):
        if i:
            pieces.append((ARROW_CHAR, arrow))
        if part:
            pieces.append((part, font))
    return pieces


def markup(text: str) -> str:
    """Paragraph markup for plain text: what the user typed prints as typed, never as markup, and
    its arrows print in the arrow font."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace(ARROW_CHAR, f'<font name="{ARROW}">{ARROW_CHAR}</font>')


def draw_string(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """canvas.drawString in `font`, its arrows in the arrow font: one text object, so that a reader
    copies the line whole. The canvas is left in `font`."""
    line = canvas.beginText(x, y)
    for piece, piece_font in runs(text, font):
        line.setFont(piece_font, size)
        line.textOut(piece)
    canvas.drawText(line)
    canvas.setFont(font, size)


def text_width(text: str, font: str, size: float) -> float:
    return sum(float(pdfmetrics.stringWidth(piece, piece_font, size)) for piece, piece_font in runs(text, font))


def elided(text: str, font: str, size: float, room: float) -> str:
    """`text`, cut with an ellipsis to fit `room` points (a card is a fixed size, names are not)."""
    if text_width(text, font, size) <= room:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with its ellipsis
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + "…", font, size) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def wrapped(text: str, font: str, size: float, room: float, *, lines: int) -> list[str]:
    """`text` broken at spaces into at most `lines` lines of `room` points, the last one elided."""
    words = text.split()
    out: list[str] = []
    while words and len(out) < lines - 1:
        count = 1
        while count < len(words) and text_width(" ".join(words[:count + 1]), font, size) <= room:
            count += 1
        if count == len(words) and text_width(" ".join(words), font, size) <= room:
            break
        out.append(elided(" ".join(words[:count]), font, size, room))
        words = words[count:]
    if words:
        out.append(elided(" ".join(words), font, size, room))
    return out


# The arrow font -----------------------------------------------------------------------------------

_EM: Final = 2048  # Vera's units per em, so that its measures carry over as they are
_ADVANCE: Final = 1716  # Vera's minus and plus signs
_LEFT, _HEAD, _TIP = 170, 1010, 1546  # where the shaft starts, the head starts, the tip
_HEAD_HALF: Final = 400  # the head's half-height about the shaft's middle


def _arrow_font(ps_name: str, style: str, bottom: int, top: int) -> bytes:
    """A TrueType font whose one glyph (besides the empty .notdef) is U+2192, a shaft from `bottom`
    to `top` (font units) ending in a filled head. Deterministic: no dates, fixed tables."""
    middle = (bottom + top) // 2
    # One contour, clockwise (TrueType's outer direction), every point on the curve.
    points = ((_LEFT, bottom), (_LEFT, top), (_HEAD, top), (_HEAD, middle + _HEAD_HALF), (_TIP, middle),
              (_HEAD, middle - _HEAD_HALF), (_HEAD, bottom))
    xs, ys = [x for x, _ in points], [y for _, y in points]
    box = (min(xs), min(ys), max(xs), max(ys))
    deltas_x = [x - previous for x, previous in zip(xs, [0, *xs[:-1]], strict=True)]
    deltas_y = [y - previous for y, previous in zip(ys, [0, *ys[:-1]], strict=True)]
    glyph = (struct.pack(">h4hHH", 1, *box, len(points) - 1, 0) + bytes([0x01] * len(points))
             + struct.pack(f">{len(points)}h", *deltas_x) + struct.pack(f">{len(points)}h", *deltas_y))
    glyph += b"\0" * (len(glyph) % 2)  # the short location format counts in words
    tables = {
        "head": struct.pack(">LLLLHHqq4hHHhhh", 0x00010000, 0x00010000, 0, 0x5F0F3CF5, 0x000B, _EM, 0, 0, *box,
                            1 if style == "Bold" else 0, 8, 2, 0, 0),
        # Vera's ascent and descent, so that line spacing is Vera's.
        "hhea": struct.pack(">Lhhh" "Hhhh" "hhh" "4h" "hH", 0x00010000, 1901, -483, 0,
                            _ADVANCE, 0, _ADVANCE - _TIP, _TIP, 1, 0, 0, 0, 0, 0, 0, 0, 2),
        "maxp": struct.pack(">L14H", 0x00010000, 2, len(points), 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0),
        "hmtx": struct.pack(">4H", _ADVANCE, 0, _ADVANCE, _LEFT),
        "cmap": _cmap(ord(ARROW_CHAR)),
        "loca": struct.pack(">3H", 0, 0, len(glyph) // 2),
        "glyf": glyph,
        "name": _names({1: "OrgDesigner Arrow", 2: style, 4: f"OrgDesigner Arrow {style}", 6: ps_name}),
        "post": struct.pack(">LLhhL4L", 0x00030000, 0, -213, 143, 0, 0, 0, 0, 0),
    }
    maker = TTFontMaker()
    for tag, data in tables.items():
        maker.add(tag, data)
    return bytes(maker.makeStream())


def _cmap(code: int) -> bytes:
    """Unicode `code` to glyph 1 (format 4: the segment of that one character, then the closing one)."""
    ends, starts, deltas = (code, 0xFFFF), (code, 0xFFFF), ((1 - code) & 0xFFFF, 1)
    subtable = struct.pack(">7H", 4, 32, 0, 4, 4, 1, 0) + struct.pack(">2HH2H2H2H", *ends, 0, *starts, *deltas, 0, 0)
    return struct.pack(">HHHHL", 0, 1, 3, 1, 12) + subtable


def _names(names: dict[int, str]) -> bytes:
    """The naming table, Windows Unicode English records: reportlab reads the PostScript name (6)."""
    records, strings = b"", b""
    for name_id, text in names.items():
        encoded = text.encode("utf-16-be")
        records += struct.pack(">6H", 3, 1, 0x409, name_id, len(encoded), len(strings))
        strings += encoded
    return struct.pack(">3H", 0, len(names), 6 + len(records)) + records + strings
