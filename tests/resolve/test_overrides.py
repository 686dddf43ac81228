"""The overrides file: read strictly, appended safely, found beside the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.resolve.overrides import append_override, beside, parse_overrides, read_overrides


def test_decisions_are_appended_and_read_back(tmp_path: Path) -> None:
    path = beside(tmp_path / "protokoll.duckdb")
    assert path.name == "protokoll.persons.toml"
    assert read_overrides(path).sha256 == ""  # no file: nothing decided
    append_override(path, "merge", ["Jacob Sandström", "Jacob Sandgren"], 'the "chair"')
    append_override(path, "never_merge", ["Anna Lindberg", "p_0123456789ab"], None)
    overrides = read_overrides(path)
    assert overrides.merge == (("Jacob Sandström", "Jacob Sandgren"),)
    assert overrides.never == (("Anna Lindberg", "p_0123456789ab"),)
    assert path.read_text(encoding="utf-8").startswith("# protokoll persons")


@pytest.mark.parametrize(
    "text",
    [
        "[[merge]\nnames = ['a', 'b']",  # not TOML
        "[[join]]\nnames = ['a', 'b']",  # unknown section
        "[[merge]]\nnames = ['only one']",
        "[[never_merge]]\nwho = ['a', 'b']",
    ],
)
def test_a_bad_overrides_file_is_refused_with_a_hint(text: str) -> None:
    with pytest.raises(InputError):
        parse_overrides(text)
