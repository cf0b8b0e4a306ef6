-- eventwire database schema (DuckDB), version 1.
--
-- The whole schema lives in this one file; eventwire.store applies it on open and records the
-- version in schema_migrations. A later version adds a numbered migration to
-- eventwire.store.migrations and updates this file, so a new database and a migrated one end up
-- identical. Column names follow the record field names (docs/records.md); nested records are
-- flattened with a prefix (source_code, target_code, location_name, speaker_code).
--
-- Every write is INSERT ... ON CONFLICT DO NOTHING: storing a page id a second time is a no-op.

CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL,
    applied_at  VARCHAR NOT NULL
);

-- One row per page ever stored; id is the content hash. raw keeps the exact bytes, so the id
-- can be recomputed and the page re-extracted by a later version without fetching it again.
CREATE TABLE IF NOT EXISTS pages (
    id            VARCHAR PRIMARY KEY,
    source        VARCHAR NOT NULL,
    url           VARCHAR,
    fetched_at    VARCHAR NOT NULL,
    content_type  VARCHAR NOT NULL,
    encoding      VARCHAR NOT NULL,
    size          BIGINT NOT NULL,
    raw           BLOB NOT NULL,
    hints         VARCHAR NOT NULL,   -- JSON object of str -> str
    stored_at     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    doc_id            VARCHAR PRIMARY KEY,
    url               VARCHAR,
    title             VARCHAR,
    paragraphs        VARCHAR[] NOT NULL,
    text              VARCHAR NOT NULL,
    language          VARCHAR,
    published_at      VARCHAR,
    published_at_raw  VARCHAR,
    origin            VARCHAR,
    publisher         VARCHAR,
    cited_sources     VARCHAR[] NOT NULL,
    dateline          VARCHAR,
    byline            VARCHAR,
    stored_at         VARCHAR NOT NULL
);

-- Blocks cut from an article as boilerplate, in page order.
CREATE TABLE IF NOT EXISTS removed (
    doc_id    VARCHAR NOT NULL,
    position  INTEGER NOT NULL,
    kind      VARCHAR NOT NULL,
    text      VARCHAR NOT NULL,
    reason    VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, position)
);

-- Documents a stage could not handle. One row per (source, stage, reason), so running the same
-- input again does not duplicate them; at is when it was first seen.
CREATE TABLE IF NOT EXISTS rejections (
    source  VARCHAR NOT NULL,
    stage   VARCHAR NOT NULL,
    reason  VARCHAR NOT NULL,
    doc_id  VARCHAR,
    code    VARCHAR,
    "at"    VARCHAR NOT NULL,
    PRIMARY KEY (source, stage, reason)
);

-- Resolved actor mentions of each article, in the order the resolver returned them.
CREATE TABLE IF NOT EXISTS actors (
    doc_id      VARCHAR NOT NULL,
    position    INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    "start"     BIGINT NOT NULL,
    "end"       BIGINT NOT NULL,
    code        VARCHAR,
    sector      VARCHAR,
    name        VARCHAR,
    kind        VARCHAR NOT NULL,
    role        VARCHAR,
    confidence  DOUBLE NOT NULL,
    "group"     VARCHAR,
    PRIMARY KEY (doc_id, position)
);

CREATE TABLE IF NOT EXISTS quotes (
    id                  VARCHAR PRIMARY KEY,
    doc_id              VARCHAR NOT NULL,
    position            INTEGER NOT NULL,
    text                VARCHAR NOT NULL,
    "start"             BIGINT NOT NULL,
    "end"               BIGINT NOT NULL,
    speaker_text        VARCHAR,          -- NULL: no resolved speaker actor
    speaker_start       BIGINT,
    speaker_end         BIGINT,
    speaker_code        VARCHAR,
    speaker_sector      VARCHAR,
    speaker_actor_name  VARCHAR,          -- Actor.name of the speaker
    speaker_kind        VARCHAR,
    speaker_role        VARCHAR,
    speaker_confidence  DOUBLE,
    speaker_group       VARCHAR,
    speaker_name        VARCHAR,          -- Quote.speaker_name (the name as printed)
    cue                 VARCHAR,
    kind                VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    id                 VARCHAR PRIMARY KEY,
    doc_id             VARCHAR NOT NULL,
    position           INTEGER NOT NULL,
    sentence           VARCHAR NOT NULL,
    "start"            BIGINT NOT NULL,
    "end"              BIGINT NOT NULL,
    source_text        VARCHAR NOT NULL,
    source_start       BIGINT NOT NULL,
    source_end         BIGINT NOT NULL,
    source_code        VARCHAR,
    source_sector      VARCHAR,
    source_name        VARCHAR,
    source_kind        VARCHAR NOT NULL,
    source_role        VARCHAR,
    source_confidence  DOUBLE NOT NULL,
    source_group       VARCHAR,
    target_text        VARCHAR,          -- NULL: the event has no target
    target_start       BIGINT,
    target_end         BIGINT,
    target_code        VARCHAR,
    target_sector      VARCHAR,
    target_name        VARCHAR,
    target_kind        VARCHAR,
    target_role        VARCHAR,
    target_confidence  DOUBLE,
    target_group       VARCHAR,
    cameo              VARCHAR NOT NULL,
    cameo_root         VARCHAR NOT NULL,
    quad_class         INTEGER NOT NULL,
    goldstein          DOUBLE NOT NULL,
    plover_type        VARCHAR,
    plover_mode        VARCHAR,
    modality           VARCHAR NOT NULL,
    historical         BOOLEAN NOT NULL,
    event_date         VARCHAR,
    date_precision     VARCHAR,
    location_name      VARCHAR,          -- NULL: no location
    location_country   VARCHAR,
    location_lat       DOUBLE,
    location_lon       DOUBLE,
    quote_id           VARCHAR,
    confidence         DOUBLE NOT NULL,
    rule               VARCHAR NOT NULL
);
