-- protokoll schema v3. Every fact is keyed to its document (sha256) and, where it has one, its page.

CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    applied_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    sha256       VARCHAR PRIMARY KEY,     -- content hash: the identity of a document
    path         VARCHAR NOT NULL,        -- where it was found when ingested
    format       VARCHAR NOT NULL,        -- pdf | txt | docx | image
    size_bytes   BIGINT NOT NULL,
    page_count   INTEGER NOT NULL,
    ocr_pages    INTEGER[] NOT NULL,
    warnings     VARCHAR[] NOT NULL,
    ingested_at  TIMESTAMP NOT NULL,
    confidence   DOUBLE,                  -- 0–1 that it is minutes, from the signs it shows (v3)
    root         VARCHAR,                 -- the folder the run was given, absolute (v5)
    relative_path VARCHAR,                -- path relative to root (v5)
    path_bytes   BLOB                     -- the file's name as the file system holds it (v6)
);

CREATE TABLE IF NOT EXISTS pages (
    sha256          VARCHAR NOT NULL,
    page            INTEGER NOT NULL,
    method          VARCHAR NOT NULL,     -- text | ocr
    ocr_confidence  DOUBLE,               -- mean word confidence 0–100, OCR pages only
    seconds         DOUBLE NOT NULL,
    chars           INTEGER NOT NULL,
    ocr_reason      VARCHAR,              -- why the page was OCR'd: no_text_layer, garbage_text_layer, …
    rotation_deg    INTEGER NOT NULL      -- quarter turn applied before OCR: 0, 90, 180, 270
    -- no primary key (sha256, page), nor on sections (schema v8): DuckDB rewrites a key's whole
    -- index at every checkpoint, and these are the archive's largest tables
);

CREATE TABLE IF NOT EXISTS meetings (
    meeting_id    VARCHAR PRIMARY KEY,    -- the sha256 of the document that holds the meeting
    organization  VARCHAR,
    body          VARCHAR,
    date          DATE,
    start_time    TIME,
    end_time      TIME,
    location      VARCHAR,
    remote        BOOLEAN NOT NULL,
    adjusted_on   DATE,                   -- justering (v7)
    posted_on     DATE,                   -- anslag: posted on the notice board (v7)
    taken_down_on DATE,                   -- anslag taken down (v7)
    appeal_deadline DATE                  -- three weeks after posting (v7)
);

-- People across the archive (pipeline/resolve). An id is minted once per person and kept: when
-- two ids prove to be one person the older stays, and person_merges records the change.
CREATE TABLE IF NOT EXISTS persons (
    person_id     VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,       -- the spelling shown: the one most attendance lists use
    name_key      VARCHAR NOT NULL,       -- that spelling folded (case, accents, order)
    minted        BIGINT NOT NULL         -- order in which ids were minted: the older id wins a merge
);

-- Every spelling that denotes a person, and why it is that person (`protokoll persons review`).
CREATE TABLE IF NOT EXISTS person_links (
    person_id   VARCHAR NOT NULL,
    alias       VARCHAR NOT NULL,         -- as written: "Charlotta Skälén", "Ola W", "Jacob"
    alias_key   VARCHAR NOT NULL,         -- folded
    rule        VARCHAR NOT NULL,         -- name, same_spelling, spelling_variant, one_edit, ...
    score       DOUBLE NOT NULL,          -- 0–100, after context; links under 95 are reviewed
    linked_to   VARCHAR,                  -- the spelling it was matched with
    evidence    VARCHAR NOT NULL          -- the reasons in words; one row per (person_id, alias)
);

CREATE TABLE IF NOT EXISTS person_merges (
    change      VARCHAR NOT NULL,         -- merge: from_id is now to_id; split: names left from_id
    from_id     VARCHAR NOT NULL,
    to_id       VARCHAR NOT NULL,
    evidence    VARCHAR NOT NULL,
    changed_at  TIMESTAMP NOT NULL
);

-- The overrides files applied (merge these, never merge those), the last one in force.
CREATE TABLE IF NOT EXISTS person_overrides (
    path        VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,         -- of the text; empty when the file was absent
    text        VARCHAR NOT NULL,
    applied_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS attendance (
    meeting_id   VARCHAR NOT NULL,
    person_id    VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,        -- as written in the attendance block
    status       VARCHAR NOT NULL,        -- present | absent
    roles        VARCHAR[] NOT NULL,      -- chair, vice_chair, secretary, adjuster, member, ...
    title        VARCHAR,
    affiliation  VARCHAR,
    page         INTEGER,
    notes        VARCHAR[] NOT NULL,      -- remarks beside the name that no column holds
    party        VARCHAR,                 -- "S", "KD", a local party as written
    sections_present VARCHAR,             -- partial presence in the §§ numbering: "3-9", "4.1-"
    time_present VARCHAR,                 -- partial presence by the clock: "-16:15", "13:40-"
    substitute_for VARCHAR,               -- the member a serving substitute replaced, as written
    inferred     BOOLEAN,                 -- no list names them: the text shows them there
    role_ambiguous BOOLEAN,               -- the layout lost which label the name stands under
    substitute_for_listed VARCHAR         -- the replaced member's row in this meeting, by its name (v7)
);

CREATE TABLE IF NOT EXISTS signatories (
    meeting_id  VARCHAR NOT NULL,
    person_id   VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,         -- as written at the signature
    role        VARCHAR NOT NULL,         -- secretary | adjuster
    title       VARCHAR,
    page        INTEGER
);

CREATE TABLE IF NOT EXISTS sections (
    meeting_id  VARCHAR NOT NULL,
    ordinal     INTEGER NOT NULL,         -- position in the document, from 1
    number      VARCHAR NOT NULL,         -- the § number as written
    title       VARCHAR NOT NULL,
    page        INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    diary_number VARCHAR,                 -- "KS 2019/123": the case in the registry (diarienummer)
    from_toc    BOOLEAN,                  -- known only from a table of contents: no text
    started_at  VARCHAR,                  -- "16:20": the time the minutes write for its start
    starts_not_before VARCHAR             -- the latest time written for it or a § before it
);

CREATE TABLE IF NOT EXISTS decisions (
    meeting_id      VARCHAR NOT NULL,
    section_number  VARCHAR NOT NULL,
    ordinal         INTEGER NOT NULL,     -- position within the section, from 1
    text            VARCHAR NOT NULL,
    outcome         VARCHAR NOT NULL,     -- approved, rejected, postponed, noted, elected, referred, withdrawn, other
    page            INTEGER,
    vote_yes        INTEGER,              -- counts of an open vote (omröstning), when one was held
    vote_no         INTEGER,
    vote_abstain    INTEGER,
    reservations    VARCHAR[] NOT NULL,   -- names of those who reserved themselves against it
    detail          VARCHAR               -- approved: as_proposed | after_vote | with_changes (v7)
);

CREATE TABLE IF NOT EXISTS amounts (
    meeting_id      VARCHAR NOT NULL,
    section_number  VARCHAR NOT NULL,
    text            VARCHAR NOT NULL,
    sek             BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS section_references (
    meeting_id      VARCHAR NOT NULL,
    section_number  VARCHAR NOT NULL,
    refers_to       VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS entities (
    meeting_id      VARCHAR NOT NULL,
    section_number  VARCHAR,
    label           VARCHAR NOT NULL,
    text            VARCHAR NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    person_id       VARCHAR               -- for PER: the person mentioned, NULL when unsure
);

CREATE TABLE IF NOT EXISTS ingest_errors (
    path         VARCHAR NOT NULL,
    sha256       VARCHAR,
    stage        VARCHAR NOT NULL,        -- discover | extract | parse | load
    error_type   VARCHAR NOT NULL,
    message      VARCHAR NOT NULL,
    occurred_at  TIMESTAMP NOT NULL,
    run_id       INTEGER                  -- the ingest run that met it (schema v2)
);

-- Every file of the archive that holds a loaded document: the map incremental runs compare with.
CREATE TABLE IF NOT EXISTS files (
    path        VARCHAR PRIMARY KEY,
    sha256      VARCHAR NOT NULL,         -- the document it held when last seen
    size_bytes  BIGINT NOT NULL,
    run_id      INTEGER,                  -- the run that last wrote this row
    root        VARCHAR,                  -- the folder the run was given, absolute (v5)
    relative_path VARCHAR,                -- path relative to root (v5)
    path_bytes  BLOB                      -- the name's bytes; `path` escapes what is not UTF-8 (v6)
);

-- A document that holds a meeting already loaded from another file (a scan and a text PDF of
-- the same minutes, a re-export): its facts are not loaded, so nothing counts twice.
CREATE TABLE IF NOT EXISTS duplicate_documents (
    sha256      VARCHAR PRIMARY KEY,      -- the document set aside
    meeting_id  VARCHAR NOT NULL,         -- the meeting (document) whose facts count
    reason      VARCHAR NOT NULL,         -- why they are one meeting, and why that one was kept
    linked_at   TIMESTAMP NOT NULL
);

-- One row per `protokoll ingest`; a run still "running" when the next starts was killed.
CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id       INTEGER PRIMARY KEY,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    status       VARCHAR NOT NULL,        -- running | finished | interrupted | killed | refused
    paths        VARCHAR[] NOT NULL,
    jobs         INTEGER NOT NULL,
    loaded       INTEGER NOT NULL DEFAULT 0,
    unchanged    INTEGER NOT NULL DEFAULT 0,
    replaced     INTEGER NOT NULL DEFAULT 0,
    duplicates   INTEGER NOT NULL DEFAULT 0,
    pruned       INTEGER NOT NULL DEFAULT 0,
    failed       INTEGER NOT NULL DEFAULT 0,
    pages        INTEGER NOT NULL DEFAULT 0,
    ocr_pages    INTEGER NOT NULL DEFAULT 0,
    seconds      DOUBLE,
    pruned_paths VARCHAR[]                -- the files --prune forgot (v5)
);

-- The spellings of each person with their evidence and where they are written: person_links
-- joined to the rows that carry person ids, so that documents and counts are never stale.
CREATE OR REPLACE VIEW person_aliases AS
WITH written AS (
    SELECT person_id, name AS alias, 'attendance' AS seen_as, meeting_id FROM attendance
    UNION ALL
    SELECT person_id, name, 'signature', meeting_id FROM signatories
    UNION ALL
    SELECT person_id, text, 'mention', meeting_id FROM entities
    WHERE label = 'PER' AND person_id IS NOT NULL
), used AS (
    SELECT person_id, alias,
           list(DISTINCT seen_as ORDER BY seen_as) AS seen_as,
           count(*)::INTEGER AS sightings,
           list(DISTINCT meeting_id ORDER BY meeting_id) AS documents  -- sha256 of each
    FROM written
    GROUP BY person_id, alias
)
SELECT l.person_id, l.alias, l.alias_key,
       coalesce(u.seen_as, []) AS seen_as, coalesce(u.sightings, 0) AS sightings,
       coalesce(u.documents, []) AS documents,
       l.rule, l.score, l.linked_to, l.evidence
FROM person_links l LEFT JOIN used u USING (person_id, alias);

-- Votes (v7): one row per vote taken; `section_number` NULL when no § could be told for it
-- (the document's warnings say so). method: acclamation | vote | roll_call | secret | lot.
CREATE TABLE IF NOT EXISTS vote_events (
    meeting_id      VARCHAR NOT NULL,
    vote_ordinal    INTEGER NOT NULL,     -- position in the document, from 1
    section_number  VARCHAR,
    method          VARCHAR NOT NULL,
    yes             INTEGER,
    no              INTEGER,
    abstain         INTEGER,
    result          VARCHAR,              -- yes | no | tie: the side the counts give
    page            INTEGER,
    text            VARCHAR NOT NULL      -- the words that tell of the vote
);

-- One row per name on a voting list; `listed_as` is the attendee row of the same meeting it
-- names (NULL when none is safe: the person is then not guessed).
CREATE TABLE IF NOT EXISTS vote_choices (
    meeting_id      VARCHAR NOT NULL,
    vote_ordinal    INTEGER NOT NULL,
    name            VARCHAR NOT NULL,     -- as the list writes it
    listed_as       VARCHAR,
    choice          VARCHAR NOT NULL,     -- yes | no | abstain | absent
    page            INTEGER
);

-- Reservations, separate opinions (särskilt yttrande) and notes to the minutes.
CREATE TABLE IF NOT EXISTS dissents (
    meeting_id      VARCHAR NOT NULL,
    section_number  VARCHAR,
    name            VARCHAR NOT NULL,
    listed_as       VARCHAR,
    kind            VARCHAR NOT NULL,     -- reservation | separate_opinion | note
    text            VARCHAR NOT NULL,
    page            INTEGER
);

-- Cases (v7): one row per diarienummer a § names, normalised to `case_key` ("KS 2019/123").
CREATE TABLE IF NOT EXISTS cases (
    meeting_id      VARCHAR NOT NULL,
    section_number  VARCHAR NOT NULL,
    case_key        VARCHAR NOT NULL,     -- "KS 2019/123"; "2019/123" with no prefix
    prefix          VARCHAR,              -- the registry's series: KS, BUN, …
    year            INTEGER NOT NULL,
    serial          INTEGER NOT NULL,
    written         VARCHAR NOT NULL,     -- as the § writes it
    page            INTEGER
);
