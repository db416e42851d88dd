"""Importing HR extracts (CSV files from an HR information system) as scenarios.

Qt-free, so that the command line and the app's dialog share one importer, tested on its own.
"""
