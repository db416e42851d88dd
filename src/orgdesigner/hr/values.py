"""Cell values as French and English spreadsheets write them."""

from __future__ import annotations

import re
from typing import Final

# « 0.8 », « 0,8 », « 80 % », « 80% », « 80 » (a percentage, since an FTE is at most 1).
_FTE: Final = re.compile(r"(\d+(?:[.,]\d*)?|[.,]\d+)\s*(%?)")


class ValueProblem(ValueError):
    """Why a cell cannot be used, in both languages."""

    def __init__(self, fr: str, en: str) -> None:
        super().__init__(en)
        self.fr, self.en = fr, en


def parse_fte(text: str) -> float:
    """An FTE in (0, 1]. A number above 1 and at most 100 is read as a percentage: Excel columns of
    « taux d'activité » often drop the % sign, and no one works 80 full-time equivalents."""
    match = _FTE.fullmatch(text.strip().replace("\u00a0", " ").replace("\u202f", " "))
    if match is None:
        raise ValueProblem(f"{text!r} n'est pas un ETP lisible (0,8, 0.8 ou 80 %)",
                           f"{text!r} is not a readable FTE (0.8, 0,8 or 80 %)")
    value = float(match.group(1).replace(",", "."))
    if match.group(2) or 1 < value <= 100:
        value /= 100
    if not 0 < value <= 1:
        raise ValueProblem(f"{text!r} : l'ETP doit être dans ]0 ; 1] (ou ]0 ; 100] %)",
                           f"{text!r}: the FTE must be in (0, 1] (or (0, 100] %)")
    return round(value, 6)
