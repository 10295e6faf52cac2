-- One row per numeric figure in the batch, with the length of the text its offsets index (the
-- title's or the body's, by its field) to check them against. A title figure the body gives
-- too (same kind, value, unit and currency) repeats the body.
-- $figures: the from_json structure of the record list, derived from its declaration
-- (orchestration/extract/schema.py).
CREATE OR REPLACE TABLE stg_figures AS
WITH unnested AS (
    SELECT
        a.article_id,
        a.body_length,
        a.title_length,
        unnest(from_json(e.payload -> '$.figures', $figures)) AS f
    FROM stg_articles AS a
    JOIN batch_extractions AS e USING (article_id)
)
SELECT
    getvariable('run_id') AS run_id,
    u.article_id || CASE WHEN f.field = 'title' THEN ':title' ELSE '' END
        || ':' || f.start || ':' || f."end" AS figure_id,
    u.article_id,
    f.kind,
    f.value,
    coalesce(f.low, f.value) AS low_value,
    coalesce(f.high, f.value) AS high_value,
    f.unit,
    f.currency,
    f.qualifier,
    f.period,
    coalesce(subj.entity_id, f.subject_entity_id) AS subject_entity_id,
    coalesce(obj.entity_id, f.object_entity_id) AS object_entity_id,
    f.sentence AS sentence_index,
    f.start AS start_char,
    f."end" AS end_char,
    f.text AS surface,
    coalesce(f.field, 'body') AS field,
    coalesce(f.field, 'body') = 'title' AND EXISTS (
        SELECT 1 FROM unnested AS b
        WHERE b.article_id = u.article_id AND coalesce(b.f.field, 'body') = 'body'
            AND b.f.kind = u.f.kind AND b.f.value = u.f.value
            AND b.f.unit IS NOT DISTINCT FROM u.f.unit
            AND b.f.currency IS NOT DISTINCT FROM u.f.currency
    ) AS repeats_body,
    CASE WHEN f.field = 'title' THEN u.title_length ELSE u.body_length END AS text_length
FROM unnested AS u
LEFT JOIN stg_entities AS subj
    ON subj.article_id = u.article_id AND subj.extracted_entity_id = u.f.subject_entity_id
LEFT JOIN stg_entities AS obj
    ON obj.article_id = u.article_id AND obj.extracted_entity_id = u.f.object_entity_id;
