"""The periods an attendance table is counted by; apart from queries so that the CLI can name
them without importing pandas (every ingest worker imports the CLI's module)."""

from __future__ import annotations

from enum import StrEnum


class Period(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"
