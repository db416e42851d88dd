"""The colours of the chart, shared by the canvas and the PDF so that both read the same.

Family colours follow the Okabe–Ito palette, distinguishable with the common colour-vision
deficiencies; every card also names its role, so colour is never the only cue.
"""

from __future__ import annotations

from typing import Final

FAMILY_COLOURS: Final = {
    "management": "#1f4e79",
    "site": "#2e7d32",
    "tenancy": "#e69f00",
    "social": "#cc79a7",
    "reception": "#56b4e9",
    "technical": "#d55e00",
    "external": "#7a7a7a",
    "": "#9e9e9e",
}

SEVERITY_COLOURS: Final = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}

LINK_COLOURS: Final = {"line": "#455a64", "dotted": "#455a64", "contract": "#7a7a7a"}

CARD_FILL: Final = "#ffffff"
CARD_TEXT: Final = "#212121"
CARD_MUTED_TEXT: Final = "#616161"
SELECTION: Final = "#1976d2"
DROP_TARGET: Final = "#2e7d32"
HEADER_BORDER: Final = "#90a4ae"
MODEL_MATCH: Final = "#2e7d32"
MODEL_MISMATCH: Final = "#ef6c00"
MODEL_NEUTRAL: Final = "#607d8b"
HEADER_FILL: Final = "#eceff1"
CANVAS_BACKGROUND: Final = "#f7f8fa"

# A comparison's kinds of change: a halo round the card and a tag with the kind's sign
# (io/diff_output.CHANGE_SIGNS), so that colour is never the only cue here either.
CHANGE_COLOURS: Final = {"added": "#009e73", "removed": "#b71c1c", "moved": "#0072b2", "changed": "#8e24aa"}
GHOST_OPACITY: Final = 0.45  # a position the shown scenario does not have, drawn where it was
