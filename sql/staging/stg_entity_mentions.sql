-- One row per entity mention in the batch, keyed to the resolved entity, with the length of
-- the text its offsets index (the title's or the body's, by its field) to check them against.
-- $entities: the from_json structure of the record list, derived from its declaration
-- (orchestration/extract/schema.py).
CREATE OR REPLACE TABLE stg_entity_mentions AS
WITH entities AS (
    SELECT
        a.article_id,
        a.body_length,
        a.title_length,
        unnest(from_json(e.payload -> '$.entities', $entities)) AS ent
    FROM stg_articles AS a
    JOIN batch_extractions AS e USING (article_id)
),
mentions AS (
    SELECT
        article_id,
        body_length,
        title_length,
        ent.id AS extracted_entity_id,
        unnest(ent.mentions) AS m
    FROM entities
)
SELECT
    getvariable('run_id') AS run_id,
    article_id || CASE WHEN m.field = 'title' THEN ':title' ELSE '' END
        || ':' || m.start || ':' || m."end" || ':' || entity_id AS mention_id,
    article_id,
    entity_id,
    m.sentence AS sentence_index,
    m.start AS start_char,
    m."end" AS end_char,
    m.text AS surface,
    coalesce(m.field, 'body') AS field,
    CASE WHEN m.field = 'title' THEN title_length ELSE body_length END AS text_length
FROM mentions
JOIN stg_entities USING (article_id, extracted_entity_id);
