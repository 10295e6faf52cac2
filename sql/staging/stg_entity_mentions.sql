-- One row per entity mention in the batch, keyed to the resolved entity, with the body
-- length to check offsets against.
-- $entities: the from_json structure of the record list, derived from its declaration
-- (orchestration/extract/schema.py).
CREATE OR REPLACE TABLE stg_entity_mentions AS
WITH entities AS (
    SELECT
        a.article_id,
        a.body_length,
        unnest(from_json(e.payload -> '$.entities', $entities)) AS ent
    FROM stg_articles AS a
    JOIN extractions AS e USING (article_id)
),
mentions AS (
    SELECT article_id, body_length, ent.id AS extracted_entity_id, unnest(ent.mentions) AS m
    FROM entities
)
SELECT
    getvariable('run_id') AS run_id,
    article_id || ':' || m.start || ':' || m."end" || ':' || entity_id AS mention_id,
    article_id,
    entity_id,
    m.sentence AS sentence_index,
    m.start AS start_char,
    m."end" AS end_char,
    m.text AS surface,
    body_length
FROM mentions
JOIN stg_entities USING (article_id, extracted_entity_id);
