"""Gazetteer reading: agency names as running text writes them, and the parties."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.nlp.gazetteers import _agency_names, read_gazetteers

CORPORA = Path(__file__).parents[2].parent / "shared" / "corpora"


def test_an_agency_s_parenthesised_code_becomes_an_abbreviation() -> None:
    assert _agency_names("Myndigheten för samhällsskydd och beredskap (msb)") == {
        "Myndigheten för samhällsskydd och beredskap",
        "MSB",
    }
    assert _agency_names("Arbetsmiljöverket (av)") == {"Arbetsmiljöverket"}  # "AV": too short
    assert _agency_names(" Försäkringskassan ") == {"Försäkringskassan"}


@pytest.mark.shared
@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora is absent")
def test_bodies_include_agencies_regions_municipalities_and_parties() -> None:
    bodies = read_gazetteers(CORPORA).org_phrases
    assert {"Arbetsmiljöverket", "Region Sörmland", "Eskilstuna kommun", "Moderaterna"} <= bodies
    assert not any("(" in body for body in bodies)
