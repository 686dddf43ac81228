"""Peak resident memory of a process and all its descendants, sampled from a background thread.

    with subprocess.Popen(command) as process, TreeMemory(process.pid) as memory:
        process.wait()
    print(memory.peak_bytes)

The figure is RSS summed over the tree, so pages that forked workers share with their parent
count once per process: it overstates what the tree takes from the machine, never understates.
A child that lives less than one interval can be missed.
"""

from __future__ import annotations

import threading

import psutil

SAMPLE_INTERVAL_S = 0.05


class TreeMemory:
    """Samples the summed RSS of `pid` and its descendants until the block ends."""

    def __init__(self, pid: int, interval_s: float = SAMPLE_INTERVAL_S) -> None:
        self.peak_bytes = 0
        self.samples = 0
        self._root = psutil.Process(pid)
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample_until_stopped, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample_until_stopped(self) -> None:
        while True:
            self._sample()
            if self._stop.wait(self._interval_s):
                return

    def _sample(self) -> None:
        try:
            tree = [self._root, *self._root.children(recursive=True)]
        except psutil.Error:
            return  # the root has ended
        total = 0
        for process in tree:
            try:
                total += process.memory_info().rss
            except psutil.Error:
                continue  # ended between listing and reading
        self.samples += 1
        self.peak_bytes = max(self.peak_bytes, total)
