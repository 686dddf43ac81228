"""Datasette's metadata for the mirror: Swedish titles and descriptions, facets, canned queries.

Canned queries are named with English keys (they are URLs: /archive/attendance_rate); their
titles and descriptions are Swedish, as is every text a person reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.serve.data import MIRROR_NAME

TABLES: dict[str, dict[str, Any]] = {
    "meetings": {
        "title": "Möten",
        "description": "Ett möte per protokoll: organisation, organ, datum, tid och plats.",
        "facets": ["organization", "body", "remote"],
        "sort_desc": "date",
    },
    "attendance": {
        "title": "Närvaro",
        "description": "En rad per person och möte, namnet som det skrivs i närvarolistan.",
        "facets": ["status", "party"],
    },
    "sections": {
        "title": "Paragrafer",
        "description": "Varje § med nummer, rubrik, sida och text.",
    },
    "decisions": {
        "title": "Beslut",
        "description": "Varje beslut i en § med utfall (approved = bifall, rejected = avslag …).",
        "facets": ["outcome"],
    },
    "amounts": {"title": "Belopp", "description": "Belopp i kronor som en § nämner."},
    "persons": {
        "title": "Personer",
        "description": "En person per id; id:t är stabilt mellan inläsningar.",
        "label_column": "name",
    },
    "person_aliases": {
        "title": "Stavningar",
        "description": "Varje stavning av en person, regeln som knöt den och var den skrivs.",
        "facets": ["rule"],
    },
    "signatories": {"title": "Underskrifter", "facets": ["role"]},
    "documents": {
        "title": "Dokument",
        "description": "Inlästa filer; confidence är sannolikheten att filen är ett protokoll.",
        "facets": ["format"],
    },
    "pages": {"title": "Sidor", "facets": ["method", "ocr_reason"]},
    "ingest_errors": {
        "title": "Inläsningsfel",
        "description": "Filer som inte kunde läsas in, med steg, feltyp och orsak.",
        "facets": ["stage", "error_type"],
    },
    "ingest_runs": {"title": "Inläsningar", "facets": ["status"], "sort_desc": "run_id"},
    "review_items": {
        "title": "Att granska: personer",
        "description": "Osäkra och vägrade kopplingar mellan stavningar, störst påverkan först.",
        "facets": ["kind", "rule"],
        "sort": "position",
    },
    "review_documents": {
        "title": "Att granska: dokument",
        "description": "Dokument lästa med låg säkerhet, varningar eller svag OCR.",
    },
    "attendance_rate_per_person_body_year": {
        "title": "Närvarograd per person, organ och år",
        "facets": ["body", "year"],
    },
    "meetings_per_body_year": {"title": "Möten per organ och år", "facets": ["body"]},
    "decision_outcomes_per_body_year": {
        "title": "Beslut per organ, år och utfall",
        "facets": ["body", "outcome"],
    },
    "money_granted": {"title": "Beviljade belopp", "facets": ["body"]},
    "roles_over_time": {"title": "Roller över tid", "facets": ["role", "body"]},
}

QUERIES: dict[str, dict[str, Any]] = {
    "attendance_rate": {
        "title": "Närvarograd för en person",
        "description": "Möten närvarande / möten hållna per organ och år; namnet kan vara en del.",
        "sql": "SELECT name, organization, body, year, meetings_attended, meetings_held, "
        "round(attendance_rate, 3) AS attendance_rate "
        "FROM attendance_rate_per_person_body_year "
        "WHERE name LIKE '%' || :name || '%' ORDER BY name, body, year",
    },
    "decisions_by_outcome": {
        "title": "Beslut med ett visst utfall",
        "description": "approved, rejected, postponed, noted, elected, referred eller other.",
        "sql": "SELECT m.date, m.body, d.section_number, d.outcome, d.text, d.page, d.meeting_id "
        "FROM decisions d JOIN meetings m USING (meeting_id) WHERE d.outcome = :outcome "
        "ORDER BY m.date DESC",
    },
    "money_per_year": {
        "title": "Beviljade pengar per år",
        "sql": "SELECT organization, body, year, grants, sek FROM money_granted_per_year "
        "ORDER BY organization, body, year",
    },
    "chairs_and_secretaries": {
        "title": "Ordförande och sekreterare per år",
        "sql": "SELECT organization, body, year, role, name, meetings FROM roles_over_time "
        "WHERE role IN ('chair', 'secretary') ORDER BY organization, body, year, role",
    },
}


def metadata(db_path: Path, overrides: Path) -> dict[str, Any]:
    """The metadata dict, with the plugin's settings (database and overrides file paths)."""
    return {
        "title": "protokoll",
        "description": f"Arkivet i {db_path.name}, att läsa: varje uppgift bredvid sin sida.",
        "databases": {
            MIRROR_NAME: {
                "title": "Arkivet",
                "description": "En skrivskyddad spegel av databasen (SQLite).",
                "tables": TABLES,
                "queries": QUERIES,
            }
        },
        "plugins": {"protokoll": {"database": str(db_path.resolve()), "overrides": str(overrides)}},
    }
