-- dim_entity holds one row per (entity_id), enforced where the catalog has keys.
ALTER TABLE dim_entity ADD PRIMARY KEY (entity_id);
