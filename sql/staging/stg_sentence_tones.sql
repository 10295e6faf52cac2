-- One row per sentence of the batch with its VADER tone, with the length of the text its
-- offsets index (the title's or the body's, by its field).
-- $sentence_tones: the from_json structure of the record list, derived from its declaration
-- (orchestration/extract/schema.py).
CREATE OR REPLACE TABLE stg_sentence_tones AS
WITH unnested AS (
    SELECT
        a.article_id,
        a.body_length,
        a.title_length,
        unnest(from_json(e.payload -> '$.sentence_tones', $sentence_tones)) AS s
    FROM stg_articles AS a
    JOIN batch_extractions AS e USING (article_id)
)
SELECT
    getvariable('run_id') AS run_id,
    article_id || CASE WHEN s.field = 'title' THEN ':title' ELSE '' END
        || ':' || s.sentence AS sentence_tone_id,
    article_id,
    s.sentence AS sentence_index,
    s.start AS start_char,
    s."end" AS end_char,
    s.compound,
    s.positive,
    s.negative,
    s.neutral,
    coalesce(s.field, 'body') AS field,
    CASE WHEN s.field = 'title' THEN title_length ELSE body_length END AS text_length
FROM unnested;
