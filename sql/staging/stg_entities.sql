-- One row per entity per article in the batch.
CREATE OR REPLACE TABLE stg_entities AS
WITH unnested AS (
    SELECT
        a.article_id,
        unnest(from_json(e.payload -> '$.entities', '[{
            "id": "VARCHAR", "name": "VARCHAR", "type": "VARCHAR", "country": "VARCHAR",
            "title": "VARCHAR", "lat": "DOUBLE", "lon": "DOUBLE", "geonames_id": "BIGINT",
            "aliases": ["VARCHAR"]
        }]')) AS ent
    FROM stg_articles AS a
    JOIN extractions AS e USING (article_id)
)
SELECT
    article_id,
    ent.id AS entity_id,
    ent.name AS canonical_name,
    ent.type AS entity_type,
    ent.country AS country_code,
    ent.title AS title,
    ent.lat AS latitude,
    ent.lon AS longitude,
    ent.geonames_id AS geonames_id,
    ent.aliases AS aliases
FROM unnested;
