-- The entities $entity_ids, which no fact points at any more.
DELETE FROM dim_entity WHERE list_contains($entity_ids, entity_id);
