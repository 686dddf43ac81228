"""protokoll: Swedish meeting minutes (protokoll) into a DuckDB database that can be questioned.

Use it as a library (each name loads what it needs when first used, so `import pipeline` is
quick and does not load spaCy):

    import pipeline

    minutes = pipeline.read_document("data/sample/rar_au_2020-03-25.pdf")
    pipeline.ingest_paths(["data/sample"], "protokoll.duckdb", jobs=2)
    with pipeline.open_database("protokoll.duckdb") as con:
        pipeline.queries.attendance(con)                # a pandas DataFrame
        pipeline.search(con, "ansökan")
        pipeline.person_history(con, "Anna Berg")
        con.sql("SELECT * FROM attendance_by_party_body_year").df()
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads it the same)

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pipeline.analysis import queries
    from pipeline.analysis.search import search
    from pipeline.api import ingest_paths, open_database, person_history, read_document
    from pipeline.ingest.report import IngestReport
    from pipeline.records import Minutes

# Public name → the module that holds it (None: the name is that module).
_LAZY = {
    "read_document": "pipeline.api",
    "ingest_paths": "pipeline.api",
    "open_database": "pipeline.api",
    "person_history": "pipeline.api",
    "search": "pipeline.analysis.search",
    "queries": None,
    "IngestReport": "pipeline.ingest.report",
    "Minutes": "pipeline.records",
}

__all__ = [
    "IngestReport",
    "Minutes",
    "__version__",
    "ingest_paths",
    "open_database",
    "person_history",
    "queries",
    "read_document",
    "search",
]


def __getattr__(name: str) -> object:
    """Import a public name on first use (PEP 562): spaCy and pandas load only when needed."""
    if name not in _LAZY:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    where = _LAZY[name]
    value = (
        importlib.import_module("pipeline.analysis.queries")
        if where is None
        else getattr(importlib.import_module(where), name)
    )
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
