-- dim_entity_alias holds one row per (alias, entity_id), enforced where the catalog has keys.
ALTER TABLE dim_entity_alias ADD PRIMARY KEY (alias, entity_id);
