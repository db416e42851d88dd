"""Cell values as French and English spreadsheets write them."""

from __future__ import annotations

import re
from typing import Final

# « 0.8 », « 0,8 », « 80 % », « 80% », « 80 »; a sign is read so that « -0.5 » is said out of range.
_FTE: Final = re.compile(r"([-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*(%?)")
# A bare number from here to 100 is a percentage; between 1 and here it is nothing an FTE can be.
_BARE_PERCENT_FROM: Final = 10


class ValueProblem(ValueError):
    """Why a cell cannot be used, in both languages."""

    def __init__(self, fr: str, en: str) -> None:
        super().__init__(en)
        self.fr, self.en = fr, en


def parse_fte(text: str) -> float:
    """An FTE in (0, 1]. A bare number from 10 to 100 is read as a percentage: HR columns of « taux
    d'activité » hold 80 or 50 without the % sign, and no one works 80 full-time equivalents (a
    column of weekly hours, 35, would be read as 35 % too: « Temps de travail » is not an FTE header
    for that reason). A bare number above 1 and under 10 is refused rather than guessed: 1.5 is
    neither a fraction nor a plausible percentage, and reading it as 1.5 % would be silently wrong."""
    match = _FTE.fullmatch(text.strip().replace("\u00a0", " ").replace("\u202f", " "))
    if match is None:
        raise ValueProblem(f"{text!r} n'est pas un ETP lisible (0,8, 0.8 ou 80 %)",
                           f"{text!r} is not a readable FTE (0.8, 0,8 or 80 %)")
    value = float(match.group(1).replace(",", "."))
    if match.group(2) or _BARE_PERCENT_FROM <= value <= 100:
        value /= 100
    if not 0 < value <= 1:
        raise ValueProblem(f"{text!r} : ETP hors limites ; donnez-le entre 0 et 1 (0,8) ou en pourcentage (80 %)",
                           f"{text!r}: FTE out of range; give it between 0 and 1 (0.8) or as a percentage (80 %)")
    return round(value, 6)
