-- One row per numeric figure in the batch.
CREATE OR REPLACE TABLE stg_figures AS
WITH unnested AS (
    SELECT
        a.article_id,
        a.body_length,
        unnest(from_json(e.payload -> '$.figures', '[{
            "start": "BIGINT", "end": "BIGINT", "text": "VARCHAR", "kind": "VARCHAR",
            "value": "DOUBLE", "unit": "VARCHAR", "currency": "VARCHAR", "qualifier": "VARCHAR",
            "period": "VARCHAR", "subject_entity_id": "VARCHAR", "object_entity_id": "VARCHAR",
            "sentence": "BIGINT"
        }]')) AS f
    FROM stg_articles AS a
    JOIN extractions AS e USING (article_id)
)
SELECT
    article_id || ':' || f.start || ':' || f."end" AS figure_id,
    article_id,
    f.kind,
    f.value,
    f.unit,
    f.currency,
    f.qualifier,
    f.period,
    f.subject_entity_id,
    f.object_entity_id,
    f.sentence AS sentence_index,
    f.start AS start_char,
    f."end" AS end_char,
    f.text AS surface,
    body_length
FROM unnested;
