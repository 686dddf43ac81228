"""Answers for analysts: queries that return DataFrames, search, export and plots.

The command line (`pipeline/cli/analysis.py`) and the notebooks call the same functions.
"""
