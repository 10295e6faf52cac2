-- One row per count in the batch (GDELT's GKG counts: those an event befell, by type), with
-- the length of the text its offsets index (the title's or the body's, by its field).
-- $counts: the from_json structure of the record list, derived from its declaration
-- (orchestration/extract/schema.py).
CREATE OR REPLACE TABLE stg_counts AS
WITH unnested AS (
    SELECT
        a.article_id,
        a.body_length,
        a.title_length,
        unnest(from_json(e.payload -> '$.counts', $counts)) AS c
    FROM stg_articles AS a
    JOIN batch_extractions AS e USING (article_id)
)
SELECT
    getvariable('run_id') AS run_id,
    u.article_id || CASE WHEN c.field = 'title' THEN ':title' ELSE '' END
        || ':' || c.start || ':' || c."end" AS count_id,
    u.article_id,
    c.type AS count_type,
    c.value,
    c.object,
    c.qualifier,
    c.event,
    coalesce(p.entity_id, c.location_entity_id) AS location_entity_id,
    c.sentence AS sentence_index,
    c.start AS start_char,
    c."end" AS end_char,
    c.text AS surface,
    coalesce(c.field, 'body') AS field,
    CASE WHEN c.field = 'title' THEN u.title_length ELSE u.body_length END AS text_length
FROM unnested AS u
LEFT JOIN stg_entities AS p
    ON p.article_id = u.article_id AND p.extracted_entity_id = u.c.location_entity_id;
