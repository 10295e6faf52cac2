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
    story_id              VARCHAR             -- its story (dim_story); null until it has a signature
);
-- Warehouses created before stories: their articles join one when they are loaded again.
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS story_id VARCHAR;
