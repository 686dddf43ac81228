"""Walk an archive, hash each file's content and tell what kind of document it is."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.errors import (
    CorruptFile,
    EmptyFile,
    FormatMismatch,
    InputError,
    SymlinkLoop,
    UnsupportedFormat,
)
from pipeline.filenames import name_bytes, printable
from pipeline.records import SourceFile, SourceFormat

FORMAT_BY_SUFFIX: dict[str, SourceFormat] = {
    ".pdf": SourceFormat.PDF,
    ".txt": SourceFormat.TXT,
    ".text": SourceFormat.TXT,
    # Text-markup sources are text with their markup set aside: reported as txt.
    ".md": SourceFormat.TXT,
    ".markdown": SourceFormat.TXT,
    ".org": SourceFormat.TXT,
    ".tex": SourceFormat.TXT,
    ".typ": SourceFormat.TXT,
    ".docx": SourceFormat.DOCX,
    ".doc": SourceFormat.OFFICE,
    ".rtf": SourceFormat.OFFICE,
    ".odt": SourceFormat.OFFICE,
    ".png": SourceFormat.IMAGE,
    ".jpg": SourceFormat.IMAGE,
    ".jpeg": SourceFormat.IMAGE,
    ".tif": SourceFormat.IMAGE,
    ".tiff": SourceFormat.IMAGE,
}
TEXT_SUFFIXES = frozenset(s for s, f in FORMAT_BY_SUFFIX.items() if f is SourceFormat.TXT)

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 and other Compound File formats
RTF_MAGIC = b"{\\rtf"
# Leading bytes of each binary format, to catch an HTML page or a Word file saved as ".pdf".
MAGIC_BY_SUFFIX: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
    ".docx": (ZIP_MAGIC,),
    ".odt": (ZIP_MAGIC,),
    ".doc": (OLE_MAGIC, RTF_MAGIC),  # Word wrote RTF under ".doc" too; LibreOffice reads both
    ".rtf": (RTF_MAGIC,),
}
# The part a ZIP must hold to be the document its name says.
REQUIRED_ZIP_MEMBER = {".docx": "word/document.xml", ".odt": "content.xml"}
# What a text file really is when it starts like a binary document.
BINARY_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (ZIP_MAGIC, "a ZIP archive (a .docx, .odt or .xlsx?)"),
    (OLE_MAGIC, "an old Office document (.doc or .xls?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)
TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
HEAD_BYTES = 1024  # PDF readers accept the header anywhere in the first KiB
HASH_CHUNK_BYTES = 1 << 20


def walk(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield every file under `paths` in a stable order, skipping hidden files and folders."""
    for path, error in walk_reporting(paths):
        if error is None:
            yield path


def walk_reporting(paths: Iterable[Path]) -> Iterator[tuple[Path, InputError | None]]:
    """Every file under `paths` in a stable order, with the reason when a folder cannot be walked.

    Linked folders are followed, each real folder once: a link back up the tree (a symlink
    loop) is reported as such instead of being walked forever. Hidden entries are skipped.
    """
    for root in paths:
        if root.is_dir():
            yield from _walk_folder(root, set())
        elif root.is_symlink() and not root.exists():
            yield root, _broken_link(root)
        else:
            yield root, None


def _walk_folder(
    folder: Path, seen: set[tuple[int, int]]
) -> Iterator[tuple[Path, InputError | None]]:
    try:
        info = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield folder, InputError(f"cannot read the folder: {exc.strerror}", path=printable(folder))
        return
    identity = (info.st_dev, info.st_ino)
    if identity in seen:
        yield (
            folder,
            SymlinkLoop(
                "the folder is a link back to a folder above it (a symlink loop); not walked again",
                path=printable(folder),
                hint="its files are read once, under the folder it links to",
            ),
        )
        return
    seen = seen | {identity}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:  # a link to itself, or a link chain too long to follow
            yield (
                path,
                SymlinkLoop("the link cannot be followed (a symlink loop)", path=printable(path)),
            )
            continue
        if is_dir:
            yield from _walk_folder(path, seen)
        elif entry.is_symlink() and not path.exists():
            yield path, _broken_link(path)
        else:
            yield path, None


def _broken_link(path: Path) -> InputError:
    return InputError(
        "the file is a link to nothing (its target is missing)",
        path=printable(path),
        hint="restore the target or remove the link",
    )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def identify(path: Path) -> SourceFile:
    """Hash `path` and name its format, or raise an `InputError` that says why it cannot be read.

    Only the first KiB is read to check the content against the name (and, for a ZIP-based
    document, the ZIP's directory at its end), so a whole archive is checked quickly.
    """
    suffix = path.suffix.lower()
    source_format = FORMAT_BY_SUFFIX.get(suffix)
    if source_format is None:
        supported = ", ".join(sorted(FORMAT_BY_SUFFIX))
        raise UnsupportedFormat(
            f"unsupported file type {suffix or '(no extension)'!r}",
            path=printable(path),
            hint=f"protokoll reads {supported}",
        )
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the batch, a device never end
            raise InputError(
                "not a regular file (a pipe, socket or device)",
                path=printable(path),
                hint="skip it",
            )
        size = info.st_size
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SymlinkLoop(
                "the link cannot be followed (a symlink loop)", path=printable(path)
            ) from exc
        raise InputError(f"cannot read the file: {exc.strerror}", path=printable(path)) from exc
    if size == 0:
        raise EmptyFile("the file is empty (0 bytes)", path=printable(path))
    if suffix in TEXT_SUFFIXES:
        _check_text(path, head)
    magics = MAGIC_BY_SUFFIX.get(suffix)
    if magics is not None and not _has_magic(head, suffix, magics):
        raise FormatMismatch(
            f"the content is not {suffix[1:].upper()} although the name ends in {suffix}",
            path=printable(path),
            hint="check the file; it may be a web page or another format saved under this name",
        )
    if suffix in REQUIRED_ZIP_MEMBER:
        _check_zip(path, suffix, REQUIRED_ZIP_MEMBER[suffix])
    return SourceFile(
        printable(path), sha256_of(path), source_format, size, path_bytes=name_bytes(path)
    )


def _has_magic(head: bytes, suffix: str, magics: tuple[bytes, ...]) -> bool:
    if suffix == ".pdf":
        return any(m in head for m in magics)
    if suffix in {".rtf", ".doc"}:  # editors may put a BOM or a newline before "{\rtf"
        head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return any(head.startswith(m) for m in magics)


def _check_text(path: Path, head: bytes) -> None:
    """A text file must be text: a PDF or a Word file renamed to .txt is not."""
    for magic, kind in BINARY_KINDS:
        if head.startswith(magic):
            raise FormatMismatch(
                f"the content is {kind} although the name ends in {path.suffix}",
                path=printable(path),
                hint="rename the file to its real type",
            )
    if b"\x00" in head and not head.startswith(TEXT_BOMS) and not _looks_utf16(head):
        raise FormatMismatch(
            f"the content is binary (NUL bytes in the first KiB) although the name ends in "
            f"{path.suffix}",
            path=printable(path),
            hint="check the file; only text can be read under this name",
        )


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a byte-order mark: Latin text has a NUL in every other byte."""
    even, odd = head[0::2], head[1::2]
    return len(head) >= 4 and (
        (odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0)
        or (even.count(0) >= 0.9 * len(even) and odd.count(0) == 0)
    )


def _check_zip(path: Path, suffix: str, member: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise CorruptFile(
            f"the {suffix} file is damaged: its ZIP container cannot be read ({exc})",
            path=printable(path),
            hint="the file may be truncated; copy it again from its source",
        ) from exc
    if member not in names:
        raise FormatMismatch(
            f"the content is a ZIP archive without {member}, so not a {suffix} document",
            path=printable(path),
            hint="check the file; it may be another Office format saved under this name",
        )
