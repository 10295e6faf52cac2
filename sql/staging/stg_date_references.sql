-- One row per date expression in the batch, with the length of the text its offsets index
-- (the title's or the body's, by its field).
-- $dates: the from_json structure of the record list, derived from its declaration
-- (orchestration/extract/schema.py).
CREATE OR REPLACE TABLE stg_date_references AS
WITH unnested AS (
    SELECT
        a.article_id,
        a.body_length,
        a.title_length,
        unnest(from_json(e.payload -> '$.dates', $dates)) AS d
    FROM stg_articles AS a
    JOIN batch_extractions AS e USING (article_id)
)
SELECT
    getvariable('run_id') AS run_id,
    article_id || CASE WHEN d.field = 'title' THEN ':title' ELSE '' END
        || ':' || d.start || ':' || d."end" AS date_reference_id,
    article_id,
    d.value AS resolved_value,
    d.granularity,
    d.end_value AS end_value,
    coalesce(d.relative, false) AS is_relative,
    d.sentence AS sentence_index,
    d.start AS start_char,
    d."end" AS end_char,
    d.text AS surface,
    coalesce(d.field, 'body') AS field,
    CASE WHEN d.field = 'title' THEN title_length ELSE body_length END AS text_length
FROM unnested;
