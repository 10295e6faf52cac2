-- One row per direct quotation in the batch, with the length of the text its offsets index
-- (the title's or the body's, by its field).
-- $quotes: the from_json structure of the record list, derived from its declaration
-- (orchestration/extract/schema.py).
CREATE OR REPLACE TABLE stg_quotes AS
WITH unnested AS (
    SELECT
        a.article_id,
        a.body_length,
        a.title_length,
        unnest(from_json(e.payload -> '$.quotes', $quotes)) AS q
    FROM stg_articles AS a
    JOIN batch_extractions AS e USING (article_id)
)
SELECT
    getvariable('run_id') AS run_id,
    u.article_id || CASE WHEN q.field = 'title' THEN ':title' ELSE '' END
        || ':' || q.start || ':' || q."end" AS quote_id,
    u.article_id,
    coalesce(s.entity_id, q.speaker_entity_id) AS speaker_entity_id,
    q.speaker AS speaker_name,
    q.text AS quote_text,
    q.verb,
    q.sentence AS sentence_index,
    q.start AS start_char,
    q."end" AS end_char,
    coalesce(q.field, 'body') AS field,
    CASE WHEN q.field = 'title' THEN u.title_length ELSE u.body_length END AS text_length,
    q.tone
FROM unnested AS u
LEFT JOIN stg_entities AS s
    ON s.article_id = u.article_id AND s.extracted_entity_id = u.q.speaker_entity_id;
