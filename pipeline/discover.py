"""Walk an archive, hash each file's content and tell what kind of document it is."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.errors import EmptyFile, FormatMismatch, InputError, UnsupportedFormat
from pipeline.records import SourceFile, SourceFormat

FORMAT_BY_SUFFIX: dict[str, SourceFormat] = {
    ".pdf": SourceFormat.PDF,
    ".txt": SourceFormat.TXT,
    ".text": SourceFormat.TXT,
    ".png": SourceFormat.IMAGE,
    ".jpg": SourceFormat.IMAGE,
    ".jpeg": SourceFormat.IMAGE,
    ".tif": SourceFormat.IMAGE,
    ".tiff": SourceFormat.IMAGE,
}

# Leading bytes of each binary format, to catch an HTML page or a Word file saved as ".pdf".
MAGIC_BY_SUFFIX: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
}
PDF_HEADER_SEARCH_BYTES = 1024  # PDF readers accept the header anywhere in the first KiB
HASH_CHUNK_BYTES = 1 << 20


def walk(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield every file under `paths` in a stable order, skipping hidden files and folders."""
    for root in paths:
        if root.is_dir():
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if not name.startswith("."):
                        yield Path(dirpath) / name
        else:
            yield root


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def identify(path: Path) -> SourceFile:
    """Hash `path` and name its format, or raise an `InputError` that says why it cannot be read."""
    suffix = path.suffix.lower()
    source_format = FORMAT_BY_SUFFIX.get(suffix)
    if source_format is None:
        supported = ", ".join(sorted(FORMAT_BY_SUFFIX))
        raise UnsupportedFormat(
            f"unsupported file type {suffix or '(no extension)'!r}",
            path=str(path),
            hint=f"protokoll reads {supported}",
        )
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(PDF_HEADER_SEARCH_BYTES)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", path=str(path)) from exc
    if size == 0:
        raise EmptyFile("the file is empty (0 bytes)", path=str(path))
    magics = MAGIC_BY_SUFFIX.get(suffix)
    if magics is not None and not _has_magic(head, suffix, magics):
        raise FormatMismatch(
            f"the content is not {source_format.value.upper()} although the name ends in {suffix}",
            path=str(path),
            hint="check the file; it may be a web page or another format saved under this name",
        )
    return SourceFile(str(path), sha256_of(path), source_format, size)


def _has_magic(head: bytes, suffix: str, magics: tuple[bytes, ...]) -> bool:
    if suffix == ".pdf":
        return any(m in head for m in magics)
    return any(head.startswith(m) for m in magics)
