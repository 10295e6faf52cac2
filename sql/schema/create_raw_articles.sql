-- One row per distinct article body. article_id is the hash of the normalised body;
-- rows are never updated in place.
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
    relative_path         VARCHAR             -- a file's path from the folder it was read from
);
-- Warehouses created before the column: their files' folders were not kept.
ALTER TABLE raw_articles ADD COLUMN IF NOT EXISTS relative_path VARCHAR;
