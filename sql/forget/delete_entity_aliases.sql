-- Every alias of the entities $entity_ids, which are being deleted.
DELETE FROM dim_entity_alias WHERE list_contains($entity_ids, entity_id);
