"""The PDF's fonts: Bitstream Vera, the TrueType family reportlab ships in its own package.

Embedding it (as subsets) makes every PDF look the same on every machine and covers French
(é è ê à ù ç œ Œ « » ’ €, the no-break space); the base-14 fonts would be neither embedded nor
sure to print œ or €. No font file is added to the repository: reportlab's installation holds it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR: Final = "OrgVera"
BOLD: Final = "OrgVera-Bold"
ITALIC: Final = "OrgVera-Italic"
BOLD_ITALIC: Final = "OrgVera-BoldItalic"
_FILES: Final = {REGULAR: "Vera.ttf", BOLD: "VeraBd.ttf", ITALIC: "VeraIt.ttf", BOLD_ITALIC: "VeraBI.ttf"}


def register_fonts() -> None:
    """Registers the family once per process, and its bold and italic faces for Paragraph's <b>/<i>."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    folder = Path(reportlab.__file__).resolve().parent / "fonts"
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)


def text_width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))


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
