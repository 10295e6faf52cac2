-- One row per theme an article's words name in the batch (a GKG theme code and where the words
-- naming it stand), with the length of the text its offsets index (the title's or the body's,
-- by its field).
-- $themes: the from_json structure of the record list, derived from its declaration
-- (orchestration/extract/schema.py).
CREATE OR REPLACE TABLE stg_theme_mentions AS
WITH unnested AS (
    SELECT
        a.article_id,
        a.body_length,
        a.title_length,
        unnest(from_json(e.payload -> '$.themes', $themes)) AS t
    FROM stg_articles AS a
    JOIN batch_extractions AS e USING (article_id)
)
SELECT
    getvariable('run_id') AS run_id,
    u.article_id || CASE WHEN t.field = 'title' THEN ':title' ELSE '' END
        || ':' || t.start || ':' || t."end" || ':' || t.theme AS theme_mention_id,
    u.article_id,
    t.theme,
    t.sentence AS sentence_index,
    t.start AS start_char,
    t."end" AS end_char,
    t.text AS surface,
    coalesce(t.field, 'body') AS field,
    CASE WHEN t.field = 'title' THEN u.title_length ELSE u.body_length END AS text_length
FROM unnested AS u;
