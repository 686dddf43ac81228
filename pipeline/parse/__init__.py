"""Parse stage: cleaned lines of one document in, the structured minutes out.

Whether the text is minutes at all is weighed first (parse.evidence). Items are the numbering
sequence that explains the text best, wherever they stand on a line (parse.outline); the
header is read from the top of the text by its conventions (parse.header); who attended is read
names first in every place minutes list people (parse.zones), then completed by what the text
shows: elections, speakers, the signatures. Decisions are read from their verbs per item.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from pipeline.nlp.amounts import find_amounts
from pipeline.nlp.dates import parse_date
from pipeline.nlp.model import find_section_entities
from pipeline.nlp.references import find_references
from pipeline.parse.attendance import (
    add_role,
    add_role_mentions,
    add_speakers,
    merge_signatories,
)
from pipeline.parse.checks import guesses
from pipeline.parse.clock import section_clocks
from pipeline.parse.contents import find_contents, listed_sections
from pipeline.parse.decisions import find_decisions
from pipeline.parse.elections import elected_roles
from pipeline.parse.evidence import judge
from pipeline.parse.header import parse_header
from pipeline.parse.lines import Paragraph, paragraph_text, paragraphs
from pipeline.parse.notices import read_notice
from pipeline.parse.outcomes import with_outcome_details
from pipeline.parse.outline import outline
from pipeline.parse.persons import full_name
from pipeline.parse.presence import with_bare_items
from pipeline.parse.sections import drop_stray_names, segment_sections
from pipeline.parse.signatures import find_signature_start, parse_signatures
from pipeline.parse.voting import read_dissents, read_votes, unlisted_voters
from pipeline.parse.zones import attendance_zones, read_attendance
from pipeline.records import CleanText, Minutes, Role, Section, SourceFile
from pipeline.vocabulary.meeting import GENERAL_MEETING_ENDINGS


def _texts(blocks: Sequence[Paragraph]) -> list[tuple[str, int]]:
    """Each paragraph's text with its line breaks kept, and its page."""
    return [("\n".join(line.text.strip() for line in p), p[0].page) for p in blocks]


def parse_minutes(source: SourceFile, text: CleanText) -> Minutes:
    evidence = judge(text, source.path)  # NotMinutes when it shows no sign of minutes
    lines, headings = outline(text.lines)
    body_start = headings[0].index if headings else len(lines)
    signatures_start = find_signature_start(
        lines, headings[-1].index + 1 if headings else body_start
    )
    preamble = lines[:body_start]

    raw_sections = segment_sections(lines[:signatures_start], headings)
    if not raw_sections:  # no item's text in the document: the items its agenda lists
        raw_sections = listed_sections(lines, find_contents(lines))
    body_text = "\n\n".join(f"{s.title}\n\n{s.text}" for s in raw_sections)
    header = parse_header(preamble, text.running_lines, body_text, document=lines)
    attendance = read_attendance(attendance_zones(lines, body_start, raw_sections))
    notes: list[str] = []
    if header.date is None:
        # "arsmote-2022-04-26", "pysv_2022-04-26": separators a date pattern can see
        header = replace(header, date=parse_date(re.sub(r"[_]", " ", Path(source.path).stem)))
        if header.date is not None:
            notes.append("meeting date taken from the file name")
    signatories = parse_signatures(lines[signatures_start:], body_text)
    people = [a.name for a in attendance] + [s.name for s in signatories]
    raw_sections = [drop_stray_names(s, people) for s in raw_sections]

    year = int(header.date[:4]) if header.date else None
    clocks = section_clocks([(s.title, s.text) for s in raw_sections])
    sections = tuple(
        Section(
            number=raw.number,
            title=raw.title,
            page=raw.page,
            text=raw.text,
            decisions=tuple(find_decisions(raw.paragraphs, year, raw.title)),
            references=tuple(find_references(raw.text, raw.number)),
            amounts=tuple(find_amounts(raw.text)),
            diary_number=raw.diary_number,
            from_toc=raw.from_toc,
            started_at=clock.started_at,
            starts_not_before=clock.starts_not_before,
        )
        for raw, clock in zip(raw_sections, clocks, strict=True)
    )

    attendance = with_bare_items(attendance, (s.number for s in sections))
    mentions = [(paragraph_text(p), p[0].page) for s in raw_sections for p in s.paragraphs]
    listed = list(attendance)
    attendance = add_role_mentions(attendance, mentions)
    # Before the meeting opens, an unlisted speaker is an invited guest; at a general meeting
    # only members have the floor.
    attendance = add_speakers(attendance, _texts(paragraphs(preamble)), Role.GUEST)
    in_sections = _texts([p for s in raw_sections for p in s.paragraphs])
    general = (header.body or "").casefold().endswith(GENERAL_MEETING_ENDINGS)
    attendance = add_speakers(attendance, in_sections, Role.MEMBER if general else None)
    document = "\n".join(line.text for line in lines)
    for name, role, page in elected_roles(sections):
        attendance = add_role(attendance, full_name(name, document), role, page)
    attendance = merge_signatories(attendance, signatories)
    found = find_section_entities([(s.text, s.number) for s in sections], people)
    entities = tuple(e for section_entities in found for e in section_entities)
    votes, vote_warnings = read_votes(sections)
    vote_warnings += unlisted_voters(votes, [a.name for a in attendance])
    sections = with_outcome_details(sections, votes)
    warnings = (
        *text.warnings,
        *notes,
        *evidence.warnings(),
        *guesses(header, listed, signatories, sections),
    )
    return Minutes(
        source,
        text.pages,
        header,
        tuple(attendance),
        sections,
        tuple(signatories),
        entities,
        (*warnings, *vote_warnings),
        evidence.confidence,
        tuple(votes),
        tuple(read_dissents(sections)),
        read_notice(lines),
    )
