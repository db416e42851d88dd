"""The annotated PDF of a scenario: pagination (pure geometry, for the export and the app's preview),
fonts, the chart drawn as vectors, and the document around it. No Qt here (import-linter contract);
reportlab only in the modules that draw, so that planning pages imports none of it.
"""
