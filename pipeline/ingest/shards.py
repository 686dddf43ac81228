"""Shards: what reading one document gave, in a Parquet file of its own named by its content hash.

`protokoll read` writes them on any machine, `protokoll load` puts them into the database. A
shard holds one row: the file's facts and either the Minutes (JSON of the record dataclasses)
or the failure (stage, error type, reason). Each read also writes a survey of every file found
under its paths (`survey-<key of the paths>.parquet`, so that reads of other paths into the
same folder keep theirs). Every file here is written to a temporary name and renamed into
place, so a file under its own name is whole, whenever the writer was killed.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from pydantic import TypeAdapter

import pipeline
from pipeline.errors import DatabaseError
from pipeline.ingest.plan import Survey
from pipeline.ingest.report import Failure
from pipeline.records import Minutes, SourceFile, SourceFormat

SHARD_FORMAT = "1"  # the layout below; a folder written in another layout is refused
SURVEY_GLOB = "survey-*.parquet"  # one for each set of paths read into the folder
META_FORMAT = b"protokoll.shard_format"
META_ROOTS = b"protokoll.roots"  # as given to `protokoll read`
META_ABSOLUTE = b"protokoll.roots_absolute"  # the same, absolute on the machine that read
META_VERSION = b"protokoll.version"
READ, FAILED = "read", "failed"

SHARD_SCHEMA = pa.schema(
    [
        ("sha256", pa.string()),
        ("path", pa.string()),  # the file it was read from (another may hold the same content)
        ("format", pa.string()),
        ("size_bytes", pa.int64()),
        ("status", pa.string()),  # read | failed
        ("minutes", pa.large_string()),  # JSON of pipeline.records.Minutes, when read
        ("pages", pa.int32()),
        ("ocr_pages", pa.int32()),
        ("stage", pa.string()),  # when failed: where, what and why
        ("error_type", pa.string()),
        ("message", pa.string()),
        ("read_at", pa.timestamp("ms")),
    ]
)
SURVEY_SCHEMA = pa.schema(
    [
        ("path", pa.string()),
        ("sha256", pa.string()),  # null when the file could not even be identified
        ("format", pa.string()),
        ("size_bytes", pa.int64()),
        ("root", pa.string()),  # the folder read, and the path relative to it
        ("relative_path", pa.string()),
        ("stage", pa.string()),
        ("error_type", pa.string()),
        ("message", pa.string()),
        ("path_bytes", pa.binary()),  # the name as the file system holds it (may not be UTF-8)
    ]
)


@cache
def _minutes_json() -> TypeAdapter[Minutes]:
    return TypeAdapter(Minutes)


def shard_path(folder: Path, sha256: str) -> Path:
    """`folder/ab/abcd….parquet`: 256 subfolders, so that none grows to a million entries."""
    return folder / sha256[:2] / f"{sha256}.parquet"


def write_shard(folder: Path, source: SourceFile, result: Minutes | Failure) -> Path:
    """Write what reading `source` gave, whole or not at all."""
    row: dict[str, object] = {
        "sha256": source.sha256,
        "path": source.path,
        "format": str(source.format),
        "size_bytes": source.size_bytes,
        "read_at": datetime.now(UTC).replace(tzinfo=None),
    }
    if isinstance(result, Failure):
        row |= {
            "status": FAILED,
            "stage": result.stage,
            "error_type": result.error_type,
            "message": result.message,
        }
    else:
        row |= {
            "status": READ,
            "minutes": _minutes_json().dump_json(result).decode("utf-8"),
            "pages": len(result.pages),
            "ocr_pages": len(result.ocr_pages),
        }
    table = pa.Table.from_pylist([row], schema=_with_meta(SHARD_SCHEMA))
    path = shard_path(folder, source.sha256)
    _write_atomically(table, path)
    return path


def holds_failure(path: Path) -> bool:
    """Whether the shard at `path` records a reading that failed (its status column alone)."""
    return bool(pq.read_table(path, columns=["status"]).column("status")[0].as_py() == FAILED)


def read_shards(folder: Path, sources: Sequence[SourceFile]) -> dict[str, Minutes | Failure]:
    """The shards of `sources` read in one pass, by path: each as if read from its own file."""
    paths = list(dict.fromkeys(str(shard_path(folder, s.sha256)) for s in sources))
    if not paths:
        return {}
    table = ds.dataset(paths, schema=SHARD_SCHEMA, format="parquet").to_table()
    rows = {r["sha256"]: r for r in table.to_pylist()}
    return {s.path: _result(rows[s.sha256], s) for s in sources if s.sha256 in rows}


def _result(row: dict[str, object], source: SourceFile) -> Minutes | Failure:
    """One shard's row as the reading stages gave it, for `source` (the same content)."""
    read_from = str(row["path"])
    if row["status"] == FAILED:
        message = str(row["message"])
        if read_from != source.path:  # the reason names the file it was read from
            message = message.replace(read_from, source.path)
        return Failure(
            source.path, source.sha256, str(row["stage"]), str(row["error_type"]), message
        )
    minutes = _minutes_json().validate_json(str(row["minutes"]))
    return minutes if minutes.source == source else replace(minutes, source=source)


@dataclass(frozen=True)
class ShardSurvey(Survey):
    """A survey written by `protokoll read`: files are gone when their roots no longer list them."""

    roots: tuple[str, ...] = ()
    listed: frozenset[str] = frozenset()  # every path surveyed, read yet or not

    def gone(self, known_paths: Iterable[str]) -> list[str]:
        return sorted(
            p for p in known_paths if p not in self.listed and any(_under(p, r) for r in self.roots)
        )


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def survey_path(folder: Path, roots: Sequence[Path]) -> Path:
    """The survey of a read of `roots`: the same paths read again replace it."""
    named = json.dumps(sorted(str(r.resolve()) for r in roots)).encode()
    return folder / SURVEY_GLOB.replace("*", hashlib.sha256(named).hexdigest()[:16])


def write_survey(folder: Path, roots: Sequence[Path], survey: Survey) -> bool:
    """Write the survey of `roots` when what it lists changed; whether it was written."""
    rows = [
        {
            "path": s.path,
            "sha256": s.sha256,
            "format": str(s.format),
            "size_bytes": s.size_bytes,
            "root": s.root,
            "relative_path": s.relative_path,
            "path_bytes": s.path_bytes,
        }
        for s in survey.sources
    ] + [
        {
            "path": f.path,
            "stage": f.stage,
            "error_type": f.error_type,
            "message": f.message,
        }
        for f in survey.unreadable
    ]
    meta = {
        META_ROOTS: json.dumps([str(r) for r in roots]).encode(),
        META_ABSOLUTE: json.dumps([str(r.resolve()) for r in roots]).encode(),
    }
    table = pa.Table.from_pylist(rows, schema=_with_meta(SURVEY_SCHEMA, meta))
    path = survey_path(folder, roots)
    if path.exists():
        before = pq.read_table(path)
        if before.equals(table) and before.schema.metadata == table.schema.metadata:
            return False
    _write_atomically(table, path)
    return True


@dataclass(frozen=True)
class Surveyed:
    """What `protokoll read` found under its roots."""

    sources: list[SourceFile]
    unreadable: list[Failure]  # files it could not even identify
    roots: list[str]  # as given
    absolute: list[str]  # resolved on the machine that read them


def read_surveys(folder: Path) -> list[Surveyed]:
    """The surveys `protokoll read` wrote in `folder`, oldest first."""
    paths = sorted(folder.glob(SURVEY_GLOB), key=lambda p: (p.stat().st_mtime_ns, p.name))
    if not paths:
        raise DatabaseError(
            f"{folder} holds no survey ({SURVEY_GLOB})",
            hint="load a folder written by `protokoll read PATH --out FOLDER`",
        )
    return [_read_survey(p) for p in paths]


def _read_survey(path: Path) -> Surveyed:
    table = pq.read_table(path)
    meta = table.schema.metadata or {}
    if meta.get(META_FORMAT) != SHARD_FORMAT.encode():
        raise DatabaseError(
            f"{path} is in shard format {meta.get(META_FORMAT, b'?').decode()}, "
            f"this protokoll reads {SHARD_FORMAT}",
            hint="read the archive again into a new folder",
        )
    sources, unreadable = [], []
    for r in table.to_pylist():
        if r["sha256"] is None:
            unreadable.append(Failure(r["path"], None, r["stage"], r["error_type"], r["message"]))
        else:
            fmt = SourceFormat(r["format"])
            sources.append(
                SourceFile(
                    r["path"],
                    r["sha256"],
                    fmt,
                    r["size_bytes"],
                    r["root"],
                    r["relative_path"],
                    r.get("path_bytes"),
                )
            )
    return Surveyed(
        sources,
        unreadable,
        json.loads(meta.get(META_ROOTS, b"[]")),
        json.loads(meta.get(META_ABSOLUTE, b"[]")),
    )


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files this machine left when killed (their writer no longer runs)."""
    host = socket.gethostname()
    for tmp in [*folder.glob(f".*.{host}.*.tmp"), *folder.glob(f"*/.*.{host}.*.tmp")]:
        pid = tmp.name.rsplit(".", 2)[-2]
        if pid.isdigit() and not _running(int(pid)):
            tmp.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill there ends the process whatever the signal
        return _running_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _running_on_windows(pid: int) -> bool:
    """Whether a process of that id still runs, asked without touching it."""
    import ctypes

    query_limited_information, still_active = 0x1000, 259
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and (
            code.value == still_active
        )
    finally:
        kernel32.CloseHandle(handle)


def _with_meta(schema: pa.Schema, extra: dict[bytes, bytes] | None = None) -> pa.Schema:
    meta = {META_FORMAT: SHARD_FORMAT.encode(), META_VERSION: pipeline.__version__.encode()}
    return schema.with_metadata(meta | (extra or {}))


def _write_atomically(table: pa.Table, path: Path) -> None:
    """Write beside `path` under a temporary name, flush to disk, and rename into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{socket.gethostname()}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as handle:
            pq.write_table(table, handle, compression="zstd")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
