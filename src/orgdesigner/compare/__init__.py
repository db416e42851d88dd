"""Two scenarios side by side: what changed in the chart, and what it does to the reference models."""
