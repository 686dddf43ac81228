"""An ingest's progress on stderr: a bar on a terminal, a plain line every few seconds in a log.

A run from cron or a service writes to a file, where a bar would be either nothing or a screen's
worth of control codes: there, a line every PROGRESS_EVERY_S says how far the run is, how fast
it goes and when it should end, so that a log shows a run still alive and where it stopped.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

PROGRESS_EVERY_S = 5.0


class IngestProgress(Protocol):
    """What a batch reports as it goes (`run_batch`'s on_planned and on_document)."""

    def planned(self, to_read: int, unchanged: int) -> None: ...

    def read(self, path: str, pages: int) -> None: ...


@contextmanager
def ingest_progress(console: Console, *, quiet: bool = False) -> Iterator[IngestProgress]:
    """The progress display that suits `console`: none, a bar, or lines."""
    if quiet:
        yield _Silent()
    elif console.is_terminal:
        with _Bar(console) as bar:
            yield bar
    else:
        with ProgressLines(console, every_s=PROGRESS_EVERY_S) as lines:
            yield lines


class _Silent:
    def planned(self, to_read: int, unchanged: int) -> None:
        pass

    def read(self, path: str, pages: int) -> None:
        pass


class RateColumn(ProgressColumn):
    """Documents and pages a second since the reading began."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        if elapsed <= 0 or not task.completed:
            return Text("")
        pages = int(task.fields.get("pages", 0))
        return Text(
            f"{task.completed / elapsed:.1f} docs/s · {pages / elapsed:.1f} pages/s",
            style="progress.data.speed",
        )


class _Bar:
    """rich's progress bar, gone when the run ends (the summary takes its place)."""

    def __init__(self, console: Console) -> None:
        self.progress = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeRemainingColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self.task = self.progress.add_task("surveying the archive", total=None, pages=0)

    def __enter__(self) -> _Bar:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def planned(self, to_read: int, unchanged: int) -> None:
        description = f"reading ({unchanged} unchanged)"
        self.progress.reset(self.task, total=to_read, description=description)

    def read(self, path: str, pages: int) -> None:
        done = self.progress.tasks[0]
        self.progress.update(self.task, advance=1, pages=int(done.fields["pages"]) + pages)


class ProgressLines:
    """A line every `every_s` seconds: documents done of all, pages, rate and time left."""

    def __init__(self, console: Console, *, every_s: float) -> None:
        self.console = console
        self.every_s = every_s
        self.began = time.monotonic()
        self.reading_since: float | None = None  # when the survey ended
        self.total = 0
        self.unchanged = 0
        self.done = 0
        self.pages = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tick, name="progress-lines", daemon=True)

    def __enter__(self) -> ProgressLines:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def planned(self, to_read: int, unchanged: int) -> None:
        self.total, self.unchanged = to_read, unchanged
        self.reading_since = time.monotonic()

    def read(self, path: str, pages: int) -> None:
        self.done += 1
        self.pages += pages

    def line(self, now: float | None = None) -> str:
        """How far the run is, as one line."""
        now = time.monotonic() if now is None else now
        if self.reading_since is None:
            return f"progress: surveying the archive (hashing every file), {now - self.began:.0f} s"
        elapsed = max(now - self.reading_since, 1e-9)
        rate = self.done / elapsed
        left = self.total - self.done
        eta = duration(left / rate) if rate > 0 else "unknown"
        return (
            f"progress: {self.done}/{self.total} documents ({self.unchanged} unchanged), "
            f"{self.pages} pages, {rate:.1f} docs/s, {self.pages / elapsed:.1f} pages/s, "
            f"ETA {eta}"
        )

    def _tick(self) -> None:
        while not self._stop.wait(self.every_s):
            self.console.print(self.line(), markup=False, highlight=False, soft_wrap=True)


def duration(seconds: float) -> str:
    """'42 s', '7 min 12 s', '3 h 05 min': as long as a person needs it."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
