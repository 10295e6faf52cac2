-- Aliases that only the forgotten articles' mentions gave a remaining entity ($aliases and
-- $entity_ids, pairwise): no remaining mention uses them and they are not the entity's name.
-- A declared alias removed here comes back with the next article that names the entity.
DELETE FROM dim_entity_alias AS a
USING (SELECT unnest($aliases) AS alias, unnest($entity_ids) AS entity_id) AS f
WHERE a.alias = f.alias AND a.entity_id = f.entity_id
    AND NOT EXISTS (
        SELECT 1 FROM fct_entity_mention AS m
        WHERE m.entity_id = a.entity_id AND m.surface = a.alias
    )
    AND NOT EXISTS (
        SELECT 1 FROM dim_entity AS e
        WHERE e.entity_id = a.entity_id AND e.canonical_name = a.alias
    );
