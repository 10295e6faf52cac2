-- One article, keyed like raw_articles.
CREATE TABLE IF NOT EXISTS dim_article (
    article_id            VARCHAR NOT NULL,
    source_id             VARCHAR NOT NULL,
    date_key              INTEGER,
    source                VARCHAR NOT NULL,
    title                 VARCHAR,
    published_date        DATE,
    published_date_source VARCHAR,
    dateline              VARCHAR,
    dateline_entity_id    VARCHAR,
    word_count            INTEGER NOT NULL,
    extractor_version     VARCHAR NOT NULL,
    extractor_model       VARCHAR NOT NULL,
    extracted_at          TIMESTAMP NOT NULL,
    loaded_at             TIMESTAMP NOT NULL,
    language              VARCHAR,            -- ISO 639-1; only English ('en') is extracted
    authors               VARCHAR[]           -- the writers the input or the byline names
);
-- Warehouses created before languages and authors were read.
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS language VARCHAR;
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS authors VARCHAR[];
