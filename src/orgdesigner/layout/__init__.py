"""Pure layout functions, ids → coordinates: the tidy tree and the chart's arrangement of it."""

from orgdesigner.layout.chart_layout import layout_agency, layout_chart
from orgdesigner.layout.tidy import TidyError, tidy_tree

__all__ = ["TidyError", "layout_agency", "layout_chart", "tidy_tree"]
