-- Entities of the batch; a known entity keeps its facts and gains any it lacked.
INSERT INTO dim_entity BY NAME
SELECT DISTINCT ON (entity_id)
    entity_id, canonical_name, entity_type, country_code, title, latitude, longitude, geonames_id
FROM batch_entities
ORDER BY entity_id, entity_id <> extracted_entity_id, country_code NULLS LAST, geonames_id NULLS LAST, title NULLS LAST
ON CONFLICT (entity_id) DO UPDATE SET
    country_code = coalesce(dim_entity.country_code, excluded.country_code),
    title = coalesce(dim_entity.title, excluded.title),
    latitude = coalesce(dim_entity.latitude, excluded.latitude),
    longitude = coalesce(dim_entity.longitude, excluded.longitude),
    geonames_id = coalesce(dim_entity.geonames_id, excluded.geonames_id);
