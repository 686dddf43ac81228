-- protokoll schema v1. Every fact is keyed to its document (sha256) and, where it has one, its page.

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
    ingested_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS pages (
    sha256          VARCHAR NOT NULL,
    page            INTEGER NOT NULL,
    method          VARCHAR NOT NULL,     -- text | ocr
    ocr_confidence  DOUBLE,               -- mean word confidence 0–100, OCR pages only
    seconds         DOUBLE NOT NULL,
    chars           INTEGER NOT NULL,
    PRIMARY KEY (sha256, page)
);

CREATE TABLE IF NOT EXISTS meetings (
    meeting_id    VARCHAR PRIMARY KEY,    -- the sha256 of the document that holds the meeting
    organization  VARCHAR,
    body          VARCHAR,
    date          DATE,
    start_time    TIME,
    end_time      TIME,
    location      VARCHAR,
    remote        BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS persons (
    person_id     VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,       -- the first spelling seen
    name_key      VARCHAR NOT NULL        -- folded spelling that variants share
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
    notes        VARCHAR[] NOT NULL       -- partial presence ("§§ 1–7"), "ersätter X", remarks
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
    PRIMARY KEY (meeting_id, ordinal)
);

CREATE TABLE IF NOT EXISTS decisions (
    meeting_id      VARCHAR NOT NULL,
    section_number  VARCHAR NOT NULL,
    ordinal         INTEGER NOT NULL,     -- position within the section, from 1
    text            VARCHAR NOT NULL,
    outcome         VARCHAR NOT NULL,     -- approved, rejected, postponed, noted, elected, referred, other
    page            INTEGER,
    vote_yes        INTEGER,              -- counts of an open vote (omröstning), when one was held
    vote_no         INTEGER,
    vote_abstain    INTEGER,
    reservations    VARCHAR[] NOT NULL    -- names of those who reserved themselves against it
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
    end_char        INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS ingest_errors (
    path         VARCHAR NOT NULL,
    sha256       VARCHAR,
    stage        VARCHAR NOT NULL,        -- discover | extract | parse | load
    error_type   VARCHAR NOT NULL,
    message      VARCHAR NOT NULL,
    occurred_at  TIMESTAMP NOT NULL
);
