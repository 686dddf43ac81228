"""Keep the served mirror as new as the database while `protokoll serve` runs.

A page asks at most every CHECK_EVERY_S whether the database changed since the mirror was
copied; once it has been quiet for QUIET_S (an ingest writes every second while it runs), the
mirror is rebuilt aside in a thread and copied into the served file in one transaction
(Datasette keeps a connection per thread and database name, so the file stays the same).
"""

from __future__ import annotations

import asyncio
import time
import weakref
from pathlib import Path
from typing import Any

from datasette.database import Database

from pipeline.serve.data import MIRROR_NAME
from pipeline.serve.mirror import build_mirror, copy_into, is_current, mirror_path, source_mtime

CHECK_EVERY_S = 5.0
QUIET_S = 10.0


class Refresher:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.checked = time.monotonic()
        self.lock = asyncio.Lock()

    def due(self) -> bool:
        return time.monotonic() - self.checked >= CHECK_EVERY_S

    async def refresh(self, datasette: Any) -> bool:
        """Rebuild and swap the mirror when the database changed and is quiet; True if done."""
        if not self.due() or self.lock.locked():
            return False
        async with self.lock:
            self.checked = time.monotonic()
            target = mirror_path(self.db_path)
            if not self.db_path.exists() or is_current(self.db_path, target):
                return False
            if time.time() - source_mtime(self.db_path) < QUIET_S:
                return False  # an ingest is writing: wait until it is done
            aside = target.with_name(f".{target.name}.next")
            await asyncio.to_thread(build_mirror, self.db_path, aside)
            await asyncio.to_thread(copy_into, aside, target)
            aside.unlink()
            return True


_REFRESHERS: weakref.WeakKeyDictionary[Any, Refresher] = weakref.WeakKeyDictionary()


async def current_mirror(datasette: Any, db_path: Path) -> Database:
    """The mirror's Database, refreshed first when the database changed (see Refresher)."""
    refresher = _REFRESHERS.get(datasette)
    if refresher is None:
        refresher = _REFRESHERS[datasette] = Refresher(db_path)
    await refresher.refresh(datasette)
    return datasette.get_database(MIRROR_NAME)
