-- The latest extraction of each article, as the extraction JSON the CLI prints.
CREATE TABLE IF NOT EXISTS extractions (
    article_id        VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    model             VARCHAR NOT NULL,
    extracted_at      TIMESTAMP NOT NULL,
    payload           JSON NOT NULL
);
