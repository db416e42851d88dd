"""Bilingual text: every user-visible string of the model exists in French and in English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["fr", "en"]


@dataclass(frozen=True, slots=True)
class Label:
    """A text in both working languages; French is the users' first language."""

    fr: str
    en: str

    def in_(self, lang: Lang) -> str:
        return self.fr if lang == "fr" else self.en


def number(value: float, lang: Lang) -> str:
    """A count or an FTE as a reader of that language writes it: 4 200 and 17,5 in French, 4,200 and
    17.5 in English; at most two decimals, none when whole."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "fr":
        return text.replace(",", "\u00a0").replace(".", ",")
    return text


def counted(count: int, singular: Label, plural: Label, lang: Lang) -> str:
    """"0 erreur" but "0 errors": French puts 0 and 1 in the singular, English only 1."""
    one = count <= 1 if lang == "fr" else count == 1
    return f"{count} {(singular if one else plural).in_(lang)}"


def bilingual_number(value: float) -> Label:
    return Label(number(value, "fr"), number(value, "en"))
