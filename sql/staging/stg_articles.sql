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
    r.language,
    r.authors
-- The payload is parsed once for its article object, not once per field.
FROM (SELECT *, payload -> '$.article' AS article FROM batch_extractions) AS e
JOIN raw_articles AS r USING (article_id);
