"""`protokoll serve`: a local, read-only web view of the archive on Datasette.

The DuckDB database is copied into a SQLite mirror (`FILE.view.sqlite`, see `mirror.py`) that
Datasette browses with facets, canned queries and its JSON API; a plugin (`plugin.py`) adds the
pages Datasette lacks: a meeting, a person, a body, search, ingest errors and the review of
people and doubtful documents, each fact next to the page image it was read from.
"""
