-- The batch this run loads (create_batch_to_load.sql): articles whose latest extraction awaits
-- loading.
CREATE OR REPLACE TABLE stg_articles AS
SELECT
    getvariable('run_id') AS run_id,
    r.article_id,
    r.source,
    coalesce(r.outlet, 'unknown') AS outlet,
    r.title,
    length(r.body) AS body_length,
    length(coalesce(r.title, '')) AS title_length,
    len(string_split_regex(trim(r.body), '\s+')) AS word_count,
    TRY_CAST(e.article ->> 'published_date' AS DATE) AS published_date,
    e.article ->> 'published_date_source' AS published_date_source,
    e.article ->> 'dateline' AS dateline,
    e.article ->> 'dateline_entity_id' AS dateline_entity_id,
    e.extractor_version,
    e.model AS extractor_model,
    e.extracted_at,
    CAST(e.article ->> 'tone' AS DOUBLE) AS tone,
    CAST(e.article ->> 'positive_score' AS DOUBLE) AS positive_score,
    CAST(e.article ->> 'negative_score' AS DOUBLE) AS negative_score,
    CAST(e.article ->> 'polarity' AS DOUBLE) AS polarity,
    CAST(e.article ->> 'activity_density' AS DOUBLE) AS activity_density,
    CAST(e.article ->> 'self_group_density' AS DOUBLE) AS self_group_density,
    CAST(e.article ->> 'word_count' AS INTEGER) AS tone_word_count,
    CAST(e.article ->> 'gcam_vader_words' AS INTEGER) AS gcam_vader_words,
    CAST(e.article ->> 'gcam_vader_valence' AS DOUBLE) AS gcam_vader_valence,
    r.language,
    r.authors
-- The payload is parsed once for its article object, not once per field.
FROM (SELECT *, payload -> '$.article' AS article FROM batch_extractions) AS e
JOIN raw_articles AS r USING (article_id);
