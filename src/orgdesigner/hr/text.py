"""How the importer compares words written by HR systems and by people: headers, job titles, names.

Exports differ in capitals, accents, apostrophes and punctuation (« Taux d'activité », « TAUX
D ACTIVITE », « Chargé(e) de clientèle »); comparing raw text would make a file fail for a detail
nobody sees. Both sides are reduced to lower-case unaccented words before they are compared.
"""

from __future__ import annotations

import re
from typing import Final

from orgdesigner.app.search import fold

# French inclusive spellings add a feminine ending to a masculine title: « chargé(e) », « chargé·e »,
# « chargé.e », « chargé-e », « hôte(sse) ». After a dot or a hyphen, only an ending that closes the
# word counts, so that a place « Bois-le-Roi » keeps its « le ».
_ENDINGS: Final = "(?:e|ne|le|se|ere|sse)"
_INCLUSIVE: Final = re.compile(rf"\({_ENDINGS}\)|·{_ENDINGS}\b|[.-]{_ENDINGS}(?=[\s,;/)]|$)")
_PUNCTUATION: Final = re.compile(r"[^0-9a-z+]+")


def words(text: str) -> str:
    """`text` folded to its words, one space apart; « + » is kept, unspaced, for « N+1 » and « N + 1 »."""
    return _PUNCTUATION.sub(" ", _INCLUSIVE.sub("", fold(text))).strip().replace(" +", "+").replace("+ ", "+")
