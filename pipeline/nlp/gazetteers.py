"""Swedish name, place and organisation lists read from the gazetteer corpora at training time."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.vocabulary.parties import PARTY_NAMES

SVENSKTEXT = "gazetteers-svensktext"
GEODATA = "gazetteers-swedish-geodata"
# A given name borne by fewer people is more often a word than a name ("Sol", "Dag" pass anyway:
# the features and the post-check only look at capitalised tokens).
MIN_GIVEN_NAME_BEARERS = 200
MIN_SURNAME_BEARERS = 0  # the top-1000 list starts at ≈ 690 bearers
REGION_PREFIXES = ("Region", "Landstinget")  # county councils were "landsting" until 2019
REGION_ALIASES = {"Södermanland": "Sörmland"}  # the name the region uses for itself
# The parliamentary parties and their older names: members are listed with them in minutes.
PARTIES = tuple(name[:1].upper() + name[1:] for name in PARTY_NAMES if len(name) > 4)
ABBREVIATION = re.compile(r"\s*\((?P<short>[^()]+)\)\s*$")  # "Arbetsmiljöverket (av)"
MIN_ABBREVIATION_CHARS = 3  # "MSB", "GIH"; two letters ("AV") are too often a word


@dataclass
class Gazetteers:
    """Word lists for the model's features and the rule component's phrase patterns."""

    given_names: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)  # one-word places: municipalities, localities
    org_phrases: set[str] = field(default_factory=set)  # agencies, regions, "X kommun"
    loc_phrases: set[str] = field(default_factory=set)  # municipalities, counties, countries


def read_gazetteers(corpora_dir: Path) -> Gazetteers:
    """Read the lists under `corpora_dir` (../shared/corpora): names, places, agencies, regions."""
    text_dir, geo_dir = corpora_dir / SVENSKTEXT, corpora_dir / GEODATA
    found = Gazetteers()
    for name_file in ("tilltalsnamn-kvinnor.csv", "tilltalsnamn-man.csv"):
        for row in _rows(text_dir / name_file):
            if int(row["persons"]) >= MIN_GIVEN_NAME_BEARERS and row["name"][:1].isupper():
                found.given_names.add(row["name"])
    for row in _rows(text_dir / "efternamn-top-2019.csv"):
        if int(row["frequency"]) >= MIN_SURNAME_BEARERS:
            found.surnames.add(row["lastname"])
    for row in _rows(text_dir / "myndigheter.tsv", delimiter="\t"):
        found.org_phrases |= _agency_names(row["name"])
    for row in _rows(text_dir / "eu.csv"):
        found.org_phrases.update(n.strip() for n in (row["name"], row["alternative_name"]) if n)
    for row in _rows(geo_dir / "municipalities.csv"):
        found.org_phrases.add(row["municipality_name"].strip())  # "Eskilstuna kommun": the body
        found.loc_phrases.add(row["municipality_name_short"].strip())
    for row in _rows(geo_dir / "counties.csv"):
        found.loc_phrases.add(row["county_name"].strip())
        short = row["county_name_short"].strip()
        for name in {short, REGION_ALIASES.get(short, short)}:
            found.loc_phrases.add(name)
            # Regions are the counties' elected bodies: "Region Sörmland", "Landstinget Sörmland".
            found.org_phrases.update(f"{prefix} {name}" for prefix in REGION_PREFIXES)
    for row in _rows(text_dir / "lander.csv"):
        found.loc_phrases.update(n.strip() for n in (row["country"], row["capital"]) if n)
    for row in _rows(text_dir / "ortsnamn.csv"):
        found.places.add(row["city"].strip())
    found.places |= {p for p in found.loc_phrases if " " not in p}
    found.org_phrases.update(PARTIES)
    return found


def _agency_names(written: str) -> set[str]:
    """ "Myndigheten för samhällsskydd och beredskap (msb)" → the name, and "MSB"."""
    match = ABBREVIATION.search(written)
    if match is None:
        return {written.strip()}
    names = {written[: match.start()].strip()}
    if len(match["short"]) >= MIN_ABBREVIATION_CHARS:
        names.add(match["short"].upper())
    return names


def _rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))
