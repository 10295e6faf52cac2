-- Every surface form seen for an entity: declared aliases, canonical names and mention texts.
-- A known (alias, entity) pair is left as it is.
MERGE INTO dim_entity_alias AS t
USING (
    WITH forms AS (
        SELECT entity_id, canonical_name AS alias FROM batch_entities
        UNION
        SELECT entity_id, unnest(aliases) FROM batch_entities
        UNION
        SELECT entity_id, surface FROM batch_entity_mentions
    )
    SELECT DISTINCT alias, entity_id, alias_key(alias) AS alias_key
    FROM forms
    WHERE alias IS NOT NULL AND trim(alias) <> ''
) AS s
ON t.alias = s.alias AND t.entity_id = s.entity_id
WHEN NOT MATCHED THEN INSERT BY NAME;
