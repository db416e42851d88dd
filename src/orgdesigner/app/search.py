"""Find positions by what users remember of them: a name, a title, a role, typed the lazy way.

Users type without accents, capitals or ligatures (« etienne », « gardien », « coeur ») while the chart
holds « Étienne », « Gardienne », « Cœur »; a search that missed those would look broken. Matching is
on folded text, and each word typed may be found in a different field, so that « gardien paul » finds
Paul the caretaker. Qt-free, so the search bar is a thin view over a function tested on its own.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from orgdesigner.model.catalogue import ROLES
from orgdesigner.model.chart import Chart
from orgdesigner.model.labels import Lang

# Letters that Unicode does not decompose, so that stripping accents leaves them alone, and the
# typographic apostrophe that word processors put where users type a straight one.
_SPELLED_OUT: Final = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "’": "'", "ʼ": "'"})


def fold(text: str) -> str:
    """`text` as compared by the search: lower case, no accents, ligatures spelt out, the
    typographic apostrophe straight, non-breaking spaces plain."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPELLED_OUT))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def find_positions(chart: Chart, text: str, lang: Lang) -> list[str]:
    """The ids, in document order, of the positions where every word of `text` occurs in the
    holder, the title shown in `lang` or the role's label in either language. Blank text finds
    nothing (rather than everything), so that an emptied field selects nothing."""
    words = fold(text).split()
    if not words:
        return []
    role_labels = {code: fold(f"{role.label.fr}\n{role.label.en}") for code, role in ROLES.items()}
    found: list[str] = []
    for position in chart.positions():
        haystack = "\n".join((fold(position.holder or ""), fold(position.display_title(lang)),
                              role_labels[position.role]))
        if all(word in haystack for word in words):
            found.append(position.id)
    return found
