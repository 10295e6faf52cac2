-- One row per numeric figure in the batch.
-- $figures: the from_json structure of the record list, derived from its declaration
-- (orchestration/extract/schema.py).
CREATE OR REPLACE TABLE stg_figures AS
WITH unnested AS (
    SELECT
        a.article_id,
        a.body_length,
        unnest(from_json(e.payload -> '$.figures', $figures)) AS f
    FROM stg_articles AS a
    JOIN extractions AS e USING (article_id)
)
SELECT
    getvariable('run_id') AS run_id,
    u.article_id || ':' || f.start || ':' || f."end" AS figure_id,
    u.article_id,
    f.kind,
    f.value,
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
    u.body_length
FROM unnested AS u
LEFT JOIN stg_entities AS subj
    ON subj.article_id = u.article_id AND subj.extracted_entity_id = u.f.subject_entity_id
LEFT JOIN stg_entities AS obj
    ON obj.article_id = u.article_id AND obj.extracted_entity_id = u.f.object_entity_id;
