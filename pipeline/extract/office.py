"""Older word-processor files (.doc, .rtf, .odt), converted to .docx by LibreOffice and read.

LibreOffice is the one external program here: found once, run headless without a shell, with a
timeout and a throw-away user profile (a shared profile makes parallel conversions fail and
leaves lock files behind). It is not part of protokoll's set-up; without it these files are
recorded as failed with a message that says how to install it.
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
from pipeline.records import Page

OFFICE_TIMEOUT_S = 120
OFFICE_PROGRAMS = ("soffice", "libreoffice")
INSTALL_HINT = (
    "install LibreOffice Writer to read .doc, .rtf and .odt files: "
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
    try:
        binary = office_binary()
    except MissingDependency as exc:
        raise MissingDependency(exc.message, path=str(path), hint=exc.hint) from exc
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
        os.killpg(process.pid, signal.SIGKILL)
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
