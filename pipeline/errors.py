"""The project's exceptions: one base class, families by cause, each knowing its exit code.

    ProtokollError
    ├── InputError            a file cannot be read as minutes (recorded, the batch goes on)
    │   ├── EmptyFile
    │   ├── UnsupportedFormat
    │   ├── FormatMismatch    content does not match the extension
    │   ├── CorruptFile
    │   ├── EncryptedFile
    │   ├── TooLarge          more pages than the limit (--max-pages)
    │   ├── SymlinkLoop       a link that leads back to itself or above it
    │   └── NotMinutes        readable, but nothing in it looks like minutes
    ├── ExtractionError       a tool failed on a readable file (OCR crash, timeout)
    │   ├── WorkerCrashed     the process reading the file died
    │   └── DocumentTimeout   reading one file took longer than --document-timeout
    ├── MissingDependency     an external program or its data is not installed
    ├── DatabaseError         the database cannot be opened or written
    └── Refused               a run would do harm it cannot undo (--prune on an empty folder)

Third-party exceptions are translated at the module that calls the library, so the CLI has one
handler and `ingest_errors` one vocabulary of error types.
"""

from __future__ import annotations

from pipeline.filenames import clean_text


class ProtokollError(Exception):
    exit_code = 1
    stage = "pipeline"

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None) -> None:
        self.message = message
        self.path = path
        self.hint = hint
        super().__init__(self.describe())

    @property
    def error_type(self) -> str:
        return type(self).__name__

    def describe(self) -> str:
        where = f"{self.path}: " if self.path else ""
        what_next = f" ({self.hint})" if self.hint else ""
        return clean_text(f"{where}{self.message}{what_next}")  # a file name may not be UTF-8


class InputError(ProtokollError):
    exit_code = 2
    stage = "extract"


class EmptyFile(InputError):
    pass


class UnsupportedFormat(InputError):
    pass


class FormatMismatch(InputError):
    pass


class CorruptFile(InputError):
    pass


class EncryptedFile(InputError):
    pass


class TooLarge(InputError):
    pass


class SymlinkLoop(InputError):
    stage = "discover"


class NotMinutes(InputError):
    stage = "parse"


class ExtractionError(ProtokollError):
    exit_code = 2
    stage = "extract"


class MissingDependency(ProtokollError):
    exit_code = 3


class DatabaseError(ProtokollError):
    exit_code = 4
    stage = "load"


class WorkerCrashed(ExtractionError):
    """The process reading the file died (a crash in a PDF or image library, or out of memory)."""


class DocumentTimeout(ExtractionError):
    """Reading the file outlasted the time limit: its worker was killed and replaced."""


class Refused(ProtokollError):
    """The run stopped before changing anything, as what it was asked would destroy data."""

    exit_code = 5
