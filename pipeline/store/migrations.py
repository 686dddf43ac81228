"""The schema's versions: what each adds to a database made by the one before, applied on open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from importlib.resources import files

import duckdb

from pipeline.store.absolute_paths import make_paths_absolute

SCHEMA_VERSION = 9


def _rebuilt(table: str, not_null: tuple[str, ...]) -> tuple[str, ...]:
    """Statements that copy `table` as it is, columns added by migrations too, without keys."""
    return (
        f"CREATE TABLE {table}_v8 AS SELECT * FROM {table}",
        *(f"ALTER TABLE {table}_v8 ALTER COLUMN {c} SET NOT NULL" for c in not_null),
        f"DROP TABLE {table}",
        f"ALTER TABLE {table}_v8 RENAME TO {table}",
    )


# What each version adds to a database made by the one before (new tables come from schema.sql).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: ("ALTER TABLE ingest_errors ADD COLUMN IF NOT EXISTS run_id INTEGER",),
    # documents loaded before version 3 keep NULL: nothing weighed them
    3: ("ALTER TABLE documents ADD COLUMN IF NOT EXISTS confidence DOUBLE",),
    # attendance rows and sections loaded before version 4 keep NULL: nothing read these
    4: (
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS party VARCHAR",
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS sections_present VARCHAR",
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS time_present VARCHAR",
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS substitute_for VARCHAR",
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS inferred BOOLEAN",
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS role_ambiguous BOOLEAN",
        "ALTER TABLE sections ADD COLUMN IF NOT EXISTS from_toc BOOLEAN",
    ),
    # files and documents loaded before version 5 keep NULL root and relative_path (which root
    # a run was given is not known); their paths are made absolute by MIGRATION_STEPS[5]
    5: (
        "ALTER TABLE ingest_runs ADD COLUMN IF NOT EXISTS pruned_paths VARCHAR[]",
        "ALTER TABLE files ADD COLUMN IF NOT EXISTS root VARCHAR",
        "ALTER TABLE files ADD COLUMN IF NOT EXISTS relative_path VARCHAR",
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS root VARCHAR",
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS relative_path VARCHAR",
    ),
    # a file's name as the file system holds it (may not be UTF-8); NULL for rows loaded before
    6: (
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS path_bytes BLOB",
        "ALTER TABLE files ADD COLUMN IF NOT EXISTS path_bytes BLOB",
    ),
    # rows loaded before version 7 keep NULL: the link to the replaced member's row is new
    7: (
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS substitute_for_listed VARCHAR",
        "ALTER TABLE meetings ADD COLUMN IF NOT EXISTS adjusted_on DATE",
        "ALTER TABLE meetings ADD COLUMN IF NOT EXISTS posted_on DATE",
        "ALTER TABLE meetings ADD COLUMN IF NOT EXISTS taken_down_on DATE",
        "ALTER TABLE meetings ADD COLUMN IF NOT EXISTS appeal_deadline DATE",
        "ALTER TABLE decisions ADD COLUMN IF NOT EXISTS detail VARCHAR",
    ),
    # pages and sections lose their primary keys: DuckDB writes a table's whole key index at
    # every checkpoint, and the writer checkpoints at every flush, so each flush cost more as
    # the archive grew. DuckDB cannot drop a key: the tables are copied without one.
    8: (
        *_rebuilt("pages", ("sha256", "page", "method", "seconds", "chars", "rotation_deg")),
        *_rebuilt("sections", ("meeting_id", "ordinal", "number", "title", "page", "text")),
    ),
    # sections loaded before version 9 keep NULL: their clock times were not read
    9: (
        "ALTER TABLE sections ADD COLUMN IF NOT EXISTS started_at VARCHAR",
        "ALTER TABLE sections ADD COLUMN IF NOT EXISTS starts_not_before VARCHAR",
    ),
}
# What a version needs beyond SQL statements, run after them.
MIGRATION_STEPS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    5: make_paths_absolute,
}


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables, bring an older database up to date, and (re)create the views."""
    store = files("pipeline.store")
    row = _applied_version(con)
    con.execute(store.joinpath("schema.sql").read_text(encoding="utf-8"))
    if row is not None:
        for version in range(row + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS.get(version, ()):
                con.execute(statement)
            if version in MIGRATION_STEPS:
                MIGRATION_STEPS[version](con)
    con.execute(store.joinpath("views.sql").read_text(encoding="utf-8"))
    if row is None or row < SCHEMA_VERSION:
        con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [SCHEMA_VERSION, _now()])


def _applied_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version of an existing database, None for a new one."""
    exists = con.execute(
        "SELECT 1 FROM duckdb_tables() WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if exists is None:
        return None
    row = con.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
