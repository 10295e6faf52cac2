-- The latest extraction of each article, as the extraction JSON the CLI prints. The MERGE
-- that writes it keeps one row per article_id: the table has no primary key, since DuckDB
-- writes a keyed table whole again at every checkpoint, and this one is wide and written a few
-- times a batch.
CREATE TABLE IF NOT EXISTS extractions (
    article_id        VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    model             VARCHAR NOT NULL,
    extracted_at      TIMESTAMP NOT NULL,
    payload           JSON NOT NULL
);
