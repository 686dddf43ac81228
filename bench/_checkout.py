"""Puts the checkout's top folder on sys.path for bench scripts run as `python bench/NAME.py`.

They import `devtools` (the synthetic archive, fixture rendering), which is not installed."""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))
