"""Importing HR extracts (CSV files and Excel workbooks from an HR information system) as scenarios,
and exporting scenarios back to them.

Qt-free, so that the command line and the app's dialog share one importer, tested on its own.
"""
