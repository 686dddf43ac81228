"""Older word-processor files (.doc, .rtf, .odt): .doc by antiword, the rest by LibreOffice.

A .doc file is read by antiword (worddoc), which scripts/install-system-deps.sh installs. What
it cannot read (.rtf, .odt, a .doc that is really RTF or too short for antiword) is converted to
.docx by LibreOffice and read: found once, run headless without a shell, with a timeout and a
throw-away user profile (a shared profile makes parallel conversions fail and leaves lock files
behind). LibreOffice is not part of protokoll's set-up; without it those files are recorded as
failed with a message that says how to install it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from pipeline.errors import CorruptFile, ExtractionError, MissingDependency
from pipeline.extract.docx import read_docx
from pipeline.extract.worddoc import CannotRead, antiword_binary, read_doc
from pipeline.limits import check_archive
from pipeline.records import Page

OFFICE_TIMEOUT_S = 120
OFFICE_PROGRAMS = ("soffice", "libreoffice")
INSTALL_HINT = (
    "install LibreOffice Writer to read .rtf and .odt files: "
    "apt-get install libreoffice-writer-nogui (or save the files as .docx)"
)
DOC_INSTALL_HINT = (
    "install antiword to read Word 97–2003 .doc files: apt-get install antiword "
    "(or run scripts/install-system-deps.sh); LibreOffice Writer reads them too: "
    "apt-get install libreoffice-writer-nogui (or save the files as .docx)"
)


@cache
def office_binary() -> str:
    """Find LibreOffice once per process, or say how to install it."""
    for name in OFFICE_PROGRAMS:
        found = shutil.which(name)
        if found is not None:
            return found
    raise MissingDependency("LibreOffice (soffice) is not installed", hint=INSTALL_HINT)


def extract_office(path: Path) -> tuple[Page, ...]:
    is_doc = path.suffix.lower() == ".doc"
    check_archive(path, kind="document", source=str(path))  # .odt is a zip of XML too
    unread = None  # why antiword did not read a .doc file
    antiword = antiword_binary() if is_doc else None
    if antiword is not None:
        try:
            return read_doc(antiword, path)
        except CannotRead as exc:
            unread = str(exc)
    try:
        binary = office_binary()
    except MissingDependency as exc:
        if unread is not None:
            raise MissingDependency(
                f"antiword cannot read the file ({unread}) and LibreOffice is not installed",
                path=str(path),
                hint=INSTALL_HINT,
            ) from exc
        hint = DOC_INSTALL_HINT if is_doc else exc.hint
        message = "neither antiword nor LibreOffice is installed" if is_doc else exc.message
        raise MissingDependency(message, path=str(path), hint=hint) from exc
    with tempfile.TemporaryDirectory(prefix="protokoll-office-") as work:
        converted = convert_to_docx(binary, path, Path(work))
        return read_docx(converted, source=str(path))


def convert_to_docx(
    binary: str, path: Path, work: Path, *, timeout_s: float = OFFICE_TIMEOUT_S
) -> Path:
    """Run LibreOffice headless on `path`; the .docx it writes lands in `work`."""
    command = [
        binary,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(work),
        str(path.resolve()),
    ]
    # Its own process group, so that a timeout ends soffice.bin too, not only the launcher.
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _, stderr = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired as exc:
        _kill_group(process)
        process.communicate()
        raise ExtractionError(
            f"LibreOffice did not finish converting the file within {timeout_s:g} s",
            path=str(path),
            hint="open it in LibreOffice or Word and save it as .docx",
        ) from exc
    converted = work / f"{path.stem}.docx"
    if process.returncode != 0 or not converted.is_file():
        reason = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        if "could not be loaded" in reason[0]:  # how LibreOffice says it cannot read the file
            raise CorruptFile(
                f"LibreOffice cannot read the file ({reason[0]})",
                path=str(path),
                hint="the file may be damaged; open it and save it as .docx",
            )
        raise ExtractionError(
            f"LibreOffice could not convert the file (exit {process.returncode}: {reason[0]})",
            path=str(path),
            hint="the file may be damaged or password-protected; open it and save it as .docx",
        )
    return converted


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """End soffice and what it started: its process group on POSIX, the process on Windows
    (which has neither process groups nor SIGKILL)."""
    if hasattr(os, "killpg"):
        os.killpg(process.pid, signal.SIGKILL)
    else:
        process.kill()
