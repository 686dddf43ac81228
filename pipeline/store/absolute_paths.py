"""Schema version 5: paths stored before it become absolute, as every run stores them now.

A run before version 5 stored each path as given on its command line, so a relative path meant
"from the folder the run started in". The run that upgrades the database most likely starts in
that folder too (a cron job's or a script's), so a relative path whose file is found from there
is made absolute; one not found stays as it was (a later `--prune` forgets it, as before). Their
`root` and `relative_path` stay NULL: which root a run was given is not recorded.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

# Every table whose rows name a file of the archive by its path.
PATH_TABLES = ("files", "documents", "ingest_errors")


def make_paths_absolute(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite the relative paths whose files are found from the current folder."""
    found: dict[str, str] = {}
    for table in PATH_TABLES:
        for (path,) in con.execute(f"SELECT DISTINCT path FROM {table}").fetchall():
            absolute = _absolute(path)
            if absolute is not None:
                found[path] = absolute
    if not found:
        return
    moves = [[old, new] for old, new in sorted(found.items())]
    # files.path is its key: a row is moved by deleting and inserting it (DuckDB does not update
    # a key column in place), and a row already held at the absolute path wins
    con.execute("CREATE TEMP TABLE path_moves (old VARCHAR, new VARCHAR)")
    try:
        con.executemany("INSERT INTO path_moves VALUES (?, ?)", moves)
        con.execute(
            "INSERT OR IGNORE INTO files (path, sha256, size_bytes, run_id) "
            "SELECT m.new, f.sha256, f.size_bytes, f.run_id FROM files f "
            "JOIN path_moves m ON f.path = m.old"
        )
        con.execute("DELETE FROM files WHERE path IN (SELECT old FROM path_moves)")
        for table in ("documents", "ingest_errors"):
            con.execute(
                f"UPDATE {table} SET path = m.new FROM path_moves m WHERE {table}.path = m.old"
            )
    finally:
        con.execute("DROP TABLE path_moves")


def _absolute(path: str) -> str | None:
    """The absolute form of a relative path whose file exists from here; None otherwise."""
    given = Path(path)
    if given.is_absolute() or not given.exists():
        return None
    return str(given.parent.resolve() / given.name)
