-- One row per entity per article in the batch. An entity new to the warehouse whose name is
-- a known alias of exactly one other entity of the same type ("Tokayev" after an earlier
-- "Kassym-Jomart Tokayev") takes that entity's id; extracted_entity_id keeps the original.
-- It keeps its own id in an article where that would merge it with another of the article's
-- entities: the extractor saw two there ("NAJRAN" the place, "Najran City Council").
-- $entities: the from_json structure of the record list, derived from its declaration
-- (orchestration/extract/schema.py).
CREATE OR REPLACE TABLE stg_entities AS
WITH unnested AS (
    SELECT
        a.article_id,
        unnest(from_json(e.payload -> '$.entities', $entities)) AS ent
    FROM stg_articles AS a
    JOIN batch_extractions AS e USING (article_id)
),
extracted AS (
    SELECT
        article_id,
        ent.id AS extracted_entity_id,
        ent.name AS canonical_name,
        ent.type AS entity_type,
        ent.country AS country_code,
        ent.title AS title,
        ent.lat AS latitude,
        ent.lon AS longitude,
        ent.geonames_id AS geonames_id,
        coalesce(ent.aliases, []) AS aliases
    FROM unnested
),
known_aliases AS (
    SELECT a.alias_key, e.entity_id, e.entity_type, e.canonical_name
    FROM dim_entity_alias AS a
    JOIN dim_entity AS e USING (entity_id)
    UNION
    SELECT alias_key(unnest(aliases)), extracted_entity_id, entity_type, canonical_name
    FROM extracted
),
candidates AS (
    SELECT x.extracted_entity_id, x.entity_type, k.entity_id
    FROM extracted AS x
    JOIN known_aliases AS k
        ON k.alias_key = alias_key(x.canonical_name)
        AND k.entity_type = x.entity_type
        AND k.canonical_name <> x.canonical_name
    WHERE x.extracted_entity_id NOT IN (SELECT entity_id FROM dim_entity)
),
resolved AS (
    SELECT extracted_entity_id, entity_type, any_value(entity_id) AS entity_id
    FROM candidates
    GROUP BY ALL
    HAVING count(DISTINCT entity_id) = 1
),
assigned AS (
    SELECT x.*, coalesce(r.entity_id, x.extracted_entity_id) AS proposed_id
    FROM extracted AS x
    LEFT JOIN resolved AS r USING (extracted_entity_id, entity_type)
)
SELECT
    getvariable('run_id') AS run_id,
    article_id,
    CASE
        WHEN count(*) OVER (PARTITION BY article_id, proposed_id) = 1 THEN proposed_id
        ELSE extracted_entity_id
    END AS entity_id,
    extracted_entity_id,
    canonical_name,
    entity_type,
    country_code,
    title,
    latitude,
    longitude,
    geonames_id,
    aliases
FROM assigned;
