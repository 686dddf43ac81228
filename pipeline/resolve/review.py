"""What a person should look at: links the resolver made without certainty, and ones it refused.

Both come from grouping the whole archive again with the current rules and overrides. A link
is uncertain when its score is under `CONFIDENT_MIN`; a refused or too weak candidate is a
possible link. Impact is the number of rows (attendance, signatures, mentions) whose person a
decision would change, so that an hour of review goes where the figures move most.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from pipeline.names import fold
from pipeline.resolve.archive import load_index
from pipeline.resolve.cluster import Decision, Spelling
from pipeline.resolve.index import PersonIndex
from pipeline.resolve.rules import CONFIDENT_MIN, REVIEW_MIN

UNCERTAIN = "uncertain link"
MERGE_HOPS_MAX = 20
POSSIBLE = "possible link"


@dataclass(frozen=True)
class ReviewItem:
    kind: str  # uncertain link | possible link
    impact: int  # rows (attendance, signatures, mentions) whose person would change
    score: float
    rule: str
    first_id: str
    first: str  # spelling as written
    second_id: str
    second: str
    evidence: str  # why linked, or why not

    @property
    def command(self) -> str:
        """The command that settles it the other way."""
        verb = "separate" if self.kind == UNCERTAIN else "merge"
        return f'protokoll persons {verb} "{self.first}" "{self.second}"'


def review(con: duckdb.DuckDBPyConnection) -> list[ReviewItem]:
    """Uncertain and possible links of the whole archive, most impactful first."""
    index = load_index(con)
    decisions = index.regroup_all().decisions
    return review_decisions(index, decisions)


def review_decisions(index: PersonIndex, decisions: list[Decision]) -> list[ReviewItem]:
    best: dict[tuple[str, ...], ReviewItem] = {}
    for decision in decisions:
        a, b = index.spellings[decision.a], index.spellings[decision.b]
        if a.person_id is None or b.person_id is None:
            continue
        if decision.joined and decision.edge.score < CONFIDENT_MIN:
            item = _item(index, UNCERTAIN, decision, a, b, min(a.weight, b.weight))
        elif not decision.joined and decision.edge.score >= REVIEW_MIN:
            if a.person_id == b.person_id:
                continue
            impact = min(_person_rows(index, a.person_id), _person_rows(index, b.person_id))
            item = _item(index, POSSIBLE, decision, a, b, impact)
        else:
            continue
        key = (item.kind, *sorted((item.first_id, item.second_id, item.first, item.second)))
        if key not in best or best[key].score < item.score:
            best[key] = item
    return sorted(best.values(), key=lambda i: (-i.impact, -i.score, i.first, i.second))


def _item(
    index: PersonIndex, kind: str, decision: Decision, a: Spelling, b: Spelling, impact: int
) -> ReviewItem:
    evidence = decision.edge.evidence
    if not decision.joined and decision.reason != "below the link score":
        evidence = f"{evidence}; refused: {decision.reason}"
    return ReviewItem(
        kind=kind,
        impact=impact,
        score=decision.edge.score,
        rule=decision.edge.rule,
        first_id=a.person_id or "",
        first=a.written,
        second_id=b.person_id or "",
        second=b.written,
        evidence=evidence,
    )


def _person_rows(index: PersonIndex, pid: str) -> int:
    return sum(s.weight for s in index.person_spellings(pid))


LIST_SQL = """
SELECT p.person_id, p.name,
       count(a.meeting_id) FILTER (WHERE a.status = 'present') AS present,
       count(a.meeting_id) FILTER (WHERE a.status = 'absent') AS absent,
       min(m.date) AS first_meeting, max(m.date) AS last_meeting,
       (SELECT string_agg(x.alias, ' / ' ORDER BY x.sightings DESC, x.alias)
        FROM person_aliases x WHERE x.person_id = p.person_id AND x.alias <> p.name) AS spellings
FROM persons p
LEFT JOIN attendance a USING (person_id)
LEFT JOIN meetings m USING (meeting_id)
WHERE $key = '' OR EXISTS (
    SELECT 1 FROM person_links x
    WHERE x.person_id = p.person_id AND x.alias_key LIKE '%' || $key || '%')
GROUP BY p.person_id, p.name
ORDER BY present + absent DESC, p.name
LIMIT $limit
"""
ALIASES_SQL = """
SELECT alias, seen_as, sightings, rule, score, linked_to, evidence, len(documents) AS documents
FROM person_aliases WHERE person_id = ? ORDER BY sightings DESC, alias
"""
CHANGES_SQL = """
SELECT change, from_id, to_id, evidence, changed_at FROM person_merges
WHERE from_id = ? OR to_id = ? ORDER BY changed_at
"""


def list_persons(
    con: duckdb.DuckDBPyConnection, name: str | None, limit: int
) -> tuple[list[str], list[tuple[object, ...]]]:
    """People with attendance counts and spellings, most present first; `name` filters."""
    cursor = con.execute(LIST_SQL, {"key": fold(name or ""), "limit": limit})
    return [d[0] for d in cursor.description or []], cursor.fetchall()


def find_persons(con: duckdb.DuckDBPyConnection, who: str) -> list[tuple[str, str]]:
    """(id, name) of the people `who` denotes: an id, or a spelling any of them is written."""
    current = who
    for _ in range(MERGE_HOPS_MAX):  # an id merged away names the person it joined
        found = con.execute("SELECT person_id, name FROM persons WHERE person_id = ?", [current])
        rows = found.fetchall()
        if rows:
            return [(str(i), str(n)) for i, n in rows]
        merged = con.execute(
            "SELECT to_id FROM person_merges WHERE from_id = ? AND change = 'merge' "
            "ORDER BY changed_at DESC LIMIT 1",
            [current],
        ).fetchone()
        if merged is None:
            break
        current = str(merged[0])
    rows = con.execute(
        "SELECT DISTINCT p.person_id, p.name FROM persons p "
        "JOIN person_links a USING (person_id) WHERE a.alias_key = ? ORDER BY p.name",
        [fold(who)],
    ).fetchall()
    return [(str(i), str(n)) for i, n in rows]


def person_aliases(
    con: duckdb.DuckDBPyConnection, pid: str
) -> tuple[list[str], list[tuple[object, ...]]]:
    cursor = con.execute(ALIASES_SQL, [pid])
    return [d[0] for d in cursor.description or []], cursor.fetchall()


def person_changes(
    con: duckdb.DuckDBPyConnection, pid: str
) -> tuple[list[str], list[tuple[object, ...]]]:
    cursor = con.execute(CHANGES_SQL, [pid, pid])
    return [d[0] for d in cursor.description or []], cursor.fetchall()
