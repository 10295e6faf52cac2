-- One row per distinct article body. article_id is the hash of the normalised body;
-- rows are never updated in place. The MERGE that ingests keeps one row per article_id: the
-- table has no primary key, since DuckDB writes a keyed table whole again at every
-- checkpoint, and this one is wide and grows with every ingest.
CREATE TABLE IF NOT EXISTS raw_articles (
    article_id            VARCHAR NOT NULL,
    source                VARCHAR NOT NULL,   -- file path or URL the body was first read from
    outlet                VARCHAR,            -- publisher, when the input names one
    url                   VARCHAR,
    title                 VARCHAR,
    body                  VARCHAR NOT NULL,
    published_date        DATE,
    published_date_source VARCHAR,            -- 'given' when the input states it
    ingested_at           TIMESTAMP NOT NULL,
    relative_path         VARCHAR,            -- a file's path from the folder it was read from
    language              VARCHAR,            -- ISO 639-1, as detected when read
    language_confidence   DOUBLE,             -- the detector's confidence in it, 0 to 1
    authors               VARCHAR[]           -- the writers the input or the body's byline names
);
-- Warehouses created before the column: their files' folders were not kept.
ALTER TABLE raw_articles ADD COLUMN IF NOT EXISTS relative_path VARCHAR;
-- Warehouses created before languages and authors were read: their articles have NULL, and
-- extraction takes a NULL language for English, as it always did.
ALTER TABLE raw_articles ADD COLUMN IF NOT EXISTS language VARCHAR;
ALTER TABLE raw_articles ADD COLUMN IF NOT EXISTS language_confidence DOUBLE;
ALTER TABLE raw_articles ADD COLUMN IF NOT EXISTS authors VARCHAR[];
