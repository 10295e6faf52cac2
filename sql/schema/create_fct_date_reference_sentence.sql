-- The sentence around one date expression, cut from raw_articles.body when the date is loaded,
-- so the timeline reads it instead of scanning article bodies at query time.
-- Grain: one row per fct_date_reference row (same date_reference_id).
CREATE TABLE IF NOT EXISTS fct_date_reference_sentence (
    date_reference_id VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    sentence          VARCHAR NOT NULL  -- whitespace runs collapsed to one space, trimmed
);
